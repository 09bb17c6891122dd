package tip

import (
	"strings"
	"unicode/utf8"
)

// CutBullet reads a list item as the State Department's pages print them,
// copied with their spacing: "  • Chile", "- Iran", "\u00a0*\u00a0Turkey\u00a0",
// and as people retype them: "– Laos", "● Chad", "1. Canada", "12) Peru",
// "(3) Mali". It returns the item with its spaces cleaned and trimmed, the
// 1-based byte column where the item starts, and whether line is a list
// item at all (a bullet •, ·, ◦, ▪, ●, ○, ■, ‣, ∙, -, –, — or *, or a number
// of one to three digits followed by "." or ")" or enclosed in "( )" and a
// space, after optional spaces). An empty item ("  • ") is still an item:
// the caller reports it. A number must be followed by a space, so "1.5
// million" is not an item.
func CutBullet(line string) (item string, col int, ok bool) {
	i := skipSpaces(line, 0)
	r, n := utf8.DecodeRuneInString(line[i:])
	switch r {
	case '•', '-', '*', '·', '◦', '▪', '●', '○', '■', '‣', '∙', '–', '—':
		i += n
	default:
		j, ok := cutNumber(line, i)
		if !ok {
			return "", 0, false
		}
		i = j
	}
	i = skipSpaces(line, i)
	return strings.TrimSpace(CleanSpace(line[i:])), i + 1, true
}

// IsNameLine reports whether a trimmed line of a list could be a bare name,
// as lists retyped without bullets have them ("Canada"), rather than prose:
// at most 60 characters, not ending a sentence or introducing a list. The
// caller decides by looking the name up.
func IsNameLine(s string) bool {
	return s != "" && utf8.RuneCountInString(s) <= 60 && !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, ":")
}

// cutNumber reads "1." "12)" or "(3)" and the space after it at line[i:],
// returning the index after the marker.
func cutNumber(line string, i int) (int, bool) {
	open := i < len(line) && line[i] == '('
	if open {
		i++
	}
	d := i
	for i < len(line) && i-d < 4 && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i == d || i-d > 3 || i >= len(line) {
		return 0, false
	}
	switch {
	case open && line[i] == ')':
	case !open && (line[i] == '.' || line[i] == ')'):
	default:
		return 0, false
	}
	i++
	if skipSpaces(line, i) == i && i < len(line) {
		return 0, false // "1.5 million", "3)x"
	}
	return i, true
}

// skipSpaces skips ASCII spaces, tabs, NBSP and U+202F from i.
func skipSpaces(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != ' ' && r != '\t' && r != '\u00a0' && r != '\u202f' {
			break
		}
		i += n
	}
	return i
}
