package tiers

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tipkit/tipkit/tip"
)

// Check applies DefaultRules to every year of the history: see
// [Rules.Check].
func Check(h *History) []tip.Finding { return DefaultRules().Check(h) }

// Check applies each rule of rs to every year of the history it is in
// force in, and returns a finding for each violation, each documented or
// implied waiver that needs a word, and each question the data cannot
// settle, sorted with tip.SortFindings. Each finding names the rule
// version it comes from (Rule, Citation) and its report year (Subject).
// Rules do not fire on unknowns: a year whose Watch List is not known
// for the country (the list is partial, or the country is one of the
// year's Completeness.Gaps) breaks a run rather than extending it, and
// the finding says so where it matters. A year in which a source says
// the country is not in the report (Completeness.Covers), or the entity
// did not exist (StatusNonexistent), ends a run for certain.
//
// A finding that rests on a placement inferred rather than read
// (Basis.Inferred: implied by a later report, or derived from counts) ends
// with the rows it rests on: "(rests on the derived 2022 Tier 2 row)". A
// finding about a run of Watch List years rests on the run's rows and on
// the row that ended it, had that been a Watch List year, the run would
// be longer.
//
// Check only reads h, and may be called from several goroutines at once.
// A history whose years are out of order or held twice is read as
// described at History.
func (rs Rules) Check(h *History) []tip.Finding {
	return rs.check(h, publishedSpecialWatchList)
}

// check is Check, with the published sizes of the special watch list to
// compare with.
func (rs Rules) check(h *History, published map[tip.ReportYear]int) []tip.Finding {
	x := newIndex(h)
	var fs findings
	// The rules about one country's run of years, country by country.
	// Each is about Watch List years or the waivers that kept a country
	// there, so a country with neither in any year meets none of them.
	for _, c := range x.countries {
		line := x.line(c)
		if !watchedOrWaived(line) {
			continue
		}
		for _, r := range rs {
			switch r.Kind {
			case KindDowngrade:
				x.checkDowngrade(&fs, r, c, line)
			case KindWaiver:
				x.checkWaiver(&fs, r, c, line)
			case KindPostWaiver:
				x.checkPostWaiver(&fs, r, c, line)
			}
		}
	}
	// The rules about a year as a whole.
	for _, r := range rs {
		switch r.Kind {
		case KindSpecialWatchList:
			x.checkSpecialWatchList(&fs, r, published)
		case KindPolicyPattern:
			x.checkPolicyPattern(&fs, r)
		case KindOnePlacement:
			x.checkOnePlacement(&fs, r)
		}
	}
	tip.SortFindings(fs)
	return fs
}

// watchedOrWaived reports whether a country's line has a Watch List
// placement or a documented waiver in some year.
func watchedOrWaived(line []cell) bool {
	return slices.ContainsFunc(line, func(c cell) bool {
		return c.waived || c.status == StatusPlaced && c.tier == Tier2WatchList
	})
}

// findings collects Check's findings.
type findings []tip.Finding

// add records the finding "YEAR: COUNTRY: message" of the rule about the
// country in the year of column col, or "YEAR: message" about the year as
// a whole if c is 0.
func (fs *findings) add(r Rule, sev tip.Severity, col *column, c tip.Country, format string, args ...any) {
	about := col.subject + ": "
	if c != 0 {
		about += c.Name() + ": "
	}
	msg := about + fmt.Sprintf(format, args...)
	*fs = append(*fs, tip.Finding{Rule: string(r.ID), Severity: sev, Country: c, Subject: col.subject, Message: msg, Citation: r.Citation})
}

