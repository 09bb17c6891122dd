package tip

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tipkit/tipkit/tip/text"
)

// LookupCountry returns the country a name or code denotes. It resolves,
// without guessing:
//
//   - every name of data/names.csv: the State Department's ("Burma",
//     "Korea, Republic of"), ISO's short and formal names ("Myanmar",
//     "Republic of the Union of Myanmar"), GENC's ("Korea, South"), the
//     UN's, the World Bank's ("Korea, Rep.", "Egypt, Arab Rep."), COW's
//     ("Ivory Coast"), common English forms and abbreviations ("North
//     Korea", "DRC", "Rep.", "Dem."), and former names ("Swaziland",
//     "Zaire", "Czech Republic", "Cape Verde", "East Timor");
//   - whatever their case, spaces (NBSP, U+202F), diacritics ("Türkiye" =
//     "Turkiye", "Côte d’Ivoire" = "Cote d'Ivoire"), apostrophes, dashes
//     ("Guinea Bissau" = "Guinea-Bissau"), a leading "The", "&" for "and",
//     "St." or "St" for "Saint";
//   - comma-inverted forms: "Congo, Republic of the" = "Republic of the
//     Congo", "Bahamas, The" = "The Bahamas";
//   - a trailing parenthesis that agrees with the name: "Congo (DRC)",
//     "Papua New Guinea (PNG)";
//   - letter codes: ISO 3166-1 alpha-2 and alpha-3 ("MM", "mmr"), current
//     and withdrawn ("SCG", "BU"), ISO 3166-3 four-letter codes ("CSXX"),
//     and GENC three-letter codes ("XKS"). Not numbers: a numeric code is
//     ISO's or COW's or M49's only the caller knows, so it takes
//     [ByISONumeric], [ByCOW] or [ByM49].
//
// A name or code that fits several entities is an [*AmbiguousCountryError]
// listing them: "Congo", "Korea", "Virgin Islands", "Saint Martin" (the
// French part, or Sint Maarten as the TIP data write "St. Martin"),
// "Yugoslavia" (the federation to 1992 or the Federal Republic, 1992–2003:
// [LookupCountryIn] tells them apart by year), the code "CS". Any other
// name is an [*UnknownCountryError], whose suggestions ("Tongo" suggests
// Tonga and Togo) are worked out only when asked for; misspellings never
// resolve here, only through [Errata]. A wrong answer is worse than an
// error.
//
// A lookup does not allocate unless it fails: a name exactly as the table
// writes it is one map lookup, and any other form is normalized in a
// buffer on the stack.
func LookupCountry(name string) (Country, error) {
	c, amb := loadTable().lookup(name)
	return result(name, c, amb, nil)
}

// LookupCountryIn is LookupCountry for a name written in a given calendar
// year. It differs only for the names data/ambiguous.csv resolves by year:
// "Yugoslavia" is the Socialist Federal Republic up to 1991, the Federal
// Republic (Serbia and Montenegro) from 1993 to 2003, and ambiguous in
// 1992, when both existed. Every other name resolves as LookupCountry
// resolves it, whatever the year: a name is not checked against the years
// its entity existed.
func LookupCountryIn(name string, year int) (Country, error) {
	c, amb := loadTable().lookup(name)
	if amb == nil || amb.spans == nil {
		return result(name, c, amb, nil)
	}
	var in []Country
	for i, c := range amb.countries {
		if slices.ContainsFunc(amb.spans[i], func(s span) bool { return s.contains(year) }) {
			in = append(in, c)
		}
	}
	if len(in) == 1 {
		return in[0], nil
	}
	if len(in) == 0 {
		in = nil // neither existed: the name stays ambiguous among all
	}
	return result(name, 0, amb, in)
}

// lookup resolves a name or letter code as LookupCountry does: one
// country, or the ambiguity of a name that fits several, or neither.
func (t *countryTable) lookup(name string) (Country, *ambiguity) {
	if c, ok := t.exact[name]; ok {
		return c, nil
	}
	var buf [maxKey]byte
	c, amb := t.lookupKey(appendKey(buf[:0], name), true)
	if c == 0 && amb == nil {
		c, _ = t.byCode(name)
	}
	return c, amb
}

