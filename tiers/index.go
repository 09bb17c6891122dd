package tiers

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/tipkit/tipkit/tip"
)

// An index is a History as the rules read it: a table with a row for
// every country the history places and a column for every report year it
// holds, in year order, each cell the country's tier that year and
// whether a waiver is documented. It lives outside History so that
// History stays a plain value that cmp.Diff compares with no options.
//
// The history need not be well formed: its years are read in year order
// whatever order it holds them in, and a year it holds twice is one
// column, whose placements are those of both entries, the first of a
// country standing. The table costs one cell per country and year held,
// never more for a wide span of years or a large country number.
type index struct {
	years     []column
	countries []tip.Country       // every country placed, ascending
	rows      map[tip.Country]int // a country's row
	cells     []cell              // row by row, a cell for each column
}

// A column is one report year of the history.
type column struct {
	year    tip.ReportYear
	entries []*Year               // the History's entries for the year, in its order: one, unless it holds the year twice
	known   [SpecialCase + 1]bool // [tier]: the tier's list is complete
	full    bool                  // every list is known, so that a country on none is absent
	repeats bool                  // some country has two placements in the year
	subject string                // the year as a finding's Subject
}

// A cell is one country in one year.
type cell struct {
	tier   Tier // of the country's first placement with a tier; TierUnknown if none
	placed bool // the country has a placement, with a tier or not
	waived bool // a waiver of the automatic downgrade is documented
}

// yearsOf returns the history's years as columns, in year order, without
// the table.
func yearsOf(h *History) []column {
	if h == nil || len(h.Years) == 0 {
		return nil
	}
	entries := make([]*Year, len(h.Years))
	for i := range h.Years {
		entries[i] = &h.Years[i]
	}
	slices.SortStableFunc(entries, func(a, b *Year) int { return cmp.Compare(a.Year, b.Year) })
	var cols []column
	for i := 0; i < len(entries); {
		j := i + 1
		for j < len(entries) && entries[j].Year == entries[i].Year {
			j++
		}
		c := column{year: entries[i].Year, entries: entries[i:j:j], subject: strconv.Itoa(int(entries[i].Year))}
		for _, yr := range c.entries {
			for _, t := range yr.Completeness.Known {
				if t <= SpecialCase {
					c.known[t] = true
				}
			}
		}
		c.full = c.known[Tier1] && c.known[Tier2] && c.known[Tier2WatchList] && c.known[Tier3] && c.known[SpecialCase]
		cols = append(cols, c)
		i = j
	}
	return cols
}

// newIndex reads the history into the table.
func newIndex(h *History) *index {
	rows := 0 // the placements of the fullest year: about as many as the countries
	if h != nil {
		for _, yr := range h.Years {
			rows = max(rows, len(yr.Placements))
		}
	}
	return readIndex(h, rows, func(c tip.Country) bool { return c != 0 })
}

// newCountryIndex is newIndex with the one row of country c, all that
// Eligible reads.
func newCountryIndex(h *History, c tip.Country) *index {
	return readIndex(h, 1, func(p tip.Country) bool { return p == c && c != 0 })
}

// readIndex reads the history into a table with the rows of the
// countries keep keeps, about rows of them.
func readIndex(h *History, rows int, keep func(tip.Country) bool) *index {
	x := &index{years: yearsOf(h), rows: make(map[tip.Country]int, rows)}
	n := len(x.years)
	x.cells = make([]cell, 0, rows*n)
	for i := range x.years {
		col := &x.years[i]
		for p := range col.placements() {
			if !keep(p.Country) {
				continue
			}
			r, ok := x.rows[p.Country]
			if !ok {
				r = len(x.countries)
				x.rows[p.Country] = r
				x.countries = append(x.countries, p.Country)
				x.cells = append(x.cells, make([]cell, n)...)
			}
			c := &x.cells[r*n+i]
			if c.tier == TierUnknown {
				c.tier = p.Tier
			}
			if c.placed {
				col.repeats = true
			}
			c.placed = true
		}
	}
	slices.Sort(x.countries) // the rows stay in the order the countries came
	if h != nil {
		for _, w := range h.Waivers {
			line := x.line(w.Country)
			if i, ok := x.column(w.Year); line != nil && ok {
				line[i].waived = true
			}
		}
	}
	return x
}

// placements yields the year's placements, those of every entry in turn.
func (c *column) placements() func(yield func(*Placement) bool) {
	return func(yield func(*Placement) bool) {
		for _, yr := range c.entries {
			for i := range yr.Placements {
				if !yield(&yr.Placements[i]) {
					return
				}
			}
		}
	}
}

// line returns the country's row, a cell for each column; nil if the
// history never places it.
func (x *index) line(c tip.Country) []cell {
	r, ok := x.rows[c]
	if !ok {
		return nil
	}
	n := len(x.years)
	return x.cells[r*n : (r+1)*n]
}

// column returns the column of report year y, and false if the history
// does not hold y.
func (x *index) column(y tip.ReportYear) (int, bool) {
	// The years are most often consecutive: y's place in such a run is
	// the first guess, and a search finds it when they are not.
	if len(x.years) > 0 {
		if i := int(y - x.years[0].year); i >= 0 && i < len(x.years) && x.years[i].year == y {
			return i, true
		}
	}
	return find(x.years, y)
}

// find returns the column of report year y among years, and false if
// they do not hold y.
func find(years []column, y tip.ReportYear) (int, bool) {
	return slices.BinarySearchFunc(years, y, func(c column, y tip.ReportYear) int { return cmp.Compare(c.year, y) })
}

// status is History.At for a country's line in column i, without the
// placement.
func (x *index) status(line []cell, i int) (Tier, Status) {
	switch {
	case line != nil && line[i].tier != TierUnknown:
		return line[i].tier, StatusPlaced
	case x.years[i].full:
		return TierUnknown, StatusAbsent
	}
	return TierUnknown, StatusUnknown
}

// onWatchList answers "was the country on the Watch List in column i?":
// yes, no, or unknown (known false) when it is not placed and the year's
// Watch List is not complete.
func (x *index) onWatchList(line []cell, i int) (yes, known bool) {
	if line != nil && line[i].tier != TierUnknown {
		return line[i].tier == Tier2WatchList, true
	}
	return false, x.years[i].known[Tier2WatchList]
}

// watchRun counts the country's consecutive Watch List years that end
// with report year y and start no earlier than from, and reports whether
// the count is certain: false if it stops at a year the history lacks or
// whose Watch List it does not fully know.
func (x *index) watchRun(line []cell, y, from tip.ReportYear) (n int, certain bool) {
	i, held := x.column(y)
	for ; y >= from; y-- {
		if !held {
			return n, false
		}
		yes, known := x.onWatchList(line, i)
		if !known {
			return n, false
		}
		if !yes {
			return n, true
		}
		n++
		i, held = i-1, i > 0 && x.years[i-1].year == y-1
	}
	return n, true
}
