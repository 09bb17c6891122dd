package tiers

// The rules as they were before Check was made fast (commit 7d68d5d),
// kept verbatim but for the names so that the tests can compare the rules
// engine with them on the embedded history and on random ones: an
// independent oracle, written with the rules as literals, for the engine
// that reads them from DefaultRules. Changes since, each on purpose:
//   - the special watch list's findings come in year order, no longer in
//     the map's, and its published sizes are an argument;
//   - a Tier 3 year after a Watch List run is "the maximum of waivers"
//     by the waivers the rule in force in that year allows, no longer by
//     those of the year before: in the first year of the 2019 amendment,
//     a country with three Watch List years had used the one waiver it
//     then allowed, and Eligible said so while Check called its Tier 3
//     "a downgrade on the merits" (no finding of the embedded history
//     changed);
//   - the rules' citations, waivers and years are literals here (refCite,
//     refMaxWaivers, refWaiverRule), as they were in the rules before.

import (
	"fmt"
	"maps"
	"slices"

	"github.com/tipkit/tipkit/tip"
)

// refIndex is the index as it was: a dense view of a History for the rules, built once per Check
// or Eligible: a country's tier in a year is an array lookup rather than a
// scan of the year's placements. It lives outside History so that History
// stays a plain value that cmp.Diff compares with no options.
type refIndex struct {
	first  tip.ReportYear // the history's first year
	years  int
	placed [][]Tier // [country][y-first]: the tier, or TierUnknown if not placed; nil row: never placed
	waived [][]bool // [country][y-first]: a documented waiver
	known  [][SpecialCase + 1]bool
	have   []bool // [y-first]: the history holds the year
}

