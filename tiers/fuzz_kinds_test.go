package tiers

import (
	"errors"
	"testing"
)

// FuzzParseKinds: the panel's three word lists (MoveKind, DowngradeKind,
// ChangeKind). A success reads back from its String; an error wraps the
// list's sentinel and gives the zero value.
func FuzzParseKinds(f *testing.F) {
	for _, s := range []string{"up", "ENTRY", "automatic downgrade", "automatic  downgrade", "possible", "", "unranked", "sideways"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if k, err := ParseMoveKind(s); err != nil {
			if k != MoveUnknown || !errors.Is(err, ErrMoveKind) {
				t.Fatalf("ParseMoveKind(%q) = %v, %v", s, k, err)
			}
		} else if back, err := ParseMoveKind(k.String()); back != k || err != nil {
			t.Fatalf("ParseMoveKind(%q) = %v, reads back as %v, %v", s, k, back, err)
		}
		if k, err := ParseDowngradeKind(s); err != nil {
			if k != DowngradeUnknown || !errors.Is(err, ErrDowngradeKind) {
				t.Fatalf("ParseDowngradeKind(%q) = %v, %v", s, k, err)
			}
		} else if back, err := ParseDowngradeKind(k.String()); back != k || err != nil {
			t.Fatalf("ParseDowngradeKind(%q) = %v, reads back as %v, %v", s, k, back, err)
		}
		if k, err := ParseChangeKind(s); err != nil {
			if k != ChangeUnknown || !errors.Is(err, ErrChangeKind) {
				t.Fatalf("ParseChangeKind(%q) = %v, %v", s, k, err)
			}
		} else if back, err := ParseChangeKind(k.String()); back != k || err != nil {
			t.Fatalf("ParseChangeKind(%q) = %v, reads back as %v, %v", s, k, back, err)
		}
	})
}
