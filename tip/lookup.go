package tip

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tipkit/tipkit/tip/text"
)

// LookupCountry returns the country a name, alias or code denotes. It
// resolves, without guessing:
//
//   - the State Department name and former names: "Burma", "Swaziland";
//   - case, every Unicode space (NBSP, U+202F), diacritics ("Türkiye" =
//     "Turkiye", "Côte d’Ivoire" = "Cote d'Ivoire", "Curaçao"), apostrophe
//     and dash variants ("Guinea Bissau" = "Guinea-Bissau"), a leading
//     "The", "&" for "and", "St." for "Saint";
//   - comma-inverted forms: "Congo, Republic of the" = "Republic of the
//     Congo", "Korea, South" = "South Korea";
//   - common English and ISO names: "Myanmar", "North Korea", "Ivory Coast",
//     "Viet Nam", "Russian Federation", "Lao PDR", "DRC", "USA", "UK";
//   - a trailing parenthesis that agrees with the name: "Sint Maarten (Dutch
//     part)", "Congo (DRC)";
//   - ISO 3166-1 alpha-2 and alpha-3 and GENC codes: "MM", "MMR", "XKS".
//
// A name that fits several countries ("Congo", "Korea") is an
// [*AmbiguousCountryError]. Any other name is an [*UnknownCountryError],
// whose suggestions ("Tongo" suggests Tonga) are worked out only when asked
// for; misspellings never resolve here, only through [Errata]. A wrong
// answer is worse than an error.
//
// Looking up a name exactly as the table writes it does not allocate.
func LookupCountry(name string) (Country, error) {
	t := loadTable()
	if c, ok := t.exact[name]; ok {
		return c, nil
	}
	trimmed := strings.TrimSpace(text.Clean(name))
	if len(trimmed) <= 3 {
		if c, ok := t.codes[strings.ToUpper(trimmed)]; ok {
			return c, nil
		}
	}
	cs, err := t.resolveKey(normalizeName(trimmed), true)
	switch {
	case err == nil:
		return cs[0], nil
	case len(cs) > 1:
		// A copy: the caller may do what it likes with its error.
		return 0, &AmbiguousCountryError{Name: name, Candidates: slices.Clone(cs)}
	}
	return 0, &UnknownCountryError{Name: name}
}

// MustLookupCountry is like LookupCountry but panics on error. It
// simplifies safe initialization of tables and tests.
func MustLookupCountry(name string) Country {
	c, err := LookupCountry(name)
	if err != nil {
		panic(err)
	}
	return c
}

// resolveKey resolves a normalized key. It returns one country and a nil
// error, several countries and a non-nil error (ambiguous), or none. The
// slice may be the table's own: callers copy it before handing it out.
func (t *countryTable) resolveKey(key string, paren bool) ([]Country, error) {
	if key == "" {
		return nil, ErrUnknownCountry
	}
	if c, ok := t.norm[key]; ok {
		return []Country{c}, nil
	}
	if cs, ok := t.ambiguous[key]; ok {
		return cs, ErrAmbiguousCountry
	}
	if inv, ok := invertComma(key); ok {
		if c, ok := t.norm[inv]; ok {
			return []Country{c}, nil
		}
		if cs, ok := t.ambiguous[inv]; ok {
			return cs, ErrAmbiguousCountry
		}
	}
	// "X (Y)": accept when X and Y agree, or when one names a country and
	// the other does not contradict it.
	// One level only: "A (B) (C)" is not a name, and recursion would make
	// a long run of parentheses quadratic.
	if paren && strings.HasSuffix(key, ")") {
		if i := strings.LastIndexByte(key, '('); i > 0 {
			outer := strings.TrimSpace(key[:i])
			inner := strings.TrimSpace(key[i+1 : len(key)-1])
			oc, oerr := t.resolveKey(outer, false)
			ic, ierr := t.resolveKey(inner, false)
			if ic == nil && len(inner) <= 3 {
				if c, ok := t.codes[strings.ToUpper(inner)]; ok {
					ic, ierr = []Country{c}, nil
				}
			}
			switch {
			case oerr == nil && len(oc) == 1 && (len(ic) == 0 || slices.Contains(ic, oc[0])):
				return oc, nil
			case ierr == nil && len(ic) == 1 && len(oc) > 1 && slices.Contains(oc, ic[0]):
				return ic, nil
			case oerr != nil && len(oc) > 1 && len(ic) > 1:
				var both []Country
				for _, c := range oc {
					if slices.Contains(ic, c) {
						both = append(both, c)
					}
				}
				if len(both) == 1 {
					return both, nil
				}
			}
		}
	}
	return nil, ErrUnknownCountry
}

