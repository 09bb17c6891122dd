package tiers

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

// TestFindingRules holds doc.go's list of rules to what the lax parser
// emits: every rule listed is emitted, as spelled, by one of these inputs,
// and FuzzParseReport checks that nothing else is.
func TestFindingRules(t *testing.T) {
	inputs := []string{
		"Tier 2\n• Tongo\n",                  // tip/erratum
		"Tier 2\n• Narnia\n",                 // tiers/unresolved-name
		"Tier 1\n• Chile\nTier 2\n• Chile\n", // tiers/one-placement
		"Tier 1\n• Chile\n• \n",              // tiers/empty-item
		"YEAR PROSECUTIONS CONVICTIONS VICTIMS IDENTIFIED NEW OR AMENDED LEGISLATION\n2017 17,471 (869) 7,135\n",                                      // tiers/law-row
		"The 2023 Trafficking in Persons Report includes the following 3 governments with a documented “policy or pattern” of trafficking:\n\nCuba\n", // tiers/state-sponsored-count
		"2199 Trafficking in Persons Report\nTier 1\n• Chile\n",                                                                                       // tiers/report-year
	}
	got := map[string]bool{}
	for _, in := range inputs {
		r, _ := ParseReportLax(strings.NewReader(in))
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
