package tip

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"9/30/2023", Date{2023, time.September, 30}, true},
		{"09/30/2023", Date{2023, time.September, 30}, true},
		{" 3/31/2022 ", Date{2022, time.March, 31}, true},
		{"2023-09-30", Date{2023, time.September, 30}, true},
		{"October 3, 2022", Date{2022, time.October, 3}, true},
		{"October\u00a03, 2022", Date{2022, time.October, 3}, true},
		{"Oct. 3, 2022", Date{2022, time.October, 3}, true},
		{"Sept. 29, 2023", Date{2023, time.September, 29}, true},
		{"3 October 2022", Date{2022, time.October, 3}, true},
		{"2/29/2024", Date{2024, time.February, 29}, true},
		// Impossible or malformed.
		{"2/30/2023", Date{}, false},
		{"2/29/2023", Date{}, false},
		{"9/31/2023", Date{}, false},
		{"13/01/2022", Date{}, false},
		{"0/10/2022", Date{}, false},
		{"9/30/23", Date{}, false},
		{"2023-9-30", Date{}, false},
		{"Octember 3, 2022", Date{}, false},
		{"O 3, 2022", Date{}, false},
		{"", Date{}, false},
		{"9/30/2023/1", Date{}, false},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
		if err != nil && !errors.Is(err, ErrDate) {
			t.Errorf("ParseDate(%q) error %v does not wrap ErrDate", tt.in, err)
		}
	}
}

