package tiers

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tipkit/tipkit/tip"
)

// Issue 20, item 7: what a caller gets from Default, DefaultReport and
// MinimumStandards is its own; writing into it changes nothing the next
// caller gets, and writing into DefaultReport before the history is built
// does not rewrite the history.
func TestDefaultsAreCopies(t *testing.T) {
	chile := tip.MustLookupCountry("Chile")
	// The history is built from the report the package keeps, never from
	// one a caller holds: buildDefault here stands for a first Default().
	r := DefaultReport()
	for i := range r.Placements {
		r.Placements[i].Tier = Tier3
	}
	r.Findings[0].Message = "changed"
	h, err := buildDefault()
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := h.At(chile, 2023); p.Tier != Tier1 {
		t.Errorf("Chile 2023 = %s after a caller wrote into DefaultReport()", p.Tier)
	}
	if r2 := DefaultReport(); r2.Placements[0].Tier == Tier3 || r2.Findings[0].Message == "changed" {
		t.Error("DefaultReport() returned what an earlier caller changed")
	}

	want, err := buildDefault() // built apart: shares nothing with Default's
	if err != nil {
		t.Fatal(err)
	}
	got := Default()
	yr := got.Year(2023)
	yr.Placements[0].Tier = Tier3
	yr.Completeness.Known = yr.Completeness.Known[:1]
	yr.Completeness.Known[0] = SpecialCase
	yr.Completeness.Absent = append(yr.Completeness.Absent[:0], chile)
	yr.Sources[0] = "changed"
	yr.StateSponsored[0] = chile
	got.Years[0].Completeness.Gaps = append(got.Years[0].Completeness.Gaps, chile)
	got.Waivers[0].Year = 1990
	got.Findings[0].Message = "changed"
	if d := cmp.Diff(want, Default()); d != "" {
		t.Errorf("Default() changed by an earlier caller (-before +after):\n%s", d)
	}

	s := MinimumStandards()
	s.Minimum[0].Text = "changed"
	s.Indicia[8].Items[0].Text = "changed"
	s.Definitions[2].Grounds[0] = "changed"
	if d := cmp.Diff(MinimumStandards(), defaultStandards()); d != "" || MinimumStandards().Minimum[0].Text == "changed" {
		t.Errorf("MinimumStandards() changed by an earlier caller:\n%s", d)
	}
}

// The cost of the copy Default returns (issue 20: measured, not guessed).
func BenchmarkDefault(b *testing.B) {
	defaultHistory()
	b.ReportAllocs()
	for b.Loop() {
		Default()
	}
}

func BenchmarkDefaultReport(b *testing.B) {
	defaultReport()
	b.ReportAllocs()
	for b.Loop() {
		DefaultReport()
	}
}
