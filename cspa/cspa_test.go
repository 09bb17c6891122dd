package cspa

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse/parsetest"
)

const seed003 = "../testdata/seeds/003_b74ef491153902c4.txt"

func readSeed(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(seed003)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func iso3(cs []tip.Country) string {
	var s []string
	for _, c := range cs {
		s = append(s, c.ISO3())
	}
	return strings.Join(s, " ")
}

func TestParseListSeed(t *testing.T) {
	l, err := ParseList(bytes.NewReader(readSeed(t)))
	if err != nil {
		t.Fatal(err)
	}
	if l.Year != 2023 || len(l.Governments) != 17 {
		t.Fatalf("list %d with %d governments, want 2023 with 17", l.Year, len(l.Governments))
	}
	want := "AFG MMR CAF COD EGY ERI IRN LBY MLI RUS RWA SOM SSD SYR TUR VEN YEM"
	if got := iso3(l.Countries()); got != want {
		t.Errorf("countries = %s\nwant       %s", got, want)
	}
	if l.Governments[14].Name != "Türkiye" || l.Governments[3].Name != "Democratic Republic of the Congo" {
		t.Errorf("names as written: %q, %q", l.Governments[14].Name, l.Governments[3].Name)
	}
	if l.From != tip.MustParseDate("2022-04-01") || l.To != tip.MustParseDate("2023-03-31") {
		t.Errorf("period %v – %v", l.From, l.To)
	}
	if l.Pos.Line != 473 || l.Governments[0].Pos != (tip.Position{Line: 475, Col: 7}) {
		t.Errorf("positions: list %v, first %v", l.Pos, l.Governments[0].Pos)
	}
	// The section alone reads the same.
	sec := strings.Join(strings.Split(string(readSeed(t)), "\n")[472:492], "\n")
	l2, err := ParseList(strings.NewReader(sec))
	if err != nil || iso3(l2.Countries()) != want {
		t.Errorf("section only: %v, %s", err, iso3(l2.Countries()))
	}
}

func TestParseListErrors(t *testing.T) {
	tests := []struct {
		name, in string
		pos      string
		sentinel error
		laxN     int
	}{
		{"unknown country", "The 2023 CSPA List Includes Governments of the following countries:\n  • Narnia\n  • Iran\n", "2:7", tip.ErrUnknownCountry, 2},
		{"empty bullet", "The 2023 CSPA List Includes Governments of the following countries:\n  • \n", "2:7", tip.ErrMissing, 0},
		{"duplicate", "The 2023 CSPA List Includes Governments of the following countries:\n- Iran\n- Iran\n", "3:3", tip.ErrDuplicate, 2},
		{"no list", "Tier 1\n  • Chile\n", "1:1", tip.ErrMissing, 0},
		{"empty input", "", "1:1", tip.ErrMissing, 0},
		{"NUL byte", "The 2023 CSPA List Includes Governments of the following countries:\n  • Ir\x00an\n", "2:9", tip.ErrEncoding, 0},
		{"heading with no list", "The 2023 CSPA List Includes Governments of the following countries:\n\nTier 1\n", "1:1", tip.ErrSyntax, 0},
		{"heading at the end", "The 2023 CSPA List Includes Governments of the following countries:\n", "1:1", tip.ErrSyntax, 0},
		{"prose that is no list", "The 2023 CSPA List Includes Governments of the following countries:\nThe list follows below.\n", "1:1", tip.ErrSyntax, 0},
		{"bare name that is no country", "The 2023 CSPA List Includes Governments of the following countries:\nIran\nNarnia\nMali\n", "3:1", tip.ErrUnknownCountry, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseList(strings.NewReader(tt.in))
			var pe *tip.ParseError
			if !errors.As(err, &pe) || pe.Pos().String() != tt.pos || !errors.Is(err, tt.sentinel) {
				t.Errorf("err = %v, want %v at %s", err, tt.sentinel, tt.pos)
			}
			l, _ := ParseListLax(strings.NewReader(tt.in))
			if len(l.Governments) != tt.laxN {
				t.Errorf("lax kept %d names, want %d", len(l.Governments), tt.laxN)
			}
		})
	}
}

