package tiers_test

import (
	"fmt"
	"strings"

	"github.com/tipkit/tipkit/tiers"
	"github.com/tipkit/tipkit/tip"
)

// Special Case is not a rank: a move to or from it is neither an upgrade
// nor a downgrade, and Compare says so rather than inventing an order.
func ExampleTier_Compare() {
	pairs := [][2]tiers.Tier{{tiers.Tier2WatchList, tiers.Tier3}, {tiers.Tier2, tiers.Tier1}, {tiers.SpecialCase, tiers.Tier2}}
	for _, p := range pairs {
		c, ok := p[0].Compare(p[1])
		fmt.Printf("%s vs %s: %d %v\n", p[0], p[1], c, ok)
	}
	// Output:
	// Tier 2 Watch List vs Tier 3: -1 true
	// Tier 2 vs Tier 1: 1 true
	// Special Case vs Tier 2: 0 false
}

// At tells a placement from an absence and from a gap in the sources: a
// country on none of a year's lists is absent only if every list of the
// year is known (South Sudan, independent in 2011, is in no 2009 list; the
// 2018 lists are partial).
func ExampleHistory_At() {
	h := tiers.Default()
	for _, q := range []struct {
		country string
		year    tip.ReportYear
	}{{"Malaysia", 2023}, {"South Sudan", 2009}, {"Ghana", 2017}, {"Ghana", 2018}, {"Ghana", 2030}} {
		p, st := h.At(tip.MustLookupCountry(q.country), q.year)
		fmt.Printf("%s %d: %s", q.country, q.year, st)
		if st == tiers.StatusPlaced {
			fmt.Printf(", %s (%s)", p.Tier, p.Source)
		}
		fmt.Println()
	}
	// Output:
	// Malaysia 2023: placed, Tier 2 Watch List (seed 003)
	// South Sudan 2009: absent
	// Ghana 2017: placed, Tier 2 Watch List (extra/2017.txt)
	// Ghana 2018: unknown
	// Ghana 2030: unknown
}

// What a year of the history knows, as its sources say.
func ExampleHistory_Year() {
	h := tiers.Default()
	for _, y := range []tip.ReportYear{2009, 2017, 2022} {
		yr := h.Year(y)
		fmt.Printf("%d: %d placements, full %v, knows Tier 3 %v\n", y, len(yr.Placements), yr.Completeness.Full(), yr.Completeness.Knows(tiers.Tier3))
	}
	// Output:
	// 2009: 175 placements, full true, knows Tier 3 true
	// 2017: 182 placements, full false, knows Tier 3 true
	// 2022: 70 placements, full false, knows Tier 3 true
}

// Validate checks one report against itself: here a country printed on
// two tiers, and a state-sponsored government that is not on Tier 3.
func ExampleReport_Validate() {
	const text = `2023 Trafficking in Persons Report

Tier 2
  • Montenegro
  • Turkmenistan

Tier 2 Watch List
  • Montenegro
`
	r, _ := tiers.ParseReportLax(strings.NewReader(text))
	r.StateSponsored = []tiers.Listed{{Country: tip.MustLookupCountry("Turkmenistan"), Name: "Turkmenistan", Pos: tip.Position{Line: 12, Col: 3}}}
	for _, f := range r.Validate() {
		fmt.Println(f.Pos, f.Severity, f.Rule, f.Message)
	}
	fmt.Println(r.Count(tiers.Tier2), r.Countries(tiers.Tier2WatchList), len(r.PlacementsOf(tip.MustLookupCountry("Montenegro"))))
	// Output:
	// 8:7 error tiers/one-placement Montenegro is on Tier 2 (line 4) and Tier 2 Watch List (line 8)
	// 12:3 error tiers/policy-or-pattern Turkmenistan has a documented policy or pattern of trafficking but is on Tier 2
	// 2 [Montenegro] 2
}
