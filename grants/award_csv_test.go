package grants

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip"
)

func readAwardsTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "awards", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// columnList reads one of the download layouts' column lists.
func columnList(t testing.TB, name string) []string {
	return strings.Fields(string(readAwardsTestdata(t, name)))
}

// The fixtures are downloads in USAspending's layouts: every column of
// the column list in order, a byte order mark, CRLF line ends; and every
// column the readers use is in the layout they read.
func TestAwardCSVFixtureLayout(t *testing.T) {
	for _, c := range []struct {
		fixture, columns string
		specs            []csvSpec
	}{
		{"award_download.csv", "usaspending_assistance_award_columns.txt", awardCSVColumns[:]},
		{"transaction_download.csv", "usaspending_assistance_transaction_columns.txt", transactionCSVColumns[:]},
	} {
		b := readAwardsTestdata(t, c.fixture)
		cols := columnList(t, c.columns)
		header, _, _ := strings.Cut(string(b), "\r\n")
		if !strings.HasPrefix(header, "\uFEFF") || strings.Count(string(b), "\r\n") < 7 {
			t.Errorf("%s: no BOM or no CRLF line ends", c.fixture)
		}
		if d := cmp.Diff(cols, strings.Split(strings.TrimPrefix(header, "\uFEFF"), ",")); d != "" {
			t.Errorf("%s header is not %s (-want +got):\n%s", c.fixture, c.columns, d)
		}
		for _, spec := range c.specs {
			for _, name := range spec.columns {
				if !strings.Contains(" "+strings.Join(cols, " ")+" ", " "+name+" ") {
					t.Errorf("%s: the reader uses column %s, which the layout lacks", c.columns, name)
				}
			}
		}
	}
}

