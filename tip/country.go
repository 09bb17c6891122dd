package tip

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// A Country is a country or territory as the TIP Report treats it: one
// identity for every way the State Department writes its name ("Turkey",
// "Türkiye"; "Congo, Democratic Republic of the", "Democratic Republic of
// the Congo", "DRC"). It is the join key between grant projects, tier
// placements and the CSPA list.
//
// Country is a small comparable value: use it as a map key, compare it with
// ==, and diff it with cmp.Diff with no options (cmp prints its String).
// The zero Country is unknown. Countries order by [Country.Name] as the
// integers they are: c < d reports whether c's name sorts first.
//
// Get one from [LookupCountry] or [Countries]; the table behind them is the
// embedded data/countries.csv, whose provenance is in
// data/countries.PROVENANCE.md.
type Country uint16

// countryInfo is one row of data/countries.csv.
type countryInfo struct {
	name    string // tip_name
	iso2    string
	iso3    string
	numeric string
	genc3   string
	cow     int
	bureau  Bureau
	former  []string
}

//go:embed data/countries.csv
var countriesCSV string

// CountryDataSource names the data behind the country table.
const CountryDataSource = "tipkit country table (tip/data/countries.csv): 191 entities of the TIP Reports 2001–2025; ISO 3166-1, GENC Ed. 3 Upd. 17, Correlates of War 2016; see countries.PROVENANCE.md"

type countryTable struct {
	rows      []countryInfo        // rows[c-1] is Country c
	exact     map[string]Country   // names, aliases and codes exactly as written
	norm      map[string]Country   // normalized names and aliases
	ambiguous map[string][]Country // normalized names that fit several
	codes     map[string]Country   // ISO2, ISO3, GENC3, upper case
	tokens    map[string][]Country // distinctive words, for suggestions
}

var loadTable = sync.OnceValue(func() *countryTable {
	t, err := buildTable(countriesCSV, aliases, ambiguousNames)
	if err != nil {
		// The embedded table is checked by TestCountryTable; this cannot
		// happen in a released build.
		panic("tip: bad embedded country table: " + err.Error())
	}
	return t
})

func buildTable(data string, aliases []alias, amb []ambiguousName) (*countryTable, error) {
	r := csv.NewReader(strings.NewReader(data))
	recs, err := r.ReadAll()
	if err != nil {
		return nil, err
	}
	if len(recs) < 2 || strings.Join(recs[0], ",") != "tip_name,iso2,iso3,iso_numeric,genc3,cow,bureau,former_names" {
		return nil, fmt.Errorf("unexpected header %q", recs[0])
	}
	t := &countryTable{
		exact:     make(map[string]Country),
		norm:      make(map[string]Country),
		ambiguous: make(map[string][]Country),
		codes:     make(map[string]Country),
		tokens:    make(map[string][]Country),
	}
	for i, rec := range recs[1:] {
		ci := countryInfo{name: rec[0], iso2: rec[1], iso3: rec[2], numeric: rec[3], genc3: rec[4]}
		if rec[5] != "" {
			if ci.cow, err = strconv.Atoi(rec[5]); err != nil {
				return nil, fmt.Errorf("line %d: cow: %v", i+2, err)
			}
		}
		if rec[6] != "" {
			if ci.bureau, err = ParseBureau(rec[6]); err != nil {
				return nil, fmt.Errorf("line %d: %v", i+2, err)
			}
		}
		if rec[7] != "" {
			ci.former = strings.Split(rec[7], ";")
		}
		t.rows = append(t.rows, ci)
	}
	if len(t.rows) >= 1<<16 {
		return nil, fmt.Errorf("too many rows")
	}
	for i, ci := range t.rows {
		c := Country(i + 1)
		for _, n := range append([]string{ci.name}, ci.former...) {
			if err := t.addName(n, c); err != nil {
				return nil, err
			}
		}
		for _, code := range []string{ci.iso2, ci.iso3, ci.genc3} {
			if code == "" {
				continue
			}
			if old, ok := t.codes[code]; ok && old != c {
				return nil, fmt.Errorf("code %s used by %s and %s", code, t.rows[old-1].name, ci.name)
			}
			t.codes[code] = c
			t.exact[code] = c
		}
	}
	for _, a := range aliases {
		c, ok := t.codes[a.iso3]
		if !ok {
			return nil, fmt.Errorf("alias %q: no country %s", a.name, a.iso3)
		}
		if err := t.addName(a.name, c); err != nil {
			return nil, err
		}
	}
	for _, a := range amb {
		key := normalizeName(a.name)
		var cs []Country
		for _, code := range a.iso3 {
			c, ok := t.codes[code]
			if !ok {
				return nil, fmt.Errorf("ambiguous %q: no country %s", a.name, code)
			}
			cs = append(cs, c)
		}
		if c, ok := t.norm[key]; ok {
			return nil, fmt.Errorf("ambiguous %q is also a name of %s", a.name, t.rows[c-1].name)
		}
		t.ambiguous[key] = cs
	}
	for key, c := range t.norm {
		for _, w := range strings.Fields(key) {
			w = strings.Trim(w, ",()")
			if len(w) < 4 || slices.Contains(stopWords, w) {
				continue
			}
			if !slices.Contains(t.tokens[w], c) {
				t.tokens[w] = append(t.tokens[w], c)
			}
		}
	}
	return t, nil
}

