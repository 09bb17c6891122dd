package cspa

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// documentedRules returns the rules doc.go's "# Findings" section lists.
func documentedRules(t testing.TB) map[string]bool {
	rules, err := docRules()
	if err != nil {
		t.Fatal(err)
	}
	return rules
}

var docRules = sync.OnceValues(func() (map[string]bool, error) {
	b, err := os.ReadFile("doc.go")
	if err != nil {
		return nil, err
	}
	_, sec, _ := strings.Cut(string(b), "// # Findings")
	sec, _, _ = strings.Cut(sec, "// All but the first")
	item := regexp.MustCompile(`^//\s+- "([a-z]+/[a-z-]+)"`)
	rules := map[string]bool{}
	for _, line := range strings.Split(sec, "\n") {
		if m := item.FindStringSubmatch(line); m != nil {
			rules[m[1]] = true
		}
	}
	return rules, nil
})

// TestFindingRules holds doc.go's list of rules to what the lax parsers
// emit: every rule listed is emitted, as spelled, by one of these inputs,
// and FuzzParseList and FuzzParse405c check that nothing else is.
func TestFindingRules(t *testing.T) {
	const list = "The 2023 CSPA List Includes Governments of the following countries:\n"
	const sec1 = "Section 1: Countries in Violation of the Standards Under the CSPA in 2022\n" +
		"Found during the reporting period of April 1, 2021 – March 31, 2022: Iran.\n"
	lists := []string{
		list + "• Tongo\n",                      // tip/erratum
		list + "• Narnia\n• Iran\n",             // cspa/unresolved-name
		list + "• \n• Iran\n",                   // cspa/empty-item
		list + "• Iran\n• Iran\n",               // cspa/duplicate
		list + "• Iran\n\n" + list + "• Mali\n", // cspa/second-list
		"The 1900 CSPA List Includes Governments of the following countries:\n• Iran\n", // cspa/year
	}
	reports := []string{
		sec1 + "Section 3: Waivers\nOn February 30, 2022, the President waived with respect to Iran.\n", // cspa/date
		sec1 + "Section 5: Amounts\nIran\nPeacekeeping Operations $-5\n",                                // cspa/amount
		sec1 + sec1, // cspa/repeated-section
		sec1 + "Found during the reporting period of April 1, 2021 – March 31, 2022: Mali.\n", // cspa/repeated-sentence
	}
	got := map[string]bool{}
	for _, in := range lists {
		l, _ := ParseListLax(strings.NewReader(in))
		for _, f := range l.Findings {
			got[f.Rule] = true
		}
	}
	for _, in := range reports {
		r, _ := Parse405cLax(strings.NewReader(in))
		for _, f := range r.Findings {
			got[f.Rule] = true
		}
	}
	want := documentedRules(t)
	keys := func(m map[string]bool) []string {
		var s []string
		for k := range m {
			s = append(s, k)
		}
		slices.Sort(s)
		return s
	}
	if d := cmp.Diff(keys(want), keys(got)); d != "" {
		t.Errorf("rules in doc.go (-) and emitted (+):\n%s", d)
	}
}
