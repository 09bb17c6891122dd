package seeds

import (
	"os"
	"strings"
	"testing"
)

// The embedded copy is the seed the tests read, byte for byte.
func TestReport2023(t *testing.T) {
	want, err := os.ReadFile("../../testdata/seeds/003_b74ef491153902c4.txt")
	if err != nil {
		t.Fatal(err)
	}
	got := Report2023()
	if got != string(want) {
		t.Fatalf("2023_tip_report.txt (%d bytes) differs from testdata seed 003 (%d bytes)", len(got), len(want))
	}
	if !strings.HasPrefix(got, "2023 Trafficking in Persons Report") || strings.Count(got, "\n") != 2311 {
		t.Errorf("not the 2023 report: %.40q, %d lines", got, strings.Count(got, "\n"))
	}
}
