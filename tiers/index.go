package tiers

import (
	"math/bits"
	"slices"
	"sync"

	"github.com/tipkit/tipkit/tip"
)

// index is a dense view of a History for the rules, built once per Check
// or Eligible: a country's tier in a year is an array lookup rather than a
// scan of the year's placements. It lives outside History so that History
// stays a plain value that cmp.Diff compares with no options.
type index struct {
	first tip.ReportYear // the history's first year
	years int
	rows  int // countries 0 to rows-1 have a place in the tables
	// tiers holds every year's countries in one flat slice, a column of
	// x.rows per year: building it allocates once, and the loop that
	// reads the placements, most of the index's cost, indexes one column.
	tiers   []Tier                  // [(y-first)*rows + country]: the tier of the first placement, TierUnknown if none
	waivers []uint64                // bit (y-first)*rows + country: a documented waiver
	known   [][SpecialCase + 1]bool // [y-first][tier]: the tier's list is complete
	full    []bool                  // [y-first]: every list is known, so that a country on none is absent
	have    []bool                  // [y-first]: the history holds the year
	messy   []bool                  // [y-first]: some country has two placements, or one with no tier
	// repeats are the placements that follow another of the same country
	// in the same Year, for the one-placement rule: noted while the
	// placements are read for the tiers, so that Check reads them once.
	repeats []repeat
	seen    []Tier // placeRest's scratch space
	// For a walk that skips the years no rule of Check concerns: bit y-first
	// of marks[c][markWatch] is set if c is on the Watch List in y, of
	// marks[c][markTier3] if on Tier 3, of waivedBits[c] if a waiver is
	// documented in a year the history holds. Valid if masked: the years
	// ascend, one per report year, and are at most 64.
	marks      [][4]uint64
	waivedBits []uint64
	masked     bool
	from2009   uint64 // the slots of the years from 2009
}

// The columns of index.marks. A placement on any other tier sets its bit
// in markNone, so that the loop that reads the placements marks every one
// alike, without a branch, and placed reads all three. The fourth column
// is never set: it lets markOf[t]&3 index a row with no bounds check.
const (
	markWatch = iota
	markTier3
	markNone
)

// markOf is the column of index.marks a tier's years go in.
var markOf = func() (m [256]uint8) {
	for t := range m {
		m[t] = markNone
	}
	m[Tier2WatchList], m[Tier3] = markWatch, markTier3
	return m
}()

// A repeat is a placement of a country already placed in the Year.
type repeat struct {
	year    tip.ReportYear
	country tip.Country
	before  Tier // the tier of the country's placement before it in the Year
	tier    Tier
}

// countryCount is the number of countries in tip's table, 1 to n: every
// entity IsValid accepts (tip.AllCountries), not only those the reports
// rank, so that the index and specialWatch agree on what is in the table.
var countryCount = sync.OnceValue(func() int { return len(tip.AllCountries()) })

func newIndex(h *History) *index {
	x := new(index)
	x.reset(h)
	return x
}

// reset makes x the index of h, reusing the tables of an earlier reset:
// Check keeps its indexes in a pool, so that a Check neither allocates
// them nor first touches fresh memory for them, which cost more than
// filling them.
func (x *index) reset(h *History) {
	*x = index{
		tiers: x.tiers[:0], waivers: x.waivers[:0],
		known: x.known[:0], full: x.full[:0], have: x.have[:0], messy: x.messy[:0], repeats: x.repeats[:0],
		marks: x.marks[:0], waivedBits: x.waivedBits[:0], seen: x.seen,
	}
	if len(h.Years) == 0 {
		return
	}
	x.first = h.Years[0].Year
	x.years = int(h.Years[len(h.Years)-1].Year-x.first) + 1
	x.known = zeroed(x.known, x.years)
	x.full = zeroed(x.full, x.years)
	x.have = zeroed(x.have, x.years)
	x.messy = zeroed(x.messy, x.years)
	x.masked = x.years <= 64
	x.from2009 = ^x.before2009()
	// Country is a small dense number: tables indexed by it beat a map.
	// They are sized for the country table and the waivers, and grown for
	// a number outside the table, rather than sized by a pass over every
	// placement first.
	n := countryCount()
	for _, w := range h.Waivers {
		n = max(n, int(w.Country))
	}
	x.grow(n)
	for k := range h.Years {
		yr := &h.Years[k]
		if k > 0 && yr.Year <= h.Years[k-1].Year {
			x.masked = false // a year twice, or out of order: the walk goes by h.Years
		}
		i := int(yr.Year - x.first)
		x.have[i] = true
		for _, t := range yr.Completeness.Known {
			if t <= SpecialCase {
				x.known[i][t] = true
			}
		}
		kn := x.known[i]
		x.full[i] = kn[Tier1] && kn[Tier2] && kn[Tier2WatchList] && kn[Tier3] && kn[SpecialCase]
		if j := x.placeFirsts(yr.Placements, i); j < len(yr.Placements) {
			x.seen = x.placeRest(yr, i, j, x.seen)
		}
	}
	x.waivers = zeroed(x.waivers, (x.years*x.rows+63)/64)
	for _, w := range h.Waivers {
		if i := int(w.Year - x.first); i >= 0 && i < x.years {
			b := i*x.rows + int(w.Country)
			x.waivers[b/64] |= 1 << (b % 64)
			if x.have[i] {
				x.waivedBits[w.Country] |= 1 << (i & 63)
			}
		}
	}
}

