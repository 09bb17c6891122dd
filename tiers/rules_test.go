package tiers

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse/parsetest"
)

// hist builds a history from rows "YEAR:TIER" for one country (Ruritania is
// played by Malaysia), every year complete, and waivers at the given years.
func hist(c tip.Country, rows string, waivers ...tip.ReportYear) *History {
	h := &History{}
	for _, f := range strings.Fields(rows) {
		ys, ts, _ := strings.Cut(f, ":")
		y, _ := strconv.Atoi(ys)
		yr := Year{Year: tip.ReportYear(y), Completeness: Completeness{Known: []Tier{Tier1, Tier2, Tier2WatchList, Tier3, SpecialCase}}}
		if ts != "-" && ts != "?" {
			tier, err := ParseTier(ts)
			if err != nil {
				panic(err)
			}
			yr.Placements = []Placement{{Country: c, Year: tip.ReportYear(y), Tier: tier}}
		}
		if ts == "?" {
			yr.Completeness.Known = nil
		}
		h.Years = append(h.Years, yr)
	}
	for _, w := range waivers {
		h.Waivers = append(h.Waivers, Waiver{Country: c, Year: w, Grade: GradePrimary})
	}
	return h
}

var mys = tip.MustLookupCountry("Malaysia")

// One row per rule edge; each names the rule it exercises.
func TestCheckRules(t *testing.T) {
	tests := []struct {
		name    string
		rule    RuleID
		rows    string
		waivers []tip.ReportYear
		want    []string // "year rule severity"
	}{
		{"third WL year with waiver (one-waiver rule)", RuleWaiverOnce, "2020:T2 2021:WL 2022:WL 2023:WL 2024:T2", []tip.ReportYear{2023}, nil},
		{"third WL year without documented waiver", RuleWaiverOnce, "2020:T2 2021:WL 2022:WL 2023:WL 2024:T2", nil, []string{"2023 tiers/waiver-once warning"}},
		{"fourth WL year after the 2019 amendment", RuleAutoDowngrade, "2020:WL 2021:WL 2022:WL 2023:WL", []tip.ReportYear{2022}, []string{"2023 tiers/auto-downgrade error"}},
		{"fourth WL year under the two-year waiver", RuleWaiverTwoYears, "2009:WL 2010:WL 2011:WL 2012:WL 2013:T3", []tip.ReportYear{2011, 2012}, []string{"2013 tiers/auto-downgrade info"}},
		{"fifth WL year under the two-year waiver", RuleAutoDowngrade, "2009:WL 2010:WL 2011:WL 2012:WL 2013:WL", []tip.ReportYear{2011, 2012}, []string{"2013 tiers/auto-downgrade error"}},
		{"waiver in a second WL year", RuleWaiverOnce, "2020:T2 2021:WL 2022:WL", []tip.ReportYear{2022}, []string{"2022 tiers/waiver-once warning"}},
		{"waiver on the wrong tier", RuleWaiverOnce, "2021:WL 2022:WL 2023:T2", []tip.ReportYear{2023}, []string{"2023 tiers/waiver-once error"}},
		{"post-waiver limit: two WL years after waiver and downgrade", RulePostWaiver, "2019:WL 2020:WL 2021:WL 2022:T3 2023:WL 2024:WL", []tip.ReportYear{2021}, []string{"2022 tiers/auto-downgrade info", "2024 tiers/post-waiver-limit warning"}},
		{"post-waiver limit: one WL year is allowed", RulePostWaiver, "2019:WL 2020:WL 2021:WL 2022:T3 2023:WL 2024:T2", []tip.ReportYear{2021}, []string{"2022 tiers/auto-downgrade info"}},
		{"unknown year breaks the run: rules do not fire", RuleAutoDowngrade, "2020:WL 2021:? 2022:WL 2023:WL", nil, nil},
		{"special case gap is not a Watch List year", RuleAutoDowngrade, "2020:WL 2021:SC 2022:WL 2023:WL", nil, nil},
		{"absent one year ends the run", RuleAutoDowngrade, "2020:WL 2021:- 2022:WL 2023:WL", nil, nil},
		{"WL years before 2009 do not count", RuleAutoDowngrade, "2006:WL 2007:WL 2008:WL 2009:WL", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !slices.ContainsFunc(DefaultRules(), func(r Rule) bool { return r.ID == tt.rule }) {
				t.Fatalf("no rule %q", tt.rule)
			}
			var got []string
			for _, f := range Check(hist(mys, tt.rows, tt.waivers...)) {
				if f.Rule == string(RuleSpecialWatch) {
					continue // compares with the published 2023 count, which a hand-made history cannot match
				}
				got = append(got, f.Subject+" "+f.Rule+" "+f.Severity.String())
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("Check (-want +got):\n%s", d)
			}
		})
	}
}

