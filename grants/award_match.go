package grants

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip"
)

// A MatchConfidence grades how likely a listing project is the award
// matched to it. The zero MatchConfidence is MatchNone.
type MatchConfidence uint8

// The confidences.
const (
	MatchNone   MatchConfidence = iota // no award is matched
	MatchLow                           // the place fits; the amount only roughly, or the implementer is named
	MatchMedium                        // the amount to the cent, and the place only through the description or as global work; or the country, the implementer and a near amount
	MatchHigh                          // the amount to the cent and the country of performance
)

var matchConfidenceNames = []string{"none", "low", "medium", "high"}

// String returns "none", "low", "medium" or "high".
func (c MatchConfidence) String() string { return enumName(matchConfidenceNames, int(c)) }

// ParseMatchConfidence reads what String writes.
func ParseMatchConfidence(s string) (MatchConfidence, error) {
	if strings.EqualFold(strings.TrimSpace(s), "none") {
		return MatchNone, nil
	}
	k, err := parseEnum(matchConfidenceNames, s, "match confidence")
	return MatchConfidence(k), err
}

// MarshalText writes String's form.
func (c MatchConfidence) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText reads what ParseMatchConfidence reads.
func (c *MatchConfidence) UnmarshalText(b []byte) error {
	v, err := ParseMatchConfidence(string(b))
	*c = v
	return err
}

// matchEvidence is what counts for a project being an award, and how much:
// the reconciliation's rules, as data. A candidate needs place evidence
// (country, named or global) and amount or implementer evidence.
var matchEvidence = []struct {
	id     string
	points int
	doc    string
}{
	{"country", 3, "the award's place of performance is one of the project's countries"},
	{"same-countries", 2, "the countries the award names (its code's and its description's) are the project's, no more and no fewer"},
	{"named", 2, "the award's description names one of the project's countries"},
	{"global", 2, "the project names no country, and the award is global or headquarters work"},
	{"amount", 4, "the amounts are equal to the cent"},
	{"amount-near", 1, "the amounts differ by 10% or less"},
	{"implementer", 2, "the award's description names the implementer"},
	{"duration", 1, "the project ends one to five years after the award's base obligation, as the office's projects run"},
}

func evidencePoints(id string) int {
	for _, e := range matchEvidence {
		if e.id == id {
			return e.points
		}
	}
	panic("grants: no match evidence " + id)
}

// A Candidate is an award that may be a listing project.
type Candidate struct {
	Award    int      // index in the AwardSet's Awards
	ID       string   // the award's FAIN
	Score    int      // the points of its evidence
	Evidence []string // the evidence's IDs (matchEvidence): "country", "same-countries", "amount", "duration"
	Reasons  []string // the same, in words: "place of performance Kenya is among the project's countries", …
}

// A ProjectMatch is what the reconciliation makes of one listing project.
type ProjectMatch struct {
	Project    int             // index in the Listing's Projects
	Award      int             // index in the AwardSet's Awards of the award matched; -1 for none
	Confidence MatchConfidence // MatchNone where no award is matched
	// Ambiguous says several awards fit the project equally well, or its
	// best award fits another project as well: no award is named, and
	// Candidates lists them. Nothing ambiguous is presented as a match.
	Ambiguous  bool
	Candidates []Candidate // every award that fits, best first
	Note       string      // why no award is matched, where one fits: "its best candidate SSJTIP21GR3017 fits … better"
}

// A Reconciliation joins a project listing to the award record.
type Reconciliation struct {
	AsOf     tip.Date       // the listing's date: awards after it cannot be in it
	Projects []ProjectMatch // one per listing project, in listing order
	// Unmatched are the awards (indexes in the AwardSet) with a base
	// obligation on or before AsOf that no project is matched to and none
	// is ambiguous about. The listing names "many", not all, of the
	// office's projects, and older awards have ended: an unmatched award
	// is not an error of either record.
	Unmatched []int
	After     int // awards whose base obligation is after AsOf
}

