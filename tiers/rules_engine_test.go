package tiers

import (
	"fmt"
	"go/scanner"
	"go/token"
	"math"
	"math/rand/v2"
	"os"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse/parsetest"
)

// testHistories are the histories the rules-as-data tests run on: the
// embedded one, the hand-made ones of TestCheckRules, and random ones.
func testHistories(t *testing.T) []*History {
	t.Helper()
	hs := []*History{Default()}
	for _, rows := range []string{
		"2020:T2 2021:WL 2022:WL 2023:WL 2024:T2",
		"2020:WL 2021:WL 2022:WL 2023:WL",
		"2009:WL 2010:WL 2011:WL 2012:WL 2013:T3",
		"2019:WL 2020:WL 2021:WL 2022:T3 2023:WL 2024:WL",
		"2018:WL 2019:WL 2020:T3 2021:T3 2022:WL 2023:T3 2024:WL 2025:WL",
	} {
		hs = append(hs, hist(mys, rows), hist(mys, rows, 2021, 2022, 2023))
	}
	r := rand.New(rand.NewPCG(11, 12))
	for range 200 {
		hs = append(hs, randomHistory(r))
	}
	return hs
}

// yearOf is the report year a Check finding is about (its Subject).
func yearOf(t *testing.T, f tip.Finding) tip.ReportYear {
	t.Helper()
	y, err := strconv.Atoi(f.Subject)
	if err != nil {
		t.Fatalf("finding with no year: %v", f)
	}
	return tip.ReportYear(y)
}

// eligibleYears are the report years Eligible is asked about for h.
func eligibleYears(h *History) []tip.ReportYear {
	var ys []tip.ReportYear
	for _, yr := range h.Years {
		ys = append(ys, yr.Year, yr.Year+1)
	}
	slices.Sort(ys)
	return slices.Compact(ys)
}

// eligibleCountries are the countries Eligible is asked about for h: a
// few, every country a waiver is documented for, and for a small history
// every country of its last year.
func eligibleCountries(h *History) []tip.Country {
	cs := []tip.Country{mys, tip.MustLookupCountry("Algeria"), tip.MustLookupCountry("Congo, Republic of the"), tip.MustLookupCountry("Fiji")}
	for _, w := range h.Waivers {
		cs = append(cs, w.Country)
	}
	if n := len(h.Years); n > 0 && len(h.Years[n-1].Placements) < 20 {
		for _, p := range h.Years[n-1].Placements {
			cs = append(cs, p.Country)
		}
	}
	slices.Sort(cs)
	return slices.Compact(cs)
}

// Dropping a rule version from a Rules value removes exactly its findings
// (its ID, in its years) and its denials, and changes nothing else; so
// does dropping every version of a rule ID.
func TestDropRule(t *testing.T) {
	all := DefaultRules()
	type drop struct {
		name string
		keep func(Rule) bool
		mine func(id RuleID, y tip.ReportYear) bool // whether a finding or denial is the dropped rule's
	}
	var drops []drop
	for i, r := range all {
		drops = append(drops, drop{string(r.ID) + " " + r.Version(),
			func(q Rule) bool { return q != all[i] },
			func(id RuleID, y tip.ReportYear) bool { return id == r.ID && r.InForce(y) }})
	}
	for _, id := range slices.Compact(slices.Sorted(func(yield func(RuleID) bool) {
		for _, r := range all {
			if !yield(r.ID) {
				return
			}
		}
	})) {
		drops = append(drops, drop{string(id) + " (every version)",
			func(q Rule) bool { return q.ID != id },
			func(fid RuleID, _ tip.ReportYear) bool { return fid == id }})
	}
	hs := testHistories(t)
	full := make([][]tip.Finding, len(hs))
	type question struct {
		h int
		c tip.Country
		y tip.ReportYear
	}
	denied := map[question][]Denial{}
	for i, h := range hs {
		full[i] = all.Check(h)
		if i > 20 {
			continue // Eligible on the embedded and hand-made histories
		}
		for _, c := range eligibleCountries(h) {
			for _, y := range eligibleYears(h) {
				denied[question{i, c, y}] = all.Eligible(h, c, y).Denied
			}
		}
	}
	for _, d := range drops {
		t.Run(d.name, func(t *testing.T) {
			rs := slices.DeleteFunc(DefaultRules(), func(r Rule) bool { return !d.keep(r) })
			if len(rs) == len(all) {
				t.Fatal("dropped nothing")
			}
			for i, h := range hs {
				want := slices.DeleteFunc(slices.Clone(full[i]), func(f tip.Finding) bool { return d.mine(RuleID(f.Rule), yearOf(t, f)) })
				if got := rs.Check(h); !reflect.DeepEqual(want, got) && len(want)+len(got) > 0 {
					t.Fatalf("history %d: Check without the rule (-want +got):\n%s", i, cmp.Diff(want, got))
				}
			}
			for q, ds := range denied {
				want := slices.DeleteFunc(slices.Clone(ds), func(dn Denial) bool { return d.mine(dn.Rule, q.y) })
				if got := rs.Eligible(hs[q.h], q.c, q.y).Denied; !reflect.DeepEqual(want, got) && len(want)+len(got) > 0 {
					t.Fatalf("history %d: Eligible(%s, %d) denials without the rule (-want +got):\n%s", q.h, q.c.Name(), q.y, cmp.Diff(want, got))
				}
			}
		})
	}
}

