package tiers

import (
	"slices"

	"github.com/tipkit/tipkit/tip"
)

// What the rules make of one country in one report year, each answer with
// whether it is known: the Watch List run as the downgrade rule counts it,
// the special watch list, the Tier 3 restrictions. They read the history
// as Check and Eligible do, and answer for the country alone: a table of
// country × year builds each of its cells from them.

// WatchListRun is DefaultRules().WatchListRun(h, c, y).
func WatchListRun(h *History, c tip.Country, y tip.ReportYear) (n int, ok bool) {
	return DefaultRules().WatchListRun(h, c, y)
}

// WatchListRun returns the country's consecutive Tier 2 Watch List years
// ending with report year y (0 if it is not on the Watch List in y), as
// the rule of rs in force in y that counts them (the first of KindDowngrade
// or KindWaiver, as Eligible takes it) counts: from its CountFrom (under
// DefaultRules, the first report after December 23, 2008). A waived year
// counts.
//
// ok is false where no such rule is in force in y (the statute counted no
// Watch List years before that report), and where the count stops at a
// year the history lacks or whose Watch List it does not know for the
// country, so that the run may be longer: n is then the years counted, a
// lower bound.
func (rs Rules) WatchListRun(h *History, c tip.Country, y tip.ReportYear) (n int, ok bool) {
	i := slices.IndexFunc(rs, func(r Rule) bool {
		return (r.Kind == KindDowngrade || r.Kind == KindWaiver) && r.InForce(y)
	})
	if i < 0 {
		return 0, false
	}
	x := newCountryIndex(h, c)
	return x.watchRun(x.line(c), y, rs[i].CountFrom)
}

// OnSpecialWatchList is DefaultRules().OnSpecialWatchList(h, c, y).
func OnSpecialWatchList(h *History, c tip.Country, y tip.ReportYear) (on, known bool) {
	return DefaultRules().OnSpecialWatchList(h, c, y)
}

// OnSpecialWatchList reports whether country c is on the special watch
// list of report year y as SpecialWatchList computes it, and whether that
// is known. It is not known where no rule of rs about the list is in force
// in y (the list dates from the 2004 report), where the history lacks y
// or does not know whether the country is in y's report, and where the
// country is placed in y on a tier an upgrade would put on the list (Tier
// 1, Tier 2) while its placement in y-1 is unknown.
func (rs Rules) OnSpecialWatchList(h *History, c tip.Country, y tip.ReportYear) (on, known bool) {
	if !rs.has(KindSpecialWatchList, y) {
		return false, false
	}
	x := newCountryIndex(h, c)
	i, ok := x.column(y)
	if !ok {
		return false, false
	}
	if slices.Contains(specialWatchList(x.years, i), c) {
		return true, true
	}
	line := x.line(c)
	if _, st := x.status(line, i); st != StatusPlaced {
		_, known := st.InReport()
		return false, known
	}
	if i > 0 && x.years[i-1].year == y-1 {
		if _, st := x.status(line, i-1); st != StatusUnknown {
			return false, true // both years are known: the computed list is the list
		}
	}
	// The year before is unknown: would some placement then have put the
	// country on the list as an upgrade?
	for p := range x.years[i].placements() {
		for _, prev := range []Tier{Tier1, Tier2, Tier2WatchList, Tier3, SpecialCase} {
			if p.Country == c && specialWatch(p.Tier, prev, true) {
				return false, false
			}
		}
	}
	return false, true
}

// IsRestricted is DefaultRules().IsRestricted(h, c, fy).
func IsRestricted(h *History, c tip.Country, fy tip.FiscalYear) (restricted, known bool) {
	return DefaultRules().IsRestricted(h, c, fy)
}

// IsRestricted reports whether country c is among Restricted(h, fy), the
// countries whose governments face the TVPA's Tier 3 assistance
// restrictions in fiscal year fy unless waived: on Tier 3 in the report of
// year fy-1 (the restrictions apply in the fiscal year that starts on
// October 1 of the report year). It is known wherever the history knows
// the country's year: where it is placed on another tier, absent, or did
// not exist, the answer is false, even in a year whose Tier 3 list is not
// complete (a country has one placement a year). Where no rule of rs about
// the restrictions is in force in that report year, no country is
// restricted.
func (rs Rules) IsRestricted(h *History, c tip.Country, fy tip.FiscalYear) (restricted, known bool) {
	y := fy.ReportYear()
	if !rs.has(KindRestrictions, y) {
		return false, true
	}
	x := newCountryIndex(h, c)
	i, ok := x.column(y)
	if !ok {
		return false, false
	}
	for p := range x.years[i].placements() {
		if p.Country == c && c != 0 && p.Tier == Tier3 {
			return true, true
		}
	}
	_, st := x.status(x.line(c), i)
	_, known = st.InReport()
	return false, known
}
