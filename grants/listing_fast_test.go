package grants

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/text"
)

// Pieces of lines for the fast-path tests: ASCII, every kind of space
// text.Clean changes, runes that share their lead byte with one, and bytes
// that are not UTF-8.
var linePieces = []string{"a", "Amount:", " ", "  ", "\t", "\r", "\v", "\f", "\x00", "\x01", "\x1f", "\x7f", "\u0085", "\u00a0", "\u00e9", "\u1680", "\u16a0",
	"\u2000", "\u2009", "\u200a", "\u200b", "\u200c", "\u2010", "\u2013", "\u2019", "\u201c", "\u2026", "\u2028", "\u2029", "\u202f", "\u205f", "\u2060",
	"\u3000", "\u3001", "\ufeff", "\uff01", "日", "\xe2", "\xe2\x80", "\xff", strings.Repeat("x", 17)}

func randomLine(r *rand.Rand) string { return randomText(r, linePieces, 12) }

// randomText joins 1 to n pieces drawn at random, for the tests that
// compare a fast path with its reference on text near the forms it takes.
func randomText(r *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for k := r.IntN(n); k >= 0; k-- {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// plainPrefix stops at the first byte outside 0x20–0x7F, wherever it is.
func TestPlainPrefix(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	for range 20000 {
		line := randomLine(r)
		want := strings.IndexFunc(line, func(c rune) bool { return c < ' ' || c >= utf8.RuneSelf })
		if want < 0 {
			want = len(line)
		}
		// IndexFunc decodes runes; the first bad byte starts the first bad rune.
		if got := plainPrefix([]byte(line)); got != want {
			t.Fatalf("plainPrefix(%q) = %d, want %d", line, got, want)
		}
	}
}

// Reading a label does not allocate.
func TestFieldOfNoAlloc(t *testing.T) {
	labels := [][]byte{[]byte("Country"), []byte("End Date"), []byte("project description"), []byte("Budget")}
	want := []int{fCountries, fEndDate, fDescription, -1}
	for i, l := range labels {
		if got := fieldOf(l); got != want[i] {
			t.Errorf("fieldOf(%q) = %d, want %d", l, got, want[i])
		}
	}
	if n := testing.AllocsPerRun(100, func() {
		for _, l := range labels {
			fieldOf(l)
		}
	}); n != 0 {
		t.Errorf("fieldOf allocates %v times", n)
	}
}

func TestHasUpper(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	pieces := append([]string{"A", "Z", "a", "@", "[", "ß", "É", "é", "İ", "ǅ", "\xff"}, linePieces...)
	for range 20000 {
		s := randomText(r, pieces, 6)
		if got, want := hasUpper(s), strings.ToLower(s) != s; got != want {
			t.Fatalf("hasUpper(%q) = %v, want %v", s, got, want)
		}
	}
}

// splitLabelRef is splitLabel as it was first written, on strings.
func splitLabelRef(t string) (label, value string, ok bool) {
	i := strings.IndexByte(t[:min(len(t), 31)], ':')
	if i <= 0 {
		return "", "", false
	}
	for j := 0; j < i; j++ {
		c := t[j]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == ' ') {
			return "", "", false
		}
	}
	return t[:i], strings.TrimSpace(t[i+1:]), true
}

func TestSplitLabelMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	pieces := []string{"Amount", "Country", "Countries", "Countri", "Countr", "Description", "End Date", "Implementer", "Project Description",
		"AMOUNT", "amount", "A", "C", "D", "E", "I", ":", ": ", " ", "  ", "x", "$5", "1", "-", strings.Repeat("a", 25), "é", "\u00a0"}
	for range 50000 {
		var b strings.Builder
		for k := r.IntN(4); k >= 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		// Lines as run hands them over: cleaned, trimmed.
		line := strings.Trim(text.Clean(b.String()), " ")
		label, value, k, ok := readLabel([]byte(line))
		wl, wv, wok := splitLabelRef(line)
		if string(label) != wl || string(value) != wv || ok != wok {
			t.Fatalf("readLabel(%q) = %q, %q, %v; want %q, %q, %v", line, label, value, ok, wl, wv, wok)
		}
		if ok && k != -2 && k != fieldOf(label) {
			t.Fatalf("readLabel(%q) gives field %d, fieldOf %d", line, k, fieldOf(label))
		}
	}
}