// zeroed returns s, or a slice in its place, with n zero elements.
func zeroed[S ~[]E, E any](s S, n int) S { return extend(s[:0], n) }

// placeFirsts fills column i of the tiers from the year's placements, ps,
// as long as each has a country in the tables, is its country's first in
// the year and has a tier, the case of every placement of a well-formed
// history; it returns the index of the first that is not, or len(ps).
// Reading the placements is most of the index's cost, so this loop does
// the least it can per placement, and is not inlined: inside newIndex's
// loop its variables spilled to memory.
//
//go:noinline
func (x *index) placeFirsts(ps []Placement, i int) int {
	col := x.tiers[i*x.rows : (i+1)*x.rows]
	marks, bit := x.marks[:len(col)], uint64(1)<<(i&63)
	for j := range ps {
		p := &ps[j]
		c, t := uint(p.Country), p.Tier
		if c >= uint(len(col)) || c == 0 || t == TierUnknown || col[c] != TierUnknown {
			return j
		}
		col[c] = t
		marks[c][markOf[t]&3] |= bit
	}
	return len(ps)
}

// placeRest goes on from placeFirsts' placement j for every case: a country
// outside the tables grows them, the first placement of a country in the
// year stands, as in At, and every placement that follows another of its
// country in the Year is noted in x.repeats with the tier of the one
// before, for Check's one-placement rule. seen is scratch space.
func (x *index) placeRest(yr *Year, i, j int, seen []Tier) []Tier {
	seen = zeroed(seen, x.rows) // [country]: the tier of its latest placement in the Year
	for _, p := range yr.Placements[:j] {
		seen[p.Country] = p.Tier // placeFirsts' placements: in the tables
	}
	seen[0] = TierUnknown
	for _, p := range yr.Placements[j:] {
		c := int(p.Country)
		if c == 0 {
			continue
		}
		if c >= x.rows {
			x.grow(c)
			seen = extend(seen, x.rows)
		}
		if p.Tier == TierUnknown {
			x.messy[i] = true
		}
		if t := &x.tiers[i*x.rows+c]; *t == TierUnknown {
			*t = p.Tier
			x.marks[c][markOf[p.Tier]&3] |= 1 << (i & 63)
		}
		if before := seen[c]; before != TierUnknown {
			x.repeats = append(x.repeats, repeat{yr.Year, p.Country, before, p.Tier})
			x.messy[i] = true
		}
		seen[c] = p.Tier
	}
	return seen
}

// grow makes room in the tables for the countries up to n: every year's
// column of the tiers gets longer. The waivers are set once the tables
// are final.
func (x *index) grow(n int) {
	if n < x.rows {
		return
	}
	if x.rows == 0 {
		x.tiers = zeroed(x.tiers, x.years*(n+1)) // nothing to keep: a reset's tables
	} else {
		tiers := make([]Tier, x.years*(n+1))
		for i := range x.years {
			copy(tiers[i*(n+1):], x.tiers[i*x.rows:(i+1)*x.rows])
		}
		x.tiers = tiers
	}
	x.marks = extend(x.marks, n+1)
	x.waivedBits = extend(x.waivedBits, n+1)
	x.rows = n + 1
}

