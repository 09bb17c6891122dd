package text

import (
	"strings"
	"unicode/utf8"
)

// CutBullet reads a list item as the State Department's pages print them,
// copied with their spacing: "  • Chile", "- Iran", "\u00a0*\u00a0Turkey\u00a0",
// and as people retype them: "– Laos", "● Chad", "1. Canada", "12) Peru",
// "(3) Mali". It returns the item cleaned ([Clean]) and trimmed, the
// 1-based byte column where the item starts, and whether line is a list
// item at all: after optional spaces, a bullet (•, ·, ◦, ▪, ●, ○, ■, ‣, ∙,
// *, or any dash, see [IsDash]), or a number of one to three digits
// followed by "." or ")" or enclosed in "( )", then a space. An empty item
// ("  • ") is still an item: the caller reports it. A number must be
// followed by a space, so "1.5 million" is not an item.
func CutBullet(line string) (item string, col int, ok bool) {
	i := skipSpaces(line, 0)
	r, n := utf8.DecodeRuneInString(line[i:])
	if isBullet(r) {
		i += n
	} else if i, ok = cutNumber(line, i); !ok {
		return "", 0, false
	}
	i = skipSpaces(line, i)
	return strings.TrimSpace(Clean(line[i:])), i + 1, true
}

// bullets are the list marks other than dashes.
const bullets = "•·◦▪●○■‣∙*"

func isBullet(r rune) bool { return strings.ContainsRune(bullets, r) || IsDash(r) }

// maxNameLine is the length, in runes, of the longest line IsNameLine takes
// for a name: the longest country name is about 50.
const maxNameLine = 60

// IsNameLine reports whether a trimmed line of a list could be a bare name,
// as lists retyped without bullets have them ("Canada"), rather than prose:
// at most 60 characters, not ending a sentence or introducing a list. The
// caller decides by looking the name up.
func IsNameLine(s string) bool {
	return s != "" && utf8.RuneCountInString(s) <= maxNameLine && !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, ":")
}

// cutNumber reads "1." "12)" or "(3)" and the space after it at line[i:],
// returning the index after the marker.
func cutNumber(line string, i int) (int, bool) {
	open := strings.HasPrefix(line[i:], "(")
	if open {
		i++
	}
	d := i
	for i < len(line) && i-d <= 3 && '0' <= line[i] && line[i] <= '9' {
		i++
	}
	if i == d || i-d > 3 || i >= len(line) {
		return 0, false
	}
	switch c := line[i]; {
	case open && c == ')':
	case !open && (c == '.' || c == ')'):
	default:
		return 0, false
	}
	i++
	if i < len(line) && skipSpaces(line, i) == i {
		return 0, false // "1.5 million", "3)x"
	}
	return i, true
}

// skipSpaces returns the index of the first rune at or after i that is not
// a space.
func skipSpaces(s string, i int) int {
	return len(s) - len(strings.TrimLeftFunc(s[i:], IsSpace))
}
