package tiers

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"testing"
)

// A sampledReader yields once, then body repeated, size bytes in all,
// holding no more than that; every sampleEvery bytes it collects garbage
// and records the live heap, so that a parse reading from it shows its
// peak live heap as it goes.
type sampledReader struct {
	once, body []byte
	left       int64  // bytes still to yield
	off        int    // in the chunk being yielded: once, then body
	inOnce     bool   // once is being yielded
	since      int64  // bytes since the last sample
	peak       uint64 // the largest live heap sampled
}

const sampleEvery = 4 << 20

func newSampledReader(once, body []byte, size int64) *sampledReader {
	return &sampledReader{once: once, body: body, left: size, inOnce: len(once) > 0}
}

func (r *sampledReader) Read(p []byte) (int, error) {
	if r.left <= 0 {
		return 0, io.EOF
	}
	if r.since >= sampleEvery {
		r.sample()
	}
	chunk := r.body
	if r.inOnce {
		chunk = r.once
	}
	n := copy(p[:min(int64(len(p)), r.left)], chunk[r.off:])
	r.off += n
	if r.off == len(chunk) {
		r.off, r.inOnce = 0, false
	}
	r.left -= int64(n)
	r.since += int64(n)
	return n, nil
}

func (r *sampledReader) sample() {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	r.peak = max(r.peak, ms.HeapAlloc)
	r.since = 0
}

// A memoryCase is an input the memory benchmarks parse at 1, 10 and 100
// MB: once (if any), then body repeated.
type memoryCase struct {
	name       string
	once, body []byte
}

// benchmarkMemory parses each case at 1, 10 and 100 MB with parse,
// reporting the peak live heap ("peak-MB") and the time per MB read
// ("ns/MB": flat across the sizes when time is linear), and fails if the
// peak passes 64 MB. Run it with -benchtime 1x: the 100 MB runs take
// seconds.
func benchmarkMemory(b *testing.B, cases []memoryCase, parse func(io.Reader)) {
	for _, c := range cases {
		for _, mb := range []int64{1, 10, 100} {
			b.Run(fmt.Sprintf("%s/%dMB", c.name, mb), func(b *testing.B) {
				size := mb << 20
				b.SetBytes(size)
				var peak uint64
				for b.Loop() {
					r := newSampledReader(c.once, c.body, size)
					r.sample()
					parse(r)
					r.sample()
					peak = max(peak, r.peak)
				}
				b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(mb), "ns/MB")
				if peak > 64<<20 {
					b.Errorf("peak live heap %.1f MB, want under 64 MB", float64(peak)/(1<<20))
				}
			})
		}
	}
}

// BenchmarkParseReportMemory: issue 20's "Done means" for ParseReport and
// ParseReportLax. The valid text is seed 003 once, then its first 470
// lines (prose, with no list) repeated; the hostile ones are one line
// repeated: invalid UTF-8 (the parse stops after tip.MaxErrors errors),
// empty lines, tier headings, and a heading with a name that is no
// country.
func BenchmarkParseReportMemory(b *testing.B) {
	seed := readSeed(b)
	prose := seed[:nthLine(seed, 470)]
	cases := []memoryCase{
		{"valid", seed, prose},
		{"invalid-utf8", nil, []byte("\xff\n")},
		{"empty-lines", nil, []byte("\n")},
		{"headings", nil, []byte("Tier 1\n")},
		{"heading-and-unknown-name", nil, []byte("Tier 1\nNarnia\n")},
	}
	b.Run("strict", func(b *testing.B) {
		benchmarkMemory(b, cases, func(r io.Reader) { ParseReport(r) })
	})
	b.Run("lax", func(b *testing.B) {
		benchmarkMemory(b, cases[:1], func(r io.Reader) {
			rep, err := ParseReportLax(r)
			if err != nil || len(rep.Placements) != 188 {
				b.Fatalf("lax parse of the valid text: %d placements, %v", len(rep.Placements), err)
			}
		})
	})
}

// nthLine returns the offset just past line n of b.
func nthLine(b []byte, n int) int {
	off := 0
	for range n {
		i := bytes.IndexByte(b[off:], '\n')
		if i < 0 {
			return len(b)
		}
		off += i + 1
	}
	return off
}