// The award download fixture, row by row: a quoted comma, a quoted line
// break, empty cells, a row under another listing only, one under two.
func TestReadAwardCSVFixture(t *testing.T) {
	in := readAwardsTestdata(t, "award_download.csv")
	s, err := ReadAwardCSV(bytes.NewReader(in), tip.ParseOptions{Source: "award_download.csv"})
	if err != nil {
		t.Fatal(err)
	}
	c := tip.MustLookupCountry
	d := tip.MustParseDate
	want := []Award{
		{ID: "SSJTIP21GR3017", Key: "ASST_NON_SSJTIP21GR3017_1900", Kind: ProjectGrant, KindText: "PROJECT GRANT (B)", Amount: decimal.RequireFromString("1000000.00"),
			BaseDate: d("2021-07-30"), FiscalYear: 2021, Listing: "19.019", Place: PlaceCountry, Country: c("Kenya"), CountryCode: "KEN",
			RecipientID: "ZQGGHJH74DW7", RecipientName: "LAWYERS WITHOUT BORDERS, INC.", Description: "TO STRENGTHEN KENYA'S RESPONSE TO TRAFFICKING, AND TO PROTECT ITS VICTIMS",
			Named: []tip.Country{c("Kenya")}, Pos: tip.Position{Line: 2, Col: 1}},
		{ID: "SSJTIP23GR0003", Key: "ASST_NON_SSJTIP23GR0003_1900", Kind: ProjectGrant, KindText: "PROJECT GRANT (B)", Amount: decimal.RequireFromString("1500000.00"),
			BaseDate: d("2022-12-15"), FiscalYear: 2023, Listing: "19.019", Place: PlaceCountry, Country: c("Nepal"), CountryCode: "NPL",
			RecipientID: "K4M7LN1P2QR3", RecipientName: "TERRE DES HOMMES", Description: "STRENGTHEN CHILD PROTECTION MECHANISMS\nAND ANTITRAFFICKING EFFORTS IN BANGLADESH, INDIA, AND NEPAL",
			Named: []tip.Country{c("Bangladesh"), c("India"), c("Nepal")}, Pos: tip.Position{Line: 3, Col: 1}},
		{ID: "SSJTIP19CA0016", Key: "ASST_NON_SSJTIP19CA0016_1900", Kind: CooperativeAgreement, KindText: "COOPERATIVE AGREEMENT (B)", Amount: decimal.RequireFromString("1086528.37"),
			BaseDate: d("2019-03-26"), FiscalYear: 2019, Listing: "19.019", Place: PlaceGlobal, Country: c("USA"), CountryCode: "USA",
			RecipientID: "079857321", RecipientName: "UNITED NATIONS OFFICE ON DRUGS AND CRIME",
			Description: "PROMOTING A COMPREHENSIVE, HUMAN RIGHTS-BASED CRIMINAL JUSTICE RESPONSE TO TRAFFICKING IN PERSONS IN SELECTED COUNTRIES.", Pos: tip.Position{Line: 6, Col: 1}},
		{ID: "SSJTIP20GR0031", Key: "ASST_NON_SSJTIP20GR0031_1900", Kind: ProjectGrant, KindText: "PROJECT GRANT (B)", Amount: decimal.RequireFromString("650000"),
			BaseDate: d("2020-09-25"), FiscalYear: 2020, Listing: "19.019", Place: PlaceCountry, Country: c("Kosovo"), CountryCode: "XKS",
			RecipientName: "TERRE DES HOMMES", Description: "PROTECTING CHILDREN FROM TRAFFICKING IN KOSOVO", Named: []tip.Country{c("Kosovo")}, Pos: tip.Position{Line: 7, Col: 1}},
		{ID: "SSJTIP16CA1030", Key: "ASST_NON_SSJTIP16CA1030_1900", Kind: CooperativeAgreement, KindText: "05", Amount: decimal.RequireFromString("-2500.00"),
			BaseDate: d("2016-09-30"), FiscalYear: 2016, Listing: "19.019", Place: PlaceUnknown, Pos: tip.Position{Line: 8, Col: 1}},
	}
	if d := cmp.Diff(want, s.Awards, cmpopts.IgnoreFields(Award{}, "Findings")); d != "" {
		t.Errorf("awards mismatch (-want +got):\n%s", d)
	}
	wantRules := [][]string{
		nil,
		{RuleAwardSeveralListings, RuleAwardMultiCountry},
		{RuleAwardUSANoState},
		{RuleAwardGENCNotISO},
		{RuleAwardFiscalYear, RuleAwardNullCode, RuleAwardNotPositive},
	}
	for i, a := range s.Awards {
		if d := cmp.Diff(wantRules[i], ruleSet(a.Findings)); d != "" {
			t.Errorf("%s findings (-want +got):\n%s", a.ID, d)
		}
	}
	if s.OtherListings != 1 || s.Format != AwardDownloadCSV || len(s.Findings) != 8 {
		t.Errorf("other listings %d, format %v, %d findings", s.OtherListings, s.Format, len(s.Findings))
	}
	// The positions of values: the code's column of row 7 (XKS).
	for _, f := range s.Findings {
		if f.Rule == RuleAwardGENCNotISO {
			line := strings.Split(string(in), "\r\n")[5] // row 2 spans lines 3 and 4
			if col := strings.Index(line, ",XKS,") + 2; f.Pos != (tip.Position{Line: 7, Col: col}) {
				t.Errorf("XKS finding at %v, want 7:%d", f.Pos, col)
			}
		}
	}
}

