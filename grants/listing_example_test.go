package grants_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/tipkit/tipkit/grants"
	"github.com/tipkit/tipkit/tip"
)

const messy = `Africa

Countries: Eastern Africa Region – (Comoros, Seychelle, and Mauritius)
Implementer: United Nations Office on Drugs and Crime (UNODC)
Amount: $1,000,000
End Date: 3/31/2022
Description: Regional cooperation.

Countries:  Nigeria
Implementer: World Vision
Amount: $394,750
End Date: 9/30/2023
Project Description: Shelters.
`

func ExampleParse() {
	_, err := grants.Parse(strings.NewReader(messy))
	fmt.Println(err)
	// Output:
	// listing:3:48: record 1: Countries: unknown country "Seychelle" (did you mean "Seychelles"?) (and 2 more errors)
}

// A strict parse's errors are positioned *tip.ParseError values in a
// tip.ErrorList; errors.Is and errors.As reach each of them.
func ExampleParse_errors() {
	const listing = `Africa

Country: Keyna
Implementer: World Vision
Amount: $1,25,000
End Date: 9/31/2023
`
	_, err := grants.Parse(strings.NewReader(listing))
	var unknown *tip.UnknownCountryError
	if errors.As(err, &unknown) {
		fmt.Printf("%q: did you mean %v?\n", unknown.Name, unknown.Suggestions())
	}
	fmt.Println("amount error:", errors.Is(err, tip.ErrAmount), "date error:", errors.Is(err, tip.ErrDate))
	var list tip.ErrorList
	errors.As(err, &list)
	for _, e := range list {
		fmt.Printf("line %d col %d, record %d, %s: %v\n", e.Line, e.Col, e.Record, e.Field, e.Err)
	}
	// Output:
	// "Keyna": did you mean [Kenya]?
	// amount error: true date error: true
	// line 3 col 10, record 1, Country: unknown country "Keyna" (did you mean "Kenya"?)
	// line 5 col 9, record 1, Amount: invalid amount: "$1,25,000": bad digits or grouping (want an amount like $1,250,000.00 or $3.12 million)
	// line 6 col 11, record 1, End Date: invalid date: "9/31/2023" does not exist (want a date like 9/30/2023 or September 30, 2023)
}

func ExampleParseLax() {
	l, err := grants.ParseLax(strings.NewReader(messy))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range l.Projects {
		fmt.Printf("%s %s %q %d countries, %s, ends %s\n", p.Scope(), p.Implementer.Key(), p.Label, len(p.Countries), tip.FormatUSD(p.Amount), p.EndDate)
	}
	for _, f := range l.Findings {
		fmt.Println(f.Pos, f.Rule)
	}
	// Output:
	// regional UNODC "Eastern Africa Region" 3 countries, $1,000,000.00, ends 2022-03-31
	// bilateral World Vision "" 1 countries, $394,750.00, ends 2023-09-30
	// 3:48 tip/erratum
	// 9:1 grants/plural-label
	// 13:1 grants/project-description
}

// ParseWith names the input in errors and findings, and takes the errata
// a lax parse applies: here the default ones and one of the caller's own.
func ExampleParseWith() {
	const listing = `Western Hemisphere

Country: Columbia
Implementer: Partners of the Americas
Amount: $750,000
End Date: 9/30/2024
`
	errata := append(tip.DefaultErrata(), tip.Erratum{Printed: "Columbia", Country: tip.MustLookupCountry("Colombia"),
		Source: "my-listing.txt, Western Hemisphere", Note: "the country, not the district"})
	l, err := grants.ParseWith(strings.NewReader(listing), tip.ParseOptions{Source: "my-listing.txt", Lax: true, Errata: errata})
	if err != nil {
		fmt.Println(err)
		return
	}
	p := l.Projects[0]
	fmt.Println(p.Bureau, p.Countries, tip.FormatUSD(p.Amount))
	for _, f := range l.Findings {
		fmt.Println(f)
	}
	// Output:
	// WHA [Colombia] $750,000.00
	// my-listing.txt:3:10: warning: tip/erratum: Country: "Columbia" read as Colombia (erratum: the country, not the district) [my-listing.txt, Western Hemisphere]
}

// ScanWith streams a listing with the same options as ParseWith: here
// strict, so that a plural label with one country fails its record.
func ExampleScanWith() {
	for p, err := range grants.ScanWith(strings.NewReader(messy), tip.ParseOptions{Source: "messy.txt", Errata: tip.Errata{}}) {
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println("ok:", p.Implementer.Key())
	}
	// Output:
	// error: messy.txt:3:48: record 1: Countries: unknown country "Seychelle" (did you mean "Seychelles"?)
	// error: messy.txt:9:1: record 2: Countries: syntax error: label "Countries" with one country (want "Country:") (and 1 more error)
}

