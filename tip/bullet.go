package tip

import (
	"strings"
	"unicode/utf8"
)

// CutBullet reads a bulleted list item as the State Department's pages
// print them, copied with their spacing: "  • Chile", "- Iran",
// "\u00a0*\u00a0Turkey\u00a0". It returns the item with its spaces cleaned
// and trimmed, the 1-based byte column where the item starts, and whether
// line is a bullet at all (•, ·, ◦, ▪, - or * after optional spaces). An
// empty item ("  • ") is still a bullet: the caller reports it.
func CutBullet(line string) (item string, col int, ok bool) {
	i := skipSpaces(line, 0)
	r, n := utf8.DecodeRuneInString(line[i:])
	switch r {
	case '•', '-', '*', '·', '◦', '▪':
	default:
		return "", 0, false
	}
	i = skipSpaces(line, i+n)
	return strings.TrimSpace(CleanSpace(line[i:])), i + 1, true
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
