package tiers

import "testing"

// printf writes Check's formats as fmt.Sprintf would, and marks in fmt's
// manner an argument that is missing or does not fit its verb.
func TestPrintf(t *testing.T) {
	for _, tc := range []struct {
		format string
		args   []arg
		want   string
	}{
		{"no verbs", nil, "no verbs"},
		{"", nil, ""},
		{"%d years (%d–%d)", []arg{num(3), num(2019), num(2021)}, "3 years (2019–2021)"},
		{"on %s and on %s", []arg{str("Tier 1"), str("Tier 3")}, "on Tier 1 and on Tier 3"},
		{"%s, %s, %s, %s, %s", []arg{ord(1), ord(2), ord(3), ord(4), ord(11)}, "1st, 2nd, 3rd, 4th, 11th"},
		{"%d%%, 100%% sure", []arg{num(-7)}, "-7%, 100% sure"},
		{"%d %d %d", []arg{num(12345), num(0), num(999)}, "12345 0 999"},
		{"ends in %", nil, "ends in %"},
		{"%d and %d", []arg{num(1)}, "1 and %!d(MISSING)"},
		{"%d", []arg{str("x")}, "%!d(BADARG)"},
		{"%s", []arg{num(5)}, "%!s(BADARG)"},
		{"%x", []arg{num(5)}, "%!x(BADARG)"},
	} {
		var f findings
		f.printf(newFormat(tc.format), tc.args...)
		if got := string(f.buf); got != tc.want {
			t.Errorf("printf(%q) = %q, want %q", tc.format, got, tc.want)
		}
	}
}
