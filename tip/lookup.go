package tip

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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
// [*AmbiguousCountryError]. Any other name is an [*UnknownCountryError] with
// ranked suggestions ("Tongo" suggests Tonga); misspellings never resolve
// here, only through [Errata]. A wrong answer is worse than an error.
//
// Looking up a name exactly as the table writes it does not allocate.
func LookupCountry(name string) (Country, error) {
	t := loadTable()
	if c, ok := get(&t.exactTab, name); ok {
		return c, nil
	}
	return t.lookupSlow(name, true)
}

// resolveName is LookupCountry without suggestions, for callers that only
// need to know whether a name is a country (SplitPlaces tries many).
func resolveName(name string) (Country, bool) { return loadTable().resolve(name) }

// resolve is resolveName on t, for a caller that resolves many names and
// loads the table once.
func (t *countryTable) resolve(name string) (Country, bool) {
	if c, ok := get(&t.exactTab, name); ok {
		return c, true
	}
	c, err := t.lookupSlow(name, false)
	return c, err == nil
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

func (t *countryTable) lookupSlow(name string, suggest bool) (Country, error) {
	trimmed := strings.TrimSpace(CleanSpace(name))
	if len(trimmed) <= 3 {
		if c, ok := t.codes[strings.ToUpper(trimmed)]; ok {
			return c, nil
		}
	}
	// A text far longer than any name cannot be one ("Eastern Africa
	// Region – (Burundi, …)"): say so without normalizing it. The margin
	// covers what normalization removes (a leading "The", punctuation,
	// an "X (Y)" pair of names). Told before strangeWord, which reads a
	// list of country names to its end.
	if !suggest && len(trimmed) > 2*t.maxKey+16 {
		return 0, ErrUnknownCountry
	}
	if !suggest && t.strangeWord(trimmed) {
		return 0, ErrUnknownCountry // what resolveKey would find, without building the key
	}
	// The key is built on the stack: most names that reach here ("the
	// Philippines", a misprint, a whole list tried as one name) are found
	// in norm, or have no comma invertComma would take and no parenthesis
	// to read, so that resolveKey could only look them up in norm and
	// ambiguous.
	var buf [128]byte
	k := appendKey(buf[:0], trimmed)
	if len(k) == 0 {
		return 0, &UnknownCountryError{Name: name}
	}
	if c, ok := t.norm[string(k)]; ok {
		return c, nil
	}
	if !suggest && !invertible(k) && k[len(k)-1] != ')' {
		if cs, ok := t.ambiguous[string(k)]; ok && len(cs) > 1 {
			return 0, &AmbiguousCountryError{Name: name, Candidates: cs}
		}
		return 0, ErrUnknownCountry
	}
	key := string(k)
	cs, err := t.resolveKey(key, true)
	if err == nil {
		return cs[0], nil
	}
	if len(cs) > 1 {
		return 0, &AmbiguousCountryError{Name: name, Candidates: cs}
	}
	if !suggest {
		return 0, ErrUnknownCountry
	}
	return 0, &UnknownCountryError{Name: name, Suggestions: t.suggest(key)}
}

// strangeWord reports whether s has a word no name of the table has, so
// that it resolves to nothing: a run of ASCII letters, between ASCII bytes
// that are not letters (or the ends of s), before any '(', that is not in
// t.words. SplitPlaces tries every list it is given as one name first
// ("Regional Project – Burma, Laos, and Thailand"), and its first word
// turns it away without the key being built.
//
// It is sound because normalization (appendKey) lower-cases such a run and
// keeps it whole: ASCII letters map to letters, the bytes around it to
// themselves or a space, so the key has it as a run too, and so would the
// key with its comma inverted. Only '"', which the key drops, joins the
// letters around it, and non-ASCII bytes may fold to letters: runs next to
// them are not judged. "the" (dropped when leading) and "st" (read
// "saint") are in t.words. Before any '(': "X (Y)" resolves through X,
// alone or with Y, never through Y alone.
func (t *countryTable) strangeWord(s string) bool {
	var buf [32]byte
	for i := 0; i < len(s); {
		c := s[i]
		if c == '(' {
			return false
		}
		if !isASCIILetter(c) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		judged := (i == 0 || isBoundary(s[i-1])) && (j == len(s) || isBoundary(s[j])) && j-i <= len(buf)
		if judged {
			w := buf[:j-i]
			for k := range w {
				w[k] = s[i+k] | 0x20
			}
			if _, ok := get(&t.wordTab, w); !ok {
				return true
			}
		}
		i = j
	}
	return false
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// isBoundary reports whether the byte c, next to a run of letters, ends
// the run in the key too: ASCII, and not '"', which the key drops.
func isBoundary(c byte) bool { return c < utf8.RuneSelf && c != '"' }

// resolveKey resolves a normalized key. It returns one country and a nil
// error, several countries and a non-nil error (ambiguous), or none.
func (t *countryTable) resolveKey(key string, paren bool) ([]Country, error) {
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
			case oerr == nil && len(oc) == 1 && (len(ic) == 0 || containsCountry(ic, oc[0])):
				return oc, nil
			case ierr == nil && len(ic) == 1 && len(oc) > 1 && containsCountry(oc, ic[0]):
				return ic, nil
			case oerr != nil && len(oc) > 1 && len(ic) > 1:
				var both []Country
				for _, c := range oc {
					if containsCountry(ic, c) {
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

// normalizeName folds a name to the key the table is indexed by: lower case,
// no diacritics, one kind of apostrophe, dashes and dots as spaces, "&" as
// "and", "st" as "saint", single spaces, no leading "the" and no trailing
// period.
func normalizeName(s string) string {
	var buf [128]byte
	return string(appendKey(buf[:0], s))
}

// appendKey appends the key normalizeName makes of s to dst, allocating
// nothing when dst has room, so that lookups can build keys on the stack.
// It maps runes in one pass and reads the words in a second, which is the
// same as mapping runes, strings.Fields, dropping leading "the"s,
// strings.Join, then strings.ReplaceAll of " ," by ",", "( " by "(" and
// " )" by ")", then strings.TrimRight of ",;: ".
func appendKey(dst []byte, s string) []byte {
	var scratch [256]byte
	m := scratch[:0]
	i := 0
	// The common name, ASCII with no '&' or '"', maps byte for byte.
	if len(s) <= len(scratch) {
		m = scratch[:len(s)]
		for ; i < len(s); i++ {
			c := s[i]
			if c >= utf8.RuneSelf {
				break
			}
			k := asciiKey[c]
			if k >= keyAnd {
				break
			}
			m[i] = k
		}
		m = m[:i]
	}
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			switch k := asciiKey[c]; k {
			case keyDrop:
			case keyAnd:
				m = append(m, " and "...)
			default:
				m = append(m, k)
			}
			i++
			continue
		}
		// As ranging over s would: an invalid byte is one RuneError.
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		r = unicode.ToLower(r)
		if f, ok := foldRune[r]; ok {
			m = append(m, f...)
			continue
		}
		switch {
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			m = append(m, ' ')
		case r == '-' || r == '.' || r == '_' || r == '*':
			m = append(m, ' ')
		case r == '&':
			m = append(m, " and "...)
		default:
			m = utf8.AppendRune(m, r)
		}
	}
	// Every space in m is now ' ': the words are the runs of other bytes.
	start := len(dst)
	var last byte // the last byte of the last word written
	for i := 0; i < len(m); {
		if m[i] == ' ' {
			i++
			continue
		}
		j := i
		for j < len(m) && m[j] != ' ' {
			j++
		}
		w := m[i:j]
		i = j
		switch string(w) {
		case "the":
			if len(dst) == start {
				continue // leading "the"s are dropped
			}
		case "st":
			w = []byte("saint")
		}
		// The space joining two words is written unless a replacement
		// would take it out: before ',' or ')', after '('. Spaces are
		// single, so each replacement sees the words around a space
		// whatever the others did.
		if len(dst) > start && w[0] != ',' && w[0] != ')' && last != '(' {
			dst = append(dst, ' ')
		}
		dst = append(dst, w...)
		last = w[len(w)-1]
	}
	for len(dst) > start {
		if c := dst[len(dst)-1]; c != ',' && c != ';' && c != ':' && c != ' ' {
			break
		}
		dst = dst[:len(dst)-1]
	}
	return dst
}

// asciiKey maps each ASCII byte to what normalizeName writes for it: lower
// case for upper, ' ' for spaces, '-', '.', '_' and '*', an apostrophe for
// '`', keyAnd for '&' (" and "), keyDrop for '"', and itself otherwise.
var asciiKey = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(c)
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = byte(c) + 'a' - 'A'
	}
	for _, c := range " \t\n\r\v\f-._*" {
		t[c] = ' '
	}
	t['`'] = '\''
	t['&'] = keyAnd
	t['"'] = keyDrop
	return t
}()

// Markers in asciiKey, which no ASCII byte maps to.
const (
	keyAnd  = 0x80
	keyDrop = 0x81
)

// foldRune maps letters with diacritics, typographic apostrophes and dashes
// to plain ASCII. It covers every character in the country names of the TIP
// Reports and of ISO 3166 English names.
var foldRune = map[rune]string{
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
	'\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u00b4': "'", '\u2032': "'",
	'\u2010': " ", '\u2011': " ", '\u2012': " ", '\u2013': " ", '\u2014': " ", '\u2212': " ",
	'\u201c': "", '\u201d': "",
}

// invertible reports whether invertComma could invert key: there is a
// ", " with text on both sides, and no comma after it.
func invertible(key []byte) bool {
	i := bytes.Index(key, []byte(", "))
	return i > 0 && i+2 < len(key) && bytes.IndexByte(key[i+2:], ',') < 0
}

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

// skipPlainASCII returns the index of the first byte at or after i that is
// not printable ASCII (0x20–0x7F), eight bytes at a time.
func skipPlainASCII(s string, i int) int {
	const (
		lo   = 0x2020202020202020
		high = 0x8080808080808080
	)
	for ; i+8 <= len(s); i += 8 {
		// Resliced first, so that the eight byte loads, which the compiler
		// makes one, need one bounds check rather than eight.
		b := s[i : i+8]
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		// A byte ≥ 0x80, or < 0x20 (the subtraction borrows into its high bit).
		if (w|(w-lo))&high != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c < ' ' {
			break
		}
	}
	return i
}

// CleanSpace replaces every Unicode space (NBSP, U+202F, tabs, …) with an
// ASCII space and drops zero-width characters and byte order marks. Text
// copied from web pages and PDFs is full of them.
func CleanSpace(s string) string {
	// Fast path for the common case, plain ASCII with no control spaces:
	// parsers call this on every line.
	i := skipPlainASCII(s, 0)
	if i == len(s) {
		return s
	}
	clean := true
	for j := i; j < len(s); {
		c := s[j]
		if c < utf8.RuneSelf {
			if c >= ' ' {
				j = skipPlainASCII(s, j)
				continue
			}
			if c <= ' ' && c != ' ' && unicode.IsSpace(rune(c)) {
				clean = false
				break
			}
			j++
			continue
		}
		// Only these lead bytes begin a space or zero-width rune
		// (U+0085, U+00A0, U+1680, U+2000–U+200B, U+2028/9, U+202F,
		// U+205F, U+3000, U+FEFF); skip the rest without decoding.
		if c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3 && c != 0xEF {
			j++
			continue
		}
		// Curly quotes and dashes (U+2010–U+2027) share the lead byte
		// 0xE2 with the spaces: tell them apart by the next two bytes.
		if c == 0xE2 && j+2 < len(s) {
			b1, b2 := s[j+1], s[j+2]
			if b1&0xC0 == 0x80 && b2&0xC0 == 0x80 && // a whole 3-byte rune
				!(b1 == 0x80 && (b2 <= 0x8B || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF)) && !(b1 == 0x81 && b2 == 0x9F) {
				j += 3
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			clean = false
			break
		}
		j += n
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
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

// An UnknownCountryError reports a well-formed name that is no country in
// the table. It wraps [ErrUnknownCountry].
type UnknownCountryError struct {
	Name        string    // as given
	Suggestions []Country // best first: "Tongo" → Tonga, Togo, …
}

// Error names the country and the suggestions, if any.
func (e *UnknownCountryError) Error() string {
	msg := "unknown country " + strconv.Quote(e.Name)
	if len(e.Suggestions) > 0 {
		names := make([]string, len(e.Suggestions))
		for i, c := range e.Suggestions {
			names[i] = strconv.Quote(c.Name())
		}
		msg += " (did you mean " + strings.Join(names, ", ") + "?)"
	}
	return msg
}

// Unwrap returns ErrUnknownCountry.
func (e *UnknownCountryError) Unwrap() error { return ErrUnknownCountry }

// An AmbiguousCountryError reports a name that fits several countries, such
// as "Congo". It wraps [ErrAmbiguousCountry].
type AmbiguousCountryError struct {
	Name       string    // as given
	Candidates []Country // sorted by name
}

// Error names the candidates.
func (e *AmbiguousCountryError) Error() string {
	names := make([]string, len(e.Candidates))
	for i, c := range e.Candidates {
		names[i] = strconv.Quote(c.Name())
	}
	return "ambiguous country " + strconv.Quote(e.Name) + ": could be " + strings.Join(names, " or ")
}

// Unwrap returns ErrAmbiguousCountry.
func (e *AmbiguousCountryError) Unwrap() error { return ErrAmbiguousCountry }

// maxNameLen bounds the names that get spelling suggestions; the longest
// name in the table is about 50 bytes.
const maxNameLen = 100

// maxSuggestions bounds the suggestions of an UnknownCountryError.
const maxSuggestions = 4

// suggest ranks countries whose names are a few edits from key (closest
// first, then longest common prefix), then countries sharing a distinctive
// word with it.
func (t *countryTable) suggest(key string) []Country {
	type cand struct {
		c      Country
		dist   int
		prefix int
	}
	limit := 2 + len(key)/6
	best := map[Country]cand{}
	for k, c := range t.norm {
		if len(key) > maxNameLen {
			break // no country is named with a paragraph: do not spend O(n·m) on it
		}
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
			if !containsCountry(out, c) && !containsCountry(byWord, c) {
				byWord = append(byWord, c)
			}
		}
	}
	sort.Slice(byWord, func(i, j int) bool { return byWord[i] < byWord[j] })
	out = append(out, byWord...)
	if len(out) > maxSuggestions {
		out = out[:maxSuggestions]
	}
	return out
}

// stopWords are too common in country names to suggest by.
var stopWords = map[string]bool{
	"republic": true, "democratic": true, "people's": true, "islands": true,
	"island": true, "saint": true, "united": true, "state": true, "states": true,
	"federal": true, "federated": true, "kingdom": true, "south": true,
	"north": true, "east": true, "west": true, "central": true, "guinea": true,
	"islamic": true, "arab": true, "new": true, "and": true, "the": true,
	"of": true, "region": true, "grenadines": true, "plurinational": true,
	"bolivarian": true, "former": true, "yugoslav": true, "province": true,
	"part": true, "dutch": true,
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
