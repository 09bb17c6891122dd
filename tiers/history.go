package tiers

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/tipkit/tipkit/tip"
)

// A Completeness says how much of a report year's placements a History
// holds, so that nobody reads a gap in the sources as "not in the report".
//
// Known lists the tiers whose lists the sources give completely. A country
// on none of the year's lists is absent from the report only where a
// source says so: every list is known and the country is not one of the
// Gaps, or it is one of Absent. Anything else is unknown.
type Completeness struct {
	// Known lists the tiers whose lists are complete for the year.
	Known []Tier
	// Absent lists countries a source says are not in the report, whatever
	// the lists: the United States before 2010 ("the 2010 report is the
	// first to rank the United States").
	Absent []tip.Country
	// Gaps lists countries whose absence no source states although every
	// list is known: entities the year's research panel does not code
	// (Timor-Leste 2010), or open points a source puts in doubt (Kiribati
	// in a report with no chapter for it).
	Gaps []tip.Country
	// Note says what the year holds, computed from its placements and
	// the tables of data/: "Tier 1 33 (complete: extra/2024.txt), …".
	Note string
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

// Covers reports whether a source says that a country on none of the
// year's lists is not in the report: the country is one of Absent, or every
// list is known and the country is not one of Gaps.
func (c Completeness) Covers(country tip.Country) bool {
	if slices.Contains(c.Absent, country) {
		return true
	}
	return c.Full() && !slices.Contains(c.Gaps, country)
}

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
	StatusUnknown     Status = iota // the year is not held, or no source says whether the country is in the report
	StatusPlaced                    // the country has a placement
	StatusAbsent                    // a source says the country is not in the report (Completeness.Covers)
	StatusNonexistent               // the entity did not exist in the year: Serbia and Montenegro after 2006 (data/entities.txt)
)

var statusNames = [...]string{"unknown", "placed", "absent", "nonexistent"}

// String returns "unknown", "placed", "absent" or "nonexistent".
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return "unknown"
}

// ErrStatus is wrapped by the error ParseStatus returns for a word it
// does not know.
var ErrStatus = errors.New("unknown status")

// ParseStatus reads what String writes, in any case.
func ParseStatus(s string) (Status, error) {
	for i, n := range statusNames {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return Status(i), nil
		}
	}
	return StatusUnknown, fmt.Errorf("tiers: status %q: want placed, absent, unknown or nonexistent: %w", s, ErrStatus)
}

// MarshalText writes String's form.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads what ParseStatus reads.
func (s *Status) UnmarshalText(b []byte) error {
	v, err := ParseStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
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
// knows: StatusPlaced with the placement (its Basis and Source say how it is
// known); StatusNonexistent if the entity did not exist in y (data/entities.txt);
// StatusAbsent where a source says the country is not in the report
// (Completeness.Covers); otherwise StatusUnknown. The zero Country is
// unknown in every year: it is no country, so neither placed nor absent
// (and never the placement of a name that did not resolve).
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
	switch {
	case !existed(c, y):
		return Placement{}, StatusNonexistent
	case yr.Completeness.Covers(c):
		return Placement{}, StatusAbsent
	}
	return Placement{}, StatusUnknown
}

// An Entry is one year of a country's Timeline.
type Entry struct {
	Year   tip.ReportYear
	Tier   Tier // TierUnknown unless Status is StatusPlaced
	Status Status
	Waiver bool   // a documented waiver of the automatic downgrade
	Basis  Basis  // how the placement is known; BasisUnknown unless placed
	Source string // the file the placement comes from
}

// Timeline returns the country's entry for every year the history holds.
func (h *History) Timeline(c tip.Country) []Entry {
	out := make([]Entry, 0, len(h.Years))
	for _, y := range h.Years {
		p, st := h.At(c, y.Year)
		out = append(out, Entry{Year: y.Year, Tier: p.Tier, Status: st, Waiver: h.Waived(c, y.Year), Basis: p.Basis, Source: p.Source})
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
	if int(k) < len(moveKindNames) {
		return moveKindNames[k]
	}
	return moveKindNames[MoveUnknown]
}

// A Move is one country's change between two report years.
type Move struct {
	Country  tip.Country
	From, To Tier
	Kind     MoveKind
}

// Moves compares two report years and returns every country placed in
// either, sorted by country, with how it moved. Countries whose other side
// is unknown have MoveUnknown: a gap in the data is not an exit. An entity
// that did not exist in the other year entered or left the report
// (MoveEntry, MoveExit), as a country a source says is absent did.
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
		out = append(out, h.move(c, from, to))
	}
	return out
}

// move is how country c moved from report year from to report year to,
// each read with At. A year in which a source says the country is not in
// the report, or in which the entity did not exist, is out of the report:
// a move from it is an entry, to it an exit (South Sudan's first report,
// 2012; Serbia and Montenegro's last, 2006). An unknown side gives
// MoveUnknown.
func (h *History) move(c tip.Country, from, to tip.ReportYear) Move {
	a, sa := h.At(c, from)
	b, sb := h.At(c, to)
	m := Move{Country: c, From: a.Tier, To: b.Tier}
	inA, knownA := sa.InReport()
	inB, knownB := sb.InReport()
	switch {
	case !knownA || !knownB:
	case inA && inB:
		if cmp, ok := a.Tier.Compare(b.Tier); ok {
			m.Kind = [...]MoveKind{MoveDown, MoveSame, MoveUp}[cmp+1] // cmp < 0: the earlier tier was the better one
		} else if a.Tier == b.Tier {
			m.Kind = MoveSame
		} else {
			m.Kind = MoveUnranked
		}
	case inB:
		m.Kind = MoveEntry
	case inA:
		m.Kind = MoveExit
	}
	return m
}

// Clone returns a deep copy of h: changing the copy, down to a year's
// placements or a finding, leaves h as it was.
func (h *History) Clone() *History {
	if h == nil {
		return nil
	}
	out := &History{Years: slices.Clone(h.Years), Waivers: slices.Clone(h.Waivers), Findings: slices.Clone(h.Findings)}
	for i := range out.Years {
		yr := &out.Years[i]
		yr.Placements = slices.Clone(yr.Placements)
		yr.Sources = slices.Clone(yr.Sources)
		yr.StateSponsored = slices.Clone(yr.StateSponsored)
		yr.Completeness.Known = slices.Clone(yr.Completeness.Known)
		yr.Completeness.Absent = slices.Clone(yr.Completeness.Absent)
		yr.Completeness.Gaps = slices.Clone(yr.Completeness.Gaps)
	}
	return out
}
