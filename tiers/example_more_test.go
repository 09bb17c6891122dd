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

// At tells a placement from an absence, from a gap in the sources and
// from an entity that did not exist, and a placement says how it is known:
// the United States in 2010 is read in the report, though the research
// panel leaves it out; Bhutan is absent in 2010 because the panel codes it
// "not in the report" (NA); Timor-Leste in 2010 is unknown because the
// panel's NA for it is contradicted in other years; South Sudan did not
// exist in 2009.
func ExampleHistory_At() {
	h := tiers.Default()
	for _, q := range []struct {
		country string
		year    tip.ReportYear
	}{{"Malaysia", 2023}, {"United States", 2010}, {"Nigeria", 2022}, {"Bhutan", 2010}, {"Timor-Leste", 2010}, {"South Sudan", 2009}, {"Ghana", 2030}} {
		p, st := h.At(tip.MustLookupCountry(q.country), q.year)
		fmt.Printf("%s %d: %s", q.country, q.year, st)
		if st == tiers.StatusPlaced {
			fmt.Printf(", %s (%s, %s)", p.Tier, p.Basis, p.Source)
		}
		fmt.Println()
	}
	// Output:
	// Malaysia 2023: placed, Tier 2 Watch List (observed, seed 003)
	// United States 2010: placed, Tier 1 (observed, fills/more.txt)
	// Nigeria 2022: placed, Tier 2 (derived, fills/2022-derived.txt)
	// Bhutan 2010: absent
	// Timor-Leste 2010: unknown
	// South Sudan 2009: nonexistent
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
	// 2017: 186 placements, full false, knows Tier 3 true
	// 2022: 188 placements, full true, knows Tier 3 true
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
