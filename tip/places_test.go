package tip

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSplitPlaces(t *testing.T) {
	tests := []struct {
		in         string
		label      string
		countries  string // ISO3 codes, space-separated
		unresolved []string
	}{
		{"Burkina Faso", "", "BFA", nil},
		{"Nigeria", "", "NGA", nil},
		{"Trinidad and Tobago", "", "TTO", nil},
		{"Regional Project – Burma, Laos, and Thailand", "Regional Project", "MMR LAO THA", nil},
		{"Regional – Malaysia and the Philippines", "Regional", "MYS PHL", nil},
		{"Eastern Africa Region – (Burundi, Comoros, Djibouti, Eritrea, Ethiopia, Kenya, Madagascar, Mauritius, Rwanda, Seychelle, Somalia, Tanzania, and Uganda)",
			"Eastern Africa Region", "BDI COM DJI ERI ETH KEN MDG MUS RWA SOM TZA UGA", []string{"Seychelle"}},
		{"Indian Ocean Commission – (Comoros and Mauritius)", "Indian Ocean Commission", "COM MUS", nil},
		{"Regional Project – Pacific Islands (Fiji, Marshal Islands, Micronesia, Palau, Solomon Islands, and Tonga)",
			"Regional Project – Pacific Islands", "FJI FSM PLW SLB TON", []string{"Marshal Islands"}},
		{"Regional Project – Iraq and MENA", "Regional Project", "IRQ", []string{"MENA"}},
		{"Select Sub-Saharan African Countries and Libya", "", "LBY", []string{"Select Sub-Saharan African Countries"}},
		{"Regional Project – Aruba, Brazil, Colombia, Curacao, Dominican Republic, Ecuador, Peru, Trinidad and Tobago",
			"Regional Project", "ABW BRA COL CUW DOM ECU PER TTO", nil},
		{"Argentina, Armenia, Bahamas, Bahrain, Chile, Cyprus, Georgia, Guyana, Mozambique, Philippines, Algeria, Brazil, Thailand, and the United Kingdom",
			"", "ARG ARM BHS BHR CHL CYP GEO GUY MOZ PHL DZA BRA THA GBR", nil},
		{"Ethiopia, Saudi Arabia, United Arab Emirates", "", "ETH SAU ARE", nil},
		{"Afghanistan, Burma, Central African Republic, Democratic Republic of the Congo, Iran, Mali, Russia, Somalia, South Sudan, Syria, Venezuela, and Yemen.",
			"", "AFG MMR CAF COD IRN MLI RUS SOM SSD SYR VEN YEM", nil},
		{"Bosnia and Herzegovina and Antigua and Barbuda", "", "BIH ATG", nil},
		{"Sint Maarten (Dutch part)", "", "SXM", nil},
		{"", "", "", nil},
		{" , , and ", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := SplitPlaces(tt.in)
			if got.Label != tt.label {
				t.Errorf("Label = %q, want %q", got.Label, tt.label)
			}
			var codes []string
			for _, c := range got.Countries() {
				codes = append(codes, c.ISO3())
			}
			if diff := cmp.Diff(tt.countries, strings.Join(codes, " ")); diff != "" {
				t.Errorf("countries mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.unresolved, got.Unresolved()); diff != "" {
				t.Errorf("unresolved mismatch (-want +got):\n%s", diff)
			}
			for _, m := range got.Members {
				if m.Offset < 0 || m.Offset+len(m.Text) > len(tt.in) || tt.in[m.Offset:m.Offset+len(m.Text)] != m.Text {
					t.Errorf("member %q at offset %d is not at that place in the input", m.Text, m.Offset)
				}
			}
		})
	}
}
