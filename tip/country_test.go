package tip

import (
	"errors"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCountryTable enforces the invariants of the embedded table, in the
// manner of internal/godebugs' TestAll: sorted, codes unique and well
// formed, every empty cell one of the documented ones, every name, former
// name and alias resolving to its own row and to no other.
func TestCountryTable(t *testing.T) {
	tab := loadTable()
	if got, want := len(tab.rows), 191; got != want {
		t.Errorf("table has %d rows, want %d (countries.PROVENANCE.md)", got, want)
	}
	names := make([]string, len(tab.rows))
	for i, r := range tab.rows {
		names[i] = r.name
	}
	if !sort.StringsAreSorted(names) {
		t.Errorf("countries.csv is not sorted by tip_name in code-point order")
	}
	// Empty cells that countries.PROVENANCE.md explains; any other is an error.
	noGENC := map[string]bool{"Serbia and Montenegro": true, "Netherlands Antilles": true}
	noCOW := map[string]bool{"Hong Kong": true, "Macau": true, "Aruba": true, "Curacao": true, "Sint Maarten": true, "Netherlands Antilles": true}
	noBureau := map[string]bool{"United States of America": true, "Netherlands Antilles": true}
	noNumeric := map[string]bool{"Kosovo": true}
	seen := map[string]string{}
	for i, r := range tab.rows {
		c := Country(i + 1)
		if len(r.iso2) != 2 || len(r.iso3) != 3 || strings.ToUpper(r.iso2) != r.iso2 || strings.ToUpper(r.iso3) != r.iso3 {
			t.Errorf("%s: bad ISO codes %q %q", r.name, r.iso2, r.iso3)
		}
		if (r.genc3 == "") != noGENC[r.name] {
			t.Errorf("%s: genc3 %q; empty only for %v", r.name, r.genc3, noGENC)
		}
		if r.genc3 != "" && r.genc3 != r.iso3 && r.name != "Kosovo" {
			t.Errorf("%s: GENC %s differs from ISO3 %s (only Kosovo's does)", r.name, r.genc3, r.iso3)
		}
		if (r.cow == 0) != noCOW[r.name] {
			t.Errorf("%s: cow %d; zero only for %v", r.name, r.cow, noCOW)
		}
		if (r.bureau == BureauUnknown) != noBureau[r.name] {
			t.Errorf("%s: bureau %v; unknown only for %v", r.name, r.bureau, noBureau)
		}
		if (r.numeric == "") != noNumeric[r.name] || (r.numeric != "" && len(r.numeric) != 3) {
			t.Errorf("%s: numeric %q", r.name, r.numeric)
		}
		for _, code := range []string{r.iso2, r.iso3, r.numeric} {
			if code == "" {
				continue
			}
			if other, ok := seen[code]; ok {
				t.Errorf("code %s used by %s and %s", code, other, r.name)
			}
			seen[code] = r.name
		}
		for _, n := range append([]string{r.name}, r.former...) {
			if got, err := LookupCountry(n); err != nil || got != c {
				t.Errorf("LookupCountry(%q) = %v, %v; want %v", n, got, err, c)
			}
		}
	}
	for _, a := range aliases {
		want := tab.codes[a.iso3]
		if got, err := LookupCountry(a.name); err != nil || got != want {
			t.Errorf("alias LookupCountry(%q) = %v, %v; want %v", a.name, got, err, want)
		}
		// An alias must not also be a name of another country, in either
		// order: buildTable refuses that, so reaching here proves it.
	}
	for _, a := range ambiguousNames {
		_, err := LookupCountry(a.name)
		var amb *AmbiguousCountryError
		if !errors.As(err, &amb) || len(amb.Candidates) != len(a.iso3) {
			t.Errorf("LookupCountry(%q) = %v, want ambiguity among %v", a.name, err, a.iso3)
		}
	}
	// COW codes: Serbia and Serbia and Montenegro share 345 by design; no
	// other two rows may.
	cows := map[int][]string{}
	for _, r := range tab.rows {
		if r.cow != 0 {
			cows[r.cow] = append(cows[r.cow], r.name)
		}
	}
	for code, ns := range cows {
		if len(ns) > 1 && !slices.Equal(ns, []string{"Serbia", "Serbia and Montenegro"}) {
			t.Errorf("COW %d shared by %v", code, ns)
		}
	}
}

func TestBuildTableRejects(t *testing.T) {
	const header = "tip_name,iso2,iso3,iso_numeric,genc3,cow,bureau,former_names\n"
	tests := []struct {
		name string
		data string
		al   []alias
	}{
		{"bad header", "name,iso2\nX,XX\n", nil},
		{"duplicate code", header + "A,AA,AAA,001,AAA,1,AF,\nB,AA,BBB,002,BBB,2,AF,\n", nil},
		{"bad cow", header + "A,AA,AAA,001,AAA,x,AF,\n", nil},
		{"bad bureau", header + "A,AA,AAA,001,AAA,1,Mars,\n", nil},
		{"name of two", header + "A,AA,AAA,001,AAA,1,AF,B\nB,BB,BBB,002,BBB,2,AF,\n", nil},
		{"alias to nowhere", header + "A,AA,AAA,001,AAA,1,AF,\n", []alias{{"Z", "ZZZ"}}},
		{"alias of two", header + "A,AA,AAA,001,AAA,1,AF,\nB,BB,BBB,002,BBB,2,AF,\n", []alias{{"B", "AAA"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := buildTable(tt.data, tt.al, nil); err == nil {
				t.Errorf("buildTable accepted %q", tt.data)
			}
		})
	}
}

func TestCountryAccessors(t *testing.T) {
	type row struct {
		Name, ISO2, ISO3, Num, GENC3 string
		COW                          int
		Bureau                       Bureau
	}
	tests := []struct {
		in   string
		want row
	}{
		{"Kosovo", row{"Kosovo", "XK", "XKX", "", "XKS", 347, EUR}},
		{"Burma", row{"Burma", "MM", "MMR", "104", "MMR", 775, EAP}},
		{"Congo, Republic of the", row{"Congo, Republic of the", "CG", "COG", "178", "COG", 484, AF}},
		{"Korea, Democratic People’s Republic of", row{"Korea, Democratic People’s Republic of", "KP", "PRK", "408", "PRK", 731, EAP}},
		{"United States", row{"United States of America", "US", "USA", "840", "USA", 2, BureauUnknown}},
		{"Serbia and Montenegro", row{"Serbia and Montenegro", "CS", "SCG", "891", "", 345, EUR}},
		{"Hong Kong", row{"Hong Kong", "HK", "HKG", "344", "HKG", 0, EAP}},
		{"Türkiye", row{"Turkey", "TR", "TUR", "792", "TUR", 640, EUR}},
		{"Sint Maarten", row{"Sint Maarten", "SX", "SXM", "534", "SXM", 0, WHA}}, // the Consulate General in Curaçao reports to WHA
	}
	for _, tt := range tests {
		c := MustLookupCountry(tt.in)
		got := row{c.Name(), c.ISO2(), c.ISO3(), c.ISONumeric(), c.GENC3(), c.COW(), c.Bureau()}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("LookupCountry(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
	var zero Country
	if zero.Name() != "" || zero.ISO3() != "" || zero.COW() != 0 || zero.Bureau() != BureauUnknown || zero.String() != "unknown" || zero.IsValid() {
		t.Errorf("zero Country is not unknown: %q %q %d %v %q", zero.Name(), zero.ISO3(), zero.COW(), zero.Bureau(), zero)
	}
	bad := Country(60000)
	if bad.IsValid() || bad.String() != "Country(60000)" {
		t.Errorf("Country(60000): valid=%v String=%q", bad.IsValid(), bad)
	}
	if _, err := bad.MarshalText(); !errors.Is(err, ErrUnknownCountry) {
		t.Errorf("Country(60000).MarshalText() error = %v, want ErrUnknownCountry", err)
	}
	if got := MustLookupCountry("Turkey").FormerNames(); !slices.Equal(got, []string{"Türkiye"}) {
		t.Errorf("Turkey.FormerNames() = %q", got)
	}
}

func TestCountriesSorted(t *testing.T) {
	cs := Countries()
	if len(cs) != 191 {
		t.Fatalf("Countries() has %d, want 191", len(cs))
	}
	for i := 1; i < len(cs); i++ {
		if !(cs[i-1] < cs[i]) || !(cs[i-1].Name() < cs[i].Name()) {
			t.Errorf("Countries() not sorted at %d: %v, %v", i, cs[i-1], cs[i])
		}
	}
}

func TestCountryTextRoundTrip(t *testing.T) {
	for _, c := range Countries() {
		b, err := c.MarshalText()
		if err != nil {
			t.Fatalf("%v.MarshalText: %v", c, err)
		}
		var got Country
		if err := got.UnmarshalText(b); err != nil || got != c {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", b, got, err, c)
		}
	}
	var z Country
	if b, _ := z.MarshalText(); len(b) != 0 {
		t.Errorf("zero Country marshals to %q", b)
	}
	if err := z.UnmarshalText(nil); err != nil || z != 0 {
		t.Errorf("UnmarshalText(\"\") = %v, %v", z, err)
	}
	if err := z.UnmarshalText([]byte("Tongo")); !errors.Is(err, ErrUnknownCountry) {
		t.Errorf("UnmarshalText(Tongo) = %v", err)
	}
}