// checkDowngrade applies the automatic downgrade (KindDowngrade): a Watch
// List year past the run the rule allows with every waiver is an error,
// and a Tier 3 year after a run long enough to trigger the downgrade is
// noted as the downgrade, forced if the waivers were used up.
func (x *index) checkDowngrade(fs *findings, r Rule, c tip.Country, line []cell) {
	allowed := r.WatchListYears + r.Waivers // the longest run: the trigger, then every waiver
	for i := range x.years {
		col := &x.years[i]
		if !r.InForce(col.year) {
			continue
		}
		switch tier, st := x.status(line, i); {
		case st != StatusPlaced:
		case tier == Tier2WatchList:
			if run, _ := x.watchRun(line, col.year, r.CountFrom); run > allowed {
				fs.add(r, tip.Error, col, c, "%s consecutive year on the Tier 2 Watch List; the rule in force allows %d (%s, then %d waived)%s",
					ordinal(run), allowed, count(r.WatchListYears, "year"), r.Waivers, x.basisNote(line, x.runYears(line, col.year, r.CountFrom, run)...))
			}
		case tier == Tier3:
			before, _ := x.watchRun(line, col.year-1, r.CountFrom)
			d := r.downgradeKind(before, true) // the run as counted: a longer one would only make it surer
			if d == DowngradeNone {
				break
			}
			how := ": the automatic downgrade, or a downgrade on the merits" // a waiver was still possible
			if d == DowngradeAutomatic {
				how = " and the maximum of waivers: the automatic downgrade"
			}
			fs.add(r, tip.Info, col, c, "on Tier 3 after %d Watch List years (%s)%s%s", before, span(col.year-tip.ReportYear(before), col.year-1), how,
				x.basisNote(line, append(x.runYears(line, col.year-1, r.CountFrom, before), col.year)...))
		}
	}
}

// checkWaiver applies the waiver of the downgrade (KindWaiver): a Watch
// List year the rule's waivers can cover needs one, and a documented
// waiver must be in such a year.
func (x *index) checkWaiver(fs *findings, r Rule, c tip.Country, line []cell) {
	for i := range x.years {
		col := &x.years[i]
		if !r.InForce(col.year) {
			continue
		}
		tier, st := x.status(line, i)
		waived, onList := line[i].waived, st == StatusPlaced && tier == Tier2WatchList
		if !waived && !onList {
			continue // the rule is about Watch List years and waivers
		}
		run, certain := x.watchRun(line, col.year, r.CountFrom)
		// A Watch List year past the trigger, within the waivers: the
		// downgrade was due, and a waiver is what kept the country there.
		waivable := onList && run > r.WatchListYears && run <= r.WatchListYears+r.Waivers
		// What a finding rests on: the run, or the year itself if there is none.
		note := func() string { return x.basisNote(line, x.runYears(line, col.year, r.CountFrom, run)...) }
		switch {
		case waivable && !waived:
			fs.add(r, tip.Warning, col, c, "%s consecutive year on the Tier 2 Watch List with no documented waiver: the rule implies one (memo not found)%s", ordinal(run), note())
		case waivable || !waived:
		case st == StatusPlaced && tier != Tier2WatchList:
			fs.add(r, tip.Error, col, c, "a waiver is documented but the country is on %s%s", tier, note())
		case !certain || st != StatusPlaced:
			fs.add(r, tip.Info, col, c, "a waiver is documented; the years before are not all known, so it cannot be checked (%d known Watch List years)%s", run, note())
		default:
			fs.add(r, tip.Warning, col, c, "a waiver is documented in the %s consecutive Watch List year; the rule in force waives %s%s", ordinal(run), waivableYears(r), note())
		}
	}
}

// waivableYears names the Watch List years of a run the rule's waivers
// can cover: "the 3rd only", "the 3rd and 4th", "no year".
func waivableYears(r Rule) string {
	var nth []string
	for n := r.WatchListYears + 1; n <= r.WatchListYears+r.Waivers; n++ {
		nth = append(nth, ordinal(n))
	}
	switch len(nth) {
	case 0:
		return "no year"
	case 1:
		return "the " + nth[0] + " only"
	}
	return "the " + strings.Join(nth[:len(nth)-1], ", ") + " and " + nth[len(nth)-1]
}

// A postWaiver follows one country through the years for (F): the latest
// year a waiver is documented, and the downgrade to Tier 3 that followed
// a waiver, with that waiver.
type postWaiver struct {
	lastWaiver   tip.ReportYear
	waiver, down tip.ReportYear // 0 until a waiver is followed by Tier 3
}

// see takes in the year of column i, the years in order. A waiver counts
// in any year; the downgrade after it only in a year the rule is in force.
func (s *postWaiver) see(x *index, r Rule, line []cell, i int) {
	y := x.years[i].year
	if line[i].waived {
		s.lastWaiver = y
	}
	if tier, st := x.status(line, i); r.InForce(y) && st == StatusPlaced && tier == Tier3 && s.lastWaiver != 0 && y > s.lastWaiver && s.waiver != s.lastWaiver {
		s.waiver, s.down = s.lastWaiver, y
	}
}

