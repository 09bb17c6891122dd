// Package parsetest holds the checks the tests of every tipkit parser make,
// in the manner of net/http/httptest and testing/fstest, so that grants,
// tiers and cspa make them the same way and each is written once:
//
//   - [Golden] compares a test's output with a file under testdata, which
//     go test -update rewrites ([Update]);
//   - [CheckRuleIDs], from [RuleLiterals] and [DocumentedRules], holds a
//     package's documented rule IDs to the ones its code writes;
//   - [ReadBad] reads a bad-input corpus (testdata/bad/<dir> and its EXPECT
//     file), [Bad.CheckStrict] checks the strict error a file must give,
//     and [AddCorpus] seeds a fuzz target with the corpus;
//   - [CheckErrors] and [CheckLax] check what a strict and a lax parse of
//     hostile input return, and [Lines.CheckResult] what any parse of a
//     fuzzed input returns;
//   - a [HeapReader] generates a large input as it is read and samples the
//     live heap meanwhile, and [BenchmarkMemory] reports a parser's peak.
//
// It is for tipkit's own tests: a test's current directory is its
// package's, and the corpora live in the module's testdata/bad.
package parsetest

import (
	"errors"
	"flag"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tipkit/tipkit/tip"
)

// update is the -update flag of every test binary that imports parsetest.
var update = flag.Bool("update", false, "rewrite golden files")

// Update reports whether go test was given -update: a test that keeps a
// generated part of a file (a table in a README) rewrites it then.
func Update() bool { return *update }

// Golden compares got with the golden file, or, under go test -update,
// first writes got to it: a change of what a test pins is a change of a
// file a reviewer reads.
func Golden(t testing.TB, file, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(want), got); d != "" {
		t.Errorf("%s mismatch (-want +got; go test -update rewrites it):\n%s", file, d)
	}
}

// FirstLast returns what a golden file of messages shows of a parse's
// error: the first error of its tip.ErrorList, and the last where there
// are more (a parse that stopped says so last); "<nil>" for none.
func FirstLast(err error) string {
	var list tip.ErrorList
	if !errors.As(err, &list) {
		return "<nil>"
	}
	s := list[0].Error()
	if len(list) > 1 {
		s += "\n  …\n  " + list[len(list)-1].Error()
	}
	return s
}

// CheckErrors checks the error of a parse of hostile input: nil if want is
// empty; else a tip.ErrorList whose first error is at pos ("line:col")
// and which wraps every sentinel of want. A list that says the parse
// stopped (tip.ErrTooManyErrors) must hold tip.MaxErrors errors before it.
func CheckErrors(t testing.TB, err error, want []error, pos string) {
	t.Helper()
	if len(want) == 0 {
		if err != nil {
			t.Errorf("err = %v, want none", err)
		}
		return
	}
	var list tip.ErrorList
	if !errors.As(err, &list) || list[0].Pos().String() != pos {
		t.Fatalf("err = %v, want a tip.ErrorList starting at %s", err, pos)
	}
	for _, s := range want {
		if !errors.Is(err, s) {
			t.Errorf("err = %v, want it to wrap %v", err, s)
		}
	}
	if errors.Is(err, tip.ErrTooManyErrors) && len(list) != tip.MaxErrors+1 {
		t.Errorf("%d errors, want MaxErrors+1", len(list))
	}
}

// CheckLax checks what a lax parse of hostile input returns: an error
// wrapping each sentinel of want (none: no error), and findings whose
// first has the rule and is at pos (rule "": no finding at all).
func CheckLax(t testing.TB, err error, fs []tip.Finding, want []error, rule, pos string) {
	t.Helper()
	if (err != nil) != (len(want) > 0) {
		t.Errorf("lax: err %v, want one wrapping %v", err, want)
	}
	for _, s := range want {
		if !errors.Is(err, s) {
			t.Errorf("lax: err %v, want it to wrap %v", err, s)
		}
	}
	if rule == "" {
		if len(fs) > 0 {
			t.Errorf("lax: findings %v, want none", fs)
		}
		return
	}
	if len(fs) == 0 || fs[0].Rule != rule || fs[0].Pos.String() != pos {
		t.Errorf("lax: findings %v; want the first %s at %s", fs, rule, pos)
	}
}