// normalizeName folds a name to the key the table is indexed by: spaces
// cleaned (text.Clean), lower case, no diacritics, one kind of apostrophe,
// no double quotes, dashes, dots, underscores and asterisks as spaces, "&"
// as "and", single spaces, no leading "the", "st" as "saint", no space
// inside parentheses or before a comma, and no trailing ",;: ".
func normalizeName(s string) string {
	var b strings.Builder
	for _, r := range text.Clean(s) {
		r = unicode.ToLower(r)
		switch {
		case text.IsSpace(r) || text.IsDash(r) || r == '.' || r == '_' || r == '*':
			b.WriteByte(' ')
		case r == '&':
			b.WriteString(" and ")
		case r < utf8.RuneSelf && r != '`' && r != '"':
			b.WriteRune(r) // the common case: no diacritic to fold
		default:
			if f, ok := foldRune()[r]; ok {
				b.WriteString(f)
			} else {
				b.WriteRune(r)
			}
		}
	}
	words := strings.Fields(b.String())
	for len(words) > 0 && words[0] == "the" {
		words = words[1:]
	}
	for i, w := range words {
		if w == "st" {
			words[i] = "saint"
		}
	}
	key := strings.Join(words, " ")
	key = strings.ReplaceAll(key, " ,", ",")
	key = strings.ReplaceAll(key, "( ", "(")
	key = strings.ReplaceAll(key, " )", ")")
	return strings.TrimRight(key, ",;: ")
}

// foldRune maps letters with diacritics to plain ASCII, and apostrophes and
// double quotes to one apostrophe and nothing. It covers every character
// in the country names of the TIP Reports and of ISO 3166 English names.
var foldRune = sync.OnceValue(func() map[rune]string {
	return map[rune]string{
		'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
		'ç': "c", 'ć': "c", 'č': "c",
		'ď': "d", 'đ': "d",
		'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e",
		'ğ': "g",
		'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'ı': "i", 'į': "i",
		'ł': "l", 'ľ': "l",
		'ñ': "n", 'ń': "n", 'ň': "n",
		'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o",
		'ř': "r",
		'ś': "s", 'š': "s", 'ş': "s", 'ș': "s", 'ß': "ss",
		'ť': "t", 'ţ': "t", 'ț': "t",
		'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u",
		'ý': "y", 'ÿ': "y",
		'ź': "z", 'ż': "z", 'ž': "z",
		'æ': "ae", 'œ': "oe",
		'`': "'", '\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u00b4': "'", '\u2032': "'",
		'"': "", '\u201c': "", '\u201d': "",
	}
})

// invertComma turns "congo, republic of the" into "republic of the congo"
// and "korea, south" into "south korea".
func invertComma(key string) (string, bool) {
	head, tail, ok := strings.Cut(key, ", ")
	if !ok || strings.Contains(tail, ",") || head == "" || tail == "" {
		return "", false
	}
	inv := normalizeName(tail + " " + head)
	return inv, inv != ""
}

// An UnknownCountryError reports a well-formed name that is no country in
// the table. It wraps [ErrUnknownCountry].
type UnknownCountryError struct {
	Name string // as given
}

