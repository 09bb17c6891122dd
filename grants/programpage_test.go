package grants

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse/parsetest"
	"github.com/tipkit/tipkit/tip/text"
)

const (
	seed001 = "../testdata/seeds/001_55bed9327e7c00e3.txt"
	seed002 = "../testdata/seeds/002_905a6536ea9ea58c.txt"
	seed004 = "../testdata/seeds/004_7d4fa78d515e344c.txt"
)

func readPage(t testing.TB, path string) *ProgramPage {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParseProgramPage(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("ParseProgramPage(%s): %v", path, err)
	}
	return p
}

func iso3s(cs []tip.Country) string {
	var s []string
	for _, c := range cs {
		s = append(s, c.ISO3())
	}
	return strings.Join(s, " ")
}

func TestProgramPageSeeds(t *testing.T) {
	type hl struct{ Theme, Countries string }
	tests := []struct {
		path       string
		title      string
		programs   []ProgramType
		labels     []string
		highlights []hl
		skipped    int
		findings   int
	}{
		{
			path:  seed001,
			title: "INTERNATIONAL PROGRAMS TO COMBAT TRAFFICKING IN PERSONS",
			programs: []ProgramType{BilateralRegional, ChildProtectionCompact, TrainingTechnicalAssistance,
				EmergencyVictimAssistance, ResearchInnovation},
			labels: []string{"Bilateral and Regional", "Child Protection Compact Partnerships", "Training and Technical Assistance",
				"Emergency Victim Assistance", "Research and Innovation"},
			highlights: []hl{
				{"ENACTING ANTI-TRAFFICKING LAWS AND FRAMEWORKS", "TUN"},
				{"ENACTING ANTI-TRAFFICKING LAWS AND FRAMEWORKS", "HTI"},
				{"ENACTING ANTI-TRAFFICKING LAWS AND FRAMEWORKS", "RWA"},
				{"PROVIDING AND EXPANDING VICTIM SERVICES", "THA"},
				{"PROVIDING AND EXPANDING VICTIM SERVICES", "JOR"},
				{"INCREASING PUBLIC AWARENESS AND GOVERNMENT COORDINATION", "LBR"},
				{"INCREASING PUBLIC AWARENESS AND GOVERNMENT COORDINATION", "SEN"},
				{"INCREASING PUBLIC AWARENESS AND GOVERNMENT COORDINATION", "BGD"},
				{"INCREASING PUBLIC AWARENESS AND GOVERNMENT COORDINATION", "IDN"},
				{"INCREASING PUBLIC AWARENESS AND GOVERNMENT COORDINATION", "ECU COL BOL BRA CHL PER"},
				{"PROTECTING CHILDREN", ""},
				{"PROVIDING TRAINING AND TECHNICAL ASSISTANCE", "MDG MWI MOZ"},
				{"RESEARCHING TRAFFICKING RISKS IN GLOBAL SUPPLY CHAINS", ""},
			},
			skipped: 1, // the photo credit
		},
		{
			path:  seed002,
			title: "INTERNATIONAL PROGRAMS TO COMBAT TRAFFICKING IN PERSONS",
			programs: []ProgramType{BilateralRegional, ChildProtectionCompact, TrainingTechnicalAssistance,
				EmergencyVictimAssistance, ResearchInnovation, EndModernSlavery},
			labels: []string{"Bilateral and Regional", "Child Protection Compact Partnerships", "Training and Technical Assistance",
				"Emergency Victim Assistance", "Global, Research, and Innovation", "Program to End Modern Slavery"},
			highlights: []hl{
				{"ENACTING ANTI-TRAFFICKING LEGAL FRAMEWORKS", "BWA"},
				{"ENACTING ANTI-TRAFFICKING LEGAL FRAMEWORKS", "LBN"},
				{"ENACTING ANTI-TRAFFICKING LEGAL FRAMEWORKS", "MEX"},
				{"ENACTING ANTI-TRAFFICKING LEGAL FRAMEWORKS", "ZWE"},
				{"PROVIDING AND EXPANDING VICTIM SERVICES", "COD"},
				{"PROVIDING AND EXPANDING VICTIM SERVICES", "MAR"},
				{"PROVIDING AND EXPANDING VICTIM SERVICES", "UKR"},
				{"PROVIDING TRAINING AND TECHNICAL ASSISTANCE", "NGA"},
				{"PROVIDING TRAINING AND TECHNICAL ASSISTANCE", "BFA"},
				{"HUMAN TRAFFICKING DATA COLLECTION AND RESEARCH", ""},
				{"HUMAN TRAFFICKING DATA COLLECTION AND RESEARCH", ""},
			},
			skipped: 2, // two letter-spaced running headers
		},
		{
			path:    seed004,
			skipped: 9, // the navigation bar
		},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			p := readPage(t, tt.path)
			if p.Title != tt.title {
				t.Errorf("Title = %q, want %q", p.Title, tt.title)
			}
			var types []ProgramType
			var labels []string
			for _, pr := range p.Programs {
				types = append(types, pr.Type)
				labels = append(labels, pr.Label)
				if pr.Description == "" || !pr.Pos.IsValid() {
					t.Errorf("program %q lacks description or position", pr.Label)
				}
			}
			if diff := cmp.Diff(tt.programs, types); diff != "" {
				t.Errorf("program types mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.labels, labels); diff != "" {
				t.Errorf("program labels mismatch (-want +got):\n%s", diff)
			}
			var got []hl
			for _, h := range p.Highlights {
				got = append(got, hl{h.Theme, iso3s(h.Countries)})
				if len(h.Places) != len(h.Countries) {
					t.Errorf("highlight at %v: places %q but countries %v", h.Pos, h.Places, h.Countries)
				}
			}
			if diff := cmp.Diff(tt.highlights, got); diff != "" {
				t.Errorf("highlights mismatch (-want +got):\n%s", diff)
			}
			if len(p.Skipped) != tt.skipped {
				t.Errorf("skipped %d lines, want %d: %+v", len(p.Skipped), tt.skipped, p.Skipped)
			}
			if len(p.Findings) != tt.findings {
				t.Errorf("findings: %v", p.Findings)
			}
		})
	}
}

