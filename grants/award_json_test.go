package grants

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip"
)

// marked removes the marker "§" from in and returns the text and the
// position of the marker (1-based line, byte column), as encoding/csv's
// tests mark where an error must point.
func marked(in string) (string, tip.Position) {
	i := strings.Index(in, "§")
	if i < 0 {
		return in, tip.Position{}
	}
	before := in[:i]
	line := strings.Count(before, "\n") + 1
	col := i - strings.LastIndex(before, "\n")
	return before + in[i+len("§"):], tip.Position{Line: line, Col: col}
}

// award returns one award search object with the given fields replaced
// (a value "-" drops the field).
func award(kv ...string) string {
	fields := [][2]string{
		{"internal_id", "161647272"},
		{"Award ID", `"SSJTIP21GR3017"`},
		{"Award Amount", "1000000.0"},
		{"Award Type", `"PROJECT GRANT (B)"`},
		{"Base Obligation Date", `"2021-07-30"`},
		{"CFDA Number", `"19.019"`},
		{"Description", `"TO PROTECT VICTIMS OF TRAFFICKING"`},
		{"Place of Performance Country Code", `"KEN"`},
		{"Place of Performance State Code", "null"},
		{"recipient_id", `"472c2dc8-009a-30c6-7578-72bf109e7057-C"`},
		{"generated_internal_id", `"ASST_NON_SSJTIP21GR3017_1900"`},
	}
	for i := 0; i < len(kv); i += 2 {
		found := false
		for j := range fields {
			if fields[j][0] == kv[i] {
				fields[j][1], found = kv[i+1], true
			}
		}
		if !found {
			fields = append(fields, [2]string{kv[i], kv[i+1]})
		}
	}
	var b strings.Builder
	b.WriteByte('{')
	for _, f := range fields {
		if f[1] == "-" {
			continue
		}
		if b.Len() > 1 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q: %s", f[0], f[1])
	}
	b.WriteByte('}')
	return b.String()
}

// ruleSet lists the rules of fs, in order.
func ruleSet(fs []tip.Finding) []string {
	var rs []string
	for _, f := range fs {
		rs = append(rs, f.Rule)
	}
	return rs
}

// An awardCase is one input of an award reader's table test, read strict
// and lax.
type awardCase struct {
	name      string
	in        string   // "§" marks where the strict error points
	err       error    // the strict error's sentinel; nil for none
	laxErr    error    // the lax error's sentinel; nil for none
	awards    int      // awards a strict read keeps
	laxAwards int      // awards a lax read keeps
	rules     []string // the rules of a lax read's findings, where it has no error
	reason    string
}

// run reads tt's input with read, strict and lax, named source: each read
// keeps its awards and fails with one error wrapping its sentinel, the
// strict one at the mark; a lax read with no error reports tt.rules.
func (tt awardCase) run(t *testing.T, source string, read func(io.Reader, tip.ParseOptions) (*AwardSet, error)) {
	t.Helper()
	in, pos := marked(tt.in)
	for _, lax := range []bool{false, true} {
		s, err := read(strings.NewReader(in), tip.ParseOptions{Source: source, Lax: lax})
		want, n := tt.err, tt.awards
		if lax {
			want, n = tt.laxErr, tt.laxAwards
		}
		if len(s.Awards) != n {
			t.Errorf("lax=%v: %d awards, want %d (%s)", lax, len(s.Awards), n, tt.reason)
		}
		if want == nil {
			if err != nil {
				t.Errorf("lax=%v: error %v", lax, err)
			}
			if d := cmp.Diff(tt.rules, ruleSet(s.Findings)); lax && d != "" {
				t.Errorf("findings' rules (-want +got):\n%s", d)
			}
			continue
		}
		var list tip.ErrorList
		if !errors.As(err, &list) || len(list) != 1 || !errors.Is(err, want) {
			t.Fatalf("lax=%v: error %v, want one wrapping %v", lax, err, want)
		}
		if e := list[0]; !lax && (e.Pos() != pos || e.Source != source) {
			t.Errorf("strict error at %v in %q, want %v (%v)", e.Pos(), e.Source, pos, e)
		}
	}
}

