package cspa

import (
	"errors"
	"testing"

	"github.com/tipkit/tipkit/tip"
)

func TestScopeOf(t *testing.T) {
	r := func(l Lift) Restriction { return Restriction{Lift: l} }
	tests := []struct {
		name string
		rs   []Restriction
		want WaiverScope
	}{
		{"nothing barred", nil, ScopeUnknown},
		{"no waiver", []Restriction{r(NotLifted), r(NotLifted)}, ScopeNone},
		{"every authority lifted", []Restriction{r(Lifted), r(Lifted)}, ScopeFull},
		{"some authorities lifted", []Restriction{r(Lifted), r(NotLifted)}, ScopePartial},
		{"one lifted within a limit", []Restriction{r(NotLifted), r(LiftedInPart)}, ScopePartial},
		{"all lifted, one within a limit", []Restriction{r(Lifted), r(LiftedInPart)}, ScopePartial},
	}
	for _, tt := range tests {
		if got := ScopeOf(tt.rs); got != tt.want {
			t.Errorf("ScopeOf(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestDataWaiverScope: the embedded waivers, one row a scope, each
// checked against the waiver it rests on.
func TestDataWaiverScope(t *testing.T) {
	d := Default()
	tests := []struct {
		country string
		fy      tip.FiscalYear
		want    WaiverScope
		reason  string
	}{
		{"Egypt", 2024, ScopeFull, "PD No. 2023-11: a full waiver"},
		{"Central African Republic", 2024, ScopePartial, "PD No. 2023-11: IMET, PKO and DCS, DCS within a limit; FMF and EDA stay barred"},
		{"Afghanistan", 2024, ScopeNone, "on the 2023 list, named by no FY2024 waiver"},
		{"Burma", 2019, ScopeUnknown, "on the 2018 list, but no FY2019 waiver is documented: none cannot be told from not found"},
		{"Canada", 2024, ScopeUnknown, "not on the 2023 list: nothing barred"},
	}
	for _, tt := range tests {
		if got := d.WaiverScope(tip.MustLookupCountry(tt.country), tt.fy); got != tt.want {
			t.Errorf("WaiverScope(%s, %v) = %v, want %v (%s)", tt.country, tt.fy, got, tt.want, tt.reason)
		}
	}
}

func TestParseWaiverScope(t *testing.T) {
	for s := ScopeUnknown; s <= ScopeFull; s++ {
		text, _ := s.MarshalText()
		var back WaiverScope
		if err := back.UnmarshalText(text); err != nil || back != s {
			t.Errorf("%v: %q reads back as %v, %v", s, text, back, err)
		}
	}
	for in, want := range map[string]WaiverScope{"": ScopeUnknown, " Partial ": ScopePartial, "FULL": ScopeFull} {
		if got, err := ParseWaiverScope(in); got != want || err != nil {
			t.Errorf("ParseWaiverScope(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseWaiverScope("complete"); !errors.Is(err, ErrWaiverScope) {
		t.Errorf("ParseWaiverScope(complete) = %v, want ErrWaiverScope", err)
	}
	if got := WaiverScope(9).String(); got != "unknown" {
		t.Errorf("WaiverScope(9) = %q", got)
	}
}

// FuzzParseWaiverScope: a success reads back from its String; an error
// wraps ErrWaiverScope and gives the zero value.
func FuzzParseWaiverScope(f *testing.F) {
	for _, s := range []string{"none", "Partial", " full ", "", "unknown", "complete"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := ParseWaiverScope(s)
		if err != nil {
			if w != ScopeUnknown || !errors.Is(err, ErrWaiverScope) {
				t.Fatalf("ParseWaiverScope(%q) = %v, %v", s, w, err)
			}
			return
		}
		if back, err := ParseWaiverScope(w.String()); back != w || err != nil {
			t.Fatalf("ParseWaiverScope(%q) = %v, reads back as %v, %v", s, w, back, err)
		}
	})
}
