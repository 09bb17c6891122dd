package cspa

import (
	"bytes"
	"testing"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse/parsetest"
	"github.com/tipkit/tipkit/tip/text"
)

// sentinels are the errors the parsers document: every error they return
// wraps one.
var sentinels = []error{tip.ErrSyntax, tip.ErrEncoding, tip.ErrUnknownCountry, tip.ErrAmbiguousCountry, tip.ErrMissing,
	tip.ErrDuplicate, tip.ErrAmount, tip.ErrDate, tip.ErrYear, tip.ErrTooManyErrors}

func FuzzParseList(f *testing.F) {
	parsetest.AddCorpus(f, "cspa", ".txt")
	f.Add([]byte("The 2023 CSPA List Includes Governments of the following countries:\n\n  • Afghanistan\n  • Türkiye\n  • Narnia\n- Iran\n- Iran\n"))
	f.Add([]byte("The 2023 CSPA List Includes Governments of the following countries:\n  • \n"))
	f.Add([]byte("The 2023 CSPA List Includes Governments of the following countries:\nBurma, Tongo, and Mali.\nThe 1900 CSPA List Includes Governments of the following countries:\n• Iran\n"))
	rules := parsetest.DocumentedRules(f, "doc.go", "Findings")
	f.Fuzz(func(t *testing.T, in []byte) {
		lines := parsetest.SplitLines(in)
		strict, serr := ParseList(bytes.NewReader(in))
		lax, lerr := ParseListLax(bytes.NewReader(in))
		lines.CheckResult(t, serr, strict.Findings, sentinels, rules)
		lines.CheckResult(t, lerr, lax.Findings, sentinels, rules)
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
			if !lines.Contains(g.Pos) || g.Name == "" || g.Country != 0 && !g.Country.IsValid() {
				t.Errorf("government %+v", g)
			}
		}
	})
}

func FuzzParse405c(f *testing.F) {
	parsetest.AddCorpus(f, "cspa", ".txt")
	seed := readSeed(f)
	i := bytes.Index(seed, []byte("Section 1: Countries in Violation"))
	f.Add(seed[i : i+3000])
	j := bytes.Index(seed, []byte("Section 5: Description"))
	f.Add(append([]byte("Section 1: Countries in Violation of the Standards Under the CSPA in 2022\n"), seed[j:j+1500]...))
	rules := parsetest.DocumentedRules(f, "doc.go", "Findings")
	f.Fuzz(func(t *testing.T, in []byte) {
		lines := parsetest.SplitLines(in)
		strict, serr := Parse405c(bytes.NewReader(in))
		lax, lerr := Parse405cLax(bytes.NewReader(in))
		lines.CheckResult(t, serr, strict.Findings, sentinels, rules)
		lines.CheckResult(t, lerr, lax.Findings, sentinels, rules)
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
			if a.Amount.IsNegative() || a.Authority == AuthorityUnknown || !lines.Contains(a.Pos) || a.Name == "" {
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