// The transaction download fixture: its rows as Scan reads them, and the
// awards they gather into.
func TestTransactionCSVFixture(t *testing.T) {
	in := readAwardsTestdata(t, "transaction_download.csv")
	var got []string
	for tx, err := range ScanTransactionCSV(bytes.NewReader(in), tip.ParseOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, strings.Join([]string{tx.AwardID, tx.Modification, tip.FormatAmount(tx.Obligation), tx.Date.String(), tx.FiscalYear.String(), tx.Listing, tx.CountryCode, tx.Country.String(), tx.Kind.String(), tx.RecipientName, tx.Description, tx.Pos.String()}, "|"))
	}
	want := []string{
		"SSJTIP21GR3017|1|250000.00|2022-03-01|FY2022|19.019|KEN|Kenya|project grant|LAWYERS WITHOUT BORDERS, INC.|ADDITIONAL FUNDS, YEAR 2|2:1",
		"SSJTIP21GR3017|0|1000000.00|2021-07-30|FY2021|19.019|KEN|Kenya|project grant|LAWYERS WITHOUT BORDERS, INC.|NEW AWARD|3:1",
		"SLMAQM21GR0001|0|480000.00|2021-03-01|FY2021|19.345|UKR|Ukraine|project grant|FREEDOM HOUSE||4:1",
		"SSJTIP21GR3017|2|-50000.00|2022-09-01|FY2022|19.019|KEN|Kenya|project grant|LAWYERS WITHOUT BORDERS INC|DEOBLIGATION, UNUSED \"TRAVEL\" FUNDS|5:1",
		"SSJTIP19CA0016|0|1086528.37|2019-03-26|FY2019|19.019|USA|United States of America|cooperative agreement|UNITED NATIONS OFFICE ON DRUGS AND CRIME|NEW AWARD|6:1",
		"SSJTIP23GR0003|0|1500000.00|2022-12-15|FY2023|19.019|NPL|Nepal|project grant|TERRE DES HOMMES||7:1",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("transactions (-want +got):\n%s", d)
	}

	s, err := ReadTransactionCSV(bytes.NewReader(in), tip.ParseOptions{Source: "transaction_download.csv"})
	if err != nil {
		t.Fatal(err)
	}
	var awards []string
	for _, a := range s.Awards {
		awards = append(awards, strings.Join([]string{a.ID, a.Key, tip.FormatAmount(a.Amount), a.BaseDate.String(), a.FiscalYear.String(), a.Place.String(), a.Country.String(), a.RecipientName, a.Description, a.Pos.String(), strings.Join(ruleSet(a.Findings), ",")}, "|"))
	}
	wantAwards := []string{
		// 1,000,000 + 250,000 − 50,000; base the 2021 row though it comes second; the name the latest row's.
		"SSJTIP21GR3017|ASST_NON_SSJTIP21GR3017_1900|1200000.00|2021-07-30|FY2021|country|Kenya|LAWYERS WITHOUT BORDERS INC|TO STRENGTHEN KENYA'S RESPONSE TO TRAFFICKING, AND TO PROTECT ITS VICTIMS|2:1|",
		"SSJTIP19CA0016|ASST_NON_SSJTIP19CA0016_1900|1086528.37|2019-03-26|FY2019|global|United States of America|UNITED NATIONS OFFICE ON DRUGS AND CRIME|PROMOTING A COMPREHENSIVE, HUMAN RIGHTS-BASED CRIMINAL JUSTICE RESPONSE TO TRAFFICKING IN PERSONS IN SELECTED COUNTRIES.|6:1|" + RuleAwardUSANoState,
		"SSJTIP23GR0003|ASST_NON_SSJTIP23GR0003_1900|1500000.00|2022-12-15|FY2023|country|Nepal|TERRE DES HOMMES|STRENGTHEN CHILD PROTECTION MECHANISMS\nAND ANTITRAFFICKING EFFORTS IN BANGLADESH, INDIA, AND NEPAL|7:1|" + RuleAwardMultiCountry,
	}
	if d := cmp.Diff(wantAwards, awards); d != "" {
		t.Errorf("awards (-want +got):\n%s", d)
	}
	if s.OtherListings != 1 || s.Format != TransactionDownloadCSV {
		t.Errorf("other listings %d, format %v", s.OtherListings, s.Format)
	}
}

// csvHead is a download header with the columns the award reader needs,
// in another order than USAspending's, and one it does not know.
const csvHead = "cfda_numbers_and_titles,extra_column,award_id_fain,primary_place_of_performance_country_code,award_base_action_date,total_obligated_amount\n"

func csvRow(id, code, date, amount string) string {
	return `"19.019: INTERNATIONAL PROGRAMS TO COMBAT HUMAN TRAFFICKING",x,` + id + "," + code + "," + date + "," + amount + "\n"
}

