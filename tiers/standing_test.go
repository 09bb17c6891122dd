package tiers

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/tipkit/tipkit/tip"
)

func TestWatchListRun(t *testing.T) {
	h := Default()
	tests := []struct {
		country string
		year    tip.ReportYear
		n       int
		ok      bool
		reason  string
	}{
		{"Russia", 2008, 0, false, "no rule counted Watch List years before the first report after December 23, 2008"},
		{"Russia", 2009, 1, true, "on the Watch List since 2004, but the count starts in 2009"},
		{"Russia", 2012, 4, true, "2009–2012"},
		{"Russia", 2013, 0, true, "Tier 3"},
		{"Malaysia", 2020, 3, true, "2018–2020, the third year waived"},
		{"United States", 2009, 0, true, "absent: off the Watch List for certain"},
		{"Timor-Leste", 2010, 0, false, "a gap: its Watch List is not known"},
		{"Timor-Leste", 2015, 2, true, "2014–2015"},
	}
	for _, tt := range tests {
		n, ok := WatchListRun(h, tip.MustLookupCountry(tt.country), tt.year)
		if n != tt.n || ok != tt.ok {
			t.Errorf("WatchListRun(%s, %d) = %d, %v, want %d, %v (%s)", tt.country, tt.year, n, ok, tt.n, tt.ok, tt.reason)
		}
	}
}

// The run of year y is the one Eligible counts for year y+1: one count,
// not two, on the embedded history and on random ones.
func TestWatchListRunIsEligibles(t *testing.T) {
	for _, h := range testHistories(t) {
		for _, c := range eligibleCountries(h) {
			for _, y := range eligibleYears(h) {
				if y < 2009 {
					continue // Eligible counts no run before the rule, WatchListRun says it is not counted
				}
				n, ok := WatchListRun(h, c, y)
				e := Eligible(h, c, y+1)
				if n != e.WatchListYears || ok != e.WatchListCertain {
					t.Fatalf("WatchListRun(%s, %d) = %d, %v; Eligible(%d) counts %d, %v", c.Name(), y, n, ok, y+1, e.WatchListYears, e.WatchListCertain)
				}
			}
		}
	}
}

func TestAutoDowngrade(t *testing.T) {
	h := Default()
	tests := []struct {
		country string
		year    tip.ReportYear
		want    DowngradeKind
		version string
		reason  string
	}{
		{"Russia", 2013, DowngradeAutomatic, "2009", "Watch List 2009–2012: two years and two waivers used"},
		{"Malaysia", 2014, DowngradeAutomatic, "2009", "Watch List 2010–2013"},
		{"Malaysia", 2021, DowngradeAutomatic, "2019", "Watch List 2018–2020: two years and the one waiver"},
		{"South Sudan", 2015, DowngradePossible, "2009", "Watch List 2012–2014: a waiver was still possible"},
		{"Equatorial Guinea", 2011, DowngradePossible, "2009", "Watch List 2009–2010"},
		{"Malaysia", 2007, DowngradeNone, "", "Tier 3 before the rule"},
		{"Russia", 2014, DowngradeNone, "", "Tier 3 after Tier 3"},
		{"Russia", 2012, DowngradeNone, "", "not Tier 3"},
		{"Libya", 2002, DowngradeUnknown, "", "its year is unknown"},
	}
	for _, tt := range tests {
		d, ref := AutoDowngrade(h, tip.MustLookupCountry(tt.country), tt.year)
		if d != tt.want || ref.Version != tt.version || tt.version != "" && ref.Rule != RuleAutoDowngrade {
			t.Errorf("AutoDowngrade(%s, %d) = %v, %v, want %v of %q (%s)", tt.country, tt.year, d, ref, tt.want, tt.version, tt.reason)
		}
	}
	// Without the downgrade rule there is no automatic downgrade.
	var rs Rules
	for _, r := range DefaultRules() {
		if r.Kind != KindDowngrade {
			rs = append(rs, r)
		}
	}
	if d, _ := rs.AutoDowngrade(h, tip.MustLookupCountry("Russia"), 2013); d != DowngradeNone {
		t.Errorf("AutoDowngrade without the rule = %v", d)
	}
}

