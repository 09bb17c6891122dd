package cspa

import (
	"bytes"
	"errors"
	"regexp"
	"testing"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/text"
)

// sentinels are the errors the parsers document: every error they return
// wraps one.
var sentinels = []error{tip.ErrSyntax, tip.ErrEncoding, tip.ErrUnknownCountry, tip.ErrAmbiguousCountry, tip.ErrMissing,
	tip.ErrDuplicate, tip.ErrAmount, tip.ErrDate, tip.ErrYear, tip.ErrTooManyErrors}

// inBounds reports whether pos lies in the input whose lines are lines:
// on one of them, at a column from 1 to one past its last byte.
func inBounds(pos tip.Position, lines []string) bool {
	return pos.Line >= 1 && pos.Line <= len(lines) && pos.Col >= 1 && pos.Col <= len(lines[pos.Line-1])+1
}

// checkResult checks the properties every parse has: its error is a
// tip.ErrorList of errors that wrap a documented sentinel and lie in the
// input; its findings lie in the input and carry a documented rule.
func checkResult(t *testing.T, err error, findings []tip.Finding, lines []string) {
	t.Helper()
	if err != nil {
		var list tip.ErrorList
		if !errors.As(err, &list) || list.Len() == 0 || list.Len() > tip.MaxErrors+1 {
			t.Fatalf("error %v is not a tip.ErrorList of 1 to MaxErrors+1 errors", err)
		}
		for _, e := range list {
			ok := false
			for _, s := range sentinels {
				ok = ok || errors.Is(e, s)
			}
			if !ok {
				t.Errorf("%v wraps no documented sentinel", e)
			}
			if !inBounds(e.Pos(), lines) {
				t.Errorf("%v: position outside the input (%d lines)", e, len(lines))
			}
		}
	}
	rules := documentedRules(t)
	for _, f := range findings {
		if !rules[f.Rule] {
			t.Errorf("finding %v: rule %q is not in doc.go's list", f, f.Rule)
		}
		if !inBounds(f.Pos, lines) {
			t.Errorf("finding %v: position outside the input", f)
		}
	}
}

func FuzzParseList(f *testing.F) {
	addBadCorpus(f, "cspa")
	f.Add([]byte("The 2023 CSPA List Includes Governments of the following countries:\n\n  • Afghanistan\n  • Türkiye\n  • Narnia\n- Iran\n- Iran\n"))
	f.Add([]byte("The 2023 CSPA List Includes Governments of the following countries:\n  • \n"))
	f.Add([]byte("The 2023 CSPA List Includes Governments of the following countries:\nBurma, Tongo, and Mali.\nThe 1900 CSPA List Includes Governments of the following countries:\n• Iran\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		lines := splitLines(in)
		strict, serr := ParseList(bytes.NewReader(in))
		lax, lerr := ParseListLax(bytes.NewReader(in))
		checkResult(t, serr, strict.Findings, lines)
		checkResult(t, lerr, lax.Findings, lines)
		if strict.Findings != nil {
			t.Errorf("strict parse with findings: %v", strict.Findings)
		}
		if serr == nil {
			if lerr != nil || len(lax.Governments) != len(strict.Governments) {
				t.Fatalf("strict ok with %d, lax %v with %d", len(strict.Governments), lerr, len(lax.Governments))
			}
			if len(strict.Governments) == 0 {
				t.Fatal("no error and no government")
			}
		}
		for _, g := range lax.Governments {
			if !inBounds(g.Pos, lines) || g.Name == "" || g.Country != 0 && !g.Country.IsValid() {
				t.Errorf("government %+v", g)
			}
		}
	})
}

func FuzzParse405c(f *testing.F) {
	addBadCorpus(f, "cspa")
	seed := readSeed(f)
	i := bytes.Index(seed, []byte("Section 1: Countries in Violation"))
	f.Add(seed[i : i+3000])
	j := bytes.Index(seed, []byte("Section 5: Description"))
	f.Add(append([]byte("Section 1: Countries in Violation of the Standards Under the CSPA in 2022\n"), seed[j:j+1500]...))
	f.Fuzz(func(t *testing.T, in []byte) {
		lines := splitLines(in)
		strict, serr := Parse405c(bytes.NewReader(in))
		lax, lerr := Parse405cLax(bytes.NewReader(in))
		checkResult(t, serr, strict.Findings, lines)
		checkResult(t, lerr, lax.Findings, lines)
		if serr == nil && (lerr != nil || len(lax.Provided) != len(strict.Provided) || !lax.Total().Equal(strict.Total()) || len(lax.Waivers) != len(strict.Waivers)) {
			t.Fatalf("strict ok, lax differs: %v", lerr)
		}
		unresolved := map[int]bool{} // lines of headings a lax parse kept with no country
		for _, f := range lax.Findings {
			if f.Rule == ruleUnresolved {
				unresolved[f.Pos.Line] = true
			}
		}
		for _, a := range lax.Provided {
			if a.Amount.IsNegative() || a.Authority == AuthorityUnknown || !inBounds(a.Pos, lines) || a.Name == "" {
				t.Errorf("bad amount row %+v", a)
			}
			if a.Country == 0 && len(unresolved) == 0 {
				t.Errorf("amount %+v with no country and no finding", a)
			}
		}
		for _, a := range strict.Provided {
			if a.Country == 0 {
				t.Errorf("strict amount with no country: %+v", a)
			}
		}
	})
}

func BenchmarkParseList(b *testing.B) {
	in := readSeed(b)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseList(bytes.NewReader(in)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParse405c(b *testing.B) {
	in := readSeed(b)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse405c(bytes.NewReader(in)); err != nil {
			b.Fatal(err)
		}
	}
}

// The floor: the same bytes read line by line, nothing else.
func BenchmarkLineScan(b *testing.B) {
	in := readSeed(b)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		lr := text.NewLineReader(bytes.NewReader(in))
		for lr.Next() {
		}
	}
}

// splitLines splits a text into its lines as text.LineReader does: a lone
// CR ends a line too.
func splitLines(in []byte) []string { return lineEnd.Split(string(in), -1) }

var lineEnd = regexp.MustCompile(`\r\n|\r|\n`)
