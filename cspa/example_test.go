package cspa_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tipkit/tipkit/cspa"
	"github.com/tipkit/tipkit/tip"
)

func ExampleParseList() {
	const text = `The 2023 CSPA List Includes Governments of the following countries:

  • Democratic Republic of the Congo
  • Türkiye
  • Yemen
`
	l, err := cspa.ParseList(strings.NewReader(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range l.Governments {
		fmt.Printf("%s %s (%q at %v)\n", g.Country.ISO3(), g.Country.Name(), g.Name, g.Pos)
	}
	fmt.Println("period:", l.From, "to", l.To, "- restrictions in", l.Year.RestrictionYear())
	// Output:
	// COD Congo, Democratic Republic of the ("Democratic Republic of the Congo" at 3:7)
	// TUR Turkey ("Türkiye" at 4:7)
	// YEM Yemen ("Yemen" at 5:7)
	// period: 2022-04-01 to 2023-03-31 - restrictions in FY2024
}

func ExampleClassify() {
	for _, p := range []cspa.Person{
		{Age: 16, Force: cspa.GovernmentForce, Recruitment: cspa.Voluntary, Role: "cook"},
		{Age: 14, Force: cspa.GovernmentForce, Recruitment: cspa.Voluntary, Role: "cook"},
		{Age: 17, Force: cspa.NonStateForce, Role: "porter"},
	} {
		ok, clause := cspa.Classify(p)
		fmt.Printf("%d %v %q\n", p.Age, ok, clause)
	}
	// Output:
	// 16 false ""
	// 14 true "(iii)"
	// 17 true "(iv)"
}

func ExampleProhibited() {
	d := cspa.Default()
	for _, r := range cspa.Prohibited(d.Lists, d.Waivers, tip.MustLookupCountry("Somalia"), 2023) {
		fmt.Printf("%-13s %s\n", r.Authority, r.Lift)
	}
	// Output:
	// EDA           not lifted
	// IMET          lifted
	// PKO           lifted
	// FMF           not lifted
	// DCS           lifted in part
	// 10 U.S.C. 333 lifted
}

func ExampleDefault() {
	d := cspa.Default()
	for _, y := range []tip.ReportYear{2010, 2011, 2012, 2020, 2023, 2025} {
		l := d.List(y)
		fmt.Println(y, l.Status, len(l.Governments))
	}
	fmt.Println("405(c) provided under waiver:", tip.FormatUSD(d.Report.Total()), "as of", d.Report.AsOf)
	// Output:
	// 2010 full 6
	// 2011 full 6
	// 2012 partial 5
	// 2020 full 14
	// 2023 full 17
	// 2025 not found 0
	// 405(c) provided under waiver: $57,956,682.43 as of 2023-04-20
}

func ExampleParse405c() {
	const text = `Section 1: Countries in Violation of the Standards Under the CSPA in 2022

The Secretary of State identified the following countries … during the reporting period of April 1, 2021 – March 31, 2022:  Somalia and Yemen.

Section 5: Description and Amount of Assistance Provided Pursuant to a Waiver

Somalia
Peacekeeping Operations $40,552,358.14
10 U.S.C. 333 $16,735,151.00
Yemen
International Military Education Training — $85,427.37
`
	r, err := cspa.Parse405c(strings.NewReader(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Year, r.From, r.To, len(r.Violations))
	for _, a := range r.Provided {
		fmt.Printf("%s %-13s %s (line %d)\n", a.Country.ISO3(), a.Authority, tip.FormatUSD(a.Amount), a.Pos.Line)
	}
	fmt.Println("total", tip.FormatUSD(r.Total()))
	// Output:
	// 2022 2021-04-01 2022-03-31 2
	// SOM PKO           $40,552,358.14 (line 8)
	// SOM 10 U.S.C. 333 $16,735,151.00 (line 9)
	// YEM IMET          $85,427.37 (line 11)
	// total $57,372,936.51
}

// A strict parse reports an amount it cannot read and reads on, so the
// amounts after it are kept; the options name the source.
func ExampleParse405cWith() {
	const text = `Section 1: Countries in Violation of the Standards Under the CSPA in 2022
The Secretary identified the following countries during the reporting period of April 1, 2021 – March 31, 2022: Somalia and Yemen.
Section 5: Description and Amount of Assistance Provided Pursuant to a Waiver
Somalia
Peacekeeping Operations $-5
Yemen
International Military Education Training — $85,427.37
`
	r, err := cspa.Parse405cWith(strings.NewReader(text), tip.ParseOptions{Source: "405c.txt"})
	fmt.Println(err)
	fmt.Println(errors.Is(err, tip.ErrAmount), len(r.Provided), tip.FormatUSD(r.Total()))
	// Output:
	// 405c.txt:5:25: Section 5: invalid amount: "$-5": bad digits or grouping (want an amount like $1,250,000.00 or $3.12 million)
	// true 1 $85,427.37
}

func ExampleParseAuthority() {
	for _, s := range []string{"International Military Education Training", "PKO", "10 U.S.C. 331/333", "direct commercial sales"} {
		a, err := cspa.ParseAuthority(s)
		fmt.Printf("%-42q %-13s %s %v\n", s, a, a.Name(), err)
	}
	// Output:
	// "International Military Education Training" IMET          International Military Education and Training <nil>
	// "PKO"                                      PKO           Peacekeeping Operations <nil>
	// "10 U.S.C. 331/333"                        10 U.S.C. 333 Support under 10 U.S.C. 333 <nil>
	// "direct commercial sales"                  DCS           Direct Commercial Sales <nil>
}

// The lax reader keeps a name it cannot resolve and says so in the
// list's findings.
func ExampleParseListLax() {
	const text = "The 2022 CSPA List Includes Governments of the following countries:\n  • Burma\n  • Narnia\n"
	l, err := cspa.ParseListLax(strings.NewReader(text))
	fmt.Println(l.Countries(), err)
	for _, f := range l.Findings {
		fmt.Println(f)
	}
	// Output:
	// [Burma unknown] <nil>
	// report:3:7: error: cspa/unresolved-name: CSPA list: unknown country "Narnia"
}

// The options name the source in every error, and choose the mode.
func ExampleParseListWith() {
	const text = "The 2023 CSPA List Includes Governments of the following countries:\n  • Burma\n  • Burma\n"
	_, err := cspa.ParseListWith(strings.NewReader(text), tip.ParseOptions{Source: "tip2023.txt"})
	fmt.Println(err)
	l, err := cspa.ParseListWith(strings.NewReader(text), tip.ParseOptions{Source: "tip2023.txt", Lax: true})
	fmt.Println(len(l.Governments), err, l.Findings[0].Rule)
	// Output:
	// tip2023.txt:3:7: CSPA list: duplicate: Burma is also listed at 2:7 (a list names a government once)
	// 2 <nil> cspa/duplicate
}
