package tip

import "testing"

// BenchmarkLookupCountry measures the three paths of a lookup. A name as
// the table writes it must not allocate (TestLookupNoAlloc enforces it).
func BenchmarkLookupCountry(b *testing.B) {
	for _, bm := range []struct{ name, in string }{
		{"canonical", "Korea, Democratic People’s Republic of"},
		{"alias", "democratic people's republic of korea"},
		{"miss", "Tongo"},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				LookupCountry(bm.in)
			}
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