// TestParseListForms reads the list as people retype it.
func TestParseListForms(t *testing.T) {
	const head = "The 2024 CSPA List Includes Governments of the following countries:\n"
	tests := []struct{ name, in, want string }{
		{"bullets", head + "  • Burma\n  • Iran\n\nNext section.\n", "MMR@2:7 IRN@3:7"},
		{"numbers", head + "1. Burma\n2) Iran\n", "MMR@2:4 IRN@3:4"},
		{"bare names", head + "Burma\nIran\n\nMali\n\nThe Child Soldiers Prevention Act of 2008.\n", "MMR@2:1 IRN@3:1 MLI@5:1"},
		{"bare names end at a line that is no country after a blank", head + "Burma\n\nAnnex\n", "MMR@2:1"},
		{"one sentence", head + "  Burma, Democratic Republic of the Congo, and Türkiye.\n", "MMR@2:3 COD@2:10 TUR@2:48"},
		{"bullets end at a bare line", head + "• Burma\nIran\n", "MMR@2:5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ParseList(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, g := range l.Governments {
				got = append(got, fmt.Sprintf("%s@%v", g.Country.ISO3(), g.Pos))
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("ParseList = %q, want %q", g, tt.want)
			}
		})
	}
}

func Test405cSeed(t *testing.T) {
	r, err := Parse405c(bytes.NewReader(readSeed(t)))
	if err != nil {
		t.Fatal(err)
	}
	if r.Year != 2022 || iso3(r.Violations) != "AFG MMR CAF COD IRN MLI RUS SOM SSD SYR VEN YEM" {
		t.Errorf("Section 1: %d %s", r.Year, iso3(r.Violations))
	}
	if r.From != tip.MustParseDate("April 1, 2021") || r.To != tip.MustParseDate("March 31, 2022") {
		t.Errorf("Section 1 period %v – %v", r.From, r.To)
	}
	if r.NotPlannedFY != 2023 || iso3(r.NotPlanned) != "AFG MMR IRN MLI RUS SSD SYR VEN" {
		t.Errorf("Section 2: FY%d %s", r.NotPlannedFY, iso3(r.NotPlanned))
	}
	var ws []string
	for _, w := range r.Waivers {
		ws = append(ws, w.String())
		if w.Date != tip.MustParseDate("October 3, 2022") || w.FiscalYear != 2023 {
			t.Errorf("%s: date %v", w.Country.Name(), w.Date)
		}
	}
	want := []string{
		"FY2023 Central African Republic, in part: IMET, PKO, DCS (DCS: licenses related to other U.S. government assistance)",
		"FY2023 Congo, Democratic Republic of the, in part: IMET, PKO, DCS (DCS: licenses related to other U.S. government assistance)",
		"FY2023 Somalia, in part: IMET, PKO, DCS, 10 U.S.C. 333 (DCS: licenses related to other U.S. government assistance)",
		"FY2023 Yemen, in part: IMET, PKO, DCS, 10 U.S.C. 333 (DCS: licenses related to other U.S. government assistance)",
		"FY2023 Russia, in part: DCS (solely for direct commercial sales in connection with the International Space Station)",
	}
	if d := cmp.Diff(want, ws); d != "" {
		t.Errorf("Section 3 (-want +got):\n%s", d)
	}
	if r.AsOf != tip.MustParseDate("2023-04-20") || len(r.Provided) != 7 {
		t.Errorf("Section 5: as of %v, %d amounts", r.AsOf, len(r.Provided))
	}
	if got := r.Total().StringFixed(2); got != "57956682.43" {
		t.Errorf("Section 5 total = %s, want 57956682.43", got)
	}
	if a := r.Provided[4]; a.Country.ISO3() != "SOM" || a.Authority != PKO || a.Amount.String() != "40552358.14" || a.Pos.Line != 1814 {
		t.Errorf("Somalia PKO = %+v", a)
	}
}

