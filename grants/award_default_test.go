package grants

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip"
)

// The embedded file is the reference file, byte for byte
// (data/awards/PROVENANCE.md gives the hash).
func TestDefaultAwardsFile(t *testing.T) {
	sum := sha256.Sum256(awards19019)
	if got, want := hex.EncodeToString(sum[:]), "a97d50a49fde7537cc58847dff179f8466812b639356fd34551e29393988cb02"; got != want {
		t.Errorf("data/awards/awards-19.019.json has sha256 %s, want %s (PROVENANCE.md)", got, want)
	}
}

// refAward is one record of the embedded file as encoding/json reads it
// with nothing of the reader's logic: the independent count the reader's
// figures are checked against.
type refAward struct {
	ID     string      `json:"Award ID"`
	Amount json.Number `json:"Award Amount"`
	Type   *string     `json:"Award Type"`
	Date   string      `json:"Base Obligation Date"`
	CFDA   string      `json:"CFDA Number"`
	Code   *string     `json:"Place of Performance Country Code"`
	State  *string     `json:"Place of Performance State Code"`
}

func refAwards(t *testing.T) []refAward {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(awards19019))
	d.UseNumber()
	var rs []refAward
	if err := d.Decode(&rs); err != nil {
		t.Fatal(err)
	}
	return rs
}

// The figures the issue states for the embedded file, each computed twice:
// by the reader, and by a plain decode of the same bytes.
func TestDefaultAwards(t *testing.T) {
	s := DefaultAwards()
	refs := refAwards(t)

	// Figures computed from the plain decode.
	refTotal := decimal.Zero
	fy2022, fy2022Amount := 0, decimal.Zero
	var usaNoState, aut, notTIP, nullType, notPositive int
	for _, r := range refs {
		amt := decimal.RequireFromString(r.Amount.String())
		refTotal = refTotal.Add(amt)
		if r.Date >= "2021-10-01" && r.Date <= "2022-09-30" {
			fy2022++
			fy2022Amount = fy2022Amount.Add(amt)
		}
		code := ""
		if r.Code != nil {
			code = *r.Code
		}
		if code == "USA" && (r.State == nil || *r.State == "") {
			usaNoState++
		}
		if code == "AUT" {
			aut++
		}
		if !strings.HasPrefix(r.ID, "SSJTIP") && !strings.HasPrefix(r.ID, "SSGTIP") {
			notTIP++
		}
		if r.Type == nil {
			nullType++
		}
		if amt.Sign() <= 0 {
			notPositive++
		}
	}

	rules := map[string]int{}
	for _, f := range s.Findings {
		rules[f.Rule]++
	}
	fy := map[tip.FiscalYear]YearAwards{}
	for _, y := range s.ByFiscalYear() {
		fy[y.FiscalYear] = y
	}
	for _, c := range []struct {
		what      string
		got, ref  any
		wantIssue any // the issue's figure
	}{
		{"awards", len(s.Awards), len(refs), 248},
		{"total", tip.FormatAmount(s.Total()), tip.FormatAmount(refTotal), "400182650.41"},
		{"FY2022 awards", fy[2022].Awards, fy2022, 33},
		{"FY2022 amount", tip.FormatAmount(fy[2022].Amount), tip.FormatAmount(fy2022Amount), "62301001.00"},
		{"USA without state", rules[RuleAwardUSANoState], usaNoState, 10},
		{"AUT", rules[RuleAwardHeadquarters], aut, 9},
		{"non-TIP prefix", rules[RuleAwardNotTIP], notTIP, 1},
		{"null types", rules[RuleAwardNullType], nullType, 2},
		{"zero or negative amounts", rules[RuleAwardNotPositive], notPositive, 4},
		{"other listings", s.OtherListings, 0, 0},
	} {
		if c.got != c.ref || c.got != c.wantIssue {
			t.Errorf("%s: reader %v, plain decode %v, issue %v", c.what, c.got, c.ref, c.wantIssue)
		}
	}

	// The quirks the issue names besides those counts, on the file.
	for _, c := range []struct {
		rule, message string
		n             int
	}{
		{RuleAwardUnresolvedCode, "", 0}, // every code names an entity of the world table: TCA is the Turks and Caicos Islands
		{RuleAwardMultiCountry, "SSJTIP23GR0003: the description names Bangladesh and India; the code is NPL", 11},
		{RuleAwardNotTIP, "SLMAQM19CA2217: filed under 19.019, but its FAIN prefix SLMAQM is not the TIP Office's (SSJTIP, SSGTIP)", 1},
		{RuleAwardNullCode, "", 0},   // the file has no null code (see TestReadAwardsJSON)
		{RuleAwardGENCNotISO, "", 0}, // nor Kosovo
	} {
		found := c.message == ""
		for _, f := range s.Findings {
			found = found || f.Rule == c.rule && strings.HasPrefix(f.Message, c.message)
		}
		if rules[c.rule] != c.n || !found {
			t.Errorf("%s: %d findings, want %d, one starting %q", c.rule, rules[c.rule], c.n, c.message)
		}
	}
	if len(s.Findings) != 10+9+1+2+4+11 {
		t.Errorf("%d findings, want 37: %v", len(s.Findings), rules)
	}

	// Every award's findings are in the set's, and point into the file.
	n := 0
	for _, a := range s.Awards {
		n += len(a.Findings)
		for _, f := range a.Findings {
			if f.Source != AwardsSource || f.Pos.Line != 1 || f.Pos.Col < a.Pos.Col || f.Subject != a.ID {
				t.Errorf("finding %v of %s at %v", f, a.ID, a.Pos)
			}
		}
	}
	if n != len(s.Findings) {
		t.Errorf("awards hold %d findings, the set %d", n, len(s.Findings))
	}

	// The first award, in full.
	want := Award{ID: "SSJTIP23GR0017", Key: "ASST_NON_SSJTIP23GR0017_1900", Kind: ProjectGrant, KindText: "PROJECT GRANT (B)",
		Amount: decimal.RequireFromString("1095000"), BaseDate: tip.MustParseDate("2023-08-03"), FiscalYear: 2023, Listing: "19.019",
		Place: PlaceCountry, Country: tip.MustLookupCountry("Lesotho"), CountryCode: "LSO", RecipientID: "472c2dc8-009a-30c6-7578-72bf109e7057-C",
		Description: "THE PROJECT WILL BUILD THE CAPACITY OF THE GOVERNMENT AND CIVIL SOCIETY STAKEHOLDERS AT THE NATIONAL AND DISTRICT LEVEL TO PROSECUTE TIP CASES AND PROTECT VICTIMS.",
		Pos:         tip.Position{Line: 1, Col: 2}}
	if d := cmp.Diff(want, s.Awards[0]); d != "" {
		t.Errorf("first award mismatch (-want +got):\n%s", d)
	}
}

