package tiers

import (
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tipkit/tipkit/tip"
)

// fuzzHistory reads a History from fuzz bytes, two bytes an instruction:
// a new year (the same one again, the next, one after a gap, or one
// before: out of order), a
// placement, a waiver, a list of the year marked incomplete, a
// state-sponsored government, or a country a source says is absent from
// the year or leaves open (Completeness.Absent, Gaps). The countries and
// tiers are few, so that runs, repeats and waivers meet often; country 0,
// a number outside the country table, entities that did not exist in some
// years and a tier outside the enumeration are among them.
func fuzzHistory(data []byte) *History {
	cs := []tip.Country{0, tip.Country(len(tip.AllCountries()) + 1)}
	for _, name := range []string{"Malaysia", "Algeria", "Belarus", "Chad", "Cuba", "Vanuatu", "South Sudan", "Serbia and Montenegro"} {
		cs = append(cs, tip.MustLookupCountry(name))
	}
	tiersOf := []Tier{TierUnknown, Tier1, Tier2, Tier2WatchList, Tier3, SpecialCase, Tier(9), Tier2WatchList}
	all := []Tier{Tier1, Tier2, Tier2WatchList, Tier3, SpecialCase}
	h := &History{}
	if len(data) == 0 {
		return h
	}
	y := tip.ReportYear(2000 + int(data[0])%30)
	data = data[1:]
	newYear := func() {
		h.Years = append(h.Years, Year{Year: y, Completeness: Completeness{Known: all}})
	}
	newYear()
	for ; len(data) >= 2; data = data[2:] {
		op, arg := data[0], data[1]
		c, t := cs[int(arg)%len(cs)], tiersOf[int(arg>>3)%len(tiersOf)]
		yr := &h.Years[len(h.Years)-1]
		switch op % 8 {
		case 0, 1:
			y += tip.ReportYear(arg%4) - 1 // -1: out of order, 0: the same year twice
			if len(h.Years) < 70 {
				newYear()
			}
		case 2, 3, 4:
			yr.Placements = append(yr.Placements, Placement{Country: c, Year: yr.Year, Tier: t})
		case 5:
			if len(h.Waivers) < 40 {
				h.Waivers = append(h.Waivers, Waiver{Country: c, Year: yr.Year - tip.ReportYear(arg>>6)})
			}
		case 6:
			// The year's list of tier t is not known (Tier(9) stands for none).
			var known []Tier
			for _, k := range yr.Completeness.Known {
				if k != t {
					known = append(known, k)
				}
			}
			yr.Completeness.Known = known
		case 7:
			switch (op >> 3) % 4 {
			case 2:
				yr.Completeness.Absent = append(yr.Completeness.Absent, c)
			case 3:
				yr.Completeness.Gaps = append(yr.Completeness.Gaps, c)
			default:
				yr.StateSponsored = append(yr.StateSponsored, c)
			}
		}
	}
	return h
}

// FuzzCheck compares Check with the reference (refCheck, ref_test.go) on
// any history the bytes describe; SpecialWatchList likewise with its
// reference.
func FuzzCheck(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{9, 2, 3, 2, 27, 0, 1, 2, 27, 0, 1, 2, 27, 0, 1, 2, 27, 5, 3, 0, 1, 2, 35})
	f.Add([]byte{23, 2, 19, 2, 10, 0, 1, 2, 27, 2, 2, 0, 1, 2, 17, 2, 27, 0, 0, 2, 27, 7, 3})
	f.Fuzz(func(t *testing.T, data []byte) {
		h := fuzzHistory(data)
		if want, got := refChecked(h), Check(h); !reflect.DeepEqual(want, got) {
			t.Fatalf("Check (-reference +Check):\n%s", cmp.Diff(want, got))
		}
		for _, yr := range h.Years {
			for _, y := range []tip.ReportYear{yr.Year, yr.Year + 1} {
				if want, got := refSpecialWatchListInForce(h, y), SpecialWatchList(h, y); !reflect.DeepEqual(want, got) {
					t.Fatalf("SpecialWatchList(%d) = %v, reference %v", y, got, want)
				}
			}
		}
	})
}
