package cspa

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tipkit/tipkit/tip/parse/parsetest"
)

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
	want := parsetest.DocumentedRules(t, "doc.go", "Findings")
	slices.Sort(want)
	if d := cmp.Diff(want, slices.Sorted(maps.Keys(got))); d != "" {
		t.Errorf("rules in doc.go (-) and emitted (+):\n%s", d)
	}
}
