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
func BenchmarkCheckShare(b *testing.B) {
	in := readSeed(b)
	h := Default()
	const checks = 10 // Check is short: several per parse, for the clock's sake
	var parse, check time.Duration
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
		parse += t1.Sub(t0)
		check += t2.Sub(t1) / checks
	}
	b.ReportMetric(float64(check.Nanoseconds())/float64(b.N), "check-ns/op")
	b.ReportMetric(float64(parse.Nanoseconds())/float64(b.N), "parse-ns/op")
	b.ReportMetric(100*float64(check)/float64(parse), "check/parse-%")
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
