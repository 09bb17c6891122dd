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
	"ErrSyntax": tip.ErrSyntax, "ErrEncoding": tip.ErrEncoding, "ErrUnknownCountry": tip.ErrUnknownCountry,
	"ErrAmbiguousCountry": tip.ErrAmbiguousCountry, "ErrMissing": tip.ErrMissing, "ErrDuplicate": tip.ErrDuplicate,
	"ErrYear": tip.ErrYear, "ErrAmount": tip.ErrAmount, "ErrDate": tip.ErrDate,
}

// A badCase is one row of a bad-input corpus's EXPECT file.
type badCase struct {
	file, sentinel, pos string
	laxRecords          int
	laxErr              bool
	why                 string
}

// readExpect reads testdata/bad/<dir>/EXPECT (format in its header).
func readExpect(t *testing.T, dir string) []badCase {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "bad", dir, "EXPECT"))
	if err != nil {
		t.Fatal(err)
	}
	var out []badCase
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 6 {
			t.Fatalf("EXPECT: %q: want 6 fields", line)
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		n, err := strconv.Atoi(f[3])
		if err != nil || (f[1] != "none" && sentinelByName[f[1]] == nil) {
			t.Fatalf("EXPECT: %q: bad count or sentinel", line)
		}
		out = append(out, badCase{f[0], f[1], f[2], n, f[4] == "true", f[5]})
	}
	return out
}

// TestBadInputs runs the cspa part of the bad-input corpus
// (testdata/bad/cspa): list-*.txt go to ParseList, 405c-*.txt to
// Parse405c, each with the strict error it must give, at its position, and
// what the lax parse keeps.
func TestBadInputs(t *testing.T) {
	cases := readExpect(t, "cspa")
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join("..", "testdata", "bad", "cspa", c.file))
			if err != nil {
				t.Fatal(err)
			}
			var serr, lerr error
			var got int
			if strings.HasPrefix(c.file, "405c-") {
				_, serr = Parse405c(bytes.NewReader(in))
				var r *Report405c
				r, lerr = Parse405cLax(bytes.NewReader(in))
				got = len(r.Provided) + len(r.Violations)
			} else {
				_, serr = ParseList(bytes.NewReader(in))
				var l *List
				l, lerr = ParseListLax(bytes.NewReader(in))
				got = len(l.Governments)
			}
			if c.sentinel == "none" {
				if serr != nil {
					t.Errorf("%s: strict error %v", c.why, serr)
				}
			} else if !hasError(serr, sentinelByName[c.sentinel], c.pos) {
				t.Errorf("%s: strict error %v, want %s at %s", c.why, serr, c.sentinel, c.pos)
			}
			if got != c.laxRecords || (lerr != nil) != c.laxErr {
				t.Errorf("%s: lax kept %d, error %v; want %d, error %v", c.why, got, lerr, c.laxRecords, c.laxErr)
			}
		})
	}
	if files, _ := filepath.Glob(filepath.Join("..", "testdata", "bad", "cspa", "*.txt")); len(files) != len(cases) {
		t.Errorf("%d files, %d rows in EXPECT", len(files), len(cases))
	}
}

// hasError reports whether err holds an error at pos ("line:col") that
// wraps sentinel.
func hasError(err, sentinel error, pos string) bool {
	var list tip.ErrorList
	if !errors.As(err, &list) {
		return false
	}
	for _, e := range list {
		if e.Pos().String() == pos && errors.Is(e, sentinel) {
			return true
		}
	}
	return false
}

// A 10 MB line (a paragraph with no newline) parses, and the list after it
// is still found.
func TestHugeLine(t *testing.T) {
	in := strings.Repeat("x", 10<<20) + "\nThe 2023 CSPA List Includes Governments of the following countries:\n  • Iran\n"
	l, err := ParseList(strings.NewReader(in))
	if err != nil || len(l.Governments) != 1 || l.Governments[0].Pos.Line != 3 {
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