// byCode reads name as a letter code, whatever its case and the spaces
// around it: a name that folding leaves unknown may still be one, since
// folding reads the word "st" as "Saint" and no code means that (" ST "
// is São Tomé and Príncipe, as "ST" is).
func (t *countryTable) byCode(name string) (Country, bool) {
	s := strings.TrimFunc(name, text.IsSpace)
	if len(s) < 2 || strings.IndexFunc(s, func(r rune) bool { return !('A' <= r && r <= 'Z' || 'a' <= r && r <= 'z') }) >= 0 {
		return 0, false
	}
	return byLetters(t.exact, s)
}

// result turns a lookup's outcome into LookupCountry's answer. narrowed,
// if not nil, are the candidates of amb that LookupCountryIn kept.
func result(name string, c Country, amb *ambiguity, narrowed []Country) (Country, error) {
	switch {
	case c != 0:
		return c, nil
	case narrowed != nil:
		return 0, &AmbiguousCountryError{Name: name, Candidates: narrowed}
	case amb != nil:
		// A copy: the caller may do what it likes with its error.
		return 0, &AmbiguousCountryError{Name: name, Candidates: slices.Clone(amb.countries)}
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

// maxKey is the size of the buffers on the stack that keys are built in:
// twice the longest name of the table, so that no lookup of a name
// allocates.
const maxKey = 128

// lookupKey resolves a normalized key: one country, or the ambiguity of a
// key that fits several, or neither. paren allows one level of "X (Y)".
func (t *countryTable) lookupKey(key []byte, paren bool) (Country, *ambiguity) {
	if len(key) == 0 {
		return 0, nil
	}
	// m[string(key)] does not allocate: the compiler looks the bytes up.
	if c, ok := t.keys[string(key)]; ok {
		return c, nil
	}
	if a, ok := t.ambiguous[string(key)]; ok {
		return 0, a
	}
	var buf [maxKey]byte
	if inv := invertKey(buf[:0], key); inv != nil {
		if c, ok := t.keys[string(inv)]; ok {
			return c, nil
		}
		if a, ok := t.ambiguous[string(inv)]; ok {
			return 0, a
		}
	}
	if paren {
		return t.lookupParen(key)
	}
	return 0, nil
}

// lookupParen resolves "X (Y)": when X and Y agree, when one names a
// country and the other does not contradict it, or when both are
// ambiguous and share one candidate ("Congo (ROC)"). One level only: "A (B)
// (C)" is not a name, and recursion would make a long run of parentheses
// quadratic.
func (t *countryTable) lookupParen(key []byte) (Country, *ambiguity) {
	i := bytes.LastIndexByte(key, '(')
	if i <= 0 || key[len(key)-1] != ')' {
		return 0, nil
	}
	oc, oa := t.lookupKey(bytes.TrimSpace(key[:i]), false)
	ic, ia := t.lookupKey(bytes.TrimSpace(key[i+1:len(key)-1]), false)
	switch {
	case oc != 0 && (ic == oc || ic == 0 && (ia == nil || slices.Contains(ia.countries, oc))):
		return oc, nil
	case ic != 0 && oa != nil && slices.Contains(oa.countries, ic):
		return ic, nil
	case oa != nil && ia != nil:
		var common Country
		for _, c := range oa.countries {
			if slices.Contains(ia.countries, c) {
				if common != 0 {
					return 0, nil
				}
				common = c
			}
		}
		return common, nil
	}
	return 0, nil
}

// appendKey appends to dst the key a name is indexed by: spaces cleaned
// (text.Clean), lower case, no diacritics, one kind of apostrophe, no
// double quotes; dashes, dots, underscores and asterisks as spaces; "&" as
// "and"; single spaces; no leading "the"; "st" as "saint"; no space inside
// parentheses or before a comma; no trailing ",;: ".
//
//	appendKey(nil, "  The St. Kitts & Nevis ") == "saint kitts and nevis"
//	appendKey(nil, "Côte d’Ivoire")           == "cote d'ivoire"
func appendKey(dst []byte, name string) []byte {
	// Every step takes the key and returns it, so that a key built in a
	// buffer on the stack stays there (a pointer to a writer would move
	// it to the heap). word is where the word being written starts in
	// key, or -1 between words.
	key, start, word := dst, len(dst), -1
	for _, r := range text.Clean(name) {
		switch {
		// Most of any name: a letter inside a word, nothing to fold.
		case word >= 0 && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			key = append(key, byte(r))
		case word >= 0 && 'A' <= r && r <= 'Z':
			key = append(key, byte(r)+'a'-'A')
		case r == ' ' || r == '-' || r == '.' || r == '_' || r == '*' || r >= utf8.RuneSelf && text.IsDash(r):
			key, word = endWord(key, start, word)
		case r == '&':
			key, word = endWord(key, start, word)
			key, word = addString(key, start, word, "and")
			key, word = endWord(key, start, word)
		default:
			key, word = addRune(key, start, word, r)
		}
	}
	key, _ = endWord(key, start, word)
	for len(key) > start && strings.IndexByte(",;: ", key[len(key)-1]) >= 0 {
		key = key[:len(key)-1]
	}
	return key
}

// addRune adds r to the word being written: in lower case, without its
// diacritic, with one kind of apostrophe, a double quote dropped.
func addRune(key []byte, start, word int, r rune) ([]byte, int) {
	switch {
	case 'A' <= r && r <= 'Z':
		r += 'a' - 'A'
	case r == '"':
		return key, word
	case r == '`':
		r = '\''
	case r >= utf8.RuneSelf:
		r = unicode.ToLower(r)
		if f, ok := foldRune()[r]; ok {
			return addString(key, start, word, f)
		}
	}
	key, word = openWord(key, start, word, r)
	if r < utf8.RuneSelf {
		return append(key, byte(r)), word
	}
	return utf8.AppendRune(key, r), word
}

func addString(key []byte, start, word int, s string) ([]byte, int) {
	if s == "" {
		return key, word
	}
	key, word = openWord(key, start, word, rune(s[0]))
	return append(key, s...), word
}

// openWord starts a word unless one is open, with a space before it unless
// it is the first, follows "(", or starts with "," or ")".
func openWord(key []byte, start, word int, first rune) ([]byte, int) {
	if word >= 0 {
		return key, word
	}
	if n := len(key); n > start && key[n-1] != '(' && first != ',' && first != ')' {
		key = append(key, ' ')
	}
	return key, len(key)
}

// endWord ends the word being written: a leading "the" goes, and "st"
// becomes "saint".
func endWord(key []byte, start, word int) ([]byte, int) {
	if word < 0 {
		return key, -1
	}
	switch string(key[word:]) {
	case "the":
		if word == start {
			key = key[:start]
		}
	case "st":
		key = append(key[:word], "saint"...)
	}
	return key, -1
}

// foldRune maps lower-case letters with diacritics to plain ASCII, and
// apostrophes and double quotes to one apostrophe and nothing. It covers
// every character of the names in data/names.csv.
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
		'\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u00b4': "'", '\u2032': "'",
		'\u201c': "", '\u201d': "",
	}
})