// Suggestions returns the countries whose names are closest to e.Name,
// best first: "Tongo" → Tonga, Togo, …; at most four. It is worked out
// when asked for (Error asks), a few tens of microseconds, so that
// deciding whether a line is a country costs nothing of it.
func (e *UnknownCountryError) Suggestions() []Country {
	return loadTable().suggest(normalizeName(e.Name))
}

// Error names the country and the suggestions, if any.
func (e *UnknownCountryError) Error() string {
	msg := "unknown country " + strconv.Quote(e.Name)
	if s := e.Suggestions(); len(s) > 0 {
		msg += " (did you mean " + quotedNames(s, ", ") + "?)"
	}
	return msg
}

// Unwrap returns ErrUnknownCountry.
func (e *UnknownCountryError) Unwrap() error { return ErrUnknownCountry }

// An AmbiguousCountryError reports a name that fits several countries, such
// as "Congo". It wraps [ErrAmbiguousCountry].
type AmbiguousCountryError struct {
	Name       string    // as given
	Candidates []Country // sorted by name; the error's own copy
}

// Error names the candidates.
func (e *AmbiguousCountryError) Error() string {
	return "ambiguous country " + strconv.Quote(e.Name) + ": could be " + quotedNames(e.Candidates, " or ")
}

// Unwrap returns ErrAmbiguousCountry.
func (e *AmbiguousCountryError) Unwrap() error { return ErrAmbiguousCountry }

// quotedNames writes the countries' names quoted, joined by sep.
func quotedNames(cs []Country, sep string) string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = strconv.Quote(c.Name())
	}
	return strings.Join(names, sep)
}

// maxNameLen bounds the names that get spelling suggestions; the longest
// name in the table is about 50 bytes.
const maxNameLen = 100

// maxSuggestions bounds the suggestions of an UnknownCountryError.
const maxSuggestions = 4

// suggest ranks countries whose names are a few edits from key (closest
// first, then longest common prefix), then countries sharing a distinctive
// word with it.
func (t *countryTable) suggest(key string) []Country {
	if len(key) > maxNameLen {
		return nil // no country is named with a paragraph: do not spend O(n·m) on it
	}
	type cand struct {
		c      Country
		dist   int
		prefix int
	}
	limit := 2 + len(key)/6
	best := map[Country]cand{}
	for k, c := range t.norm {
		if abs(len(k)-len(key)) > limit {
			continue
		}
		d := levenshtein(key, k, limit)
		if d > limit {
			continue
		}
		p := commonPrefix(key, k)
		if old, ok := best[c]; !ok || d < old.dist || (d == old.dist && p > old.prefix) {
			best[c] = cand{c, d, p}
		}
	}
	cands := make([]cand, 0, len(best))
	for _, c := range best {
		cands = append(cands, c)
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.dist != b.dist {
			return a.dist < b.dist
		}
		if a.prefix != b.prefix {
			return a.prefix > b.prefix
		}
		return a.c < b.c
	})
	var out []Country
	for _, c := range cands {
		out = append(out, c.c)
	}
	var byWord []Country
	for _, w := range strings.Fields(key) {
		for _, c := range t.tokens[strings.Trim(w, ",()")] {
			if !slices.Contains(out, c) && !slices.Contains(byWord, c) {
				byWord = append(byWord, c)
			}
		}
	}
	slices.Sort(byWord)
	out = append(out, byWord...)
	if len(out) > maxSuggestions {
		out = out[:maxSuggestions]
	}
	return out
}

// stopWords are too common in country names to suggest by.
var stopWords = []string{
	"republic", "democratic", "people's", "islands", "island", "saint", "united", "state", "states",
	"federal", "federated", "kingdom", "south", "north", "east", "west", "central", "guinea",
	"islamic", "arab", "new", "and", "the", "of", "region", "grenadines", "plurinational",
	"bolivarian", "former", "yugoslav", "province", "part", "dutch",
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

// levenshtein returns the edit distance between a and b, or limit+1 once it
// is certain to exceed limit.
func levenshtein(a, b string, limit int) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
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
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
