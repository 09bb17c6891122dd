package cspa

import (
	"errors"
	"testing"
)

// FuzzParseAuthority: a success is a known authority that its String, its
// Name and its text form all read back to; an error wraps ErrAuthority.
func FuzzParseAuthority(f *testing.F) {
	for _, s := range []string{"PKO", "Peacekeeping Operations", "International Military Education Training", "10 U.S.C. 333", "section 333", "imet", "Direct Commercial Sales", "", "333"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseAuthority(s)
		if err != nil {
			if a != AuthorityUnknown || !errors.Is(err, ErrAuthority) {
				t.Fatalf("ParseAuthority(%q) = %v, %v", s, a, err)
			}
			return
		}
		if a == AuthorityUnknown {
			t.Fatalf("ParseAuthority(%q) = unknown with no error", s)
		}
		for _, form := range []string{a.String(), a.Name()} {
			if back, err := ParseAuthority(form); back != a || err != nil {
				t.Fatalf("ParseAuthority(%q) = %v; %q reads back as %v, %v", s, a, form, back, err)
			}
		}
		text, _ := a.MarshalText()
		var u Authority
		if err := u.UnmarshalText(text); err != nil || u != a {
			t.Fatalf("%v: text %q reads back as %v, %v", a, text, u, err)
		}
	})
}
