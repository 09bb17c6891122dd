package tip

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// An ambiguousRule is a row of ambiguous.csv.
type ambiguousRule struct {
	name       string
	candidates []Country
	status     string // ambiguous, by-year, decided, note
}

func readAmbiguous(data string, byID map[string]Country) (map[string]ambiguousRule, error) {
	recs, err := readCSV("ambiguous.csv", data, ambiguousHeader)
	if err != nil {
		return nil, err
	}
	rules := make(map[string]ambiguousRule)
	for i, r := range recs {
		rule := ambiguousRule{name: r[0], status: r[2]}
		for _, id := range strings.Fields(r[1]) {
			c, ok := byID[id]
			if !ok {
				return nil, fmt.Errorf("ambiguous.csv:%d: no entity %s", i+2, id)
			}
			rule.candidates = append(rule.candidates, c)
		}
		want := 2 // ambiguous, by-year: at least two candidates
		switch rule.status {
		case "ambiguous", "by-year":
		case "decided", "note":
			want = 1
		default:
			return nil, fmt.Errorf("ambiguous.csv:%d: status %q: want ambiguous, by-year, decided or note", i+2, r[2])
		}
		if len(rule.candidates) < want || want == 1 && len(rule.candidates) != 1 {
			return nil, fmt.Errorf("ambiguous.csv:%d: %s with %d candidates", i+2, rule.status, len(rule.candidates))
		}
		key := string(appendKey(nil, rule.name))
		if key == "" {
			return nil, fmt.Errorf("ambiguous.csv:%d: %q normalizes to nothing", i+2, rule.name)
		}
		// Two spellings of one name ("Congo", "The Congo") may each have
		// a row, saying the same.
		if old, dup := rules[key]; dup && (old.status != rule.status || !sameSet(old.candidates, rule.candidates)) {
			return nil, fmt.Errorf("ambiguous.csv:%d: %q contradicts the row of %q", i+2, rule.name, old.name)
		}
		rules[key] = rule
	}
	return rules, nil
}

// indexNames builds keys and ambiguous from the names and codes of every
// entity and the rules of ambiguous.csv.
func (t *countryTable) indexNames(rules map[string]ambiguousRule) error {
	nameOwners := make(map[string][]Country)
	codeOwners := make(map[string][]Country)
	add := func(m map[string][]Country, key string, c Country) {
		if !slices.Contains(m[key], c) {
			m[key] = append(m[key], c)
		}
	}
	for i, ci := range t.rows {
		c := Country(i + 1)
		for _, n := range ci.names {
			key := appendKey(nil, n.Name)
			if len(key) == 0 {
				return fmt.Errorf("name %q of %s normalizes to nothing", n.Name, ci.id)
			}
			add(nameOwners, string(key), c)
			if inv := invertKey(nil, key); inv != nil {
				add(nameOwners, string(inv), c)
			}
		}
		for _, code := range ci.alphaCodes() {
			add(codeOwners, strings.ToLower(code), c)
		}
	}
	t.keys = make(map[string]Country)
	t.ambiguous = make(map[string]*ambiguity)
	for key, cs := range nameOwners {
		if other, ok := codeOwners[key]; ok && !slices.Equal(other, cs) {
			return fmt.Errorf("name %q of %s is a code of %s", key, t.ids(cs), t.ids(other))
		}
		if len(cs) == 1 {
			t.keys[key] = cs[0]
			continue
		}
		rule, ok := rules[key]
		if !ok || rule.status != "ambiguous" && rule.status != "by-year" || !sameSet(rule.candidates, cs) {
			return fmt.Errorf("name %q fits %s: ambiguous.csv must list it, ambiguous or by-year, with these candidates", key, t.ids(cs))
		}
	}
	for key, cs := range codeOwners {
		if len(cs) == 1 {
			t.keys[key] = cs[0]
		} else {
			t.ambiguous[key] = t.newAmbiguity(cs)
		}
	}
	for key, rule := range rules {
		owners := nameOwners[key]
		switch rule.status {
		case "ambiguous":
			if len(owners) > 0 || len(codeOwners[key]) > 0 {
				return fmt.Errorf("ambiguous %q is also a name or code of %s", rule.name, t.ids(append(owners, codeOwners[key]...)))
			}
			t.ambiguous[key] = t.newAmbiguity(rule.candidates)
		case "by-year":
			if !sameSet(owners, rule.candidates) {
				return fmt.Errorf("by-year %q: it is a name of %s, not of %s", rule.name, t.ids(owners), t.ids(rule.candidates))
			}
			a := t.newAmbiguity(rule.candidates)
			for _, c := range a.countries {
				a.spans = append(a.spans, t.nameYears(c, key))
			}
			t.ambiguous[key] = a
		default: // decided, note: the name must already be the one entity's
			if !slices.Equal(owners, rule.candidates) {
				return fmt.Errorf("%s %q: it is a name of %s, not of %s", rule.status, rule.name, t.ids(owners), t.ids(rule.candidates))
			}
		}
	}
	t.exact = make(map[string]Country)
	for i := range t.rows {
		c, ci := Country(i+1), &t.rows[i]
		ci.code = ci.id
		if t.keys[strings.ToLower(ci.code)] != c {
			ci.code = ci.iso4
		}
		if ci.code == "" || t.keys[strings.ToLower(ci.code)] != c {
			return fmt.Errorf("%s: neither its code nor an ISO 3166-3 code is its own", ci.id)
		}
		for _, n := range ci.names {
			if t.keys[string(appendKey(nil, n.Name))] == c {
				t.exact[n.Name] = c
			}
		}
		for _, code := range ci.alphaCodes() {
			if t.keys[strings.ToLower(code)] == c {
				t.exact[code] = c
			}
		}
	}
	return nil
}

