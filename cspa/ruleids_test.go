package cspa

import (
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// AllRuleIDs lists exactly the rule IDs the package's code writes, each
// once, and its doc comment documents each (tip.Finding.Rule).
func TestAllRuleIDs(t *testing.T) {
	ids := AllRuleIDs()
	if !slices.IsSorted(ids) || len(slices.Compact(slices.Clone(ids))) != len(ids) {
		t.Errorf("AllRuleIDs is not sorted, or repeats an ID: %v", ids)
	}
	literal := regexp.MustCompile(`"cspa/[a-z0-9-]+"`)
	var written []string
	files, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	doc := ""
	for _, e := range files {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		src, err := os.ReadFile(e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "ruleids.go" {
			doc, _, _ = strings.Cut(string(src), "func AllRuleIDs")
			continue
		}
		for _, l := range literal.FindAllString(string(src), -1) {
			id, _ := strconv.Unquote(l)
			written = append(written, id)
		}
	}
	slices.Sort(written)
	if d := strings.Join(slices.Compact(written), " "); d != strings.Join(ids, " ") {
		t.Errorf("the code writes the rule IDs\n%s\nAllRuleIDs lists\n%s", d, strings.Join(ids, " "))
	}
	for _, id := range ids {
		if !strings.Contains(doc, "//   - "+strconv.Quote(id)+": ") {
			t.Errorf("AllRuleIDs' doc does not document %s", id)
		}
	}
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
