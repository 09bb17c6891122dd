package grants

import (
	"errors"
	"testing"
)

// FuzzParseProgramType: a success is a known program type that its String,
// its Name and its text form read back to; an error wraps ErrProgramType.
func FuzzParseProgramType(f *testing.F) {
	for _, s := range []string{"Bilateral and Regional", "Global, Research, and Innovation", "PROGRAM TO END MODERN SLAVERY (PEMS)", "pems", "cpc", "Child Protection Compact (CPC) Partnerships:", "", "unknown"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseProgramType(s)
		if err != nil {
			if p != ProgramUnknown || !errors.Is(err, ErrProgramType) {
				t.Fatalf("ParseProgramType(%q) = %v, %v", s, p, err)
			}
			return
		}
		if p == ProgramUnknown {
			t.Fatalf("ParseProgramType(%q) = unknown with no error", s)
		}
		for _, form := range []string{p.String(), p.Name()} {
			if back, err := ParseProgramType(form); back != p || err != nil {
				t.Fatalf("ParseProgramType(%q) = %v; %q reads back as %v, %v", s, p, form, back, err)
			}
		}
		text, _ := p.MarshalText()
		var u ProgramType
		if err := u.UnmarshalText(text); err != nil || u != p {
			t.Fatalf("%v: text %q reads back as %v, %v", p, text, u, err)
		}
	})
}
