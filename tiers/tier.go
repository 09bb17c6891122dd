package tiers

import (
	"errors"
	"fmt"
	"strings"
)

// A Tier is a TIP Report placement. The zero Tier is unknown.
type Tier uint8

// The tiers, in the order the report prints them.
const (
	TierUnknown    Tier = iota
	Tier1               // fully meets the TVPA minimum standards
	Tier2               // does not, but makes significant efforts
	Tier2WatchList      // Tier 2, and a significant or growing problem, or no evidence of increasing efforts
	Tier3               // does not, and makes no significant efforts
	SpecialCase         // not ranked (conflict, no functioning government): Libya, Somalia, Yemen in 2023
)

// ErrTier is wrapped by the error ParseTier returns for a wording it does
// not know.
var ErrTier = errors.New("unknown tier")

var tierNames = [...]string{"", "Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3", "Special Case"}

// String returns the tier as the report writes it: "Tier 2 Watch List";
// "" for the zero Tier.
func (t Tier) String() string {
	if int(t) < len(tierNames) {
		return tierNames[t]
	}
	return fmt.Sprintf("Tier(%d)", uint8(t))
}

// Code returns a short stable code: "1", "2", "2WL", "3", "SC"; "" for the zero Tier.
func (t Tier) Code() string {
	return [...]string{"", "1", "2", "2WL", "3", "SC", ""}[min(int(t), 6)]
}

// Ranked reports whether the tier is a rank (Tier 1 to Tier 3). Special
// Case and unknown are not.
func (t Tier) Ranked() bool { return t >= Tier1 && t <= Tier3 }

// Score returns the numeric code of Kelley's Scorecard Diplomacy panel
// (1, 2, 2.5, 3) and false for Special Case and unknown, which have none:
// averaging them in as numbers is the classic mistake this avoids.
func (t Tier) Score() (float64, bool) {
	switch t {
	case Tier1:
		return 1, true
	case Tier2:
		return 2, true
	case Tier2WatchList:
		return 2.5, true
	case Tier3:
		return 3, true
	}
	return 0, false
}

// Compare orders ranked tiers from best to worst: it returns -1 if t is a
// better placement than u, +1 if worse, 0 if equal. ok is false when either
// is Special Case or unknown, which are not comparable: a move from Special
// Case to Tier 2 is neither an upgrade nor a downgrade.
func (t Tier) Compare(u Tier) (cmp int, ok bool) {
	if !t.Ranked() || !u.Ranked() {
		return 0, false
	}
	switch {
	case t < u:
		return -1, true
	case t > u:
		return 1, true
	}
	return 0, true
}

// ParseTier reads a tier as documents and datasets write it: "Tier 1",
// "Tier 2 Watch List", "Tier 2 Watchlist", "Tier 2WL", "T2WL", "2WL",
// "Watchlist" (the Kelley panel), "tier 3", "3", "Special Case", "SC".
// Case, spacing and hyphens do not matter.
func ParseTier(s string) (Tier, error) {
	k := strings.ToLower(strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '-' || r == '_' || r == '\u00a0'
	}), ""))
	switch k {
	case "tier1", "t1", "1":
		return Tier1, nil
	case "tier2", "t2", "2":
		return Tier2, nil
	case "tier2watchlist", "tier2wl", "t2wl", "2wl", "watchlist", "tier2watch", "wl", "2.5":
		return Tier2WatchList, nil
	case "tier3", "t3", "3":
		return Tier3, nil
	case "specialcase", "specialcases", "sc":
		return SpecialCase, nil
	}
	return TierUnknown, fmt.Errorf("tiers: %q: %w", s, ErrTier)
}

// MarshalText writes String's form; the zero Tier writes "".
func (t Tier) MarshalText() ([]byte, error) {
	if t > SpecialCase {
		return nil, fmt.Errorf("tiers: invalid Tier %d", uint8(t))
	}
	return []byte(t.String()), nil
}

// UnmarshalText reads what ParseTier reads; "" gives the zero Tier.
func (t *Tier) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*t = TierUnknown
		return nil
	}
	v, err := ParseTier(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}
