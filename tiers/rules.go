package tiers

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/tipkit/tipkit/tip"
)

// A Rule is one TVPA rule as tipkit checks it: a value with its citation
// and the report years it is in force, so that findings can name the rule
// and the version they apply, and researchers can list them.
type Rule struct {
	ID       string         // stable: "tiers/auto-downgrade"
	Name     string         // one line for a person
	Citation string         // "22 U.S.C. 7107(b)(2)(D)(i)"
	From, To tip.ReportYear // report years in force; To 0 = still in force
	Text     string         // the rule in the words of the statute or seed 003
}

// InForce reports whether the rule applies to report year y.
func (r Rule) InForce(y tip.ReportYear) bool {
	return y >= r.From && (r.To == 0 || y <= r.To)
}

// The rule IDs.
const (
	RuleAutoDowngrade  = "tiers/auto-downgrade"
	RuleWaiverTwoYears = "tiers/waiver-2y"
	RuleWaiverOnce     = "tiers/waiver-once"
	RulePostWaiver     = "tiers/post-waiver-limit"
	RulePolicyPattern  = "tiers/policy-or-pattern"
	RuleRestrictions   = "tiers/tier3-restrictions"
	RuleSpecialWatch   = "tiers/special-watch-list"
	RuleOnePlacement   = "tiers/one-placement"
	RuleWatchGrounds3  = "tiers/watch-list-grounds-3"
	RuleWatchGrounds2  = "tiers/watch-list-grounds-2"
)

// Rules lists the TVPA rules tipkit applies, each version separately. The
// versions come from the statute's history (data/STATUTE.md): the
// automatic downgrade counts Watch List years from the 2009 report; the
// waiver was "for up to 2 years" until P.L. 115-427 (January 9, 2019) and
// "for up to 1 year", "only once", since.
var Rules = []Rule{
	{RuleAutoDowngrade, "Automatic downgrade after two Watch List years", "22 U.S.C. 7107(b)(2)(D)(i)", 2009, 0,
		"any country that has been ranked Tier 2 Watch List for two consecutive years and that would otherwise be ranked Tier 2 Watch List for the next year will instead be ranked Tier 3 in that third year (seed 003); years counted after December 23, 2008"},
	{RuleWaiverTwoYears, "Waiver of the automatic downgrade, up to two years", "22 U.S.C. 7107(b)(2)(D)(ii) (before P.L. 115-427)", 2009, 2018,
		"the President may waive the application of clause (i) for up to 2 years"},
	{RuleWaiverOnce, "Waiver of the automatic downgrade, only once", "22 U.S.C. 7107(b)(2)(D)(ii), as amended by P.L. 115-427", 2019, 0,
		"authorized to waive the automatic downgrade only once, in that third year. The following year, a country must either go up to Tier 2 or down to Tier 3 (seed 003)"},
	{RulePostWaiver, "At most one Watch List year after a waiver and a downgrade", "22 U.S.C. 7107(b)(2)(F)", 2009, 0,
		"limits a country to one year on Tier 2 Watch List after that country received a waiver to stay on the Watch List and was subsequently downgraded to Tier 3 (seed 003)"},
	{RulePolicyPattern, "A government policy or pattern of trafficking means Tier 3", "22 U.S.C. 7107(b)(3)(B)", 2019, 0,
		"a government policy or pattern of trafficking … is proof of failure to make significant efforts (P.L. 115-427)"},
	{RuleRestrictions, "Tier 3 restrictions in the next fiscal year", "22 U.S.C. 7107(d)(1)", 2001, 0,
		"no nonhumanitarian, nontrade-related foreign assistance for the subsequent fiscal year, unless waived; applicable restrictions apply for the next Fiscal Year, which begins October 1 (seed 003)"},
	{RuleSpecialWatch, "Special watch list", "22 U.S.C. 7107(b)(2)(A)", 2004, 0,
		"countries upgraded to Tier 1 from Tier 2, upgraded from Tier 3, or on the Tier 2 Watch List (clauses (i)–(iii))"},
	{RuleOnePlacement, "One placement per country", "22 U.S.C. 7107(b)(1)", 2001, 0,
		"each country is on one of the lists (A), (B), (C), or a special case"},
	// The Watch List's grounds are judgments the data cannot check; they
	// are here so that a reader of a year's placements knows which held.
	{RuleWatchGrounds3, "Three Watch List grounds", "22 U.S.C. 7107(b)(2)(A)(iii) (before P.L. 115-427)", 2004, 2018,
		"(I) the absolute number of victims is very significant or significantly increasing; (II) failure to provide evidence of increasing efforts from the previous year; (III) the determination is based on commitments to take additional future steps over the next year"},
	{RuleWatchGrounds2, "Two Watch List grounds", "22 U.S.C. 7107(b)(2)(A)(iii), as amended by P.L. 115-425 and P.L. 115-427", 2019, 0,
		"(I) the estimated number of victims is very significant or significantly increasing and the country is not taking proportional concrete actions; or (II) failure to provide evidence of increasing efforts from the previous year"},
}