// AutoDowngrade and Check's finding on a Tier 3 after a Watch List run
// come from one answer: "the automatic downgrade" where AutoDowngrade
// says automatic, "or a downgrade on the merits" where it says possible
// (or unknown: a run that may be longer than counted).
func TestAutoDowngradeIsChecks(t *testing.T) {
	for _, h := range testHistories(t) {
		forced, merits := map[[2]int]bool{}, map[[2]int]bool{}
		for _, f := range Check(h) {
			if f.Rule != string(RuleAutoDowngrade) || !strings.Contains(f.Message, "on Tier 3 after") {
				continue
			}
			k := [2]int{int(f.Country), int(yearOf(t, f))}
			if strings.Contains(f.Message, "the maximum of waivers") {
				forced[k] = true
			} else {
				merits[k] = true
			}
		}
		for _, c := range eligibleCountries(h) {
			for _, yr := range h.Years {
				k := [2]int{int(c), int(yr.Year)}
				d, _ := AutoDowngrade(h, c, yr.Year)
				if (d == DowngradeAutomatic) != forced[k] {
					t.Fatalf("AutoDowngrade(%s, %d) = %v; Check's finding of the forced downgrade: %v", c.Name(), yr.Year, d, forced[k])
				}
				if d == DowngradePossible && !merits[k] || merits[k] && d != DowngradePossible && d != DowngradeUnknown {
					t.Fatalf("AutoDowngrade(%s, %d) = %v; Check's finding of a possible downgrade: %v", c.Name(), yr.Year, d, merits[k])
				}
			}
		}
	}
}

// The members OnSpecialWatchList knows are SpecialWatchList's, every
// year, and in 2023 they are the 28 the State Department published.
func TestOnSpecialWatchList(t *testing.T) {
	for i, h := range testHistories(t) {
		cs := eligibleCountries(h)
		if i == 0 { // the embedded history: every country
			cs = slices.Concat(cs, tip.Countries())
		}
		for _, y := range eligibleYears(h) {
			want := SpecialWatchList(h, y)
			var got []tip.Country
			for _, c := range cs {
				on, known := OnSpecialWatchList(h, c, y)
				if on && !known {
					t.Fatalf("OnSpecialWatchList(%s, %d) = on, not known", c.Name(), y)
				}
				if on {
					got = append(got, c)
				}
			}
			slices.Sort(got)
			got = slices.Compact(got)
			for _, c := range want {
				if !slices.Contains(got, c) && slices.Contains(cs, c) {
					t.Fatalf("%d: %s on SpecialWatchList, not OnSpecialWatchList", y, c.Name())
				}
			}
			for _, c := range got {
				if !slices.Contains(want, c) {
					t.Fatalf("%d: %s OnSpecialWatchList, not on SpecialWatchList", y, c.Name())
				}
			}
		}
	}
	h := Default()
	n := 0
	for _, c := range tip.Countries() {
		if on, _ := OnSpecialWatchList(h, c, 2023); on {
			n++
		}
	}
	if want := PublishedSpecialWatchList()[2023]; n != want {
		t.Errorf("2023: %d countries OnSpecialWatchList, the State Department published %d", n, want)
	}
	tests := []struct {
		country   string
		year      tip.ReportYear
		on, known bool
		reason    string
	}{
		{"Germany", 2022, true, true, "up from Tier 2 to Tier 1: clause (i)"},
		{"Germany", 2023, false, true, "Tier 1 after Tier 1"},
		{"Russia", 2003, false, false, "no special watch list before the 2004 report"},
		{"Timor-Leste", 2011, false, false, "Tier 2 after a gap: an upgrade from Tier 3 cannot be ruled out"},
		{"Timor-Leste", 2010, false, false, "a gap"},
		{"United States", 2009, false, true, "absent"},
	}
	for _, tt := range tests {
		on, known := OnSpecialWatchList(h, tip.MustLookupCountry(tt.country), tt.year)
		if on != tt.on || known != tt.known {
			t.Errorf("OnSpecialWatchList(%s, %d) = %v, %v, want %v, %v (%s)", tt.country, tt.year, on, known, tt.on, tt.known, tt.reason)
		}
	}
}

