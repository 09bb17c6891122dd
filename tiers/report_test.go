package tiers

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse/parsetest"
)

const seed003 = "../testdata/seeds/003_b74ef491153902c4.txt"

func readSeed(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(seed003)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func names(cs []tip.Country) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.ISO3())
	}
	return out
}

func TestParseReportLaxSeed(t *testing.T) {
	r, err := ParseReportLax(bytes.NewReader(readSeed(t)))
	if err != nil {
		t.Fatal(err)
	}
	if r.Year != 2023 {
		t.Errorf("Year = %d, want 2023", r.Year)
	}
	want := map[Tier]int{Tier1: 30, Tier2: 106, Tier2WatchList: 25, Tier3: 24, SpecialCase: 3}
	for tier, n := range want {
		if got := r.Count(tier); got != n {
			t.Errorf("%s: %d placements, want %d", tier, got, n)
		}
	}
	if len(r.Placements) != 188 {
		t.Errorf("%d placements, want 188 (Montenegro twice, no Dominican Republic)", len(r.Placements))
	}
	if got := strings.Join(names(r.Countries(SpecialCase)), " "); got != "LBY SOM YEM" {
		t.Errorf("Special Case = %s", got)
	}
	var ss []tip.Country
	for _, l := range r.StateSponsored {
		ss = append(ss, l.Country)
	}
	if got, want := strings.Join(names(ss), " "), "AFG MMR CHN CUB ERI IRN PRK RUS SSD SYR TKM"; got != want {
		t.Errorf("state-sponsored = %s, want %s", got, want)
	}
	if r.StateSponsoredClaimed != 11 {
		t.Errorf("StateSponsoredClaimed = %d", r.StateSponsoredClaimed)
	}
	var np []tip.Country
	for _, l := range r.NotProtocolParty {
		np = append(np, l.Country)
	}
	if got, want := strings.Join(names(np), " "), "COG IRN PRK MHL PNG SLB SOM SSD TON UGA VUT YEM"; got != want {
		t.Errorf("not party = %s, want %s", got, want)
	}
	if len(r.LawEnforcement) != 7 {
		t.Fatalf("%d law-enforcement rows, want 7", len(r.LawEnforcement))
	}
	le := LawEnforcementYear{Year: 2016, Prosecutions: Count{14939, 1038}, Convictions: Count{9072, 717}, VictimsIdentified: Count{68453, 17465}, NewLegislation: 25, Pos: tip.Position{Line: 635, Col: 1}}
	if d := cmp.Diff(le, r.LawEnforcement[0]); d != "" {
		t.Errorf("2016 row (-want +got):\n%s", d)
	}
	sum := 0
	for _, y := range r.LawEnforcement {
		sum += y.Prosecutions.Total
	}
	if sum != 14939+17471+11096+11841+9876+10572+15159 {
		t.Errorf("prosecutions 2016–2022 sum to %d", sum)
	}
	var got []string
	for _, f := range r.Findings {
		got = append(got, f.Pos.String()+" "+f.Rule)
	}
	wantF := []string{"621:7 tip/erratum", "936:7 tip/erratum", "966:7 tiers/one-placement"}
	if d := cmp.Diff(wantF, got); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
	// Every state-sponsored government is on Tier 3.
	for _, l := range r.StateSponsored {
		if ps := r.PlacementsOf(l.Country); len(ps) != 1 || ps[0].Tier != Tier3 {
			t.Errorf("%s: placements %v, want one on Tier 3", l.Name, ps)
		}
	}
}

func TestParseReportStrictSeed(t *testing.T) {
	r, err := ParseReport(bytes.NewReader(readSeed(t)))
	var list tip.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("err = %v, want a tip.ErrorList", err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Pos().String())
	}
	if d := cmp.Diff([]string{"621:7", "936:7", "966:7"}, got); d != "" {
		t.Errorf("error positions (-want +got):\n%s", d)
	}
	if !errors.Is(err, tip.ErrUnknownCountry) || !errors.Is(err, tip.ErrDuplicate) {
		t.Errorf("err = %v: want ErrUnknownCountry and ErrDuplicate inside", err)
	}
	// The report comes back with everything readable: Tongo and the
	// second Montenegro are left out.
	if n := len(r.Placements); n != 186 {
		t.Errorf("strict parse kept %d placements, want 186", n)
	}
}

