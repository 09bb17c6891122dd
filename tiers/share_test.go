package tiers

import (
	"bytes"
	"testing"
	"time"
)

// BenchmarkCheckShare reports the requirement's figure: Check over the
// embedded history as a share of parsing one report (BenchmarkParseReport's
// work). The two are timed in turn in the same loop, so that a loaded
// machine slows both alike, where two separate benchmarks may each meet a
// different load. The requirement is under 1 %.
//
// It also times the floor under any Check: a loop that only reads the
// Country and Tier of every placement of the history, as every rule's
// first step must (a country placed twice in a year is found only by
// reading them all). floor/parse-% is that loop's share of the parse.
func BenchmarkCheckShare(b *testing.B) {
	in := readSeed(b)
	h := Default()
	const checks = 10 // Check is short: several per parse, for the clock's sake
	var parse, check, floor time.Duration
	sum := 0
	for b.Loop() {
		t0 := time.Now()
		if _, err := ParseReportLax(bytes.NewReader(in)); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		for range checks {
			Check(h)
		}
		t2 := time.Now()
		for range checks {
			sum += readPlacements(h)
		}
		t3 := time.Now()
		parse += t1.Sub(t0)
		check += t2.Sub(t1) / checks
		floor += t3.Sub(t2) / checks
	}
	if sum == 0 {
		b.Fatal("no placements read")
	}
	b.ReportMetric(float64(check.Nanoseconds())/float64(b.N), "check-ns/op")
	b.ReportMetric(float64(parse.Nanoseconds())/float64(b.N), "parse-ns/op")
	b.ReportMetric(100*float64(check)/float64(parse), "check/parse-%")
	b.ReportMetric(100*float64(floor)/float64(parse), "floor/parse-%")
}

// readPlacements reads the Country and Tier of every placement, and
// returns a sum of them so that the reads are not optimized away.
//
//go:noinline
func readPlacements(h *History) int {
	s := 0
	for k := range h.Years {
		for _, p := range h.Years[k].Placements {
			s += int(p.Country) + int(p.Tier)
		}
	}
	return s
}

// BenchmarkCheckReference is Check as it was before the speed work
// (ref_test.go), for a before/after in the same run.
func BenchmarkCheckReference(b *testing.B) {
	h := Default()
	b.ReportAllocs()
	for b.Loop() {
		refCheck(h)
	}
}
