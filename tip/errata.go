package tip

import (
	"slices"
	"sync"
)

// An Erratum records a name misprinted in a State Department document and
// the country it means. Errata are not aliases: [LookupCountry] never applies
// them, so a strict parser reports "Tongo" as an unknown country. Lax
// parsers apply them and report each use as a [Finding] that cites the
// erratum.
type Erratum struct {
	Printed string  // "Tongo", exactly as printed
	Country Country // Tonga
	Source  string  // where it was seen: "seed 003 (2023 TIP Report), Tier 2 list"
	Note    string  // why the reading is sure
}

// Errata is a table of errata. Lax parsers take one in
// [ParseOptions.Errata] (nil means [DefaultErrata]); a caller with its own
// documents extends the default:
//
//	errata := append(tip.DefaultErrata(), tip.Erratum{Printed: "Columbia", Country: col, Source: "my.txt"})
type Errata []Erratum

// DefaultErrata returns the misprints seen in the documents tipkit embeds.
// The slice is a fresh copy the caller may change.
func DefaultErrata() Errata { return slices.Clone(defaultErrata()) }

// defaultErrata is the table DefaultErrata copies, built on first use; the
// parsers read it and never hand it out.
var defaultErrata = sync.OnceValue(func() Errata {
	e := func(printed, iso3, source, note string) Erratum {
		c, _ := ByISO3(iso3)
		return Erratum{Printed: printed, Country: c, Source: source, Note: note}
	}
	return Errata{
		e("Tongo", "TON", "seed 003 (2023 TIP Report), Tier 2 list",
			"no country is named Tongo; Tonga is otherwise absent from the 2023 tier lists"),
		e("Korea, Democratic Republic of the", "PRK", "seed 003 (2023 TIP Report), countries not party to the Protocol",
			"the Republic of Korea is a party to the Palermo Protocol; the DPRK is not"),
		e("Seychelle", "SYC", "seed 000 (TIP Office projects, October 1, 2021), Eastern Africa Region",
			"Seychelles is the Indian Ocean state listed with its neighbours"),
		e("Marshal Islands", "MHL", "seed 000 (TIP Office projects, October 1, 2021), Pacific Islands",
			"Marshall Islands, listed with the other Pacific island states"),
	}
})

// Lookup returns the erratum for a printed name, matched after the same
// folding of case, spaces and punctuation that LookupCountry applies; of
// two errata of one name, the first. It folds every erratum at each call:
// a parse, which looks up many names, folds its table once (see
// [Resolver]).
func (e Errata) Lookup(printed string) (Erratum, bool) { return e.keys().lookup(printed) }

// Resolve looks name up with [LookupCountry] and, if that finds no country,
// in the errata. It returns the erratum it used, or nil. When neither
// resolves the name, it returns LookupCountry's error, whose suggestions
// help the caller add an erratum. A parser resolves names with
// [ParseOptions.ResolveCountry], which applies the errata only when lax.
func (e Errata) Resolve(name string) (Country, *Erratum, error) {
	c, err := LookupCountry(name)
	if err == nil {
		return c, nil, nil
	}
	if x, ok := e.Lookup(name); ok {
		return x.Country, &x, nil
	}
	return 0, nil, err
}

// errataKeys is an Errata table by the folded key of each printed name
// (appendKey), each key folded once: what a parse looks names up in. The
// first erratum of a key is the one Lookup would find.
type errataKeys map[string]Erratum

// keys folds e's printed names.
func (e Errata) keys() errataKeys {
	out := make(errataKeys, len(e))
	for _, x := range e {
		k := string(appendKey(nil, x.Printed))
		if _, dup := out[k]; !dup {
			out[k] = x
		}
	}
	return out
}

// lookup is Lookup on the folded table.
func (k errataKeys) lookup(printed string) (Erratum, bool) {
	var buf [maxKey]byte
	x, ok := k[string(appendKey(buf[:0], printed))]
	return x, ok
}

// defaultErrataKeys is the default table, folded once.
var defaultErrataKeys = sync.OnceValue(func() errataKeys { return defaultErrata().keys() })