func TestEligibleRules(t *testing.T) {
	tests := []struct {
		name, rows string
		waivers    []tip.ReportYear
		y          tip.ReportYear
		allowed    string
		denyRule   RuleID
		waiver     bool
	}{
		{"two WL years: waiver available", "2021:WL 2022:WL", nil, 2023, "1 2 2WL 3", "", true},
		{"waiver used: up or down", "2021:WL 2022:WL 2023:WL", []tip.ReportYear{2023}, 2024, "1 2 3", RuleWaiverOnce, false},
		{"two-year waiver era: second waiver available", "2009:WL 2010:WL 2011:WL", []tip.ReportYear{2011}, 2012, "1 2 2WL 3", "", true},
		{"post-waiver limit", "2019:WL 2020:WL 2021:WL 2022:T3 2023:WL", []tip.ReportYear{2021}, 2024, "1 2 3", RulePostWaiver, false},
		{"fresh", "2022:T2 2023:T2", nil, 2024, "1 2 2WL 3", "", false},
		// Algeria's pattern (2019 waiver, 2020 Tier 3, 2024–2025 Watch
		// List): the run would allow a waiver, (F) denies the Watch List,
		// and a waiver lifts only the downgrade.
		{"post-waiver limit outranks an available waiver", "2018:WL 2019:WL 2020:T3 2021:T3 2022:WL 2023:T3 2024:WL 2025:WL", []tip.ReportYear{2019}, 2026, "1 2 3", RulePostWaiver, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := Eligible(hist(mys, tt.rows, tt.waivers...), mys, tt.y)
			var a []string
			for _, tier := range e.Allowed {
				a = append(a, tier.Code())
			}
			if got := strings.Join(a, " "); got != tt.allowed {
				t.Errorf("Allowed = %s, want %s", got, tt.allowed)
			}
			if tt.denyRule != "" && (len(e.Denied) != 1 || e.Denied[0].Rule != tt.denyRule || e.Denied[0].Tier != Tier2WatchList) {
				t.Errorf("Denied = %+v, want Watch List by %s", e.Denied, tt.denyRule)
			}
			if e.WaiverAvailable != tt.waiver {
				t.Errorf("WaiverAvailable = %v", e.WaiverAvailable)
			}
		})
	}
}

// The documented history: first automatic downgrades in 2013, every
// documented waiver in a third or fourth Watch List year where checkable,
// the open (F) question for Algeria.
func TestCheckDefaultDocumentedCases(t *testing.T) {
	fs := Check(Default())
	var first []string
	for _, f := range fs {
		if f.Rule == string(RuleAutoDowngrade) && strings.Contains(f.Message, "maximum of waivers") && f.Subject == "2013" {
			first = append(first, f.Country.ISO3())
		}
		if f.Rule == string(RuleAutoDowngrade) && strings.Contains(f.Message, "maximum of waivers") && f.Subject < "2013" {
			t.Errorf("exhausted-waiver downgrade before 2013: %v", f)
		}
	}
	slices.Sort(first)
	if d := cmp.Diff([]string{"CHN", "RUS", "UZB"}, first); d != "" {
		t.Errorf("2013 automatic downgrades (-want +got):\n%s", d)
	}
	for _, f := range fs {
		if (f.Rule == string(RuleWaiverOnce) || f.Rule == string(RuleWaiverTwoYears)) && f.Severity == tip.Error {
			t.Errorf("documented waiver off the rule: %v", f)
		}
	}
	found := false
	for _, f := range fs {
		if f.Rule == string(RulePostWaiver) && f.Country == tip.MustLookupCountry("Algeria") && f.Subject == "2025" {
			found = true
		}
	}
	if !found {
		t.Error("no (F) finding for Algeria 2024–2025")
	}
	for _, w := range []string{"Congo, Republic of the", "Solomon Islands", "Vanuatu"} {
		c := tip.MustLookupCountry(w)
		if run := Eligible(Default(), c, 2026).WatchListYears; run != 3 || !Default().Waived(c, 2025) {
			t.Errorf("%s 2025: run %d, waived %v", w, run, Default().Waived(c, 2025))
		}
	}
}

