package grants

import (
	"testing"

	"github.com/tipkit/tipkit/tip/parse/parsetest"
)

// AllRuleIDs lists exactly the rule IDs the package's code writes, each
// once and sorted, and its doc comment documents each (tip.Finding.Rule).
func TestAllRuleIDs(t *testing.T) {
	ids := AllRuleIDs()
	parsetest.CheckRuleIDs(t, "grants", ids, "ruleids.go")
	ids[0] = "changed"
	if AllRuleIDs()[0] == "changed" {
		t.Error("AllRuleIDs returns the package's own slice")
	}
}
