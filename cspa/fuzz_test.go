package cspa

import (
	"bytes"
	"errors"
	"regexp"
	"testing"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/text"
)

var sentinels = []error{tip.ErrSyntax, tip.ErrEncoding, tip.ErrUnknownCountry, tip.ErrAmbiguousCountry, tip.ErrMissing, tip.ErrDuplicate, tip.ErrAmount, tip.ErrDate}

func checkErr(t *testing.T, err error, in []byte) {
	if err == nil {
		return
	}
	lines := len(lineEnd.Split(string(in), -1)) // a lone CR ends a line too
	var list tip.ErrorList
	if !errors.As(err, &list) || list.Len() == 0 {
		t.Fatalf("error %v is not a tip.ErrorList", err)
	}
	for _, e := range list {
		ok := false
		for _, s := range sentinels {
			ok = ok || errors.Is(e, s)
		}
		if !ok {
			t.Errorf("%v wraps no documented sentinel", e)
		}
		if p := e.Pos(); p.Line < 1 || p.Line > lines || p.Col < 1 {
			t.Errorf("%v: position outside the input", e)
		}
	}
}

func FuzzParseList(f *testing.F) {
	addBadCorpus(f, "cspa")
	f.Add([]byte("The 2023 CSPA List Includes Governments of the following countries:\n\n  • Afghanistan\n  • Türkiye\n  • Narnia\n- Iran\n- Iran\n"))
	f.Add([]byte("The 2023 CSPA List Includes Governments of the following countries:\n  • \n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		strict, serr := ParseList(bytes.NewReader(in))
		lax, _, lerr := ParseListLax(bytes.NewReader(in))
		checkErr(t, serr, in)
		checkErr(t, lerr, in)
		if serr == nil {
			if lerr != nil || len(lax.Countries) != len(strict.Countries) {
				t.Fatalf("strict ok with %d, lax %v with %d", len(strict.Countries), lerr, len(lax.Countries))
			}
		}
		if len(lax.Countries) != len(lax.Names) || len(lax.Names) != len(lax.Positions) {
			t.Fatalf("parallel slices differ: %d %d %d", len(lax.Countries), len(lax.Names), len(lax.Positions))
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
		strict, serr := Parse405c(bytes.NewReader(in))
		lax, _, lerr := Parse405cLax(bytes.NewReader(in))
		checkErr(t, serr, in)
		checkErr(t, lerr, in)
		if serr == nil && (lerr != nil || len(lax.Provided) != len(strict.Provided) || !lax.Total().Equal(strict.Total())) {
			t.Fatalf("strict ok, lax differs: %v", lerr)
		}
		for _, a := range lax.Provided {
			if a.Amount.IsNegative() || a.Authority == AuthorityUnknown || a.Country == 0 {
				t.Errorf("bad amount row %+v", a)
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

// lineEnd splits a text into its lines as text.LineReader does.
var lineEnd = regexp.MustCompile(`\r\n|\r|\n`)
