package tiers

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tipkit/tipkit/tip"
)

// A Denial is a tier a country may not be placed on, the rule version
// that denies it, and why.
type Denial struct {
	Tier     Tier
	Rule     RuleID // "tiers/waiver-once"
	Version  string // the report year the rule version took effect (Rule.Version)
	Citation string // "22 U.S.C. 7107(b)(2)(D)(ii), as amended by P.L. 115-427"
	Reason   string
}

// Eligibility is what the rules allow for one country in one report year.
type Eligibility struct {
	Country tip.Country
	Year    tip.ReportYear
	Allowed []Tier   // the ranked tiers no rule in force denies
	Denied  []Denial // a denial for each rule that denies a tier: a tier may have several
	// WatchListYears is the run of consecutive Watch List years ending the
	// year before, as the downgrade rules in force count it (from their
	// Rule.CountFrom); WatchListCertain whether every year of that run and
	// the one before it is known. 0 and true if no such rule is in force.
	WatchListYears   int
	WatchListCertain bool
	// WaiverAvailable: a Watch List placement this year needs a waiver of
	// the automatic downgrade, one may still be granted under the rule
	// version Waiver names, and no other rule denies the Watch List (a
	// waiver lifts the downgrade, not (F)).
	WaiverAvailable bool
	Waiver          RuleRef
	Notes           []string // what the rules cannot see: unknown years, policy or pattern
}

// Eligible is DefaultRules().Eligible(h, c, y).
func Eligible(h *History, c tip.Country, y tip.ReportYear) Eligibility {
	return DefaultRules().Eligible(h, c, y)
}

// Eligible says which tiers the country may be placed on in report year y
// under the rules of rs in force in y, given the history before y. Only
// the Watch List can be denied: by a waiver rule (KindWaiver) once the
// run of Watch List years has used every waiver it allows, and by (F)
// (KindPostWaiver) after a waiver and a downgrade.
func (rs Rules) Eligible(h *History, c tip.Country, y tip.ReportYear) Eligibility {
	x := newCountryIndex(h, c)
	line := x.line(c)
	e := Eligibility{Country: c, Year: y, WatchListCertain: true}
	var counter, waiver *Rule // the rule that counts the run, and the one a waiver is available under
	var policy []string
	for _, r := range rs.InForce(y) {
		switch r.Kind {
		case KindDowngrade, KindWaiver:
			run, certain := x.watchRun(line, y-1, r.CountFrom)
			if counter == nil {
				counter = &r
				e.WatchListYears, e.WatchListCertain = run, certain
			}
			if r.Kind != KindWaiver || run < r.WatchListYears {
				continue
			}
			years := span(y-tip.ReportYear(run), y-1)
			switch {
			case r.Waivers == 0:
				e.deny(Tier2WatchList, r, "%d consecutive Watch List years (%s) and the rule in force allows no waiver: up to Tier 2 or down to Tier 3", run, years)
			case run-r.WatchListYears >= r.Waivers:
				e.deny(Tier2WatchList, r, "%d consecutive Watch List years (%s) and the waiver is used up (%d allowed under the rule in force): up to Tier 2 or down to Tier 3", run, years, r.Waivers)
			case waiver == nil:
				waiver = &r
			}
		case KindPostWaiver:
			if line == nil {
				continue // never placed: no downgrade
			}
			var s postWaiver
			for i := range x.years {
				if x.years[i].year >= y {
					break
				}
				s.see(x, r, line, i)
			}
			if s.down == 0 {
				continue
			}
			if before, _ := x.watchRun(line, y-1, s.down+1); before >= r.WatchListYearsAfter {
				onList := ""
				if r.WatchListYearsAfter > 0 {
					onList = ", Watch List in " + span(y-tip.ReportYear(r.WatchListYearsAfter), y-1)
				}
				e.deny(Tier2WatchList, r, "waiver in %d, Tier 3 in %d%s: (F) as written in %d allows %s after such a downgrade (whether it reaches years long after the downgrade is an open question)",
					s.waiver, s.down, onList, r.TextYear, count(r.WatchListYearsAfter, "Watch List year"))
			}
		case KindPolicyPattern:
			policy = append(policy, fmt.Sprintf("if the report documents a government policy or pattern of trafficking, Tier 3 (%s)", r.Citation))
		}
	}
	for _, t := range []Tier{Tier1, Tier2, Tier2WatchList, Tier3} {
		if !slices.ContainsFunc(e.Denied, func(d Denial) bool { return d.Tier == t }) {
			e.Allowed = append(e.Allowed, t)
		}
	}
	// A waiver lifts the automatic downgrade only: where another rule
	// denies the Watch List, no waiver brings it back.
	if waiver != nil && slices.Contains(e.Allowed, Tier2WatchList) {
		e.WaiverAvailable, e.Waiver = true, waiver.Ref()
		run, _ := x.watchRun(line, y-1, waiver.CountFrom)
		e.Notes = append(e.Notes, fmt.Sprintf("Tier 2 Watch List only with a waiver of the automatic downgrade (%s consecutive year), under %s", ordinal(run+1), e.Waiver))
	}
	if counter != nil && !e.WatchListCertain && e.WatchListYears <= counter.WatchListYears {
		e.Notes = append(e.Notes, "some earlier years are not fully known: the Watch List run may be longer than counted")
	}
	e.Notes = append(e.Notes, policy...)
	return e
}

// deny records that the rule denies tier t.
func (e *Eligibility) deny(t Tier, r Rule, format string, args ...any) {
	e.Denied = append(e.Denied, Denial{Tier: t, Rule: r.ID, Version: r.Version(), Citation: r.Citation, Reason: fmt.Sprintf(format, args...)})
}

// String is a one-line summary: the country, the year, the tiers allowed,
// and each denial with its reason and rule version.
func (e Eligibility) String() string {
	var a []string
	for _, t := range e.Allowed {
		a = append(a, t.String())
	}
	s := fmt.Sprintf("%s %d: %s", e.Country.Name(), e.Year, strings.Join(a, ", "))
	for _, d := range e.Denied {
		s += fmt.Sprintf(" (not %s: %s, %s %s)", d.Tier, d.Reason, d.Rule, d.Version)
	}
	return s
}
