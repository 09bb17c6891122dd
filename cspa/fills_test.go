package cspa

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tipkit/tipkit/tip"
)

// The CSPA fills: 2011 complete with six governments (Human Rights Watch,
// 2011-06-27), 2012 still partial with one more name, 2020 complete with
// fourteen (Stimson); each filled name keeps its line in fills.txt.
func TestFills(t *testing.T) {
	d := Default()
	names := func(y tip.ReportYear) []string {
		var out []string
		for _, c := range d.List(y).Countries() {
			out = append(out, c.ISO3())
		}
		return out
	}
	tests := []struct {
		year   tip.ReportYear
		status Status
		want   []string
	}{
		{2011, StatusFull, []string{"TCD", "COD", "YEM", "SOM", "MMR", "SDN"}},
		{2012, StatusPartial, []string{"COD", "LBY", "SSD", "YEM", "MMR"}},
		{2020, StatusFull, []string{"AFG", "CMR", "COD", "IRQ", "LBY", "MMR", "NGA", "SOM", "SSD", "SDN", "SYR", "YEM", "IRN", "MLI"}},
	}
	for _, tt := range tests {
		l := d.List(tt.year)
		if l.Status != tt.status {
			t.Errorf("%d: %s, want %s", tt.year, l.Status, tt.status)
		}
		if diff := cmp.Diff(tt.want, names(tt.year)); diff != "" {
			t.Errorf("%d (-want +got):\n%s", tt.year, diff)
		}
	}
	l := d.List(2020)
	if g := l.Governments[13]; g.Name != "Mali" || g.Pos != (tip.Position{Line: 13, Col: 6}) || l.Source != "years/2020.txt + fills.txt" {
		t.Errorf("2020's last fill: %q at %v in %q", g.Name, g.Pos, l.Source)
	}
	// The restrictions follow: Iran is barred in FY2021, from the 2020 list.
	if rs := d.Prohibited(tip.MustLookupCountry("Iran"), 2021); len(rs) == 0 {
		t.Error("Iran FY2021: no restriction, though on the 2020 list")
	}
}
