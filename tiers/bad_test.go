package tiers

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tipkit/tipkit/tip"
)

var sentinelByName = map[string]error{
	"ErrSyntax": tip.ErrSyntax, "ErrEncoding": tip.ErrEncoding, "ErrUnknownCountry": tip.ErrUnknownCountry,
	"ErrAmbiguousCountry": tip.ErrAmbiguousCountry, "ErrMissing": tip.ErrMissing, "ErrDuplicate": tip.ErrDuplicate,
}

// TestBadInputs runs the tiers part of the bad-input corpus
// (testdata/bad/tiers, expectations in its EXPECT file; format there).
func TestBadInputs(t *testing.T) {
	dir := filepath.Join("..", "testdata", "bad", "tiers")
	b, err := os.ReadFile(filepath.Join(dir, "EXPECT"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "|")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		name, sentinel, pos := f[0], f[1], f[2]
		laxN, _ := strconv.Atoi(f[3])
		in, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		n++
		_, serr := ParseReport(bytes.NewReader(in))
		if sentinel == "none" {
			if serr != nil {
				t.Errorf("%s: strict error %v", name, serr)
			}
		} else {
			var list tip.ErrorList
			found := false
			if errors.As(serr, &list) {
				for _, e := range list {
					found = found || (e.Pos().String() == pos && errors.Is(e, sentinelByName[sentinel]))
				}
			}
			if !found {
				t.Errorf("%s: strict error %v, want %s at %s", name, serr, sentinel, pos)
			}
		}
		r, lerr := ParseReportLax(bytes.NewReader(in))
		if len(r.Placements) != laxN || (lerr != nil) != (f[4] == "true") {
			t.Errorf("%s: lax kept %d placements, error %v; want %d, error %s", name, len(r.Placements), lerr, laxN, f[4])
		}
	}
	if n < 8 {
		t.Errorf("only %d cases", n)
	}
}

// A 10 MB line (a paragraph with no newline) parses, and a list after it
// is still found.
func TestHugeLine(t *testing.T) {
	in := strings.Repeat("x", 10<<20) + "\n\nTier 1\n\n  • Chile\n"
	r, err := ParseReport(strings.NewReader(in))
	if err != nil || len(r.Placements) != 1 || r.Placements[0].Pos.Line != 5 {
		t.Fatalf("10 MB line: %v, %+v", err, r.Placements)
	}
}

// addBadCorpus seeds a fuzz target with the bad-input corpus of
// testdata/bad/<dir>.
func addBadCorpus(f *testing.F, dir string) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "bad", dir, "*.txt"))
	if err != nil || len(files) == 0 {
		f.Fatalf("no bad corpus in %s: %v", dir, err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}