// extend lengthens s to n with zero elements, in place when it has room.
func extend[S ~[]E, E any](s S, n int) S {
	k := len(s)
	s = slices.Grow(s, n-k)[:n]
	clear(s[k:])
	return s
}

// tier is the country's tier in slot i, TierUnknown if not placed.
func (x *index) tier(c tip.Country, i int) Tier {
	if int(c) < x.rows {
		return x.tiers[i*x.rows+int(c)]
	}
	return TierUnknown
}

// waived reports whether a waiver is documented for the country in slot i.
func (x *index) waived(c tip.Country, i int) bool {
	if int(c) >= x.rows {
		return false
	}
	b := i*x.rows + int(c)
	return x.waivers[b/64]&(1<<(b%64)) != 0
}

func (x *index) slot(y tip.ReportYear) (int, bool) {
	i := int(y - x.first)
	return i, i >= 0 && i < x.years && x.have[i]
}

// at is History.At without the placement.
func (x *index) at(c tip.Country, y tip.ReportYear) (Tier, Status) {
	i, ok := x.slot(y)
	if !ok {
		return TierUnknown, StatusUnknown
	}
	return x.status(c, i)
}

// status is at for slot i, a year the history holds.
func (x *index) status(c tip.Country, i int) (Tier, Status) {
	switch t := x.tier(c, i); {
	case t != TierUnknown:
		return t, StatusPlaced
	case x.full[i]:
		return TierUnknown, StatusAbsent
	}
	return TierUnknown, StatusUnknown
}

// is answers "was c on tier t in year y?": yes, no, or unknown (known
// false) when c is not placed and t's list is not complete.
func (x *index) is(c tip.Country, y tip.ReportYear, t Tier) (yes, known bool) {
	i, ok := x.slot(y)
	if !ok {
		return false, false
	}
	if ct := x.tier(c, i); ct != TierUnknown {
		return ct == t, true
	}
	return false, t <= SpecialCase && x.known[i][t]
}

func (x *index) waivedAt(c tip.Country, y tip.ReportYear) bool {
	i := int(y - x.first)
	return i >= 0 && i < x.years && x.waived(c, i)
}

// placed reports whether the country is placed in some year: every
// placement marks a bit, that of a placement with no tier included.
func (x *index) placed(c tip.Country) bool {
	m := &x.marks[c]
	return m[markWatch]|m[markTier3]|m[markNone] != 0
}

// watchRun counts the consecutive Watch List years ending with y, from
// 2009 on, and whether the run's start is certain (false if it meets a
// year whose Watch List is not known).
func (x *index) watchRun(c tip.Country, y tip.ReportYear) (n int, certain bool) {
	s := x.runAt(c, int(y-x.first))
	return s.n, s.certain
}

// A streak is what watchRun returns for one year.
type streak struct {
	n       int
	certain bool
}

// runAt is watchRun for the year of slot i, which may lie outside the
// history. A slot the history lacks has no tier and no known list, so it
// ends the run uncertain like an unknown year.
func (x *index) runAt(c tip.Country, i int) streak {
	from := int(2009 - x.first) // the run counts from 2009
	if i >= x.years {
		return streak{0, i < from}
	}
	n := 0
	for ; i >= from; i-- {
		if i < 0 {
			return streak{n, false} // a year before the history
		}
		switch t := x.tier(c, i); {
		case t == Tier2WatchList:
			n++
		case t != TierUnknown || x.known[i][Tier2WatchList]:
			return streak{n, true} // on another list, or on none and the Watch List is complete
		default:
			return streak{n, false} // not placed, and the Watch List incomplete
		}
	}
	return streak{n, true}
}

// A walk goes through a country's years of the history in order and
// stops at the years a rule of Check can concern: with masks, the few
// that start picks out; without, every waiver, and every Watch List or
// Tier 3 year from 2009. Going through the other years was most of
// Check's work: with masks, the walk skips them without reading them.
type walk struct {
	x     *index
	c     tip.Country
	years []tip.ReportYear // without masks: the history's years still to go, in its order
	todo  uint64           // with masks: the slots still to stop at
	// Where the walk stopped: the year, its slot in the index, the
	// country's tier there and whether a waiver is documented, and the
	// runs watchRun counts ending with the year and with the year before.
	y           tip.ReportYear
	i           int
	tier        Tier
	waived      bool
	run, before streak
}