// nameYears returns the years in which key is a name of c: those of the
// names.csv rows, within the years c existed.
func (t *countryTable) nameYears(c Country, key string) []span {
	ci := &t.rows[c-1]
	var out []span
	for _, n := range ci.names {
		if string(appendKey(nil, n.Name)) != key {
			continue
		}
		s := span{n.From, n.To}
		if ci.from != 0 && (s.from == 0 || s.from < ci.from) {
			s.from = ci.from
		}
		if ci.to != 0 && (s.to == 0 || s.to > ci.to) {
			s.to = ci.to
		}
		out = append(out, s)
	}
	return out
}

// newAmbiguity returns the candidates sorted by name.
func (t *countryTable) newAmbiguity(cs []Country) *ambiguity {
	cs = slices.Clone(cs)
	slices.SortFunc(cs, func(a, b Country) int { return strings.Compare(t.rows[a-1].name, t.rows[b-1].name) })
	return &ambiguity{countries: cs}
}

// alphaCodes returns the letter codes LookupCountry accepts for the row:
// ISO alpha-2, alpha-3 and 3166-3 four-letter codes, current and former,
// and GENC's three-letter code.
func (ci *countryInfo) alphaCodes() []string {
	var out []string
	for _, code := range []string{ci.iso2, ci.iso3, ci.iso4, ci.genc3} {
		if code != "" {
			out = append(out, code)
		}
	}
	for _, f := range ci.formerCodes {
		if f.System != "iso_numeric" {
			out = append(out, f.Code)
		}
	}
	return out
}

func (t *countryTable) ids(cs []Country) string {
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = t.rows[c-1].id
	}
	return strings.Join(ids, " and ")
}

func sameSet(a, b []Country) bool {
	if len(a) != len(b) {
		return false
	}
	for _, c := range a {
		if !slices.Contains(b, c) {
			return false
		}
	}
	return true
}

// indexCodes builds the maps of the By… functions. A code two entities
// have held (CS: Czechoslovakia, then Serbia and Montenegro) maps to 0.
func (t *countryTable) indexCodes() {
	t.iso2, t.iso3, t.iso4, t.genc3 = map[string]Country{}, map[string]Country{}, map[string]Country{}, map[string]Country{}
	t.numeric, t.m49 = map[int]Country{}, map[int]Country{}
	t.cow = map[int][]cowHolder{}
	for i, ci := range t.rows {
		c := Country(i + 1)
		addCode(t.iso2, ci.iso2, c)
		addCode(t.iso3, ci.iso3, c)
		addCode(t.iso4, ci.iso4, c)
		addCode(t.genc3, ci.genc3, c)
		if n, err := strconv.Atoi(ci.numeric); err == nil {
			addCode(t.numeric, n, c)
		}
		if n, err := strconv.Atoi(ci.m49); err == nil {
			addCode(t.m49, n, c)
		}
		for _, f := range ci.formerCodes {
			switch f.System {
			case "iso2":
				addCode(t.iso2, f.Code, c)
			case "iso3":
				addCode(t.iso3, f.Code, c)
			case "iso_numeric":
				if n, err := strconv.Atoi(f.Code); err == nil {
					addCode(t.numeric, n, c)
				}
			}
		}
		for _, p := range ci.cow {
			t.cow[p.Code] = append(t.cow[p.Code], cowHolder{c, span{p.From, p.To}})
		}
	}
}

// addCode maps code to c, or to 0 once a second entity has it.
func addCode[K comparable](m map[K]Country, code K, c Country) {
	var zero K
	if code == zero {
		return
	}
	if old, ok := m[code]; ok && old != c {
		m[code] = 0
		return
	}
	m[code] = c
}

// stopWords are too common in country names to suggest by.
var stopWords = []string{
	"republic", "democratic", "people's", "islands", "island", "saint", "united", "state", "states",
	"federal", "federated", "kingdom", "south", "north", "east", "west", "central", "guinea",
	"northern", "southern", "eastern", "western", "socialist", "union", "commonwealth",
	"islamic", "arab", "new", "and", "the", "of", "region", "grenadines", "plurinational",
	"bolivarian", "former", "yugoslav", "province", "part", "dutch", "french", "british",
}

// indexSuggestions lists every normalized name once and the distinctive
// words of names, in a fixed order so that suggestions do not depend on
// map iteration.
func (t *countryTable) indexSuggestions() {
	seen := make(map[nameKey]bool)
	t.tokens = make(map[string][]Country)
	for i, ci := range t.rows {
		c := Country(i + 1)
		for _, n := range ci.names {
			k := nameKey{string(appendKey(nil, n.Name)), c}
			if seen[k] {
				continue
			}
			seen[k] = true
			t.names = append(t.names, k)
			for _, w := range strings.Fields(k.key) {
				w = strings.Trim(w, ",()")
				if len(w) < 4 || slices.Contains(stopWords, w) || slices.Contains(t.tokens[w], c) {
					continue
				}
				t.tokens[w] = append(t.tokens[w], c)
			}
		}
	}
	for w := range t.tokens {
		t.tokenWords = append(t.tokenWords, w)
	}
	slices.Sort(t.tokenWords)
	slices.SortFunc(t.names, func(a, b nameKey) int {
		if d := strings.Compare(a.key, b.key); d != 0 {
			return d
		}
		return int(a.c) - int(b.c)
	})
}
