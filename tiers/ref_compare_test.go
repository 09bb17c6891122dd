package tiers

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tipkit/tipkit/tip"
)

// randomHistory is a small history that trips every rule now and then:
// mostly Watch List and Tier 3 years, gaps, duplicate years and
// placements, unknown tiers, partial years, stray waivers, country 0 and a
// number outside the country table.
func randomHistory(r *rand.Rand) *History {
	cs := []tip.Country{0, tip.Country(len(tip.Countries()) + 1)}
	for _, name := range []string{"Malaysia", "Algeria", "Belarus", "Chad", "Vanuatu", "Cuba"} {
		cs = append(cs, tip.MustLookupCountry(name))
	}
	tiersOf := []Tier{TierUnknown, Tier1, Tier2, Tier2WatchList, Tier2WatchList, Tier2WatchList, Tier3, Tier3, SpecialCase}
	all := []Tier{Tier1, Tier2, Tier2WatchList, Tier3, SpecialCase}
	h := &History{}
	from := tip.ReportYear(2000 + r.IntN(22))
	to := from + tip.ReportYear(r.IntN(12))
	for y := from; y <= to; y++ {
		if y != from && r.IntN(10) == 0 {
			continue // a gap
		}
		copies := 1
		if r.IntN(40) == 0 {
			copies = 2 // the same year twice
		}
		for range copies {
			yr := Year{Year: y}
			switch r.IntN(5) {
			case 0:
				for _, t := range all {
					if r.IntN(2) == 0 {
						yr.Completeness.Known = append(yr.Completeness.Known, t)
					}
				}
				if r.IntN(4) == 0 {
					yr.Completeness.Known = append(yr.Completeness.Known, Tier(7))
				}
			default:
				yr.Completeness.Known = all
			}
			for _, c := range cs {
				for range 1 + r.IntN(4)/3 { // now and then two placements
					if r.IntN(6) == 0 {
						continue
					}
					yr.Placements = append(yr.Placements, Placement{Country: c, Year: y, Tier: tiersOf[r.IntN(len(tiersOf))]})
				}
				if r.IntN(8) == 0 {
					yr.StateSponsored = append(yr.StateSponsored, c)
				}
			}
			r.Shuffle(len(yr.Placements), func(i, j int) { yr.Placements[i], yr.Placements[j] = yr.Placements[j], yr.Placements[i] })
			h.Years = append(h.Years, yr)
		}
	}
	for range r.IntN(12) {
		h.Waivers = append(h.Waivers, Waiver{Country: cs[r.IntN(len(cs))], Year: from - 1 + tip.ReportYear(r.IntN(int(to-from)+3)), Grade: GradePrimary})
	}
	slices.SortFunc(h.Waivers, func(a, b Waiver) int { return int(a.Year-b.Year)*10000 + int(a.Country) - int(b.Country) })
	return h
}

// Check and SpecialWatchList give what they gave before they were made
// fast, and Eligible counts the same Watch List runs, on the embedded history and on a thousand random ones.
func TestSameAsReference(t *testing.T) {
	hs := []*History{Default()}
	r := rand.New(rand.NewPCG(1, 2))
	n := 1000
	if testing.Short() {
		n = 300
	}
	for range n {
		hs = append(hs, randomHistory(r))
	}
	seen := map[string]int{} // rule and severity: how many findings, so that a reader sees the random histories reach every branch
	for i, h := range hs {
		want, got := refCheck(h), Check(h)
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("history %d: Check (-before +now):\n%s", i, cmp.Diff(want, got))
		}
		for _, f := range got {
			seen[f.Rule+" "+f.Severity.String()]++
		}
		if len(h.Years) == 0 {
			continue
		}
		first, last := h.Years[0].Year, h.Years[len(h.Years)-1].Year
		for y := first - 1; y <= last+2; y++ {
			if want, got := refSpecialWatchList(h, y), SpecialWatchList(h, y); !slices.Equal(want, got) {
				t.Fatalf("history %d: SpecialWatchList(%d) = %v, was %v", i, y, got, want)
			}
		}
		// Eligible's rules may change on purpose; the Watch List run it
		// counts may not.
		x := newRefIndex(h)
		cs := tip.Countries()
		if i > 0 {
			cs = nil
			for _, p := range h.Years[len(h.Years)/2].Placements {
				cs = append(cs, p.Country)
			}
		}
		for _, c := range cs {
			for y := first; y <= last+2; y++ {
				run, certain := x.watchRun(c, y-1)
				if e := Eligible(h, c, y); e.WatchListYears != run || e.WatchListCertain != certain {
					t.Fatalf("history %d: Eligible(%d, %d) counts a Watch List run of %d (certain %v), was %d (%v)", i, c, y, e.WatchListYears, e.WatchListCertain, run, certain)
				}
			}
		}
	}
	t.Log(seen)
}