// before2009 masks the slots of the years before 2009.
func (x *index) before2009() uint64 {
	switch n := 2009 - int(x.first); {
	case n <= 0:
		return 0
	case n >= 64:
		return ^uint64(0)
	default:
		return 1<<n - 1
	}
}

// start readies w to walk the country through the history's years, and
// reports false if no rule of Check can concern any of them: the country
// is never placed, or (with masks) none of its years is a stop.
//
// With masks, a country no waiver is documented for stops only where a
// rule without a waiver can fire: a Watch List year that is the 3rd of a
// run or later, and a Tier 3 year after two Watch List years, all from
// 2009. Those are a few of the Watch List and Tier 3 years; walking the
// others, most of which no rule fires in, was most of Check's work.
func (w *walk) start(x *index, c tip.Country, years []tip.ReportYear) bool {
	w.x, w.c = x, c
	if !x.masked {
		w.years = years
		return x.placed(c)
	}
	from := x.from2009
	wl, t3 := x.marks[c][markWatch]&from, x.marks[c][markTier3]&from
	// Slots are years, so a run is a row of bits: a year ends a run of two
	// or more before it if the two bits below its own are set.
	w.todo = (wl | t3) & (wl << 1) & (wl << 2)
	waived := x.waivedBits[c]
	if waived == 0 {
		return w.todo != 0 // a bit is a placement: the country is placed
	}
	// The waivers' own years, and for (F) every Tier 3 year after the
	// first waiver, and every second Watch List year of a row after the
	// first of those Tier 3 years.
	down := t3 & after(waived)
	w.todo |= waived | down | wl&(wl<<1)&after(down)
	return x.placed(c)
}

// after returns the slots after m's first, none if m has none.
func after(m uint64) uint64 { return ^(m&-m<<1 - 1) }

// next moves to the next year a rule can concern, and reports false when
// there is none.
func (w *walk) next() bool {
	x := w.x
	if x.masked {
		if w.todo == 0 {
			return false
		}
		w.i = bits.TrailingZeros64(w.todo)
		w.todo &= w.todo - 1
	} else {
		for len(w.years) > 0 && !w.concerns(w.years[0]) {
			w.years = w.years[1:]
		}
		if len(w.years) == 0 {
			return false
		}
		w.i = int(w.years[0] - x.first)
		w.years = w.years[1:]
	}
	w.y = x.first + tip.ReportYear(w.i)
	w.tier, w.waived = x.tier(w.c, w.i), x.waived(w.c, w.i)
	// One count back from the year or the year before; the other is a
	// step of the count (runAt).
	if w.tier == Tier2WatchList && w.y >= 2009 {
		w.run = x.runAt(w.c, w.i)
		w.before = streak{w.run.n - 1, w.run.certain}
	} else {
		w.before = x.runAt(w.c, w.i-1)
		w.run = streak{0, w.y < 2009 || w.tier != TierUnknown || x.known[w.i][Tier2WatchList]}
	}
	return true
}

// concerns is the walk's test of year y without masks, read from the
// tables: every year the masks stop at passes it, and more.
func (w *walk) concerns(y tip.ReportYear) bool {
	i := int(y - w.x.first)
	t := w.x.tier(w.c, i)
	return w.x.waived(w.c, i) || y >= 2009 && (t == Tier2WatchList || t == Tier3)
}

// specialWatchCount is the size of the special watch list of the year of
// slot i (specialWatch), counted from the tables rather than from the
// year's placements and those of the year before. It reports false where
// the tables may not say what specialWatch would: a year held twice or
// out of order (no masks), or a messy year, in which specialWatch weighs
// every placement of a country rather than its first.
func (x *index) specialWatchCount(i int) (n int, ok bool) {
	before := i > 0 && x.have[i-1]
	if !x.masked || x.messy[i] || before && x.messy[i-1] {
		return 0, false
	}
	cur := x.tiers[i*x.rows : (i+1)*x.rows]
	var prev []Tier
	if before {
		prev = x.tiers[(i-1)*x.rows : i*x.rows][:len(cur)]
	}
	valid := countryCount() // a number outside the table has no year before in specialWatch
	for c := 1; c < len(cur); c++ {
		switch t := cur[c]; {
		case t == Tier2WatchList:
			n++
		case prev == nil || c > valid:
		case t == Tier1 && prev[c] == Tier2, t == Tier2 && prev[c] == Tier3:
			n++
		}
	}
	return n, true
}
