package tip

import "testing"

// A Resolver folds its errata once (errataKeys) and finds what Errata.Lookup
// finds: the same folding, and the first of two errata with one key.
func TestErrataKeys(t *testing.T) {
	chile, peru := MustLookupCountry("Chile"), MustLookupCountry("Peru")
	table := append(DefaultErrata(), Erratum{Printed: "Chilé Land", Country: chile}, Erratum{Printed: "CHILE-LAND ", Country: peru})
	keys := table.keys()
	for _, in := range []string{"Tongo", " tongo.", "Seychelle", "Marshal  Islands", "Chilé Land", "chile land", "Chile", "Narnia", ""} {
		want, wantOK := table.Lookup(in)
		got, ok := keys.lookup(in)
		if ok != wantOK || got != want {
			t.Errorf("lookup(%q) = %+v, %v; Lookup gives %+v, %v", in, got, ok, want, wantOK)
		}
	}
	if x, _ := keys.lookup("chile land"); x.Country != chile {
		t.Errorf("lookup(chile land) = %v: the first erratum of a key wins", x.Country)
	}
	r := ParseOptions{Lax: true, Errata: table}.Resolver()
	if got, f, err := r.Resolve("CHILE LAND.", Position{Line: 1, Col: 1}, ""); err != nil || f == nil || got != chile {
		t.Errorf("Resolver.Resolve through a caller's errata = %v, %v, %v", got, f, err)
	}
	if got, f, err := (ParseOptions{Errata: table}).Resolver().Resolve("Chilé Land", Position{}, ""); got != 0 || f != nil || err == nil {
		t.Errorf("a strict Resolver applied an erratum: %v, %v, %v", got, f, err)
	}
}
