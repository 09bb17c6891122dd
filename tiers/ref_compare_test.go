package tiers

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/tipkit/tipkit/tip"
)

// randomHistory is a small history that trips every rule now and then:
// mostly Watch List and Tier 3 years, gaps, duplicate years and
// placements, unknown tiers, partial years, stray waivers, country 0, a
// number outside the country table, entities that did not exist in some
// years (South Sudan before 2012, Serbia and Montenegro after 2006),
// countries a source says are absent or leaves open (Completeness.Absent,
// Gaps), and now and then years out of order.
func randomHistory(r *rand.Rand) *History {
	cs := []tip.Country{0, tip.Country(len(tip.AllCountries()) + 1)}
	for _, name := range []string{"Malaysia", "Algeria", "Belarus", "Chad", "Vanuatu", "Cuba", "South Sudan", "Serbia and Montenegro"} {
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
				switch r.IntN(12) {
				case 0:
					yr.Completeness.Absent = append(yr.Completeness.Absent, c)
				case 1:
					yr.Completeness.Gaps = append(yr.Completeness.Gaps, c)
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
	if r.IntN(10) == 0 {
		r.Shuffle(len(h.Years), func(i, j int) { h.Years[i], h.Years[j] = h.Years[j], h.Years[i] })
	}
	return h
}

// normalized returns the history as the rules read it (index.go): its
// years in year order, a year held twice as one Year whose placements,
// known lists and state-sponsored governments are those of its entries in
// turn. The reference, which wants its years ascending and once each,
// reads this.
func normalized(h *History) *History {
	ys := slices.Clone(h.Years)
	slices.SortStableFunc(ys, byYear)
	out := &History{Waivers: h.Waivers}
	for _, yr := range ys {
		if n := len(out.Years); n > 0 && out.Years[n-1].Year == yr.Year {
			m := &out.Years[n-1]
			m.Placements = append(slices.Clip(m.Placements), yr.Placements...)
			m.Completeness.Known = append(slices.Clip(m.Completeness.Known), yr.Completeness.Known...)
			m.Completeness.Absent = append(slices.Clip(m.Completeness.Absent), yr.Completeness.Absent...)
			m.Completeness.Gaps = append(slices.Clip(m.Completeness.Gaps), yr.Completeness.Gaps...)
			m.StateSponsored = append(slices.Clip(m.StateSponsored), yr.StateSponsored...)
			continue
		}
		out.Years = append(out.Years, yr)
	}
	return out
}

// refChecked is refCheck of the normalized history, less its findings in
// years their rule is not in force: the reference applied the
// one-placement rule in every year, DefaultRules from the first report.
func refChecked(h *History) []tip.Finding {
	var out []tip.Finding
	rs := DefaultRules()
	for _, f := range refCheck(normalized(h), publishedSpecialWatchList) {
		y, err := strconv.Atoi(f.Subject)
		if err != nil {
			panic(err)
		}
		if _, ok := rs.Lookup(RuleID(f.Rule), tip.ReportYear(y)); ok {
			out = append(out, f)
		}
	}
	return out
}

// refSpecialWatchListInForce is refSpecialWatchList of the normalized
// history in the years the special watch list is in force, nil in others.
func refSpecialWatchListInForce(h *History, y tip.ReportYear) []tip.Country {
	if _, ok := DefaultRules().Lookup(RuleSpecialWatch, y); !ok {
		return nil
	}
	return refSpecialWatchList(normalized(h), y)
}

// Check and SpecialWatchList under DefaultRules give what the reference
// gives, and Eligible counts the same Watch List runs, on the embedded
// history and on a thousand random ones.
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
		want, got := refChecked(h), Check(h)
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("history %d: Check (-reference +now):\n%s", i, cmp.Diff(want, got))
		}
		for _, f := range got {
			seen[f.Rule+" "+f.Severity.String()]++
		}
		if len(h.Years) == 0 {
			continue
		}
		first, last := slices.MinFunc(h.Years, byYear).Year, slices.MaxFunc(h.Years, byYear).Year
		for y := first - 1; y <= last+2; y++ {
			if want, got := refSpecialWatchListInForce(h, y), SpecialWatchList(h, y); !slices.Equal(want, got) {
				t.Fatalf("history %d: SpecialWatchList(%d) = %v, reference %v", i, y, got, want)
			}
		}
		// Eligible's rules may change on purpose; the Watch List run it
		// counts may not.
		x := newRefIndex(normalized(h))
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
					t.Fatalf("history %d: Eligible(%d, %d) counts a Watch List run of %d (certain %v), reference %d (%v)", i, c, y, e.WatchListYears, e.WatchListCertain, run, certain)
				}
			}
		}
	}
	t.Log(seen)
	// Every rule that fires reaches its every severity in the random histories.
	for _, k := range []string{"tiers/auto-downgrade error", "tiers/auto-downgrade info", "tiers/waiver-once warning", "tiers/waiver-once error",
		"tiers/waiver-once info", "tiers/waiver-2y warning", "tiers/post-waiver-limit warning", "tiers/policy-or-pattern error", "tiers/one-placement error"} {
		if seen[k] < 10 {
			t.Errorf("%d findings %q: the random histories hardly reach it", seen[k], k)
		}
	}
}