// RuleByID returns the rule with the ID, or false.
func RuleByID(id string) (Rule, bool) {
	i := slices.IndexFunc(Rules, func(r Rule) bool { return r.ID == id })
	if i < 0 {
		return Rule{}, false
	}
	return Rules[i], true
}

func cite(id string) string {
	r, _ := RuleByID(id)
	return r.Citation
}

// maxWaivers is how many consecutive years the downgrade could be waived
// for a third Watch List year in report year y.
func maxWaivers(y tip.ReportYear) int {
	if y <= 2018 {
		return 2
	}
	return 1
}

func waiverRule(y tip.ReportYear) string {
	if y <= 2018 {
		return RuleWaiverTwoYears
	}
	return RuleWaiverOnce
}

// watchRun is index.watchRun for callers holding only the History.
func (h *History) watchRun(c tip.Country, y tip.ReportYear) (n int, certain bool) {
	return newIndex(h).watchRun(c, y)
}

// ordinal is "1st", "2nd", "3rd", "4th"…
func ordinal(n int) string { return string(appendOrdinal(nil, n)) }

// Check's message formats, cut into parts once (findings.go).
var (
	fmtRunTooLong      = newFormat("%s consecutive year on the Tier 2 Watch List; the rule in force allows %d (two years, then %d waived)")
	fmtWaiverImplied   = newFormat("%s consecutive year on the Tier 2 Watch List with no documented waiver: the rule implies one (memo not found)")
	fmtDowngraded      = newFormat("on Tier 3 after %d Watch List years (%d–%d) and the maximum of waivers: the automatic downgrade")
	fmtDowngradedMaybe = newFormat("on Tier 3 after %d Watch List years (%d–%d): the automatic downgrade, or a downgrade on the merits")
	fmtWaiverOffList   = newFormat("a waiver is documented but the country is on %s")
	fmtWaiverUnknown   = newFormat("a waiver is documented; the years before are not all known, so it cannot be checked (%d known Watch List years)")
	fmtWaiverWrongYear = newFormat("a waiver is documented in the %s consecutive Watch List year; the rule in force waives the 3rd%s")
	fmtPostWaiver      = newFormat("2nd consecutive Watch List year (%d–%d) after a waiver (%d) and a downgrade to Tier 3 (%d); the (F) text of 2023 allows 1. Open question: whether (F) limits only the years right after the downgrade")
	fmtSpecialWatch    = newFormat("the special watch list computed from the history has %d countries, the State Department published %d%s")
	fmtPolicyPattern   = newFormat("a documented policy or pattern of trafficking, but placed on %s")
	fmtTwoPlacements   = newFormat("placed on %s and on %s")
)

