package cspa

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tipkit/tipkit/tip"
)

// Issue 20, item 7: what a caller gets from Default is its own. The 2022
// list was built on the 405(c) report's Section 1 and shared its backing
// array with Report.Violations; now neither can change the other, nor what
// the next caller gets.
func TestDefaultIsACopy(t *testing.T) {
	want, err := buildDefault() // built apart: shares nothing with Default's
	if err != nil {
		t.Fatal(err)
	}
	d := Default()
	l22 := d.List(2022)
	before := d.Report.Violations[0]
	l22.Governments[0].Country = tip.MustLookupCountry("Chile")
	if d.Report.Violations[0] != before {
		t.Error("the 2022 list and the 405(c) report's Section 1 share memory")
	}
	d.Lists[0].Governments[0].Country = tip.MustLookupCountry("Chile")
	d.Lists[0].Governments[1].Name = "changed"
	d.Lists[0].Findings = append(d.Lists[0].Findings, tip.Finding{Message: "added"})
	if l23 := d.List(2023); len(l23.Findings) > 0 {
		l23.Findings[0].Message = "changed"
	}
	d.Lists[1].Status = StatusNotFound
	d.Report.Violations[1] = tip.MustLookupCountry("Chile")
	d.Report.Waivers[0].Authorities = append(d.Report.Waivers[0].Authorities[:0], FMF)
	if len(d.Report.Findings) > 0 {
		d.Report.Findings[0].Message = "changed"
	}
	if len(d.Report.Provided) > 0 {
		d.Report.Provided[0].Note = "changed"
	}
	for i := range d.Waivers {
		if len(d.Waivers[i].Authorities) > 0 {
			d.Waivers[i].Authorities[0] = FMF
		}
	}
	if len(d.Findings) > 0 {
		d.Findings[0].Message = "changed"
	}
	if diff := cmp.Diff(want, Default()); diff != "" {
		t.Errorf("Default() changed by an earlier caller (-before +after):\n%s", diff)
	}
}

// The cost of the copy Default returns.
func BenchmarkDefault(b *testing.B) {
	defaultData()
	b.ReportAllocs()
	for b.Loop() {
		Default()
	}
}
