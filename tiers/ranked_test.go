package tiers_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/tipkit/tipkit/tiers"
	"github.com/tipkit/tipkit/tip"
)

func TestRanked(t *testing.T) {
	h := tiers.Default()
	tests := []struct {
		year tip.ReportYear
		n    int
		why  string
	}{
		{2023, 185, "seed 003: 188 entries, Montenegro twice, the Dominican Republic added, 3 Special Cases"},
		{2013, 187, "Kelley panel, one Special Case"},
		{2022, 185, "30 Tier 1 and 99 Tier 2 derived from counts (fills/2022-derived.txt), 34 Watch List and 22 Tier 3 transcribed; 3 Special Cases"},
		{2016, 182, "a partial year holds what it holds: Cameroon, New Zealand, Slovakia and Somalia are gaps, not ranked"},
		{2000, 0, "no such report"},
	}
	for _, tt := range tests {
		got := h.Ranked(tt.year)
		if len(got) != tt.n {
			t.Errorf("Ranked(%d) has %d countries, want %d (%s)", tt.year, len(got), tt.n, tt.why)
		}
		if !slices.IsSorted(got) || slices.Contains(got, 0) || len(slices.Compact(slices.Clone(got))) != len(got) {
			t.Errorf("Ranked(%d) is not sorted, or has the zero Country or a duplicate", tt.year)
		}
	}
	if h.Ranked(2000) != nil {
		t.Errorf("Ranked(2000) is not nil")
	}
	r := h.Ranked(2023)
	for _, name := range []string{"Libya", "Somalia", "Yemen"} {
		if slices.Contains(r, tip.MustLookupCountry(name)) {
			t.Errorf("Ranked(2023) has %s, a Special Case", name)
		}
	}
	for _, name := range []string{"Montenegro", "Dominican Republic", "Tonga", "Burma"} {
		if !slices.Contains(r, tip.MustLookupCountry(name)) {
			t.Errorf("Ranked(2023) lacks %s", name)
		}
	}
}

// TestCountriesArePlaced checks tip.Countries against the history: the
// entities the reports 2001-2025 place are exactly those, and all but
// Somalia, a Special Case in every report, are ranked in some year.
func TestCountriesArePlaced(t *testing.T) {
	h := tiers.Default()
	var placed, ranked []tip.Country
	for _, y := range h.Years {
		for _, p := range y.Placements {
			if p.Country != 0 && !slices.Contains(placed, p.Country) {
				placed = append(placed, p.Country)
			}
		}
		for _, c := range h.Ranked(y.Year) {
			if !slices.Contains(ranked, c) {
				ranked = append(ranked, c)
			}
		}
	}
	slices.Sort(placed)
	if want := tip.Countries(); !slices.Equal(placed, want) {
		t.Errorf("the reports place %d entities, tip.Countries() has %d", len(placed), len(want))
		for _, c := range want {
			if !slices.Contains(placed, c) {
				t.Errorf("%v is in tip.Countries() but never placed", c)
			}
		}
		for _, c := range placed {
			if !slices.Contains(want, c) {
				t.Errorf("%v is placed but not in tip.Countries()", c)
			}
		}
	}
	var never []string
	for _, c := range placed {
		if !slices.Contains(ranked, c) {
			never = append(never, c.Name())
		}
	}
	if !slices.Equal(never, []string{"Somalia"}) {
		t.Errorf("placed but never ranked: %q, want Somalia only", never)
	}
}

// Which countries a report ranks, and which it covers without ranking.
func ExampleHistory_Ranked() {
	h := tiers.Default()
	ranked := h.Ranked(2023)
	fmt.Println(len(ranked), "of", len(tip.Countries()), "entities ranked in 2023")
	for _, p := range h.Year(2023).Placements {
		if !p.Tier.Ranked() {
			fmt.Println(p.Country, "is a", p.Tier)
		}
	}
	// Output:
	// 185 of 191 entities ranked in 2023
	// Libya is a Special Case
	// Somalia is a Special Case
	// Yemen is a Special Case
}
