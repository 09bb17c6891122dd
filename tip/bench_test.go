package tip

import (
	"strings"
	"testing"
)

// BenchmarkLookupCountry measures the paths of a lookup. A name as the
// table writes it, and any variant that resolves, must not allocate
// (TestLookupNoAlloc, TestLookupNoAllocVariants enforce it); a miss
// allocates its error, and works out suggestions only when asked
// (miss+suggest).
func BenchmarkLookupCountry(b *testing.B) {
	loadTable()
	for _, bm := range []struct{ name, in string }{
		{"canonical", "Korea, Democratic People’s Republic of"},
		{"variant", "  the democratic people's rep. of KOREA "},
		{"inverted", "Korea, Dem. People's Rep. Of"},
		{"code", "prk"},
		{"miss", "Tongo"},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				LookupCountry(bm.in)
			}
		})
	}
	b.Run("miss+suggest", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, err := LookupCountry("Tongo")
			err.(*UnknownCountryError).Suggestions()
		}
	})
}

// mixedNames returns names as a researcher's join meets them: each
// entity's name as the table writes it, a messy variant of one of its
// names (case, spaces, "The", punctuation), its ISO or GENC code in lower
// case; and, if unknown, misspellings that resolve to nothing.
func mixedNames(unknown bool) []string {
	var names []string
	for i, c := range AllCountries() {
		ns := c.Names()
		messy := "  " + strings.ToUpper(ns[i%len(ns)].Name) + ". "
		if i%3 == 0 {
			messy = "The " + strings.ReplaceAll(ns[i%len(ns)].Name, " ", "  ")
		}
		code, _ := c.MarshalText()
		names = append(names, c.Name(), messy, strings.ToLower(string(code)))
	}
	if unknown {
		for _, typo := range []string{"Tongo", "Seychelle", "Phillipines", "Columbia", "Kazakstan", "Atlantis", "Europe", "Marshal Islands", "Nigeira", "Lybia"} {
			names = append(names, typo, strings.ToUpper(typo))
		}
	}
	return names
}

// BenchmarkLookupMillion resolves 1,000,000 names per operation, drawn in
// turn from mixedNames, and reports names per second: the resolvable ones
// alone, and mixed with unknown names (about 2% of the mix).
func BenchmarkLookupMillion(b *testing.B) {
	for _, bm := range []struct {
		name    string
		unknown bool
	}{{"resolvable", false}, {"mixed", true}} {
		names := mixedNames(bm.unknown)
		if !bm.unknown {
			for _, n := range names {
				if _, err := LookupCountry(n); err != nil {
					b.Fatalf("LookupCountry(%q): %v", n, err)
				}
			}
		}
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for i := range 1_000_000 {
					LookupCountry(names[i%len(names)])
				}
			}
			b.ReportMetric(float64(b.N)*1e6/b.Elapsed().Seconds(), "names/s")
		})
	}
}

func TestLookupNoAlloc(t *testing.T) {
	loadTable()
	if n := testing.AllocsPerRun(100, func() { LookupCountry("Burma") }); n != 0 {
		t.Errorf("LookupCountry(canonical name) allocates %v times", n)
	}
	if n := testing.AllocsPerRun(100, func() { MustLookupCountry("MMR").Name() }); n != 0 {
		t.Errorf("Country.Name allocates %v times", n)
	}
	for _, n := range mixedNames(false) {
		if a := testing.AllocsPerRun(10, func() { LookupCountry(n) }); a != 0 {
			t.Errorf("LookupCountry(%q) allocates %v times", n, a)
		}
	}
}

func BenchmarkParseUSD(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ParseUSD("$40,552,358.14")
	}
}

func BenchmarkParseDate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ParseDate("9/30/2023")
	}
}

func BenchmarkSplitPlaces(b *testing.B) {
	const s = "Eastern Africa Region – (Burundi, Comoros, Djibouti, Eritrea, Ethiopia, Kenya, Madagascar, Mauritius, Rwanda, Seychelle, Somalia, Tanzania, and Uganda)"
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		SplitPlaces(s)
	}
}
