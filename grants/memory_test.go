package grants

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"testing"
)

// repeatReader yields b n times without holding more than b.
type repeatReader struct {
	b   []byte
	n   int
	off int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	k := copy(p, r.b[r.off:])
	r.off += k
	if r.off == len(r.b) {
		r.off = 0
		r.n--
	}
	return k, nil
}

// Scan over a 100 MB listing (seed 000 ×1500, generated as it is read)
// keeps the live heap flat: its peak stays under 64 MB, sampled every
// thousand records after a collection.
func TestScanFlatMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: streams 100 MB")
	}
	seed := readSeed000(t)
	reps := 100<<20/len(seed) + 1
	var peak uint64
	var ms runtime.MemStats
	records := 0
	for _, err := range Scan(&repeatReader{b: seed, n: reps}) {
		if err != nil {
			t.Fatal(err)
		}
		records++
		if records%1000 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
	}
	if records != 84*reps {
		t.Fatalf("%d records, want %d", records, 84*reps)
	}
	t.Logf("%d MB, %d records, peak live heap %.1f MB", reps*len(seed)>>20, records, float64(peak)/(1<<20))
	if peak > 64<<20 {
		t.Errorf("peak live heap %.1f MB, want under 64 MB", float64(peak)/(1<<20))
	}
}

// Scan allocates per record, not per byte: a few objects a record (its
// text, its amount, a share of the blocks countries are cut from), however
// long its lines are.
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
	if per > 4 {
		t.Errorf("seed x10: %.2f allocations per record, want at most 4", per)
	}
	listing := func(descLen int) []byte {
		var b bytes.Buffer
		b.WriteString("Africa\n\n")
		for i := range 20 {
			fmt.Fprintf(&b, "Country: Kenya\nImplementer: IOM\nAmount: $%d\nEnd Date: 9/30/2023\nDescription: %s\n\n", i+1, bytes.Repeat([]byte("word "), descLen/5))
		}
		return b.Bytes()
	}
	short, long := listing(10), listing(200<<10)
	scan(long) // buffers grown once
	as := testing.AllocsPerRun(10, func() { scan(short) })
	al := testing.AllocsPerRun(10, func() { scan(long) })
	t.Logf("20 records: %.0f allocations with 10-byte descriptions, %.0f with 200 KB", as, al)
	// Long lines may grow the reused buffers a few times; nothing more.
	if al > as+40 {
		t.Errorf("20 records: %.0f allocations with 200 KB descriptions, %.0f with 10 bytes", al, as)
	}
}
