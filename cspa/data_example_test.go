package cspa_test

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tipkit/tipkit/cspa"
	"github.com/tipkit/tipkit/tip"
)

// Listed separates "not on the list" from "not known": the 2012 list is
// partial (5 of 7 governments known), the 2025 list was not found.
func ExampleData_Listed() {
	d := cspa.Default()
	for _, c := range []string{"Burma", "Ghana"} {
		for _, y := range []tip.ReportYear{2012, 2020, 2025} {
			listed, known := d.Listed(tip.MustLookupCountry(c), y)
			fmt.Printf("%s %d listed=%v known=%v\n", c, y, listed, known)
		}
	}
	// Output:
	// Burma 2012 listed=true known=true
	// Burma 2020 listed=true known=true
	// Burma 2025 listed=false known=false
	// Ghana 2012 listed=false known=false
	// Ghana 2020 listed=false known=true
	// Ghana 2025 listed=false known=false
}

// The restrictions of one fiscal year over the embedded lists and waivers:
// the 2023 list applies in FY2024.
func ExampleData_Prohibited() {
	d := cspa.Default()
	for _, r := range d.Prohibited(tip.MustLookupCountry("Russia"), 2024) {
		fmt.Println(r.FiscalYear, r.Authority, r.Lift)
		if r.Waiver != "" {
			fmt.Println("  by", r.Waiver)
		}
	}
	// Output:
	// FY2024 EDA not lifted
	// FY2024 IMET not lifted
	// FY2024 PKO not lifted
	// FY2024 FMF not lifted
	// FY2024 DCS lifted in part
	//   by FY2024 Russia, in part: DCS (solely DCS in connection with the International Space Station)
}

func ExampleData_WaiversFor() {
	for _, w := range cspa.Default().WaiversFor(2023) {
		fmt.Println(w)
	}
	// Output:
	// FY2023 Central African Republic, in part: IMET, PKO, DCS (DCS: licenses related to other U.S. government assistance)
	// FY2023 Congo, Democratic Republic of the, in part: IMET, PKO, DCS (DCS: licenses related to other U.S. government assistance)
	// FY2023 Somalia, in part: IMET, PKO, DCS, 10 U.S.C. 333 (DCS: licenses related to other U.S. government assistance)
	// FY2023 Yemen, in part: IMET, PKO, DCS, 10 U.S.C. 333 (DCS: licenses related to other U.S. government assistance)
	// FY2023 Russia, in part: DCS (solely for direct commercial sales in connection with the International Space Station)
}

// Validate checks the lists and waivers against each other. The embedded
// data passes; a waiver for a government that is not on the list does not.
func ExampleValidate() {
	d := *cspa.Default()
	fmt.Println(len(cspa.Validate(&d)), "findings in the embedded data")

	d.Waivers = append(slices.Clone(d.Waivers), cspa.Waiver{Country: tip.MustLookupCountry("Ghana"), FiscalYear: 2024, Source: "my-notes.txt", Pos: tip.Position{Line: 4, Col: 1}})
	for _, f := range cspa.Validate(&d) {
		fmt.Println(f)
	}
	// Output:
	// 0 findings in the embedded data
	// my-notes.txt:4:1: error: cspa/waiver-unlisted: FY2024: a waiver for Ghana, which is not on the 2023 list [22 U.S.C. 2370c-1(c)]
}

// The lax reader applies errata and says so; the strict one fails.
func ExampleParse405cLax() {
	const text = `Section 1: Countries in Violation of the Standards Under the CSPA in 2022

Pursuant to section 402(3) of the CSPA, the Secretary of State found that the following countries had governmental armed forces, police, or other security forces, or government-supported armed groups, that recruited or used child soldiers during the reporting period (April 1, 2021 – March 31, 2022): Burma, Tongo, and Yemen.
`
	_, err := cspa.Parse405c(strings.NewReader(text))
	fmt.Println(err)
	r, err := cspa.Parse405cLax(strings.NewReader(text))
	fmt.Println(r.Violations, err)
	for _, f := range r.Findings {
		fmt.Println(f.Pos, f.Rule)
	}
	// Output:
	// report:3:311: Section 1: unknown country "Tongo" (did you mean "Tonga", "Togo"?)
	// [Burma Tonga Yemen] <nil>
	// 3:311 tip/erratum
}

// How far a year's waivers lift the bar, one word a country: the FY2024
// waivers (PD No. 2023-11) lift all of Egypt's, some of the Central
// African Republic's, none of Afghanistan's.
func ExampleData_WaiverScope() {
	d := cspa.Default()
	for _, c := range []string{"Egypt", "Central African Republic", "Afghanistan", "Canada"} {
		fmt.Println(c, d.WaiverScope(tip.MustLookupCountry(c), 2024))
	}
	// Output:
	// Egypt full
	// Central African Republic partial
	// Afghanistan none
	// Canada unknown
}
