package cspa

import (
	"github.com/tipkit/tipkit/tip"
)

// Lift says how far a waiver lifts a prohibition.
type Lift uint8

// The lifts.
const (
	NotLifted    Lift = iota // the prohibition applies
	LiftedInPart             // a waiver allows it within a limit, or a partial waiver does not say which authorities
	Lifted                   // a waiver allows it
)

// String returns "not lifted", "lifted in part" or "lifted".
func (l Lift) String() string {
	return [...]string{"not lifted", "lifted in part", "lifted"}[min(int(l), 2)]
}

// MarshalText writes String's form.
func (l Lift) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// A Restriction is one authority the CSPA bars for a country in a fiscal
// year, and what the waivers do to it.
type Restriction struct {
	Country    tip.Country
	FiscalYear tip.FiscalYear
	ListYear   tip.ReportYear // the list that bars it: FiscalYear-1
	Authority  Authority
	Lift       Lift
	Waiver     string // the waiver that lifts it, summarized, with its limit; "" if none
}

// Prohibited returns what the CSPA bars for country c in fiscal year fy:
// one Restriction per authority of section 404(a) if c is on the list of
// report year fy-1 (the list of year Y applies in the fiscal year that
// starts October 1 of Y), with, for each, whether a waiver for fy lifts it
// wholly or in part. A waiver that names 10 U.S.C. 333 adds a row for it.
// It returns nil if c is not on that list, or if no list of that year is
// among lists; see Data.Listed for whether "not on it" is known.
func Prohibited(lists []*List, waivers []Waiver, c tip.Country, fy tip.FiscalYear) []Restriction {
	ly := fy.ReportYear()
	var list *List
	for _, l := range lists {
		if l.Year == ly {
			list = l
		}
	}
	if list == nil || !list.Contains(c) {
		return nil
	}
	var ws []Waiver
	for _, w := range waivers {
		if w.Country == c && w.FiscalYear == fy {
			ws = append(ws, w)
		}
	}
	auths := Barred()
	for _, w := range ws {
		if containsAuth(w.Authorities, Section333) && !containsAuth(auths, Section333) {
			auths = append(auths, Section333)
		}
	}
	out := make([]Restriction, 0, len(auths))
	for _, a := range auths {
		r := Restriction{Country: c, FiscalYear: fy, ListYear: ly, Authority: a}
		for _, w := range ws {
			l := liftBy(w, a)
			if l > r.Lift {
				r.Lift, r.Waiver = l, w.String()
			}
		}
		out = append(out, r)
	}
	return out
}

func liftBy(w Waiver, a Authority) Lift {
	switch {
	case !w.Partial && len(w.Authorities) == 0:
		return Lifted // a full waiver
	case len(w.Authorities) == 0:
		return LiftedInPart // partial, authorities not stated
	case !containsAuth(w.Authorities, a):
		return NotLifted
	case w.Limit != "" && containsAuth(findAuthorities(w.Limit), a):
		return LiftedInPart // the limit names it: "solely DCS in connection with the International Space Station"
	}
	return Lifted
}