// With every rule out of force, nothing is checked: no finding, no
// denial, no note, no list.
func TestEveryRuleOutOfForce(t *testing.T) {
	rs := DefaultRules()
	for i := range rs {
		rs[i].To = rs[i].From - 1
	}
	for i, h := range testHistories(t) {
		if fs := rs.Check(h); len(fs) != 0 {
			t.Fatalf("history %d: %d findings, first %v", i, len(fs), fs[0])
		}
		if i > 20 {
			continue
		}
		for _, c := range eligibleCountries(h) {
			for _, y := range eligibleYears(h) {
				e := rs.Eligible(h, c, y)
				want := Eligibility{Country: c, Year: y, Allowed: []Tier{Tier1, Tier2, Tier2WatchList, Tier3}, WatchListCertain: true}
				if d := cmp.Diff(want, e); d != "" {
					t.Fatalf("history %d: Eligible(%s, %d) (-want +got):\n%s", i, c.Name(), y, d)
				}
				if l := rs.SpecialWatchList(h, y); l != nil {
					t.Fatalf("history %d: SpecialWatchList(%d) = %v", i, y, l)
				}
				if l := rs.Restricted(h, y.RestrictionYear()); l != nil {
					t.Fatalf("history %d: Restricted(%d) = %v", i, y.RestrictionYear(), l)
				}
			}
		}
	}
}

// withYear returns a copy of h with a hypothetical year: the last year's
// placements again, one year later.
func withYear(h *History) *History {
	last := h.Years[len(h.Years)-1]
	next := Year{Year: last.Year + 1, Completeness: last.Completeness}
	for _, p := range last.Placements {
		p.Year = next.Year
		next.Placements = append(next.Placements, p)
	}
	return &History{Years: append(slices.Clone(h.Years), next), Waivers: h.Waivers}
}

// A hypothetical amendment that allows no waiver from the 2027 report
// changes Eligible and Check for 2027 and later only: on the embedded
// history with a hypothetical 2026 (the 2025 lists again), and on
// hand-made histories.
func TestAmendmentChangesLaterYearsOnly(t *testing.T) {
	const from = 2027
	amended := DefaultRules().Amend(from, func(r *Rule) { r.Waivers = 0 })
	rs := DefaultRules()
	hs := []*History{
		withYear(Default()),
		hist(mys, "2024:T2 2025:WL 2026:WL 2027:WL 2028:T2", 2027),
		hist(mys, "2023:T2 2024:WL 2025:WL 2026:WL 2027:T3"),
		hist(mys, "2024:T2 2025:WL 2026:WL"),
	}
	changed := 0
	for i, h := range hs {
		for _, c := range eligibleCountries(h) {
			for _, y := range eligibleYears(h) {
				before, after := rs.Eligible(h, c, y), amended.Eligible(h, c, y)
				same := reflect.DeepEqual(before, after)
				if y < from && !same {
					t.Errorf("history %d: Eligible(%s, %d) changed (-before +amended):\n%s", i, c.Name(), y, cmp.Diff(before, after))
				}
				if !same {
					changed++
					if slices.Contains(after.Allowed, Tier2WatchList) {
						t.Errorf("history %d: Eligible(%s, %d) changed but allows the Watch List: %v", i, c.Name(), y, after)
					}
				}
			}
		}
		before, after := rs.Check(h), amended.Check(h)
		early := func(f tip.Finding) bool { return yearOf(t, f) >= from }
		if b, a := slices.DeleteFunc(slices.Clone(before), early), slices.DeleteFunc(slices.Clone(after), early); !reflect.DeepEqual(b, a) && len(a)+len(b) > 0 {
			t.Errorf("history %d: Check before %d changed (-before +amended):\n%s", i, from, cmp.Diff(b, a))
		}
	}
	// Every country two years on the Watch List in 2025–2026 loses its
	// waiver in 2027; and the hand-made histories' 2027 and 2028.
	if changed < 10 {
		t.Errorf("the amendment changed Eligible %d times", changed)
	}
	// The third Watch List year that a waiver kept on the list in 2027 is
	// an error under the amendment, and the waiver in a year the rule no
	// longer waives is flagged.
	var got []string
	for _, f := range amended.Check(hs[1]) {
		got = append(got, f.Subject+" "+f.Rule+" "+f.Severity.String()+": "+f.Message[len("2027: Malaysia: "):])
	}
	want := []string{
		"2027 tiers/auto-downgrade error: 3rd consecutive year on the Tier 2 Watch List; the rule in force allows 2 (two years, then 0 waived)",
		"2027 tiers/waiver-once warning: a waiver is documented in the 3rd consecutive Watch List year; the rule in force waives no year",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Check under the amendment (-want +got):\n%s", d)
	}
	if fs := rs.Check(hs[1]); len(fs) != 0 {
		t.Errorf("Check before the amendment: %v", fs)
	}
}