// Check applies every rule to every year of the history and returns a
// finding for each violation, each documented or implied waiver that needs
// a word, and each question the data cannot settle. Rules do not fire on
// unknowns: a year whose Watch List is not known breaks a run rather than
// extending it, and the finding says so where it matters.
//
// Check only reads h, and may be called from several goroutines at once.
// The findings it returns are the caller's: nothing of them is reused.
func Check(h *History) []tip.Finding {
	s := checkPool.Get().(*checkScratch)
	defer checkPool.Put(s)
	f, x := &s.f, &s.x
	f.reset()
	x.reset(h)

	years := s.years[:0] // h.Years' years, read for every country
	for k := range h.Years {
		years = append(years, h.Years[k].Year)
	}
	s.years = years
	for c := tip.Country(1); int(c) < x.rows; c++ {
		// Every rule below is about a waiver, or a Watch List or Tier 3 year
		// from 2009: the walk stops at those years only, and skips a
		// country with none (walk.start).
		var w walk
		if !w.start(x, c, years) {
			continue
		}
		// For (F): the downgrade to Tier 3 that followed a waiver, and that waiver.
		var waivedThenDown, waiverOfDown, lastWaiver tip.ReportYear
		for w.next() {
			y := w.y
			tier, st := x.status(c, w.i)
			waived := w.waived
			if waived {
				lastWaiver = y
			}
			if y < 2009 {
				continue
			}
			run, certain := w.run.n, w.run.certain // watchRun(c, y)
			prev := w.before.n                     // watchRun(c, y-1)
			switch {
			case st == StatusPlaced && tier == Tier2WatchList && run >= 3:
				max := 2 + maxWaivers(y)
				switch {
				case run > max:
					f.add(RuleAutoDowngrade, tip.Error, c, y, fmtRunTooLong, ord(run), num(max), num(maxWaivers(y)))
				case waived:
					// A documented waiver where the rule needs one: as it should be.
				default:
					f.add(waiverRule(y), tip.Warning, c, y, fmtWaiverImplied, ord(run))
				}
			case st == StatusPlaced && tier == Tier3 && prev >= 2:
				if prev >= 2+maxWaivers(y-1) {
					f.add(RuleAutoDowngrade, tip.Info, c, y, fmtDowngraded, num(prev), num(y-tip.ReportYear(prev)), num(y-1))
				} else {
					f.add(RuleAutoDowngrade, tip.Info, c, y, fmtDowngradedMaybe, num(prev), num(y-tip.ReportYear(prev)), num(y-1))
				}
			}
			if waived && !(st == StatusPlaced && tier == Tier2WatchList && run >= 3 && run <= 2+maxWaivers(y)) {
				switch {
				case st == StatusPlaced && tier != Tier2WatchList:
					f.add(waiverRule(y), tip.Error, c, y, fmtWaiverOffList, str(tier.String()))
				case !certain || st != StatusPlaced:
					f.add(waiverRule(y), tip.Info, c, y, fmtWaiverUnknown, num(run))
				default:
					which := " only"
					if maxWaivers(y) == 2 {
						which = " and 4th"
					}
					f.add(waiverRule(y), tip.Warning, c, y, fmtWaiverWrongYear, ord(run), str(which))
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
						f.add(RulePostWaiver, tip.Warning, c, y, fmtPostWaiver,
							num(y-1), num(y), num(waiverOfDown), num(waivedThenDown))
					}
				}
			}
		}
	}
	// In year order, as SortFindings would leave them, rather than the
	// map's order, which changes from one run to the next.
	s.published = s.published[:0]
	for y := range PublishedSpecialWatchList {
		s.published = append(s.published, y)
	}
	slices.Sort(s.published)
	for _, y := range s.published {
		n := PublishedSpecialWatchList[y]
		if yr := h.Year(y); yr != nil {
			got, ok := 0, false
			if i, held := x.slot(y); held {
				got, ok = x.specialWatchCount(i)
			}
			if !ok {
				s.prev, s.in = specialWatch(yr, h.Year(y-1), s.prev, s.in, func(tip.Country) { got++ })
			}
			if got != n {
				note := ""
				if prev := h.Year(y - 1); prev == nil || !prev.Completeness.Full() {
					note = "; the " + strconv.Itoa(int(y-1)) + " lists are not all known, so upgrades to Tier 1 cannot all be seen"
				}
				f.addYear(RuleSpecialWatch, tip.Info, y, fmtSpecialWatch, num(got), num(n), str(note))
			}
		}
	}
	// The policy-or-pattern rule, per year.
	policy, havePolicy := RuleByID(RulePolicyPattern)
	for _, yr := range h.Years {
		if havePolicy && policy.InForce(yr.Year) { // RuleByIDInForce, looked up once
			for _, c := range yr.StateSponsored {
				if t, st := x.at(c, yr.Year); st == StatusPlaced && t != Tier3 {
					f.add(RulePolicyPattern, tip.Error, c, yr.Year, fmtPolicyPattern, str(t.String()))
				}
			}
		}
	}
	// The one-placement rule: every placement of a country after another in
	// the same year, which newIndex noted as it read them.
	for _, d := range x.repeats {
		f.add(RuleOnePlacement, tip.Error, d.country, d.year, fmtTwoPlacements, str(d.before.String()), str(d.tier.String()))
	}
	return f.list() // in tip.SortFindings' order
}