func TestProgramPageFacts(t *testing.T) {
	d := decimal.RequireFromString
	c := tip.MustLookupCountry
	countries := []tip.Country{c("Bangladesh"), c("Burma"), c("Djibouti"), c("Estonia"), c("Ghana"), c("India"), c("Haiti"),
		c("Kyrgyzstan"), c("Mexico"), c("Namibia"), c("Nepal"), c("Philippines"), c("Sierra Leone"), c("Timor-Leste"),
		c("Turkmenistan"), c("Ukraine"), c("Uruguay")}
	tests := []struct {
		path string
		want []Fact
	}{
		{seed001, []Fact{{Kind: FactTotal, Amount: d("265000000"), Qualifier: "more than", Count: 945, CountOf: "projects", Since: 2001, Pos: tip.Position{Line: 7, Col: 656}}}},
		{seed002, []Fact{{Kind: FactTotal, Amount: d("300000000"), Qualifier: "more than", Count: 960, CountOf: "awards", Since: 2001, Pos: tip.Position{Line: 13, Col: 27}}}},
		{seed004, []Fact{
			{Kind: FactAward, Amount: d("600000"), Recipients: []string{"Labor Rights Promotion Network (LPN)"}, Pos: tip.Position{Line: 12, Col: 117}},
			{Kind: FactPrize, Amount: d("250000"), Pos: tip.Position{Line: 15, Col: 134}},
			{Kind: FactPrize, Amount: d("20000"), Pos: tip.Position{Line: 15, Col: 428}},
			{Kind: FactTotal, Amount: d("18000000"), Qualifier: "over", Count: 27, CountOf: "projects", FiscalYear: 2015, Countries: countries, Pos: tip.Position{Line: 19, Col: 119}},
			{Kind: FactAward, Amount: d("5000000"), Qualifier: "a total of", Recipients: []string{"International Organization on Migration", "Free the Slaves"}, Pos: tip.Position{Line: 22, Col: 71}},
		}},
	}
	for _, tt := range tests {
		p := readPage(t, tt.path)
		if diff := cmp.Diff(tt.want, p.Facts, cmpopts.IgnoreFields(Fact{}, "Text")); diff != "" {
			t.Errorf("%s facts mismatch (-want +got):\n%s", tt.path, diff)
		}
		lines := strings.Split(string(mustRead(t, tt.path)), "\n")
		for _, f := range p.Facts {
			if line := lines[f.Pos.Line-1]; !strings.HasPrefix(line[f.Pos.Col-1:], "$") {
				t.Errorf("fact %v: position %v is not at a dollar sign: %.20q", f.Amount, f.Pos, line[f.Pos.Col-1:])
			}
			if !strings.Contains(f.Text, "$") {
				t.Errorf("fact %v: sentence %q lacks the figure", f.Amount, f.Text)
			}
		}
	}
}