func TestCheckGolden(t *testing.T) {
	var b strings.Builder
	b.WriteString("# tiers.Check(tiers.Default()): every finding over 2001–2025, reviewed.\n")
	b.WriteString("# auto-downgrade info: a Tier 3 year after two or more Watch List years (\"maximum of waivers\" = waivers used up).\n")
	b.WriteString("# waiver-2y/waiver-once warning: a 3rd/4th Watch List year with no documented waiver (waivers.md §5 lists those of 2011–2014 as inferred; replay.md classes those since 2016).\n")
	b.WriteString("# waiver-2y/waiver-once info: a documented waiver whose earlier years are not all known (none since the 2016–2019 fills).\n")
	b.WriteString("# post-waiver-limit warning: the open (F) question of waivers.md §4 (Algeria, and the same pattern elsewhere; replay.md).\n")
	b.WriteString("# special-watch-list: none; 2023's 28 computed (from 2022 Tier 1/2 derived, fills/2022-derived.txt) equal the 28 published.\n")
	b.WriteString("# \"(rests on the implied … row)\": the finding reads a placement inferred, not read in a report (Basis.Inferred).\n")
	for _, f := range Check(Default()) {
		b.WriteString(f.String() + "\n")
	}
	parsetest.Golden(t, filepath.Join("testdata", "check.golden.txt"), b.String())
}

func TestWaiversMatchMarkdown(t *testing.T) {
	md, err := os.ReadFile("data/waivers.md")
	if err != nil {
		t.Fatal(err)
	}
	sec := string(md)
	sec = sec[strings.Index(sec, "## 1."):strings.Index(sec, "## 2.")]
	for _, w := range Default().Waivers {
		row := ""
		for _, l := range strings.Split(sec, "\n") {
			if strings.HasPrefix(l, fmt.Sprintf("| %d |", w.Year)) {
				row = l
			}
		}
		if !strings.Contains(row, w.Name) {
			t.Errorf("waiver %d %s not in waivers.md's row %q", w.Year, w.Name, row)
		}
	}
	if n := len(Default().Waivers); n != 64 {
		t.Errorf("%d waivers, want 64", n)
	}
}

// The rule versions the statute's history gives (data/STATUTE.md).
func TestRuleVersions(t *testing.T) {
	inForce := func(y tip.ReportYear) []RuleID {
		var ids []RuleID
		for _, r := range DefaultRules().InForce(y) {
			ids = append(ids, r.ID)
		}
		return ids
	}
	for _, tt := range []struct {
		y       tip.ReportYear
		in, out []RuleID
	}{
		{2005, []RuleID{RuleWatchGrounds3, RuleSpecialWatch}, []RuleID{RuleAutoDowngrade, RulePolicyPattern, RuleWatchGrounds2}},
		{2015, []RuleID{RuleAutoDowngrade, RuleWaiverTwoYears, RuleWatchGrounds3}, []RuleID{RuleWaiverOnce, RulePolicyPattern}},
		{2019, []RuleID{RuleAutoDowngrade, RuleWaiverOnce, RulePolicyPattern, RuleWatchGrounds2}, []RuleID{RuleWaiverTwoYears, RuleWatchGrounds3}},
	} {
		got := inForce(tt.y)
		for _, id := range tt.in {
			if !slices.Contains(got, id) {
				t.Errorf("%d: %s not in force", tt.y, id)
			}
		}
		for _, id := range tt.out {
			if slices.Contains(got, id) {
				t.Errorf("%d: %s in force", tt.y, id)
			}
		}
	}
	for _, r := range DefaultRules() {
		if r.Citation == "" || r.Text == "" || r.From == 0 || r.Kind == KindUnknown {
			t.Errorf("rule %s lacks citation, text, kind or first year", r.ID)
		}
	}
}

func TestMoves(t *testing.T) {
	h := Default()
	kinds := map[MoveKind]int{}
	for _, m := range h.Moves(2021, 2023) {
		kinds[m.Kind]++
	}
	// 2021 and 2023 are both full: every country is placed, absent or moved.
	if kinds[MoveUnknown] != 0 || kinds[MoveUp]+kinds[MoveDown]+kinds[MoveSame]+kinds[MoveUnranked]+kinds[MoveEntry]+kinds[MoveExit] != len(h.Moves(2021, 2023)) {
		t.Errorf("moves 2021→2023: %v", kinds)
	}
	find := func(from, to tip.ReportYear, name string) Move {
		c := tip.MustLookupCountry(name)
		for _, m := range h.Moves(from, to) {
			if m.Country == c {
				return m
			}
		}
		t.Fatalf("no move for %s", name)
		return Move{}
	}
	if m := find(2021, 2023, "Malaysia"); m.Kind != MoveUp || m.From != Tier3 || m.To != Tier2WatchList {
		t.Errorf("Malaysia 2021→2023 = %+v", m)
	}
	// A country absent from 2022's partial lists moves from "unknown".
	for _, m := range h.Moves(2022, 2023) {
		if _, st := h.At(m.Country, 2022); st == StatusUnknown && m.Kind != MoveUnknown {
			t.Errorf("%s 2022→2023 = %v, want unknown: 2022 is partial", m.Country.Name(), m.Kind)
		}
	}
	if m := find(2013, 2014, "Thailand"); m.Kind != MoveDown || m.From != Tier2WatchList {
		t.Errorf("Thailand 2013→2014 = %+v", m)
	}
}