func Test405cErrors(t *testing.T) {
	head := "Section 1: Countries in Violation of the Standards Under the CSPA in 2022\n\nSection 5: Description\n\nSomalia\n"
	tests := []struct {
		name, in, pos string
		sentinel      error
	}{
		{"amount without authority", head + "Training of some kind $5.00\n", "6:1", tip.ErrSyntax},
		{"amount that is not money", head + "Peacekeeping Operations $1,00,0\n", "6:25", tip.ErrAmount},
		{"amount before a country", "Section 1: Countries in Violation of the Standards Under the CSPA in 2022\nSection 5: x\nPeacekeeping Operations $5\n", "3:1", tip.ErrMissing},
		{"no report", "nothing here\n", "1:1", tip.ErrMissing},
		{"Section 1 with no readable sentence", "Section 1: Countries in Violation of the Standards Under the CSPA in 2022\n\nThe Secretary found Iran and Syria.\n", "3:1", tip.ErrSyntax},
		{"Section 1 heading alone", "Section 1: Countries in Violation of the Standards Under the CSPA in 2022\n", "1:1", tip.ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse405c(strings.NewReader(tt.in))
			var pe *tip.ParseError
			if !errors.As(err, &pe) || pe.Pos().String() != tt.pos || !errors.Is(err, tt.sentinel) {
				t.Errorf("err = %v, want %v at %s", err, tt.sentinel, tt.pos)
			}
		})
	}
}

// Test405cPeriodForms reads Section 1 as other report years word it.
func Test405cPeriodForms(t *testing.T) {
	for _, sentence := range []string{
		"during the reporting period of April 1, 2020 – March 31, 2021:  Burma and Mali.",
		"during the reporting period (April 1, 2020 – March 31, 2021): Burma and Mali.",
		"during the reporting period from April 1, 2020 through March 31, 2021: Burma, and Mali.",
		"during the reporting period of April 1, 2020 - March 31, 2021: Burma and Mali",
	} {
		in := "Section 1: Countries in Violation of the Standards Under the CSPA in 2021\n\nThe Secretary of State identified the following countries " + sentence + "\n"
		r, err := Parse405c(strings.NewReader(in))
		if err != nil {
			t.Errorf("%q: %v", sentence, err)
			continue
		}
		want := []tip.Country{tip.MustLookupCountry("Burma"), tip.MustLookupCountry("Mali")}
		if d := cmp.Diff(want, r.Violations); d != "" || r.From != tip.MakeDate(2020, time.April, 1) || r.To != tip.MakeDate(2021, time.March, 31) {
			t.Errorf("%q: period %v–%v, violations (-want +got):\n%s", sentence, r.From, r.To, d)
		}
	}
}

func Test405cGolden(t *testing.T) {
	r, err := Parse405c(bytes.NewReader(readSeed(t)))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.MarshalIndent(r, "", "  ")
	parsetest.Golden(t, filepath.Join("testdata", "report405c.golden.json"), string(got)+"\n")
}

func TestClassify(t *testing.T) {
	tests := []struct {
		name string
		p    Person
		ok   bool
		c    Clause
	}{
		{"17, government, direct part", Person{Age: 17, Force: GovernmentForce, Recruitment: Voluntary, DirectPart: true}, true, ClauseI},
		{"18, government, direct part", Person{Age: 18, Force: GovernmentForce, DirectPart: true}, false, ClauseNone},
		{"17, compulsory, support role", Person{Age: 17, Force: GovernmentForce, Recruitment: Compulsory, Role: "cook"}, true, ClauseII},
		{"18, compulsory", Person{Age: 18, Force: GovernmentForce, Recruitment: Compulsory}, false, ClauseNone},
		{"14, voluntary, support role", Person{Age: 14, Force: GovernmentForce, Recruitment: Voluntary, Role: "porter"}, true, ClauseIII},
		{"15, voluntary, support role", Person{Age: 15, Force: GovernmentForce, Recruitment: Voluntary, Role: "porter"}, false, ClauseNone},
		{"15, voluntary, direct part", Person{Age: 15, Force: GovernmentForce, Recruitment: Voluntary, DirectPart: true}, true, ClauseI},
		{"16, recruitment unknown, support role", Person{Age: 16, Force: GovernmentForce, Role: "messenger"}, false, ClauseNone},
		{"17, non-state, support role", Person{Age: 17, Force: NonStateForce, Role: "guard"}, true, ClauseIV},
		{"18, non-state, direct part", Person{Age: 18, Force: NonStateForce, DirectPart: true}, false, ClauseNone},
		{"12, force unknown", Person{Age: 12}, false, ClauseNone},
	}
	for _, tt := range tests {
		ok, c := Classify(tt.p)
		if ok != tt.ok || c != tt.c {
			t.Errorf("%s: Classify = %v, %v; want %v, %v", tt.name, ok, c, tt.ok, tt.c)
		}
	}
}

