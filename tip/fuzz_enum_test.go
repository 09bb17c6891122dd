package tip

import (
	"errors"
	"testing"
)

// The small value parsers: a success is a valid value that String writes
// back to the same value, through text marshalling too; an error wraps the
// documented sentinel and returns the zero value.

func FuzzParseBureau(f *testing.F) {
	for _, s := range []string{"AF", "eap", "Africa (Sub-Saharan)", "East Asia and the Pacific Islands", "Near East (Middle East and North Africa)", "Western Hemisphere", "Europe & Eurasia", "", "Global"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := ParseBureau(s)
		if err != nil {
			if b != BureauUnknown || !errors.Is(err, ErrUnknownBureau) {
				t.Fatalf("ParseBureau(%q) = %v, %v", s, b, err)
			}
			return
		}
		if !b.IsValid() {
			t.Fatalf("ParseBureau(%q) = invalid %v", s, b)
		}
		if back, err := ParseBureau(b.String()); back != b || err != nil {
			t.Fatalf("ParseBureau(%q) = %v; its String %q reads as %v, %v", s, b, b.String(), back, err)
		}
		if back, err := ParseBureau(b.Name()); back != b || err != nil {
			t.Fatalf("ParseBureau(%q) = %v; its Name %q reads as %v, %v", s, b, b.Name(), back, err)
		}
		text, _ := b.MarshalText()
		var u Bureau
		if err := u.UnmarshalText(text); err != nil || u != b {
			t.Fatalf("%v: text %q reads back as %v, %v", b, text, u, err)
		}
	})
}

func FuzzParseYears(f *testing.F) {
	for _, s := range []string{"2023", " 2001 ", "FY2024", "FY 2024", "fy24", "FY00", "FY99", "1999", "20233", "", "FY"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if y, err := ParseReportYear(s); err != nil {
			if y != 0 || !errors.Is(err, ErrYear) {
				t.Fatalf("ParseReportYear(%q) = %v, %v", s, y, err)
			}
		} else {
			if !y.IsValid() {
				t.Fatalf("ParseReportYear(%q) = invalid %d", s, y)
			}
			var u ReportYear
			text, _ := y.MarshalText()
			if err := u.UnmarshalText(text); err != nil || u != y {
				t.Fatalf("report year %d: text %q reads back as %d, %v", y, text, u, err)
			}
		}
		if fy, err := ParseFiscalYear(s); err != nil {
			if fy != 0 || !errors.Is(err, ErrYear) {
				t.Fatalf("ParseFiscalYear(%q) = %v, %v", s, fy, err)
			}
		} else {
			if !fy.IsValid() {
				t.Fatalf("ParseFiscalYear(%q) = invalid %d", s, fy)
			}
			var u FiscalYear
			text, _ := fy.MarshalText()
			if err := u.UnmarshalText(text); err != nil || u != fy {
				t.Fatalf("%v: text %q reads back as %v, %v", fy, text, u, err)
			}
			if !fy.Contains(fy.Start()) || !fy.Contains(fy.End()) || fy.Contains(fy.End().AddDays(1)) {
				t.Fatalf("%v: start %v, end %v", fy, fy.Start(), fy.End())
			}
		}
	})
}

func FuzzParseSeverity(f *testing.F) {
	for _, s := range []string{"info", "Warning", " ERROR ", "unknown", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseSeverity(s)
		if err != nil {
			if v != SeverityUnknown || !errors.Is(err, ErrSyntax) {
				t.Fatalf("ParseSeverity(%q) = %v, %v", s, v, err)
			}
			return
		}
		if back, err := ParseSeverity(v.String()); back != v || err != nil || v == SeverityUnknown {
			t.Fatalf("ParseSeverity(%q) = %v; String reads back as %v, %v", s, v, back, err)
		}
	})
}

func FuzzParseCountryKind(f *testing.F) {
	for _, s := range []string{"state", "Dependency", " other ", "HISTORICAL", "", "planet", "unknown"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k, err := ParseCountryKind(s)
		if err != nil {
			if k != KindUnknown || !errors.Is(err, ErrSyntax) {
				t.Fatalf("ParseCountryKind(%q) = %v, %v", s, k, err)
			}
			return
		}
		if !k.IsValid() {
			t.Fatalf("ParseCountryKind(%q) = invalid %v", s, k)
		}
		text, _ := k.MarshalText()
		var u CountryKind
		if err := u.UnmarshalText(text); err != nil || u != k {
			t.Fatalf("%v: text %q reads back as %v, %v", k, text, u, err)
		}
	})
}
