package tip

import (
	"fmt"
	"slices"
	"strconv"
)

// A Country is a country or territory: one identity for every way its name
// is written ("Turkey", "Türkiye", "TUR"; "Congo, Democratic Republic of
// the", "Democratic Republic of the Congo", "DRC", "Zaire"), with its codes
// in every system researchers join on. It is the join key between grant
// projects, tier placements and the CSPA list, and between them and any
// other dataset.
//
// The table covers the world: every ISO 3166-1 entry, the areas GENC codes
// and ISO does not (West Bank, Gaza Strip, Diego Garcia, …), and the
// historical states the reports and the research panels use (Serbia and
// Montenegro, the Netherlands Antilles, the Soviet Union, Czechoslovakia,
// Yugoslavia, the German Democratic Republic, South Yemen). [Countries]
// lists the 191 entities the TIP Reports place; [AllCountries] lists them
// all.
//
// Country is a small comparable value: use it as a map key, compare it with
// ==, and diff it with cmp.Diff with no options (cmp prints its String).
// The zero Country is unknown. The entities of [Countries] are numbered
// 1 to 191 in order of [Country.Name], so among them c < d reports whether
// c's name sorts first; the others follow, in table order.
//
// Get one from [LookupCountry], from a code ([ByISO3], [ByGENC], [ByCOW],
// …) or from [Countries]; the table behind them is the embedded
// data/world.csv with data/names.csv and data/ambiguous.csv, whose
// provenance is in data/PROVENANCE.md.
type Country uint16

// A COWPeriod is a span of years in which an entity held a Correlates of
// War state code. Years are calendar years, both ends included.
type COWPeriod struct {
	Code int // 345
	From int // 1992
	To   int // 2006; 0 while the period lasts (COW's data end in 2016)
}

// A FormerCode is a code an entity held before, in one system.
type FormerCode struct {
	System string // "iso2", "iso3" or "iso_numeric"
	Code   string // "BU"
	From   int    // first year; 0 if not recorded
	To     int    // last year it was in use: 1989
}

// A CountryName is one name of a country, with its source and the years it
// applied.
type CountryName struct {
	Name   string // "Swaziland"
	Source string // who writes it: "State" (the TIP Reports and State Department lists), "ISO", "GENC", "UN", "WB" (World Bank), "COW" or "common"
	From   int    // first year the name applied (calendar year); 0 if always or not recorded: 1968
	To     int    // last year; 0 if still in use or not recorded: 2018
}

func (c Country) info() *countryInfo {
	t := loadTable()
	if c == 0 || int(c) > len(t.rows) {
		return nil
	}
	return &t.rows[c-1]
}

// Countries returns the entities the TIP Reports 2001–2025 place, on a
// tier or as a Special Case, sorted by name: the 191 of the reports' lists,
// including the historical ones (Serbia and Montenegro, the Netherlands
// Antilles) and the territories the reports rank (Hong Kong, Macau,
// Taiwan, Aruba, Curacao, Sint Maarten). It is the set a country-year panel
// of the reports has a row for. Which of them one report ranks is a
// question for the tier history (tiers.History.Ranked); [AllCountries] is
// the whole table.
func Countries() []Country { return slices.Clone(loadTable().placed) }

// AllCountries returns every entity of the table: those of [Countries]
// first, then the other ISO 3166-1 entries (by alpha-3 code), the areas
// only GENC codes (by GENC code) and the other historical states.
func AllCountries() []Country {
	cs := make([]Country, len(loadTable().rows))
	for i := range cs {
		cs[i] = Country(i + 1)
	}
	return cs
}

// IsValid reports whether c is an entity of the table (not the zero
// Country, nor a number outside the table).
func (c Country) IsValid() bool { return c.info() != nil }

// Name returns the State Department short name, as the 2023 TIP Report
// writes it for the entities it ranks: "Burma", "Congo, Republic of the",
// "Korea, Democratic People’s Republic of" (with its typographic
// apostrophe); for the others, the name on State's lists of states and
// dependencies ("Saint Kitts and Nevis", "Svalbard"), or ISO's short name
// where State lists none ("Palestine, State of", "Åland Islands"). It is ""
// for the zero Country. [LookupCountry] of a Name gives the Country back.
func (c Country) Name() string {
	if ci := c.info(); ci != nil {
		return ci.name
	}
	return ""
}

// Kind says whether c is a state, a dependency, another area or a
// historical entity; KindUnknown for the zero Country.
func (c Country) Kind() CountryKind {
	if ci := c.info(); ci != nil {
		return ci.kind
	}
	return KindUnknown
}

// ISO2 returns the ISO 3166-1 alpha-2 code ("MM"), or "" where ISO has
// none (the GENC-only areas). Kosovo has the user-assigned "XK"; historical
// entities have their withdrawn codes ("CS", "AN", "SU").
func (c Country) ISO2() string {
	if ci := c.info(); ci != nil {
		return ci.iso2
	}
	return ""
}

// ISO3 returns the ISO 3166-1 alpha-3 code ("MMR"; Kosovo "XKX"), or ""
// where ISO has none (the GENC-only areas, whose code is [Country.GENC3]).
func (c Country) ISO3() string {
	if ci := c.info(); ci != nil {
		return ci.iso3
	}
	return ""
}

// ISONumeric returns the ISO 3166-1 numeric code as three digits ("104"),
// or "" where none exists (Kosovo, the GENC-only areas).
func (c Country) ISONumeric() string {
	if ci := c.info(); ci != nil {
		return ci.numeric
	}
	return ""
}