func TestDateMethods(t *testing.T) {
	d := MustParseDate("9/30/2023")
	e := MustParseDate("October 1, 2023")
	if d.String() != "2023-09-30" || !d.Before(e) || !e.After(d) || d.Compare(d) != 0 {
		t.Errorf("Date methods wrong: %v %v", d, e)
	}
	if d.AddDays(1) != e {
		t.Errorf("%v.AddDays(1) = %v", d, d.AddDays(1))
	}
	if (Date{}).String() != "" || !(Date{}).IsZero() || (Date{}).IsValid() {
		t.Errorf("zero Date is not unknown")
	}
	b, err := json.Marshal(struct{ D, Z Date }{d, Date{}})
	if err != nil || string(b) != `{"D":"2023-09-30","Z":""}` {
		t.Errorf("json.Marshal = %s, %v", b, err)
	}
	var back struct{ D, Z Date }
	if err := json.Unmarshal(b, &back); err != nil || back.D != d || !back.Z.IsZero() {
		t.Errorf("json.Unmarshal = %+v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`{"D":"2/30/2023"}`), &back); !errors.Is(err, ErrDate) {
		t.Errorf("json.Unmarshal of an impossible date: %v", err)
	}
}

func TestYears(t *testing.T) {
	y := ReportYear(2023)
	from, to := y.ReportingPeriod()
	if from != MustParseDate("April 1, 2022") || to != MustParseDate("March 31, 2023") {
		t.Errorf("2023 reporting period = %v – %v", from, to)
	}
	fy := y.RestrictionYear()
	if fy != 2024 || fy.String() != "FY2024" || fy.ReportYear() != y {
		t.Errorf("RestrictionYear = %v", fy)
	}
	if fy.Start() != MustParseDate("October 1, 2023") || fy.End() != MustParseDate("September 30, 2024") {
		t.Errorf("FY2024 runs %v – %v", fy.Start(), fy.End())
	}
	for _, tt := range []struct {
		d    string
		want FiscalYear
	}{
		{"October 1, 2023", 2024}, {"September 30, 2024", 2024}, {"September 30, 2023", 2023},
		{"October 3, 2022", 2023}, {"April 20, 2023", 2023}, {"December 31, 2023", 2024},
	} {
		if got := FiscalYearOf(MustParseDate(tt.d)); got != tt.want || !got.Contains(MustParseDate(tt.d)) {
			t.Errorf("FiscalYearOf(%s) = %v, want %v", tt.d, got, tt.want)
		}
	}
	for _, tt := range []struct {
		in   string
		want FiscalYear
		ok   bool
	}{
		{"FY2024", 2024, true}, {"FY 2024", 2024, true}, {"fy2024", 2024, true}, {"FY24", 2024, true},
		{"2024", 2024, true}, {"FY", 0, false}, {"20244", 0, false}, {"1066", 0, false}, {"", 0, false},
	} {
		got, err := ParseFiscalYear(tt.in)
		if got != tt.want || (err == nil) != tt.ok || (err != nil && !errors.Is(err, ErrYear)) {
			t.Errorf("ParseFiscalYear(%q) = %v, %v", tt.in, got, err)
		}
	}
	for _, tt := range []struct {
		in   string
		want ReportYear
		ok   bool
	}{
		{"2023", 2023, true}, {" 2001 ", 2001, true}, {"23", 0, false}, {"2O23", 0, false}, {"3000", 0, false},
	} {
		got, err := ParseReportYear(tt.in)
		if got != tt.want || (err == nil) != tt.ok || (err != nil && !errors.Is(err, ErrYear)) {
			t.Errorf("ParseReportYear(%q) = %v, %v", tt.in, got, err)
		}
	}
	if ReportYear(0).String() != "unknown" || FiscalYear(0).String() != "FY unknown" {
		t.Errorf("zero years do not say unknown")
	}
	b, _ := json.Marshal(struct {
		Y ReportYear
		F FiscalYear
	}{2023, 2024})
	if string(b) != `{"Y":"2023","F":"FY2024"}` {
		t.Errorf("json = %s", b)
	}
	var back struct {
		Y ReportYear
		F FiscalYear
	}
	if err := json.Unmarshal(b, &back); err != nil || back.Y != 2023 || back.F != 2024 {
		t.Errorf("unmarshal = %+v, %v", back, err)
	}
}

func TestParseUSD(t *testing.T) {
	tests := []struct {
		in   string
		want string // decimal.String of the result; "" for an error
	}{
		{"$1,000,000", "1000000"},
		{"$394,750.00", "394750"},
		{"$40,552,358.14", "40552358.14"},
		{"$600,000", "600000"},
		{"$1000", "1000"},
		{"$3.12 million", "3120000"},
		{"$24 trillion", "24000000000000"},
		{"$245 million", "245000000"},
		{"$5 Million", "5000000"},
		{"$ 5", "5"},
		{"\u00a0$85,427.37\u202f", "85427.37"},
		// Not money.
		{"", ""},
		{"$", ""},
		{"USD 5", ""},
		{"5", ""},
		{"$-5", ""},
		{"-$5", ""},
		{"$1,00,0", ""},
		{"$1,0000", ""},
		{",100", ""},
		{"$1.", ""},
		{"$1.234", ""},
		{"$99999999999999999999999999999.999", ""},
		{"$9,999,999,999,999,999", ""},
		{"$5 zillion", ""},
		{"$5 million dollars", ""},
		{"$1e6", ""},
		{"$0x10", ""},
		{"$1.2.3", ""},
		// Amounts finer than a cent after scaling would not survive
		// FormatUSD (issue 20, item 10).
		{"$1.000000001 million", ""},
		{"$1.234567891 million", ""},
		{"$1.23456789 million", "1234567.89"},
	}
	for _, tt := range tests {
		got, err := ParseUSD(tt.in)
		if tt.want == "" {
			if !errors.Is(err, ErrAmount) {
				t.Errorf("ParseUSD(%q) = %v, %v; want ErrAmount", tt.in, got, err)
			}
			continue
		}
		if err != nil || got.String() != tt.want {
			t.Errorf("ParseUSD(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
	for in, want := range map[string]string{
		"$1.2.3":               `invalid amount: "$1.2.3": more than one decimal point (want an amount like $1,250,000.00 or $3.12 million)`,
		"$1.000000001 million": `invalid amount: "$1.000000001 million": finer than a cent (want an amount like $1,250,000.00 or $3.12 million)`,
	} {
		if _, err := ParseUSD(in); err == nil || err.Error() != want {
			t.Errorf("ParseUSD(%q) error = %v, want %s", in, err, want)
		}
	}
	if got := MustParseUSD("$394,750.00"); FormatAmount(got) != "394750.00" || FormatUSD(got) != "$394,750.00" {
		t.Errorf("format: %s %s", FormatAmount(got), FormatUSD(got))
	}
	for in, want := range map[string]string{"$1": "$1.00", "$1,000,000": "$1,000,000.00", "$100": "$100.00", "$40,552,358.14": "$40,552,358.14"} {
		if got := FormatUSD(MustParseUSD(in)); got != want {
			t.Errorf("FormatUSD(%s) = %s, want %s", in, got, want)
		}
	}
	if got := FormatUSD(decimal.RequireFromString("-1234.5")); got != "-$1,234.50" {
		t.Errorf("FormatUSD(-1234.5) = %s", got)
	}
}

func TestParseBureau(t *testing.T) {
	tests := map[string]Bureau{
		"Africa": AF, "Africa (Sub-Saharan)": AF, "AF": AF, "af": AF,
		"East Asia and the Pacific Islands": EAP, "East Asia and Pacific": EAP, "East Asia & Pacific": EAP, "EAP": EAP,
		"Europe and Eurasia": EUR, "Near East": NEA, "Near East (Middle East and North Africa)": NEA,
		"South and Central Asia": SCA, "Western Hemisphere": WHA, "  western   hemisphere ": WHA,
	}
	for in, want := range tests {
		if got, err := ParseBureau(in); err != nil || got != want {
			t.Errorf("ParseBureau(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "Global", "Research", "Asia", "Mars"} {
		if got, err := ParseBureau(in); !errors.Is(err, ErrUnknownBureau) || got != BureauUnknown {
			t.Errorf("ParseBureau(%q) = %v, %v; want ErrUnknownBureau", in, got, err)
		}
	}
	for _, b := range Bureaus() {
		text, _ := b.MarshalText()
		var back Bureau
		if err := back.UnmarshalText(text); err != nil || back != b || !b.IsValid() || b.Name() == "Unknown" {
			t.Errorf("bureau %v round trip: %v, %v", b, back, err)
		}
	}
	if BureauUnknown.String() != "unknown" || BureauUnknown.IsValid() {
		t.Errorf("zero Bureau is not unknown")
	}
}

// An ErrorList takes MaxErrors errors, then one that says the parse
// stopped, and no more (issue 20, item 4: one error a line, with no cap,
// made 10 MB of bad lines cost gigabytes).
func TestErrorListCap(t *testing.T) {
	var list ErrorList
	for i := range 3 * MaxErrors {
		ok := list.Add(Errorf("s", Position{Line: 3*MaxErrors - i, Col: 1}, "", ErrSyntax, "line %d", i))
		if ok != (i < MaxErrors) {
			t.Fatalf("Add of error %d = %v", i+1, ok)
		}
	}
	if len(list) != MaxErrors+1 || !list.Full() {
		t.Fatalf("list holds %d errors, Full %v; want %d", len(list), list.Full(), MaxErrors+1)
	}
	list.Sort()
	last := list[len(list)-1]
	if !errors.Is(last, ErrTooManyErrors) || last.Line != 2*MaxErrors {
		t.Errorf("last error %v: want the stop, where the parse stopped", last)
	}
	if list[0].Line != 2*MaxErrors+1 || errors.Is(list[0], ErrTooManyErrors) {
		t.Errorf("Sort: first error %v", list[0])
	}
	want := fmt.Sprintf("s:%d:1: syntax error: line %d (and %d more errors)", 2*MaxErrors+1, MaxErrors-1, MaxErrors)
	if got := list.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got := last.Error(); got != fmt.Sprintf("s:%d:1: too many errors: stopped after %d errors", 2*MaxErrors, MaxErrors) {
		t.Errorf("the stop reads %q", got)
	}
}

func TestParseError(t *testing.T) {
	tests := []struct {
		err  *ParseError
		want string
	}{
		{&ParseError{Source: "seed 000", Line: 17, Col: 9, Field: "Amount", Err: ErrAmount}, "seed 000:17:9: Amount: invalid amount"},
		{&ParseError{Line: 17, Err: ErrAmount}, "17: invalid amount"},
		{&ParseError{Source: "x", Record: 3, Err: ErrMissing}, "x: record 3: missing value"},
		{&ParseError{Err: ErrSyntax}, "syntax error"},
		{Errorf("seed 003", Position{951, 5}, "Tier 2 Watch List", ErrDuplicate, "%s is also on %s", "Montenegro", "Tier 2"),
			"seed 003:951:5: Tier 2 Watch List: duplicate: Montenegro is also on Tier 2"},
		{Errorf("", Position{}, "", ErrSyntax, ""), "syntax error"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	var list ErrorList
	if list.Err() != nil {
		t.Errorf("empty ErrorList.Err() = %v", list.Err())
	}
	list.Add(Errorf("s", Position{9, 1}, "Amount", ErrAmount, "bad"))
	_, uerr := LookupCountry("Tongo")
	list.Add(&ParseError{Source: "s", Line: 2, Col: 3, Err: uerr})
	list.Sort()
	if list[0].Line != 2 {
		t.Errorf("Sort did not sort by line")
	}
	err := list.Err()
	if !errors.Is(err, ErrAmount) || !errors.Is(err, ErrUnknownCountry) {
		t.Errorf("errors.Is cannot reach the entries of %v", err)
	}
	var u *UnknownCountryError
	if !errors.As(err, &u) || u.Name != "Tongo" {
		t.Errorf("errors.As cannot reach the *UnknownCountryError")
	}
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Pos() != (Position{2, 3}) {
		t.Errorf("errors.As(*ParseError) = %v", pe)
	}
	if got := err.Error(); got != `s:2:3: unknown country "Tongo" (did you mean "Tonga", "Togo"?) (and 1 more error)` {
		t.Errorf("ErrorList.Error() = %q", got)
	}
}

func TestFinding(t *testing.T) {
	f := Finding{Rule: "tiers/one-placement", Severity: Error, Source: "seed 003", Pos: Position{861, 5},
		Message: "Montenegro is on Tier 2 and Tier 2 Watch List", Citation: "22 U.S.C. 7107(b)(1)"}
	want := "seed 003:861:5: error: tiers/one-placement: Montenegro is on Tier 2 and Tier 2 Watch List [22 U.S.C. 7107(b)(1)]"
	if f.String() != want {
		t.Errorf("String() = %q", f.String())
	}
	fs := []Finding{{Source: "b"}, {Source: "a", Pos: Position{9, 1}}, {Source: "a", Pos: Position{2, 1}, Rule: "z"}, {Source: "a", Pos: Position{2, 1}, Rule: "y"}}
	SortFindings(fs)
	if fs[0].Rule != "y" || fs[1].Rule != "z" || fs[2].Pos.Line != 9 || fs[3].Source != "b" {
		t.Errorf("SortFindings = %+v", fs)
	}
	for _, s := range []Severity{Info, Warning, Error} {
		b, _ := s.MarshalText()
		var back Severity
		if err := back.UnmarshalText(b); err != nil || back != s {
			t.Errorf("severity round trip %v: %v %v", s, back, err)
		}
	}
	if _, err := ParseSeverity("fatal"); !errors.Is(err, ErrSyntax) {
		t.Errorf("ParseSeverity(fatal) = %v", err)
	}
	if n := CountBySeverity(fs); n[SeverityUnknown] != 4 {
		t.Errorf("CountBySeverity = %v", n)
	}
}

// TestCmpNoOptions runs cmp.Diff over a fully populated struct of every
// value type tip exports: it must neither panic nor need an option, so
// downstream tests can compare tipkit models as they are.
func TestCmpNoOptions(t *testing.T) {
	type model struct {
		Country  Country
		Bureau   Bureau
		Date     Date
		Year     ReportYear
		FY       FiscalYear
		Amount   decimal.Decimal
		Pos      Position
		Finding  Finding
		Places   PlaceList
		Erratum  Erratum
		Severity Severity
	}
	a := model{
		Country: MustLookupCountry("Burma"), Bureau: EAP, Date: MustParseDate("9/30/2023"),
		Year: 2023, FY: 2024, Amount: MustParseUSD("$394,750.00"), Pos: Position{3, 1},
		Finding:  Finding{Rule: "r", Severity: Warning, Country: MustLookupCountry("Tonga"), Message: "m"},
		Places:   SplitPlaces("Regional Project – Burma, Laos, and Thailand"),
		Erratum:  DefaultErrata()[0],
		Severity: Info,
	}
	b := a
	b.Amount = MustParseUSD("$394,750") // equal value, other scale: decimal's Equal says same
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("equal models differ:\n%s", diff)
	}
	b.Country = MustLookupCountry("Laos")
	diff := cmp.Diff(a, b)
	if diff == "" {
		t.Fatalf("different countries compare equal")
	}
	if !containsAll(diff, "Burma", "Laos") {
		t.Errorf("diff does not name the countries:\n%s", diff)
	}
}

func containsAll(s string, subs ...string) bool {
	for _, x := range subs {
		if !contains(s, x) {
			return false
		}
	}
	return true
}

func contains(s, sub string) bool {
	return strings.Contains(s, sub)
}

// Every heading reads however it is cased, spaced or written with "&";
// anything else is an error that quotes it.
func TestParseBureauHeadings(t *testing.T) {
	for _, h := range bureauHeadings {
		k := h.heading
		for _, in := range []string{k, strings.ToUpper(k), strings.ReplaceAll(k, " and ", " & "), " " + k + " ", strings.ReplaceAll(k, " ", "  "),
			strings.ReplaceAll(k, " ", "\u00a0"), k + "\u200b", "\ufeff" + k, strings.ReplaceAll(k, " ", "\t")} {
			if b, err := ParseBureau(in); b != h.bureau || err != nil {
				t.Errorf("ParseBureau(%q) = %v, %v; want %v", in, b, err, h.bureau)
			}
		}
		for _, in := range []string{k + "s", "Af rica", k + "’", strings.Repeat(k, 2)} {
			if b, err := ParseBureau(in); err == nil && in != "Af rica" {
				t.Errorf("ParseBureau(%q) = %v, want an error", in, b)
			}
		}
	}
	for _, in := range []string{"", " ", "&", "XX", "Global", "Official websites use .gov", strings.Repeat("a ", 41), "\xff"} {
		b, err := ParseBureau(in)
		if want := (&detailError{quote: in, err: ErrUnknownBureau}); err == nil || !errors.Is(err, ErrUnknownBureau) || err.Error() != want.Error() {
			t.Errorf("ParseBureau(%q) = %v, %v; want an error quoting it", in, b, err)
		}
	}
}

// daysIn agrees with time.Date's normalization for every month of every
// year IsValid accepts.
func TestDaysIn(t *testing.T) {
	for y := 1; y <= 9999; y++ {
		for m := time.January; m <= time.December; m++ {
			if got, want := daysIn(m, y), time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day(); got != want {
				t.Fatalf("daysIn(%v, %d) = %d, want %d", m, y, got, want)
			}
		}
	}
}

// One error of each kind the value parsers return, word for word: a change
// of wording is a reviewed change (issue 18: a message says what was
// expected).
func TestValueErrorMessages(t *testing.T) {
	errOf := func(_ any, err error) error { return err }
	tests := []struct {
		err  error
		want string
	}{
		{errOf(ParseUSD("$1,00,0")), `invalid amount: "$1,00,0": bad digits or grouping (want an amount like $1,250,000.00 or $3.12 million)`},
		{errOf(ParseUSD("$1.2.3")), `invalid amount: "$1.2.3": more than one decimal point (want an amount like $1,250,000.00 or $3.12 million)`},
		{errOf(ParseDate("31/9/2023")), `invalid date: "31/9/2023" does not exist (want a date like 9/30/2023 or September 30, 2023)`},
		{errOf(ParseDate("Sept 2023")), `invalid date: "Sept 2023" (want a date like 9/30/2023 or September 30, 2023)`},
		{errOf(ParseReportYear("2199")), `invalid year: "2199" (want a year like 2023, from 1990 to 2100)`},
		{errOf(ParseFiscalYear("FY")), `invalid year: "FY" (want a fiscal year like FY2024, from FY1990 to FY2100)`},
		{errOf(LookupCountry("Tongo")), `unknown country "Tongo" (did you mean "Tonga", "Togo"?)`},
		{errOf(LookupCountry("Korea")), `ambiguous country "Korea": could be "Korea, Democratic People’s Republic of" or "Korea, Republic of"`},
		{errOf(ParseBureau("Global")), `unknown bureau: "Global"`},
	}
	for _, tt := range tests {
		if tt.err == nil || tt.err.Error() != tt.want {
			t.Errorf("error = %v\nwant    %s", tt.err, tt.want)
		}
	}
}