func TestReadAwardsJSON(t *testing.T) {
	one := award()
	for _, tt := range []awardCase{
		// Good input.
		{name: "one award", in: "[" + one + "]", awards: 1, laxAwards: 1, reason: "the embedded file's shape"},
		{name: "empty array", in: "[]", reason: "no awards is not an error"},
		{name: "response object", in: `{"limit": 100, "results": [` + one + "," + one + `], "page_metadata": {"page": 1, "hasNext": false}}`, awards: 2, laxAwards: 2,
			rules: []string{RuleAwardDuplicate}, reason: "the award search API's whole response; the same award twice is a finding"},
		{name: "byte order mark", in: "\uFEFF[" + one + "]", awards: 1, laxAwards: 1, reason: "a BOM is read through"},
		{name: "unknown fields", in: "[" + award("COVID-19 Obligations", `{"a": [1, 2, {"b": null}]}`, "Extra", "true") + "]", awards: 1, laxAwards: 1, reason: "fields the reader does not use are read past, whatever their type"},
		{name: "exponent", in: "[" + award("Award Amount", "1.095e6") + "]", awards: 1, laxAwards: 1, reason: "a JSON float may have an exponent"},
		{name: "XKS", in: "[" + award("Place of Performance Country Code", `"XKS"`) + "]", awards: 1, laxAwards: 1, rules: []string{RuleAwardGENCNotISO}, reason: "Kosovo's GENC code is not ISO's"},
		{name: "null code", in: "[" + award("Place of Performance Country Code", "null") + "]", awards: 1, laxAwards: 1, rules: []string{RuleAwardNullCode}, reason: "USAspending has treated a null code as USA"},
		{name: "absent code", in: "[" + award("Place of Performance Country Code", "-") + "]", awards: 1, laxAwards: 1, rules: []string{RuleAwardNullCode}},
		{name: "USA with a state", in: "[" + award("Place of Performance Country Code", `"USA"`, "Place of Performance State Code", `"DC"`) + "]", awards: 1, laxAwards: 1, reason: "work in the United States, not global"},
		{name: "USA without a state", in: "[" + award("Place of Performance Country Code", `"USA"`) + "]", awards: 1, laxAwards: 1, rules: []string{RuleAwardUSANoState}},
		{name: "other listing", in: "[" + award("CFDA Number", `"19.345"`) + "]", rules: []string{RuleAwardOtherListings}, reason: "counted, not kept"},
		{name: "null type", in: "[" + award("Award Type", "null", "Award Amount", "0.0") + "]", awards: 1, laxAwards: 1, rules: []string{RuleAwardNotPositive, RuleAwardNullType}},
		{name: "other type", in: "[" + award("Award Type", `"BLOCK GRANT (A)"`) + "]", awards: 1, laxAwards: 1, rules: []string{RuleAwardOtherType}},

		// Tolerated by a lax read only.
		{name: "code no entity has", in: "[" + award("Place of Performance Country Code", `§"QQQ"`) + "]", err: tip.ErrUnknownCountry, laxAwards: 1, rules: []string{RuleAwardUnresolvedCode},
			reason: "a valid GENC code tipkit's table lacks: strict fails, lax keeps the award"},
		{name: "float noise", in: "[" + award("Award Amount", "§1234.5600000000001") + "]", err: tip.ErrAmount, laxAwards: 1, rules: []string{RuleAwardCents},
			reason: "not a whole number of cents: lax rounds, with a finding"},

		// Values that cannot be read.
		{name: "amount grouped", in: "[" + award("Award Amount", `§"1,095,000"`) + "]", err: tip.ErrAmount, laxErr: tip.ErrAmount},
		{name: "amount as string", in: "[" + award("Award Amount", `§"1095000.00"`) + "]", err: tip.ErrAmount, laxErr: tip.ErrAmount, reason: "the API writes numbers"},
		{name: "amount huge", in: "[" + award("Award Amount", "§1e20") + "]", err: tip.ErrAmount, laxErr: tip.ErrAmount},
		{name: "amount null", in: "[" + award("Award Amount", "§null") + "]", err: tip.ErrMissing, laxErr: tip.ErrMissing},
		{name: "amount boolean", in: "[" + award("Award Amount", "§true") + "]", err: tip.ErrSyntax, laxErr: tip.ErrSyntax},
		{name: "date layout", in: "[" + award("Base Obligation Date", `§"08/03/2023"`) + "]", err: tip.ErrDate, laxErr: tip.ErrDate},
		{name: "date with time", in: "[" + award("Base Obligation Date", `§"2023-08-03T00:00:00"`) + "]", err: tip.ErrDate, laxErr: tip.ErrDate},
		{name: "date does not exist", in: "[" + award("Base Obligation Date", `§"2023-02-30"`) + "]", err: tip.ErrDate, laxErr: tip.ErrDate},
		{name: "code of four letters", in: "[" + award("Place of Performance Country Code", `§"KENY"`) + "]", err: ErrCountryCode, laxErr: ErrCountryCode},
		{name: "code in lower case", in: "[" + award("Place of Performance Country Code", `§"ken"`) + "]", err: ErrCountryCode, laxErr: ErrCountryCode},
		{name: "alias is not a code", in: "[" + award("Place of Performance Country Code", `§"UAE"`) + "]", err: tip.ErrUnknownCountry, laxAwards: 1, rules: []string{RuleAwardUnresolvedCode},
			reason: "LookupCountry reads the alias UAE; a GENC code it is not"},
		{name: "no award ID", in: "[§" + award("Award ID", "-") + "]", err: tip.ErrMissing, laxErr: tip.ErrMissing},
		{name: "award ID null", in: "[" + award("Award ID", "§null") + "]", err: tip.ErrMissing, laxErr: tip.ErrMissing},
		{name: "award ID a number", in: "[" + award("Award ID", "§17") + "]", err: tip.ErrSyntax, laxErr: tip.ErrSyntax},
		{name: "duplicate key", in: `[{"Award ID": "A", §"Award ID": "B"}]`, err: tip.ErrDuplicate, laxErr: tip.ErrDuplicate},
		{name: "listing malformed", in: "[" + award("CFDA Number", `§"19019"`) + "]", err: tip.ErrSyntax, laxErr: tip.ErrSyntax},
		{name: "NUL", in: "[" + award("Description", `§"A\u0000B"`) + "]", err: tip.ErrEncoding, laxErr: tip.ErrEncoding},
		{name: "not UTF-8", in: "[" + award("Description", "§\"A\xffB\"") + "]", err: tip.ErrEncoding, laxErr: tip.ErrEncoding},
		{name: "element not an object", in: "[" + one + ", §17, " + one + "]", err: tip.ErrSyntax, laxErr: tip.ErrSyntax, awards: 2, laxAwards: 2,
			rules: []string{RuleAwardDuplicate}, reason: "one bad element; the others are read"},
		{name: "bad between good", in: "[" + one + ",\n" + award("Award ID", `"SSJTIP21GR3018"`, "Award Amount", `§"1,000"`) + ",\n" + award("Award ID", `"SSJTIP21GR3019"`) + "]",
			err: tip.ErrAmount, laxErr: tip.ErrAmount, awards: 2, laxAwards: 2, reason: "every good award is kept"},

		// JSON that cannot be read.
		{name: "empty input", in: "§", err: tip.ErrSyntax, laxErr: tip.ErrSyntax},
		{name: "a number", in: "§17", err: tip.ErrSyntax, laxErr: tip.ErrSyntax},
		{name: "object without results", in: `§{"limit": 1}`, err: tip.ErrMissing, laxErr: tip.ErrMissing},
		{name: "results not an array", in: `{"results"§: {}}`, err: tip.ErrSyntax, laxErr: tip.ErrSyntax},
		{name: "malformed", in: "[" + one + `, {"Award ID" §"x"}]`, err: tip.ErrSyntax, laxErr: tip.ErrSyntax, awards: 1, laxAwards: 1, reason: "the awards before it are kept"},
		{name: "amount with commas", in: `[{"Award ID": "A", "Award Amount": 1,§095,000}]`, err: tip.ErrSyntax, laxErr: tip.ErrSyntax, reason: "not JSON at all"},
		{name: "truncated", in: "[" + one + `, {"Award ID": "SSJTIP21GR3018", "Award Am§`, err: tip.ErrSyntax, laxErr: tip.ErrSyntax, awards: 1, laxAwards: 1},
		{name: "text after", in: "[" + one + "]§ x", err: tip.ErrSyntax, laxErr: tip.ErrSyntax, awards: 1, laxAwards: 1},
	} {
		t.Run(tt.name, func(t *testing.T) { tt.run(t, "t.json", ReadAwardsJSON) })
	}
}

