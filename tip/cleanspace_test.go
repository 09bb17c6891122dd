package tip

import (
	"strings"
	"testing"
	"unicode"
)

// cleanSpaceRef is CleanSpace without its fast paths: the definition the
// fast paths must agree with.
func cleanSpaceRef(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return (r != ' ' && unicode.IsSpace(r)) || r == '\u200b' || r == '\ufeff' }) {
		return s // nothing to clean: returned as is, invalid UTF-8 included
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\u200b' || r == '\ufeff':
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestCleanSpaceMatchesReference(t *testing.T) {
	pieces := []string{"a", " ", "\t", "\r", "\v", "\f", "\u0085", "\u00a0", "\u1680", "\u2000", "\u2009", "\u200a", "\u200b",
		"\u2010", "\u2019", "\u201c", "\u2026", "\u2028", "\u2029", "\u202f", "\u205f", "\u2060", "\u3000", "\ufeff", "\uff01",
		"é", "ü", "–", "—", "’", "€", "日", "\xe2", "\xe2\x80", "\xff"}
	for _, a := range pieces {
		for _, b := range pieces {
			for _, c := range pieces {
				s := a + b + c
				if got, want := CleanSpace(s), cleanSpaceRef(s); got != want {
					t.Errorf("CleanSpace(%q) = %q, want %q", s, got, want)
				}
			}
		}
	}
}

func FuzzCleanSpace(f *testing.F) {
	f.Add("Côte d’Ivoire\u00a0 and\u202fTürkiye\u200b")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := CleanSpace(s), cleanSpaceRef(s); got != want {
			t.Errorf("CleanSpace(%q) = %q, want %q", s, got, want)
		}
	})
}