// Check writes its findings out in tip.SortFindings' order rather than
// sorting them (checkRules): the two orders agree, on the embedded history
// and on random ones.
func TestCheckOrder(t *testing.T) {
	if !slices.IsSorted(checkRules[:]) {
		t.Fatalf("checkRules not sorted by ID: %v", checkRules)
	}
	hs := []*History{Default()}
	r := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		hs = append(hs, randomHistory(r))
	}
	for i, h := range hs {
		got := Check(h)
		want := slices.Clone(got)
		tip.SortFindings(want)
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("history %d: Check's order is not SortFindings' (-sorted +Check):\n%s", i, cmp.Diff(want, got))
		}
	}
}

// Check keeps its tables in a pool: Checks of different histories at the
// same time, each after the others' tables were filled, give what a Check
// of each alone gives (run with -race to see the pool shares nothing).
func TestCheckConcurrent(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	hs := []*History{Default()}
	for range 40 {
		hs = append(hs, randomHistory(r))
	}
	want := make([][]tip.Finding, len(hs))
	for i, h := range hs {
		want[i] = refCheck(h)
	}
	var wg sync.WaitGroup
	errs := make(chan string, len(hs)*4)
	for g := range 4 {
		wg.Go(func() {
			for k := range hs {
				i := (k + g*7) % len(hs)
				if got := Check(hs[i]); !reflect.DeepEqual(want[i], got) {
					errs <- fmt.Sprintf("history %d: Check (-alone +concurrent):\n%s", i, cmp.Diff(want[i], got))
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
}

// Check counts the special watch list from its tables where the years are
// clean, and from the placements where they are not (specialWatchCount):
// on histories of 2021–2024 full of what makes a year messy (a country
// placed twice, a placement with no tier, a year held twice, a number
// outside the country table), both ways give what Check gave before.
func TestSpecialWatchCountSameAsReference(t *testing.T) {
	cs := []tip.Country{0, tip.Country(len(tip.Countries()) + 1)}
	for _, name := range []string{"Malaysia", "Algeria", "Belarus", "Chad"} {
		cs = append(cs, tip.MustLookupCountry(name))
	}
	tiersOf := []Tier{TierUnknown, Tier1, Tier2, Tier2WatchList, Tier3}
	all := []Tier{Tier1, Tier2, Tier2WatchList, Tier3, SpecialCase}
	r := rand.New(rand.NewPCG(7, 8))
	counted := 0 // histories whose 2023 the tables count
	for i := range 3000 {
		h := &History{}
		for y := tip.ReportYear(2021); y <= 2024; y++ {
			for range 1 + r.IntN(8)/7 { // now and then a year twice
				yr := Year{Year: y, Completeness: Completeness{Known: all}}
				// How often a country is missing, placed twice, or placed
				// with no tier: never, now and then, or often, by year.
				odds := [...]int{0, 10, 2}
				skip, twice, untiered := odds[r.IntN(3)], odds[r.IntN(3)], odds[r.IntN(3)]
				now := func(odds int) bool { return odds > 0 && r.IntN(odds) == 0 }
				for _, c := range cs {
					if now(skip) {
						continue
					}
					n := 1
					if now(twice) {
						n = 2
					}
					for range n {
						t := tiersOf[1+r.IntN(len(tiersOf)-1)]
						if now(untiered) {
							t = TierUnknown
						}
						yr.Placements = append(yr.Placements, Placement{Country: c, Year: y, Tier: t})
					}
				}
				r.Shuffle(len(yr.Placements), func(i, j int) { yr.Placements[i], yr.Placements[j] = yr.Placements[j], yr.Placements[i] })
				h.Years = append(h.Years, yr)
			}
		}
		if want, got := refCheck(h), Check(h); !reflect.DeepEqual(want, got) {
			t.Fatalf("history %d: Check (-before +now):\n%s", i, cmp.Diff(want, got))
		}
		x := newIndex(h)
		if i, held := x.slot(2023); held {
			if _, ok := x.specialWatchCount(i); ok {
				counted++
			}
		}
	}
	if counted < 100 || counted > 2900 {
		t.Errorf("the tables counted 2023 in %d histories of 3000: one of the two ways is hardly tried", counted)
	}
}
