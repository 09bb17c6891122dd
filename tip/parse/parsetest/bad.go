package parsetest

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tipkit/tipkit/tip"
)

// A Bad is one file of a bad-input corpus and what its EXPECT row says a
// parser must make of it.
type Bad struct {
	File       string // "amount-bad-grouping.txt"
	Sentinel   string // what the strict error wraps, by name: "ErrAmount"; "none" for a file that must parse
	Pos        string // "line:col" of the strict error
	LaxRecords int    // the records a lax parse keeps
	LaxErr     bool   // whether a lax parse returns an error
	Why        string // why the file is in the corpus; "" where EXPECT gives no reason
	Input      []byte // the file
}

// badDir is the corpus of dir, seen from a package directory.
func badDir(dir string) string { return filepath.Join("..", "testdata", "bad", dir) }

// ReadBad reads the bad-input corpus testdata/bad/<dir> of the module:
// its EXPECT file, one row a file,
//
//	file | sentinel (tip.Err…, or none) | line:col | records the lax parse keeps | lax returns an error [| why]
//
// ("#" lines are comments), and each file a row names. A malformed row, a
// file a row names that is missing, and a file of the corpus that no row
// names each fail t: every file is checked.
func ReadBad(t testing.TB, dir string) []Bad {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(badDir(dir), "EXPECT"))
	if err != nil {
		t.Fatal(err)
	}
	var out []Bad
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "|")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if len(f) != 5 && len(f) != 6 {
			t.Fatalf("%s/EXPECT: %q: want 5 or 6 fields", dir, line)
		}
		n, err := strconv.Atoi(f[3])
		if err != nil || f[1] == "" || (f[4] != "true" && f[4] != "false") {
			t.Fatalf("%s/EXPECT: %q: want a sentinel, a count of records and true or false", dir, line)
		}
		c := Bad{File: f[0], Sentinel: f[1], Pos: f[2], LaxRecords: n, LaxErr: f[4] == "true"}
		if len(f) == 6 {
			c.Why = f[5]
		}
		if c.Input, err = os.ReadFile(filepath.Join(badDir(dir), c.File)); err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	files, err := os.ReadDir(badDir(dir))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range files {
		if e.Name() != "EXPECT" && !slices.ContainsFunc(out, func(c Bad) bool { return c.File == e.Name() }) {
			t.Errorf("%s/%s: a file of the corpus that EXPECT does not name", dir, e.Name())
		}
	}
	return out
}

// tipSentinels are the sentinels of package tip, by the names EXPECT
// writes them.
func tipSentinels() map[string]error {
	return map[string]error{
		"ErrSyntax": tip.ErrSyntax, "ErrEncoding": tip.ErrEncoding, "ErrAmount": tip.ErrAmount, "ErrDate": tip.ErrDate,
		"ErrYear": tip.ErrYear, "ErrUnknownCountry": tip.ErrUnknownCountry, "ErrAmbiguousCountry": tip.ErrAmbiguousCountry,
		"ErrMissing": tip.ErrMissing, "ErrDuplicate": tip.ErrDuplicate, "ErrTooManyErrors": tip.ErrTooManyErrors,
	}
}

// CheckStrict checks the error of a strict parse of c.Input: nil for
// Sentinel "none"; else a tip.ErrorList whose first error is at c.Pos and
// wraps the sentinel c.Sentinel names, one of tip's (ErrAmount, …) or of
// own, the parser's package's. For tip.ErrTooManyErrors, which ends a
// list, it is the last error.
func (c Bad) CheckStrict(t testing.TB, err error, own map[string]error) {
	t.Helper()
	if c.Sentinel == "none" {
		if err != nil {
			t.Errorf("%s: strict error %v, want none", c.File, err)
		}
		return
	}
	want := own[c.Sentinel]
	if want == nil {
		want = tipSentinels()[c.Sentinel]
	}
	if want == nil {
		t.Fatalf("%s: EXPECT names no known sentinel %q", c.File, c.Sentinel)
	}
	var list tip.ErrorList
	if !errors.As(err, &list) {
		t.Errorf("%s: strict error %v, want a tip.ErrorList (%s)", c.File, err, c.Why)
		return
	}
	e := list[0]
	if want == tip.ErrTooManyErrors {
		e = list[len(list)-1]
	}
	if e.Pos().String() != c.Pos || !errors.Is(e, want) {
		t.Errorf("%s: strict error %v, want it to start (or, for ErrTooManyErrors, end) with %s at %s (%s)", c.File, err, c.Sentinel, c.Pos, c.Why)
	}
}

// AddCorpus seeds the fuzz target f with the files of the bad-input corpus
// testdata/bad/<dir> whose names end in ext (".txt").
func AddCorpus(f *testing.F, dir, ext string) {
	f.Helper()
	files, err := filepath.Glob(filepath.Join(badDir(dir), "*"+ext))
	if err != nil || len(files) == 0 {
		f.Fatalf("no bad corpus *%s in %s: %v", ext, dir, err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}
