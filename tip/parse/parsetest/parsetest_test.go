package parsetest

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tipkit/tipkit/tip"
)

// A HeapReader yields its prefix, then whole repetitions of its body, in
// reads of any size.
func TestHeapReader(t *testing.T) {
	tests := []struct {
		once, body string
		size       int64
		want       string
		reps       int
	}{
		{"ab", "xyz", 8, "abxyzxyz", 2},
		{"ab", "xyz", 9, "abxyzxyzxyz", 3}, // a whole body past size
		{"", "\n", 3, "\n\n\n", 3},
		{"abc", "x", 2, "abc", 0},
		{"ab", "", 10, "ab", 0},
	}
	for _, tt := range tests {
		for _, chunk := range []int{1, 2, 1000} {
			r := NewHeapReader([]byte(tt.once), []byte(tt.body), tt.size)
			var got bytes.Buffer
			p := make([]byte, chunk)
			for {
				n, err := r.Read(p)
				got.Write(p[:n])
				if err == io.EOF {
					break
				}
				if n != chunk && r.BytesRead() != int64(len(tt.want)) {
					t.Errorf("%q+%q: a read of %d bytes short of the end", tt.once, tt.body, n)
				}
			}
			if got.String() != tt.want || r.Reps() != tt.reps || r.BytesRead() != int64(len(tt.want)) {
				t.Errorf("%q+%q to %d by %d: %q, %d reps, %d read; want %q, %d reps", tt.once, tt.body, tt.size, chunk, got.String(), r.Reps(), r.BytesRead(), tt.want, tt.reps)
			}
		}
	}
	r := NewHeapReader(nil, []byte("x"), 1)
	if r.Peak() != 0 {
		t.Error("a peak before any sample")
	}
	r.Sample()
	if r.Peak() == 0 {
		t.Error("no live heap sampled")
	}
}