// Amend splits the versions an edit changes at the amendment's year and
// leaves the others whole.
func TestAmend(t *testing.T) {
	rs := DefaultRules()
	got := rs.Amend(2019, func(r *Rule) {
		if r.ID == RulePostWaiver || r.ID == RuleWaiverOnce {
			r.WatchListYearsAfter = 7
		}
	})
	var versions []string
	for _, r := range got {
		if r.Kind == KindPostWaiver || r.Kind == KindWaiver {
			versions = append(versions, fmt.Sprintf("%s %d–%d %d", r.ID, r.From, r.To, r.WatchListYearsAfter))
		}
	}
	want := []string{
		"tiers/waiver-2y 2009–2018 0",
		"tiers/post-waiver-limit 2009–2018 1",
		"tiers/post-waiver-limit 2019–0 7",
		"tiers/waiver-once 2019–0 7", // it started in 2019: replaced, not split
	}
	if d := cmp.Diff(want, versions); d != "" {
		t.Errorf("Amend (-want +got):\n%s", d)
	}
	if !reflect.DeepEqual(rs, DefaultRules()) {
		t.Error("Amend changed the Rules it was called on")
	}
	if d := cmp.Diff(rs, rs.Amend(2030, func(*Rule) {})); d != "" {
		t.Errorf("an amendment that changes nothing changed the rules:\n%s", d)
	}
}

// DefaultRules, PublishedSpecialWatchList and AllRuleIDs return copies:
// what a caller does to one changes nothing for the next.
func TestRulesAreCopies(t *testing.T) {
	want := Check(Default())
	rs := DefaultRules()
	for i := range rs {
		rs[i].From, rs[i].Waivers, rs[i].Kind = 3000, 9, KindUnknown
	}
	p := PublishedSpecialWatchList()
	p[2023] = 1
	ids := AllRuleIDs()
	ids[0] = "changed"
	if got := Check(Default()); !reflect.DeepEqual(want, got) {
		t.Errorf("Check changed after edits to copies (-before +after):\n%s", cmp.Diff(want, got))
	}
	if DefaultRules()[0].From == 3000 || PublishedSpecialWatchList()[2023] != 28 || AllRuleIDs()[0] == "changed" {
		t.Error("an edit to a returned value reached the package")
	}
}

// Every finding tiers returns carries a documented rule ID, every rule ID
// written in the package's code is documented, and the list is a set.
func TestAllRuleIDs(t *testing.T) {
	ids := AllRuleIDs()
	if len(slices.Compact(slices.Sorted(slices.Values(ids)))) != len(ids) {
		t.Fatalf("AllRuleIDs repeats an ID: %v", ids)
	}
	var fs []tip.Finding
	fs = append(fs, Check(Default())...)
	fs = append(fs, Default().Findings...)
	fs = append(fs, DefaultReport().Findings...)
	fs = append(fs, DefaultReport().Validate()...)
	r := rand.New(rand.NewPCG(13, 14))
	for range 200 {
		fs = append(fs, Check(randomHistory(r))...)
	}
	for _, f := range fs {
		if f.Rule != tip.ErratumRule && !slices.Contains(ids, RuleID(f.Rule)) {
			t.Errorf("finding with an undocumented rule ID: %v", f)
		}
	}
	for _, r := range DefaultRules() {
		if !slices.Contains(ids, r.ID) {
			t.Errorf("DefaultRules' %s is not in AllRuleIDs", r.ID)
		}
	}
	// The IDs are written once each, as the constants AllRuleIDs lists.
	var listed []string
	for _, id := range ids {
		listed = append(listed, string(id))
	}
	slices.Sort(listed)
	if d := cmp.Diff(parsetest.RuleLiterals(t, "tiers"), listed); d != "" {
		t.Errorf("rule IDs the code writes (-) and AllRuleIDs lists (+):\n%s", d)
	}
}

