package tiers

import (
	"fmt"
	"slices"

	"github.com/tipkit/tipkit/tip"
)

// Validate checks one report on its own, under DefaultRules in force in
// the report's year: one placement per country, every name resolved,
// state-sponsored governments on Tier 3 (where the policy-or-pattern rule
// is in force, or the report's year is unknown), and Special Case
// countries not also ranked.
func (r *Report) Validate() []tip.Finding {
	rs := DefaultRules()
	var fs []tip.Finding
	add := func(rule RuleID, sev tip.Severity, pos tip.Position, c tip.Country, subject, msg string) {
		fs = append(fs, tip.Finding{Rule: string(rule), Severity: sev, Pos: pos, Country: c, Subject: subject, Message: msg, Citation: rs.citation(rule, r.Year)})
	}
	first := make(map[tip.Country]Placement)
	for _, p := range r.Placements {
		if p.Country == 0 {
			add(RuleUnresolvedName, tip.Error, p.Pos, 0, p.Name, fmt.Sprintf("%q on %s is no known country", p.Name, p.Tier))
			continue
		}
		if q, dup := first[p.Country]; dup {
			msg := fmt.Sprintf("%s is on %s (line %d) and %s (line %d)", p.Country.Name(), q.Tier, q.Pos.Line, p.Tier, p.Pos.Line)
			if q.Tier == SpecialCase || p.Tier == SpecialCase {
				msg = fmt.Sprintf("%s is a Special Case and also ranked (%s and %s)", p.Country.Name(), q.Tier, p.Tier)
			}
			add(RuleOnePlacement, tip.Error, p.Pos, p.Country, p.Country.Name(), msg)
			continue
		}
		first[p.Country] = p
	}
	if r.Year == 0 || rs.has(KindPolicyPattern, r.Year) {
		for _, l := range r.StateSponsored {
			if p, ok := first[l.Country]; ok && p.Tier != Tier3 {
				add(RulePolicyPattern, tip.Error, l.Pos, l.Country, l.Country.Name(), fmt.Sprintf("%s has a documented policy or pattern of trafficking but is on %s", l.Country.Name(), p.Tier))
			}
		}
	}
	for _, l := range append(slices.Clone(r.StateSponsored), r.NotProtocolParty...) {
		if l.Country == 0 {
			add(RuleUnresolvedName, tip.Error, l.Pos, 0, l.Name, fmt.Sprintf("%q is no known country", l.Name))
		}
	}
	tip.SortFindings(fs)
	return fs
}