// Reconcile matches each project of listing l to the award of s it most
// likely is, by the evidence of matchEvidence: the country (the award's
// place of performance among the project's countries, or named by its
// description; global work for a project with no country), the amount
// (to the cent, or within 10%), the implementer named in the description,
// whether the countries agree exactly (the award's code and the
// countries its description names against the project's), and the dates
// (the award obligated on or before the listing's date and
// before the project's end, one to five years before it). Candidates are
// awards with place evidence and amount or implementer evidence.
//
// Projects and awards are paired best score first, each award to one
// project. Where the best score ties (two projects of $1,000,000 in Laos
// and two such awards) every project of the tie is reported Ambiguous
// with its candidates, and none of the tied awards is given to anyone:
// an ambiguous match is reported as ambiguous, not as a guess.
func Reconcile(l *Listing, s *AwardSet) *Reconciliation {
	rec := &Reconciliation{AsOf: l.AsOf, Projects: make([]ProjectMatch, len(l.Projects))}
	for ai := range s.Awards {
		if !l.AsOf.IsZero() && s.Awards[ai].BaseDate.After(l.AsOf) {
			rec.After++
		}
	}
	// Every (project, award) pair with evidence enough, scored. 84
	// projects by a few hundred awards: weighing them all is cheaper than
	// any index, and simpler to check.
	var pairs []scoredPair
	for pi := range l.Projects {
		m := &rec.Projects[pi]
		m.Project, m.Award = pi, -1
		for ai := range s.Awards {
			if c, ok := candidate(&l.Projects[pi], &s.Awards[ai], l.AsOf); ok {
				c.Award = ai
				m.Candidates = append(m.Candidates, c)
				pairs = append(pairs, scoredPair{pi, ai, c.Score})
			}
		}
		slices.SortStableFunc(m.Candidates, func(x, y Candidate) int { return cmp.Compare(y.Score, x.Score) })
	}
	awardTaken := rec.pairBestFirst(pairs, len(s.Awards))
	// A project left with candidates but no match says why: its best
	// award went to a project it fits better, or is held by a tie.
	for pi := range rec.Projects {
		m := &rec.Projects[pi]
		if m.Award >= 0 || m.Ambiguous || len(m.Candidates) == 0 {
			continue
		}
		best := m.Candidates[0]
		for _, other := range rec.Projects {
			if other.Award == best.Award {
				m.Note = fmt.Sprintf("its best candidate %s (score %d) is matched to project %d (score %d)", best.ID, best.Score, other.Project+1, scoreOf(other.Candidates, best.Award))
			}
		}
		if m.Note == "" {
			m.Note = fmt.Sprintf("its best candidate %s (score %d) is held back by a tie between other projects", best.ID, best.Score)
		}
	}
	for ai := range s.Awards {
		if !awardTaken[ai] && (l.AsOf.IsZero() || !s.Awards[ai].BaseDate.After(l.AsOf)) {
			rec.Unmatched = append(rec.Unmatched, ai)
		}
	}
	return rec
}

// A scoredPair is a project and an award that is one of its candidates,
// by their indexes, with the candidate's score.
type scoredPair struct{ p, a, score int }

// pairBestFirst matches the projects of rec to awards, best score first.
// At each step the pairs of the top score among the projects and awards
// still free form groups linked by a shared project or award: a group of
// one pair is a match; a larger group is a tie, whose projects are
// ambiguous and whose awards are held back. It returns which of the
// awards are taken, by a match or a tie.
func (rec *Reconciliation) pairBestFirst(pairs []scoredPair, awards int) (awardTaken []bool) {
	projectDone := make([]bool, len(rec.Projects))
	awardTaken = make([]bool, awards)
	free := func(pr scoredPair) bool { return !projectDone[pr.p] && !awardTaken[pr.a] }
	for {
		top := -1
		for _, pr := range pairs {
			if free(pr) {
				top = max(top, pr.score)
			}
		}
		if top < 0 {
			return awardTaken
		}
		var level []scoredPair
		for _, pr := range pairs {
			if free(pr) && pr.score == top {
				level = append(level, pr)
			}
		}
		for len(level) > 0 {
			var group []scoredPair
			group, level = linked(level)
			for _, g := range group {
				projectDone[g.p], awardTaken[g.a] = true, true
				m := &rec.Projects[g.p]
				if len(group) > 1 {
					m.Ambiguous = true
					continue
				}
				m.Award = g.a
				m.Confidence = confidenceOf(m.Candidates, g.a)
			}
		}
	}
}

// linked splits pairs into the group of the first and every pair linked
// to it by a shared project or award, directly or through others, and the
// rest, in their order.
func linked(pairs []scoredPair) (group, rest []scoredPair) {
	group, rest = pairs[:1:1], slices.Clone(pairs[1:])
	for grew := true; grew; {
		grew = false
		rest = slices.DeleteFunc(rest, func(r scoredPair) bool {
			if slices.ContainsFunc(group, func(g scoredPair) bool { return g.p == r.p || g.a == r.a }) {
				group, grew = append(group, r), true
				return true
			}
			return false
		})
	}
	return group, rest
}

