package tiers

import (
	"slices"

	"github.com/tipkit/tipkit/tip"
)

// A Completeness says how much of a report year's placements a History
// holds. Rules and panels must not read a country missing from a partial
// year as "not placed": that is unknown, not absent.
type Completeness struct {
	// Known lists the tiers whose lists are complete for the year. A
	// country on none of the year's lists is absent from the report only
	// if every tier is known.
	Known []Tier
	Note  string // what the sources say about gaps: "Tier 1 and Tier 2 partial; Watch List and Tier 3 complete"
}

// Full reports whether every list of the year is known.
func (c Completeness) Full() bool {
	for _, t := range []Tier{Tier1, Tier2, Tier2WatchList, Tier3, SpecialCase} {
		if !c.Knows(t) {
			return false
		}
	}
	return true
}

// Knows reports whether the list of tier t is complete for the year.
func (c Completeness) Knows(t Tier) bool { return slices.Contains(c.Known, t) }

// A Year is one report year of a History.
type Year struct {
	Year           tip.ReportYear
	Placements     []Placement
	Completeness   Completeness
	Sources        []string      // where the year's rows come from
	StateSponsored []tip.Country // the "policy or pattern" governments, where the year's report is embedded
}

// A Grade says how well a waiver is documented.
type Grade uint8

// The grades of tiers/waivers.md.
const (
	GradeUnknown   Grade = iota
	GradePrimary         // A: the State Department's memorandum of justification
	GradeSecondary       // B: the CIA World Factbook quoting the report
	GradeOther           // C: news or NGO pages
)

// String returns "primary", "secondary", "other" or "unknown".
func (g Grade) String() string {
	return [...]string{"unknown", "primary", "secondary", "other"}[min(int(g), 3)]
}

// MarshalText writes String's form.
func (g Grade) MarshalText() ([]byte, error) { return []byte(g.String()), nil }

// A Waiver is a documented waiver of the automatic downgrade to Tier 3: the
// country stayed on the Tier 2 Watch List in Year although it had been there
// the two years before (22 U.S.C. 7107(b)(2)(D)(ii)).
type Waiver struct {
	Country tip.Country
	Name    string // as the source writes it
	Year    tip.ReportYear
	Grade   Grade
	Source  string // the memorandum or page
}

// A History is tier placements and waivers over many report years.
//
// The rules (Check, Eligible, SpecialWatchList, Restricted) read a
// history that breaks the order below without failing: its years in year
// order, and a year it holds twice as one year whose placements are those
// of both entries in turn (the first placement of a country standing, as
// in At). Their time and memory grow with the countries and years the
// history holds, not with the span of its years or the countries' numbers.
type History struct {
	Years    []Year        // ascending by Year, one per report year
	Waivers  []Waiver      // by year, then country
	Findings []tip.Finding // what building it tolerated or corrected
}

// Status says what a History knows about a country in a year.
type Status uint8

// The statuses At returns.
const (
	StatusUnknown Status = iota // the year is not held, or the country's tier is on a list the history lacks
	StatusPlaced                // the country has a placement
	StatusAbsent                // every list of the year is known and the country is on none
)

// String returns "unknown", "placed" or "absent".
func (s Status) String() string {
	return [...]string{"unknown", "placed", "absent"}[min(int(s), 2)]
}

// Year returns the year y of the history, or nil.
func (h *History) Year(y tip.ReportYear) *Year {
	i, ok := slices.BinarySearchFunc(h.Years, y, func(a Year, y tip.ReportYear) int { return int(a.Year - y) })
	if !ok {
		return nil
	}
	return &h.Years[i]
}

// At returns the country's placement in report year y and what the history
// knows: StatusPlaced with the placement; StatusAbsent if the year is
// complete and the country not in it; otherwise StatusUnknown. The zero
// Country is unknown in every year: it is no country, so neither placed nor
// absent (and never the placement of a name that did not resolve).
func (h *History) At(c tip.Country, y tip.ReportYear) (Placement, Status) {
	yr := h.Year(y)
	if yr == nil || !c.IsValid() {
		return Placement{}, StatusUnknown
	}
	for _, p := range yr.Placements {
		if p.Country == c {
			return p, StatusPlaced
		}
	}
	if yr.Completeness.Full() {
		return Placement{}, StatusAbsent
	}
	return Placement{}, StatusUnknown
}

// An Entry is one year of a country's Timeline.
type Entry struct {
	Year   tip.ReportYear
	Tier   Tier // TierUnknown unless Status is StatusPlaced
	Status Status
	Waiver bool // a documented waiver of the automatic downgrade
	Source string
}

// Timeline returns the country's entry for every year the history holds.
func (h *History) Timeline(c tip.Country) []Entry {
	out := make([]Entry, 0, len(h.Years))
	for _, y := range h.Years {
		p, st := h.At(c, y.Year)
		out = append(out, Entry{Year: y.Year, Tier: p.Tier, Status: st, Waiver: h.Waived(c, y.Year), Source: p.Source})
	}
	return out
}

// Waived reports whether a waiver of the automatic downgrade is documented
// for the country in year y.
func (h *History) Waived(c tip.Country, y tip.ReportYear) bool {
	for _, w := range h.Waivers {
		if w.Country == c && w.Year == y {
			return true
		}
	}
	return false
}

// MoveKind says how a country's placement changed between two years.
type MoveKind uint8

// The kinds of Move.
const (
	MoveUnknown  MoveKind = iota // a side is unknown
	MoveSame                     // same tier
	MoveUp                       // a better ranked tier
	MoveDown                     // a worse ranked tier
	MoveEntry                    // absent before, placed after
	MoveExit                     // placed before, absent after
	MoveUnranked                 // to or from Special Case: neither up nor down
)

// String returns "unknown", "same", "up", "down", "entry", "exit" or "unranked".
func (k MoveKind) String() string {
	return [...]string{"unknown", "same", "up", "down", "entry", "exit", "unranked"}[min(int(k), 6)]
}

// A Move is one country's change between two report years.
type Move struct {
	Country  tip.Country
	From, To Tier
	Kind     MoveKind
}

// Moves compares two report years and returns every country placed in
// either, sorted by country, with how it moved. Countries whose other side
// is unknown have MoveUnknown: a gap in the data is not an exit.
func (h *History) Moves(from, to tip.ReportYear) []Move {
	seen := make(map[tip.Country]bool)
	var cs []tip.Country
	for _, y := range []tip.ReportYear{from, to} {
		if yr := h.Year(y); yr != nil {
			for _, p := range yr.Placements {
				if p.Country != 0 && !seen[p.Country] {
					seen[p.Country] = true
					cs = append(cs, p.Country)
				}
			}
		}
	}
	slices.Sort(cs)
	out := make([]Move, 0, len(cs))
	for _, c := range cs {
		a, sa := h.At(c, from)
		b, sb := h.At(c, to)
		m := Move{Country: c, From: a.Tier, To: b.Tier}
		switch {
		case sa == StatusPlaced && sb == StatusPlaced:
			if cmp, ok := a.Tier.Compare(b.Tier); ok {
				m.Kind = [...]MoveKind{MoveDown, MoveSame, MoveUp}[cmp+1] // cmp < 0: the earlier tier was the better one
			} else if a.Tier == b.Tier {
				m.Kind = MoveSame
			} else {
				m.Kind = MoveUnranked
			}
		case sa == StatusAbsent && sb == StatusPlaced:
			m.Kind = MoveEntry
		case sa == StatusPlaced && sb == StatusAbsent:
			m.Kind = MoveExit
		}
		out = append(out, m)
	}
	return out
}