// A checkScratch is what Check builds for one history and drops when it
// returns: kept in checkPool, its tables are filled again rather than
// allocated, and nothing of one Check survives into the next (reset).
type checkScratch struct {
	f         findings
	x         index
	years     []tip.ReportYear
	published []tip.ReportYear // PublishedSpecialWatchList's years, sorted
	prev      []Tier           // specialWatch's scratch space
	in        []bool
}

var checkPool = sync.Pool{New: func() any {
	s := new(checkScratch)
	s.f.init()
	return s
}}

// RuleByIDInForce reports whether the rule with the ID is in force in year y.
func RuleByIDInForce(id string, y tip.ReportYear) bool {
	r, ok := RuleByID(id)
	return ok && r.InForce(y)
}

// A Denial is a tier a country may not be placed on, and why.
type Denial struct {
	Tier   Tier
	Rule   string // the rule ID
	Reason string
}

// Eligibility is what the rules allow for one country in one report year.
type Eligibility struct {
	Country tip.Country
	Year    tip.ReportYear
	Allowed []Tier   // the ranked tiers the rules in force allow
	Denied  []Denial // the others, with the rule that denies each
	// WatchListYears is the run of consecutive Watch List years ending the
	// year before (counted from 2009), and WatchListCertain whether every
	// year of that run and the one before it is known.
	WatchListYears   int
	WatchListCertain bool
	// WaiverAvailable: a Watch List placement this year needs a waiver of
	// the automatic downgrade, one may still be granted, and no other rule
	// denies the Watch List (a waiver lifts the downgrade, not (F)).
	WaiverAvailable bool
	Notes           []string // what the rules cannot see: unknown years, policy or pattern
}

