package tip

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Bureau is one of the State Department's six regional bureaus, under
// which the TIP Report files its country narratives and the TIP Office files
// its projects. The zero Bureau is unknown: the United States, for one, is
// filed under none.
type Bureau uint8

// The regional bureaus, in the order the documents list them.
const (
	BureauUnknown Bureau = iota
	AF                   // Bureau of African Affairs: "Africa", "Africa (Sub-Saharan)"
	EAP                  // East Asian and Pacific Affairs: "East Asia and the Pacific Islands"
	EUR                  // European and Eurasian Affairs: "Europe and Eurasia"
	NEA                  // Near Eastern Affairs: "Near East (Middle East and North Africa)"
	SCA                  // South and Central Asian Affairs: "South and Central Asia"
	WHA                  // Western Hemisphere Affairs: "Western Hemisphere"
)

var bureauCodes = [...]string{"", "AF", "EAP", "EUR", "NEA", "SCA", "WHA"}

var bureauNames = [...]string{
	"Unknown",
	"Africa",
	"East Asia and the Pacific",
	"Europe and Eurasia",
	"Near East",
	"South and Central Asia",
	"Western Hemisphere",
}

// bureauHeadings maps the normalized headings the documents use to bureaus.
var bureauHeadings = map[string]Bureau{
	"africa":                                   AF,
	"africa (sub-saharan)":                     AF,
	"sub-saharan africa":                       AF,
	"african affairs":                          AF,
	"east asia and the pacific islands":        EAP,
	"east asia and pacific":                    EAP,
	"east asia and the pacific":                EAP,
	"east asian and pacific affairs":           EAP,
	"europe and eurasia":                       EUR,
	"europe":                                   EUR,
	"european and eurasian affairs":            EUR,
	"near east":                                NEA,
	"near east (middle east and north africa)": NEA,
	"middle east and north africa":             NEA,
	"near eastern affairs":                     NEA,
	"south and central asia":                   SCA,
	"south and central asian affairs":          SCA,
	"western hemisphere":                       WHA,
	"western hemisphere affairs":               WHA,
}

// Bureaus returns the six bureaus in order.
func Bureaus() []Bureau { return []Bureau{AF, EAP, EUR, NEA, SCA, WHA} }

// ParseBureau reads a bureau code ("AF", "eap") or a heading as the
// documents write it ("Africa (Sub-Saharan)", "East Asia and the Pacific
// Islands", "Near East (Middle East and North Africa)", "Western
// Hemisphere"); case, spacing and "&" for "and" do not matter. Anything else
// is an error wrapping [ErrUnknownBureau].
func ParseBureau(s string) (Bureau, error) {
	if b, ok, sure := parseBureauFast(s); sure {
		if ok {
			return b, nil
		}
		return BureauUnknown, &detailError{quote: s, err: ErrUnknownBureau}
	}
	t := strings.ToLower(strings.Join(strings.Fields(CleanSpace(s)), " "))
	t = strings.ReplaceAll(t, "&", "and")
	for b := AF; b <= WHA; b++ {
		if strings.EqualFold(t, bureauCodes[b]) {
			return b, nil
		}
	}
	if b, ok := bureauHeadings[t]; ok {
		return b, nil
	}
	return BureauUnknown, &detailError{quote: s, err: ErrUnknownBureau}
}

// maxBureauKey is the length of the longest code or heading ParseBureau
// knows, in the normalized form it looks headings up by.
var maxBureauKey = func() int {
	n := 0
	for k := range bureauHeadings {
		n = max(n, len(k))
	}
	for _, c := range bureauCodes {
		n = max(n, len(c))
	}
	return n
}()

// parseBureauFast is ParseBureau for what needs no normalizing, without
// allocating: printable ASCII with single spaces between words and no '&'
// (every heading as the documents print it), and long printable ASCII,
// which no heading can be. sure is false for anything else.
func parseBureauFast(s string) (b Bureau, ok, sure bool) {
	// In printable ASCII every byte but ' ' is a rune the loop below
	// counts: a long line (a paragraph, a page's furniture) is told by its
	// length less its spaces, which skipPlainASCII and Count find faster
	// than the loop counts.
	if len(s) > maxBureauKey && len(s)-strings.Count(s, " ") > maxBureauKey && skipPlainASCII(s, 0) == len(s) {
		return 0, false, true
	}
	words := 0 // runes that are not spaces
	simple := len(s) > 0 && s[0] != ' ' && s[len(s)-1] != ' '
	for i := 0; i < len(s); {
		if words > maxBureauKey {
			return 0, false, true // words only grow: a paragraph is told past the longest heading, not at its end
		}
		c := s[i]
		if c < ' ' || c >= utf8.RuneSelf {
			// Past the fast path; count on, to tell a long line at once.
			simple = false
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
				words++
			}
			i += n
			continue
		}
		switch c {
		case ' ':
			simple = simple && i > 0 && s[i-1] != ' '
		case '&':
			simple = false
			words++
		default:
			words++
		}
		i++
	}
	// Normalizing drops spaces and zero-width runes, joins words with
	// single spaces, lowers case rune for rune and widens '&' to "and": the
	// key has at least as many runes as the words, and the keys are ASCII,
	// a byte a rune.
	if words > maxBureauKey {
		return 0, false, true
	}
	if !simple {
		return 0, false, false
	}
	// For such a string the key is s in lower case.
	if len(s) > maxBureauKey {
		return 0, false, true
	}
	var buf [64]byte
	if len(s) > len(buf) {
		return 0, false, false
	}
	key := buf[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		key[i] = c
	}
	for b := AF; b <= WHA; b++ {
		if strings.EqualFold(s, bureauCodes[b]) {
			return b, true, true
		}
	}
	b, ok = bureauHeadings[string(key)]
	return b, ok, true
}

// String returns the code: "AF", "EAP", …; "unknown" for the zero Bureau.
func (b Bureau) String() string {
	if b == BureauUnknown || int(b) >= len(bureauCodes) {
		return "unknown"
	}
	return bureauCodes[b]
}

// Name returns the bureau's region as the TIP Report headings name it:
// "Africa", "East Asia and the Pacific", …
func (b Bureau) Name() string {
	if int(b) >= len(bureauNames) {
		return bureauNames[0]
	}
	return bureauNames[b]
}

// IsValid reports whether b is one of the six bureaus.
func (b Bureau) IsValid() bool { return b >= AF && b <= WHA }

// MarshalText writes the code; the zero Bureau writes "".
func (b Bureau) MarshalText() ([]byte, error) {
	if !b.IsValid() {
		return nil, nil
	}
	return []byte(bureauCodes[b]), nil
}

// UnmarshalText reads what ParseBureau reads; "" gives the zero Bureau.
func (b *Bureau) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*b = BureauUnknown
		return nil
	}
	v, err := ParseBureau(string(text))
	*b = v
	return err
}
