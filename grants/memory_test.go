package grants

import (
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