// Eligible says which tiers the country may be placed on in report year y
// under the rules in force in y, given the history before y.
func Eligible(h *History, c tip.Country, y tip.ReportYear) Eligibility {
	e := Eligibility{Country: c, Year: y}
	x := newIndex(h)
	run, certain := x.watchRun(c, y-1)
	e.WatchListYears, e.WatchListCertain = run, certain
	allowed := map[Tier]bool{Tier1: true, Tier2: true, Tier2WatchList: true, Tier3: true}
	deny := func(t Tier, rule, format string, args ...any) {
		if allowed[t] {
			allowed[t] = false
			e.Denied = append(e.Denied, Denial{Tier: t, Rule: rule, Reason: fmt.Sprintf(format, args...)})
		}
	}
	if RuleByIDInForce(RuleAutoDowngrade, y) && run >= 2 {
		waivers := run - 2 // Watch List years already beyond the second: each needed a waiver
		if waivers >= maxWaivers(y) {
			deny(Tier2WatchList, waiverRule(y), "%d consecutive Watch List years (%d–%d) and the waiver is used up (%d allowed under the rule in force): up to Tier 2 or down to Tier 3", run, y-tip.ReportYear(run), y-1, maxWaivers(y))
		} else {
			e.WaiverAvailable = true
		}
	}
	// (F): after a waiver then a downgrade, one Watch List year at most.
	var lastWaiver, down tip.ReportYear
	for _, yr := range h.Years {
		if yr.Year >= y {
			break
		}
		if x.waivedAt(c, yr.Year) {
			lastWaiver, down = yr.Year, 0
		}
		if t, st := x.at(c, yr.Year); lastWaiver != 0 && down == 0 && st == StatusPlaced && t == Tier3 && yr.Year > lastWaiver {
			down = yr.Year
		}
	}
	if down != 0 {
		if yes, known := x.is(c, y-1, Tier2WatchList); yes && known && y-1 > down {
			deny(Tier2WatchList, RulePostWaiver, "waiver in %d, Tier 3 in %d, Watch List in %d: (F) as written in 2023 allows one Watch List year after such a downgrade (whether it reaches years long after the downgrade is an open question)", lastWaiver, down, y-1)
		}
	}
	// A waiver lifts the automatic downgrade only: where another rule
	// denies the Watch List, no waiver brings it back.
	if e.WaiverAvailable {
		if allowed[Tier2WatchList] {
			e.Notes = append(e.Notes, fmt.Sprintf("Tier 2 Watch List only with a waiver of the automatic downgrade (%s consecutive year)", ordinal(run+1)))
		} else {
			e.WaiverAvailable = false
		}
	}
	if !certain && run < 3 {
		e.Notes = append(e.Notes, "some earlier years are not fully known: the Watch List run may be longer than counted")
	}
	if RuleByIDInForce(RulePolicyPattern, y) {
		e.Notes = append(e.Notes, "if the report documents a government policy or pattern of trafficking, Tier 3 (22 U.S.C. 7107(b)(3)(B))")
	}
	for _, t := range []Tier{Tier1, Tier2, Tier2WatchList, Tier3} {
		if allowed[t] {
			e.Allowed = append(e.Allowed, t)
		}
	}
	return e
}

// String is a one-line summary: "Malaysia 2026: Tier 1, Tier 2, Tier 3 (not Tier 2 Watch List: …)".
func (e Eligibility) String() string {
	var a []string
	for _, t := range e.Allowed {
		a = append(a, t.String())
	}
	s := fmt.Sprintf("%s %d: %s", e.Country.Name(), e.Year, strings.Join(a, ", "))
	for _, d := range e.Denied {
		s += fmt.Sprintf(" (not %s: %s)", d.Tier, d.Reason)
	}
	return s
}

// SpecialWatchList returns the special watch list of report year y
// (22 U.S.C. 7107(b)(2)(A)): countries upgraded to Tier 1 from Tier 2,
// upgraded from Tier 3 to Tier 2 or the Watch List, and every Watch List
// country, sorted. It needs years y-1 and y; a country whose previous
// placement is unknown counts only if it is on the Watch List.
func SpecialWatchList(h *History, y tip.ReportYear) []tip.Country {
	yr := h.Year(y)
	if yr == nil {
		return nil
	}
	return specialWatchList(yr, h.Year(y-1))
}

// specialWatchList is SpecialWatchList of yr, given the year before (nil if
// the history lacks it).
func specialWatchList(yr, before *Year) []tip.Country {
	var out []tip.Country
	specialWatch(yr, before, nil, nil, func(c tip.Country) { out = append(out, c) })
	slices.Sort(out)
	return out
}