func ExampleListing_ByBureau() {
	for _, g := range grants.Default().ByBureau() {
		key := g.Key
		if key == "" {
			key = "global"
		}
		fmt.Printf("%-6s %2d %s\n", key, g.Projects, tip.FormatUSD(g.Amount))
	}
	// Output:
	// AF     21 $21,833,277.00
	// EAP    12 $11,722,828.00
	// EUR     6 $6,191,445.00
	// NEA    11 $11,539,500.00
	// SCA     9 $7,341,004.00
	// WHA    12 $18,177,000.00
	// global 13 $16,287,000.00
}

func ExampleListing_Touching() {
	for _, p := range grants.Default().Touching(tip.MustLookupCountry("Laos")) {
		fmt.Println(p.Pos.Line, p.Implementer.Key(), tip.FormatUSD(p.Amount), p.Scope())
	}
	// Output:
	// 144 TRAFCORD/FOCUS $450,000.00 regional
	// 174 TAF $1,000,000.00 bilateral
	// 180 IOM $1,000,000.00 bilateral
	// 186 Village Focus International $1,063,078.00 bilateral
	// 192 Village Focus International $394,750.00 bilateral
}

// Scan streams a listing of any size with flat memory; a bad record
// yields its error and scanning goes on.
func ExampleScan() {
	in := strings.Replace(messy, "$394,750", "$39,47,50", 1)
	for p, err := range grants.Scan(strings.NewReader(in)) {
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println("ok:", p.Implementer.Key())
	}
	// Output:
	// ok: UNODC
	// error: listing:11:9: record 2: Amount: invalid amount: "$39,47,50": bad digits or grouping (want an amount like $1,250,000.00 or $3.12 million)
}

// Format writes a listing back in the published layout; Parse reads it
// into the same projects.
func ExampleFormat() {
	l, _ := grants.ParseLax(strings.NewReader(messy))
	grants.Format(os.Stdout, l)
	// Output:
	// Africa
	//
	// Countries: Eastern Africa Region – (Comoros, Seychelle, and Mauritius)
	// Implementer: United Nations Office on Drugs and Crime (UNODC)
	// Amount: $1,000,000
	// End Date: 3/31/2022
	// Description: Regional cooperation.
	//
	// Country: Nigeria
	// Implementer: World Vision
	// Amount: $394,750
	// End Date: 9/30/2023
	// Description: Shelters.
}

func ExampleValidate() {
	for _, f := range grants.Validate(grants.Default()) {
		if f.Rule == "grants/implementer-variants" || f.Rule == "grants/cross-bureau" {
			fmt.Println(f)
		}
	}
	// Output:
	// seed 000: info: grants/implementer-variants: ABA is written 3 ways: "American Bar Association", "American Bar Association/Fund for Justice and Education", "American Bar Association/Rule of Law Initiative"
	// seed 000: info: grants/implementer-variants: TdH is written 2 ways: "Terre des Hommes Foundation", "Terre des Hommes"
	// seed 000: info: grants/implementer-variants: UNODC is written 3 ways: "United National Office on Drugs and Crime", "United Nations Office of Drugs and Crime", "United Nations Office on Drugs and Crime"
	// seed 000:264:1: info: grants/cross-bureau: Turkey (EUR) in a project under Near East (NEA)
}

func ExampleDefault() {
	l := grants.Default()
	fmt.Println(l.AsOf, len(l.Projects), "projects,", tip.FormatUSD(l.Total()))
	for _, c := range l.ByCountry()[:3] {
		fmt.Printf("%s: %d projects, %s in full, %s split equally\n", c.Country.Name(), c.Projects, tip.FormatUSD(c.Amount), tip.FormatUSD(c.Allocated))
	}
	// Output:
	// 2021-10-01 84 projects, $93,092,054.00
	// Albania: 2 projects, $2,775,000.00 in full, $693,750.00 split equally
	// Algeria: 2 projects, $1,450,000.00 in full, $800,000.00 split equally
	// Angola: 2 projects, $1,405,000.00 in full, $655,000.00 split equally
}

func ExampleListing_ByImplementer() {
	for _, g := range grants.Default().ByImplementer()[:3] {
		fmt.Printf("%-6s %2d projects %s\n", g.Key, g.Projects, tip.FormatUSD(g.Amount))
	}
	// Output:
	// IOM    18 projects $19,746,445.00
	// UNODC  15 projects $18,879,000.00
	// ABA     6 projects $5,590,000.00
}

// Projects still running on a date, and those ending in a fiscal year.
func ExampleListing_EndingIn() {
	l := grants.Default()
	fmt.Println(len(l.ActiveOn(tip.MustParseDate("2022-10-01"))), "running on October 1, 2022")
	for fy := tip.FiscalYear(2021); fy <= 2025; fy++ {
		fmt.Println(fy, len(l.EndingIn(fy)))
	}
	// Output:
	// 38 running on October 1, 2022
	// FY2021 5
	// FY2022 40
	// FY2023 25
	// FY2024 11
	// FY2025 2
}
