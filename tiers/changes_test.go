package tiers

import (
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tipkit/tipkit/tip"
)

// Changes holds one row for each change the history shows, counted here
// from At alone: a year pair where both sides are known and the country
// went into or out of the report, or changed tier.
func TestChangesCountTheHistorys(t *testing.T) {
	h := Default()
	want := 0
	for _, c := range tip.Countries() {
		for y := tip.ReportYear(2002); y <= 2025; y++ {
			a, sa := h.At(c, y-1)
			b, sb := h.At(c, y)
			if sa == StatusUnknown || sb == StatusUnknown {
				continue
			}
			if (sa == StatusPlaced) != (sb == StatusPlaced) || sa == StatusPlaced && a.Tier != b.Tier {
				want++
			}
		}
	}
	got := Changes(h, 2001, 2025)
	if len(got) != want {
		t.Errorf("Changes(2001–2025): %d rows, the history has %d changes", len(got), want)
	}
	if !slices.IsSortedFunc(got, func(a, b Change) int {
		if a.Country != b.Country {
			return int(a.Country) - int(b.Country)
		}
		return int(a.Year - b.Year)
	}) {
		t.Error("Changes are not sorted by country, then year")
	}
	kinds := map[ChangeKind]int{}
	for _, ch := range got {
		kinds[ch.Kind]++
		if ch.Kind == ChangeUnknown {
			t.Errorf("%s %d: a change of unknown kind", ch.Country.Name(), ch.Year)
		}
		if (ch.Kind == ChangeAutoDowngrade) != (ch.Downgrade == DowngradeAutomatic) {
			t.Errorf("%s %d: %v with downgrade %v", ch.Country.Name(), ch.Year, ch.Kind, ch.Downgrade)
		}
	}
	// The figures of the embedded history, for the README and the codebook.
	wantKinds := map[ChangeKind]int{ChangeUpgrade: 497, ChangeDowngrade: 455, ChangeAutoDowngrade: 29, ChangeEntry: 71, ChangeExit: 7, ChangeUnranked: 36}
	if d := cmp.Diff(wantKinds, kinds); d != "" {
		t.Errorf("changes by kind mismatch (-want +got):\n%s", d)
	}
	if n := len(Changes(h, 2024, 2023)); n != 0 {
		t.Errorf("Changes(2024, 2023) = %d rows", n)
	}
	if n := len(Changes(h, 2023, 2023)); n == 0 || n != len(slices.DeleteFunc(slices.Clone(got), func(c Change) bool { return c.Year != 2023 })) {
		t.Errorf("Changes(2023, 2023) = %d rows", n)
	}
}

func TestChanges(t *testing.T) {
	h := Default()
	find := func(name string, y tip.ReportYear) (Change, bool) {
		c := tip.MustLookupCountry(name)
		for _, ch := range Changes(h, y, y) {
			if ch.Country == c {
				return ch, true
			}
		}
		return Change{}, false
	}
	auto := RuleRef{Rule: RuleAutoDowngrade, Version: "2009", Citation: "22 U.S.C. 7107(b)(2)(D)(i)"}
	tests := []struct {
		name   string
		year   tip.ReportYear
		want   *Change // nil: no change
		reason string
	}{
		{"Russia", 2013, &Change{From: Tier2WatchList, To: Tier3, Kind: ChangeAutoDowngrade, Downgrade: DowngradeAutomatic, Rule: auto, FromBasis: BasisTranscribed, ToBasis: BasisTranscribed}, "the downgrade after two waivers"},
		{"South Sudan", 2015, &Change{From: Tier2WatchList, To: Tier3, Kind: ChangeDowngrade, Downgrade: DowngradePossible, Rule: auto, FromBasis: BasisTranscribed, ToBasis: BasisTranscribed}, "a waiver was still possible: automatic or on the merits"},
		{"Germany", 2019, &Change{From: Tier1, To: Tier2, Kind: ChangeDowngrade, FromBasis: BasisObserved, ToBasis: BasisObserved}, ""},
		{"United States", 2010, &Change{To: Tier1, Kind: ChangeEntry, ToBasis: BasisObserved}, "the first report to rank it"},
		{"Serbia and Montenegro", 2007, &Change{From: Tier2, Kind: ChangeExit, FromBasis: BasisObserved}, "dissolved"},
		{"Libya", 2016, &Change{From: Tier3, To: SpecialCase, Kind: ChangeUnranked, FromBasis: BasisTranscribed, ToBasis: BasisImplied}, "the 2018 report: a Special Case for the third consecutive year"},
		{"Russia", 2014, nil, "Tier 3 again"},
		{"Timor-Leste", 2011, nil, "a gap is not a change"},
	}
	for _, tt := range tests {
		got, ok := find(tt.name, tt.year)
		if tt.want == nil {
			if ok {
				t.Errorf("%s %d: change %+v, want none (%s)", tt.name, tt.year, got, tt.reason)
			}
			continue
		}
		want := *tt.want
		want.Country, want.Year = tip.MustLookupCountry(tt.name), tt.year
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s %d mismatch (-want +got): %s\n%s", tt.name, tt.year, tt.reason, d)
		}
	}
}

func TestChangeKindText(t *testing.T) {
	for k := ChangeUnknown; k <= ChangeUnranked; k++ {
		b, _ := k.MarshalText()
		var back ChangeKind
		if err := back.UnmarshalText(b); err != nil || back != k {
			t.Errorf("%v: %q reads back as %v, %v", k, b, back, err)
		}
	}
	if k, err := ParseChangeKind("Automatic  Downgrade"); k != ChangeAutoDowngrade || err != nil {
		t.Errorf("ParseChangeKind = %v, %v", k, err)
	}
	if _, err := ParseChangeKind("demotion"); !errors.Is(err, ErrChangeKind) {
		t.Errorf("ParseChangeKind(demotion) = %v, want ErrChangeKind", err)
	}
}
