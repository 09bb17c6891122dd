package tiers

import (
	"io"
	"strings"
	"testing"

	"github.com/tipkit/tipkit/tip/parse/parsetest"
)

// BenchmarkParseReportMemory: issue 20's "Done means" for ParseReport and
// ParseReportLax. The valid text is seed 003 once, then its first 470
// lines (prose, with no list) repeated; the hostile ones are one line
// repeated: invalid UTF-8 (the parse stops after tip.MaxErrors errors),
// empty lines, tier headings, and a heading with a name that is no
// country.
func BenchmarkParseReportMemory(b *testing.B) {
	seed := readSeed(b)
	prose := prose470(seed)
	cases := []parsetest.MemoryCase{
		{Name: "valid", Once: seed, Body: prose},
		{Name: "invalid-utf8", Body: []byte("\xff\n")},
		{Name: "empty-lines", Body: []byte("\n")},
		{Name: "headings", Body: []byte("Tier 1\n")},
		{Name: "heading-and-unknown-name", Body: []byte("Tier 1\nNarnia\n")},
	}
	b.Run("strict", func(b *testing.B) {
		parsetest.BenchmarkMemory(b, cases, func(r io.Reader) { ParseReport(r) })
	})
	b.Run("lax", func(b *testing.B) {
		parsetest.BenchmarkMemory(b, cases[:1], func(r io.Reader) {
			rep, err := ParseReportLax(r)
			if err != nil || len(rep.Placements) != 188 {
				b.Fatalf("lax parse of the valid text: %d placements, %v", len(rep.Placements), err)
			}
		})
	})
}

// prose470 returns the first 470 lines of seed 003: prose, before any list.
func prose470(seed []byte) []byte {
	return []byte(strings.Join(strings.SplitAfter(string(seed), "\n")[:470], ""))
}