// A strict read of the same file succeeds: every code names an entity of
// tip's world table (TCA, the Turks and Caicos Islands, among them), every
// amount is whole cents, and the quirks are findings, not errors. A code
// that is no GENC code fails a strict read at its place (TestBadAwards).
func TestDefaultAwardsStrict(t *testing.T) {
	s, err := ReadAwardsJSON(bytes.NewReader(awards19019), tip.ParseOptions{Source: AwardsSource})
	if err != nil {
		t.Fatalf("strict read: %v", err)
	}
	if len(s.Awards) != 248 || len(s.Findings) != 37 {
		t.Errorf("strict read: %d awards and %d findings, want 248 and 37", len(s.Awards), len(s.Findings))
	}
	tca, _ := tip.ByGENC("TCA")
	for _, a := range s.Awards {
		if a.CountryCode == "TCA" && a.Country != tca {
			t.Errorf("%s: code TCA read as %v, want %v", a.ID, a.Country, tca)
		}
	}
}

// Each call returns a fresh copy: what one caller changes, the next does
// not see.
func TestDefaultAwardsFresh(t *testing.T) {
	a := DefaultAwards()
	a.Awards[0].ID = "CHANGED"
	a.Awards[1].Named = append(a.Awards[1].Named[:0], tip.MustLookupCountry("Chad"))
	a.Awards[2].Findings = append(a.Awards[2].Findings, tip.Finding{Rule: "x"})
	a.Findings[0].Message = "changed"
	a.Coverage[0].Coverage = CoverageNearComplete
	a.Awards = a.Awards[:1]
	b := DefaultAwards()
	if len(b.Awards) != 248 || b.Awards[0].ID != "SSJTIP23GR0017" || b.Findings[0].Message == "changed" || b.Coverage[0].Coverage != CoverageThin {
		t.Fatalf("DefaultAwards shares state between calls")
	}
	if d := cmp.Diff(DefaultAwards(), b); d != "" {
		t.Errorf("two calls differ (-first +second):\n%s", d)
	}
}

