package tip

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// lookupRef is lookupSlow without its stack-built key: the definition the
// fast path must agree with.
func (t *countryTable) lookupRef(name string, suggest bool) (Country, error) {
	if c, ok := t.exact[name]; ok {
		return c, nil
	}
	trimmed := strings.TrimSpace(CleanSpace(name))
	if len(trimmed) <= 3 {
		if c, ok := t.codes[strings.ToUpper(trimmed)]; ok {
			return c, nil
		}
	}
	if !suggest && len(trimmed) > 2*t.maxKey+16 {
		return 0, ErrUnknownCountry
	}
	key := normalizeNameRef(trimmed)
	if key == "" {
		return 0, &UnknownCountryError{Name: name}
	}
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

// splitPlacesRef is SplitPlaces as it was before its items were cut in
// place, resolving with lookupRef.
func splitPlacesRef(s string) PlaceList {
	t := loadTable()
	resolve := func(name string) (Country, bool) {
		c, err := t.lookupRef(name, false)
		return c, err == nil
	}
	var l PlaceList
	text, base := trimSpan(s, 0)
	text = strings.TrimRight(text, ".;: ")
	if text == "" {
		return l
	}
	if c, ok := resolve(text); ok {
		l.Members = []Place{{Text: text, Offset: base, Country: c}}
		return l
	}
	rest, restOff := text, base
	for _, sep := range []string{" – ", " — ", " - "} {
		if i := strings.Index(text, sep); i > 0 {
			l.Label = strings.TrimSpace(text[:i])
			rest, restOff = trimSpan(text[i+len(sep):], base+i+len(sep))
			break
		}
	}
	if strings.HasSuffix(rest, ")") {
		if j := strings.IndexByte(rest, '('); j >= 0 {
			if pre := strings.TrimSpace(rest[:j]); pre != "" {
				if l.Label != "" {
					l.Label += " – " + pre
				} else {
					l.Label = pre
				}
			}
			rest, restOff = trimSpan(rest[j+1:len(rest)-1], restOff+j+1)
		}
	}
	splitAnd := func(item string, off int) []Place {
		const and = " and "
		if !strings.Contains(item, and) {
			c, _ := resolve(item)
			return []Place{{Text: item, Offset: off, Country: c}}
		}
		var starts, ends []int
		pos := 0
		for {
			i := strings.Index(item[pos:], and)
			if i < 0 {
				starts, ends = append(starts, pos), append(ends, len(item))
				break
			}
			starts, ends = append(starts, pos), append(ends, pos+i)
			pos += i + len(and)
		}
		var out []Place
		for i := 0; i < len(starts); {
			took := false
			for j := min(len(starts)-1, i+2); j >= i; j-- {
				text := item[starts[i]:ends[j]]
				if c, ok := resolve(text); ok {
					out = append(out, Place{Text: text, Offset: off + starts[i], Country: c})
					i, took = j+1, true
					break
				}
			}
			if !took {
				text, o := trimSpan(item[starts[i]:ends[i]], off+starts[i])
				if text != "" {
					out = append(out, Place{Text: text, Offset: o})
				}
				i++
			}
		}
		return out
	}
	off := restOff
	for _, item := range strings.Split(rest, ",") {
		itemOff := off
		off += len(item) + 1
		item, itemOff = trimSpan(item, itemOff)
		if after, ok := strings.CutPrefix(item, "and "); ok {
			item, itemOff = trimSpan(after, itemOff+len("and "))
		}
		if item == "" || item == "and" {
			continue
		}
		l.Members = append(l.Members, splitAnd(item, itemOff)...)
	}
	return l
}

// namePieces builds names the fast path takes and names it must leave to
// normalizeName.
var namePieces = []string{"the ", "The ", "THE ", "(", " (", "( ", " )", ") ", " ,", ", ", ",;", ": ", "\u212a", "\u0130", "ß", "Æ", "\u2013", "\u00a0", "\u200b", "\t", "\xff", "\xe2\x80", "St. ", "st ", "Saint ", "and ", " ", "  ", "\t", "-", ".", "_", "*", "–", "—", "'", "’", "`", "\"", "&", ",", ", ", "(", ")", ";", ":",
	"é", "ô", "\u00a0", "0", "9", "x", "Z", "Congo", "Korea", "South", "Burma", "Philippines", "Gambia", "Kitts", "Nevis", "Lucia", "Guinea", "Bissau", "Ivoire", "Cote d",
	"Tongo", "MENA", "Region", "Islands", "Marshal", "Trinidad", "Tobago", "United", "Kingdom", "Republic", "of", "Democratic"}

func randomName(r *rand.Rand) string { return randomText(r, namePieces, 6) }

// randomText joins 1 to n pieces drawn at random, for the tests that
// compare a fast path with its reference on text near the forms it takes.
func randomText(r *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for k := r.IntN(n); k >= 0; k-- {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// tableNames returns every name, alias and key of the table, and variants
// of each that the folding rules read alike.
func tableNames() []string {
	t := loadTable()
	var names []string
	for k := range t.exact {
		names = append(names, k)
	}
	for k := range t.norm {
		names = append(names, k)
	}
	for k := range t.ambiguous {
		names = append(names, k)
	}
	n := len(names)
	for _, k := range names[:n] {
		names = append(names, strings.ToUpper(k), "The "+k, " "+k+" ", strings.ReplaceAll(k, " ", "-"), strings.ReplaceAll(k, " ", "  "), k+".", k+"x", strings.ReplaceAll(k, "Saint ", "St. "))
	}
	return names
}

// normalizeNameRef is normalizeName as it was written before appendKey:
// the definition appendKey must agree with.
func normalizeNameRef(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			switch {
			case 'A' <= r && r <= 'Z':
				b.WriteByte(byte(r) + 'a' - 'A')
			case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == '-' || r == '.' || r == '_' || r == '*':
				b.WriteByte(' ')
			case r == '&':
				b.WriteString(" and ")
			case r == '`':
				b.WriteByte('\'')
			case r == '"':
			default:
				b.WriteByte(byte(r))
			}
			continue
		}
		r = unicode.ToLower(r)
		if f, ok := foldRune[r]; ok {
			b.WriteString(f)
			continue
		}
		switch {
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			b.WriteByte(' ')
		case r == '-' || r == '.' || r == '_' || r == '*':
			b.WriteByte(' ')
		case r == '&':
			b.WriteString(" and ")
		default:
			b.WriteRune(r)
		}
	}
	fields := strings.Fields(b.String())
	for i, f := range fields {
		if f == "st" {
			fields[i] = "saint"
		}
	}
	for len(fields) > 0 && fields[0] == "the" {
		fields = fields[1:]
	}
	key := strings.Join(fields, " ")
	key = strings.ReplaceAll(key, " ,", ",")
	key = strings.ReplaceAll(key, "( ", "(")
	key = strings.ReplaceAll(key, " )", ")")
	return strings.TrimRight(key, ",;: ")
}

func TestNormalizeNameMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	check := func(s string) {
		if got, want := normalizeName(s), normalizeNameRef(s); got != want {
			t.Fatalf("normalizeName(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range tableNames() {
		check(s)
	}
	for range 50000 {
		check(randomName(r))
	}
	check(strings.Repeat("Tonga ", 100)) // longer than the stack buffers
}

func FuzzNormalizeName(f *testing.F) {
	f.Add("Congo, Republic of the ( Brazzaville ) ,;:")
	f.Add("St. Kitts & Nevis\u00a0\u212a\xff")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := normalizeName(s), normalizeNameRef(s); got != want {
			t.Fatalf("normalizeName(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestLookupMatchesReference(t *testing.T) {
	tab := loadTable()
	r := rand.New(rand.NewPCG(7, 8))
	names := tableNames()
	for range 5000 {
		names = append(names, randomName(r))
	}
	for _, name := range names {
		for _, suggest := range []bool{false, true} {
			var c Country
			var err error
			if c2, ok := tab.exact[name]; ok {
				c = c2
			} else {
				c, err = tab.lookupSlow(name, suggest)
			}
			wc, werr := tab.lookupRef(name, suggest)
			if c != wc || !reflect.DeepEqual(err, werr) {
				t.Fatalf("lookup(%q, suggest %v) = %v, %v; want %v, %v", name, suggest, c, err, wc, werr)
			}
		}
	}
}

func TestSplitPlacesMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	seps := []string{", ", ",", " and ", ", and ", " – ", " - ", " (", ")", " ", "."}
	for range 20000 {
		var b strings.Builder
		for k := r.IntN(8); k >= 0; k-- {
			b.WriteString(randomName(r))
			b.WriteString(seps[r.IntN(len(seps))])
		}
		s := b.String()
		if got, want := SplitPlaces(s), splitPlacesRef(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("SplitPlaces(%q) =\n%+v, want\n%+v", s, got, want)
		}
	}
}

// Names as the listings print them resolve, or fail to, without allocating.
func TestResolveNameNoAlloc(t *testing.T) {
	loadTable()
	for _, name := range []string{"the Philippines", "The Gambia", "St. Kitts and Nevis", "Regional Project – Iraq and MENA", "Seychelle", "MENA"} {
		if n := testing.AllocsPerRun(100, func() { resolveName(name) }); n != 0 {
			t.Errorf("resolveName(%q) allocates %v times", name, n)
		}
	}
}

// trimSpan trims what strings.TrimLeft and TrimRight with its cutset trim.
func TestTrimSpanMatchesTrim(t *testing.T) {
	pieces := []string{"", "a", " ", "\t", "\u00a0", "\u202f", "\u2013", "\u00a9", "\xc2", "\xe2\x80", "\xa0", "\xaf", "é", "x y"}
	for _, a := range pieces {
		for _, b := range pieces {
			for _, c := range pieces {
				s := a + b + c
				l := strings.TrimLeft(s, " \t\u00a0\u202f")
				want, wantOff := strings.TrimRight(l, " \t\u00a0\u202f"), 7+len(s)-len(l)
				if got, off := trimSpan(s, 7); got != want || off != wantOff {
					t.Errorf("trimSpan(%q) = %q, %d; want %q, %d", s, got, off, want, wantOff)
				}
			}
		}
	}
}

// Lists tried as one name, which strangeWord turns away before the key is
// built: names of the table (some with a comma of their own, "Korea,
// Republic of") and other words, joined by commas, dashes, "and" and
// parentheses, with quotes and non-ASCII letters next to words now and
// then, resolve as the reference resolves them.
func TestStrangeWordMatchesReference(t *testing.T) {
	tab := loadTable()
	r := rand.New(rand.NewPCG(11, 12))
	names := tableNames()
	words := []string{"Regional", "Project", "Region", "Commission", "Select", "Countries", "MENA", "Seychelle", "Tongo", "Bur\"ma", "\"Burma\"", "Curaçao", "Cura\u0327cao", "St", "the", "THE", "and", "(Y)", "x(", "Saint", "S\u00e3o", "Tom\u00e9", "naïve"}
	seps := []string{", ", ",", ", and ", " and ", " – ", " - ", "-", " (", ") ", "; ", "\"", "&", " ", "’", "`", ".", "1"}
	tails := []string{"", ",", ".", ")", ",)", "x", "\"", "é"}
	turnedAway := 0
	for range 8000 {
		var b strings.Builder
		for k := r.IntN(4); k >= 0; k-- {
			if r.IntN(3) == 0 {
				b.WriteString(words[r.IntN(len(words))])
			} else {
				b.WriteString(names[r.IntN(len(names))])
			}
			if k > 0 {
				b.WriteString(seps[r.IntN(len(seps))])
			}
		}
		b.WriteString(tails[r.IntN(len(tails))])
		name := b.String()
		if _, ok := tab.exact[name]; ok {
			continue
		}
		if tab.strangeWord(strings.TrimSpace(CleanSpace(name))) {
			turnedAway++
		}
		for _, suggest := range []bool{false, true} {
			c, err := tab.lookupSlow(name, suggest)
			wc, werr := tab.lookupRef(name, suggest)
			if c != wc || !reflect.DeepEqual(err, werr) {
				t.Fatalf("lookup(%q, suggest %v) = %v, %v; want %v, %v", name, suggest, c, err, wc, werr)
			}
		}
	}
	if turnedAway < 500 {
		t.Fatalf("strangeWord turned away only %d names: the test does not reach it", turnedAway)
	}
}