// checkPostWaiver applies (F) (KindPostWaiver): after a waiver and a
// downgrade to Tier 3, the Watch List years allowed. A run that passes
// them is reported once, in its first year past them.
func (x *index) checkPostWaiver(fs *findings, r Rule, c tip.Country, line []cell) {
	var s postWaiver
	for i := range x.years {
		col := &x.years[i]
		s.see(x, r, line, i)
		if !r.InForce(col.year) || s.down == 0 || line[i].waived {
			continue
		}
		if tier, st := x.status(line, i); st != StatusPlaced || tier != Tier2WatchList {
			continue
		}
		if before, _ := x.watchRun(line, col.year-1, s.down+1); before == r.WatchListYearsAfter {
			fs.add(r, tip.Warning, col, c, "%s consecutive Watch List year (%s) after a waiver (%d) and a downgrade to Tier 3 (%d); the (F) text of %d allows %d. Open question: whether (F) limits only the years right after the downgrade%s",
				ordinal(before+1), span(col.year-tip.ReportYear(before), col.year), s.waiver, s.down, r.TextYear, r.WatchListYearsAfter,
				x.basisNote(line, append([]tip.ReportYear{s.down}, x.runYears(line, col.year, s.down+1, before+1)...)...))
		}
	}
}

// checkSpecialWatchList compares the special watch list computed from the
// history (KindSpecialWatchList) with the size the State Department
// published, in the years tipkit knows that size.
func (x *index) checkSpecialWatchList(fs *findings, r Rule, published map[tip.ReportYear]int) {
	years := make([]tip.ReportYear, 0, len(published))
	for y := range published {
		years = append(years, y)
	}
	slices.Sort(years)
	for _, y := range years {
		i, ok := x.column(y)
		if !r.InForce(y) || !ok {
			continue
		}
		swl := specialWatchList(x.years, i)
		n := len(swl)
		if n == published[y] {
			continue
		}
		note := ""
		if before, ok := x.column(y - 1); !ok || !x.years[before].full {
			note = fmt.Sprintf("; the %d lists are not all known, so upgrades to Tier 1 cannot all be seen", y-1)
		}
		if k := len(inferredMembers(x.years, i, swl)); k > 0 {
			note += fmt.Sprintf("; %d of the %d rest on implied or derived rows", k, n)
		}
		fs.add(r, tip.Info, &x.years[i], 0, "the special watch list computed from the history has %d countries, the State Department published %d%s", n, published[y], note)
	}
}

// checkPolicyPattern applies KindPolicyPattern: a government whose policy
// or pattern of trafficking the year's report documents is on Tier 3.
func (x *index) checkPolicyPattern(fs *findings, r Rule) {
	for i := range x.years {
		col := &x.years[i]
		if !r.InForce(col.year) {
			continue
		}
		for _, yr := range col.entries {
			for _, c := range yr.StateSponsored {
				if tier, st := x.status(x.line(c), i); st == StatusPlaced && tier != Tier3 {
					fs.add(r, tip.Error, col, c, "a documented policy or pattern of trafficking, but placed on %s%s", tier, x.basisNote(x.line(c), col.year))
				}
			}
		}
	}
}

// checkOnePlacement applies KindOnePlacement: every placement of a
// country after another in the same year is reported, with the tier of
// the one before.
func (x *index) checkOnePlacement(fs *findings, r Rule) {
	before := make([]*Placement, len(x.countries)) // [row]: the country's latest placement in the year
	for i := range x.years {
		col := &x.years[i]
		if !r.InForce(col.year) || !col.repeats {
			continue
		}
		clear(before)
		for p := range col.placements() {
			if p.Country == 0 {
				continue
			}
			row, _ := x.row(p.Country)
			if b := before[row]; b != nil && b.Tier != TierUnknown {
				var rows []string
				for _, q := range []*Placement{b, p} {
					if q.Basis.Inferred() {
						rows = append(rows, inferredRow(col.year, q.Tier, q.Basis))
					}
				}
				fs.add(r, tip.Error, col, p.Country, "placed on %s and on %s%s", b.Tier, p.Tier, restsOn(rows))
			}
			before[row] = p
		}
	}
}
