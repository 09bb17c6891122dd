package tip_test

import (
	"errors"
	"fmt"

	"github.com/tipkit/tipkit/tip"
)

// Headings as the documents write them, and codes.
func ExampleParseBureau() {
	for _, s := range []string{"Africa (Sub-Saharan)", "East Asia and the Pacific Islands", "Near East (Middle East and North Africa)", "wha", "Antarctica"} {
		b, err := tip.ParseBureau(s)
		fmt.Printf("%-42q %-4s %v\n", s, b, errors.Is(err, tip.ErrUnknownBureau))
	}
	// Output:
	// "Africa (Sub-Saharan)"                     AF   false
	// "East Asia and the Pacific Islands"        EAP  false
	// "Near East (Middle East and North Africa)" NEA  false
	// "wha"                                      WHA  false
	// "Antarctica"                               unknown true
}

func ExampleCountries() {
	n := map[tip.Bureau]int{}
	for _, c := range tip.Countries() {
		n[c.Bureau()]++
	}
	for _, b := range tip.Bureaus() {
		fmt.Printf("%s %s: %d\n", b, b.Name(), n[b])
	}
	// Output:
	// AF Africa: 48
	// EAP East Asia and the Pacific: 30
	// EUR Europe and Eurasia: 46
	// NEA Near East: 18
	// SCA South and Central Asia: 13
	// WHA Western Hemisphere: 35
}

// A report year's restrictions apply in the fiscal year that starts on
// October 1 of that year.
func ExampleFiscalYearOf() {
	fmt.Println(tip.FiscalYearOf(tip.MustParseDate("September 30, 2023")), tip.FiscalYearOf(tip.MustParseDate("October 1, 2023")))
	for _, s := range []string{"FY2024", "FY 2024", "FY24"} {
		fy, err := tip.ParseFiscalYear(s)
		fmt.Println(fy, err)
	}
	// Output:
	// FY2023 FY2024
	// FY2024 <nil>
	// FY2024 <nil>
	// FY2024 <nil>
}

func ExampleFormatUSD() {
	d := tip.MustParseUSD("$40,552,358.14")
	fmt.Println(tip.FormatUSD(d), tip.FormatAmount(d), tip.FormatAmount(tip.MustParseUSD("$18 million")))
	// Output:
	// $40,552,358.14 40552358.14 18000000.00
}

// Every parser builds its errors with Errorf, so they read alike and unwrap
// to a sentinel.
func ExampleErrorf() {
	err := tip.Errorf("listing", tip.Position{Line: 12, Col: 9}, "Amount", tip.ErrAmount, "%q is not money", "USD 5")
	fmt.Println(err)
	fmt.Println(errors.Is(err, tip.ErrAmount))
	// Output:
	// listing:12:9: Amount: invalid amount: "USD 5" is not money
	// true
}
