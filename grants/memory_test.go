package grants

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse/parsetest"
)

// repeated returns a reader of about size bytes of b repeated, sampling
// the live heap ten times along the way.
func repeated(b []byte, size int) *parsetest.HeapReader {
	return parsetest.NewHeapReader(nil, b, int64(size))
}

// Scan over a 100 MB listing (seed 000 ×1500, generated as it is read)
// keeps the live heap flat: its peak stays under 64 MB.
func TestScanFlatMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: streams 100 MB")
	}
	seed := readSeed000(t)
	r := repeated(seed, 100<<20)
	reps := r.Reps()
	records := 0
	for _, err := range Scan(r) {
		if err != nil {
			t.Fatal(err)
		}
		records++
	}
	if records != 84*reps {
		t.Fatalf("%d records, want %d", records, 84*reps)
	}
	t.Logf("%d MB, %d records, peak live heap %.1f MB", reps*len(seed)>>20, records, float64(r.Peak())/(1<<20))
	if r.Peak() > parsetest.MaxPeakHeap {
		t.Errorf("peak live heap %.1f MB, want under 64 MB", float64(r.Peak())/(1<<20))
	}
}

// The hostile inputs of issue 20 item 4, one line (or block) repeated.
var hostileLines = []struct{ name, line string }{
	{"invalid", "\xff\n"},
	{"invalid-blocks", "\xff\n\n"},
	{"empty", "\n"},
	{"spaces", " \t\u00a0\n"},
	{"headings", "Africa\n\nGlobal\n\n"},
	{"badrecords", "Country: Kenya\nImplementer: IOM\nAmount: $1,0\n\n"},
	{"unknownlabels", "Country: Kenya\nBudget: $5\n"},
	{"furniture", "An official website of the United States Government Here's how you know.\n"},
}

// Issue 20 item 4: 4 MB of one hostile line repeated cost ParseWith and
// ScanWith, strict and lax, a live heap that holds nothing per line: under
// 16 MB, where 8 bytes kept per line would pass it (the old scanner kept
// 180, and needed 1.8 GB for 10 MB of "\xff\n"). BenchmarkHostile measures
// the same on 100 MB.
func TestHostileFlatMemory(t *testing.T) {
	const size, bound = 4 << 20, 16 << 20
	for _, tt := range hostileLines {
		for _, lax := range []bool{false, true} {
			opts := tip.ParseOptions{Lax: lax}
			t.Run(fmt.Sprintf("item 4: %s/lax=%v", tt.name, lax), func(t *testing.T) {
				r := repeated([]byte(tt.line), size)
				l, err := ParseWith(r, opts)
				r.Sample()
				if len(l.Projects) != 0 || len(l.Sections) > 2 {
					t.Errorf("ParseWith: %d projects, %d sections from hostile input", len(l.Projects), len(l.Sections))
				}
				if r.Peak() > bound {
					t.Errorf("ParseWith: peak live heap %.1f MB after %d MB, %s", float64(r.Peak())/(1<<20), r.BytesRead()>>20, errorCount(err))
				}
				r = repeated([]byte(tt.line), size)
				for p, err := range ScanWith(r, opts) {
					if err == nil {
						t.Fatalf("ScanWith: a project from hostile input: %+v", p)
					}
				}
				r.Sample()
				if r.Peak() > bound {
					t.Errorf("ScanWith: peak live heap %.1f MB after %d MB", float64(r.Peak())/(1<<20), r.BytesRead()>>20)
				}
			})
		}
	}
}

func errorCount(err error) string {
	list, _ := err.(tip.ErrorList)
	return fmt.Sprintf("%d errors", len(list))
}

// Scan allocates per record, not per byte: about seven objects a record
// of seed 000 (each of its five lines as a string, its countries, and the
// few places that need the errata), however long its lines are.
func TestScanAllocsPerRecord(t *testing.T) {
	seed := readSeed000(t)
	in := bytes.Repeat(seed, 10)
	scan := func(in []byte) (records int) {
		for _, err := range Scan(bytes.NewReader(in)) {
			if err != nil {
				t.Fatal(err)
			}
			records++
		}
		return records
	}
	n := scan(in)
	per := testing.AllocsPerRun(20, func() { scan(in) }) / float64(n)
	t.Logf("seed x10: %.2f allocations per record", per)
	if per > 10 {
		t.Errorf("seed x10: %.2f allocations per record, want at most 10", per)
	}
	listing := func(descLen int) []byte {
		var b bytes.Buffer
		b.WriteString("Africa\n\n")
		for i := range 20 {
			fmt.Fprintf(&b, "Country: Kenya\nImplementer: IOM\nAmount: $%d\nEnd Date: 9/30/2023\nDescription: %s\n\n", i+1, strings.Repeat("word ", descLen/5))
		}
		return b.Bytes()
	}
	short, long := listing(10), listing(200<<10)
	as := testing.AllocsPerRun(10, func() { scan(short) })
	al := testing.AllocsPerRun(10, func() { scan(long) })
	t.Logf("20 records: %.0f allocations with 10-byte descriptions, %.0f with 200 KB", as, al)
	// Long lines grow the line reader's buffer a few times; nothing more.
	if al > as+40 {
		t.Errorf("20 records: %.0f allocations with 200 KB descriptions, %.0f with 10 bytes", al, as)
	}
}

// BenchmarkHostile runs ParseLax and Scan over 1, 10 and 100 MB of each
// hostile input, timed, with the peak live heap sampled ten times a run
// (peak-live-MB): MB/s that stays flat shows the time is linear, and the
// heap stays under 64 MB at every size. ParseLax reads until tip.MaxErrors
// errors stop it; Scan reads everything, yielding each bad record.
func BenchmarkHostile(b *testing.B) {
	for _, tt := range hostileLines {
		for _, parser := range []string{"ParseLax", "Scan"} {
			for _, mb := range []int{1, 10, 100} {
				b.Run(fmt.Sprintf("%s/%s/%dMB", tt.name, parser, mb), func(b *testing.B) {
					var peak uint64
					var read int64
					for b.Loop() {
						r := repeated([]byte(tt.line), mb<<20)
						if parser == "ParseLax" {
							ParseLax(r)
						} else {
							for range Scan(r) {
							}
						}
						peak, read = max(peak, r.Peak()), r.BytesRead()
					}
					b.SetBytes(read)
					b.ReportMetric(float64(peak)/(1<<20), "peak-live-MB")
				})
			}
		}
	}
}
