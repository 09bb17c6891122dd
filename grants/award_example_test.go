package grants_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tipkit/tipkit/grants"
	"github.com/tipkit/tipkit/tip"
)

// The award search API's JSON, read: the amount exact from the number's
// text, the code resolved, the quirks as findings.
func ExampleReadAwardsJSON() {
	const in = `[
  {"Award ID": "SSJTIP23GR0003", "Award Amount": 1500000.0, "Award Type": "PROJECT GRANT (B)",
   "Base Obligation Date": "2022-12-15", "CFDA Number": "19.019",
   "Description": "STRENGTHEN CHILD PROTECTION MECHANISMS AND ANTITRAFFICKING EFFORTS IN BANGLADESH, INDIA, AND NEPAL",
   "Place of Performance Country Code": "NPL", "Place of Performance State Code": null},
  {"Award ID": "SSJTIP17CA1018", "Award Amount": 25000000.0, "Award Type": "COOPERATIVE AGREEMENT (B)",
   "Base Obligation Date": "2017-09-12", "CFDA Number": "19.019", "Description": "PROGRAM TO END MODERN SLAVERY",
   "Place of Performance Country Code": "USA", "Place of Performance State Code": null}
]`
	s, err := grants.ReadAwardsJSON(strings.NewReader(in), tip.ParseOptions{Source: "awards.json", Lax: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range s.Awards {
		fmt.Println(a.ID, a.Kind, tip.FormatUSD(a.Amount), a.FiscalYear, a.Place, a.Country, a.Named)
	}
	for _, f := range s.Findings {
		fmt.Println(f)
	}
	// Output:
	// SSJTIP23GR0003 project grant $1,500,000.00 FY2023 country Nepal [Bangladesh India Nepal]
	// SSJTIP17CA1018 cooperative agreement $25,000,000.00 FY2017 global United States of America []
	// awards.json:4:19: info: grants/award-multi-country: SSJTIP23GR0003: the description names Bangladesh and India; the code is NPL: multi-country work carried by one code
	// awards.json:8:41: warning: grants/award-usa-no-state: SSJTIP17CA1018: coded USA with no state: a global or headquarters award, not work in the United States
}

// A value that cannot be read is a positioned *tip.ParseError wrapping a
// sentinel; the good awards are kept either way.
func ExampleReadAwardsJSON_errors() {
	const in = `[{"Award ID": "A1", "Award Amount": "1,095,000", "Base Obligation Date": "2023-08-03", "CFDA Number": "19.019"},
 {"Award ID": "A2", "Award Amount": 5.0, "Base Obligation Date": "2023-08-03", "CFDA Number": "19.019", "Place of Performance Country Code": "AUST"}]`
	s, err := grants.ReadAwardsJSON(strings.NewReader(in), tip.ParseOptions{Source: "awards.json"})
	var pe *tip.ParseError
	if errors.As(err, &pe) {
		fmt.Println(pe.Line, pe.Col, pe.Field, errors.Is(pe, tip.ErrAmount))
	}
	fmt.Println(errors.Is(err, grants.ErrCountryCode), len(s.Awards))
	fmt.Println(err)
	// Output:
	// 1 37 Award Amount true
	// true 0
	// awards.json:1:37: record 1: Award Amount: invalid amount: "1,095,000" is a string: want a JSON number, as the award search API writes amounts (and 1 more error)
}

// A prime-award download, columns in any order, one row under another
// listing, which is counted and not kept.
func ExampleReadAwardCSV() {
	const in = "award_id_fain,cfda_numbers_and_titles,total_obligated_amount,award_base_action_date,primary_place_of_performance_country_code,recipient_name\r\n" +
		"SSJTIP20GR0031,19.019: INTERNATIONAL PROGRAMS TO COMBAT HUMAN TRAFFICKING,650000.00,2020-09-25,XKS,\"TERRE DES HOMMES, LAUSANNE\"\r\n" +
		"SLMAQM21GR0001,\"19.345: INTERNATIONAL PROGRAMS TO SUPPORT DEMOCRACY, HUMAN RIGHTS AND LABOR\",480000.00,2021-03-01,UKR,FREEDOM HOUSE\r\n"
	s, err := grants.ReadAwardCSV(strings.NewReader(in), tip.ParseOptions{Source: "awards.csv"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range s.Awards {
		fmt.Println(a.ID, a.RecipientName, tip.FormatAmount(a.Amount), a.Country, a.CountryCode, a.Country.ISO3())
	}
	fmt.Println(s.OtherListings, "other")
	for _, f := range s.Findings {
		fmt.Println(f.Rule)
	}
	// Output:
	// SSJTIP20GR0031 TERRE DES HOMMES, LAUSANNE 650000.00 Kosovo XKS XKX
	// 1 other
	// grants/award-other-listings
	// grants/award-genc-not-iso
}

// A transaction download: one row per action, gathered into awards (the
// base obligation plus its amendments).
func ExampleReadTransactionCSV() {
	const in = "award_id_fain,modification_number,federal_action_obligation,action_date,cfda_number,primary_place_of_performance_country_code\n" +
		"SSJTIP21GR3017,1,250000.00,2022-03-01,19.019,KEN\n" +
		"SSJTIP21GR3017,0,1000000.00,2021-07-30,19.019,KEN\n" +
		"SSJTIP21GR3017,2,-50000.00,2022-09-01,19.019,KEN\n"
	s, err := grants.ReadTransactionCSV(strings.NewReader(in), tip.ParseOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	a := s.Awards[0]
	fmt.Println(a.ID, tip.FormatUSD(a.Amount), a.BaseDate, a.FiscalYear, a.Country)
	// Output:
	// SSJTIP21GR3017 $1,200,000.00 2021-07-30 FY2021 Kenya
}

// The embedded record: 248 awards under 19.019, with how complete each
// fiscal year is.
func ExampleDefaultAwards() {
	s := grants.DefaultAwards()
	fmt.Println(len(s.Awards), "awards,", tip.FormatUSD(s.Total()))
	for _, fy := range []tip.FiscalYear{2012, 2022, 2023, 2024} {
		c := s.CoverageOf(fy)
		fmt.Println(fy, c.Coverage, c.Coverage.Known())
	}
	// Output:
	// 248 awards, $400,182,650.41
	// FY2012 thin false
	// FY2022 near-complete true
	// FY2023 partial false
	// FY2024 unknown false
}

// Awards by fiscal year, each with its coverage: FY2016's 19 awards are a
// thin record, not a thin year.
func ExampleAwardSet_ByFiscalYear() {
	for _, y := range grants.DefaultAwards().ByFiscalYear() {
		if y.FiscalYear >= 2016 {
			fmt.Printf("%v %-13s %2d %s\n", y.FiscalYear, y.Coverage, y.Awards, tip.FormatUSD(y.Amount))
		}
	}
	// Output:
	// FY2016 thin          19 $13,205,955.05
	// FY2017 near-complete 23 $52,854,630.44
	// FY2018 near-complete 30 $53,494,613.80
	// FY2019 near-complete 33 $64,060,868.75
	// FY2020 near-complete 26 $54,002,287.00
	// FY2021 near-complete 35 $53,374,448.00
	// FY2022 near-complete 33 $62,301,001.00
	// FY2023 partial       17 $20,745,000.00
}

// A country-year figure, as a panel's row takes it: known in a covered
// year, even when it is zero; unknown in a thin one.
func ExampleAwardSet_ForReportYear() {
	s := grants.DefaultAwards()
	for _, c := range []struct {
		country string
		year    tip.ReportYear
	}{{"Nepal", 2020}, {"Chad", 2020}, {"Nepal", 2014}} {
		g, known := s.ForReportYear(tip.MustLookupCountry(c.country), c.year)
		if !known {
			fmt.Println(c.country, c.year, g.FiscalYear, "unknown:", g.Coverage)
			continue
		}
		fmt.Println(c.country, c.year, g.FiscalYear, g.Awards, tip.FormatUSD(g.Amount))
	}
	// Output:
	// Nepal 2020 FY2020 1 $1,500,000.00
	// Chad 2020 FY2020 0 $0.00
	// Nepal 2014 FY2014 unknown: thin
}

// The 2021 listing against the award record: what matched, how surely,
// and what is ambiguous rather than guessed.
func ExampleReconcile() {
	l, s := grants.Default(), grants.DefaultAwards()
	r := grants.Reconcile(l, s)
	count := map[string]int{}
	for _, m := range r.Projects {
		k := m.Confidence.String()
		if m.Ambiguous {
			k = "ambiguous"
		}
		count[k]++
	}
	fmt.Println(count)
	for _, m := range r.Projects[5:6] {
		p, a := l.Projects[m.Project], s.Awards[m.Award]
		fmt.Println(p.Places, p.Implementer.Key(), tip.FormatUSD(p.Amount), "→", a.ID, m.Confidence)
		fmt.Println(strings.Join(m.Candidates[0].Reasons, "; "))
	}
	for _, m := range r.Projects {
		if m.Ambiguous && l.Projects[m.Project].Places == "Laos" {
			fmt.Println("Laos", l.Projects[m.Project].Implementer.Key(), "ambiguous between", m.Candidates[0].ID, "and", m.Candidates[1].ID)
		}
	}
	fmt.Println(len(r.Unmatched), "awards before the listing's date match no project;", r.After, "come after it")
	// Output:
	// map[ambiguous:8 high:36 low:16 medium:2 none:22]
	// Burkina Faso Plan International USA $2,075,000.00 → SSJTIP21GR3007 high
	// place of performance Burkina Faso is among the project's countries; the award names the project's countries, no more and no fewer; the amounts are equal: $2,075,000.00; awarded 2021-04-30, the project ends 2024-04-30 (3.0 years later)
	// Laos TAF ambiguous between SSJTIP20GR0007 and SSJTIP20GR0003
	// Laos IOM ambiguous between SSJTIP20GR0007 and SSJTIP20GR0003
	// 132 awards before the listing's date match no project; 50 come after it
}
