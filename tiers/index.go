package tiers

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/tipkit/tipkit/tip"
)

// An index is a History as the rules read it: a table with a row for
// every country the history places and a column for every report year it
// holds, in year order, each cell the country's tier that year, what the
// history knows of it if it is not placed (History.At's status), and
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
	countries []tip.Country // every country placed, ascending
	// rows holds each country's row, plus one, by the country's number (0:
	// no row). A Country is 16 bits, so it is at most 256 kB, whatever the
	// history; a Go map would cost Check a tenth of its time.
	rows  []int32
	cells []cell // row by row, a cell for each column
}

// A column is one report year of the history.
type column struct {
	year    tip.ReportYear
	entries []*Year               // the History's entries for the year, in its order: one, unless it holds the year twice
	known   [SpecialCase + 1]bool // [tier]: the tier's list is complete
	full    bool                  // every list is known
	what    Completeness          // the entries' Known, Absent and Gaps together, for Covers
	repeats bool                  // some country has two placements in the year
	subject string                // the year as a finding's Subject
}

// A cell is one country in one year.
type cell struct {
	tier   Tier   // of the country's first placement with a tier; TierUnknown if none
	basis  Basis  // of that placement
	placed bool   // the country has a placement, with a tier or not
	status Status // StatusPlaced if tier is known; else what History.At says of a country not placed
	gap    bool   // the country is one of the year's Completeness.Gaps: no source settles its year
	waived bool   // a waiver of the automatic downgrade is documented
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
		c.what = c.entries[0].Completeness // read, never changed: a year held once shares its entry's slices
		for _, yr := range c.entries {
			for _, t := range yr.Completeness.Known {
				if t <= SpecialCase {
					c.known[t] = true
				}
			}
			if yr != c.entries[0] {
				w := &yr.Completeness
				c.what.Known = slices.Concat(c.what.Known, w.Known)
				c.what.Absent = slices.Concat(c.what.Absent, w.Absent)
				c.what.Gaps = slices.Concat(c.what.Gaps, w.Gaps)
			}
		}
		c.full = c.what.Full()
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
	return readIndex(h, rows, func(c tip.Country) bool { return c != 0 }, nil)
}

// newCountryIndex is newIndex with the one row of country c, all that
// Eligible reads, there even if the history never places c.
func newCountryIndex(h *History, c tip.Country) *index {
	return readIndex(h, 1, func(p tip.Country) bool { return p == c && c != 0 }, []tip.Country{c})
}

// readIndex reads the history into a table with the rows of the
// countries keep keeps, about rows of them, and a row for each country
// of also even if it is not placed.
func readIndex(h *History, rows int, keep func(tip.Country) bool, also []tip.Country) *index {
	x := &index{years: yearsOf(h)}
	n := len(x.years)
	x.cells = make([]cell, 0, rows*n)
	for i := range x.years {
		col := &x.years[i]
		for p := range col.placements() {
			if !keep(p.Country) {
				continue
			}
			r, ok := x.row(p.Country)
			if !ok {
				r = x.addRow(p.Country)
			}
			c := &x.cells[r*n+i]
			if c.tier == TierUnknown {
				c.tier, c.basis = p.Tier, p.Basis
			}
			if c.placed {
				col.repeats = true
			}
			c.placed = true
		}
	}
	for _, c := range also {
		if _, ok := x.row(c); !ok {
			x.addRow(c)
		}
	}
	for r, c := range x.countries {
		x.settle(c, x.cells[r*n:(r+1)*n])
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

// addRow adds an empty row for country c and returns it.
func (x *index) addRow(c tip.Country) int {
	r := len(x.countries)
	if int(c) >= len(x.rows) {
		x.rows = append(x.rows, make([]int32, int(c)+1-len(x.rows))...)
	}
	x.rows[c] = int32(r) + 1
	x.countries = append(x.countries, c)
	x.cells = append(x.cells, make([]cell, len(x.years))...)
	return r
}

// settle sets the status of each cell of country c's line, as History.At
// says it: placed if the country has a tier; else unknown for a number
// that is no country, nonexistent in a year the entity did not exist
// (data/entities.txt), absent where a source says it is not in the report
// (Completeness.Covers), unknown otherwise.
func (x *index) settle(c tip.Country, line []cell) {
	for i := range line {
		col := &x.years[i]
		cl := &line[i]
		cl.gap = slices.Contains(col.what.Gaps, c)
		switch {
		case cl.tier != TierUnknown:
			cl.status = StatusPlaced
		case !c.IsValid():
			cl.status = StatusUnknown
		case !existed(c, col.year):
			cl.status = StatusNonexistent
		case col.what.Covers(c):
			cl.status = StatusAbsent
		default:
			cl.status = StatusUnknown
		}
	}
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
	r, ok := x.row(c)
	if !ok {
		return nil
	}
	n := len(x.years)
	return x.cells[r*n : (r+1)*n]
}

// row returns the country's row, and false if it has none.
func (x *index) row(c tip.Country) (int, bool) {
	if int(c) >= len(x.rows) || x.rows[c] == 0 {
		return 0, false
	}
	return int(x.rows[c]) - 1, true
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
// placement; unknown for a nil line (a country the index has no row for).
func (x *index) status(line []cell, i int) (Tier, Status) {
	if line == nil {
		return TierUnknown, StatusUnknown
	}
	return line[i].tier, line[i].status
}

// onWatchList answers "was the country on the Watch List in column i?":
// yes or no where it is placed; no where it is not and a source says it
// is not in the report, or the entity did not exist, or the year's Watch
// List is complete and the country is not one of the year's gaps (whose
// year no source settles: the lists of a research-panel year are complete
// for the countries the panel codes, not for those); unknown (known
// false) otherwise, and for a nil line.
func (x *index) onWatchList(line []cell, i int) (yes, known bool) {
	if line == nil {
		return false, false
	}
	switch c := line[i]; c.status {
	case StatusPlaced:
		return c.tier == Tier2WatchList, true
	case StatusAbsent, StatusNonexistent:
		return false, true
	}
	return false, x.years[i].known[Tier2WatchList] && !line[i].gap
}

// runYears returns the report years a finding about a run of n Watch List
// years ending with report year end reads: the n years, and the year
// before them if the country's placement there ended the run (a year from
// from on, where the country is placed: had it been on the Watch List,
// the run would be longer).
func (x *index) runYears(line []cell, end, from tip.ReportYear, n int) []tip.ReportYear {
	years := make([]tip.ReportYear, 0, n+1)
	if i, ok := x.column(end - tip.ReportYear(n)); ok && x.years[i].year >= from && line[i].status == StatusPlaced {
		years = append(years, x.years[i].year)
	}
	for k := n - 1; k >= 0; k-- { // counted, not compared: end may be the last ReportYear there is
		years = append(years, end-tip.ReportYear(k))
	}
	return years
}

// basisNote says which of the country's placements in the years a
// finding reads were inferred rather than read (Basis.Inferred): " (rests
// on the derived 2022 Tier 2 row)"; "" if none was.
func (x *index) basisNote(line []cell, years ...tip.ReportYear) string {
	var rows []string
	for _, y := range years {
		if i, ok := x.column(y); ok && line[i].status == StatusPlaced && line[i].basis.Inferred() {
			rows = append(rows, inferredRow(y, line[i].tier, line[i].basis))
		}
	}
	return restsOn(rows)
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