// RuleLiterals reads string literals only, of non-test files not skipped;
// DocumentedRules reads list items, of one section if asked.
func TestRules(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.go":      "package p\n\n// \"x/in-a-comment\"\nvar a = []string{\"x/b\", `x/a`, \"x/b\", \"y/other\", \"x/Not-an-id\"}\n",
		"list.go":   "package p\n\n// List:\n//\n//   - \"x/a\": the first.\n//   - \"x/b\": the second.\nvar l = \"x/listed-only\"\n",
		"a_test.go": "package p\n\nvar t = \"x/test\"\n",
		"doc.go":    "// Package p.\n//\n//   - \"x/before\": not in the section.\n//\n// # Findings\n//\n//   - \"x/one\": a finding.\n//   - \"x/two\": another,\n//     on two lines.\n//\n// # Next\n//\n//   - \"x/after\": not in it either.\npackage p\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	if d := cmp.Diff([]string{"x/a", "x/b"}, RuleLiterals(t, "x", "list.go")); d != "" {
		t.Errorf("RuleLiterals mismatch (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"x/a", "x/b", "x/listed-only"}, RuleLiterals(t, "x")); d != "" {
		t.Errorf("RuleLiterals with no skip mismatch (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"x/a", "x/b"}, DocumentedRules(t, "list.go", "")); d != "" {
		t.Errorf("DocumentedRules mismatch (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"x/one", "x/two"}, DocumentedRules(t, "doc.go", "Findings")); d != "" {
		t.Errorf("DocumentedRules of a section mismatch (-want +got):\n%s", d)
	}
	CheckRuleIDs(t, "x", []string{"x/a", "x/b"}, "list.go")
	for _, ids := range [][]string{{"x/a"}, {"x/b", "x/a"}, {"x/a", "x/b", "x/c"}} {
		r := &recorder{TB: t}
		CheckRuleIDs(r, "x", ids, "list.go")
		if !r.failed {
			t.Errorf("CheckRuleIDs passed %v", ids)
		}
	}
}

// CheckStrict, CheckErrors and CheckLax fail where they should: each is
// run on a recorder and must report exactly the cases marked bad.
func TestChecks(t *testing.T) {
	at := func(line, col int, err error) *tip.ParseError {
		return tip.Errorf("src", tip.Position{Line: line, Col: col}, "", err, "")
	}
	one := tip.ErrorList{at(3, 9, tip.ErrAmount)}
	var full tip.ErrorList
	for full.Add(at(2, 1, tip.ErrEncoding)) {
	}
	full[0] = at(1, 1, tip.ErrEncoding)
	own := errors.New("own sentinel")
	tests := []struct {
		name  string
		check func(t testing.TB)
		fails bool
	}{
		{"strict: as expected", func(t testing.TB) { Bad{Sentinel: "ErrAmount", Pos: "3:9"}.CheckStrict(t, one, nil) }, false},
		{"strict: another place", func(t testing.TB) { Bad{Sentinel: "ErrAmount", Pos: "3:10"}.CheckStrict(t, one, nil) }, true},
		{"strict: another sentinel", func(t testing.TB) { Bad{Sentinel: "ErrDate", Pos: "3:9"}.CheckStrict(t, one, nil) }, true},
		{"strict: none wanted", func(t testing.TB) { Bad{Sentinel: "none"}.CheckStrict(t, one, nil) }, true},
		{"strict: none", func(t testing.TB) { Bad{Sentinel: "none"}.CheckStrict(t, nil, nil) }, false},
		{"strict: an error wanted", func(t testing.TB) { Bad{Sentinel: "ErrAmount", Pos: "3:9"}.CheckStrict(t, nil, nil) }, true},
		{"strict: the package's own sentinel", func(t testing.TB) {
			Bad{Sentinel: "ErrOwn", Pos: "1:1"}.CheckStrict(t, tip.ErrorList{at(1, 1, own)}, map[string]error{"ErrOwn": own})
		}, false},
		{"strict: too many errors, last", func(t testing.TB) { Bad{Sentinel: "ErrTooManyErrors", Pos: "2:1"}.CheckStrict(t, full, nil) }, false},
		{"errors: as expected", func(t testing.TB) { CheckErrors(t, full, []error{tip.ErrEncoding, tip.ErrTooManyErrors}, "1:1") }, false},
		{"errors: a sentinel not wrapped", func(t testing.TB) { CheckErrors(t, one, []error{tip.ErrAmount, tip.ErrDate}, "3:9") }, true},
		{"errors: too few before too many", func(t testing.TB) {
			CheckErrors(t, tip.ErrorList{full[0], full[len(full)-1]}, []error{tip.ErrTooManyErrors}, "1:1")
		}, true},
		{"errors: none wanted", func(t testing.TB) { CheckErrors(t, one, nil, "") }, true},
		{"lax: a finding as expected", func(t testing.TB) {
			CheckLax(t, nil, []tip.Finding{{Rule: "x/a", Pos: tip.Position{Line: 3, Col: 9}}}, nil, "x/a", "3:9")
		}, false},
		{"lax: a finding not wanted", func(t testing.TB) { CheckLax(t, nil, []tip.Finding{{Rule: "x/a"}}, nil, "", "") }, true},
		{"lax: an error not wanted", func(t testing.TB) { CheckLax(t, one, nil, nil, "", "") }, true},
	}
	for _, tt := range tests {
		r := &recorder{TB: t}
		func() {
			defer func() { recover() }() // Fatal stops the check as FailNow would
			tt.check(r)
		}()
		if r.failed != tt.fails {
			t.Errorf("%s: failed = %v, want %v", tt.name, r.failed, tt.fails)
		}
	}
}

// A recorder is a testing.TB that records a failure instead of failing;
// a fatal one also stops the check, as FailNow would. The helpers call
// no other method.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true; panic(r) }
func (r *recorder) Fatal(...any)          { r.failed = true; panic(r) }

// ReadBad reads every row of a real corpus with its file, and a row's
// check passes on what the parser's own test gives it.
func TestReadBad(t *testing.T) {
	t.Chdir(filepath.Join("..", "..", "..", "tiers")) // a package directory of the module
	cases := ReadBad(t, "tiers")
	if len(cases) != 19 {
		t.Fatalf("%d cases, want the 19 of testdata/bad/tiers", len(cases))
	}
	for _, c := range cases {
		if len(c.Input) == 0 && c.File != "empty.txt" || c.Why == "" {
			t.Errorf("%+v: no input or no reason", c)
		}
	}
}

// Golden passes on the text it pins and fails on any other.
func TestGolden(t *testing.T) {
	file := filepath.Join(t.TempDir(), "x.golden")
	if err := os.WriteFile(file, []byte("pinned\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	Golden(t, file, "pinned\n")
	r := &recorder{TB: t}
	Golden(r, file, "changed\n")
	if !r.failed {
		t.Error("Golden passed a changed text")
	}
}
