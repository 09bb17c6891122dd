package tiers

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse/parsetest"
	"github.com/tipkit/tipkit/tip/text"
)

// sentinels are the errors ParseReport documents: every error it returns
// wraps one.
var sentinels = []error{tip.ErrSyntax, tip.ErrEncoding, tip.ErrUnknownCountry, tip.ErrAmbiguousCountry, tip.ErrMissing,
	tip.ErrDuplicate, tip.ErrYear, tip.ErrTooManyErrors}

// Properties: no panic; every error is a list of positioned errors that
// wrap a documented sentinel and lie inside the input; every finding lies
// inside the input and has a rule doc.go lists; a strict parse has no
// findings, and its success implies a lax success with the same
// placements; no error means some record was read.
func FuzzParseReport(f *testing.F) {
	parsetest.AddCorpus(f, "tiers", ".txt")
	f.Add(readSeed(f)[800*100 : 800*100+4000])
	f.Add([]byte("Tier 1\n\n  • Chile\n  • Tongo\nTier 2\n- Chile\n"))
	f.Add([]byte("YEAR PROSECUTIONS CONVICTIONS VICTIMS IDENTIFIED NEW\n2016 1 (1) 2 (2) 3 (3) 4\n2017 x\n"))
	f.Add([]byte("The 2023 Trafficking in Persons Report includes the following 2 governments with a documented “policy or pattern” of:\n\nCuba\n\nIran\n"))
	rules := parsetest.DocumentedRules(f, "doc.go", "Findings")
	f.Fuzz(func(t *testing.T, in []byte) {
		lines := parsetest.SplitLines(in)
		strict, serr := ParseReport(bytes.NewReader(in))
		lax, lerr := ParseReportLax(bytes.NewReader(in))
		lines.CheckResult(t, serr, strict.Findings, sentinels, rules)
		lines.CheckResult(t, lerr, lax.Findings, sentinels, rules)
		if len(strict.Findings) > 0 {
			t.Errorf("strict parse with findings: %v", strict.Findings)
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
			if strings.TrimSpace(p.Name) == "" || !lines.Contains(p.Pos) {
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
