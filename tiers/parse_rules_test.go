package tiers

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tipkit/tipkit/tip/parse/parsetest"
)

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
	want := parsetest.DocumentedRules(t, "doc.go", "Findings")
	slices.Sort(want)
	if d := cmp.Diff(want, slices.Sorted(maps.Keys(got))); d != "" {
		t.Errorf("rules in doc.go (-) and emitted (+):\n%s", d)
	}
}
