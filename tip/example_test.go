package tip_test

import (
	"errors"
	"fmt"

	"github.com/tipkit/tipkit/tip"
)

func ExampleLookupCountry() {
	for _, name := range []string{"Türkiye", "Democratic Republic of the Congo", "Korea, South", "XKS"} {
		c, err := tip.LookupCountry(name)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-34q → %s (%s, GENC %s, COW %d, %s)\n", name, c.Name(), c.ISO3(), c.GENC3(), c.COW(), c.Bureau())
	}
	// Output:
	// "Türkiye"                          → Turkey (TUR, GENC TUR, COW 640, EUR)
	// "Democratic Republic of the Congo" → Congo, Democratic Republic of the (COD, GENC COD, COW 490, AF)
	// "Korea, South"                     → Korea, Republic of (KOR, GENC KOR, COW 732, EAP)
	// "XKS"                              → Kosovo (XKX, GENC XKS, COW 347, EUR)
}

// A caller branches on the kind of failure with errors.Is and reads the
// suggestions or candidates with errors.As.
func ExampleLookupCountry_errors() {
	for _, name := range []string{"Tongo", "Congo"} {
		_, err := tip.LookupCountry(name)
		var unknown *tip.UnknownCountryError
		var ambiguous *tip.AmbiguousCountryError
		switch {
		case errors.As(err, &unknown):
			fmt.Println(errors.Is(err, tip.ErrUnknownCountry), name, "→ did you mean", unknown.Suggestions()[0].Name())
		case errors.As(err, &ambiguous):
			fmt.Println(errors.Is(err, tip.ErrAmbiguousCountry), name, "→ one of", ambiguous.Candidates)
		}
	}
	// Output:
	// true Tongo → did you mean Tonga
	// true Congo → one of [Congo, Democratic Republic of the Congo, Republic of the]
}

// Misprints resolve only through errata, and the caller learns which
// erratum it used.
func ExampleErrata_Resolve() {
	c, erratum, err := tip.DefaultErrata().Resolve("Seychelle")
	fmt.Println(c, err)
	fmt.Println(erratum.Source)
	// Output:
	// Seychelles <nil>
	// seed 000 (TIP Office projects, October 1, 2021), Eastern Africa Region
}

func ExampleSplitPlaces() {
	l := tip.SplitPlaces("Regional Project – Iraq and MENA")
	fmt.Printf("label %q, countries %v, not countries %q\n", l.Label, l.Countries(), l.Unresolved())

	l = tip.SplitPlaces("Eastern Africa Region – (Burundi, Comoros, Djibouti, Eritrea, Ethiopia, Kenya, Madagascar, Mauritius, Rwanda, Seychelle, Somalia, Tanzania, and Uganda)")
	fmt.Printf("label %q, %d members, %d countries, not countries %q\n", l.Label, len(l.Members), len(l.Countries()), l.Unresolved())
	// Output:
	// label "Regional Project", countries [Iraq], not countries ["MENA"]
	// label "Eastern Africa Region", 13 members, 12 countries, not countries ["Seychelle"]
}

func ExampleParseUSD() {
	for _, s := range []string{"$394,750.00", "$3.12 million", "$1,00,0"} {
		d, err := tip.ParseUSD(s)
		if errors.Is(err, tip.ErrAmount) {
			fmt.Println("not money:", err)
			continue
		}
		fmt.Println(tip.FormatAmount(d), tip.FormatUSD(d))
	}
	// Output:
	// 394750.00 $394,750.00
	// 3120000.00 $3,120,000.00
	// not money: invalid amount: "$1,00,0": bad digits or grouping (want an amount like $1,250,000.00 or $3.12 million)
}

// Report years and fiscal years are distinct types: the 2023 report's
// restrictions apply in FY2024.
func ExampleReportYear() {
	y := tip.ReportYear(2023)
	from, to := y.ReportingPeriod()
	fy := y.RestrictionYear()
	fmt.Println("report", y, "covers", from, "to", to)
	fmt.Println("restrictions apply in", fy, "from", fy.Start(), "to", fy.End())
	fmt.Println("a waiver of", tip.MustParseDate("October 3, 2022"), "falls in", tip.FiscalYearOf(tip.MustParseDate("October 3, 2022")))
	// Output:
	// report 2023 covers 2022-04-01 to 2023-03-31
	// restrictions apply in FY2024 from 2023-10-01 to 2024-09-30
	// a waiver of 2022-10-03 falls in FY2023
}

func ExampleParseDate() {
	for _, s := range []string{"9/30/2023", "October 3, 2022", "2/30/2023"} {
		d, err := tip.ParseDate(s)
		fmt.Println(d, err)
	}
	// Output:
	// 2023-09-30 <nil>
	// 2022-10-03 <nil>
	//  invalid date: "2/30/2023" does not exist (want a date like 9/30/2023 or September 30, 2023)
}

func ExampleErrorList() {
	var errs tip.ErrorList
	errs.Add(tip.Errorf("seed 000", tip.Position{Line: 17, Col: 9}, "Amount", tip.ErrAmount, "%q", "$1,00,0"))
	errs.Add(tip.Errorf("seed 000", tip.Position{Line: 3, Col: 12}, "Countries", tip.ErrUnknownCountry, "%q", "Atlantis"))
	errs.Sort()
	err := errs.Err()
	fmt.Println(err)
	fmt.Println(errors.Is(err, tip.ErrAmount), errors.Is(err, tip.ErrDate))
	// Output:
	// seed 000:3:12: Countries: unknown country: "Atlantis" (and 1 more error)
	// true false
}

// Every parser reads a country name with ResolveCountry: strict, a
// misprint is an error that suggests the fix; lax, the errata read it, and
// the finding says so.
func ExampleParseOptions_ResolveCountry() {
	pos := tip.Position{Line: 17, Col: 10}
	strict := tip.ParseOptions{Source: "listing.txt"}
	_, _, err := strict.ResolveCountry("Tongo", pos, "Country")
	fmt.Println(err)
	var unknown *tip.UnknownCountryError
	fmt.Println(errors.As(err, &unknown), unknown.Name)

	lax := tip.ParseOptions{Source: "listing.txt", Lax: true}
	c, finding, _ := lax.ResolveCountry("Tongo", pos, "Country")
	fmt.Println(c.ISO3(), finding.Rule, finding.Severity)
	// Output:
	// listing.txt:17:10: Country: unknown country "Tongo" (did you mean "Tonga", "Togo"?)
	// true Tongo
	// TON tip/erratum warning
}

// A Resolver reads names as one parse does, its errata folded once.
func ExampleResolver() {
	r := tip.ParseOptions{Source: "list.txt", Lax: true}.Resolver()
	for _, name := range []string{"Chile", "Tongo", "Narnia"} {
		c, f, err := r.Resolve(name, tip.Position{Line: 1, Col: 1}, "Country")
		switch {
		case err != nil:
			fmt.Println(err)
		case f != nil:
			fmt.Println(c, "through", f.Rule)
		default:
			fmt.Println(c)
		}
	}
	// Output:
	// Chile
	// Tonga through tip/erratum
	// list.txt:1:1: Country: unknown country "Narnia"
}
