package tip_test

import (
	"fmt"

	"github.com/tipkit/tipkit/tip"
)

// The table covers the world, not only the countries the reports rank:
// a researcher's spreadsheet of names joins whatever it holds.
func ExampleAllCountries() {
	kinds := map[tip.CountryKind]int{}
	for _, c := range tip.AllCountries() {
		kinds[c.Kind()]++
	}
	fmt.Println(len(tip.Countries()), "placed in the TIP Reports;", len(tip.AllCountries()), "in all")
	for _, k := range []tip.CountryKind{tip.KindState, tip.KindDependency, tip.KindOther, tip.KindHistorical} {
		fmt.Println(k, kinds[k])
	}
	for _, name := range []string{"Dominica", "St. Kitts and Nevis", "Kingdom of Belgium", "Puerto Rico (US)", "Zaire"} {
		c := tip.MustLookupCountry(name)
		fmt.Printf("%-21q → %s (%s, %s)\n", name, c.Name(), c.ISO3(), c.Kind())
	}
	// Output:
	// 191 placed in the TIP Reports; 284 in all
	// state 197
	// dependency 72
	// other 8
	// historical 7
	// "Dominica"            → Dominica (DMA, state)
	// "St. Kitts and Nevis" → Saint Kitts and Nevis (KNA, state)
	// "Kingdom of Belgium"  → Belgium (BEL, state)
	// "Puerto Rico (US)"    → Puerto Rico (PRI, dependency)
	// "Zaire"               → Congo, Democratic Republic of the (COD, state)
}

// Codes are looked up one system at a time: a number is an ISO code in one
// dataset and a Correlates of War code in the next.
func ExampleByISO3() {
	fmt.Println(tip.ByISO3("MMR"))
	fmt.Println(tip.ByISO2("BU"))    // withdrawn in 1989
	fmt.Println(tip.ByISONumeric(4)) // Afghanistan in ISO…
	fmt.Println(tip.ByCOW(4, 0))     // …and nobody in COW
	fmt.Println(tip.ByGENC("XKS"))   // Kosovo in GENC…
	fmt.Println(tip.ByISO3("XKS"))   // …not in ISO, which has XKX
	fmt.Println(tip.ByISO2("CS"))    // two entities held it: no answer
	fmt.Println(tip.ByISO4("CSXX"))  // ISO 3166-3 codes are never reused
	fmt.Println(tip.ByM49(158))      // M49 has no Taiwan
	c := tip.MustLookupCountry("Taiwan")
	fmt.Println(c.ISONumeric(), c.M49() == "")
	// Output:
	// Burma true
	// Burma true
	// Afghanistan true
	// unknown false
	// Kosovo true
	// unknown false
	// unknown false
	// Serbia and Montenegro true
	// unknown false
	// 158 true
}

// A Correlates of War code means different entities in different years.
func ExampleByCOW() {
	for _, year := range []int{1980, 1992, 1995, 2010} {
		c, ok := tip.ByCOW(345, year)
		fmt.Println(year, c, ok)
	}
	for _, p := range tip.MustLookupCountry("Germany").COWPeriods() {
		fmt.Println(p.Code, p.From, p.To)
	}
	// Output:
	// 1980 Socialist Federal Republic of Yugoslavia true
	// 1992 unknown false
	// 1995 Serbia and Montenegro true
	// 2010 Serbia true
	// 255 1816 1945
	// 260 1955 1990
	// 255 1990 0
}

// "Yugoslavia" is two entities; the year of the data says which.
func ExampleLookupCountryIn() {
	_, err := tip.LookupCountry("Yugoslavia")
	fmt.Println(err)
	for _, year := range []int{1985, 1992, 2001} {
		c, err := tip.LookupCountryIn("Yugoslavia", year)
		fmt.Println(year, c, err)
	}
	// Output:
	// ambiguous country "Yugoslavia": could be "Serbia and Montenegro" or "Socialist Federal Republic of Yugoslavia"
	// 1985 Socialist Federal Republic of Yugoslavia <nil>
	// 1992 unknown ambiguous country "Yugoslavia": could be "Serbia and Montenegro" or "Socialist Federal Republic of Yugoslavia"
	// 2001 Serbia and Montenegro <nil>
}

// Every name of a country, with who writes it and when.
func ExampleCountry_Names() {
	for _, n := range tip.MustLookupCountry("Eswatini").Names() {
		if n.From != 0 || n.To != 0 {
			fmt.Println(n.Name, n.Source, n.From, n.To)
		}
	}
	c := tip.MustLookupCountry("Guam")
	fmt.Println(c.Sovereign(), c.Bureau(), c.GENCName(), c.ISOShortName())
	// Output:
	// Swaziland State 1968 2018
	// Kingdom of Swaziland common 1968 2018
	// United States of America unknown Guam Guam
}
