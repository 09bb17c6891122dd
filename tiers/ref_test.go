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
//     refMaxWaivers, refWaiverRule), as they were in the rules before;
//   - with the fills (issue 15), a country not placed in a year is
//     nonexistent there if the entity did not exist (data/entities.txt),
//     absent only where Completeness.Covers says a source states it, and
//     on no list known only where it is absent or nonexistent, or the
//     list is complete and the country is not one of the year's Gaps (a
//     research-panel year's lists are complete for the countries the
//     panel codes, not for those). Before, a full year made every
//     country not placed absent and off every list. On the embedded
//     history this changes no finding, only how certain Eligible's
//     Watch List runs are next to a gap or a year an entity did not exist;
//   - a finding that rests on an inferred placement (Basis.Inferred:
//     implied or derived) says so at the end of its message, naming the
//     rows: those of the years it names, and the placement that ended a
//     run of Watch List years (refRunYears); the special watch list's
//     finding counts the members that rest on one (refInferredMembers).

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/tipkit/tipkit/tip"
)

// refIndex is the index as it was: a dense view of a History for the rules, built once per Check
// or Eligible: a country's tier in a year is an array lookup rather than a
// scan of the year's placements. It lives outside History so that History
// stays a plain value that cmp.Diff compares with no options.
type refIndex struct {
	first  tip.ReportYear // the history's first year
	years  int
	placed [][]Tier  // [country][y-first]: the tier, or TierUnknown if not placed; nil row: never placed
	basis  [][]Basis // [country][y-first]: the basis of that placement
	waived [][]bool  // [country][y-first]: a documented waiver
	known  [][SpecialCase + 1]bool
	have   []bool         // [y-first]: the history holds the year
	what   []Completeness // [y-first]: the year's, for Covers and Gaps
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
	x.basis = make([][]Basis, n+1)
	x.waived = make([][]bool, n+1)
	x.first = h.Years[0].Year
	x.years = int(h.Years[len(h.Years)-1].Year-x.first) + 1
	x.known = make([][SpecialCase + 1]bool, x.years)
	x.have = make([]bool, x.years)
	x.what = make([]Completeness, x.years)
	for _, yr := range h.Years {
		i := int(yr.Year - x.first)
		x.have[i] = true
		x.what[i] = yr.Completeness
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
				x.basis[p.Country] = make([]Basis, x.years)
			}
			if row[i] == TierUnknown { // the first placement stands, as in At
				row[i] = p.Tier
				x.basis[p.Country][i] = p.Basis
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

// at is History.At without the placement (the placement with a tier
// standing, as the rules read it).
func (x *refIndex) at(c tip.Country, y tip.ReportYear) (Tier, Status) {
	i, ok := x.slot(y)
	if !ok {
		return TierUnknown, StatusUnknown
	}
	if t := x.row(c); t != nil && t[i] != TierUnknown {
		return t[i], StatusPlaced
	}
	switch {
	case !c.IsValid():
		return TierUnknown, StatusUnknown
	case !existed(c, y):
		return TierUnknown, StatusNonexistent
	case x.what[i].Covers(c):
		return TierUnknown, StatusAbsent
	}
	return TierUnknown, StatusUnknown
}

// is answers "was c on tier t in year y?": yes or no where c is placed;
// no where a source says c is not in the report or c did not exist; no
// where t's list is complete and c is not one of the year's gaps; else
// unknown (known false).
func (x *refIndex) is(c tip.Country, y tip.ReportYear, t Tier) (yes, known bool) {
	i, ok := x.slot(y)
	if !ok {
		return false, false
	}
	if row := x.row(c); row != nil && row[i] != TierUnknown {
		return row[i] == t, true
	}
	if _, st := x.at(c, y); st == StatusAbsent || st == StatusNonexistent {
		return false, true
	}
	return false, t <= SpecialCase && x.known[i][t] && !slices.Contains(x.what[i].Gaps, c)
}

// refRunYears is the years a finding about a run of n Watch List years
// ending in end reads: the year before the run if it is from and after
// and the country's placement there ended the run, then the run's years.
func (x *refIndex) refRunYears(c tip.Country, end, from tip.ReportYear, n int) []tip.ReportYear {
	var ys []tip.ReportYear
	if start := end - tip.ReportYear(n); start >= from {
		if _, st := x.at(c, start); st == StatusPlaced {
			ys = append(ys, start)
		}
	}
	for k := n - 1; k >= 0; k-- {
		ys = append(ys, end-tip.ReportYear(k))
	}
	return ys
}

// note is the end of a message resting on c's inferred placements in the
// years: " (rests on the implied 2019 Tier 2 Watch List row)", or "".
func (x *refIndex) note(c tip.Country, years ...tip.ReportYear) string {
	var rows []string
	for _, y := range years {
		if t, st := x.at(c, y); st == StatusPlaced {
			if b := x.basis[c][y-x.first]; b == BasisImplied || b == BasisDerived {
				rows = append(rows, fmt.Sprintf("the %s %d %s row", b, y, t))
			}
		}
	}
	switch len(rows) {
	case 0:
		return ""
	case 1:
		return " (rests on " + rows[0] + ")"
	}
	return " (rests on " + strings.Join(rows[:len(rows)-1], ", ") + " and " + rows[len(rows)-1] + ")"
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
			runNote := func() string { return x.note(c, x.refRunYears(c, y, 2009, run)...) }
			switch {
			case st == StatusPlaced && tier == Tier2WatchList && run >= 3:
				max := 2 + refMaxWaivers(y)
				switch {
				case run > max:
					add(RuleAutoDowngrade, tip.Error, c, y, "%s consecutive year on the Tier 2 Watch List; the rule in force allows %d (two years, then %d waived)%s", refOrdinal(run), max, refMaxWaivers(y), runNote())
				case waived:
					// A documented waiver where the rule needs one: as it should be.
				default:
					add(refWaiverRule(y), tip.Warning, c, y, "%s consecutive year on the Tier 2 Watch List with no documented waiver: the rule implies one (memo not found)%s", refOrdinal(run), runNote())
				}
			case st == StatusPlaced && tier == Tier3 && prev >= 2:
				note := x.note(c, append(x.refRunYears(c, y-1, 2009, prev), y)...)
				if prev >= 2+refMaxWaivers(y) {
					add(RuleAutoDowngrade, tip.Info, c, y, "on Tier 3 after %d Watch List years (%d–%d) and the maximum of waivers: the automatic downgrade%s", prev, y-tip.ReportYear(prev), y-1, note)
				} else {
					add(RuleAutoDowngrade, tip.Info, c, y, "on Tier 3 after %d Watch List years (%d–%d): the automatic downgrade, or a downgrade on the merits%s", prev, y-tip.ReportYear(prev), y-1, note)
				}
			}
			if waived && !(st == StatusPlaced && tier == Tier2WatchList && run >= 3 && run <= 2+refMaxWaivers(y)) {
				switch {
				case st == StatusPlaced && tier != Tier2WatchList:
					add(refWaiverRule(y), tip.Error, c, y, "a waiver is documented but the country is on %s%s", tier, runNote())
				case !certain || st != StatusPlaced:
					add(refWaiverRule(y), tip.Info, c, y, "a waiver is documented; the years before are not all known, so it cannot be checked (%d known Watch List years)%s", run, runNote())
				default:
					add(refWaiverRule(y), tip.Warning, c, y, "a waiver is documented in the %s consecutive Watch List year; the rule in force waives the 3rd%s%s", refOrdinal(run), map[bool]string{true: " and 4th", false: " only"}[refMaxWaivers(y) == 2], runNote())
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
						add(RulePostWaiver, tip.Warning, c, y, "2nd consecutive Watch List year (%d–%d) after a waiver (%d) and a downgrade to Tier 3 (%d); the (F) text of 2023 allows 1. Open question: whether (F) limits only the years right after the downgrade%s",
							y-1, y, waiverOfDown, waivedThenDown, x.note(c, append([]tip.ReportYear{waivedThenDown}, x.refRunYears(c, y, waivedThenDown+1, 2)...)...))
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
			if k := refInferredMembers(h, y, got); k > 0 {
				note += fmt.Sprintf("; %d of the %d rest on implied or derived rows", k, len(got))
			}
			fs = append(fs, tip.Finding{Rule: string(RuleSpecialWatch), Severity: tip.Info, Subject: fmt.Sprint(int(y)),
				Message: fmt.Sprintf("%d: the special watch list computed from the history has %d countries, the State Department published %d%s", y, len(got), n, note), Citation: refCite[RuleSpecialWatch]})
		}
	}
	// The policy-or-pattern rule and the one-placement rule, per year.
	seen := make([]Tier, len(x.placed)) // [country]: the tier of its first placement this year
	seenBasis := make([]Basis, len(x.placed))
	for _, yr := range h.Years {
		if yr.Year >= 2019 { // the policy-or-pattern rule's first year
			for _, c := range yr.StateSponsored {
				if t, st := x.at(c, yr.Year); st == StatusPlaced && t != Tier3 {
					add(RulePolicyPattern, tip.Error, c, yr.Year, "a documented policy or pattern of trafficking, but placed on %s%s", t, x.note(c, yr.Year))
				}
			}
		}
		clear(seen)
		clear(seenBasis)
		for _, p := range yr.Placements {
			if p.Country == 0 {
				continue
			}
			if int(p.Country) >= len(seen) {
				seen = append(seen, make([]Tier, int(p.Country)+1-len(seen))...)
				seenBasis = append(seenBasis, make([]Basis, int(p.Country)+1-len(seenBasis))...)
			}
			if t := seen[p.Country]; t != TierUnknown {
				var rows []string
				for _, q := range []Placement{{Tier: t, Basis: seenBasis[p.Country]}, p} {
					if q.Basis == BasisImplied || q.Basis == BasisDerived {
						rows = append(rows, fmt.Sprintf("the %s %d %s row", q.Basis, yr.Year, q.Tier))
					}
				}
				note := ""
				if len(rows) > 0 {
					note = " (rests on " + strings.Join(rows, " and ") + ")"
				}
				add(RuleOnePlacement, tip.Error, p.Country, yr.Year, "placed on %s and on %s%s", t, p.Tier, note)
			}
			seen[p.Country], seenBasis[p.Country] = p.Tier, p.Basis
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

// refInferredMembers counts the members of year y's special watch list
// that rest on an implied or derived row: one of their year-y rows is, or
// they are there as an upgrade (no Watch List row in y) and one of their
// rows of y-1 is.
func refInferredMembers(h *History, y tip.ReportYear, members []tip.Country) int {
	inferred := func(p Placement) bool { return p.Basis == BasisImplied || p.Basis == BasisDerived }
	n := 0
	for _, c := range members {
		now, watch, before := false, false, false
		for _, p := range h.Year(y).Placements {
			if p.Country == c {
				now = now || inferred(p)
				watch = watch || p.Tier == Tier2WatchList
			}
		}
		if prev := h.Year(y - 1); prev != nil {
			for _, p := range prev.Placements {
				before = before || p.Country == c && inferred(p)
			}
		}
		if now || !watch && before {
			n++
		}
	}
	return n
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
