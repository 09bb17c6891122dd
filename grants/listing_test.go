package grants

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse/parsetest"
)

const seed000 = "../testdata/seeds/000_e4c553fa7321646b.txt"

func readSeed000(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(seed000)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseLaxSeed(t *testing.T) {
	l, err := ParseLax(bytes.NewReader(readSeed000(t)))
	if err != nil {
		t.Fatal(err)
	}
	if l.AsOf != tip.MustParseDate("October 1, 2021") || l.ClaimedProjects != 110 || l.ClaimedCountries != 95 || l.ClaimedAmount.String() != "245000000" {
		t.Errorf("header: %v %d %d %s", l.AsOf, l.ClaimedProjects, l.ClaimedCountries, l.ClaimedAmount)
	}
	if len(l.Projects) != 84 || l.Total().String() != "93092054" || len(l.Sections) != 11 {
		t.Errorf("%d projects, total %s, %d sections; want 84, 93092054, 11", len(l.Projects), l.Total(), len(l.Sections))
	}
	var bb []string
	for _, g := range l.ByBureau() {
		bb = append(bb, g.Key+":"+g.Amount.String())
	}
	want := "AF:21833277 EAP:11722828 EUR:6191445 NEA:11539500 SCA:7341004 WHA:18177000 :16287000"
	if got := strings.Join(bb, " "); got != want {
		t.Errorf("by bureau = %s\nwant       %s", got, want)
	}
	rules := map[string]int{}
	for _, f := range l.Findings {
		rules[f.Rule]++
	}
	wantRules := map[string]int{tip.ErratumRule: 2, "grants/label-order": 5, "grants/no-country": 8,
		"grants/plural-label": 2, "grants/project-description": 1, "grants/unresolved-place": 2}
	if d := cmp.Diff(wantRules, rules); d != "" {
		t.Errorf("findings by rule (-want +got):\n%s", d)
	}
	p := l.Projects[0]
	if p.Label != "Eastern Africa Region" || len(p.Countries) != 13 || p.Implementer.Acronym != "UNODC" || p.EndDate != tip.MustParseDate("2022-03-31") || p.Pos.Line != 15 {
		t.Errorf("first project: %+v", p)
	}
	var mena Project
	for _, q := range l.Projects {
		if len(q.Unresolved) > 0 && q.Unresolved[0] == "MENA" {
			mena = q
		}
	}
	if mena.Label != "Regional Project" || len(mena.Countries) != 1 || mena.Countries[0].ISO3() != "IRQ" {
		t.Errorf("Iraq and MENA: %+v", mena)
	}
	scopes := map[Scope]int{}
	for _, q := range l.Projects {
		scopes[q.Scope()]++
	}
	if d := cmp.Diff(map[Scope]int{ScopeBilateral: 56, ScopeRegional: 20, ScopeGlobal: 8}, scopes); d != "" {
		t.Errorf("scopes (-want +got):\n%s", d)
	}
	// Equal split adds up to the cent.
	alloc := l.Total().Sub(l.Total())
	for _, c := range l.ByCountry() {
		alloc = alloc.Add(c.Allocated)
	}
	if alloc.String() != "80565054" || len(l.ByCountry()) != 94 {
		t.Errorf("allocated %s over %d countries, want 80565054 over 94", alloc, len(l.ByCountry()))
	}
	if n := len(l.Touching(tip.MustLookupCountry("Laos"))); n != 5 {
		t.Errorf("projects touching Laos = %d, want 5", n)
	}
	if n := len(l.EndingIn(2022)); n != 40 {
		t.Errorf("ending in FY2022 = %d, want 40", n)
	}
	if ig := l.ByImplementer()[0]; ig.Key != "IOM" || ig.Projects != 18 || ig.Amount.String() != "19746445" {
		t.Errorf("top implementer %+v", ig)
	}
}

func TestParseStrictSeed(t *testing.T) {
	l, err := Parse(bytes.NewReader(readSeed000(t)))
	var list tip.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("err = %v", err)
	}
	// 2 errata, 2 region terms, 2 plural labels, 1 "Project Description",
	// 5 label orders, 8 records with no country: 20 errors in 19 records
	// (the CIJA record has its Countries second and names a region).
	if list.Len() != 20 || len(l.Projects) != 84-19 {
		t.Errorf("%d errors, %d projects kept; want 20 and 65", list.Len(), len(l.Projects))
	}
	if !errors.Is(err, tip.ErrUnknownCountry) || !errors.Is(err, tip.ErrMissing) {
		t.Errorf("err lacks sentinels: %v", err)
	}
}

