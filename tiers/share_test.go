package tiers

import (
	"bytes"
	"testing"
	"time"

	"github.com/tipkit/tipkit/tip"
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
// output/parse-% adds to it the writing of the findings Check returns
// (writeFindings): what any Check must spend before applying a rule.
func BenchmarkCheckShare(b *testing.B) {
	in := readSeed(b)
	h := Default()
	const checks = 10 // Check is short: several per parse, for the clock's sake
	var parse, check, floor, output time.Duration
	sum := 0
	found := Check(h)
	var buf []byte
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
		for range checks {
			sum += readPlacements(h)
			buf = writeFindings(found, buf)
		}
		t4 := time.Now()
		parse += t1.Sub(t0)
		check += t2.Sub(t1) / checks
		floor += t3.Sub(t2) / checks
		output += t4.Sub(t3) / checks
	}
	if sum == 0 {
		b.Fatal("no placements read")
	}
	b.ReportMetric(float64(check.Nanoseconds())/float64(b.N), "check-ns/op")
	b.ReportMetric(float64(parse.Nanoseconds())/float64(b.N), "parse-ns/op")
	b.ReportMetric(100*float64(check)/float64(parse), "check/parse-%")
	b.ReportMetric(100*float64(floor)/float64(parse), "floor/parse-%")
	b.ReportMetric(100*float64(output)/float64(parse), "output/parse-%")
}

// writeFindings is what any Check must do besides reading the placements
// and applying the rules: write out the findings it returns, here with
// their messages already made (Check's own, made once outside the loop),
// the way Check writes them: the messages into a buffer kept from one call
// to the next, then one string, and a slice of findings whose texts are
// slices of it. With readPlacements, it is output/parse-%: the least time
// a Check returning these findings can take.
//
//go:noinline
func writeFindings(fs []tip.Finding, buf []byte) []byte {
	buf = buf[:0]
	for _, f := range fs {
		buf = append(buf, f.Message...)
	}
	msgs := string(buf)
	out := make([]tip.Finding, len(fs))
	n := 0
	for i, f := range fs {
		msg := msgs[n : n+len(f.Message)]
		n += len(f.Message)
		o := &out[i]
		o.Rule, o.Severity, o.Country = f.Rule, f.Severity, f.Country
		o.Subject, o.Message, o.Citation = msg[:len(f.Subject)], msg, f.Citation
	}
	sinkFindings = out
	return buf
}

var sinkFindings []tip.Finding

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
