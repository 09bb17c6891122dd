package tip

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// The world table: one row per entity, its names, and the names that are
// not one entity. data/PROVENANCE.md says where every cell comes from.
var (
	//go:embed data/world.csv
	worldCSV string
	//go:embed data/names.csv
	namesCSV string
	//go:embed data/ambiguous.csv
	ambiguousCSV string
)

// CountryDataSource names the data behind the country table.
const CountryDataSource = "tipkit world table (tip/data/world.csv, names.csv, ambiguous.csv): " +
	"every ISO 3166-1 entry, the GENC-only areas and 7 historical states, the 191 entities of the TIP Reports 2001–2025 first; " +
	"ISO 3166 (iso-codes 4.15.0), GENC (NGA crosswalk; Locale::Codes 3.73), UN M49, Correlates of War 2016, " +
	"State Department bureaus; see data/PROVENANCE.md"

// countryInfo is one row of data/world.csv, with its rows of names.csv.
type countryInfo struct {
	id          string // iso3, or genc3 where ISO has no code: the key names.csv and ambiguous.csv use
	code        string // what MarshalText writes: id, or iso4 where id is another entity's code too
	name        string // Country.Name: state_name, or iso_short where State has none
	kind        CountryKind
	placed      bool // tip column: placed in a TIP Report (on a tier or as a Special Case)
	iso2        string
	iso3        string
	numeric     string
	iso4        string
	genc3       string
	m49         string // "" where M49 has no such area
	cow         []COWPeriod
	bureau      Bureau
	sovereign   Country
	from, to    int
	isoShort    string
	isoFormal   string
	gencName    string
	formerCodes []FormerCode
	names       []CountryName
}

// A span is a range of calendar years; 0 leaves an end open.
type span struct{ from, to int }

func (s span) contains(y int) bool { return (s.from == 0 || s.from <= y) && (s.to == 0 || y <= s.to) }

// An ambiguity is a normalized name or code that fits several entities.
type ambiguity struct {
	countries []Country // sorted by name
	// spans[i] are the years in which the name means countries[i], for a
	// name ambiguous.csv resolves by year ("Yugoslavia"); nil otherwise.
	spans [][]span
}

// A cowHolder is an entity that held a COW code in some years.
type cowHolder struct {
	c     Country
	years span
}

// A nameKey is a normalized name of one entity, for suggestions.
type nameKey struct {
	key string
	c   Country
}

type countryTable struct {
	rows       []countryInfo         // rows[c-1] is Country c
	placed     []Country             // the rows whose tip column says "placed"
	exact      map[string]Country    // names and codes exactly as the data write them
	keys       map[string]Country    // normalized names and their comma-inverted forms; codes in lower case
	ambiguous  map[string]*ambiguity // normalized names and lower-case codes that fit several entities
	iso2       map[string]Country    // current and former codes, upper case; 0: held by two entities
	iso3       map[string]Country
	iso4       map[string]Country
	genc3      map[string]Country
	numeric    map[int]Country // current and former ISO numeric codes; 0: held by two
	m49        map[int]Country
	cow        map[int][]cowHolder
	names      []nameKey            // every distinct normalized name, sorted, for suggestions
	tokens     map[string][]Country // distinctive words of names, for suggestions
	tokenWords []string             // the keys of tokens, sorted
}

var loadTable = sync.OnceValue(func() *countryTable {
	t, err := buildTable(worldCSV, namesCSV, ambiguousCSV)
	if err != nil {
		// TestCountryTable builds the embedded table: this cannot happen
		// in a released build.
		panic("tip: bad embedded country table: " + err.Error())
	}
	return t
})

const (
	worldHeader     = "state_name,kind,tip,iso2,iso3,iso_numeric,iso4,genc3,m49,cow,bureau,bureau_basis,sovereign,from,to,iso_short,iso_formal,genc_name,former_codes,note"
	namesHeader     = "entity,name,source,from,to,note"
	ambiguousHeader = "name,candidates,status,from,to,why"
)

