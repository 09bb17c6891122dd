package tiers

import "github.com/tipkit/tipkit/tip"

// index is a dense view of a History for the rules, built once per Check
// or Eligible: a country's tier in a year is an array lookup rather than a
// scan of the year's placements. It lives outside History so that History
// stays a plain value that cmp.Diff compares with no options.
type index struct {
	first  tip.ReportYear // the history's first year
	years  int
	placed [][]Tier // [country][y-first]: the tier, or TierUnknown if not placed; nil row: never placed
	waived [][]bool // [country][y-first]: a documented waiver
	known  [][SpecialCase + 1]bool
	have   []bool // [y-first]: the history holds the year
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
	x.placed = make([][]Tier, n+1)
	x.waived = make([][]bool, n+1)
	x.first = h.Years[0].Year
	x.years = int(h.Years[len(h.Years)-1].Year-x.first) + 1
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
			row := x.placed[p.Country]
			if row == nil {
				row = make([]Tier, x.years)
				x.placed[p.Country] = row
			}
			if row[i] == TierUnknown { // the first placement stands, as in At
				row[i] = p.Tier
			}
		}
	}
	for _, w := range h.Waivers {
		if i := int(w.Year - x.first); i >= 0 && i < x.years {
			row := x.waived[w.Country]
			if row == nil {
				row = make([]bool, x.years)
				x.waived[w.Country] = row
			}
			row[i] = true
		}
	}
	return x
}

func (x *index) row(c tip.Country) []Tier {
	if int(c) < len(x.placed) {
		return x.placed[c]
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
	if t := x.row(c); t != nil && t[i] != TierUnknown {
		return t[i], StatusPlaced
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
	if row := x.row(c); row != nil && row[i] != TierUnknown {
		return row[i] == t, true
	}
	return false, t <= SpecialCase && x.known[i][t]
}

func (x *index) waivedAt(c tip.Country, y tip.ReportYear) bool {
	i := int(y - x.first)
	if int(c) >= len(x.waived) {
		return false
	}
	row := x.waived[c]
	return row != nil && i >= 0 && i < x.years && row[i]
}

// countries returns every country placed in some year, in order.
func (x *index) countries() []tip.Country {
	var cs []tip.Country
	for c, row := range x.placed {
		if row != nil {
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