// specialWatch calls add once for each country of yr's special watch list,
// in yr's order. prev and in are scratch space, returned for the next call.
func specialWatch(yr, before *Year, prev []Tier, in []bool, add func(tip.Country)) ([]Tier, []bool) {
	// A dense [country] table of the tiers of the year before, rather than
	// History.At's scan of that year for every placement: the rules below
	// read it only for a tier At would return with StatusPlaced.
	n := 0
	for _, p := range yr.Placements {
		n = max(n, int(p.Country))
	}
	prev, in = zeroed(prev, n+1), zeroed(in, n+1) // in: [country] on the list already
	if before != nil {
		// Backwards, so that the first placement of a country stands, as
		// in At; and At places no country outside the table.
		for i := len(before.Placements) - 1; i >= 0; i-- {
			if p := before.Placements[i]; int(p.Country) <= n && p.Country.IsValid() {
				prev[p.Country] = p.Tier
			}
		}
	}
	for _, p := range yr.Placements {
		if p.Country == 0 || in[p.Country] {
			continue
		}
		switch {
		case p.Tier == Tier2WatchList:
		case p.Tier == Tier1 && prev[p.Country] == Tier2:
		case p.Tier == Tier2 && prev[p.Country] == Tier3:
		default:
			continue
		}
		in[p.Country] = true
		add(p.Country)
	}
	return prev, in
}

// PublishedSpecialWatchList is the size of the special watch list as the
// State Department published it, where tipkit has the figure: 2023, "28
// countries (2 upgraded from Tier 2 to Tier 1, 26 on the Watch List)".
var PublishedSpecialWatchList = map[tip.ReportYear]int{2023: 28}

// Restricted returns the countries on Tier 3 in the report that precedes
// fiscal year fy (report year fy-1), sorted: those whose governments face
// the TVPA's assistance restrictions in fy unless waived. It returns nil
// when the history does not know that year's Tier 3 list.
func Restricted(h *History, fy tip.FiscalYear) []tip.Country {
	yr := h.Year(tip.ReportYear(fy - 1))
	if yr == nil || !yr.Completeness.Knows(Tier3) {
		return nil
	}
	var out []tip.Country
	for _, p := range yr.Placements {
		if p.Tier == Tier3 && p.Country != 0 && !slices.Contains(out, p.Country) {
			out = append(out, p.Country)
		}
	}
	slices.Sort(out)
	return out
}

// Validate checks one report on its own: one placement per country, every
// name resolved, state-sponsored governments on Tier 3 (from 2019), and
// Special Case countries not also ranked.
func (r *Report) Validate() []tip.Finding {
	var fs []tip.Finding
	add := func(rule string, sev tip.Severity, pos tip.Position, c tip.Country, subject, msg string) {
		fs = append(fs, tip.Finding{Rule: rule, Severity: sev, Pos: pos, Country: c, Subject: subject, Message: msg, Citation: cite(rule)})
	}
	first := make(map[tip.Country]Placement)
	for _, p := range r.Placements {
		if p.Country == 0 {
			add("tiers/unresolved-name", tip.Error, p.Pos, 0, p.Name, fmt.Sprintf("%q on %s is no known country", p.Name, p.Tier))
			continue
		}
		if q, dup := first[p.Country]; dup {
			rule := RuleOnePlacement
			msg := fmt.Sprintf("%s is on %s (line %d) and %s (line %d)", p.Country.Name(), q.Tier, q.Pos.Line, p.Tier, p.Pos.Line)
			if q.Tier == SpecialCase || p.Tier == SpecialCase {
				msg = fmt.Sprintf("%s is a Special Case and also ranked (%s and %s)", p.Country.Name(), q.Tier, p.Tier)
			}
			add(rule, tip.Error, p.Pos, p.Country, p.Country.Name(), msg)
			continue
		}
		first[p.Country] = p
	}
	if r.Year == 0 || RuleByIDInForce(RulePolicyPattern, r.Year) {
		for _, l := range r.StateSponsored {
			if p, ok := first[l.Country]; ok && p.Tier != Tier3 {
				add(RulePolicyPattern, tip.Error, l.Pos, l.Country, l.Country.Name(), fmt.Sprintf("%s has a documented policy or pattern of trafficking but is on %s", l.Country.Name(), p.Tier))
			}
		}
	}
	for _, l := range append(slices.Clone(r.StateSponsored), r.NotProtocolParty...) {
		if l.Country == 0 {
			add("tiers/unresolved-name", tip.Error, l.Pos, 0, l.Name, fmt.Sprintf("%q is no known country", l.Name))
		}
	}
	tip.SortFindings(fs)
	return fs
}
