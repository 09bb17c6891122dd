package cspa

import (
	"io"
	"strings"
	"testing"

	"github.com/tipkit/tipkit/tip/parse/parsetest"
)

// BenchmarkParseListMemory and BenchmarkParse405cMemory: issue 20's
// "Done means" for the list and 405(c) parsers. The valid text is seed 003
// once, then its first 470 lines (prose, before the CSPA list) repeated;
// the hostile ones are one line repeated: invalid UTF-8 (the parse stops
// after tip.MaxErrors errors), empty lines, and headings (a list's: each
// after the first is a second list, and the parse stops after
// tip.MaxErrors; a 405(c) section's before any Section 1, read to the end).
func BenchmarkParseListMemory(b *testing.B) {
	seed := readSeed(b)
	cases := []parsetest.MemoryCase{
		{Name: "valid", Once: seed, Body: prose470(seed)},
		{Name: "invalid-utf8", Body: []byte("\xff\n")},
		{Name: "empty-lines", Body: []byte("\n")},
		{Name: "headings", Body: []byte("The 2023 CSPA List Includes Governments of the following countries:\n")},
	}
	parsetest.BenchmarkMemory(b, cases, func(r io.Reader) { ParseList(r) })
}

func BenchmarkParse405cMemory(b *testing.B) {
	seed := readSeed(b)
	cases := []parsetest.MemoryCase{
		{Name: "valid", Once: seed, Body: prose470(seed)},
		{Name: "invalid-utf8", Body: []byte("\xff\n")},
		{Name: "empty-lines", Body: []byte("\n")},
		{Name: "headings", Body: []byte("Section 5: Description and Amount of Assistance Provided Pursuant to a Waiver\n")},
		{Name: "country-headings", Once: []byte(sec5), Body: []byte("Somalia\n")},
	}
	parsetest.BenchmarkMemory(b, cases, func(r io.Reader) {
		rep, _ := Parse405c(r)
		if len(rep.Provided) > 7 {
			b.Fatalf("%d amounts", len(rep.Provided))
		}
	})
}

// prose470 returns the first 470 lines of seed 003: prose, before any list.
func prose470(seed []byte) []byte {
	return []byte(strings.Join(strings.SplitAfter(string(seed), "\n")[:470], ""))
}
