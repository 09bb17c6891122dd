package parsetest

import (
	"errors"
	"regexp"
	"slices"
	"testing"

	"github.com/tipkit/tipkit/tip"
)

// Lines are the lines of a text a fuzz target parses, split as
// text.LineReader splits them, so that positions can be checked against
// the input.
type Lines []string

var lineEnd = regexp.MustCompile(`\r\n|\r|\n`)

// SplitLines splits in at each LF, CRLF or lone CR.
func SplitLines(in []byte) Lines { return lineEnd.Split(string(in), -1) }

// Contains reports whether pos lies in the input: on one of its lines, at
// a column from 1 to one past its last byte.
func (l Lines) Contains(pos tip.Position) bool {
	return pos.Line >= 1 && pos.Line <= len(l) && pos.Col >= 1 && pos.Col <= len(l[pos.Line-1])+1
}

// CheckResult checks what every parse of the input returns, whatever the
// input: an error that is nil or a tip.ErrorList of 1 to tip.MaxErrors+1
// errors, each inside the input and wrapping one of sentinels (the
// parser's documented ones); findings inside the input, each with one of
// rules (nil: any rule).
func (l Lines) CheckResult(t testing.TB, err error, findings []tip.Finding, sentinels []error, rules []string) {
	t.Helper()
	if err != nil {
		var list tip.ErrorList
		if !errors.As(err, &list) || list.Len() == 0 || list.Len() > tip.MaxErrors+1 {
			t.Fatalf("error %v is not a tip.ErrorList of 1 to MaxErrors+1 errors", err)
		}
		for _, e := range list {
			if !slices.ContainsFunc(sentinels, func(s error) bool { return errors.Is(e, s) }) {
				t.Errorf("%v wraps no documented sentinel", e)
			}
			if !l.Contains(e.Pos()) {
				t.Errorf("%v: position outside the input (%d lines)", e, len(l))
			}
		}
	}
	for _, f := range findings {
		if rules != nil && !slices.Contains(rules, f.Rule) {
			t.Errorf("finding %v: rule %q is not documented", f, f.Rule)
		}
		if !l.Contains(f.Pos) {
			t.Errorf("finding %v: position outside the input", f)
		}
	}
}
