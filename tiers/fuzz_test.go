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

// sentinels are the errors ParseReport documents: every error it returns
// wraps one.
var sentinels = []error{tip.ErrSyntax, tip.ErrEncoding, tip.ErrUnknownCountry, tip.ErrAmbiguousCountry, tip.ErrMissing,
	tip.ErrDuplicate, tip.ErrYear, tip.ErrTooManyErrors}

// inBounds reports whether pos lies in the input whose lines are lines:
// on one of them, at a column from 1 to one past its last byte.
func inBounds(pos tip.Position, lines []string) bool {
	return pos.Line >= 1 && pos.Line <= len(lines) && pos.Col >= 1 && pos.Col <= len(lines[pos.Line-1])+1
}

// Properties: no panic; every error is a list of positioned errors that
// wrap a documented sentinel and lie inside the input; every finding lies
// inside the input and has a rule doc.go lists; a strict parse has no
// findings, and its success implies a lax success with the same
// placements; no error means some record was read.
func FuzzParseReport(f *testing.F) {
	addBadCorpus(f, "tiers")
	f.Add(readSeed(f)[800*100 : 800*100+4000])
	f.Add([]byte("Tier 1\n\n  • Chile\n  • Tongo\nTier 2\n- Chile\n"))
	f.Add([]byte("YEAR PROSECUTIONS CONVICTIONS VICTIMS IDENTIFIED NEW\n2016 1 (1) 2 (2) 3 (3) 4\n2017 x\n"))
	f.Add([]byte("The 2023 Trafficking in Persons Report includes the following 2 governments with a documented “policy or pattern” of:\n\nCuba\n\nIran\n"))
	rules := documentedRules(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		lines := lineEnd.Split(string(in), -1) // a lone CR ends a line too
		strict, serr := ParseReport(bytes.NewReader(in))
		lax, lerr := ParseReportLax(bytes.NewReader(in))
		for _, err := range []error{serr, lerr} {
			if err == nil {
				continue
			}
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
		if len(strict.Findings) > 0 {
			t.Errorf("strict parse with findings: %v", strict.Findings)
		}
		for _, f := range lax.Findings {
			if !rules[f.Rule] || !inBounds(f.Pos, lines) {
				t.Errorf("finding %v: rule not in doc.go, or position outside the input", f)
			}
		}
		if serr == nil {
			if lerr != nil {
				t.Fatalf("strict succeeded, lax failed: %v", lerr)
			}
			if len(strict.Placements)+len(strict.StateSponsored)+len(strict.NotProtocolParty)+len(strict.LawEnforcement) == 0 {
				t.Fatal("no error and no record")
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
			if strings.TrimSpace(p.Name) == "" || !inBounds(p.Pos, lines) {
				t.Errorf("placement %+v: empty name, or position outside the input", p)
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
