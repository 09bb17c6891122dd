package grants_test

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/grants"
	"github.com/tipkit/tipkit/tip"
)

// ByCountry gives both readings of a regional project's money: Amount
// counts it in full for every country it names, Allocated splits it
// equally, so that the allocations add up.
func ExampleListing_ByCountry() {
	ts := grants.Default().ByCountry()
	slices.SortStableFunc(ts, func(a, b grants.CountryTotal) int { return b.Allocated.Cmp(a.Allocated) })
	for _, t := range ts[:3] {
		fmt.Printf("%-12s %d projects, full %s, allocated %s\n", t.Country, t.Projects, tip.FormatUSD(t.Amount), tip.FormatUSD(t.Allocated))
	}
	sum := decimal.Zero
	for _, t := range ts {
		sum = sum.Add(t.Allocated)
	}
	fmt.Println(len(ts), "countries; allocations add up to", tip.FormatUSD(sum))
	// Output:
	// Guatemala    4 projects, full $8,487,000.00, allocated $5,677,333.34
	// Laos         5 projects, full $3,907,828.00, allocated $3,607,828.00
	// Iraq         4 projects, full $4,642,500.00, allocated $3,517,500.00
	// 94 countries; allocations add up to $80,565,054.00
}

// Which projects were still running on a date, and which end in a fiscal
// year: the questions of a budget review.
func ExampleListing_ActiveOn() {
	l := grants.Default()
	active := l.ActiveOn(tip.MustParseDate("2023-01-01"))
	fmt.Println(len(active), "of", len(l.Projects), "projects run past January 1, 2023")
	fmt.Println(len(l.EndingIn(2022)), "end in FY2022")
	// Output:
	// 33 of 84 projects run past January 1, 2023
	// 40 end in FY2022
}

func ExampleListing_BySection() {
	l := grants.Default()
	for _, g := range l.BySection() {
		fmt.Printf("%-36s %2d %s\n", g.Key, g.Projects, tip.FormatUSD(g.Amount))
	}
	fmt.Println("total", tip.FormatUSD(l.Total()))
	// Output:
	// Africa                               21 $21,833,277.00
	// East Asia and the Pacific Islands    12 $11,722,828.00
	// Europe and Eurasia                    6 $6,191,445.00
	// Near East                            11 $11,539,500.00
	// South and Central Asia                9 $7,341,004.00
	// Western Hemisphere                   12 $18,177,000.00
	// Global                                5 $8,900,000.00
	// Research                              5 $3,347,000.00
	// Training and Technical Assistance     3 $4,040,000.00
	// total $93,092,054.00
}

// Scope is derived from the places, never typed by hand: one country is
// bilateral, several or a region regional, none global.
func ExampleProject_Scope() {
	l, _ := grants.ParseLax(strings.NewReader(`Global

Implementer: Polaris Project (Polaris)
Amount: $750,000
End Date: 9/30/2023
Description: Data.

Africa

Countries: Regional Project – Burundi, Kenya, and Uganda
Implementer: International Organization for Migration (IOM)
Amount: $1,000,000
End Date: 9/30/2023
Description: Labor migration.

Country: Ghana
Implementer: World Vision
Amount: $500,000
End Date: 9/30/2023
Description: Shelters.
`))
	for _, p := range l.Projects {
		fmt.Printf("%-9s %-5q %s %v\n", p.Scope(), p.Implementer.Key(), p.Implementer, p.Touches(tip.MustLookupCountry("Kenya")))
	}
	// Output:
	// global    "Polaris" Polaris Project (Polaris) false
	// regional  "IOM" International Organization for Migration (IOM) true
	// bilateral "World Vision" World Vision false
}
