package parsetest

import (
	"go/scanner"
	"go/token"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// RuleLiterals returns the rule IDs the package in the current directory
// writes: the string literals "prefix/…" of its Go files, test files and
// the files named in skip left out, sorted, each once. A package whose
// AllRuleIDs lists its IDs as literals skips that file, so that the test
// of the list against RuleLiterals finds an ID listed but written nowhere
// else, as well as one written but not listed.
func RuleLiterals(t testing.TB, prefix string, skip ...string) []string {
	t.Helper()
	files, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	id := regexp.MustCompile(`^` + regexp.QuoteMeta(prefix) + `/[a-z0-9-]+$`)
	var out []string
	for _, e := range files {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") || slices.Contains(skip, name) {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var s scanner.Scanner
		s.Init(token.NewFileSet().AddFile(name, -1, len(src)), src, nil, 0)
		for {
			_, tok, lit := s.Scan()
			if tok == token.EOF {
				break
			}
			if v, err := strconv.Unquote(lit); tok == token.STRING && err == nil && id.MatchString(v) {
				out = append(out, v)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// DocumentedRules returns the rule IDs that the comments of the Go file
// document as list items, in order:
//
//	//   - "cspa/amount": a line of Section 5 whose amount …
//
// With a heading, only the items of the doc comment's section of that
// name ("Findings", for "// # Findings") count, up to the next heading or
// the end of the comment.
func DocumentedRules(t testing.TB, file, heading string) []string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	item := regexp.MustCompile(`^//\s+- "([a-z]+/[a-z0-9-]+)"`)
	in := heading == ""
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		if heading != "" {
			switch {
			case line == "// # "+heading:
				in = true
			case in && (strings.HasPrefix(line, "// # ") || !strings.HasPrefix(line, "//")):
				return out
			}
		}
		if m := item.FindStringSubmatch(line); in && m != nil {
			out = append(out, m[1])
		}
	}
	return out
}

// CheckRuleIDs checks ids, a package's AllRuleIDs, which listFile lists
// as literals, each documented by an item of its doc comment: ids is
// sorted, holds each ID once, and is exactly the rule IDs the package's
// other files write (RuleLiterals), and the comment documents them in the
// same order (DocumentedRules).
func CheckRuleIDs(t testing.TB, prefix string, ids []string, listFile string) {
	t.Helper()
	if d := cmp.Diff(RuleLiterals(t, prefix, listFile), ids); d != "" {
		t.Errorf("rule IDs the code writes (-) and AllRuleIDs lists (+):\n%s", d)
	}
	if d := cmp.Diff(ids, DocumentedRules(t, listFile, "")); d != "" {
		t.Errorf("AllRuleIDs (-) and the IDs %s's comment documents (+):\n%s", listFile, d)
	}
}
