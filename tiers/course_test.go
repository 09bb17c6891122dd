package tiers

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tipkit/tipkit/tip"
)

func TestStatusInReport(t *testing.T) {
	tests := []struct {
		st        Status
		in, known bool
		reason    string
	}{
		{StatusPlaced, true, true, "a placement, Special Case included, is in the report"},
		{StatusAbsent, false, true, "a source says it is not in the report"},
		{StatusNonexistent, false, true, "an entity that did not exist is in no report"},
		{StatusUnknown, false, false, "no source says either"},
		{Status(9), false, false, "a value outside the list is unknown"},
	}
	for _, tt := range tests {
		if in, known := tt.st.InReport(); in != tt.in || known != tt.known {
			t.Errorf("%v.InReport() = %v, %v, want %v, %v (%s)", tt.st, in, known, tt.in, tt.known, tt.reason)
		}
	}
}

// The lag is the country's own year before, At(c, y-1), never another
// country's, and the same whatever order the history holds its
// placements in.
func TestPreviousIsTheCountrysOwn(t *testing.T) {
	h := Default()
	shuffled := Default()
	r := rand.New(rand.NewPCG(19, 19))
	for i := range shuffled.Years {
		ps := shuffled.Years[i].Placements
		r.Shuffle(len(ps), func(a, b int) { ps[a], ps[b] = ps[b], ps[a] })
	}
	for _, c := range tip.Countries() {
		for y := tip.ReportYear(2001); y <= 2026; y++ {
			wp, wst := h.At(c, y-1)
			p, st := h.Previous(c, y)
			if p != wp || st != wst {
				t.Fatalf("Previous(%s, %d) = %v %v, want At(%d) = %v %v", c.Name(), y, p.Tier, st, y-1, wp.Tier, wst)
			}
			if p.Country != 0 && p.Country != c {
				t.Fatalf("Previous(%s, %d) is %s's placement", c.Name(), y, p.Country.Name())
			}
			sp, sst := shuffled.Previous(c, y)
			if sp.Tier != p.Tier || sst != st {
				t.Errorf("Previous(%s, %d) on shuffled placements = %v %v, want %v %v", c.Name(), y, sp.Tier, sst, p.Tier, st)
			}
			if h.Move(c, y) != shuffled.Move(c, y) {
				t.Errorf("Move(%s, %d) changes with the placements' order", c.Name(), y)
			}
		}
	}
	if _, st := h.Previous(tip.MustLookupCountry("Germany"), 2001); st != StatusUnknown {
		t.Errorf("Previous(Germany, 2001) = %v: the history holds no 2000", st)
	}
}

func TestMove(t *testing.T) {
	h := Default()
	tests := []struct {
		country  string
		year     tip.ReportYear
		from, to Tier
		kind     MoveKind
		reason   string
	}{
		{"Malaysia", 2014, Tier2WatchList, Tier3, MoveDown, "the automatic downgrade after four Watch List years"},
		{"Malaysia", 2015, Tier3, Tier2WatchList, MoveUp, ""},
		{"Russia", 2012, Tier2WatchList, Tier2WatchList, MoveSame, ""},
		{"United States", 2010, TierUnknown, Tier1, MoveEntry, "the 2010 report is the first to rank the United States"},
		{"United States", 2009, TierUnknown, TierUnknown, MoveUnknown, "absent both years: nothing moved"},
		{"South Sudan", 2012, TierUnknown, Tier2WatchList, MoveEntry, "independent in 2011: from nonexistent into the report"},
		{"Montenegro", 2007, TierUnknown, Tier2, MoveEntry, "independent in 2006"},
		{"Serbia and Montenegro", 2007, Tier2, TierUnknown, MoveExit, "dissolved in 2006: out of the report"},
		{"Libya", 2005, SpecialCase, Tier2, MoveUnranked, "from Special Case: neither up nor down"},
		{"Libya", 2016, Tier3, SpecialCase, MoveUnranked, "to Special Case"},
		{"Libya", 2017, SpecialCase, SpecialCase, MoveSame, ""},
		{"Timor-Leste", 2011, TierUnknown, Tier2, MoveUnknown, "2010 is a gap for Timor-Leste: not an entry"},
		{"Germany", 2001, TierUnknown, Tier1, MoveUnknown, "no year before the first report"},
	}
	for _, tt := range tests {
		c := tip.MustLookupCountry(tt.country)
		want := Move{Country: c, From: tt.from, To: tt.to, Kind: tt.kind}
		if d := cmp.Diff(want, h.Move(c, tt.year)); d != "" {
			t.Errorf("Move(%s, %d) mismatch (-want +got): %s\n%s", tt.country, tt.year, tt.reason, d)
		}
	}
	// Move is Moves' answer for every country either year places.
	for y := tip.ReportYear(2002); y <= 2025; y++ {
		for _, m := range h.Moves(y-1, y) {
			if got := h.Move(m.Country, y); got != m {
				t.Errorf("Move(%s, %d) = %+v, Moves says %+v", m.Country.Name(), y, got, m)
			}
		}
	}
}