func mustRead(t testing.TB, path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Strict and lax over the same pages: what the lax parse notes as a
// finding, the strict one refuses with an error wrapping strictErr.
func TestProgramPageMess(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		facts     int
		findings  []string // rules, lax
		strictErr error    // nil: strict succeeds
		laxErr    error
	}{
		{"unknown program", "**Space Program:** rockets.\n", 0, []string{"grants/program-type"}, ErrProgramType, nil},
		{"bad dollar figure", "The office awarded $1,00,0 to nobody.\n", 0, []string{"grants/dollar-figure"}, tip.ErrAmount, nil},
		{"unclassified figure", "It cost $5 to print.\n", 0, []string{"grants/dollar-figure"}, tip.ErrSyntax, nil},
		{"figure in chrome", "Donate $5 |\n", 0, []string{"grants/dollar-figure"}, tip.ErrSyntax, nil},
		{"figure in heading", "# WE GAVE $5 MILLION\n", 0, []string{"grants/dollar-figure"}, tip.ErrSyntax, nil},
		{"award", "In 2016 the TIP Office awarded a $1,000 grant to World Vision for work.\n", 1, nil, nil, nil},
		{"CRLF and BOM", "\ufeffThe following examples highlight grantee efforts.\r\n\r\nPROTECTING CHILDREN\r\nIn Ghana, a grantee helped.\r\n", 0, nil, nil, nil},
		{"not a country in bold", "The following examples highlight.\n\n## THEME\n\nIn **Atlantis**, a grantee.\n", 0, []string{"grants/highlight-place"}, tip.ErrUnknownCountry, nil},
		{"misprint in bold", "The following examples highlight.\n\n## THEME\n\nIn **Tongo**, a grantee.\n", 0, []string{tip.ErratumRule}, tip.ErrUnknownCountry, nil},
		{"invalid UTF-8", "ok\n\xff\xfe\n", 0, nil, tip.ErrEncoding, tip.ErrEncoding},
		{"NUL", "a\x00b\n", 0, nil, tip.ErrEncoding, tip.ErrEncoding},
		{"empty", "", 0, nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseProgramPage(strings.NewReader(tt.in))
			if !errors.Is(err, tt.strictErr) || (tt.strictErr == nil && err != nil) {
				t.Errorf("ParseProgramPage error = %v, want %v", err, tt.strictErr)
			}
			p, err := ParseProgramPageWith(strings.NewReader(tt.in), tip.ParseOptions{Lax: true})
			if !errors.Is(err, tt.laxErr) || (tt.laxErr == nil && err != nil) {
				t.Fatalf("lax error = %v, want %v", err, tt.laxErr)
			}
			if len(p.Facts) != tt.facts {
				t.Errorf("facts = %+v, want %d", p.Facts, tt.facts)
			}
			var rules []string
			for _, f := range p.Findings {
				rules = append(rules, f.Rule)
				if f.Source != "page" {
					t.Errorf("finding %v: source %q, want \"page\"", f, f.Source)
				}
			}
			if diff := cmp.Diff(tt.findings, rules); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s\n%v", diff, p.Findings)
			}
		})
	}
}

