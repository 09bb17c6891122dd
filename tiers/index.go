package tiers

import "github.com/tipkit/tipkit/tip"

// index is a dense view of a History for the rules, built once per Check
// or Eligible: a country's tier in a year is an array lookup rather than a
// scan of the year's placements. It lives outside History so that History
// stays a plain value that cmp.Diff compares with no options.
type index struct {
	first tip.ReportYear // the history's first year
	years int
	// cells holds every country's years in one flat slice, a row of
	// x.years cells per country, so that building the index allocates
	// once rather than once per country.
	cells    []cell                  // [country*years + y-first]
	rows     int                     // countries 0 to rows-1 have a row
	untiered []bool                  // [country]: some placement has no tier (its cells cannot tell it was placed)
	known    [][SpecialCase + 1]bool // [y-first][tier]: the tier's list is complete
	full     []bool                  // [y-first]: every list is known, so that a country on none is absent
	have     []bool                  // [y-first]: the history holds the year
	// repeats are the placements that follow another of the same country
	// in the same Year, for the one-placement rule: noted while the
	// placements are read for the cells, so that Check reads them once.
	repeats []repeat
}

// A cell is one country in one year.
type cell struct {
	tier   Tier // TierUnknown if not placed
	waived bool // a documented waiver
}

// A repeat is a placement of a country already placed in the Year.
type repeat struct {
	year    tip.ReportYear
	country tip.Country
	before  Tier // the tier of the country's placement before it in the Year
	tier    Tier
}

func newIndex(h *History) *index {
	x := &index{}
	if len(h.Years) == 0 {
		return x
	}
	x.first = h.Years[0].Year
	x.years = int(h.Years[len(h.Years)-1].Year-x.first) + 1
	x.known = make([][SpecialCase + 1]bool, x.years)
	x.full = make([]bool, x.years)
	x.have = make([]bool, x.years)
	// Country is a small dense number: rows indexed by it beat a map. The
	// rows are sized for the country table and the waivers, and grown for
	// a number outside the table, rather than sized by a pass over every
	// placement first.
	n := len(tip.Countries())
	for _, w := range h.Waivers {
		n = max(n, int(w.Country))
	}
	x.grow(n)
	var seen []Tier // for placeRest
	for k := range h.Years {
		yr := &h.Years[k]
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
			seen = x.placeRest(yr, i, j, seen)
		}
	}
	for _, w := range h.Waivers {
		if i := int(w.Year - x.first); i >= 0 && i < x.years {
			x.cells[int(w.Country)*x.years+i].waived = true
		}
	}
	return x
}

// placeFirsts fills slot i of the cells from the year's placements, ps,
// as long as each is its country's first in the year and has a tier, the
// case of every placement of a well-formed history; it returns the index
// of the first that is not, or len(ps). Reading the placements is most of
// the index's cost: this loop does the least per placement.
func (x *index) placeFirsts(ps []Placement, i int) int {
	cells, years, rows := x.cells, x.years, x.rows
	for j := range ps {
		c, t := int(ps[j].Country), ps[j].Tier
		if c == 0 {
			continue // no country
		}
		if c >= rows || t == TierUnknown || cells[c*years+i].tier != TierUnknown {
			return j
		}
		cells[c*years+i].tier = t
	}
	return len(ps)
}

// placeRest goes on from placeFirsts' placement j for every case: a country
// outside the rows grows them, the first placement of a country in the
// year stands, as in At, and every placement that follows another of its
// country in the Year is noted in x.repeats with the tier of the one
// before, for Check's one-placement rule. seen is scratch space.
func (x *index) placeRest(yr *Year, i, j int, seen []Tier) []Tier {
	seen = append(seen[:0], make([]Tier, x.rows)...) // [country]: the tier of its latest placement in the Year
	for _, p := range yr.Placements[:j] {
		seen[p.Country] = p.Tier // placeFirsts' placements: in the rows
	}
	seen[0] = TierUnknown
	for _, p := range yr.Placements[j:] {
		c := int(p.Country)
		if c == 0 {
			continue
		}
		if c >= x.rows {
			x.grow(c)
			seen = append(seen, make([]Tier, x.rows-len(seen))...)
		}
		if p.Tier == TierUnknown {
			x.untiered[c] = true
		}
		if cl := &x.cells[c*x.years+i]; cl.tier == TierUnknown {
			cl.tier = p.Tier
		}
		if before := seen[c]; before != TierUnknown {
			x.repeats = append(x.repeats, repeat{yr.Year, p.Country, before, p.Tier})
		}
		seen[c] = p.Tier
	}
	return seen
}

// grow makes rows for the countries up to n.
func (x *index) grow(n int) {
	if n < x.rows {
		return
	}
	x.cells = append(x.cells, make([]cell, (n+1)*x.years-len(x.cells))...)
	x.untiered = append(x.untiered, make([]bool, n+1-len(x.untiered))...)
	x.rows = n + 1
}

