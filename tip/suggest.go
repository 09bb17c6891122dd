package tip

import (
	"slices"
	"strings"
)

// maxNameLen bounds the names that get suggestions: the longest name of
// the table is about 60 bytes, and no country is named with a paragraph,
// so no O(n·m) is spent on one.
const maxNameLen = 100

// maxSuggestions bounds the suggestions of an UnknownCountryError.
const maxSuggestions = 4

// nameEdits is how many edits a whole name may be from what was typed to
// be suggested: none for three letters or fewer (a code, most likely, and
// any two-letter string is two edits from another), one for four ("Mena"
// is two from "Mali"), two beyond ("Lybia" is two from "Libya"). A long
// name is not allowed more: three edits make "Samoa Islands" of "Faroe
// Islands" and "Niger Republic" of "Khmer Republic", while real typos of
// long names are one or two edits (tip/testdata/typos.txt).
func nameEdits(n int) int {
	switch {
	case n <= 3:
		return 0
	case n == 4:
		return 1
	}
	return 2
}

// wordEdits is the same for one word matched against the words of names,
// which is weaker evidence: exact up to four letters, one edit up to
// seven, two beyond.
func wordEdits(n int) int {
	switch {
	case n <= 4:
		return 0
	case n <= 7:
		return 1
	}
	return 2
}

// A suggestion is a candidate with how near it is: fewer edits first,
// then a longer common prefix (a typo is likelier late in a word).
type suggestion struct {
	c      Country
	edits  int
	prefix int
}

func (a suggestion) better(b suggestion) bool {
	if a.edits != b.edits {
		return a.edits < b.edits
	}
	return a.prefix > b.prefix
}

// suggest returns the entities the name was most likely meant for: those
// with a whole name nearest to it, all at the same distance; or, when no
// whole name is near, those with a word near one of its distinctive words.
func (t *countryTable) suggest(name string) []Country {
	key := string(appendKey(nil, name))
	if len(key) > maxNameLen {
		return nil
	}
	best := make(map[Country]suggestion)
	consider := func(s suggestion) {
		if old, ok := best[s.c]; !ok || s.better(old) {
			best[s.c] = s
		}
	}
	rows := make([]int, 3*(maxNameLen+1)) // every name of the table is shorter
	limit := nameEdits(len(key))
	for _, n := range t.names {
		if abs(len(n.key)-len(key)) > limit {
			continue
		}
		if d := editDistance(key, n.key, limit, rows); d <= limit {
			consider(suggestion{n.c, d, commonPrefix(key, n.key)})
		}
	}
	if len(best) == 0 {
		for _, w := range strings.Fields(key) {
			w = strings.Trim(w, ",()")
			if len(w) < 4 || slices.Contains(stopWords, w) {
				continue
			}
			limit := wordEdits(len(w))
			for _, tok := range t.tokenWords {
				if abs(len(tok)-len(w)) > limit {
					continue
				}
				if d := editDistance(w, tok, limit, rows); d <= limit {
					for _, c := range t.tokens[tok] {
						consider(suggestion{c, d, commonPrefix(w, tok)})
					}
				}
			}
		}
	}
	var out []suggestion
	for _, s := range best {
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil
	}
	slices.SortFunc(out, func(a, b suggestion) int {
		switch {
		case a.better(b):
			return -1
		case b.better(a):
			return 1
		}
		return strings.Compare(a.c.Name(), b.c.Name())
	})
	var cs []Country
	for _, s := range out {
		// Only the nearest: a name two edits away is no likelier meant than
		// any other when one is a single edit away.
		if s.edits > out[0].edits || len(cs) == maxSuggestions {
			break
		}
		cs = append(cs, s.c)
	}
	return cs
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// editDistance returns the number of single-byte insertions, deletions,
// substitutions and transpositions of neighbours that turn a into b
// (optimal string alignment: "Isreal" is one edit from "Israel", not two),
// or limit+1 once it is certain to exceed limit. rows is scratch space for
// three rows of len(b)+1, reused across calls.
func editDistance(a, b string, limit int, rows []int) int {
	// Three rows of the dynamic-programming table: the one before the
	// previous is what a transposition reads.
	n := len(b) + 1
	rows = slices.Grow(rows[:0], 3*n)[:3*n]
	prev2, prev, cur := rows[:n], rows[n:2*n], rows[2*n:]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
