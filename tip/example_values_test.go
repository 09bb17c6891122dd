package tip_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/tipkit/tipkit/tip"
)

// A Country is a small value: compare it with ==, use it as a map key,
// and write it as its ISO3 code, which survives renamings ("Swaziland"
// and "Eswatini" are one country). The zero Country means unknown.
func ExampleCountry() {
	c := tip.MustLookupCountry("Swaziland")
	fmt.Println(c.Name(), c.ISO2(), c.ISO3(), c.ISONumeric(), c.GENC3(), c.COW(), c.Bureau(), c.Kind())

	b, _ := json.Marshal(map[string]tip.Country{"country": c})
	fmt.Println(string(b))
	var back struct{ Country tip.Country }
	_ = json.Unmarshal([]byte(`{"country": "Eswatini"}`), &back)
	fmt.Println(back.Country == c)

	var unknown tip.Country
	fmt.Println(unknown, unknown.IsValid())
	// Output:
	// Eswatini SZ SWZ 748 SWZ 572 AF state
	// {"country":"SWZ"}
	// true
	// unknown false
}

// MustLookupCountry is for names known to be right, as in tables and
// tests; it panics on any other.
func ExampleMustLookupCountry() {
	kosovo := tip.MustLookupCountry("Kosovo")
	fmt.Println(kosovo.ISO3(), kosovo.GENC3())
	// Output:
	// XKX XKS
}

func ExampleParseReportYear() {
	y, err := tip.ParseReportYear(" 2023 ")
	fmt.Println(y, err)
	_, err = tip.ParseReportYear("23")
	fmt.Println(err)
	// Output:
	// 2023 <nil>
	// invalid year: "23" (want a year like 2023, from 1990 to 2100)
}

// Fiscal years are written many ways in the waiver memos and
// determinations; they all read to one value.
func ExampleParseFiscalYear() {
	for _, s := range []string{"FY2024", "FY 2024", "fy24", "2024"} {
		fy, _ := tip.ParseFiscalYear(s)
		fmt.Printf("%-8q %s, the restrictions of the %d report\n", s, fy, fy.ReportYear())
	}
	// Output:
	// "FY2024" FY2024, the restrictions of the 2023 report
	// "FY 2024" FY2024, the restrictions of the 2023 report
	// "fy24"   FY2024, the restrictions of the 2023 report
	// "2024"   FY2024, the restrictions of the 2023 report
}

// MakeDate does not normalize, so a date built by hand can be checked.
func ExampleMakeDate() {
	waiver := tip.MakeDate(2022, time.October, 3)
	end := tip.MustParseDate("9/30/2023")
	fmt.Println(waiver, waiver.Before(end), end.Compare(waiver), waiver.AddDays(-3), tip.FiscalYear(2023).Contains(waiver))
	fmt.Println(tip.MakeDate(2023, time.February, 30).IsValid())
	// Output:
	// 2022-10-03 true 1 2022-09-30 true
	// false
}

// The errata are the misprints of the embedded documents: lax parsers
// apply them, and say so.
func ExampleDefaultErrata() {
	for _, e := range tip.DefaultErrata() {
		fmt.Printf("%q → %s\n", e.Printed, e.Country)
	}
	e, ok := tip.DefaultErrata().Lookup("TONGO")
	fmt.Println(ok, e.Source)
	// Output:
	// "Tongo" → Tonga
	// "Korea, Democratic Republic of the" → Korea, Democratic People’s Republic of
	// "Seychelle" → Seychelles
	// "Marshal Islands" → Marshall Islands
	// true seed 003 (2023 TIP Report), Tier 2 list
}

// Findings from several validators merge into one sorted list.
func ExampleSortFindings() {
	fs := []tip.Finding{
		{Rule: "grants/plural-label", Severity: tip.Warning, Source: "seed 000", Pos: tip.Position{Line: 111, Col: 1}, Message: `label "Countries" with one country`},
		{Rule: "tiers/one-placement", Severity: tip.Error, Source: "seed 003", Pos: tip.Position{Line: 966, Col: 7}, Message: "Montenegro is on Tier 2 and Tier 2 Watch List", Citation: "22 U.S.C. 7107(b)(1)"},
		{Rule: "grants/erratum", Severity: tip.Warning, Source: "seed 000", Pos: tip.Position{Line: 15, Col: 124}, Message: `"Seychelle" read as Seychelles`},
	}
	tip.SortFindings(fs)
	for _, f := range fs {
		fmt.Println(f)
	}
	fmt.Println(tip.CountBySeverity(fs)[tip.Warning], "warnings")
	// Output:
	// seed 000:15:124: warning: grants/erratum: "Seychelle" read as Seychelles
	// seed 000:111:1: warning: grants/plural-label: label "Countries" with one country
	// seed 003:966:7: error: tiers/one-placement: Montenegro is on Tier 2 and Tier 2 Watch List [22 U.S.C. 7107(b)(1)]
	// 2 warnings
}

func ExampleParseSeverity() {
	s, err := tip.ParseSeverity("Warning")
	fmt.Println(s, err, s > tip.Info)
	// Output:
	// warning <nil> true
}

func ExampleBureaus() {
	for _, b := range tip.Bureaus() {
		fmt.Printf("%-3s %s\n", b, b.Name())
	}
	// Output:
	// AF  Africa
	// EAP East Asia and the Pacific
	// EUR Europe and Eurasia
	// NEA Near East
	// SCA South and Central Asia
	// WHA Western Hemisphere
}

// FormatAmount is the form of amounts in tipkit's JSON: two decimals
// always, which decimal.Decimal's own JSON drops.
func ExampleFormatAmount() {
	d := tip.MustParseUSD("$394,750")
	b, _ := json.Marshal(d)
	fmt.Println(tip.FormatAmount(d), string(b))
	// Output:
	// 394750.00 "394750"
}

// DateOf takes the civil date of a time where it is, so a timestamp late on
// September 30 in Washington is still in FY2023.
func ExampleDateOf() {
	edt := time.FixedZone("EDT", -4*60*60)
	t := time.Date(2023, time.September, 30, 23, 30, 0, 0, edt)
	fmt.Println(tip.DateOf(t), tip.FiscalYearOf(tip.DateOf(t)), tip.DateOf(t.UTC()))
	// Output:
	// 2023-09-30 FY2023 2023-10-01
}