// row returns the country's cells, nil if it has none.
func (x *index) row(c tip.Country) []cell {
	if int(c) < x.rows {
		return x.cells[int(c)*x.years : (int(c)+1)*x.years]
	}
	return nil
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
	if r := x.row(c); r != nil {
		return x.status(r, i)
	}
	if x.full[i] { // a country the history never names
		return TierUnknown, StatusAbsent
	}
	return TierUnknown, StatusUnknown
}

// status is at for the country with row r in slot i, a year the history
// holds.
func (x *index) status(r []cell, i int) (Tier, Status) {
	switch {
	case r[i].tier != TierUnknown:
		return r[i].tier, StatusPlaced
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
	if r := x.row(c); r != nil && r[i].tier != TierUnknown {
		return r[i].tier == t, true
	}
	return false, t <= SpecialCase && x.known[i][t]
}

func (x *index) waivedAt(c tip.Country, y tip.ReportYear) bool {
	i := int(y - x.first)
	r := x.row(c)
	return r != nil && i >= 0 && i < x.years && r[i].waived
}

// countries returns every country placed in some year, in order.
func (x *index) countries() []tip.Country {
	var cs []tip.Country
	for c := 1; c < x.rows; c++ {
		if x.placed(c) {
			cs = append(cs, tip.Country(c))
		}
	}
	return cs
}

// placed reports whether the country is placed in some year.
func (x *index) placed(c int) bool {
	if x.untiered[c] {
		return true
	}
	for _, cl := range x.cells[c*x.years : (c+1)*x.years] {
		if cl.tier != TierUnknown {
			return true
		}
	}
	return false
}

// watchRun counts the consecutive Watch List years ending with y, from
// 2009 on, and whether the run's start is certain (false if it meets a
// year whose Watch List is not known).
func (x *index) watchRun(c tip.Country, y tip.ReportYear) (n int, certain bool) {
	for yy := y; yy >= 2009; yy-- {
		yes, known := x.is(c, yy, Tier2WatchList)
		if !known {
			return n, false
		}
		if !yes {
			return n, true
		}
		n++
	}
	return n, true
}

// A streak is what watchRun returns for one year.
type streak struct {
	n       int
	certain bool
}

// nextRun is watchRun(c, y) from watchRun(c, y-1), before, for the country
// with row r and y in slot i: watchRun's own recurrence, so that a pass
// through the years carries the run forward rather than counting it again
// from its end in every year.
func (x *index) nextRun(before streak, r []cell, i int) streak {
	t := r[i].tier
	if t == Tier2WatchList && x.first+tip.ReportYear(i) >= 2009 {
		return streak{before.n + 1, before.certain}
	}
	// Not a Watch List year the run counts: it starts again, for certain
	// unless the year is one from 2009 whose Watch List is not known (is:
	// not placed, and the list incomplete).
	return streak{0, x.first+tip.ReportYear(i) < 2009 || t != TierUnknown || x.known[i][Tier2WatchList]}
}

// A walk goes through a country's years of the history in order, carrying
// the Watch List run from year to year, and stops at the years a rule of
// Check can concern: a waiver, or a Watch List or Tier 3 year from 2009.
// Going through the other years is most of Check's work, so it is done in
// this small loop rather than in the rules' own.
type walk struct {
	x     *index
	c     tip.Country
	row   []cell
	years []tip.ReportYear // the history's years, in its order
	k     int              // the next of years
	// Where the walk stopped: the year, its slot in the index, and the
	// runs watchRun counts ending with it and with the year before.
	y           tip.ReportYear
	i           int
	run, before streak
}

func (x *index) walk(c tip.Country, years []tip.ReportYear) walk {
	return walk{x: x, c: c, row: x.row(c), years: years, y: x.first - 1, run: streak{0, x.first-1 < 2009}}
}

// next moves to the next year a rule can concern, and reports false when
// there is none.
func (w *walk) next() bool {
	x, row, run, last := w.x, w.row, w.run, w.y
	for k := w.k; k < len(w.years); k++ {
		y := w.years[k]
		i := int(y - x.first) // in the index: newIndex has seen every year
		before := run
		if y != last+1 {
			before.n, before.certain = x.watchRun(w.c, y-1) // a gap, or a history out of order: count it
		}
		run, last = x.nextRun(before, row, i), y
		if cl := row[i]; cl.waived || y >= 2009 && (cl.tier == Tier2WatchList || cl.tier == Tier3) {
			w.k, w.y, w.i, w.run, w.before = k+1, y, i, run, before
			return true
		}
	}
	w.k, w.y, w.run = len(w.years), last, run
	return false
}
