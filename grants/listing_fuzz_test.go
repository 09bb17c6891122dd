package grants

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/tipkit/tipkit/tip"
)

var listingSentinels = []error{tip.ErrSyntax, tip.ErrEncoding, tip.ErrUnknownCountry, tip.ErrAmbiguousCountry, tip.ErrMissing, tip.ErrDuplicate, tip.ErrAmount, tip.ErrDate}

// Properties: every error unwraps to a documented sentinel at a position
// inside the input; strict success implies lax success with the same
// projects; lax never keeps fewer projects than strict.
func FuzzParse(f *testing.F) {
	addBadCorpus(f, "grants")
	seed := readSeed000(f)
	f.Add(seed[:6000])
	f.Add([]byte("Africa\n\nCountries: Kenya\nImplementer: IOM\nAmount: $5\nAmount: x\nEnd Date: 2/30/2023\n\nCountry: Seychelle\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		lines := len(lineEnd.Split(string(in), -1)) // a lone CR ends a line too
		strict, serr := Parse(bytes.NewReader(in))
		lax, lerr := ParseLax(bytes.NewReader(in))
		for _, err := range []error{serr, lerr} {
			if err == nil {
				continue
			}
			var list tip.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("%v is not a tip.ErrorList", err)
			}
			for _, e := range list {
				ok := false
				for _, s := range listingSentinels {
					ok = ok || errors.Is(e, s)
				}
				if !ok {
					t.Errorf("%v wraps no documented sentinel", e)
				}
				if p := e.Pos(); p.Line < 1 || p.Line > lines || p.Col < 1 {
					t.Errorf("%v: position outside the input", e)
				}
			}
		}
		if len(lax.Projects) < len(strict.Projects) {
			t.Fatalf("lax %d projects < strict %d", len(lax.Projects), len(strict.Projects))
		}
		if serr == nil && lerr != nil {
			t.Fatalf("strict ok, lax failed: %v", lerr)
		}
		for _, p := range lax.Projects {
			if p.Amount.IsNegative() {
				t.Errorf("negative amount at %v", p.Pos)
			}
		}
		// format → parse is stable: what Format writes reads back to the
		// same projects.
		var buf bytes.Buffer
		if err := Format(&buf, lax); err != nil {
			t.Fatal(err)
		}
		back, err := ParseLax(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("reparse of Format output: %v\n%s", err, buf.String())
		}
		if d := cmp.Diff(lax.Projects, back.Projects, cmpopts.IgnoreTypes(tip.Position{}), cmpopts.EquateEmpty()); d != "" {
			t.Fatalf("format → parse changed the projects (-want +got):\n%s\nformatted:\n%s", d, buf.String())
		}
	})
}

// BenchmarkParse runs the streaming parser over seed 000 repeated 1, 10,
// 100 and 1000 times: MB/s that stays flat across the family shows the
// parser is linear. ns/record and allocs/record are reported per record.
func BenchmarkParse(b *testing.B) {
	in := readSeed000(b)
	for _, n := range []int{1, 10, 100, 1000} {
		data := bytes.Repeat(in, n)
		b.Run(fmt.Sprintf("seedx%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			records := 0
			for b.Loop() {
				for _, err := range Scan(bytes.NewReader(data)) {
					if err != nil {
						b.Fatal(err)
					}
					records++
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(records), "ns/record")
		})
	}
}

// BenchmarkParseLax is the whole-listing reader, findings and all, on the
// same inputs: what ParseLax costs beyond Scan.
func BenchmarkParseLax(b *testing.B) {
	in := readSeed000(b)
	for _, n := range []int{1, 1000} {
		data := bytes.Repeat(in, n)
		b.Run(fmt.Sprintf("seedx%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParseLax(bytes.NewReader(data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The floor: the cost of merely reading the same bytes, a bytes.IndexByte
// loop over seed 000 ×1000, in the same run as BenchmarkParse.
func BenchmarkLineScan(b *testing.B) {
	in := bytes.Repeat(readSeed000(b), 1000)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if countLines(in) == 0 {
			b.Fatal("no lines")
		}
	}
}