func TestReportValidate(t *testing.T) {
	var got []string
	for _, f := range DefaultReport().Validate() {
		got = append(got, f.Pos.String()+" "+f.Rule)
	}
	if d := cmp.Diff([]string{"966:7 tiers/one-placement"}, got); d != "" {
		t.Errorf("seed 003 Validate (-want +got):\n%s", d)
	}
	cub, lby := tip.MustLookupCountry("Cuba"), tip.MustLookupCountry("Libya")
	r := &Report{Year: 2023,
		Placements:     []Placement{{Country: cub, Tier: Tier2}, {Country: lby, Tier: SpecialCase}, {Country: lby, Tier: Tier3}, {Name: "Narnia", Tier: Tier1}},
		StateSponsored: []Listed{{Country: cub}},
	}
	got = nil
	for _, f := range r.Validate() {
		got = append(got, f.Rule)
	}
	slices.Sort(got)
	if d := cmp.Diff([]string{"tiers/one-placement", "tiers/policy-or-pattern", "tiers/unresolved-name"}, got); d != "" {
		t.Errorf("Validate (-want +got):\n%s", d)
	}
}

// Eligible answers for every country for the next report, and never
// denies Tier 1, Tier 2 or Tier 3.
func TestEligibleEveryCountry2026(t *testing.T) {
	h := Default()
	denied := 0
	for _, c := range tip.Countries() {
		e := Eligible(h, c, 2026)
		for _, tier := range []Tier{Tier1, Tier2, Tier3} {
			if !slices.Contains(e.Allowed, tier) {
				t.Errorf("%s 2026: %v not allowed", c.Name(), tier)
			}
		}
		if len(e.Denied) > 0 {
			denied++
		}
	}
	// The Republic of the Congo, Solomon Islands and Vanuatu used their
	// waiver in 2025; Algeria, Djibouti and Turkmenistan meet (F) as the
	// 2023 text reads (a waiver, later Tier 3, and the Watch List in 2025).
	if denied != 6 {
		t.Errorf("%d countries denied the Watch List in 2026, want 6", denied)
	}
}

// The waivers Check says the rule implies for 2011–2014 (no memo found) are
// exactly those waivers.md §5 infers from the same history.
func TestImpliedWaiversMatchNotes(t *testing.T) {
	md, err := os.ReadFile("data/waivers.md")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, line := range strings.Split(string(md), "\n") {
		if !strings.HasPrefix(line, "- 201") || !strings.Contains(line[:8], ":") {
			continue
		}
		year := line[2:6]
		list, _, _ := strings.Cut(line[8:], "; documented")
		for _, item := range strings.Split(list, ", ") {
			name := strings.TrimSpace(item[:strings.LastIndex(item, " (")])
			want[year+" "+tip.MustLookupCountry(name).ISO3()] = true
		}
	}
	got := map[string]bool{}
	for _, f := range Check(Default()) {
		if (f.Rule == string(RuleWaiverTwoYears) || f.Rule == string(RuleWaiverOnce)) && f.Severity == tip.Warning && f.Subject >= "2011" && f.Subject <= "2014" {
			got[f.Subject+" "+f.Country.ISO3()] = true
		}
	}
	if len(want) != 49 {
		t.Fatalf("read %d inferred waivers from waivers.md §5, want 49", len(want))
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("implied waivers 2011–2014 (-waivers.md +Check):\n%s", d)
	}
}

// The special watch list's findings come in year order, whatever order
// the map of published sizes gives its years in from one run to the next.
func TestCheckSpecialWatchOrder(t *testing.T) {
	published := map[tip.ReportYear]int{2019: 1, 2021: 1, 2022: 1, 2023: 1, 2024: 1} // none of them right
	h := Default()
	for range 20 {
		var years []string
		for _, f := range DefaultRules().check(h, published) {
			if f.Rule == string(RuleSpecialWatch) {
				years = append(years, f.Subject)
			}
		}
		if want := []string{"2019", "2021", "2022", "2023", "2024"}; !slices.Equal(years, want) {
			t.Fatalf("special watch list findings for %v, want %v", years, want)
		}
	}
}