// addName registers name for c, as written and normalized, in both the
// written order and, for "Congo, Republic of the", the inverted one.
func (t *countryTable) addName(name string, c Country) error {
	t.exact[name] = c
	keys := []string{normalizeName(name)}
	if inv, ok := invertComma(keys[0]); ok {
		keys = append(keys, inv)
	}
	for _, key := range keys {
		if key == "" {
			return fmt.Errorf("name %q normalizes to nothing", name)
		}
		if old, ok := t.norm[key]; ok && old != c {
			return fmt.Errorf("name %q (%q) fits both %s and %s", name, key, t.rows[old-1].name, t.rows[c-1].name)
		}
		t.norm[key] = c
	}
	return nil
}

func (c Country) info() *countryInfo {
	t := loadTable()
	if c == 0 || int(c) > len(t.rows) {
		return nil
	}
	return &t.rows[c-1]
}

// Countries returns every country in the table, sorted by name.
func Countries() []Country {
	t := loadTable()
	cs := make([]Country, len(t.rows))
	for i := range cs {
		cs[i] = Country(i + 1)
	}
	return cs
}

// IsValid reports whether c is a country of the table (not the zero
// Country, nor a number outside the table).
func (c Country) IsValid() bool { return c.info() != nil }

// Name returns the State Department short name, as the 2023 TIP Report
// writes it: "Burma", "Congo, Republic of the", "Korea, Democratic People’s
// Republic of" (with its typographic apostrophe). It is "" for the zero
// Country.
func (c Country) Name() string {
	if ci := c.info(); ci != nil {
		return ci.name
	}
	return ""
}

// ISO2 returns the ISO 3166-1 alpha-2 code ("MM"). Kosovo has the
// user-assigned "XK"; Serbia and Montenegro and the Netherlands Antilles
// have their withdrawn codes "CS" and "AN".
func (c Country) ISO2() string {
	if ci := c.info(); ci != nil {
		return ci.iso2
	}
	return ""
}

// ISO3 returns the ISO 3166-1 alpha-3 code ("MMR"; Kosovo "XKX"). It is the
// code [Country.MarshalText] writes.
func (c Country) ISO3() string {
	if ci := c.info(); ci != nil {
		return ci.iso3
	}
	return ""
}

// ISONumeric returns the ISO 3166-1 numeric code as three digits ("104"),
// or "" where none exists (Kosovo).
func (c Country) ISONumeric() string {
	if ci := c.info(); ci != nil {
		return ci.numeric
	}
	return ""
}

// GENC3 returns the US government's GENC three-letter code, which
// USAspending and other federal data require. It equals ISO3 except for
// Kosovo ("XKS"), and is "" for entities GENC never coded (Serbia and
// Montenegro, Netherlands Antilles).
func (c Country) GENC3() string {
	if ci := c.info(); ci != nil {
		return ci.genc3
	}
	return ""
}

// COW returns the Correlates of War state code, the key political
// scientists join on (Burma 775, Kosovo 347), or 0 where COW has no state
// (Hong Kong, Macau, Aruba, Curacao, Sint Maarten, Netherlands Antilles).
func (c Country) COW() int {
	if ci := c.info(); ci != nil {
		return ci.cow
	}
	return 0
}

// Bureau returns the regional bureau the 2023 TIP Report files the country
// under, or BureauUnknown where it files it under none (the United States)
// or the filing is not known (Netherlands Antilles). Aruba, Curaçao and
// Sint Maarten are WHA, the bureau of the Consulate General in Curaçao that
// manages relations with all three (the report files Sint Maarten under
// Europe and Eurasia and Aruba under no region).
func (c Country) Bureau() Bureau {
	if ci := c.info(); ci != nil {
		return ci.bureau
	}
	return BureauUnknown
}

// FormerNames returns other names of the same entity attested in TIP Report
// text or the seeds ("Swaziland" for Eswatini, "Türkiye" for Turkey).
func (c Country) FormerNames() []string {
	if ci := c.info(); ci != nil {
		return append([]string(nil), ci.former...)
	}
	return nil
}

// String returns the name, or "unknown" for the zero Country and
// "Country(N)" for a number outside the table.
func (c Country) String() string {
	if ci := c.info(); ci != nil {
		return ci.name
	}
	if c == 0 {
		return "unknown"
	}
	return "Country(" + strconv.Itoa(int(c)) + ")"
}

// MarshalText writes the ISO3 code ("MMR", Kosovo "XKX"), which is stable
// across renamings; the zero Country writes "". A number outside the table
// is an error.
func (c Country) MarshalText() ([]byte, error) {
	if c == 0 {
		return nil, nil
	}
	ci := c.info()
	if ci == nil {
		return nil, fmt.Errorf("tip: cannot marshal %v: %w", c, ErrUnknownCountry)
	}
	return []byte(ci.iso3), nil
}

// UnmarshalText reads anything [LookupCountry] reads; "" gives the zero
// Country.
func (c *Country) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = 0
		return nil
	}
	v, err := LookupCountry(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