// The headings of "A Guide to the Tiers" are followed by prose and must
// not be read as lists; bullets may be •, - or *, with NBSP around.
func TestParseReportShapes(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // "tier:ISO3 …"
		errPos   string // strict error position, "" for none
		sentinel error
	}{
		{"guide prose", "Tier 1\n\nCountries whose governments fully meet the standards.\n\nTier 1\n\n  • Chile\n", "1:CHL", "", nil},
		{"dash and star bullets", "Tier 3\n- Cuba\n* Iran\n", "3:CUB 3:IRN", "", nil},
		{"nbsp and trailing space", "Tier 2\n\u00a0\u00a0•\u00a0Turkey\u00a0 \n", "2:TUR", "", nil},
		{"watch list heading", "Tier 2 Watch List\n  • Bolivia\n", "2WL:BOL", "", nil},
		{"special case", "Special Case\n  • Libya\n", "SC:LBY", "", nil},
		{"numbered items", "TIER 1\n\n1. Canada\n2. France\n10) Chile\n", "1:CAN 1:FRA 1:CHL", "", nil},
		{"en dash and round bullets", "Tier 3\n– Cuba\n● Iran\n", "3:CUB 3:IRN", "", nil},
		{"bare names, one per line", "Tier 1\nCanada\nFrance\n\nTier 2\n• Ghana\n", "1:CAN 1:FRA 2:GHA", "", nil},
		{"bare names end at a heading after a blank line", "Tier 1\nCanada\n\nTiers and Regional Maps\n", "1:CAN", "", nil},
		{"a bare name that is no country is reported", "Tier 1\nCanada\nNarnia\nFrance\n", "1:CAN 1:FRA", "3:1", tip.ErrUnknownCountry},
		{"bare names end at prose", "Tier 1\nCanada\nThe government fully meets the minimum standards.\n", "1:CAN", "", nil},
		{"a guide heading before a short line that is no country", "Tier 1\nFully meets\n", "", "1:1", tip.ErrMissing},
		{"empty bullet", "Tier 1\n  • Chile\n  • \n", "1:CHL", "3:7", tip.ErrMissing},
		{"unknown country", "Tier 1\n  • Narnia\n", "", "2:7", tip.ErrUnknownCountry},
		{"ambiguous country", "Tier 1\n  • Congo\n", "", "2:7", tip.ErrAmbiguousCountry},
		{"two tiers", "Tier 1\n  • Chile\nTier 2\n  • Chile\n", "1:CHL", "4:7", tip.ErrDuplicate},
		{"bad table row", "YEAR PROSECUTIONS CONVICTIONS VICTIMS IDENTIFIED NEW OR AMENDED LEGISLATION\n2016 14,939 (1,038) 9,072\n", "", "2:1", tip.ErrSyntax},
		{"invalid utf8", "Tier 1\n  • Ch\xffile\n", "", "2:9", tip.ErrEncoding},
		{"empty input", "", "", "1:1", tip.ErrMissing},
		// Issue 20, item 9: a lone CR ends a line, and input with no record
		// is an error.
		{"CR line ends (item 9)", "Tier 1\r\r  • Chile\r  • Canada\r", "1:CHL 1:CAN", "", nil},
		{"CRLF line ends", "Tier 1\r\n\r\n  • Chile\r\n", "1:CHL", "", nil},
		{"prose only (item 9)", "The report covers April 1, 2022 to March 31, 2023.\r", "", "1:1", tip.ErrMissing},
		// Item 10: the title's year is within tip.MinYear and MaxYear.
		{"title year 2199 (item 10)", "2199 Trafficking in Persons Report\nTier 1\n  • Chile\n", "1:CHL", "1:1", tip.ErrYear},
		{"title year 1900 (item 10)", "1900 Trafficking in Persons Report\nTier 1\n  • Chile\n", "1:CHL", "1:1", tip.ErrYear},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ParseReport(strings.NewReader(tt.in))
			var got []string
			for _, p := range r.Placements {
				got = append(got, p.Tier.Code()+":"+p.Country.ISO3())
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("placements = %q, want %q", g, tt.want)
			}
			if tt.errPos == "" {
				if err != nil {
					t.Errorf("err = %v", err)
				}
				return
			}
			var pe *tip.ParseError
			if !errors.As(err, &pe) || pe.Pos().String() != tt.errPos || !errors.Is(err, tt.sentinel) {
				t.Errorf("err = %v, want %v at %s", err, tt.sentinel, tt.errPos)
			}
			// Lax reads at least as much, and fails only on what it cannot read.
			lr, lerr := ParseReportLax(strings.NewReader(tt.in))
			if len(lr.Placements) < len(r.Placements) {
				t.Errorf("lax kept %d placements, strict %d", len(lr.Placements), len(r.Placements))
			}
			if lerr != nil && !errors.Is(lerr, tip.ErrEncoding) && !errors.Is(lerr, tip.ErrMissing) {
				t.Errorf("lax err = %v", lerr)
			}
		})
	}
}