// Strict and lax over the same inputs, as x/mod's ok/laxOK columns; the
// position and sentinel expected are marked in the table.
func TestParseTable(t *testing.T) {
	rec := func(lines ...string) string { return "Africa\n\n" + strings.Join(lines, "\n") + "\n" }
	tests := []struct {
		name       string
		in         string
		ok, laxOK  bool
		pos        string
		sentinel   error
		laxRecords int
	}{
		{"clean", rec("Country: Kenya", "Implementer: World Vision", "Amount: $1,000", "End Date: 9/30/2023", "Description: x"), true, true, "", nil, 1},
		{"plural label", rec("Countries: Kenya", "Implementer: World Vision", "Amount: $1,000", "End Date: 9/30/2023"), false, true, "3:1", tip.ErrSyntax, 1},
		{"erratum", rec("Country: Seychelle", "Implementer: IOM", "Amount: $1", "End Date: 9/30/2023"), false, true, "3:10", tip.ErrUnknownCountry, 1},
		{"amount not money", rec("Country: Kenya", "Implementer: IOM", "Amount: $1,00,0", "End Date: 9/30/2023"), false, false, "5:9", tip.ErrAmount, 0},
		{"negative amount", rec("Country: Kenya", "Implementer: IOM", "Amount: $-5", "End Date: 9/30/2023"), false, false, "5:9", tip.ErrAmount, 0},
		{"USD amount", rec("Country: Kenya", "Implementer: IOM", "Amount: USD 5", "End Date: 9/30/2023"), false, false, "5:9", tip.ErrAmount, 0},
		{"empty amount", rec("Country: Kenya", "Implementer: IOM", "Amount:", "End Date: 9/30/2023"), false, false, "5:8", tip.ErrMissing, 0},
		{"no amount", rec("Country: Kenya", "Implementer: IOM", "End Date: 9/30/2023"), false, false, "3:1", tip.ErrMissing, 0},
		{"impossible date", rec("Country: Kenya", "Implementer: IOM", "Amount: $5", "End Date: 2/30/2023"), false, false, "6:11", tip.ErrDate, 0},
		{"month 13", rec("Country: Kenya", "Implementer: IOM", "Amount: $5", "End Date: 13/01/2022"), false, false, "6:11", tip.ErrDate, 0},
		// The repeated Amount starts a second record (issue 20 item 11), which lacks an Implementer.
		{"duplicate label", rec("Country: Kenya", "Implementer: IOM", "Amount: $5", "Amount: $6", "End Date: 9/30/2023"), false, false, "6:1", tip.ErrDuplicate, 1},
		{"unknown label", rec("Country: Kenya", "Implementer: IOM", "Budget: $5", "Amount: $5"), false, false, "5:1", tip.ErrSyntax, 0},
		{"NUL byte", rec("Country: Ke\x00nya", "Implementer: IOM", "Amount: $5"), false, false, "3:12", tip.ErrEncoding, 0},
		{"only a header", "As of October 1, 2021, the TIP Office manages 110 projects in over 95 countries worth more than $245 million in total.\n", true, true, "", nil, 0},
		{"empty", "", true, true, "", nil, 0},
		{"mixed CRLF", "Africa\r\n\r\nCountry: Kenya\nImplementer: IOM\r\nAmount: $5\nEnd Date: 9/30/2023\r\n", true, true, "", nil, 1},
		{"unknown heading", "Antarctica\n\nCountry: Kenya\nImplementer: IOM\nAmount: $5\nEnd Date: 9/30/2023\n", false, true, "1:1", tip.ErrSyntax, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.in))
			if (err == nil) != tt.ok {
				t.Errorf("Parse err = %v, want ok %v", err, tt.ok)
			}
			if !tt.ok {
				var list tip.ErrorList
				found := false
				if errors.As(err, &list) {
					for _, e := range list {
						found = found || (e.Pos().String() == tt.pos && errors.Is(e, tt.sentinel))
					}
				}
				if !found {
					t.Errorf("Parse err = %v, want %v at %s", err, tt.sentinel, tt.pos)
				}
			}
			l, lerr := ParseLax(strings.NewReader(tt.in))
			if (lerr == nil) != tt.laxOK {
				t.Errorf("ParseLax err = %v, want ok %v", lerr, tt.laxOK)
			}
			if len(l.Projects) != tt.laxRecords {
				t.Errorf("ParseLax kept %d records, want %d", len(l.Projects), tt.laxRecords)
			}
		})
	}
}