// No code holds a year or a figure of a rule: they are in the rule table
// (rules.go) and the data tables (data/). A year written as a number
// anywhere else in the package is an error; the statute's years appear in
// no other file at all, not even in a comment, but default.go, whose
// errata name the data files of those years.
func TestNoRuleYearsInTheEngine(t *testing.T) {
	statuteYears := regexp.MustCompile(`2009|2018|2019`)
	files, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range files {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") || name == "rules.go" {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		var s scanner.Scanner
		s.Init(fset.AddFile(name, -1, len(src)), src, nil, 0)
		for {
			pos, tok, lit := s.Scan()
			if tok == token.EOF {
				break
			}
			if n, err := strconv.Atoi(lit); tok == token.INT && err == nil && n >= tip.MinYear && n <= tip.MaxYear {
				t.Errorf("%s: the year %s outside the rule table", fset.Position(pos), lit)
			}
		}
		if name == "default.go" {
			continue
		}
		for i, l := range strings.Split(string(src), "\n") {
			if statuteYears.MatchString(l) {
				t.Errorf("%s:%d: a year of the statute outside the rule table: %s", name, i+1, strings.TrimSpace(l))
			}
		}
	}
}

// Issue 20, items 1 and 8: Check, Eligible, SpecialWatchList and
// Restricted end, do not panic, and take memory by the data on any
// history: any country number, years in any order, held twice, or far
// apart.
func TestHostileHistories(t *testing.T) {
	last := tip.Country(math.MaxUint16)
	wl := func(c tip.Country, y tip.ReportYear) Placement {
		return Placement{Country: c, Year: y, Tier: Tier2WatchList}
	}
	all := Completeness{Known: []Tier{Tier1, Tier2, Tier2WatchList, Tier3, SpecialCase}}
	year := func(y tip.ReportYear, ps ...Placement) Year { return Year{Year: y, Placements: ps, Completeness: all} }
	sorted := &History{Years: []Year{year(2021, wl(mys, 2021)), year(2022, wl(mys, 2022)), year(2023, wl(mys, 2023))}}
	tests := []struct {
		name string
		h    *History
		same *History // the history it must check as, if any
	}{
		{"item 1: the last Country number placed", &History{Years: []Year{year(2021, wl(last, 2021)), year(2022, wl(last, 2022)), year(2023, wl(last, 2023))}, Waivers: []Waiver{{Country: last, Year: 2023}}}, nil},
		{"item 1: the last Country number through a waiver only", &History{Years: sorted.Years, Waivers: []Waiver{{Country: last, Year: 2023}, {Country: last - 1, Year: 2022}}}, nil},
		{"item 8: years out of order", &History{Years: []Year{sorted.Years[2], sorted.Years[0], sorted.Years[1]}}, sorted},
		{"item 8: a year held twice", &History{Years: []Year{sorted.Years[0], year(2022), year(2022, wl(mys, 2022)), sorted.Years[2]}}, sorted},
		{"item 8: years a million apart", &History{Years: []Year{year(2001, wl(mys, 2001)), year(1_002_001, wl(mys, 1_002_001))}}, nil},
		{"item 8: the first and last years there are", &History{Years: []Year{year(math.MaxInt, wl(last, 2)), year(math.MinInt, wl(last, 1)), year(math.MinInt+1, wl(1, 1))}, Waivers: []Waiver{{Country: last, Year: math.MinInt}}}, nil},
		{"a nil history", nil, nil},
		{"an empty history", &History{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []tip.Finding
			bytes := allocated(func() { got = Check(tt.h) })
			if bytes > 1<<20 {
				t.Errorf("Check allocated %d bytes", bytes)
			}
			if tt.same != nil {
				if want := Check(tt.same); !reflect.DeepEqual(want, got) {
					t.Errorf("Check (-as sorted +got):\n%s", cmp.Diff(want, got))
				}
			}
			var years []tip.ReportYear
			if tt.h != nil {
				for _, yr := range tt.h.Years {
					years = append(years, yr.Year, yr.Year+1)
				}
			}
			for _, c := range []tip.Country{0, mys, last - 1, last} {
				for _, y := range years {
					e := Eligible(tt.h, c, y)
					if tt.same != nil {
						if want := Eligible(tt.same, c, y); !reflect.DeepEqual(want, e) {
							t.Errorf("Eligible(%d, %d) (-as sorted +got):\n%s", c, y, cmp.Diff(want, e))
						}
					}
					SpecialWatchList(tt.h, y)
					Restricted(tt.h, y.RestrictionYear())
				}
			}
		})
	}
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// RuleKind is an enumeration like the others: a name for each value that
// its parser reads back, and an unknown zero value.
func TestRuleKindText(t *testing.T) {
	for k := KindUnknown; k <= KindPolicyPattern; k++ {
		b, err := k.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back RuleKind
		if err := back.UnmarshalText(b); err != nil || back != k {
			t.Errorf("%v: MarshalText %q reads back as %v, %v", k, b, back, err)
		}
	}
	if _, err := ParseRuleKind("downgrades"); err == nil {
		t.Error(`ParseRuleKind("downgrades") did not fail`)
	}
	if RuleKind(200).String() != "unknown" {
		t.Errorf("RuleKind(200) = %q", RuleKind(200).String())
	}
}

// Eligible names, for each tier it denies and for the waiver it says is
// available, the rule version and its citation.
func TestEligibleExplains(t *testing.T) {
	h := Default()
	congo := Eligible(h, tip.MustLookupCountry("Congo, Republic of the"), 2026)
	want := []Denial{{Tier: Tier2WatchList, Rule: RuleWaiverOnce, Version: "2019", Citation: "22 U.S.C. 7107(b)(2)(D)(ii), as amended by P.L. 115-427",
		Reason: "3 consecutive Watch List years (2023–2025) and the waiver is used up (1 allowed under the rule in force): up to Tier 2 or down to Tier 3 (rests on the derived 2022 Tier 2 row)"}}
	if d := cmp.Diff(want, congo.Denied); d != "" {
		t.Errorf("Congo 2026 denials (-want +got):\n%s", d)
	}
	fiji := Eligible(h, tip.MustLookupCountry("Fiji"), 2026)
	if w := (RuleRef{Rule: RuleWaiverOnce, Version: "2019", Citation: "22 U.S.C. 7107(b)(2)(D)(ii), as amended by P.L. 115-427"}); !fiji.WaiverAvailable || fiji.Waiver != w {
		t.Errorf("Fiji 2026: waiver available %v under %v, want %v", fiji.WaiverAvailable, fiji.Waiver, w)
	}
	if len(fiji.Notes) == 0 || !strings.Contains(fiji.Notes[0], "under tiers/waiver-once of 2019 (") {
		t.Errorf("Fiji 2026: the waiver's note does not name its version: %q", fiji.Notes)
	}
	// Under the two-year waiver, the second waiver is available under that version.
	e := Eligible(hist(mys, "2009:WL 2010:WL 2011:WL", 2011), mys, 2012)
	if !e.WaiverAvailable || e.Waiver.Rule != RuleWaiverTwoYears || e.Waiver.Version != "2009" {
		t.Errorf("2012 after a 2011 waiver: %+v", e)
	}
	algeria := Eligible(h, tip.MustLookupCountry("Algeria"), 2026)
	if len(algeria.Denied) != 1 || algeria.Denied[0].Rule != RulePostWaiver || algeria.Denied[0].Citation != "22 U.S.C. 7107(b)(2)(F)" || algeria.WaiverAvailable {
		t.Errorf("Algeria 2026: %+v", algeria)
	}
}

// BenchmarkCheck is every rule over the embedded history, 2001–2025.
func BenchmarkCheck(b *testing.B) {
	h := Default()
	b.ReportAllocs()
	for b.Loop() {
		Check(h)
	}
}

// BenchmarkEligible is one country's eligibility for the next report.
func BenchmarkEligible(b *testing.B) {
	h, c := Default(), tip.MustLookupCountry("Algeria")
	b.ReportAllocs()
	for b.Loop() {
		Eligible(h, c, 2026)
	}
}
