package tiers

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/text"
)

var sentinels = []error{tip.ErrSyntax, tip.ErrEncoding, tip.ErrUnknownCountry, tip.ErrAmbiguousCountry, tip.ErrMissing, tip.ErrDuplicate}

// Properties: no panic; every error is a list of positioned errors that
// wrap a documented sentinel and lie inside the input; a strict success
// implies a lax success with the same placements.
func FuzzParseReport(f *testing.F) {
	addBadCorpus(f, "tiers")
	f.Add(readSeed(f)[800*100 : 800*100+4000])
	f.Add([]byte("Tier 1\n\n  • Chile\n  • Tongo\nTier 2\n- Chile\n"))
	f.Add([]byte("YEAR PROSECUTIONS CONVICTIONS VICTIMS IDENTIFIED NEW\n2016 1 (1) 2 (2) 3 (3) 4\n2017 x\n"))
	f.Add([]byte("The 2023 Trafficking in Persons Report includes the following 2 governments with a documented “policy or pattern” of:\n\nCuba\n\nIran\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		lines := len(lineEnd.Split(string(in), -1)) // a lone CR ends a line too
		strict, serr := ParseReport(bytes.NewReader(in))
		lax, lerr := ParseReportLax(bytes.NewReader(in))
		for _, err := range []error{serr, lerr} {
			if err == nil {
				continue
			}
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
					t.Errorf("%v: position outside the input (%d lines)", e, lines)
				}
			}
		}
		if serr == nil {
			if lerr != nil {
				t.Fatalf("strict succeeded, lax failed: %v", lerr)
			}
			if len(strict.Placements) != len(lax.Placements) {
				t.Fatalf("strict %d placements, lax %d", len(strict.Placements), len(lax.Placements))
			}
			for i := range strict.Placements {
				if strict.Placements[i] != lax.Placements[i] {
					t.Fatalf("placement %d: strict %+v, lax %+v", i, strict.Placements[i], lax.Placements[i])
				}
			}
		}
		for _, p := range lax.Placements {
			if p.Country != 0 && !p.Country.IsValid() {
				t.Errorf("placement of an invalid country %d", p.Country)
			}
			if strings.TrimSpace(p.Name) == "" {
				t.Errorf("placement with an empty name at %v", p.Pos)
			}
		}
	})
}

func BenchmarkParseReport(b *testing.B) {
	in := readSeed(b)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseReportLax(bytes.NewReader(in)); err != nil {
			b.Fatal(err)
		}
	}
}

// The floor: reading the same bytes line by line and doing nothing else.
func BenchmarkLineScan(b *testing.B) {
	in := readSeed(b)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		lr := text.NewLineReader(bytes.NewReader(in))
		n := 0
		for lr.Next() {
			n += len(lr.Bytes())
		}
		if n == 0 {
			b.Fatal("empty")
		}
	}
}

// lineEnd splits a text into its lines as text.LineReader does.
var lineEnd = regexp.MustCompile(`\r\n|\r|\n`)
