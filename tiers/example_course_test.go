package tiers_test

import (
	"fmt"

	"github.com/tipkit/tipkit/tiers"
	"github.com/tipkit/tipkit/tip"
)

// A country's lag and move, read for the country itself: the row above
// in a table sorted by year would be another country's.
func ExampleHistory_Move() {
	h := tiers.Default()
	c := tip.MustLookupCountry("Malaysia")
	for _, y := range []tip.ReportYear{2013, 2014, 2015} {
		prev, _ := h.Previous(c, y)
		m := h.Move(c, y)
		fmt.Printf("%d: %s, the year before %s: %s\n", y, m.To, prev.Tier, m.Kind)
	}
	// Output:
	// 2013: Tier 2 Watch List, the year before Tier 2 Watch List: same
	// 2014: Tier 3, the year before Tier 2 Watch List: down
	// 2015: Tier 2 Watch List, the year before Tier 3: up
}

// Years in the report are counted only where every year since the first
// report is known: the 2001 and 2002 lists leave many countries unknown.
func ExampleHistory_YearsInReport() {
	h := tiers.Default()
	for _, name := range []string{"United States", "South Sudan", "Libya"} {
		n, known := h.YearsInReport(tip.MustLookupCountry(name), 2023)
		fmt.Println(name, n, known)
	}
	// Output:
	// United States 14 true
	// South Sudan 12 true
	// Libya 0 false
}

// The Watch List run as the downgrade rule counts it: from the first
// report after December 23, 2008, whatever the years before.
func ExampleWatchListRun() {
	h := tiers.Default()
	russia := tip.MustLookupCountry("Russia")
	for _, y := range []tip.ReportYear{2008, 2009, 2012, 2013} {
		n, ok := tiers.WatchListRun(h, russia, y)
		fmt.Println(y, n, ok)
	}
	// Output:
	// 2008 0 false
	// 2009 1 true
	// 2012 4 true
	// 2013 0 true
}

// A Tier 3 after a Watch List run is the automatic downgrade for certain
// only once the waivers were used up.
func ExampleAutoDowngrade() {
	h := tiers.Default()
	for _, c := range []struct {
		name string
		year tip.ReportYear
	}{{"Russia", 2013}, {"South Sudan", 2015}, {"Russia", 2014}} {
		d, rule := tiers.AutoDowngrade(h, tip.MustLookupCountry(c.name), c.year)
		fmt.Println(c.name, c.year, d, rule)
	}
	// Output:
	// Russia 2013 automatic tiers/auto-downgrade of 2009 (22 U.S.C. 7107(b)(2)(D)(i))
	// South Sudan 2015 possible tiers/auto-downgrade of 2009 (22 U.S.C. 7107(b)(2)(D)(i))
	// Russia 2014 none
}

// One country's place on the special watch list and under the Tier 3
// restrictions, each with whether it is known.
func ExampleOnSpecialWatchList() {
	h := tiers.Default()
	germany := tip.MustLookupCountry("Germany")
	fmt.Println(tiers.OnSpecialWatchList(h, germany, 2022)) // up from Tier 2 to Tier 1
	fmt.Println(tiers.OnSpecialWatchList(h, tip.MustLookupCountry("Timor-Leste"), 2011))
	fmt.Println(tiers.IsRestricted(h, tip.MustLookupCountry("Russia"), 2014))
	// Output:
	// true true
	// false false
	// true true
}

// The long table of changes an event-history model reads: one row per
// country and year of change.
func ExampleChanges() {
	n := map[tiers.ChangeKind]int{}
	for _, ch := range tiers.Changes(tiers.Default(), 2001, 2025) {
		n[ch.Kind]++
	}
	for k := tiers.ChangeUpgrade; k <= tiers.ChangeUnranked; k++ {
		fmt.Println(k, n[k])
	}
	// Output:
	// upgrade 497
	// downgrade 455
	// automatic downgrade 29
	// entry 71
	// exit 7
	// unranked 36
}