func newRefIndex(h *History) *refIndex {
	x := &refIndex{}
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

func (x *refIndex) row(c tip.Country) []Tier {
	if int(c) < len(x.placed) {
		return x.placed[c]
	}
	return nil
}

func (x *refIndex) slot(y tip.ReportYear) (int, bool) {
	i := int(y - x.first)
	return i, i >= 0 && i < x.years && x.have[i]
}

// at is History.At without the placement.
func (x *refIndex) at(c tip.Country, y tip.ReportYear) (Tier, Status) {
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
func (x *refIndex) is(c tip.Country, y tip.ReportYear, t Tier) (yes, known bool) {
	i, ok := x.slot(y)
	if !ok {
		return false, false
	}
	if row := x.row(c); row != nil && row[i] != TierUnknown {
		return row[i] == t, true
	}
	return false, t <= SpecialCase && x.known[i][t]
}

func (x *refIndex) waivedAt(c tip.Country, y tip.ReportYear) bool {
	i := int(y - x.first)
	if int(c) >= len(x.waived) {
		return false
	}
	row := x.waived[c]
	return row != nil && i >= 0 && i < x.years && row[i]
}

// countries returns every country placed in some year, in order.
func (x *refIndex) countries() []tip.Country {
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
func (x *refIndex) watchRun(c tip.Country, y tip.ReportYear) (n int, certain bool) {
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

// refCheck is Check as it was: it applies every rule to every year of the history and returns a
// finding for each violation, each documented or implied waiver that needs
// a word, and each question the data cannot settle. Rules do not fire on
// unknowns: a year whose Watch List is not known breaks a run rather than
// extending it, and the finding says so where it matters.
func refCheck(h *History, published map[tip.ReportYear]int) []tip.Finding {
	var fs []tip.Finding
	add := func(rule RuleID, sev tip.Severity, c tip.Country, y tip.ReportYear, format string, args ...any) {
		fs = append(fs, tip.Finding{Rule: string(rule), Severity: sev, Country: c, Subject: fmt.Sprint(int(y)),
			Message: fmt.Sprintf("%d: %s: ", y, c.Name()) + fmt.Sprintf(format, args...), Citation: refCite[rule]})
	}
	x := newRefIndex(h)
	cs := x.countries()

	for _, c := range cs {
		// For (F): the downgrade to Tier 3 that followed a waiver, and that waiver.
		var waivedThenDown, waiverOfDown, lastWaiver tip.ReportYear
		for _, yr := range h.Years {
			y := yr.Year
			tier, st := x.at(c, y)
			waived := x.waivedAt(c, y)
			if waived {
				lastWaiver = y
			}
			if y < 2009 {
				continue
			}
			run, certain := x.watchRun(c, y)
			prev, _ := x.watchRun(c, y-1)
			switch {
			case st == StatusPlaced && tier == Tier2WatchList && run >= 3:
				max := 2 + refMaxWaivers(y)
				switch {
				case run > max:
					add(RuleAutoDowngrade, tip.Error, c, y, "%s consecutive year on the Tier 2 Watch List; the rule in force allows %d (two years, then %d waived)", refOrdinal(run), max, refMaxWaivers(y))
				case waived:
					// A documented waiver where the rule needs one: as it should be.
				default:
					add(refWaiverRule(y), tip.Warning, c, y, "%s consecutive year on the Tier 2 Watch List with no documented waiver: the rule implies one (memo not found)", refOrdinal(run))
				}
			case st == StatusPlaced && tier == Tier3 && prev >= 2:
				if prev >= 2+refMaxWaivers(y) {
					add(RuleAutoDowngrade, tip.Info, c, y, "on Tier 3 after %d Watch List years (%d–%d) and the maximum of waivers: the automatic downgrade", prev, y-tip.ReportYear(prev), y-1)
				} else {
					add(RuleAutoDowngrade, tip.Info, c, y, "on Tier 3 after %d Watch List years (%d–%d): the automatic downgrade, or a downgrade on the merits", prev, y-tip.ReportYear(prev), y-1)
				}
			}
			if waived && !(st == StatusPlaced && tier == Tier2WatchList && run >= 3 && run <= 2+refMaxWaivers(y)) {
				switch {
				case st == StatusPlaced && tier != Tier2WatchList:
					add(refWaiverRule(y), tip.Error, c, y, "a waiver is documented but the country is on %s", tier)
				case !certain || st != StatusPlaced:
					add(refWaiverRule(y), tip.Info, c, y, "a waiver is documented; the years before are not all known, so it cannot be checked (%d known Watch List years)", run)
				default:
					add(refWaiverRule(y), tip.Warning, c, y, "a waiver is documented in the %s consecutive Watch List year; the rule in force waives the 3rd%s", refOrdinal(run), map[bool]string{true: " and 4th", false: " only"}[refMaxWaivers(y) == 2])
				}
			}
			// (F): after a waiver and a later downgrade, one Watch List year
			// at most. Reported once, in the second such year.
			if lastWaiver != 0 && st == StatusPlaced && tier == Tier3 && y > lastWaiver && (waivedThenDown == 0 || waiverOfDown != lastWaiver) {
				waivedThenDown, waiverOfDown = y, lastWaiver
			}
			if waivedThenDown != 0 && y > waivedThenDown+1 && st == StatusPlaced && tier == Tier2WatchList && !waived {
				if yes, known := x.is(c, y-1, Tier2WatchList); yes && known {
					if yes2, _ := x.is(c, y-2, Tier2WatchList); !yes2 || y-2 <= waivedThenDown {
						add(RulePostWaiver, tip.Warning, c, y, "2nd consecutive Watch List year (%d–%d) after a waiver (%d) and a downgrade to Tier 3 (%d); the (F) text of 2023 allows 1. Open question: whether (F) limits only the years right after the downgrade",
							y-1, y, waiverOfDown, waivedThenDown)
					}
				}
			}
		}
	}
	for _, y := range slices.Sorted(maps.Keys(published)) {
		n := published[y]
		if got := refSpecialWatchList(h, y); len(got) != n && h.Year(y) != nil {
			note := ""
			if prev := h.Year(y - 1); prev == nil || !prev.Completeness.Full() {
				note = fmt.Sprintf("; the %d lists are not all known, so upgrades to Tier 1 cannot all be seen", y-1)
			}
			fs = append(fs, tip.Finding{Rule: string(RuleSpecialWatch), Severity: tip.Info, Subject: fmt.Sprint(int(y)),
				Message: fmt.Sprintf("%d: the special watch list computed from the history has %d countries, the State Department published %d%s", y, len(got), n, note), Citation: refCite[RuleSpecialWatch]})
		}
	}
	// The policy-or-pattern rule and the one-placement rule, per year.
	seen := make([]Tier, len(x.placed)) // [country]: the tier of its first placement this year
	for _, yr := range h.Years {
		if yr.Year >= 2019 { // the policy-or-pattern rule's first year
			for _, c := range yr.StateSponsored {
				if t, st := x.at(c, yr.Year); st == StatusPlaced && t != Tier3 {
					add(RulePolicyPattern, tip.Error, c, yr.Year, "a documented policy or pattern of trafficking, but placed on %s", t)
				}
			}
		}
		clear(seen)
		for _, p := range yr.Placements {
			if p.Country == 0 {
				continue
			}
			if int(p.Country) >= len(seen) {
				seen = append(seen, make([]Tier, int(p.Country)+1-len(seen))...)
			}
			if t := seen[p.Country]; t != TierUnknown {
				add(RuleOnePlacement, tip.Error, p.Country, yr.Year, "placed on %s and on %s", t, p.Tier)
			}
			seen[p.Country] = p.Tier
		}
	}
	tip.SortFindings(fs)
	return fs
}

// refSpecialWatchList is SpecialWatchList as it was: it returns the special watch list of report year y
// (22 U.S.C. 7107(b)(2)(A)): countries upgraded to Tier 1 from Tier 2,
// upgraded from Tier 3 to Tier 2 or the Watch List, and every Watch List
// country, sorted. It needs years y-1 and y; a country whose previous
// placement is unknown counts only if it is on the Watch List.
func refSpecialWatchList(h *History, y tip.ReportYear) []tip.Country {
	yr := h.Year(y)
	if yr == nil {
		return nil
	}
	var out []tip.Country
	for _, p := range yr.Placements {
		if p.Country == 0 {
			continue
		}
		prev, st := h.At(p.Country, y-1)
		switch {
		case p.Tier == Tier2WatchList:
		case st == StatusPlaced && p.Tier == Tier1 && prev.Tier == Tier2:
		case st == StatusPlaced && p.Tier == Tier2 && prev.Tier == Tier3:
		default:
			continue
		}
		if !slices.Contains(out, p.Country) {
			out = append(out, p.Country)
		}
	}
	slices.Sort(out)
	return out
}

// refCite is the citations of the rules as they were.
var refCite = map[RuleID]string{
	RuleAutoDowngrade:  "22 U.S.C. 7107(b)(2)(D)(i)",
	RuleWaiverTwoYears: "22 U.S.C. 7107(b)(2)(D)(ii) (before P.L. 115-427)",
	RuleWaiverOnce:     "22 U.S.C. 7107(b)(2)(D)(ii), as amended by P.L. 115-427",
	RulePostWaiver:     "22 U.S.C. 7107(b)(2)(F)",
	RulePolicyPattern:  "22 U.S.C. 7107(b)(3)(B)",
	RuleSpecialWatch:   "22 U.S.C. 7107(b)(2)(A)",
	RuleOnePlacement:   "22 U.S.C. 7107(b)(1)",
}

// refMaxWaivers is how many consecutive years the downgrade could be
// waived for a third Watch List year in report year y.
func refMaxWaivers(y tip.ReportYear) int {
	if y <= 2018 {
		return 2
	}
	return 1
}

func refWaiverRule(y tip.ReportYear) RuleID {
	if y <= 2018 {
		return RuleWaiverTwoYears
	}
	return RuleWaiverOnce
}

// refOrdinal is "1st", "2nd", "3rd", "4th"…
func refOrdinal(n int) string {
	switch n {
	case 1:
		return "1st"
	case 2:
		return "2nd"
	case 3:
		return "3rd"
	}
	return fmt.Sprint(n) + "th"
}