// IsRestricted's restricted countries are Restricted's, in every year
// whose Tier 3 list is known, and it knows more: a country placed on
// another tier in a year whose Tier 3 list is not complete is not on it.
func TestIsRestricted(t *testing.T) {
	for i, h := range testHistories(t) {
		cs := eligibleCountries(h)
		if i == 0 { // the embedded history: every country
			cs = slices.Concat(cs, tip.Countries())
		}
		for _, y := range eligibleYears(h) {
			want := Restricted(h, y.RestrictionYear())
			for _, c := range cs {
				r, known := IsRestricted(h, c, y.RestrictionYear())
				if r && !known {
					t.Fatalf("IsRestricted(%s, FY%d) = restricted, not known", c.Name(), y+1)
				}
				if want != nil && r != slices.Contains(want, c) {
					t.Fatalf("IsRestricted(%s, FY%d) = %v; Restricted: %v", c.Name(), y+1, r, slices.Contains(want, c))
				}
			}
		}
	}
	h := Default()
	tests := []struct {
		country          string
		fy               tip.FiscalYear
		restricted, know bool
		reason           string
	}{
		{"Russia", 2014, true, true, "Tier 3 in the 2013 report"},
		{"Germany", 2023, false, true, "Tier 1 in 2022, a year whose Tier 3 list is complete"},
		{"Timor-Leste", 2011, false, false, "2010 is a gap"},
		{"South Sudan", 2011, false, true, "it did not exist in 2010"},
	}
	for _, tt := range tests {
		r, known := IsRestricted(h, tip.MustLookupCountry(tt.country), tt.fy)
		if r != tt.restricted || known != tt.know {
			t.Errorf("IsRestricted(%s, FY%d) = %v, %v, want %v, %v (%s)", tt.country, tt.fy, r, known, tt.restricted, tt.know, tt.reason)
		}
	}
}

// The per-country answers end, do not panic, and stay consistent on the
// hostile histories the rules are tested on: a yes is known, a count is
// not negative, and a history with no year knows no run, no downgrade
// and no change.
func TestStandingHostile(t *testing.T) {
	last := tip.Country(math.MaxUint16)
	wl := func(c tip.Country, y tip.ReportYear) Placement {
		return Placement{Country: c, Year: y, Tier: Tier2WatchList}
	}
	all := Completeness{Known: []Tier{Tier1, Tier2, Tier2WatchList, Tier3, SpecialCase}}
	for _, h := range []*History{
		nil, {},
		{Years: []Year{{Year: 2001, Placements: []Placement{wl(mys, 2001)}, Completeness: all}, {Year: 1_002_001, Placements: []Placement{wl(last, 1_002_001)}, Completeness: all}}},
		{Years: []Year{{Year: math.MinInt, Placements: []Placement{wl(last, 1)}}, {Year: math.MaxInt, Placements: []Placement{wl(last, 2)}}}},
	} {
		empty := h == nil || len(h.Years) == 0
		for _, c := range []tip.Country{0, mys, last} {
			for _, y := range []tip.ReportYear{math.MinInt, 2001, 2002, 1_002_001, math.MaxInt} {
				if n, _ := WatchListRun(h, c, y); n < 0 || empty && n != 0 {
					t.Errorf("WatchListRun(%v, %d) = %d", c, y, n)
				}
				if k, _ := AutoDowngrade(h, c, y); empty && k != DowngradeUnknown {
					t.Errorf("AutoDowngrade(%v, %d) = %v with no year", c, y, k)
				}
				if on, known := OnSpecialWatchList(h, c, y); on && !known || empty && on {
					t.Errorf("OnSpecialWatchList(%v, %d) = %v, %v", c, y, on, known)
				}
				if r, known := IsRestricted(h, c, tip.FiscalYear(y)); r && !known || empty && r {
					t.Errorf("IsRestricted(%v, FY%d) = %v, %v", c, y, r, known)
				}
				if h != nil {
					if n, known := h.YearsInReport(c, y); n < 0 || empty && known {
						t.Errorf("YearsInReport(%v, %d) = %d, %v", c, y, n, known)
					}
				}
			}
		}
		if ch := Changes(h, math.MinInt, math.MaxInt); empty && len(ch) != 0 {
			t.Errorf("%d changes with no year", len(ch))
		}
	}
}

func TestDowngradeKindText(t *testing.T) {
	for k := DowngradeUnknown; k <= DowngradeAutomatic; k++ {
		b, _ := k.MarshalText()
		var back DowngradeKind
		if err := back.UnmarshalText(b); err != nil || back != k {
			t.Errorf("%v: %q reads back as %v, %v", k, b, back, err)
		}
	}
	if _, err := ParseDowngradeKind("forced"); !errors.Is(err, ErrDowngradeKind) {
		t.Errorf("ParseDowngradeKind(forced) = %v, want ErrDowngradeKind", err)
	}
	if s := DowngradeKind(99).String(); s != "unknown" {
		t.Errorf("DowngradeKind(99) = %q", s)
	}
}