func TestReadAwardCSV(t *testing.T) {
	good := csvRow("SSJTIP21GR3017", "KEN", "2021-07-30", "1000000.00")
	for _, tt := range []awardCase{
		{name: "columns in any order", in: csvHead + good + csvRow("SSJTIP21GR3018", "NPL", "2021-07-30", "5"), awards: 2, laxAwards: 2},
		{name: "header only", in: csvHead, reason: "no rows is not an error"},
		{name: "LF, CRLF and a BOM", in: "\uFEFF" + strings.ReplaceAll(csvHead, "\n", "\r\n") + good, awards: 1, laxAwards: 1},
		{name: "empty input", in: "§", err: tip.ErrMissing, laxErr: tip.ErrMissing},
		{name: "missing column", in: "§award_id_fain,total_obligated_amount,award_base_action_date,primary_place_of_performance_country_code\nA,1,2021-01-01,KEN\n", err: tip.ErrMissing, laxErr: tip.ErrMissing,
			reason: "the error names cfda_numbers_and_titles"},
		{name: "duplicate header", in: "award_id_fain,total_obligated_amount,award_base_action_date,cfda_numbers_and_titles,§award_id_fain,primary_place_of_performance_country_code\n", err: tip.ErrDuplicate, laxErr: tip.ErrDuplicate},
		{name: "amount grouped", in: csvHead + `"19.019",x,SSJTIP21GR3017,KEN,2021-07-30,§"1,095,000"` + "\n" + good, err: tip.ErrAmount, laxErr: tip.ErrAmount, awards: 1, laxAwards: 1},
		{name: "amount with a sign", in: csvHead + `"19.019",x,SSJTIP21GR3017,KEN,2021-07-30,§$1095000` + "\n", err: tip.ErrAmount, laxErr: tip.ErrAmount},
		{name: "date layout", in: csvHead + `19.019,x,SSJTIP21GR3017,KEN,§08/03/2023,1` + "\n", err: tip.ErrDate, laxErr: tip.ErrDate},
		{name: "code of four letters", in: csvHead + `19.019,x,SSJTIP21GR3017,§KENY,2023-08-03,1` + "\n", err: ErrCountryCode, laxErr: ErrCountryCode},
		{name: "code no entity has", in: csvHead + `19.019,x,SSJTIP21GR3017,§QQQ,2023-08-03,1` + "\n", err: tip.ErrUnknownCountry, laxAwards: 1, rules: []string{RuleAwardUnresolvedCode}},
		{name: "no listing", in: csvHead + `§,x,SSJTIP21GR3017,KEN,2023-08-03,1` + "\n", err: tip.ErrMissing, laxErr: tip.ErrMissing},
		{name: "listing malformed", in: csvHead + `§INTERNATIONAL PROGRAMS,x,SSJTIP21GR3017,KEN,2023-08-03,1` + "\n", err: tip.ErrSyntax, laxErr: tip.ErrSyntax},
		{name: "not UTF-8", in: csvHead + "19.019,x,SSJTIP21GR3017,KEN,2023-08-03,1\n19.019,x,§SSJ\xffTIP,KEN,2023-08-03,1\n", err: tip.ErrEncoding, laxErr: tip.ErrEncoding, awards: 1, laxAwards: 1},
		{name: "short row", in: csvHead + good + "§19.019,x,SSJTIP21GR3018,KEN\n" + good, err: tip.ErrSyntax, laxErr: tip.ErrSyntax, awards: 2, laxAwards: 2,
			reason: "a broken row is one error; reading goes on"},
		{name: "truncated in a quote", in: csvHead + good + `"19.019: INTERNATIONAL PROGRAMS TO COMBAT§`, err: tip.ErrSyntax, laxErr: tip.ErrSyntax, awards: 1, laxAwards: 1},
		{name: "bare quote", in: csvHead + `19.019,x,SSJ§"TIP,KEN,2023-08-03,1` + "\n" + good, err: tip.ErrSyntax, laxErr: tip.ErrSyntax, awards: 1, laxAwards: 1},
	} {
		t.Run(tt.name, func(t *testing.T) { tt.run(t, "t.csv", ReadAwardCSV) })
	}
	_, err := ReadAwardCSV(strings.NewReader("award_id_fain,total_obligated_amount,award_base_action_date,primary_place_of_performance_country_code\n"), tip.ParseOptions{})
	if err == nil || !strings.Contains(err.Error(), "no column cfda_numbers_and_titles") {
		t.Errorf("a missing column's error does not name it: %v", err)
	}
}