func TestParseAuthority(t *testing.T) {
	for in, want := range map[string]Authority{
		"IMET": IMET, "International Military Education and Training": IMET, "International Military Education Training": IMET,
		"pko": PKO, "Peacekeeping Operations": PKO, "FMF": FMF, "Foreign Military Financing": FMF, "Excess Defense Articles": EDA,
		"EDA": EDA, "DCS": DCS, "direct commercial sales": DCS, "10 U.S.C. 333": Section333, "10 U.S.C. 331/333": Section333, "section 333": Section333,
		"Support under 10 U.S.C. 333": Section333, "licenses for direct commercial sales of military equipment": DCS,
		"Peacekeeping Operations (PKO)": PKO, "International Military Education and Training (IMET)": IMET,
	} {
		got, err := ParseAuthority(in)
		if err != nil || got != want {
			t.Errorf("ParseAuthority(%q) = %v, %v; want %v", in, got, err, want)
		}
		var u Authority
		b, _ := got.MarshalText()
		if err := u.UnmarshalText(b); err != nil || u != got {
			t.Errorf("round trip %v: %v %v", got, u, err)
		}
	}
	for _, in := range []string{"IMET and PKO", "Peacekeeping Operations (IMET)", "(PKO)", ""} {
		if _, err := ParseAuthority(in); !errors.Is(err, ErrAuthority) {
			t.Errorf("ParseAuthority(%q) err = %v, want ErrAuthority", in, err)
		}
	}
}

func TestProhibited(t *testing.T) {
	d := Default()
	count := func(fy tip.FiscalYear) (n int) {
		for _, c := range tip.Countries() {
			if len(d.Prohibited(c, fy)) > 0 {
				n++
			}
		}
		return n
	}
	if n := count(2024); n != 17 {
		t.Errorf("FY2024: %d governments barred, want 17", n)
	}
	if n := count(2023); n != 12 {
		t.Errorf("FY2023: %d governments barred, want 12", n)
	}
	tests := []struct {
		country string
		fy      tip.FiscalYear
		want    string // authority:lift for each row
	}{
		{"Russia", 2023, "EDA:not lifted IMET:not lifted PKO:not lifted FMF:not lifted DCS:lifted in part"},
		{"Somalia", 2023, "EDA:not lifted IMET:lifted PKO:lifted FMF:not lifted DCS:lifted in part 10 U.S.C. 333:lifted"},
		{"Syria", 2023, "EDA:not lifted IMET:not lifted PKO:not lifted FMF:not lifted DCS:not lifted"},
		{"Egypt", 2024, "EDA:lifted IMET:lifted PKO:lifted FMF:lifted DCS:lifted"},
		{"Chad", 2011, "EDA:lifted IMET:lifted PKO:lifted FMF:lifted DCS:lifted"},
		{"Egypt", 2023, ""},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range d.Prohibited(tip.MustLookupCountry(tt.country), tt.fy) {
			got = append(got, r.Authority.String()+":"+r.Lift.String())
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%s FY%d = %s\nwant %s", tt.country, tt.fy, g, tt.want)
		}
	}
}