// ISO4 returns the ISO 3166-3 four-letter code of a withdrawn entry
// ("CSXX" for Serbia and Montenegro, "SUHH" for the Soviet Union), the one
// code ISO never reuses; "" for current entries.
func (c Country) ISO4() string {
	if ci := c.info(); ci != nil {
		return ci.iso4
	}
	return ""
}

// GENC3 returns the US government's GENC three-letter code, which
// USAspending and other federal data require. It equals ISO3 except for
// Kosovo ("XKS") and the areas only GENC codes ("XWB", "AX2"); it is ""
// where GENC has no code: the historical entities, which predate GENC, and
// the four ISO entries GENC splits or leaves out (ALA, PSE, SJM, UMI).
func (c Country) GENC3() string {
	if ci := c.info(); ci != nil {
		return ci.genc3
	}
	return ""
}

// M49 returns the UN M49 area code as three digits. It equals ISONumeric
// except where M49 has no such area: Taiwan and Kosovo give "".
func (c Country) M49() string {
	if ci := c.info(); ci != nil {
		return ci.m49
	}
	return ""
}

// COW returns the Correlates of War state code the entity holds now, or
// held last, the key political scientists join on (Burma 775, Kosovo 347,
// Germany 255), or 0 where COW has no state (Hong Kong, Aruba, the
// dependencies). [Country.COWPeriods] has the codes with their years.
func (c Country) COW() int {
	if ci := c.info(); ci != nil && len(ci.cow) > 0 {
		return ci.cow[len(ci.cow)-1].Code
	}
	return 0
}

// COWPeriods returns the entity's Correlates of War codes with their
// years, oldest first: Germany has 255 (1816–1945), 260 (the German
// Federal Republic, 1955–1990) and 255 again (from 1990). Where COW codes
// one state that ISO sees as several, each period belongs to one entity:
// 345 is Yugoslavia to 1992, Serbia and Montenegro 1992–2006 and Serbia
// from 2006 (the year of a change belongs to both). The slice is the
// caller's.
func (c Country) COWPeriods() []COWPeriod {
	if ci := c.info(); ci != nil {
		return slices.Clone(ci.cow)
	}
	return nil
}

// Bureau returns the State Department regional bureau the entity belongs
// to: for the entities the TIP Reports rank, the one the 2023 report files
// it under; for the others, the bureau State's own pages or the accredited
// mission give. It is BureauUnknown where there is none: the United
// States, dependencies State deals with through their sovereign, US
// territories, states dissolved before 2001 (data/PROVENANCE.md says why
// for each).
func (c Country) Bureau() Bureau {
	if ci := c.info(); ci != nil {
		return ci.bureau
	}
	return BureauUnknown
}

// Sovereign returns the state a dependency belongs to (Aruba: the
// Netherlands; Guam: the United States), or the zero Country where the
// entity has none of its own.
func (c Country) Sovereign() Country {
	if ci := c.info(); ci != nil {
		return ci.sovereign
	}
	return 0
}

// Years returns the calendar years the entity existed as coded, both
// included: from is 0 where it existed in 1945 or earlier, or the start is
// not recorded; to is 0 while it exists. Serbia and Montenegro gives 1992,
// 2006; South Sudan 2011, 0; France 0, 0.
func (c Country) Years() (from, to int) {
	if ci := c.info(); ci != nil {
		return ci.from, ci.to
	}
	return 0, 0
}

// ISOShortName returns ISO 3166-1's English short name ("Myanmar",
// "Korea, Republic of"; historical entities their ISO 3166-3 name), or ""
// where ISO has no entry.
func (c Country) ISOShortName() string {
	if ci := c.info(); ci != nil {
		return ci.isoShort
	}
	return ""
}

// ISOFormalName returns ISO 3166-1's official name ("Republic of the Union
// of Myanmar"), or "" where ISO gives none.
func (c Country) ISOFormalName() string {
	if ci := c.info(); ci != nil {
		return ci.isoFormal
	}
	return ""
}

// GENCName returns GENC's short name ("Burma", "Korea, South"), or "" where
// GENC has no entry.
func (c Country) GENCName() string {
	if ci := c.info(); ci != nil {
		return ci.gencName
	}
	return ""
}

// FormerCodes returns codes the entity held before: Burma's "BU" and
// "BUR" (to 1989), Sudan's numeric "736" (to 2011). The slice is the
// caller's.
func (c Country) FormerCodes() []FormerCode {
	if ci := c.info(); ci != nil {
		return slices.Clone(ci.formerCodes)
	}
	return nil
}

// Names returns every name of the entity the table holds, with its source
// and years, in the order of data/names.csv: the State Department's
// first. [LookupCountry] resolves each of them to c, except a name that
// also fits another entity ("Yugoslavia"), which is ambiguous. The slice is
// the caller's.
func (c Country) Names() []CountryName {
	if ci := c.info(); ci != nil {
		return slices.Clone(ci.names)
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
// across renamings, or the GENC code of an area ISO does not code ("XWB"),
// or, where the ISO3 code is not the entity's alone, its ISO 3166-3 code
// (the Socialist Federal Republic of Yugoslavia writes "YUCS": "YUG" was
// the Federal Republic's too). [Country.UnmarshalText] reads it back. The
// zero Country writes "". A number outside the table is an error.
func (c Country) MarshalText() ([]byte, error) {
	if c == 0 {
		return nil, nil
	}
	ci := c.info()
	if ci == nil {
		return nil, fmt.Errorf("tip: cannot marshal %v: %w", c, ErrUnknownCountry)
	}
	return []byte(ci.code), nil
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
