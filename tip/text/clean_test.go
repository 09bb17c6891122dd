package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain ASCII is returned as it is", "Antigua and Barbuda", "Antigua and Barbuda"},
		{"NBSP and narrow NBSP", "Antigua\u00a0and\u202fBarbuda", "Antigua and Barbuda"},
		{"tabs and other ASCII spaces", "a\tb\vc\fd\re", "a b c d e"},
		{"Unicode spaces", "a\u2003b\u3000c\u2028d\u0085e", "a b c d e"},
		{"zero-width space and BOM dropped", "Bur\u200bma\ufeff", "Burma"},
		{"soft hyphen and direction marks dropped", "Bot\u00adswana\u200e", "Botswana"},
		{"dashes and quotes stay as printed", "Côte d’Ivoire – “Guinea‐Bissau”", "Côte d’Ivoire – “Guinea‐Bissau”"},
		{"invalid UTF-8 alone is left alone", "a\xffb", "a\xffb"},
		{"invalid UTF-8 in a line that is cleaned", "a\xff\u00a0b", "a\ufffd b"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCleanNoAlloc(t *testing.T) {
	for _, s := range []string{"Implementer: International Organization for Migration", "Côte d’Ivoire – Türkiye"} {
		if n := testing.AllocsPerRun(100, func() { Clean(s) }); n != 0 {
			t.Errorf("Clean(%q), which has nothing to clean, allocates %v times", s, n)
		}
	}
}

func TestIsSpaceIsDash(t *testing.T) {
	for _, r := range " \t\u00a0\u202f\u2003\u3000" {
		if !IsSpace(r) || IsDash(r) {
			t.Errorf("%U: want a space, not a dash", r)
		}
	}
	for _, r := range "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d" {
		if !IsDash(r) || IsSpace(r) {
			t.Errorf("%U: want a dash, not a space", r)
		}
	}
	for _, r := range "a’'\"_*.\u200b\ufeff" {
		if IsSpace(r) || IsDash(r) {
			t.Errorf("%U: neither a space nor a dash", r)
		}
	}
}

func TestInvalid(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"Countries: Kenya", 0},
		{"Countries: K\x00enya", 13},
		{"Amount: \xff", 9},
		{"Côte\xc3", 6},         // a sequence cut short
		{"\xed\xa0\x80", 1},     // a surrogate, which UTF-8 may not encode
		{"a\ufeffb", 0},         // a BOM inside a line is text (Clean drops it)
		{"\u00a0\u202f–’ü日", 0}, // valid, however strange
		{"ok \xe2\x80 cut", 4},  // an incomplete dash
		{strings.Repeat("a", 1000) + "\x80", 1001},
	}
	for _, tt := range tests {
		if got := Invalid([]byte(tt.in)); got != tt.want {
			t.Errorf("Invalid(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// FuzzClean checks Clean's promises on any input: nothing to clean is
// returned as is; otherwise every space is ' ', nothing invisible is left,
// and cleaning again changes nothing.
func FuzzClean(f *testing.F) {
	f.Add("Côte d’Ivoire\u00a0 and\u202fTürkiye\u200b")
	f.Add("a\xff\tb")
	f.Fuzz(func(t *testing.T, s string) {
		got := Clean(s)
		if Clean(got) != got {
			t.Errorf("Clean(Clean(%q)) changes it again", s)
		}
		for _, r := range got {
			if r != ' ' && IsSpace(r) || isInvisible(r) {
				t.Errorf("Clean(%q) = %q keeps %U", s, got, r)
			}
		}
		if utf8.ValidString(s) && utf8.RuneCountInString(got) > utf8.RuneCountInString(s) {
			t.Errorf("Clean(%q) = %q adds runes", s, got)
		}
		if !needsCleaning(s) && got != s {
			t.Errorf("Clean(%q) = %q changes a string with nothing to clean", s, got)
		}
		// Invalid: everything before the column is text, and at it is not.
		col := Invalid([]byte(s))
		if col == 0 {
			col = len(s) + 1
		} else if r, n := utf8.DecodeRuneInString(s[col-1:]); r != 0 && (r != utf8.RuneError || n != 1) {
			t.Errorf("Invalid(%q) = %d, where there is a valid %U", s, col, r)
		}
		if before := s[:col-1]; !utf8.ValidString(before) || strings.ContainsRune(before, 0) {
			t.Errorf("Invalid(%q) = %d, after a fault", s, col)
		}
	})
}
