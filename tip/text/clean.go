package text

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsSpace reports whether r is a space: anything Unicode calls white space
// (the White_Space property, as [unicode.IsSpace] has it), so an ASCII
// space or tab, a no-break space (U+00A0), a narrow no-break space
// (U+202F), an em space, a line separator. Text copied from web pages and
// PDFs is full of them.
func IsSpace(r rune) bool { return unicode.IsSpace(r) }

// IsDash reports whether r is a dash: a hyphen-minus, a hyphen, an en or em
// dash or any other of Unicode's dash punctuation (class Pd), or the minus
// sign (U+2212), which typesetters use for one. The documents write the
// same dash many ways: "Guinea-Bissau", "Regional Project – Burma".
func IsDash(r rune) bool { return unicode.Is(unicode.Pd, r) || r == '\u2212' }

// isInvisible reports whether r is a format character (Unicode class Cf):
// a zero-width space, a byte order mark, a soft hyphen, a direction mark.
// Nothing a reader sees, so nothing a parser should compare.
func isInvisible(r rune) bool { return unicode.Is(unicode.Cf, r) }

// Clean returns s with every space ([IsSpace]) written as an ASCII space,
// and every invisible format character (zero-width space, byte order mark,
// soft hyphen, direction marks: Unicode class Cf) dropped. Dashes, quotes
// and letters stay as printed. A string with nothing to clean is returned
// as it is, without allocating; in one that has something, an invalid
// UTF-8 byte becomes U+FFFD (check lines with [Invalid] first).
//
//	Clean("Antigua\u00a0and\u202fBarbuda\u200b") == "Antigua and Barbuda"
func Clean(s string) string {
	if !needsCleaning(s) {
		return s
	}
	return strings.Map(cleanRune, s)
}

// needsCleaning reports whether Clean changes s. Printable ASCII, most of
// any line, is passed over a byte at a time; only other runes are decoded.
func needsCleaning(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; ' ' <= c && c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if cleanRune(r) != r {
			return true
		}
		i += n
	}
	return false
}

// cleanRune is what Clean does to one rune: ' ' for a space, -1 (dropped)
// for an invisible one, the rune itself otherwise.
func cleanRune(r rune) rune {
	switch {
	case ' ' <= r && r < utf8.RuneSelf:
		return r // printable ASCII, told without a table
	case IsSpace(r):
		return ' '
	case isInvisible(r):
		return -1
	}
	return r
}

// Invalid returns the 1-based byte column of the first thing in b that is
// not text, an invalid UTF-8 sequence or a NUL byte, or 0 if b is all text.
// A parser reports the line as a positioned error and reads no further in
// it.
func Invalid(b []byte) int {
	if utf8.Valid(b) && bytes.IndexByte(b, 0) < 0 {
		return 0 // the common case, told by two fast scans
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == 0 || r == utf8.RuneError && n == 1 {
			return i + 1
		}
		i += n
	}
	return 0
}
