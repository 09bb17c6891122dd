package tiers

import (
	"slices"

	"github.com/tipkit/tipkit/tip"
)

// SpecialWatchList is DefaultRules().SpecialWatchList(h, y).
func SpecialWatchList(h *History, y tip.ReportYear) []tip.Country {
	return DefaultRules().SpecialWatchList(h, y)
}

// SpecialWatchList returns the special watch list of report year y
// (22 U.S.C. 7107(b)(2)(A)), sorted: countries upgraded to Tier 1 from
// Tier 2, upgraded from Tier 3 to Tier 2, and every Watch List country.
// It needs years y-1 and y; a country whose placement in y-1 is unknown
// counts only if it is on the Watch List. A country on the list as an
// upgrade rests on its placement of y-1 too: where that is inferred
// (Basis.Inferred; 2022's Tier 1 and Tier 2 are derived), so is its place
// on the list, and Check's finding on the list's size counts such
// members. It returns nil if no rule of rs about the special watch list
// is in force in y, or the history lacks y.
func (rs Rules) SpecialWatchList(h *History, y tip.ReportYear) []tip.Country {
	if !rs.has(KindSpecialWatchList, y) {
		return nil
	}
	years := yearsOf(h)
	i, ok := find(years, y)
	if !ok {
		return nil
	}
	return specialWatchList(years, i)
}

// specialWatchList is the special watch list of the year of column i. The
// year before is read as History.At reads it: a country's first
// placement there, if the country is in tip's table.
func specialWatchList(years []column, i int) []tip.Country {
	before := make(map[tip.Country]Tier)
	if i > 0 && years[i-1].year == years[i].year-1 {
		for p := range years[i-1].placements() {
			if _, seen := before[p.Country]; !seen && p.Country.IsValid() {
				before[p.Country] = p.Tier
			}
		}
	}
	var out []tip.Country
	for p := range years[i].placements() {
		prev, placed := before[p.Country]
		if p.Country != 0 && specialWatch(p.Tier, prev, placed) {
			out = append(out, p.Country)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// specialWatch reports whether a placement on tier t puts a country on
// the special watch list, given its tier the year before (placed is
// false if it had none).
func specialWatch(t, prev Tier, placed bool) bool {
	switch {
	case t == Tier2WatchList: // (iii)
		return true
	case placed && t == Tier1 && prev == Tier2: // (i)
		return true
	case placed && t == Tier2 && prev == Tier3: // (ii)
		return true
	}
	return false
}

// inferredMembers returns the members of the special watch list of the
// year of column i that rest on an inferred placement (Basis.Inferred):
// one of the country's placements in the year is inferred, or it is on the
// list as an upgrade (no Watch List placement in the year) and one of its
// placements in the year before is.
func inferredMembers(years []column, i int, members []tip.Country) []tip.Country {
	inferred := map[tip.Country]bool{} // the year's
	watch := map[tip.Country]bool{}
	for p := range years[i].placements() {
		inferred[p.Country] = inferred[p.Country] || p.Basis.Inferred()
		watch[p.Country] = watch[p.Country] || p.Tier == Tier2WatchList
	}
	before := map[tip.Country]bool{}
	if i > 0 && years[i-1].year == years[i].year-1 {
		for p := range years[i-1].placements() {
			before[p.Country] = before[p.Country] || p.Basis.Inferred()
		}
	}
	var out []tip.Country
	for _, c := range members {
		if inferred[c] || !watch[c] && before[c] {
			out = append(out, c)
		}
	}
	return out
}

// Restricted is DefaultRules().Restricted(h, fy).
func Restricted(h *History, fy tip.FiscalYear) []tip.Country {
	return DefaultRules().Restricted(h, fy)
}

// Restricted returns the countries on Tier 3 in the report whose
// restrictions apply in fiscal year fy (the report of the year before,
// tip.ReportYear.RestrictionYear), sorted: those whose governments face
// the TVPA's assistance restrictions in fy unless waived. It returns nil
// when the history does not know that year's Tier 3 list, or no rule of
// rs about the restrictions is in force in that report year.
func (rs Rules) Restricted(h *History, fy tip.FiscalYear) []tip.Country {
	y := fy.ReportYear()
	if !rs.has(KindRestrictions, y) {
		return nil
	}
	years := yearsOf(h)
	i, ok := find(years, y)
	if !ok || !years[i].known[Tier3] {
		return nil
	}
	var out []tip.Country
	for p := range years[i].placements() {
		if p.Tier == Tier3 && p.Country != 0 {
			out = append(out, p.Country)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