// readCSV reads a data file whose header must be header, and returns its
// records after the header.
func readCSV(file, data, header string) ([][]string, error) {
	recs, err := csv.NewReader(strings.NewReader(data)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(recs) < 2 || strings.Join(recs[0], ",") != header {
		return nil, fmt.Errorf("%s: header is not %q", file, header)
	}
	return recs[1:], nil
}

// buildTable reads the three data files and indexes them. It refuses a
// table in which a name or code could silently give two answers: a name of
// two entities must be in ambiguous.csv, and a name of one entity must not
// be another's code.
func buildTable(world, names, amb string) (*countryTable, error) {
	t := &countryTable{}
	byID, err := t.readWorld(world)
	if err != nil {
		return nil, err
	}
	if err := t.readNames(names, byID); err != nil {
		return nil, err
	}
	rules, err := readAmbiguous(amb, byID)
	if err != nil {
		return nil, err
	}
	if err := t.indexNames(rules); err != nil {
		return nil, err
	}
	t.indexCodes()
	t.indexSuggestions()
	return t, nil
}

func (t *countryTable) readWorld(data string) (map[string]Country, error) {
	recs, err := readCSV("world.csv", data, worldHeader)
	if err != nil {
		return nil, err
	}
	if len(recs) >= 1<<16 {
		return nil, fmt.Errorf("world.csv: too many rows")
	}
	byID := make(map[string]Country)
	sovereigns := make([]string, len(recs))
	for i, r := range recs {
		line := i + 2
		bad := func(col string, err error) error { return fmt.Errorf("world.csv:%d: %s: %v", line, col, err) }
		ci := countryInfo{
			name: r[0], iso2: r[3], iso3: r[4], numeric: r[5], iso4: r[6], genc3: r[7],
			isoShort: r[15], isoFormal: r[16], gencName: r[17],
		}
		if ci.kind, err = ParseCountryKind(r[1]); err != nil {
			return nil, bad("kind", err)
		}
		switch r[2] {
		case "placed":
			ci.placed = true
		case "":
		default:
			return nil, bad("tip", fmt.Errorf("%q: want placed or nothing", r[2]))
		}
		ci.id = ci.iso3
		if ci.id == "" {
			ci.id = ci.genc3
		}
		if ci.id == "" {
			return nil, bad("iso3", fmt.Errorf("no iso3 nor genc3"))
		}
		if ci.name == "" {
			ci.name = ci.isoShort
		}
		switch r[8] {
		case "none":
		case "":
			ci.m49 = ci.numeric
		default:
			ci.m49 = r[8]
		}
		if ci.cow, err = parseCOW(r[9]); err != nil {
			return nil, bad("cow", err)
		}
		if r[10] != "" {
			if ci.bureau, err = ParseBureau(r[10]); err != nil {
				return nil, bad("bureau", err)
			}
		}
		if ci.from, err = parseYear(r[13]); err != nil {
			return nil, bad("from", err)
		}
		if ci.to, err = parseYear(r[14]); err != nil {
			return nil, bad("to", err)
		}
		if ci.formerCodes, err = parseFormerCodes(r[18]); err != nil {
			return nil, bad("former_codes", err)
		}
		c := Country(i + 1)
		if _, dup := byID[ci.id]; dup {
			return nil, bad("iso3", fmt.Errorf("id %s twice", ci.id))
		}
		byID[ci.id] = c
		sovereigns[i] = r[12]
		t.rows = append(t.rows, ci)
		if ci.placed {
			t.placed = append(t.placed, c)
		}
	}
	for i, id := range sovereigns {
		if id == "" {
			continue
		}
		s, ok := byID[id]
		if !ok {
			return nil, fmt.Errorf("world.csv:%d: sovereign: no entity %s", i+2, id)
		}
		t.rows[i].sovereign = s
	}
	return byID, nil
}

// parseYear reads a year cell; "" is 0.
func parseYear(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1800 || y > 2100 {
		return 0, fmt.Errorf("year %q", s)
	}
	return y, nil
}

// parseSpan reads "1992-2006", "1992-" or "-1989".
func parseSpan(s string) (span, error) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return span{}, fmt.Errorf("years %q: want from-to", s)
	}
	from, err := parseYear(a)
	if err != nil {
		return span{}, err
	}
	to, err := parseYear(b)
	if err != nil {
		return span{}, err
	}
	if to != 0 && from > to {
		return span{}, fmt.Errorf("years %q run backwards", s)
	}
	return span{from, to}, nil
}

// parseCOW reads "255:1816-1945;260:1955-1990;255:1990-".
func parseCOW(s string) ([]COWPeriod, error) {
	var out []COWPeriod
	for _, p := range splitNonEmpty(s) {
		code, years, ok := strings.Cut(p, ":")
		n, err := strconv.Atoi(code)
		if !ok || err != nil || n <= 0 {
			return nil, fmt.Errorf("%q: want code:from-to", p)
		}
		sp, err := parseSpan(years)
		if err != nil {
			return nil, err
		}
		if sp.from == 0 {
			return nil, fmt.Errorf("%q: no first year", p)
		}
		out = append(out, COWPeriod{Code: n, From: sp.from, To: sp.to})
	}
	return out, nil
}

// parseFormerCodes reads "iso2:BU:-1989;iso3:BUR:-1989".
func parseFormerCodes(s string) ([]FormerCode, error) {
	var out []FormerCode
	for _, p := range splitNonEmpty(s) {
		f := strings.Split(p, ":")
		if len(f) != 3 || f[1] == "" {
			return nil, fmt.Errorf("%q: want system:code:from-to", p)
		}
		if f[0] != "iso2" && f[0] != "iso3" && f[0] != "iso_numeric" {
			return nil, fmt.Errorf("%q: system %q: want iso2, iso3 or iso_numeric", p, f[0])
		}
		sp, err := parseSpan(f[2])
		if err != nil {
			return nil, err
		}
		out = append(out, FormerCode{System: f[0], Code: f[1], From: sp.from, To: sp.to})
	}
	return out, nil
}

func splitNonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ";")
}

func (t *countryTable) readNames(data string, byID map[string]Country) error {
	recs, err := readCSV("names.csv", data, namesHeader)
	if err != nil {
		return err
	}
	for i, r := range recs {
		c, ok := byID[r[0]]
		if !ok {
			return fmt.Errorf("names.csv:%d: no entity %s", i+2, r[0])
		}
		if r[1] == "" || r[2] == "" {
			return fmt.Errorf("names.csv:%d: name and source are required", i+2)
		}
		from, err := parseYear(r[3])
		if err != nil {
			return fmt.Errorf("names.csv:%d: from: %v", i+2, err)
		}
		to, err := parseYear(r[4])
		if err != nil {
			return fmt.Errorf("names.csv:%d: to: %v", i+2, err)
		}
		ci := &t.rows[c-1]
		ci.names = append(ci.names, CountryName{Name: r[1], Source: r[2], From: from, To: to})
	}
	return nil
}