// headerRE is the pattern parseHeader reads.
var headerRE = regexp.MustCompile(`^As of ([A-Z][a-z]+ \d{1,2}, \d{4}), the TIP Office manages (\d+) .*?projects in (?:over |more than )?(\d+) countries worth (?:more than |over )?(\$[\d,.]+(?: (?:million|billion))?)`)

// headerPieces build lines near the header's form, each a way to match or
// miss a part of headerRE.
var headerPieces = []string{"As of ", "As of", "October", "Oct", "october", "O", " ", "1", "12", "123", ", ", ",", "2021", "20211", "202",
	", the TIP Office manages ", "110", "0", " bilateral, regional, and global ", "projects in ", "projects in", "projects", "over ", "more than ",
	"95", " countries worth ", " countries", "$245", "$", "$1,000.5", " million", " billion", " millions", " in total.", "x", "é", "’"}

func TestParseHeaderMatchesRE(t *testing.T) {
	const seedHeader = "As of October 1, 2021, the TIP Office manages 110 bilateral, regional, and global anti-trafficking projects in over 95 countries worth more than $245 million in total. Information on many of these projects is listed below."
	matched := 0
	check := func(line string) {
		got, want := parseHeader(line), headerRE.FindStringSubmatch(line)
		if !slices.Equal(got, want) || (got == nil) != (want == nil) {
			t.Fatalf("parseHeader(%q) = %q, want %q", line, got, want)
		}
		if want != nil {
			matched++
		}
	}
	check(seedHeader)
	r := rand.New(rand.NewPCG(6, 6))
	for range 50000 {
		var b strings.Builder
		if r.IntN(2) == 0 {
			// The header with one part replaced, dropped or repeated.
			parts := []string{"As of ", "October", " ", "1", ", ", "2021", ", the TIP Office manages ", "110", " ", "global ", "projects in ", "over ", "95", " countries worth ", "more than ", "$245", " million", " in total."}
			i := r.IntN(len(parts))
			switch r.IntN(3) {
			case 0:
				parts[i] = headerPieces[r.IntN(len(headerPieces))]
			case 1:
				parts[i] = ""
			case 2:
				parts[i] += parts[i]
			}
			b.WriteString(strings.Join(parts, ""))
		} else {
			for k := r.IntN(20); k >= 0; k-- {
				b.WriteString(headerPieces[r.IntN(len(headerPieces))])
			}
		}
		check(b.String())
	}
	if matched < 5000 {
		t.Errorf("only %d of the lines match headerRE: the test tries too few headers", matched)
	}
}

func FuzzParseHeader(f *testing.F) {
	for _, p := range headerPieces {
		f.Add("As of October 1, 2021, the TIP Office manages 110 " + p + "projects in over 95 countries worth more than $245 million")
	}
	f.Fuzz(func(t *testing.T, line string) {
		if !utf8.ValidString(line) || strings.Contains(line, "\n") {
			return // parseHeader is given lines of valid UTF-8
		}
		if got, want := parseHeader(line), headerRE.FindStringSubmatch(line); !slices.Equal(got, want) || (got == nil) != (want == nil) {
			t.Fatalf("parseHeader(%q) = %q, want %q", line, got, want)
		}
	})
}

// parseImplementerRef is parseImplementer as it was first written.
func parseImplementerRef(s string) Implementer {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, " ("); i > 0 {
			acr := s[i+2 : len(s)-1]
			if acr != "" && !strings.Contains(acr, " ") && hasUpper(acr) {
				return Implementer{Name: strings.TrimSpace(s[:i]), Acronym: acr}
			}
		}
	}
	return Implementer{Name: s}
}

func TestParseImplementerMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	pieces := []string{"(", ")", " (", "((", "))", " ", "  ", "IOM", "iom", "x", "Name", "\u00a0", "\u0085", "\t", "é", "\xff"}
	for range 50000 {
		s := randomText(r, pieces, 7)
		if got, want := parseImplementer(s), parseImplementerRef(s); got != want {
			t.Fatalf("parseImplementer(%q) = %#v, want %#v", s, got, want)
		}
	}
}

// The amounts cache answers as tip.ParseUSD does, exponent included, for
// amounts seen before or not, when its slots are full, and for errors.
func TestAmountMatchesParseUSD(t *testing.T) {
	var s scanner
	r := rand.New(rand.NewPCG(6, 6))
	var vs []string
	for i := range 3 * amountSlots {
		vs = append(vs, "$"+strconv.Itoa(r.IntN(1e6)), fmt.Sprintf("$%d,%03d.%02d", i%1000, r.IntN(1000), r.IntN(100)))
	}
	vs = append(vs, "$1,00,0", "5", "$", "$1.5 million", "$"+strings.Repeat("1", 22), "$"+strings.Repeat("1", 23), "$"+strings.Repeat("1", 15))
	for range 2 {
		for _, v := range vs {
			got, gerr := s.amount(v)
			want, werr := tip.ParseUSD(v)
			if fmt.Sprint(gerr) != fmt.Sprint(werr) || got.String() != want.String() || got.Exponent() != want.Exponent() {
				t.Fatalf("amount(%q) = %v (exp %d), %v; ParseUSD gives %v (exp %d), %v", v, got, got.Exponent(), gerr, want, want.Exponent(), werr)
			}
		}
	}
}

// A place list read from the scanner's cache, and from the block its
// members are cut from, is the one a scanner that has read nothing before
// makes: lists cached or not (too long), lists of many members, enough
// lists to fill several blocks.
func TestPlaceCacheMatchesFresh(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 11))
	names := []string{"Kenya", "Seychelle", "MENA", "the Philippines", "Trinidad and Tobago", "Burma", "Laos", "Congo", "Korea, South", "Tongo"}
	var values []string
	for i := range 300 {
		var b strings.Builder
		if i%3 == 0 {
			b.WriteString("Regional Project – ")
		}
		for k := r.IntN(1 + i%60); k >= 0; k-- {
			b.WriteString(names[r.IntN(len(names))])
			b.WriteString(", ")
		}
		b.WriteString(names[r.IntN(len(names))])
		values = append(values, b.String())
	}
	record := func(v string) string {
		return "Countries: " + v + "\nImplementer: IOM\nAmount: $5\nEnd Date: 9/30/2023\nDescription: x\n\n"
	}
	var all strings.Builder
	var order []string
	for range 2000 {
		v := values[r.IntN(len(values))]
		order = append(order, v)
		all.WriteString(record(v))
	}
	type places struct {
		Label      string
		Countries  []tip.Country
		Unresolved []string
	}
	fresh := make(map[string]places)
	for _, v := range values {
		for p, err := range Scan(strings.NewReader(record(v))) {
			if err != nil {
				t.Fatal(err)
			}
			fresh[v] = places{p.Label, p.Countries, p.Unresolved}
		}
	}
	i := 0
	for p, err := range Scan(strings.NewReader(all.String())) {
		if err != nil {
			t.Fatal(err)
		}
		got, want := places{p.Label, p.Countries, p.Unresolved}, fresh[order[i]]
		if p.Places != order[i] || !slices.Equal(got.Countries, want.Countries) || !slices.Equal(got.Unresolved, want.Unresolved) || got.Label != want.Label {
			t.Fatalf("record %d (%q): %+v, want %+v", i, order[i], got, want)
		}
		i++
	}
	if i != len(order) {
		t.Fatalf("%d records, want %d", i, len(order))
	}
}
