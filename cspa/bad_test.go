package cspa

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
	"ErrSyntax": tip.ErrSyntax, "ErrEncoding": tip.ErrEncoding, "ErrUnknownCountry": tip.ErrUnknownCountry, "ErrAmount": tip.ErrAmount,
	"ErrDate": tip.ErrDate, "ErrAmbiguousCountry": tip.ErrAmbiguousCountry, "ErrMissing": tip.ErrMissing, "ErrDuplicate": tip.ErrDuplicate,
}

// TestBadInputs runs the cspa part of the bad-input corpus
// (testdata/bad/cspa; list-*.txt go to ParseList, 405c-*.txt to Parse405c).
func TestBadInputs(t *testing.T) {
	dir := filepath.Join("..", "testdata", "bad", "cspa")
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
		var serr, lerr error
		var got int
		if strings.HasPrefix(name, "405c-") {
			_, serr = Parse405c(bytes.NewReader(in))
			var r *Report405c
			r, _, lerr = Parse405cLax(bytes.NewReader(in))
			got = len(r.Provided) + len(r.Violations)
		} else {
			_, serr = ParseList(bytes.NewReader(in))
			var l *List
			l, _, lerr = ParseListLax(bytes.NewReader(in))
			got = len(l.Countries)
		}
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
		if got != laxN || (lerr != nil) != (f[4] == "true") {
			t.Errorf("%s: lax kept %d, error %v; want %d, error %s", name, got, lerr, laxN, f[4])
		}
	}
	if n < 8 {
		t.Errorf("only %d cases", n)
	}
}

// A 10 MB line (a paragraph with no newline) parses, and the list after it
// is still found.
func TestHugeLine(t *testing.T) {
	in := strings.Repeat("x", 10<<20) + "\nThe 2023 CSPA List Includes Governments of the following countries:\n  • Iran\n"
	l, err := ParseList(strings.NewReader(in))
	if err != nil || len(l.Countries) != 1 || l.Positions[0].Line != 3 {
		t.Fatalf("10 MB line: %v, %+v", err, l)
	}
	r, err := Parse405c(strings.NewReader(strings.Repeat("y", 10<<20) + "\nSection 1: Countries in Violation of the Standards Under the CSPA in 2022\n" +
		"Found during the reporting period of April 1, 2021 – March 31, 2022: Iran.\n"))
	if err != nil || r.Year != 2022 || len(r.Violations) != 1 {
		t.Fatalf("405(c) after a 10 MB line: %v", err)
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