// Values read from a pretty-printed response, and errors on its later
// lines, point at the right line and column, though the reader forgets
// the lines before the record it reads.
func TestReadAwardsJSONPretty(t *testing.T) {
	in, pos := marked("{\n  \"results\": [\n    {\n      \"Award ID\": \"SSJTIP21GR3017\",\n      \"Award Amount\": 1000000.0,\n      \"Base Obligation Date\": \"2021-07-30\",\n" +
		"      \"CFDA Number\": \"19.019\",\n      \"Place of Performance Country Code\": \"KEN\"\n    },\n    {\n      \"Award ID\": \"SSJTIP21GR3018\",\n      \"Award Amount\": 1000000.0,\n" +
		"      \"Base Obligation Date\": \"2021-07-30\",\n      \"CFDA Number\": \"19.019\",\n      \"Place of Performance Country Code\": §\"KENYA\"\n    }\n  ]\n}\n")
	s, err := ReadAwardsJSON(strings.NewReader(in), tip.ParseOptions{})
	var list tip.ErrorList
	if !errors.As(err, &list) || list[0].Pos() != pos || list[0].Record != 2 || list[0].Source != "award search" || !errors.Is(err, ErrCountryCode) {
		t.Fatalf("error %v, want %v record 2", err, pos)
	}
	if len(s.Awards) != 1 || s.Awards[0].Pos != (tip.Position{Line: 3, Col: 5}) {
		t.Errorf("awards %+v", s.Awards)
	}
	// Read one byte at a time, so that line starts arrive in pieces.
	s, err = ReadAwardsJSON(&oneByteReader{s: in}, tip.ParseOptions{})
	if !errors.As(err, &list) || list[0].Pos() != pos || len(s.Awards) != 1 || s.Awards[0].Pos != (tip.Position{Line: 3, Col: 5}) {
		t.Errorf("one byte at a time: %v, %v", err, s.Awards)
	}
}

