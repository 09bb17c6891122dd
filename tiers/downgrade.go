package tiers

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/tipkit/tipkit/tip"
)

// A DowngradeKind says whether a country's placement in a report year is
// the TVPA's automatic downgrade to Tier 3 (22 U.S.C. 7107(b)(2)(D)(i)):
// "any country that has been ranked Tier 2 Watch List for two consecutive
// years and that would otherwise be ranked Tier 2 Watch List for the next
// year will instead be ranked Tier 3 in that third year" (seed 003). The
// data show the Watch List years, not what the country "would otherwise"
// have been: a Tier 3 after a run that a waiver could still have extended
// is the automatic downgrade or a downgrade on the merits, and only a Tier
// 3 after a run that used every waiver the rule allows is the automatic
// downgrade for certain. The zero DowngradeKind is unknown.
type DowngradeKind uint8

// The kinds of downgrade.
const (
	DowngradeUnknown   DowngradeKind = iota // the year, or the Watch List years before it, are not all known
	DowngradeNone                           // not Tier 3; Tier 3 after fewer Watch List years than trigger the downgrade; or no downgrade rule in force
	DowngradePossible                       // Tier 3 after a run that triggers the downgrade while a waiver could still have been granted: automatic, or on the merits
	DowngradeAutomatic                      // Tier 3 after a run that used every waiver the rule allows: the automatic downgrade
)

var downgradeNames = [...]string{"unknown", "none", "possible", "automatic"}

// String returns "unknown", "none", "possible" or "automatic".
func (k DowngradeKind) String() string {
	if int(k) < len(downgradeNames) {
		return downgradeNames[k]
	}
	return downgradeNames[DowngradeUnknown]
}

// ErrDowngradeKind is wrapped by the error ParseDowngradeKind returns for
// a word it does not know.
var ErrDowngradeKind = errors.New("unknown downgrade kind")

// ParseDowngradeKind reads what String writes, in any case; "" gives
// DowngradeUnknown.
func ParseDowngradeKind(s string) (DowngradeKind, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return DowngradeUnknown, nil
	}
	if i := slices.Index(downgradeNames[:], s); i >= 0 {
		return DowngradeKind(i), nil
	}
	return DowngradeUnknown, fmt.Errorf("tiers: downgrade %q: want one of %s: %w", s, strings.Join(downgradeNames[:], ", "), ErrDowngradeKind)
}

// MarshalText writes String's form.
func (k DowngradeKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads what ParseDowngradeKind reads.
func (k *DowngradeKind) UnmarshalText(b []byte) error {
	v, err := ParseDowngradeKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// downgradeKind says what a Tier 3 placement after a run of before
// consecutive Watch List years is under rule r (KindDowngrade): the
// automatic downgrade once the run used the trigger and every waiver,
// possibly it once the run reached the trigger. certain says the run is
// known to be no longer than before; where it may be longer, a run short
// of the waivers' end gives DowngradeUnknown. Check reads its findings
// from the same answer.
func (r Rule) downgradeKind(before int, certain bool) DowngradeKind {
	switch {
	case before >= r.WatchListYears+r.Waivers:
		return DowngradeAutomatic
	case !certain:
		return DowngradeUnknown
	case before >= r.WatchListYears:
		return DowngradePossible
	}
	return DowngradeNone
}

// AutoDowngrade is DefaultRules().AutoDowngrade(h, c, y).
func AutoDowngrade(h *History, c tip.Country, y tip.ReportYear) (DowngradeKind, RuleRef) {
	return DefaultRules().AutoDowngrade(h, c, y)
}

// AutoDowngrade says whether country c's placement in report year y is
// the automatic downgrade to Tier 3, under the first rule of rs about the
// downgrade (KindDowngrade) in force in y, and names that rule version
// unless the answer is DowngradeNone. It counts the Watch List years
// before y as Check does, from the rule's CountFrom; the answer is
// DowngradeUnknown where the country's year is unknown, or a Tier 3
// follows a run that may be longer than the history shows (a year before
// it is unknown) and is not already long enough to be certain.
//
// In a year no rule about the downgrade is in force (under DefaultRules,
// the reports before the first after December 23, 2008), every answer
// that is not unknown is DowngradeNone.
func (rs Rules) AutoDowngrade(h *History, c tip.Country, y tip.ReportYear) (DowngradeKind, RuleRef) {
	x := newCountryIndex(h, c)
	i, ok := x.column(y)
	if !ok {
		return DowngradeUnknown, RuleRef{}
	}
	line := x.line(c)
	switch tier, st := x.status(line, i); {
	case st == StatusUnknown:
		return DowngradeUnknown, RuleRef{}
	case st != StatusPlaced || tier != Tier3:
		return DowngradeNone, RuleRef{}
	}
	for _, r := range rs.InForce(y) {
		if r.Kind != KindDowngrade {
			continue
		}
		before, certain := x.watchRun(line, y-1, r.CountFrom)
		d := r.downgradeKind(before, certain)
		if d == DowngradeNone {
			return d, RuleRef{}
		}
		return d, r.Ref()
	}
	return DowngradeNone, RuleRef{}
}