// The coverage statement agrees with the file: every year it calls
// near-complete has at least 20 awards and every thin year fewer; it
// covers every year the file has awards in; FY2023's last award is on its
// Through date.
func TestDefaultAwardCoverage(t *testing.T) {
	s := DefaultAwards()
	cov := DefaultAwardCoverage()
	for i, c := range cov {
		if i > 0 && c.FiscalYear != cov[i-1].FiscalYear+1 {
			t.Errorf("coverage years not consecutive at %v", c.FiscalYear)
		}
		if c.Coverage == CoverageUnknown || c.Note == "" {
			t.Errorf("%v: coverage %v, note %q", c.FiscalYear, c.Coverage, c.Note)
		}
	}
	last := tip.Date{}
	for _, a := range s.Awards {
		if s.CoverageOf(a.FiscalYear).Coverage == CoverageUnknown {
			t.Errorf("%s in %v: a year with no coverage statement", a.ID, a.FiscalYear)
		}
		if a.BaseDate.After(last) {
			last = a.BaseDate
		}
	}
	for _, y := range s.ByFiscalYear() {
		c := s.CoverageOf(y.FiscalYear)
		if !strings.HasPrefix(c.Note, fmt.Sprintf("%d award", y.Awards)) {
			t.Errorf("%v: %d awards, note %q", y.FiscalYear, y.Awards, c.Note)
		}
		if (c.Coverage == CoverageNearComplete) != (y.Awards >= 20 && y.FiscalYear < 2023) {
			t.Errorf("%v: %d awards, coverage %v", y.FiscalYear, y.Awards, c.Coverage)
		}
	}
	if c := s.CoverageOf(2023); c.Coverage != CoveragePartial || c.Through != last {
		t.Errorf("FY2023: %v through %v; the last award is %v", c.Coverage, c.Through, last)
	}
	if c := s.CoverageOf(2009); c.Coverage != CoverageUnknown {
		t.Errorf("FY2009: %v, want unknown", c.Coverage)
	}
}

// Every exported award model compares with cmp.Diff with no options,
// fully populated.
func TestAwardModelsCmp(t *testing.T) {
	s := DefaultAwards()
	s.Awards[0].Named = []tip.Country{tip.MustLookupCountry("Nepal")}
	s.Awards[0].Findings = []tip.Finding{{Rule: "r", Severity: tip.Info, Source: "s", Pos: tip.Position{Line: 1, Col: 2}, Country: 1, Subject: "x", Message: "m", Citation: "c"}}
	tx := Transaction{Key: "k", AwardKey: "a", AwardID: "i", Modification: "0", Obligation: decimal.New(5, 0), Date: tip.MustParseDate("2021-01-02"), FiscalYear: 2021,
		Listing: "19.019", ListingTitle: "t", Kind: ProjectGrant, KindText: "04", Country: 1, CountryCode: "AFG", State: "s", RecipientID: "r", RecipientName: "n",
		Description: "d", AwardDescription: "e", Findings: s.Awards[0].Findings, Pos: tip.Position{Line: 2, Col: 1}}
	rec := Reconcile(Default(), s)
	for _, v := range []any{s, s.Awards[0], tx, rec, s.ByCountryYear(), s.ByRecipient(), DefaultAwardCoverage()} {
		if d := cmp.Diff(v, v); d != "" {
			t.Errorf("%T differs from itself:\n%s", v, d)
		}
	}
	other := DefaultAwards()
	other.Awards[5].Amount = other.Awards[5].Amount.Add(decimal.New(1, -2))
	if cmp.Equal(DefaultAwards(), other) {
		t.Error("cmp.Equal misses a one-cent change")
	}
}
