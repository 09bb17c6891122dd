package grants

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip"
)

// readSet reads awards written with award() for the aggregation tests.
func readSet(t *testing.T, objs ...string) *AwardSet {
	t.Helper()
	s, err := ReadAwardsJSON(strings.NewReader("["+strings.Join(objs, ",")+"]"), tip.ParseOptions{Lax: true})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestAwardAggregations(t *testing.T) {
	s := readSet(t,
		award("Award ID", `"A1"`, "Award Amount", "100.0", "Base Obligation Date", `"2019-10-01"`, "Place of Performance Country Code", `"KEN"`, "recipient_id", `"r1"`),
		award("Award ID", `"A2"`, "Award Amount", "50.25", "Base Obligation Date", `"2020-09-30"`, "Place of Performance Country Code", `"KEN"`, "recipient_id", `"r2"`),
		award("Award ID", `"A3"`, "Award Amount", "7.0", "Base Obligation Date", `"2018-03-01"`, "Place of Performance Country Code", `"USA"`, "recipient_id", `"r1"`),
		award("Award ID", `"A4"`, "Award Amount", "3.0", "Base Obligation Date", `"2018-03-01"`, "Place of Performance Country Code", `"AUT"`, "recipient_id", `"r1"`),
		award("Award ID", `"A5"`, "Award Amount", "1.0", "Base Obligation Date", `"2020-03-01"`, "Place of Performance Country Code", `"QQQ"`, "recipient_id", "null"),
		award("Award ID", `"A6"`, "Award Amount", "2.0", "Base Obligation Date", `"2020-03-01"`, "Place of Performance Country Code", "null", "recipient_id", "null"),
		award("Award ID", `"A7"`, "Award Amount", "10.0", "Base Obligation Date", `"2020-03-01"`, "Place of Performance Country Code", `"NPL"`, "recipient_id", `"r2"`),
	)
	s.Coverage = []YearCoverage{{FiscalYear: 2019, Coverage: CoverageThin}, {FiscalYear: 2020, Coverage: CoverageNearComplete}, {FiscalYear: 2021, Coverage: CoveragePartial}}
	d := decimal.RequireFromString
	kenya, nepal := tip.MustLookupCountry("Kenya"), tip.MustLookupCountry("Nepal")

	if got := tip.FormatAmount(s.Total()); got != "173.25" {
		t.Errorf("Total = %s", got)
	}
	// Every year from the first to the last, FY2019 empty but listed; the
	// coverage runs on to FY2021.
	wantYears := []YearAwards{
		{2018, CoverageUnknown, 2, d("10")},
		{2019, CoverageThin, 0, d("0")},
		{2020, CoverageNearComplete, 5, d("163.25")},
		{2021, CoveragePartial, 0, d("0")},
	}
	if diff := cmp.Diff(wantYears, s.ByFiscalYear()); diff != "" {
		t.Errorf("ByFiscalYear (-want +got):\n%s", diff)
	}
	wantCountries := []CountryAwards{
		{PlaceCountry, kenya, "KEN", 2, d("150.25")},
		{PlaceCountry, nepal, "NPL", 1, d("10")},
		{PlaceGlobal, 0, "", 2, d("10")},
		{PlaceUnknown, 0, "", 1, d("2")},
		{PlaceUnknown, 0, "QQQ", 1, d("1")},
	}
	if diff := cmp.Diff(wantCountries, s.ByCountry()); diff != "" {
		t.Errorf("ByCountry (-want +got):\n%s", diff)
	}
	wantCY := []CountryYearAwards{
		{CountryAwards{PlaceCountry, kenya, "KEN", 2, d("150.25")}, 2020, CoverageNearComplete},
		{CountryAwards{PlaceCountry, nepal, "NPL", 1, d("10")}, 2020, CoverageNearComplete},
		{CountryAwards{PlaceGlobal, 0, "", 2, d("10")}, 2018, CoverageUnknown},
		{CountryAwards{PlaceUnknown, 0, "", 1, d("2")}, 2020, CoverageNearComplete},
		{CountryAwards{PlaceUnknown, 0, "QQQ", 1, d("1")}, 2020, CoverageNearComplete},
	}
	if diff := cmp.Diff(wantCY, s.ByCountryYear()); diff != "" {
		t.Errorf("ByCountryYear (-want +got):\n%s", diff)
	}
	wantRecipients := []RecipientAwards{
		{"r1", "", 3, d("110")},
		{"r2", "", 2, d("60.25")},
		{"", "", 2, d("3")},
	}
	if diff := cmp.Diff(wantRecipients, s.ByRecipient()); diff != "" {
		t.Errorf("ByRecipient (-want +got):\n%s", diff)
	}

	// Country-years: known only in a covered year, where a zero is a zero.
	for _, c := range []struct {
		c      tip.Country
		fy     tip.FiscalYear
		awards int
		known  bool
		reason string
	}{
		{kenya, 2020, 2, true, "covered"},
		{nepal, 2020, 1, true, "covered"},
		{tip.MustLookupCountry("Chad"), 2020, 0, true, "covered: no award is a zero"},
		{kenya, 2019, 0, false, "thin: nothing known"},
		{kenya, 2021, 0, false, "partial"},
		{kenya, 2018, 0, false, "no statement"},
		{tip.MustLookupCountry("USA"), 2018, 0, false, "global work is nobody's, and the year is unknown"},
		{tip.MustLookupCountry("Austria"), 2018, 0, false, "UNODC's headquarters is not Austria's"},
	} {
		g, known := s.CountryYear(c.c, c.fy)
		if g.Awards != c.awards || known != c.known || g.Coverage.Known() != known || g.FiscalYear != c.fy || g.Country != c.c {
			t.Errorf("CountryYear(%v, %v) = %+v, %v; want %d awards, known %v (%s)", c.c, c.fy, g, known, c.awards, c.known, c.reason)
		}
	}
	// The panel's rule: report year 2020 is FY2020.
	if g, known := s.ForReportYear(kenya, 2020); g.FiscalYear != 2020 || !known || g.Awards != 2 {
		t.Errorf("ForReportYear(Kenya, 2020) = %+v, %v", g, known)
	}
	if ReportFiscalYear(2023) != 2023 {
		t.Error("ReportFiscalYear(2023) is not FY2023")
	}
	for y := tip.ReportYear(2001); y <= 2030; y++ {
		if back := ReportYearOf(ReportFiscalYear(y)); back != y {
			t.Errorf("ReportYearOf(ReportFiscalYear(%d)) = %d: not the inverse", y, back)
		}
	}
	if ReportYearOf(2024) == tip.FiscalYear(2024).ReportYear() {
		t.Error("ReportYearOf(FY2024) is the report whose restrictions apply in FY2024, not the one published in it")
	}
}

// On the embedded record: the global group is the 19 USA and AUT awards,
// and the places add up to the whole.
func TestDefaultAwardsByCountry(t *testing.T) {
	s := DefaultAwards()
	sum, n := decimal.Zero, 0
	for _, g := range s.ByCountry() {
		sum = sum.Add(g.Amount)
		n += g.Awards
		if g.Place == PlaceGlobal && g.Awards != 19 {
			t.Errorf("global group: %d awards, want 19 (10 USA without a state, 9 AUT)", g.Awards)
		}
		if g.Place == PlaceUnknown && g.Code != "QQQ" {
			t.Errorf("unknown place %+v", g)
		}
	}
	if n != 248 || !sum.Equal(s.Total()) {
		t.Errorf("places hold %d awards, %s; want 248, %s", n, sum, s.Total())
	}
	sum = decimal.Zero
	for _, g := range s.ByCountryYear() {
		sum = sum.Add(g.Amount)
	}
	if !sum.Equal(s.Total()) {
		t.Errorf("country-years sum to %s", sum)
	}
	india, _ := s.CountryYear(tip.MustLookupCountry("India"), 2021)
	if india.Awards != 1 || tip.FormatAmount(india.Amount) != "390250.00" {
		t.Errorf("India FY2021: %+v", india)
	}
}
