package parsetest

import (
	"fmt"
	"io"
	"runtime"
	"testing"
)

// A HeapReader is a large input generated as it is read: a prefix, then a
// body repeated, holding no more than the two. About ten times along the
// way it collects garbage and records the live heap, so that a parser
// reading from it shows its peak live heap as it runs: flat, if it keeps
// nothing per line.
type HeapReader struct {
	once, body []byte
	reps       int   // times body is yielded in all
	left       int   // times body is still to be yielded, the one being yielded included
	off        int   // in the chunk being yielded: once, then body
	inOnce     bool  // once is being yielded
	read       int64 // bytes yielded
	every      int64 // bytes between samples
	since      int64 // bytes since the last sample
	peak       uint64
}

// NewHeapReader returns a reader of once, then body repeated as many whole
// times as bring the input to size bytes, or just past.
func NewHeapReader(once, body []byte, size int64) *HeapReader {
	reps := 0
	if rest := size - int64(len(once)); rest > 0 && len(body) > 0 {
		reps = int((rest + int64(len(body)) - 1) / int64(len(body)))
	}
	return &HeapReader{once: once, body: body, reps: reps, left: reps, inOnce: len(once) > 0, every: max(size/10, 1)}
}

// Read fills p as far as the input goes: a parser of one-byte lines pays
// for its own time, not for the reader's.
func (r *HeapReader) Read(p []byte) (int, error) {
	if !r.inOnce && r.left == 0 {
		return 0, io.EOF
	}
	if r.since >= r.every {
		r.Sample()
	}
	n := 0
	for n < len(p) && (r.inOnce || r.left > 0) {
		chunk := r.body
		if r.inOnce {
			chunk = r.once
		}
		k := copy(p[n:], chunk[r.off:])
		n += k
		r.off += k
		if r.off == len(chunk) {
			r.off = 0
			if r.inOnce {
				r.inOnce = false
			} else {
				r.left--
			}
		}
	}
	r.read += int64(n)
	r.since += int64(n)
	return n, nil
}

// Sample collects garbage and records the live heap. Call it before a
// parse, for the baseline, and after, for what the result holds.
func (r *HeapReader) Sample() {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	r.peak = max(r.peak, ms.HeapAlloc)
	r.since = 0
}

// Peak returns the largest live heap sampled, in bytes.
func (r *HeapReader) Peak() uint64 { return r.peak }

// BytesRead returns the number of bytes read so far.
func (r *HeapReader) BytesRead() int64 { return r.read }

// Reps returns how many times the input repeats its body.
func (r *HeapReader) Reps() int { return r.reps }

// A MemoryCase is an input BenchmarkMemory parses: Once (if any), then
// Body repeated.
type MemoryCase struct {
	Name       string
	Once, Body []byte
}

// MaxPeakHeap is the live heap a parse of any size may not pass in
// BenchmarkMemory: 64 MB.
const MaxPeakHeap = 64 << 20

// BenchmarkMemory parses each case at 1, 10 and 100 MB with parse,
// reporting the peak live heap ("peak-MB") and the time per MB read
// ("ns/MB": flat across the sizes when time is linear), and fails if the
// peak passes MaxPeakHeap. Run it with -benchtime 1x: the 100 MB runs take
// seconds.
func BenchmarkMemory(b *testing.B, cases []MemoryCase, parse func(io.Reader)) {
	for _, c := range cases {
		for _, mb := range []int64{1, 10, 100} {
			b.Run(fmt.Sprintf("%s/%dMB", c.Name, mb), func(b *testing.B) {
				size := mb << 20
				b.SetBytes(size)
				var peak uint64
				for b.Loop() {
					r := NewHeapReader(c.Once, c.Body, size)
					r.Sample()
					parse(r)
					r.Sample()
					peak = max(peak, r.Peak())
				}
				b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(mb), "ns/MB")
				if peak > MaxPeakHeap {
					b.Errorf("peak live heap %.1f MB, want under %d MB", float64(peak)/(1<<20), MaxPeakHeap>>20)
				}
			})
		}
	}
}
