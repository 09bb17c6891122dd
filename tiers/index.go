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
	cells  []cell                  // [country*years + y-first]
	placed []bool                  // [country]: placed in some year
	known  [][SpecialCase + 1]bool // [y-first][tier]: the tier's list is complete
	have   []bool                  // [y-first]: the history holds the year
}

// A cell is one country in one year.
type cell struct {
	tier   Tier // TierUnknown if not placed
	waived bool // a documented waiver
}

func newIndex(h *History) *index {
	x := &index{}
	if len(h.Years) == 0 {
		return x
	}
	// Country is a small dense number: rows indexed by it beat a map.
	n := 0
	for _, yr := range h.Years {
		for _, p := range yr.Placements {
			n = max(n, int(p.Country))
		}
	}
	for _, w := range h.Waivers {
		n = max(n, int(w.Country))
	}
	x.first = h.Years[0].Year
	x.years = int(h.Years[len(h.Years)-1].Year-x.first) + 1
	x.cells = make([]cell, (n+1)*x.years)
	x.placed = make([]bool, n+1)
	x.known = make([][SpecialCase + 1]bool, x.years)
	x.have = make([]bool, x.years)
	for _, yr := range h.Years {
		i := int(yr.Year - x.first)
		x.have[i] = true
		for _, t := range yr.Completeness.Known {
			if t <= SpecialCase {
				x.known[i][t] = true
			}
		}
		for _, p := range yr.Placements {
			if p.Country == 0 {
				continue
			}
			x.placed[p.Country] = true
			if c := &x.cells[int(p.Country)*x.years+i]; c.tier == TierUnknown { // the first placement stands, as in At
				c.tier = p.Tier
			}
		}
	}
	for _, w := range h.Waivers {
		if i := int(w.Year - x.first); i >= 0 && i < x.years {
			x.cells[int(w.Country)*x.years+i].waived = true
		}
	}
	return x
}

// row returns the country's cells, nil if it has none.
func (x *index) row(c tip.Country) []cell {
	if int(c) < len(x.placed) {
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
	if r := x.row(c); r != nil && r[i].tier != TierUnknown {
		return r[i].tier, StatusPlaced
	}
	k := x.known[i]
	if k[Tier1] && k[Tier2] && k[Tier2WatchList] && k[Tier3] && k[SpecialCase] {
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
	for c, ok := range x.placed {
		if ok {
			cs = append(cs, tip.Country(c))
		}
	}
	return cs
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

// streaks fills s with watchRun(c, y) for every year from the one before
// the history's first to its last: s[y-first+1]. It carries the run
// forward a year at a time, where calling watchRun for each year would
// count every run again from its end.
func (x *index) streaks(c tip.Country, s []streak) []streak {
	s = append(s[:0], streak{0, x.first-1 < 2009}) // before the history: nothing known from 2009 on
	for i := range x.years {
		prev := s[len(s)-1]
		switch yes, known := x.is(c, x.first+tip.ReportYear(i), Tier2WatchList); {
		case x.first+tip.ReportYear(i) < 2009:
			s = append(s, streak{0, true}) // the run counts from 2009
		case !known:
			s = append(s, streak{0, false})
		case !yes:
			s = append(s, streak{0, true})
		default:
			s = append(s, streak{prev.n + 1, prev.certain})
		}
	}
	return s
}

// streakAt is watchRun(c, y) read from s, which streaks filled for c.
func (x *index) streakAt(s []streak, c tip.Country, y tip.ReportYear) (n int, certain bool) {
	if k := int(y-x.first) + 1; k >= 0 && k < len(s) {
		return s[k].n, s[k].certain
	}
	return x.watchRun(c, y) // a year outside the history, as only an unsorted one holds
}
