package cspa

import (
	"testing"

	"github.com/tipkit/tipkit/tip/parse/parsetest"
)

// AllRuleIDs lists exactly the rule IDs the package's code writes, each
// once and sorted, and its doc comment documents each (tip.Finding.Rule).
func TestAllRuleIDs(t *testing.T) {
	ids := AllRuleIDs()
	parsetest.CheckRuleIDs(t, "cspa", ids, "ruleids.go")
	ids[0] = "changed"
	if AllRuleIDs()[0] == "changed" {
		t.Error("AllRuleIDs returns the package's own slice")
	}
}

// Barred returns a new slice each call: a caller's edit reaches no one else.
func TestBarredIsACopy(t *testing.T) {
	b := Barred()
	b[0] = DCS
	if Barred()[0] != EDA {
		t.Errorf("Barred()[0] = %v after an edit to an earlier result", Barred()[0])
	}
}