// 10 MB in one cell is one error at the cell; the rows around it are
// read, from both downloads.
func TestAwardCSVHugeCell(t *testing.T) {
	big := strings.Repeat("A", 10<<20)
	in, pos := marked(csvHead + csvRow("SSJTIP21GR3017", "KEN", "2021-07-30", "1") + `19.019,§"` + big + `",SSJTIP21GR3018,KEN,2021-07-30,1` + "\n" + csvRow("SSJTIP21GR3019", "KEN", "2021-07-30", "1"))
	s, err := ReadAwardCSV(strings.NewReader(in), tip.ParseOptions{Lax: true})
	var list tip.ErrorList
	if !errors.As(err, &list) || len(list) != 1 || list[0].Pos() != pos || !errors.Is(err, ErrTooLong) || len(s.Awards) != 2 {
		t.Errorf("award download: %v with %d awards; want ErrTooLong at %v and 2 awards", err, len(s.Awards), pos)
	}
	txHead := "award_id_fain,federal_action_obligation,action_date,cfda_number,primary_place_of_performance_country_code,transaction_description\n"
	in, pos = marked(txHead + "A,1,2021-07-30,19.019,KEN,x\nB,1,2021-07-30,19.019,KEN,§" + big + "\nC,1,2021-07-30,19.019,KEN,x\n")
	s, err = ReadTransactionCSV(strings.NewReader(in), tip.ParseOptions{})
	if !errors.As(err, &list) || len(list) != 1 || list[0].Pos() != pos || !errors.Is(err, ErrTooLong) || len(s.Awards) != 2 {
		t.Errorf("transaction download: %v with %d awards; want ErrTooLong at %v and 2 awards", err, len(s.Awards), pos)
	}
	if testing.Short() {
		t.Skip("-short: a 17 MB row")
	}
	// A row past MaxAwardRecord ends the read at its line: what is before
	// it is kept.
	huge := strings.Repeat("A", MaxAwardRecord+1<<20)
	in = csvHead + csvRow("SSJTIP21GR3017", "KEN", "2021-07-30", "1") + `19.019,"` + huge + `",SSJTIP21GR3018,KEN,2021-07-30,1` + "\n" + csvRow("SSJTIP21GR3019", "KEN", "2021-07-30", "1")
	s, err = ReadAwardCSV(strings.NewReader(in), tip.ParseOptions{Lax: true})
	if !errors.As(err, &list) || len(list) != 1 || list[0].Pos() != (tip.Position{Line: 3, Col: 1}) || !errors.Is(err, ErrTooLong) || len(s.Awards) != 1 {
		t.Errorf("a row past MaxAwardRecord: %v with %d awards; want ErrTooLong at 3:1 and 1 award", err, len(s.Awards))
	}
}

// ReadAwards tells the three formats apart by their content.
func TestReadAwards(t *testing.T) {
	for _, c := range []struct {
		name string
		in   []byte
		want AwardFormat
		n    int
	}{
		{"award search", awards19019, AwardSearchJSON, 248},
		{"award search, response object", []byte(" \n{\"results\": [" + award() + "]}"), AwardSearchJSON, 1},
		{"award download", readAwardsTestdata(t, "award_download.csv"), AwardDownloadCSV, 5},
		{"transaction download", readAwardsTestdata(t, "transaction_download.csv"), TransactionDownloadCSV, 3},
		{"short award download", []byte(csvHead + csvRow("A", "KEN", "2021-07-30", "1")), AwardDownloadCSV, 1},
	} {
		s, err := ReadAwards(bytes.NewReader(c.in), tip.ParseOptions{Lax: true})
		if err != nil || s.Format != c.want || len(s.Awards) != c.n {
			t.Errorf("%s: %v, %v with %d awards; want %v with %d", c.name, err, s.Format, len(s.Awards), c.want, c.n)
		}
	}
	for _, in := range []string{"", "name,amount\nx,1\n", "hello"} {
		s, err := ReadAwards(strings.NewReader(in), tip.ParseOptions{Source: "f"})
		if !errors.Is(err, tip.ErrSyntax) || s == nil || s.Format != AwardFormatUnknown || !strings.HasPrefix(err.Error(), "f:1:1: ") {
			t.Errorf("ReadAwards(%q) = %v, %v", in, s, err)
		}
	}
}

