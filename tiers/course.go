package tiers

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/tipkit/tipkit/tip"
)

// A country's course through the report years, as a panel of country ×
// year reads it: the year before, the move into the year, the years in
// the report so far. Each answer is about one country, read with At, so a
// lag never takes another country's row, whatever order a table holds
// its rows in: the mistake of computing lags from the row above in a
// table sorted by year rather than by country and year.

// InReport reports whether a country of this status is in the year's
// report, and whether that is known: StatusPlaced is in it (Special Case
// included); StatusAbsent and StatusNonexistent are not; StatusUnknown is
// not known.
func (s Status) InReport() (in, known bool) {
	switch s {
	case StatusPlaced:
		return true, true
	case StatusAbsent, StatusNonexistent:
		return false, true
	}
	return false, false
}

// Previous returns the country's placement in the report year before y
// and what the history knows of it: At(c, y-1), the country's own lag.
// It is StatusUnknown where the history does not hold y-1 (y is its first
// year).
func (h *History) Previous(c tip.Country, y tip.ReportYear) (Placement, Status) {
	return h.At(c, y-1)
}

// Move returns how country c moved from report year y-1 to y: up, down,
// the same tier, into the report (MoveEntry) or out of it (MoveExit), or
// to or from Special Case (MoveUnranked, neither up nor down). It is
// MoveUnknown where either year is unknown for the country (the history
// does not hold it, or no source says whether the country is in it) and
// where the country is in neither year's report. Moves(y-1, y) holds the
// same move for every country placed in either year.
func (h *History) Move(c tip.Country, y tip.ReportYear) Move {
	return h.move(c, y-1, y)
}

// YearsInReport returns the number of report years from FirstReportYear
// to y, y included, in which the country is in the report (placed, Special
// Case included), and whether that count is known: false if the history
// lacks one of those years, or does not know whether the country was in
// one of them (StatusUnknown). A year the entity did not exist counts as
// not in the report.
//
// The count is of years in the report, not of years since the first: a
// country that leaves the report and returns counts only its years in it.
func (h *History) YearsInReport(c tip.Country, y tip.ReportYear) (n int, known bool) {
	if y < FirstReportYear {
		return 0, false
	}
	held := 0 // the years read: a gap among them makes the count unknown
	for _, col := range yearsOf(h) {
		if col.year < FirstReportYear || col.year > y {
			continue
		}
		held++
		in, ok := h.statusAt(c, col.year).InReport()
		if !ok {
			return n, false
		}
		if in {
			n++
		}
	}
	return n, held == int(y-FirstReportYear)+1
}

var moveKindNames = [...]string{"unknown", "same", "up", "down", "entry", "exit", "unranked"}

// ErrMoveKind is wrapped by the error ParseMoveKind returns for a word it
// does not know.
var ErrMoveKind = errors.New("unknown move kind")

// ParseMoveKind reads what MoveKind.String writes, in any case; "" gives
// MoveUnknown.
func ParseMoveKind(s string) (MoveKind, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return MoveUnknown, nil
	}
	if i := slices.Index(moveKindNames[:], s); i >= 0 {
		return MoveKind(i), nil
	}
	return MoveUnknown, fmt.Errorf("tiers: move %q: want one of %s: %w", s, strings.Join(moveKindNames[1:], ", "), ErrMoveKind)
}

// MarshalText writes String's form.
func (k MoveKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads what ParseMoveKind reads.
func (k *MoveKind) UnmarshalText(b []byte) error {
	v, err := ParseMoveKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// statusAt is At's status alone.
func (h *History) statusAt(c tip.Country, y tip.ReportYear) Status {
	_, st := h.At(c, y)
	return st
}