// Records in = records out + records in error, however the input breaks.
func TestRecordConservation(t *testing.T) {
	in := readSeed000(t)
	// Count record starts independently: blocks of lines whose first line
	// is "Label: value".
	starts := 0
	for _, block := range strings.Split(string(in), "\n\n") {
		first, _, _ := strings.Cut(strings.TrimLeft(block, "\n"), "\n")
		if label, _, ok := strings.Cut(first, ":"); ok && strings.Trim(label, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz ") == "" && label != "" {
			starts++
		}
	}
	ok, bad := 0, 0
	for p, err := range Scan(bytes.NewReader(in)) {
		if err != nil {
			bad++
			continue
		}
		_ = p
		ok++
	}
	if ok+bad != 84 || starts != 84 {
		t.Errorf("scan: %d ok + %d bad; %d record starts counted", ok, bad, starts)
	}
	broken := strings.Replace(string(in), "Amount: $500,000\n", "Amount: $5,00,000\n", 1)
	l, err := ParseLax(strings.NewReader(broken))
	var list tip.ErrorList
	if !errors.As(err, &list) || list.Len() != 1 || len(l.Projects) != 83 {
		t.Errorf("one bad amount: %d projects, err %v", len(l.Projects), err)
	}
}

func TestListingGolden(t *testing.T) {
	got, err := json.MarshalIndent(Default(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	parsetest.Golden(t, filepath.Join("..", "testdata", "grants", "listing2021.golden.json"), string(got)+"\n")
}

func TestDefaultMatchesSeed(t *testing.T) {
	if !bytes.Equal(listing2021, readSeed000(t)) {
		t.Error("data/projects_2021.txt differs from seed 000")
	}
	first, second := Default(), Default()
	if len(first.Projects) != 84 {
		t.Errorf("Default has %d projects, want 84", len(first.Projects))
	}
	if d := cmp.Diff(first, second); d != "" {
		t.Errorf("two calls of Default differ (-first +second):\n%s", d)
	}
	for _, f := range Default().Findings {
		if f.Source != ListingSource {
			t.Errorf("finding source %q", f.Source)
		}
	}
}

func TestHugeLine(t *testing.T) {
	desc := strings.Repeat("a", 10<<20)
	in := "Global\n\nImplementer: IOM\nAmount: $5\nEnd Date: 9/30/2023\nDescription: " + desc + "\n"
	l, err := ParseLax(strings.NewReader(in))
	if err != nil || len(l.Projects) != 1 || len(l.Projects[0].Description) != len(desc) {
		t.Fatalf("10 MB description: %v", err)
	}
}

func TestValidateSeed(t *testing.T) {
	var got []string
	for _, f := range Validate(Default()) {
		got = append(got, f.Rule+" "+f.Subject)
	}
	want := []string{
		"grants/header-claim header",
		"grants/implementer-variants ABA",
		"grants/implementer-variants TdH",
		"grants/implementer-variants UNODC",
		"grants/ended line 105", "grants/ended line 123", "grants/ended line 162", "grants/ended line 345", "grants/ended line 470", "grants/ended line 520",
		"grants/cross-bureau line 264",
	}
	slices.Sort(got)
	slices.Sort(want)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Validate (-want +got):\n%s", d)
	}
	bad := &Listing{Projects: []Project{
		{Implementer: Implementer{Name: "A"}, Pos: tip.Position{Line: 1, Col: 1}},
		{Implementer: Implementer{Name: "A"}, Pos: tip.Position{Line: 9, Col: 1}},
	}}
	var rules []string
	for _, f := range Validate(bad) {
		rules = append(rules, f.Rule)
	}
	slices.Sort(rules)
	if d := cmp.Diff([]string{"grants/amount", "grants/amount", "grants/duplicate", "grants/end-date", "grants/end-date"}, rules); d != "" {
		t.Errorf("Validate(bad) (-want +got):\n%s", d)
	}
}

// The forms issue 3 lists: CRLF, a BOM, NBSP and U+202F, tabs, trailing
// spaces, blank lines inside a record, labels in any order, Country: and
// Countries: with either form of list. Each reads to the same project.
func TestMessyForms(t *testing.T) {
	want := Project{Section: "Africa", Bureau: tip.AF, Places: "Kenya", Countries: []tip.Country{tip.MustLookupCountry("Kenya")},
		Implementer: Implementer{Name: "World Vision"}, Amount: tip.MustParseUSD("$1,000"), EndDate: tip.MustParseDate("2023-09-30"), Description: "x y"}
	tests := []struct{ name, in string }{
		{"plain", "Africa\n\nCountry: Kenya\nImplementer: World Vision\nAmount: $1,000\nEnd Date: 9/30/2023\nDescription: x y\n"},
		{"CRLF", "Africa\r\n\r\nCountry: Kenya\r\nImplementer: World Vision\r\nAmount: $1,000\r\nEnd Date: 9/30/2023\r\nDescription: x y\r\n"},
		{"BOM", "\ufeffAfrica\n\nCountry: Kenya\nImplementer: World Vision\nAmount: $1,000\nEnd Date: 9/30/2023\nDescription: x y\n"},
		{"NBSP and U+202F", "Africa\u00a0\n\nCountry:\u00a0Kenya\nImplementer:\u202fWorld Vision\nAmount: $1,000\u00a0\nEnd Date: 9/30/2023\nDescription: x y\n"},
		{"tabs and trailing spaces", "Africa\t\n\nCountry:\tKenya   \nImplementer: World Vision\t\nAmount:\t$1,000\nEnd Date: 9/30/2023 \nDescription: x y \n"},
		{"blank line inside", "Africa\n\nCountry: Kenya\nImplementer: World Vision\n\nAmount: $1,000\nEnd Date: 9/30/2023\n\nDescription: x y\n"},
		{"any order", "Africa\n\nDescription: x y\nEnd Date: 9/30/2023\nAmount: $1,000\nCountry: Kenya\nImplementer: World Vision\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ParseLax(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Projects) != 1 {
				t.Fatalf("%d projects", len(l.Projects))
			}
			if d := cmp.Diff(want, l.Projects[0], cmpopts.IgnoreTypes(tip.Position{})); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
	// Either label with either form of list.
	for _, in := range []string{"Country: Kenya and Uganda", "Countries: Kenya and Uganda", "Countries: Regional – Kenya, Uganda", "Country: Regional Project – (Kenya and Uganda)"} {
		l, _ := ParseLax(strings.NewReader("Africa\n\n" + in + "\nImplementer: IOM\nAmount: $5\nEnd Date: 9/30/2023\n"))
		if len(l.Projects) != 1 || len(l.Projects[0].Countries) != 2 || l.Projects[0].Scope() != ScopeRegional {
			t.Errorf("%q: %+v", in, l.Projects)
		}
	}
}

// The column of a value is where its first byte is in the line as read,
// whatever spaces and tabs surround the label.
func TestValueColumns(t *testing.T) {
	for _, line := range []string{"Amount: $1,00,0", "\tAmount:\t$1,00,0  ", "  Amount:    $1,00,0", "Amount:\u00a0$1,00,0", "\u00a0Amount: $1,00,0\u202f"} {
		in := "Africa\n\nCountry: Kenya\nImplementer: IOM\n" + line + "\n"
		_, err := Parse(strings.NewReader(in))
		var pe *tip.ParseError
		if !errors.As(err, &pe) || !errors.Is(err, tip.ErrAmount) {
			t.Fatalf("%q: %v", line, err)
		}
		if got := line[pe.Col-1:]; !strings.HasPrefix(got, "$1,00,0") {
			t.Errorf("%q: column %d points at %q", line, pe.Col, got)
		}
	}
}

// The errata a lax parse applies come from the options: nil means the
// default ones, an empty table none, and a caller's own are used as given.
// A strict parse applies none.
func TestErrataFromOptions(t *testing.T) {
	const in = "Africa\n\nCountry: Seychelle\nImplementer: IOM\nAmount: $5\nEnd Date: 9/30/2023\n"
	seychelles := tip.MustLookupCountry("Seychelles")
	tests := []struct {
		name   string
		opts   tip.ParseOptions
		want   []tip.Country
		rule   string
		strict bool // fails
	}{
		{"nil: the default errata", tip.ParseOptions{Lax: true}, []tip.Country{seychelles}, tip.ErratumRule, false},
		{"empty: none", tip.ParseOptions{Lax: true, Errata: tip.Errata{}}, nil, "grants/unresolved-place", false},
		{"the caller's own", tip.ParseOptions{Lax: true, Errata: tip.Errata{{Printed: "Seychelle", Country: tip.MustLookupCountry("Mauritius"), Source: "test"}}},
			[]tip.Country{tip.MustLookupCountry("Mauritius")}, tip.ErratumRule, false},
		{"strict: none", tip.ParseOptions{}, nil, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ParseWith(strings.NewReader(in), tt.opts)
			if (err != nil) != tt.strict {
				t.Fatalf("error %v, want failure %v", err, tt.strict)
			}
			if tt.strict {
				if !errors.Is(err, tip.ErrUnknownCountry) {
					t.Errorf("error %v, want ErrUnknownCountry", err)
				}
				return
			}
			if d := cmp.Diff(tt.want, l.Projects[0].Countries); d != "" {
				t.Errorf("countries (-want +got):\n%s", d)
			}
			if len(l.Findings) != 1 || l.Findings[0].Rule != tt.rule || l.Findings[0].Pos != (tip.Position{Line: 3, Col: 10}) {
				t.Errorf("findings %v, want one %s at 3:10", l.Findings, tt.rule)
			}
		})
	}
}