func TestParseHighlightsGhana(t *testing.T) {
	hs, err := ParseHighlights(strings.NewReader("\ufeffThe following examples highlight grantee efforts.\r\n\r\nPROTECTING CHILDREN\r\nIn Ghana, a grantee helped.\r\n"))
	if err != nil || len(hs) != 1 || iso3s(hs[0].Countries) != "GHA" || hs[0].Theme != "PROTECTING CHILDREN" || hs[0].Pos != (tip.Position{Line: 4, Col: 1}) {
		t.Errorf("ParseHighlights = %+v, %v", hs, err)
	}
}

func TestParseProgramType(t *testing.T) {
	tests := map[string]ProgramType{
		"Bilateral and Regional":                      BilateralRegional,
		"Child Protection Compact Partnerships":       ChildProtectionCompact,
		"CHILD PROTECTION COMPACT (CPC) PARTNERSHIPS": ChildProtectionCompact,
		"Training and Technical Assistance":           TrainingTechnicalAssistance,
		"Emergency Victim Assistance":                 EmergencyVictimAssistance,
		"Research and Innovation":                     ResearchInnovation,
		"Global, Research, and Innovation":            ResearchInnovation,
		"Program to End Modern Slavery":               EndModernSlavery,
		"PROGRAM TO END MODERN SLAVERY (PEMS)":        EndModernSlavery,
		"pems":                                        EndModernSlavery,
		"  Bilateral  and\u00a0Regional: ":            BilateralRegional,
	}
	for in, want := range tests {
		got, err := ParseProgramType(in)
		if err != nil || got != want {
			t.Errorf("ParseProgramType(%q) = %v, %v; want %v", in, got, err, want)
		}
		b, _ := got.MarshalText()
		var back ProgramType
		if err := back.UnmarshalText(b); err != nil || back != got {
			t.Errorf("round trip %v: %v %v", got, back, err)
		}
	}
	if _, err := ParseProgramType("Space"); !errors.Is(err, ErrProgramType) {
		t.Errorf("ParseProgramType(Space) = %v", err)
	}
	if ProgramUnknown.String() != "unknown" || ResearchInnovation.Name() != "Research and Innovation" {
		t.Errorf("names wrong")
	}
}

func TestRepairLetterSpacing(t *testing.T) {
	for in, want := range map[string]string{
		"ENACTING ANTI-TR AFFICKING LEGAL FR AMEWORKS":            "ENACTING ANTI-TRAFFICKING LEGAL FRAMEWORKS",
		"PROVIDING TR AINING AND TECHNICAL ASSISTANCE":            "PROVIDING TRAINING AND TECHNICAL ASSISTANCE",
		"HUMAN TR AFFICKING DATA COLLECTION AND RESEARCH":         "HUMAN TRAFFICKING DATA COLLECTION AND RESEARCH",
		"PROVIDING AND EXPANDING VICTIM SERVICES":                 "PROVIDING AND EXPANDING VICTIM SERVICES",
		"INCREASING PUBLIC AWARENESS AND GOVERNMENT COORDINATION": "INCREASING PUBLIC AWARENESS AND GOVERNMENT COORDINATION",
		"A TO Z": "A TO Z",
	} {
		if got := repairLetterSpacing(in); got != want {
			t.Errorf("repairLetterSpacing(%q) = %q, want %q", in, got, want)
		}
	}
}