func TestYearsInReport(t *testing.T) {
	h := Default()
	tests := []struct {
		country string
		year    tip.ReportYear
		n       int
		known   bool
		reason  string
	}{
		{"United States", 2009, 0, true, "absent until 2010"},
		{"United States", 2010, 1, true, "first ranked in 2010"},
		{"United States", 2023, 14, true, "2010–2023"},
		{"Germany", 2001, 1, true, ""},
		{"Germany", 2025, 25, true, "every report"},
		{"South Sudan", 2012, 1, true, "nonexistent until 2011: not in the report"},
		{"South Sudan", 2025, 14, true, "2012–2025"},
		{"Montenegro", 2025, 19, true, "2007–2025"},
		{"Libya", 2023, 0, false, "2001 is unknown for Libya: the count cannot start"},
		{"Timor-Leste", 2009, 0, false, "2003 is unknown"},
		{"Germany", 2000, 0, false, "before the first report"},
	}
	for _, tt := range tests {
		n, known := h.YearsInReport(tip.MustLookupCountry(tt.country), tt.year)
		if known != tt.known || known && n != tt.n {
			t.Errorf("YearsInReport(%s, %d) = %d, %v, want %d, %v (%s)", tt.country, tt.year, n, known, tt.n, tt.known, tt.reason)
		}
	}
	// The count is that of the years placed, wherever every year is known.
	for _, c := range tip.Countries() {
		placed := 0
		for y := tip.ReportYear(2001); y <= 2025; y++ {
			_, st := h.At(c, y)
			if st == StatusPlaced {
				placed++
			}
			if n, known := h.YearsInReport(c, y); known && n != placed {
				t.Errorf("YearsInReport(%s, %d) = %d, %d years placed", c.Name(), y, n, placed)
			}
		}
	}
	// A history without the first report cannot count from it.
	late := &History{Years: Default().Years[8:]}
	if n, known := late.YearsInReport(tip.MustLookupCountry("Germany"), 2023); known {
		t.Errorf("YearsInReport on a history from %d = %d, known", late.Years[0].Year, n)
	}
}

// MoveKind is an enumeration like the others: a name for each value that
// its parser reads back, and an unknown zero value.
func TestMoveKindText(t *testing.T) {
	for k := MoveUnknown; k <= MoveUnranked; k++ {
		b, _ := k.MarshalText()
		var back MoveKind
		if err := back.UnmarshalText(b); err != nil || back != k {
			t.Errorf("%v: %q reads back as %v, %v", k, b, back, err)
		}
	}
	if _, err := ParseMoveKind("sideways"); !errors.Is(err, ErrMoveKind) {
		t.Errorf("ParseMoveKind(sideways) = %v, want ErrMoveKind", err)
	}
	if k, err := ParseMoveKind(" UP "); k != MoveUp || err != nil {
		t.Errorf("ParseMoveKind(UP) = %v, %v", k, err)
	}
	if s := MoveKind(200).String(); s != "unknown" {
		t.Errorf("MoveKind(200) = %q", s)
	}
}
