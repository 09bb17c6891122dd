package cspa

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/tipkit/tipkit/tip"
)

// A WaiverScope says how far a fiscal year's presidential waivers lift the
// CSPA's bar on a listed government, taken over all the authorities barred:
// the one word a country-year panel holds where [Prohibited] gives one
// Restriction per authority. The zero WaiverScope is unknown.
type WaiverScope uint8

// The scopes.
const (
	ScopeUnknown WaiverScope = iota // nothing is known to be barred, or no waiver of the year is documented
	ScopeNone                       // no waiver lifts any barred authority
	ScopePartial                    // some authorities are lifted, or one within a limit ("solely DCS in connection with the International Space Station")
	ScopeFull                       // every barred authority is lifted
)

var scopeNames = [...]string{"unknown", "none", "partial", "full"}

// String returns "none", "partial", "full" or "unknown".
func (s WaiverScope) String() string {
	if int(s) < len(scopeNames) {
		return scopeNames[s]
	}
	return scopeNames[ScopeUnknown]
}

// ErrWaiverScope is wrapped by the error ParseWaiverScope returns for a
// word it does not know.
var ErrWaiverScope = errors.New("unknown waiver scope")

// ParseWaiverScope reads what String writes, in any case; "" gives
// ScopeUnknown.
func ParseWaiverScope(s string) (WaiverScope, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "" {
		return ScopeUnknown, nil
	}
	if i := slices.Index(scopeNames[:], t); i >= 0 {
		return WaiverScope(i), nil
	}
	return ScopeUnknown, fmt.Errorf("cspa: waiver scope %q: want one of %s: %w", s, strings.Join(scopeNames[1:], ", "), ErrWaiverScope)
}

// MarshalText writes String's form.
func (s WaiverScope) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads what ParseWaiverScope reads.
func (s *WaiverScope) UnmarshalText(b []byte) error {
	v, err := ParseWaiverScope(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ScopeOf returns how far the waivers lift the restrictions rs, one
// country's in one fiscal year as Prohibited returns them: ScopeFull if
// every one is Lifted, ScopePartial if some are lifted wholly or in part,
// ScopeNone if none is, and ScopeUnknown if rs is empty (nothing barred).
func ScopeOf(rs []Restriction) WaiverScope {
	if len(rs) == 0 {
		return ScopeUnknown
	}
	lifted, some := 0, false
	for _, r := range rs {
		switch r.Lift {
		case Lifted:
			lifted++
			some = true
		case LiftedInPart:
			some = true
		}
	}
	switch {
	case lifted == len(rs):
		return ScopeFull
	case some:
		return ScopePartial
	}
	return ScopeNone
}

// WaiverScope returns how far the waivers of fiscal year fy lift the bar on
// country c: ScopeOf(d.Prohibited(c, fy)), except where d documents no
// waiver of fy at all. There it is ScopeUnknown, since a country no waiver
// names cannot be told from a waiver not found.
func (d *Data) WaiverScope(c tip.Country, fy tip.FiscalYear) WaiverScope {
	if len(d.WaiversFor(fy)) == 0 {
		return ScopeUnknown
	}
	return ScopeOf(d.Prohibited(c, fy))
}