func TestReportGolden(t *testing.T) {
	r, err := ParseReportLax(bytes.NewReader(readSeed(t)))
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	parsetest.Golden(t, filepath.Join("testdata", "report2023.golden.json"), string(got)+"\n")
}

func TestParseTier(t *testing.T) {
	tests := []struct {
		in   string
		want Tier
	}{
		{"Tier 1", Tier1}, {"tier 3", Tier3}, {"Tier 2 Watch List", Tier2WatchList}, {"Tier 2WL", Tier2WatchList},
		{"T2WL", Tier2WatchList}, {"Tier 2 Watchlist", Tier2WatchList}, {"Watchlist    ", Tier2WatchList},
		{"Special Case", SpecialCase}, {"SC", SpecialCase}, {"2", Tier2}, {"Tier\u00a02", Tier2},
	}
	for _, tt := range tests {
		got, err := ParseTier(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseTier(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
		var u Tier
		b, _ := got.MarshalText()
		if err := u.UnmarshalText(b); err != nil || u != got {
			t.Errorf("text round trip of %v: %v, %v", got, u, err)
		}
	}
	for _, bad := range []string{"", "Tier 4", "Tier 2 Watch", "watch"} {
		if _, err := ParseTier(bad); !errors.Is(err, ErrTier) && bad != "Tier 2 Watch" {
			t.Errorf("ParseTier(%q): err = %v, want ErrTier", bad, err)
		}
	}
	if _, ok := SpecialCase.Compare(Tier1); ok {
		t.Error("Special Case compares with Tier 1")
	}
	if c, ok := Tier2WatchList.Compare(Tier2); !ok || c != 1 {
		t.Errorf("Watch List vs Tier 2 = %d, %v; want worse", c, ok)
	}
	if s, ok := Tier2WatchList.Score(); !ok || s != 2.5 {
		t.Errorf("Watch List score = %v, %v", s, ok)
	}
	if _, ok := SpecialCase.Score(); ok {
		t.Error("Special Case has a score")
	}
}

func TestStandards(t *testing.T) {
	s := MinimumStandards()
	if len(s.Minimum) != 4 || len(s.Indicia) != 12 || len(s.Indicia[8].Items) != 2 || len(s.Indicia[11].Items) != 2 || len(s.Definitions) != 4 {
		t.Fatalf("standards: %d minimum, %d indicia, %d definitions", len(s.Minimum), len(s.Indicia), len(s.Definitions))
	}
	if !strings.HasPrefix(s.Minimum[0].Text, "The government of the country should prohibit severe forms") {
		t.Errorf("standard 1 = %q", s.Minimum[0].Text)
	}
	if d := s.Definitions[2]; d.Tier != Tier2WatchList || len(d.Grounds) != 2 {
		t.Errorf("Watch List definition: %v with %d grounds", d.Tier, len(d.Grounds))
	}
}