// candidate weighs award a as project p, and reports whether it is a
// candidate at all.
func candidate(p *Project, a *Award, asOf tip.Date) (Candidate, bool) {
	if !asOf.IsZero() && a.BaseDate.After(asOf) {
		return Candidate{}, false // awarded after the listing's date
	}
	if !p.EndDate.IsZero() && !p.EndDate.After(a.BaseDate) {
		return Candidate{}, false // the project ended before the award began
	}
	c := Candidate{ID: a.ID}
	add := func(id, reason string) {
		c.Score += evidencePoints(id)
		c.Evidence = append(c.Evidence, id)
		c.Reasons = append(c.Reasons, reason)
	}
	// Where: the award's own code first; else a country its description
	// names (a multi-country award filed under a neighbour's code); else
	// global work for a project that names no country.
	place := false
	if country, ok := a.InCountry(); ok && p.Touches(country) {
		add("country", fmt.Sprintf("place of performance %s is among the project's countries", country.Name()))
		place = true
		if sameCountries(p.Countries, append([]tip.Country{country}, a.Named...)) {
			add("same-countries", "the award names the project's countries, no more and no fewer")
		}
	} else {
		for _, n := range a.Named {
			if p.Touches(n) {
				add("named", fmt.Sprintf("the description names %s, one of the project's countries", n.Name()))
				place = true
				break
			}
		}
	}
	if !place && len(p.Countries) == 0 && a.Place == PlaceGlobal {
		add("global", fmt.Sprintf("the project names no country and the award is global work (%s)", a.CountryCode))
		place = true
	}
	if !place {
		return Candidate{}, false
	}
	// What else: the money, or the implementer by name. Place alone is
	// no evidence: India has nine awards.
	other := false
	switch {
	case a.Amount.Equal(p.Amount):
		add("amount", fmt.Sprintf("the amounts are equal: %s", tip.FormatUSD(a.Amount)))
		other = true
	case !p.Amount.IsZero() && a.Amount.Sub(p.Amount).Abs().LessThanOrEqual(p.Amount.Mul(decimal.New(1, -1))):
		add("amount-near", fmt.Sprintf("the amounts are within 10%%: award %s, listing %s", tip.FormatUSD(a.Amount), tip.FormatUSD(p.Amount)))
		other = true
	}
	if word := implementerNamed(p.Implementer, a.Description); word != "" {
		add("implementer", fmt.Sprintf("the description names the implementer (%s)", word))
		other = true
	}
	if !other {
		return Candidate{}, false
	}
	if !p.EndDate.IsZero() {
		days := p.EndDate.Time(time.UTC).Sub(a.BaseDate.Time(time.UTC)).Hours() / 24
		if days >= 365 && days <= 5*366 {
			add("duration", fmt.Sprintf("awarded %s, the project ends %s (%.1f years later)", a.BaseDate, p.EndDate, days/365.25))
		}
	}
	return c, true
}

// sameCountries reports whether a and b hold the same countries, however
// often and in whatever order.
func sameCountries(a, b []tip.Country) bool {
	set := func(cs []tip.Country) []tip.Country { return slices.Compact(slices.Sorted(slices.Values(cs))) }
	return slices.Equal(set(a), set(b))
}

// implementerNamed returns the implementer's acronym or name where the
// description has it as whole words, in any case; "" where it has neither.
func implementerNamed(im Implementer, desc string) string {
	up := " " + strings.Map(func(r rune) rune {
		if r < 128 && !('A' <= r && r <= 'Z' || 'a' <= r && r <= 'z' || '0' <= r && r <= '9') {
			return ' '
		}
		return r
	}, strings.ToUpper(desc)) + " "
	for _, w := range []string{im.Acronym, im.Name} {
		w = strings.TrimSpace(strings.ToUpper(w))
		if len(w) >= 3 && strings.Contains(up, " "+w+" ") {
			return w
		}
	}
	return ""
}

func confidenceOf(cs []Candidate, award int) MatchConfidence {
	for _, c := range cs {
		if c.Award != award {
			continue
		}
		has := func(id string) bool { return slices.Contains(c.Evidence, id) }
		switch {
		case has("amount") && has("country"):
			return MatchHigh
		case has("amount") || has("country") && has("implementer") && has("amount-near"):
			return MatchMedium
		}
		return MatchLow
	}
	return MatchNone
}

func scoreOf(cs []Candidate, award int) int {
	for _, c := range cs {
		if c.Award == award {
			return c.Score
		}
	}
	return 0
}