// pageSentinels are the errors ParseProgramPageWith documents.
var pageSentinels = []error{tip.ErrEncoding, tip.ErrSyntax, tip.ErrAmount, tip.ErrUnknownCountry, tip.ErrAmbiguousCountry,
	ErrProgramType, tip.ErrTooManyErrors}

// FuzzParseProgramPage checks properties, strict and lax: positions inside
// the input; every error a positioned *tip.ParseError wrapping a
// documented sentinel; every dollar sign on a text line a fact, or (lax) a
// finding or (strict) an error; strict success implies lax success with
// the same facts and highlights.
func FuzzParseProgramPage(f *testing.F) {
	parsetest.AddCorpus(f, "pages", ".txt")
	for _, p := range []string{seed001, seed002, seed004} {
		f.Add(mustRead(f, p))
	}
	f.Add([]byte("The following examples highlight.\n\n## T\n\nIn **Atlantis**, $1,00,0 and $5 million to X.\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		lines := parsetest.SplitLines(in)
		dollars := 0
		for _, l := range lines {
			if text.Invalid([]byte(l)) == 0 {
				dollars += strings.Count(l, "$")
			}
		}
		strict, serr := ParseProgramPage(bytes.NewReader(in))
		lax, lerr := ParseProgramPageWith(bytes.NewReader(in), tip.ParseOptions{Lax: true})
		strictDollars := 0
		for i, err := range []error{serr, lerr} {
			var list tip.ErrorList
			if err != nil && !errors.As(err, &list) {
				t.Fatalf("%v is not a tip.ErrorList", err)
			}
			for _, e := range list {
				ok := false
				for _, s := range pageSentinels {
					ok = ok || errors.Is(e, s)
				}
				if !ok || !lines.Contains(e.Pos()) {
					t.Fatalf("%v: wraps no documented sentinel, or is outside the input", e)
				}
				if i == 0 && (errors.Is(e, tip.ErrAmount) || strings.Contains(e.Error(), "dollar figure")) {
					strictDollars++
				}
			}
		}
		read, dropped := len(lax.Facts), false
		for _, f := range lax.Findings {
			if f.Rule == "grants/too-many-findings" {
				dropped = true
				continue
			}
			if !lines.Contains(f.Pos) {
				t.Fatalf("finding outside the input: %v", f)
			}
			if f.Rule == "grants/dollar-figure" {
				read++
			}
		}
		if !errors.Is(lerr, tip.ErrTooManyErrors) && (read > dollars || (read < dollars && !dropped)) {
			t.Fatalf("%d dollar signs but %d facts and dollar findings (lax)", dollars, read)
		}
		if !errors.Is(serr, tip.ErrTooManyErrors) && len(strict.Facts)+strictDollars != dollars {
			t.Fatalf("%d dollar signs but %d facts and %d dollar errors (strict): %v", dollars, len(strict.Facts), strictDollars, serr)
		}
		for _, f := range lax.Facts {
			if !lines.Contains(f.Pos) || f.Amount.IsNegative() {
				t.Fatalf("bad fact %+v", f)
			}
		}
		for _, h := range lax.Highlights {
			if !lines.Contains(h.Pos) {
				t.Fatalf("highlight outside the input: %+v", h)
			}
		}
		if serr == nil {
			if lerr != nil {
				t.Fatalf("strict ok, lax failed: %v", lerr)
			}
			if d := cmp.Diff(strict.Facts, lax.Facts); d != "" {
				t.Fatalf("strict and lax facts differ (-strict +lax):\n%s", d)
			}
			if d := cmp.Diff(strict.Highlights, lax.Highlights); d != "" {
				t.Fatalf("strict and lax highlights differ (-strict +lax):\n%s", d)
			}
		}
	})
}

func BenchmarkParseProgramPage(b *testing.B) {
	for _, p := range []string{seed001, seed002, seed004} {
		in := mustRead(b, p)
		b.Run("seed"+filepath.Base(p)[:3], func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				ParseProgramPage(bytes.NewReader(in))
			}
		})
	}
}
