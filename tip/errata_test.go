package tip

import "testing"

// lookupRef is Errata.Lookup as it was first written.
func (e Errata) lookupRef(printed string) (Erratum, bool) {
	key := normalizeName(CleanSpace(printed))
	for _, x := range e {
		if x.Printed == printed || normalizeName(x.Printed) == key {
			return x, true
		}
	}
	return Erratum{}, false
}

// Lookup answers as it did when it built every erratum's key each time, for
// the default errata and for a table that changes them.
func TestErrataLookupMatchesReference(t *testing.T) {
	own := append(DefaultErrata(), Erratum{Printed: "Columbia", Country: MustLookupCountry("Colombia")})
	own[0].Printed = "Seychelle" // the name of a later default erratum, on another
	own[2].Printed = "Marshal  Islands"
	for _, e := range []Errata{DefaultErrata(), own, nil} {
		for _, name := range []string{"Seychelle", "seychelle", " SEYCHELLE ", "Seychelles", "Tongo", "tongo.", "Marshal Islands", "marshal\u00a0islands",
			"Korea, Democratic Republic of the", "Democratic Republic of the Korea", "Columbia", "columbia", "", "MENA"} {
			got, gok := e.Lookup(name)
			want, wok := e.lookupRef(name)
			if got != want || gok != wok {
				t.Errorf("%d errata: Lookup(%q) = %v, %v; want %v, %v", len(e), name, got, gok, want, wok)
			}
		}
	}
}