// byYear orders years as the index does.
func byYear(a, b Year) int {
	switch {
	case a.Year < b.Year:
		return -1
	case a.Year > b.Year:
		return 1
	}
	return 0
}

// Check shares nothing between calls: Checks of different histories at
// the same time give what a Check of each alone gives (run with -race).
func TestCheckConcurrent(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	hs := []*History{Default()}
	for range 40 {
		hs = append(hs, randomHistory(r))
	}
	want := make([][]tip.Finding, len(hs))
	for i, h := range hs {
		want[i] = refChecked(h)
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

// The special watch list's finding, on histories of 2021–2024 full of
// what makes a year messy (a country placed twice, a placement with no
// tier, a year held twice, a number outside the country table): Check
// gives what the reference gives.
func TestSpecialWatchListSameAsReference(t *testing.T) {
	cs := []tip.Country{0, tip.Country(len(tip.AllCountries()) + 1)}
	for _, name := range []string{"Malaysia", "Algeria", "Belarus", "Chad"} {
		cs = append(cs, tip.MustLookupCountry(name))
	}
	tiersOf := []Tier{TierUnknown, Tier1, Tier2, Tier2WatchList, Tier3}
	all := []Tier{Tier1, Tier2, Tier2WatchList, Tier3, SpecialCase}
	r := rand.New(rand.NewPCG(7, 8))
	found := 0
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
		published := map[tip.ReportYear]int{2023: 1 + r.IntN(5)}
		want, got := refCheck(normalized(h), published), DefaultRules().check(h, published)
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("history %d: Check (-reference +now):\n%s", i, cmp.Diff(want, got))
		}
		for _, f := range got {
			if f.Rule == string(RuleSpecialWatch) {
				found++
			}
		}
	}
	if found < 300 || found > 2700 {
		t.Errorf("%d special watch list findings in 3000 histories: the computed size hardly ever (or always) differs from the published one", found)
	}
}

// BenchmarkCheckReference is the reference, for a before/after in the
// same run as BenchmarkCheck.
func BenchmarkCheckReference(b *testing.B) {
	h := Default()
	b.ReportAllocs()
	for b.Loop() {
		refCheck(h, publishedSpecialWatchList)
	}
}

// BenchmarkCheckRatio times Check and the reference in turn in the same
// loop, so that a loaded machine slows both alike, and reports Check's
// time as a multiple of the reference's (check/ref-x).
func BenchmarkCheckRatio(b *testing.B) {
	h := Default()
	var check, ref time.Duration
	for b.Loop() {
		t0 := time.Now()
		Check(h)
		t1 := time.Now()
		refCheck(h, publishedSpecialWatchList)
		ref += time.Since(t1)
		check += t1.Sub(t0)
	}
	b.ReportMetric(float64(check.Nanoseconds())/float64(b.N), "check-ns/op")
	b.ReportMetric(float64(ref.Nanoseconds())/float64(b.N), "ref-ns/op")
	b.ReportMetric(float64(check)/float64(ref), "check/ref-x")
}
