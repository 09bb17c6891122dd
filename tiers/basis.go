package tiers

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tipkit/tipkit/tip"
)

// A Basis says how a placement is known: read in the report, copied by a
// third party, implied by a later report, or inferred from counts. The zero
// Basis is unknown (a placement built by hand, or parsed from a report's
// text by a caller who did not say).
//
// Where two sources give one country two tiers in a year, the stronger
// basis wins, in the order of the constants (observed first, derived last):
// a derived row never outranks an observed one. The other row is not lost:
// History.Findings reports the conflict with both sources.
type Basis uint8

// The bases, strongest first.
const (
	BasisUnknown     Basis = iota
	BasisObserved          // read in the report itself or an official document: a country chapter, a Presidential Determination, a waiver memorandum
	BasisTranscribed       // a third party's copy or coding of the report: a research dataset, the CIA World Factbook, a news report quoting it
	BasisImplied           // read in the next report's narrative about the year before: "remained on Tier 2"
	BasisDerived           // inferred from counts and movements, not read anywhere: "Tier 2 is every other country"
)

// ErrBasis is wrapped by the error ParseBasis returns for a word it does
// not know.
var ErrBasis = errors.New("unknown basis")

var basisNames = [...]string{"unknown", "observed", "transcribed", "implied", "derived"}

// String returns "observed", "transcribed", "implied", "derived" or "unknown".
func (b Basis) String() string {
	if int(b) < len(basisNames) {
		return basisNames[b]
	}
	return fmt.Sprintf("Basis(%d)", uint8(b))
}

// ParseBasis reads a basis as the data files write it: "observed",
// "transcribed" (also "transcription", the word of one file's header),
// "implied", "derived", any case; "unknown" and "" give BasisUnknown.
func ParseBasis(s string) (Basis, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "unknown":
		return BasisUnknown, nil
	case "observed":
		return BasisObserved, nil
	case "transcribed", "transcription":
		return BasisTranscribed, nil
	case "implied":
		return BasisImplied, nil
	case "derived":
		return BasisDerived, nil
	}
	return BasisUnknown, fmt.Errorf("tiers: basis %q: want observed, transcribed, implied or derived: %w", s, ErrBasis)
}

// MarshalText writes String's form.
func (b Basis) MarshalText() ([]byte, error) {
	if int(b) >= len(basisNames) {
		return nil, fmt.Errorf("tiers: invalid Basis %d", uint8(b))
	}
	return []byte(b.String()), nil
}

// UnmarshalText reads what ParseBasis reads.
func (b *Basis) UnmarshalText(text []byte) error {
	v, err := ParseBasis(string(text))
	if err != nil {
		return err
	}
	*b = v
	return nil
}

// Inferred reports whether a placement on basis b was inferred rather than
// read in the year's report or a copy of it: BasisImplied (read in a later
// report's narrative) or BasisDerived (worked out from counts). A rule
// finding, a denial or a note of Eligible that rests on such a placement
// says so: "(rests on the derived 2022 Tier 2 row)".
func (b Basis) Inferred() bool { return b == BasisImplied || b == BasisDerived }

// inferredRow names one inferred placement in a rule's words: "the
// derived 2022 Tier 2 row".
func inferredRow(y tip.ReportYear, t Tier, b Basis) string {
	return fmt.Sprintf("the %s %d %s row", b, y, t)
}

// restsOn is the note a rule's message ends with when it rests on the
// inferred rows: " (rests on the implied 2017 Tier 2 Watch List row and
// the derived 2022 Tier 2 row)"; "" for none.
func restsOn(rows []string) string {
	switch len(rows) {
	case 0:
		return ""
	case 1:
		return " (rests on " + rows[0] + ")"
	}
	return " (rests on " + strings.Join(rows[:len(rows)-1], ", ") + " and " + rows[len(rows)-1] + ")"
}

// outranks reports whether a placement on basis b stands over one on
// basis o: a known basis over an unknown one, then the stronger.
func (b Basis) outranks(o Basis) bool {
	if b == BasisUnknown {
		return false
	}
	return o == BasisUnknown || b < o
}
