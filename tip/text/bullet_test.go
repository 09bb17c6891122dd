package text

import "testing"

func TestCutBullet(t *testing.T) {
	tests := []struct {
		in   string
		item string
		col  int
		ok   bool
	}{
		// Bullets as the pages print them, and as people retype them.
		{"  • Chile", "Chile", 7, true},
		{"- Iran", "Iran", 3, true},
		{"\u00a0*\u00a0Turkey\u00a0 ", "Turkey", 6, true},
		{"  • ", "", 7, true},
		{"\t◦ Laos", "Laos", 6, true},
		{"– Laos", "Laos", 5, true},
		{"‐ Laos", "Laos", 5, true}, // U+2010 HYPHEN: any dash is a bullet
		{"● Chad", "Chad", 5, true},
		{"•\u2003Chad\u200b", "Chad", 7, true}, // an em space after, a zero-width space cleaned
		// Numbers.
		{"1. Canada", "Canada", 4, true},
		{"  12) Peru", "Peru", 7, true},
		{"(3)\u00a0Mali", "Mali", 6, true},
		{"100. Niger", "Niger", 6, true},
		{"2.", "", 3, true},
		// Not items.
		{"1000. Niger", "", 0, false},
		{"1.5 million victims", "", 0, false},
		{"3)x", "", 0, false},
		{"(3 Mali", "", 0, false},
		{"3", "", 0, false},
		{"2023 Trafficking in Persons Report", "", 0, false},
		{"Chile", "", 0, false},
		{"", "", 0, false},
		{"  ", "", 0, false},
	}
	for _, tt := range tests {
		item, col, ok := CutBullet(tt.in)
		if item != tt.item || col != tt.col || ok != tt.ok {
			t.Errorf("CutBullet(%q) = %q, %d, %v; want %q, %d, %v", tt.in, item, col, ok, tt.item, tt.col, tt.ok)
		}
	}
}

func TestIsNameLine(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Canada", true},
		{"Saint Vincent and the Grenadines", true},
		{"Côte d’Ivoire", true},
		{"Countries whose governments fully meet the minimum standards.", false},
		{"The 2023 CSPA List Includes Governments of the following countries:", false},
		{"", false},
		{"A line of sixty-one characters, too long for any country name", false},
	}
	for _, tt := range tests {
		if got := IsNameLine(tt.in); got != tt.want {
			t.Errorf("IsNameLine(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