// The enums read back what they write, and read USAspending's words.
func TestAwardEnums(t *testing.T) {
	for _, k := range []AwardKind{AwardKindUnknown, ProjectGrant, CooperativeAgreement} {
		var back AwardKind
		b, _ := k.MarshalText()
		if err := back.UnmarshalText(b); err != nil || back != k {
			t.Errorf("AwardKind %v: %q reads back as %v, %v", k, b, back, err)
		}
	}
	for s, want := range map[string]AwardKind{"PROJECT GRANT (B)": ProjectGrant, "cooperative agreement (b)": CooperativeAgreement, "04": ProjectGrant, " 05 ": CooperativeAgreement, "project grant": ProjectGrant} {
		if k, err := ParseAwardKind(s); k != want || err != nil {
			t.Errorf("ParseAwardKind(%q) = %v, %v", s, k, err)
		}
	}
	if _, err := ParseAwardKind("BLOCK GRANT (A)"); !errors.Is(err, tip.ErrSyntax) {
		t.Errorf("ParseAwardKind(block grant): %v", err)
	}
	for _, p := range []PlaceKind{PlaceUnknown, PlaceCountry, PlaceGlobal} {
		var back PlaceKind
		b, _ := p.MarshalText()
		if err := back.UnmarshalText(b); err != nil || back != p {
			t.Errorf("PlaceKind %v: %q reads back as %v", p, b, back)
		}
	}
	for _, f := range []AwardFormat{AwardFormatUnknown, AwardSearchJSON, AwardDownloadCSV, TransactionDownloadCSV} {
		var back AwardFormat
		b, _ := f.MarshalText()
		if err := back.UnmarshalText(b); err != nil || back != f {
			t.Errorf("AwardFormat %v: %q reads back as %v", f, b, back)
		}
	}
	for _, c := range []Coverage{CoverageUnknown, CoverageThin, CoveragePartial, CoverageNearComplete} {
		var back Coverage
		b, _ := c.MarshalText()
		if err := back.UnmarshalText(b); err != nil || back != c {
			t.Errorf("Coverage %v: %q reads back as %v", c, b, back)
		}
	}
	for _, c := range []MatchConfidence{MatchNone, MatchLow, MatchMedium, MatchHigh} {
		var back MatchConfidence
		b, _ := c.MarshalText()
		if err := back.UnmarshalText(b); err != nil || back != c {
			t.Errorf("MatchConfidence %v: %q reads back as %v", c, b, back)
		}
	}
	if AwardKind(9).String() != "unknown" || PlaceKind(9).String() != "unknown" || Coverage(9).String() != "unknown" {
		t.Error("an enum out of range does not print unknown")
	}
}

// An award's JSON: snake_case, the amount a string with two decimals, the
// country an ISO3 code with its name.
func TestAwardMarshalJSON(t *testing.T) {
	a := DefaultAwards().Awards[0]
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"id":"SSJTIP23GR0017"`, `"kind":"project grant"`, `"amount":"1095000.00"`, `"base_date":"2023-08-03"`, `"fiscal_year":2023`,
		`"place":"country"`, `"country":{"code":"LSO","name":"Lesotho"}`, `"country_code":"LSO"`, `"line":1,"col":2`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s: %s", want, b)
		}
	}
}
