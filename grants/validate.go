package grants

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/tipkit/tipkit/tip"
)

// Validate checks a listing as data, beyond what parsing checks: every
// amount above zero and every project with an end date; duplicate records;
// implementer names written several ways under one acronym (seed 000
// writes UNODC three ways); projects that ended before the listing's date;
// a country outside its section's bureau (the Levant project lists Turkey,
// of EUR, under Near East), as info; and the header's claims against what
// is listed, as info. Findings carry the listing's Source and are sorted.
func Validate(l *Listing) []tip.Finding {
	var fs []tip.Finding
	add := func(rule string, sev tip.Severity, pos tip.Position, c tip.Country, subject, format string, args ...any) {
		fs = append(fs, tip.Finding{Rule: rule, Severity: sev, Source: l.Source, Pos: pos, Country: c, Subject: subject, Message: fmt.Sprintf(format, args...)})
	}
	type key struct{ impl, places, amount, end string }
	seen := map[key]tip.Position{}
	names := map[string][]string{}
	for _, p := range l.Projects {
		subject := fmt.Sprintf("line %d", p.Pos.Line)
		if !p.Amount.IsPositive() {
			add("grants/amount", tip.Error, p.Pos, 0, subject, "amount %s is not above zero", tip.FormatUSD(p.Amount))
		}
		if p.EndDate.IsZero() {
			add("grants/end-date", tip.Error, p.Pos, 0, subject, "no end date")
		} else if !l.AsOf.IsZero() && p.EndDate.Before(l.AsOf) {
			add("grants/ended", tip.Info, p.Pos, 0, subject, "ended %s, before the listing's date %s", p.EndDate, l.AsOf)
		}
		k := key{p.Implementer.Key(), p.Places, p.Amount.String(), p.EndDate.String()}
		if first, dup := seen[k]; dup {
			add("grants/duplicate", tip.Warning, p.Pos, 0, subject, "same implementer, places, amount and end date as the record at line %d", first.Line)
		} else {
			seen[k] = p.Pos
		}
		if p.Implementer.Acronym != "" && !slices.Contains(names[p.Implementer.Acronym], p.Implementer.Name) {
			names[p.Implementer.Acronym] = append(names[p.Implementer.Acronym], p.Implementer.Name)
		}
		if p.Bureau != tip.BureauUnknown {
			for _, c := range p.Countries {
				if b := c.Bureau(); b != tip.BureauUnknown && b != p.Bureau {
					add("grants/cross-bureau", tip.Info, p.Pos, c, subject, "%s (%s) in a project under %s (%s)", c.Name(), b, p.Section, p.Bureau)
				}
			}
		}
	}
	for _, acr := range slices.Sorted(maps.Keys(names)) {
		if ns := names[acr]; len(ns) > 1 {
			add("grants/implementer-variants", tip.Info, tip.Position{}, 0, acr, "%s is written %d ways: %s", acr, len(ns), strings.Join(quoteAll(ns), ", "))
		}
	}
	if l.ClaimedProjects > 0 {
		add("grants/header-claim", tip.Info, tip.Position{}, 0, "header",
			"the header claims %d projects in over %d countries worth more than %s; %d are listed, worth %s, naming %d countries (the page says \"many of these projects\" are listed)",
			l.ClaimedProjects, l.ClaimedCountries, tip.FormatUSD(l.ClaimedAmount), len(l.Projects), tip.FormatUSD(l.Total()), len(l.ByCountry()))
	}
	tip.SortFindings(fs)
	return fs
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	slices.Sort(out)
	return out
}
