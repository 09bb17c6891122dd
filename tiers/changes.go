package tiers

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/tipkit/tipkit/tip"
)

// A ChangeKind says how a country's place in the report changed from one
// report year to the next. The zero ChangeKind is unknown.
type ChangeKind uint8

// The kinds of change.
const (
	ChangeUnknown       ChangeKind = iota
	ChangeUpgrade                  // to a better ranked tier
	ChangeDowngrade                // to a worse ranked tier, not known to be the automatic downgrade
	ChangeAutoDowngrade            // to Tier 3, the automatic downgrade for certain (DowngradeAutomatic)
	ChangeEntry                    // into the report: absent, or not yet in existence, the year before
	ChangeExit                     // out of the report: absent, or no longer in existence, this year
	ChangeUnranked                 // to or from Special Case: neither up nor down
)

var changeNames = [...]string{"unknown", "upgrade", "downgrade", "automatic downgrade", "entry", "exit", "unranked"}

// String returns "upgrade", "downgrade", "automatic downgrade", "entry",
// "exit", "unranked" or "unknown".
func (k ChangeKind) String() string {
	if int(k) < len(changeNames) {
		return changeNames[k]
	}
	return changeNames[ChangeUnknown]
}

// ErrChangeKind is wrapped by the error ParseChangeKind returns for a
// word it does not know.
var ErrChangeKind = errors.New("unknown change kind")

// ParseChangeKind reads what String writes, in any case; "" gives
// ChangeUnknown.
func ParseChangeKind(s string) (ChangeKind, error) {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	if s == "" {
		return ChangeUnknown, nil
	}
	if i := slices.Index(changeNames[:], s); i >= 0 {
		return ChangeKind(i), nil
	}
	return ChangeUnknown, fmt.Errorf("tiers: change %q: want one of %s: %w", s, strings.Join(changeNames[1:], ", "), ErrChangeKind)
}

// MarshalText writes String's form.
func (k ChangeKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads what ParseChangeKind reads.
func (k *ChangeKind) UnmarshalText(b []byte) error {
	v, err := ParseChangeKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// A Change is one country's change of place in the report from report
// year Year-1 to Year: an event of an event-history model.
type Change struct {
	Country tip.Country
	Year    tip.ReportYear // the year of the new place; the change is from Year-1
	From    Tier           // TierUnknown for an entry
	To      Tier           // TierUnknown for an exit
	Kind    ChangeKind
	// Downgrade is AutoDowngrade's answer for a move to Tier 3 from a
	// ranked tier (DowngradeAutomatic for ChangeAutoDowngrade; possible,
	// none or unknown for a ChangeDowngrade), zero otherwise; Rule names
	// the rule version it rests on, if any.
	Downgrade DowngradeKind
	Rule      RuleRef
	// FromBasis and ToBasis say how each placement is known (BasisUnknown
	// on the side out of the report): a change that rests on a derived
	// placement is itself derived.
	FromBasis, ToBasis Basis
}

// Changes is DefaultRules().Changes(h, from, to).
func Changes(h *History, from, to tip.ReportYear) []Change {
	return DefaultRules().Changes(h, from, to)
}

// Changes returns every change of a country's place in the report into a
// report year from from to to, both included, from the year before
// (History.Move): a change of tier, an entry into the report, an exit
// from it. A country whose tier stays the same has none, and neither has
// a country whose place in either year is unknown (a gap in the data is
// not a change). Only the years the history holds are read. A downgrade to Tier 3 is ChangeAutoDowngrade where
// AutoDowngrade under rs says it is the automatic downgrade for certain.
// The changes are sorted by country, then year; a year the history holds
// without the year before has none.
func (rs Rules) Changes(h *History, from, to tip.ReportYear) []Change {
	x := newIndex(h) // every country the history places: no other can change
	var out []Change
	for _, c := range x.countries {
		for _, col := range x.years {
			y := col.year
			if y < from || y > to {
				continue
			}
			m := h.Move(c, y)
			ch := Change{Country: c, Year: y, From: m.From, To: m.To}
			switch m.Kind {
			case MoveUp:
				ch.Kind = ChangeUpgrade
			case MoveDown:
				ch.Kind = ChangeDowngrade
				if m.To == Tier3 {
					ch.Downgrade, ch.Rule = rs.AutoDowngrade(h, c, y)
					if ch.Downgrade == DowngradeAutomatic {
						ch.Kind = ChangeAutoDowngrade
					}
				}
			case MoveEntry:
				ch.Kind = ChangeEntry
			case MoveExit:
				ch.Kind = ChangeExit
			case MoveUnranked:
				ch.Kind = ChangeUnranked
			default:
				continue // the same tier, out of the report both years, or unknown
			}
			a, _ := h.Previous(c, y)
			b, _ := h.At(c, y)
			ch.FromBasis, ch.ToBasis = a.Basis, b.Basis
			out = append(out, ch)
		}
	}
	return out
}