// invertKey appends to dst the key "head, tail" turned round, "tail head",
// without a leading "the": "congo, republic of the" gives "republic of the
// congo", "bahamas, the" gives "bahamas". It returns nil for a key that is
// not of that form (no comma, or more than one).
func invertKey(dst, key []byte) []byte {
	i := bytes.Index(key, []byte(", "))
	if i <= 0 || i+2 >= len(key) || bytes.IndexByte(key[i+2:], ',') >= 0 {
		return nil
	}
	out := append(append(append(dst, key[i+2:]...), ' '), key[:i]...)
	inv := out[len(dst):]
	for bytes.HasPrefix(inv, []byte("the ")) {
		inv = inv[len("the "):]
	}
	return inv
}

// An UnknownCountryError reports a well-formed name that is no entity of
// the table. It wraps [ErrUnknownCountry].
type UnknownCountryError struct {
	Name string // as given
}

// Suggestions returns the countries the name was most likely meant for,
// best first, at most four: those whose names are fewest edits away
// ("Tongo" → Tonga, Togo; "Domenica" → Dominica), or, when no whole name is
// near, those with a word near one of its words ("Korea, Democratic
// Republic of the" → both Koreas). A name near nothing gets none: no
// suggestion is better than a far-fetched one. It is worked out when asked
// for (Error asks), so that deciding whether a line is a country costs
// nothing of it.
func (e *UnknownCountryError) Suggestions() []Country {
	return loadTable().suggest(e.Name)
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
