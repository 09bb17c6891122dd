package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestEligibility(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want []string
	}{
		{[]string{"-country", "Malaysia"}, 0, []string{
			"Malaysia (MYS, EAP)",
			"2014  Tier 3",
			"automatic downgrade",
			"2020  Tier 2 Watch List  waived",
			"2026 report: may be placed on",
		}},
		{[]string{"-country", "Republic of the Congo"}, 0, []string{
			"2026 report: may be placed on Tier 1, Tier 2, Tier 3.",
			"not Tier 2 Watch List: 3 consecutive Watch List years (2023–2025)",
			"up to Tier 2 or down to Tier 3 (rests on the derived 2022 Tier 2 row)",
		}},
		{[]string{"-country", "Algeria"}, 0, []string{"not Tier 2 Watch List: waiver in 2019, Tier 3 in 2020, Watch List in 2025", "tiers/post-waiver-limit"}},
		{[]string{"-country", "Nigeria"}, 0, []string{
			"2022  Tier 2 (derived)",
			"2024  Tier 2 (derived)",
			"(derived): inferred from counts and movements, not read in any report (2022, 2024).",
		}},
		{[]string{"-country", "Brunei"}, 0, []string{
			"2019  Tier 2 Watch List (implied)",
			`(implied): read in the next report's narrative ("remained on"), not in the year's own (2019).`,
			"2021  Tier 2 Watch List",
			"rule implies one (memo not found) (rests on the implied 2019 Tier 2 Watch List row)",
		}},
		{[]string{"-country", "Montenegro"}, 0, []string{"2006  (nonexistent)", "2007  Tier 2"}},
		{[]string{"-country", "United States"}, 0, []string{"2009  (absent)", "2010  Tier 1"}},
		{[]string{"-country", "Malasia"}, 2, []string{`"Malasia" is not a country tipkit knows.`, `Did you mean "Malaysia"`}},
		{[]string{"-country", "Tongo"}, 0, []string{`note: "Tongo" is a misprint of Tonga`}},
		{[]string{"-country", "Congo"}, 2, []string{`"Congo" could be`}},
		{[]string{"-country", "Seychelle"}, 0, []string{"note: \"Seychelle\" is a misprint of Seychelles"}},
		{nil, 2, []string{"-country is required"}},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		code := run(tt.args, &out, &errb)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d", tt.args, code, tt.code)
		}
		all := out.String() + errb.String()
		for _, w := range tt.want {
			if !strings.Contains(all, w) {
				t.Errorf("%v: output lacks %q:\n%s", tt.args, w, all)
			}
		}
	}
}