func TestDefault(t *testing.T) {
	d := Default()
	if len(d.Lists) != 16 || d.Lists[0].Year != 2010 || d.Lists[15].Year != 2025 {
		t.Fatalf("%d lists", len(d.Lists))
	}
	wantN := map[tip.ReportYear]int{2010: 6, 2011: 6, 2013: 10, 2014: 9, 2015: 8, 2016: 10, 2017: 8, 2018: 11, 2019: 11, 2020: 14, 2021: 15, 2022: 12, 2023: 17, 2024: 17}
	for _, l := range d.Lists {
		if n, ok := wantN[l.Year]; ok && (l.Status != StatusFull || len(l.Governments) != n) {
			t.Errorf("%d: %s with %d, want full with %d", l.Year, l.Status, len(l.Governments), n)
		}
		for _, g := range l.Governments {
			if g.Country == 0 {
				t.Errorf("%d: %q did not resolve", l.Year, g.Name)
			}
		}
	}
	if d.List(2025).Status != StatusNotFound {
		t.Error("2025 should be not found")
	}
	if _, known := d.Listed(tip.MustLookupCountry("Chad"), 2025); known {
		t.Error("2025 listing is known")
	}
	if listed, known := d.Listed(tip.MustLookupCountry("Chile"), 2023); listed || !known {
		t.Error("Chile 2023 should be known not listed")
	}
	if _, known := d.Listed(tip.MustLookupCountry("Chile"), 2012); known {
		t.Error("2012 is partial: Chile's absence is not known")
	}
	if l := d.List(2012); l.Status != StatusPartial || len(l.Governments) != 5 {
		t.Errorf("2012: %s with %d, want partial with 5 (of 7)", l.Status, len(l.Governments))
	}
	for _, f := range d.Findings {
		if f.Severity == tip.Error {
			t.Errorf("finding: %v", f)
		}
	}
}

func TestValidate(t *testing.T) {
	d := Default()
	for _, f := range Validate(d) {
		if f.Severity == tip.Error {
			t.Errorf("embedded data: %v", f)
		}
	}
	bad := &Data{
		Lists:   []*List{{Year: 2022, Governments: []Listed{{Country: tip.MustLookupCountry("Iran"), Name: "Iran"}}, Status: StatusFull}},
		Waivers: []Waiver{{Country: tip.MustLookupCountry("Chile"), FiscalYear: 2023}},
		Report:  &Report405c{Year: 2022, Violations: []tip.Country{tip.MustLookupCountry("Iran"), tip.MustLookupCountry("Syria")}},
	}
	var rules []string
	for _, f := range Validate(bad) {
		rules = append(rules, f.Rule+" "+f.Severity.String())
	}
	if d := cmp.Diff([]string{"cspa/waiver-unlisted error", "cspa/source-conflict warning"}, rules); d != "" {
		t.Errorf("Validate (-want +got):\n%s", d)
	}
}

// Prohibited answers for every fiscal year 2011–2026: where the list that
// applies is full, exactly its governments are barred.
func TestProhibitedEveryYear(t *testing.T) {
	d := Default()
	for fy := tip.FiscalYear(2011); fy <= 2026; fy++ {
		l := d.List(fy.ReportYear())
		n := 0
		for _, c := range tip.Countries() {
			if rs := d.Prohibited(c, fy); len(rs) > 0 {
				n++
				if rs[0].ListYear != l.Year || rs[0].FiscalYear != fy {
					t.Errorf("FY%d %s: list year %d", fy, c.Name(), rs[0].ListYear)
				}
			}
		}
		if n != len(l.Governments) {
			t.Errorf("FY%d: %d barred, the %d list (%s) has %d", fy, n, l.Year, l.Status, len(l.Governments))
		}
	}
	if rs := d.Prohibited(tip.MustLookupCountry("Chad"), 2011); rs[0].Lift != Lifted {
		t.Errorf("Chad FY2011 (full waiver, PD 2011-4) = %v", rs[0].Lift)
	}
}