type oneByteReader struct{ s string }

func (r *oneByteReader) Read(p []byte) (int, error) {
	if len(r.s) == 0 {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = r.s[0]
	r.s = r.s[1:]
	return 1, nil
}

// A value of 10 MB is one error at its place; the awards around it are
// read. A record past MaxAwardRecord ends the read, with what came before
// it kept.
func TestReadAwardsJSONTooLong(t *testing.T) {
	big := `"` + strings.Repeat("A", 10<<20) + `"`
	in, pos := marked("[" + award() + ",\n" + award("Award ID", `"SSJTIP21GR3018"`, "Description", "§"+big) + ",\n" + award("Award ID", `"SSJTIP21GR3019"`) + "]")
	for _, lax := range []bool{false, true} {
		s, err := ReadAwardsJSON(strings.NewReader(in), tip.ParseOptions{Lax: lax})
		var list tip.ErrorList
		if !errors.As(err, &list) || len(list) != 1 || list[0].Pos() != pos || !errors.Is(err, ErrTooLong) || len(s.Awards) != 2 {
			t.Errorf("lax=%v: %v with %d awards; want ErrTooLong at %v and 2 awards", lax, err, len(s.Awards), pos)
		}
		if len(err.Error()) > 400 {
			t.Errorf("the error repeats the value: %d bytes", len(err.Error()))
		}
	}
	if testing.Short() {
		t.Skip("-short: a 17 MB record")
	}
	huge := `"` + strings.Repeat("A ", (MaxAwardRecord+1<<20)/2) + `"`
	in = "[" + award() + ",\n" + award("Award ID", `"SSJTIP21GR3018"`, "Description", huge) + ",\n" + award("Award ID", `"SSJTIP21GR3019"`) + "]"
	s, err := ReadAwardsJSON(strings.NewReader(in), tip.ParseOptions{Lax: true})
	var list tip.ErrorList
	if !errors.As(err, &list) || len(list) != 1 || !errors.Is(err, ErrTooLong) || len(s.Awards) != 1 || list[0].Line != 1 {
		t.Errorf("a record past MaxAwardRecord: %v with %d awards", err, len(s.Awards))
	}
}

// Past tip.MaxErrors errors a read stops with one more error wrapping
// tip.ErrTooManyErrors; a Scan whose caller stops is not read further.
func TestReadAwardsMaxErrors(t *testing.T) {
	var b strings.Builder
	b.WriteString("[")
	for i := range 150 {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString(award("Award Amount", `"1,000"`))
	}
	b.WriteString("]")
	_, err := ReadAwardsJSON(strings.NewReader(b.String()), tip.ParseOptions{Lax: true})
	var list tip.ErrorList
	if !errors.As(err, &list) || len(list) != tip.MaxErrors+1 || !errors.Is(list[len(list)-1], tip.ErrTooManyErrors) || list[len(list)-1].Line != tip.MaxErrors+1 {
		t.Fatalf("%d errors, the last %v", len(list), list[len(list)-1])
	}
	n := 0
	for range ScanAwardsJSON(strings.NewReader(b.String()), tip.ParseOptions{}) {
		n++
		if n == 3 {
			break
		}
	}
}

// A reader's own error comes back wrapped, errors.Is-able, with the awards
// read before it.
func TestReadAwardsJSONReaderError(t *testing.T) {
	boom := errors.New("boom")
	in := "[" + award() + ", " + award("Award ID", `"X"`)[:40]
	s, err := ReadAwardsJSON(io.MultiReader(strings.NewReader(in), &failReader{boom}), tip.ParseOptions{})
	if !errors.Is(err, boom) || len(s.Awards) != 1 {
		t.Errorf("%v with %d awards; want boom and 1 award", err, len(s.Awards))
	}
}

type failReader struct{ err error }

func (r *failReader) Read([]byte) (int, error) { return 0, r.err }

// An award read from the API's JSON, in full.
func TestReadAwardsJSONValues(t *testing.T) {
	in := "[" + award("Award Amount", "1234.5600000000001", "Place of Performance Country Code", `"NPL"`,
		"Description", `"STRENGTHEN CHILD PROTECTION IN BANGLADESH, INDIA, AND NEPAL"`) + "]"
	s, err := ReadAwardsJSON(strings.NewReader(in), tip.ParseOptions{Source: "t.json", Lax: true})
	if err != nil {
		t.Fatal(err)
	}
	nepal := tip.MustLookupCountry("Nepal")
	want := Award{ID: "SSJTIP21GR3017", Key: "ASST_NON_SSJTIP21GR3017_1900", Kind: ProjectGrant, KindText: "PROJECT GRANT (B)",
		Amount: decimal.RequireFromString("1234.56"), BaseDate: tip.MustParseDate("2021-07-30"), FiscalYear: 2021, Listing: "19.019",
		Place: PlaceCountry, Country: nepal, CountryCode: "NPL", RecipientID: "472c2dc8-009a-30c6-7578-72bf109e7057-C",
		Description: "STRENGTHEN CHILD PROTECTION IN BANGLADESH, INDIA, AND NEPAL",
		Named:       []tip.Country{tip.MustLookupCountry("Bangladesh"), tip.MustLookupCountry("India"), nepal},
		Pos:         tip.Position{Line: 1, Col: 2},
		Findings: []tip.Finding{
			{Rule: RuleAwardCents, Severity: tip.Warning, Source: "t.json", Pos: tip.Position{Line: 1, Col: strings.Index(in, "1234.56") + 1}, Subject: "SSJTIP21GR3017",
				Message: "SSJTIP21GR3017: amount 1234.5600000000001 is not a whole number of cents (float noise?): read as 1234.56"},
			{Rule: RuleAwardMultiCountry, Severity: tip.Info, Source: "t.json", Pos: tip.Position{Line: 1, Col: strings.Index(in, `"STRENGTHEN`) + 1}, Country: nepal, Subject: "SSJTIP21GR3017",
				Message: "SSJTIP21GR3017: the description names Bangladesh and India; the code is NPL: multi-country work carried by one code"},
		},
	}
	if d := cmp.Diff(want, s.Awards[0]); d != "" {
		t.Errorf("award mismatch (-want +got):\n%s", d)
	}
	if d := cmp.Diff(want.Findings, s.Findings); d != "" {
		t.Errorf("set findings mismatch (-want +got):\n%s", d)
	}
}
