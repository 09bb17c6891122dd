package tip

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// The fuzz targets check properties, not only the absence of panics: a
// success returns a known value that survives a round trip; an error always
// wraps a documented sentinel.

func FuzzLookupCountry(f *testing.F) {
	for _, s := range []string{"Burma", "Türkiye", "Congo", "Tongo", "Congo (ROC)", "Korea, South", "St. Maarten", "XKS", "", " (", "a, b, c", "((x))",
		"Yugoslavia", "cs", "Saint Martin", "Samoa", "XWB", "yucs", "Bahamas, The", "the the", "St", "Straße"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		c, err := LookupCountry(name)
		if err != nil {
			if c != 0 {
				t.Fatalf("LookupCountry(%q) = %v with error %v", name, c, err)
			}
			var u *UnknownCountryError
			var a *AmbiguousCountryError
			switch {
			case errors.As(err, &u):
				if !errors.Is(err, ErrUnknownCountry) || len(u.Suggestions()) > maxSuggestions {
					t.Fatalf("bad unknown error %v", err)
				}
				for _, s := range u.Suggestions() {
					if !s.IsValid() {
						t.Fatalf("invalid suggestion %v", s)
					}
				}
			case errors.As(err, &a):
				if !errors.Is(err, ErrAmbiguousCountry) || len(a.Candidates) < 2 {
					t.Fatalf("bad ambiguous error %v", err)
				}
			default:
				t.Fatalf("LookupCountry(%q) error %v is of no documented kind", name, err)
			}
			return
		}
		if !c.IsValid() {
			t.Fatalf("LookupCountry(%q) = %v, not a known country", name, c)
		}
		// Whatever resolved must resolve the same after the folding rules
		// that LookupCountry promises to ignore.
		for _, v := range []string{strings.ToUpper(name), " " + name + " ", strings.ReplaceAll(name, " ", "\u00a0")} {
			if !utf8.ValidString(name) {
				break
			}
			if got, err := LookupCountry(v); err != nil || got != c {
				t.Fatalf("LookupCountry(%q) = %v but LookupCountry(%q) = %v, %v", name, c, v, got, err)
			}
		}
		if got, err := LookupCountry(c.Name()); err != nil || got != c {
			t.Fatalf("name %q of %v does not resolve back", c.Name(), c)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"9/30/2023", "09/30/2023", "2023-09-30", "October 3, 2022", "2/30/2023", "13/01/2022", "Sept. 1, 2020", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !errors.Is(err, ErrDate) || !d.IsZero() {
				t.Fatalf("ParseDate(%q) = %v, %v", s, d, err)
			}
			return
		}
		if !d.IsValid() {
			t.Fatalf("ParseDate(%q) = %v, not a real date", s, d)
		}
		back, err := ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("round trip of %v: %v, %v", d, back, err)
		}
	})
}

func FuzzParseUSD(f *testing.F) {
	for _, s := range []string{"$1,000,000", "$394,750.00", "$3.12 million", "$24 trillion", "$1,00,0", "$-5", "USD 5", "$99999999999999999999999999999.999", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseUSD(s)
		if err != nil {
			if !errors.Is(err, ErrAmount) {
				t.Fatalf("ParseUSD(%q) error %v does not wrap ErrAmount", s, err)
			}
			return
		}
		if d.IsNegative() || d.GreaterThanOrEqual(decimal.New(1, maxUSDDigits)) {
			t.Fatalf("ParseUSD(%q) = %v out of range", s, d)
		}
		// What FormatUSD writes, ParseUSD reads back to the same value
		// (rounded to cents, which is all FormatUSD keeps).
		back, err := ParseUSD(FormatUSD(d))
		if err != nil || !back.Equal(d.RoundBank(2)) {
			t.Fatalf("ParseUSD(FormatUSD(%v)) = %v, %v", d, back, err)
		}
	})
}

func FuzzSplitPlaces(f *testing.F) {
	for _, s := range []string{
		"Eastern Africa Region – (Burundi, Comoros, and Uganda)",
		"Regional Project – Iraq and MENA",
		"Select Sub-Saharan African Countries and Libya",
		"Afghanistan, Burma, and Yemen.",
		"Trinidad and Tobago and and and",
		"( – ) , (",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l := SplitPlaces(s)
		last := -1
		for _, m := range l.Members {
			if m.Text == "" {
				t.Fatalf("SplitPlaces(%q): empty member", s)
			}
			if m.Offset < 0 || m.Offset+len(m.Text) > len(s) || s[m.Offset:m.Offset+len(m.Text)] != m.Text {
				t.Fatalf("SplitPlaces(%q): member %q not at offset %d", s, m.Text, m.Offset)
			}
			if m.Offset <= last {
				t.Fatalf("SplitPlaces(%q): members out of order", s)
			}
			last = m.Offset
			if m.Country != 0 {
				if c, err := LookupCountry(m.Text); err != nil || c != m.Country {
					t.Fatalf("SplitPlaces(%q): member %q = %v but LookupCountry says %v, %v", s, m.Text, m.Country, c, err)
				}
			}
		}
	})
}
