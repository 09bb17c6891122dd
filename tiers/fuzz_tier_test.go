package tiers

import (
	"errors"
	"testing"
)

// FuzzParseTier: a success is one of the five tiers, which its String and
// Code read back to; an error wraps ErrTier and returns the zero Tier.
func FuzzParseTier(f *testing.F) {
	for _, s := range []string{"Tier 2 Watch List", "Tier 2WL", "T2WL", "Tier 2 Watchlist", "tier 3", "Special Case", "SC", "2.5", "Tier\u00a01", "Tier 4", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseTier(s)
		if err != nil {
			if v != TierUnknown || !errors.Is(err, ErrTier) {
				t.Fatalf("ParseTier(%q) = %v, %v", s, v, err)
			}
			return
		}
		if v < Tier1 || v > SpecialCase {
			t.Fatalf("ParseTier(%q) = %d with no error", s, v)
		}
		for _, form := range []string{v.String(), v.Code()} {
			if back, err := ParseTier(form); back != v || err != nil {
				t.Fatalf("ParseTier(%q) = %v; %q reads back as %v, %v", s, v, form, back, err)
			}
		}
		var u Tier
		text, _ := v.MarshalText()
		if err := u.UnmarshalText(text); err != nil || u != v {
			t.Fatalf("%v: text %q reads back as %v, %v", v, text, u, err)
		}
	})
}
