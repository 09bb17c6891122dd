package grants

import (
	"encoding/json"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip"
)

// A Scope says how widely a project reaches, derived from its places.
type Scope uint8

// The scopes.
const (
	ScopeUnknown   Scope = iota
	ScopeBilateral       // one country
	ScopeRegional        // several countries, or a named region
	ScopeGlobal          // no country: a global award
)

// String returns "bilateral", "regional", "global" or "unknown".
func (s Scope) String() string {
	return [...]string{"unknown", "bilateral", "regional", "global"}[min(int(s), 3)]
}

// MarshalText writes String's form.
func (s Scope) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// An Implementer is the organization that carries out a project.
type Implementer struct {
	Name    string // "American Bar Association/Rule of Law Initiative"
	Acronym string // "ABA"; "" if the listing gives none ("World Vision")
}

// String returns the implementer as the listing writes it.
func (i Implementer) String() string {
	if i.Acronym == "" {
		return i.Name
	}
	return i.Name + " (" + i.Acronym + ")"
}

// Key is what aggregations group by: the acronym where there is one, so
// "United Nations Office on Drugs and Crime (UNODC)" and "United Nations
// Office of Drugs and Crime (UNODC)" are one implementer.
func (i Implementer) Key() string {
	if i.Acronym != "" {
		return i.Acronym
	}
	return i.Name
}

// parseImplementer splits "Name (ACR)"; a parenthesis that is not an
// acronym (has spaces or lower case only) stays in the name.
func parseImplementer(s string) Implementer {
	s = trimSpace(s)
	if strings.HasSuffix(s, ")") {
		if i := lastSpaceParen(s); i > 0 {
			acr := s[i+2 : len(s)-1]
			if acr != "" && !strings.Contains(acr, " ") && hasUpper(acr) {
				return Implementer{Name: trimSpace(s[:i]), Acronym: acr}
			}
		}
	}
	return Implementer{Name: s}
}

// lastSpaceParen is strings.LastIndex(s, " ("), found from the last '('
// back: the acronym's parenthesis is near the end, and LastIndex sets up a
// hash for a two-byte separator that costs more than the search.
func lastSpaceParen(s string) int {
	for j := len(s); ; {
		i := strings.LastIndexByte(s[:j], '(')
		if i <= 0 {
			return -1
		}
		if s[i-1] == ' ' {
			return i - 1
		}
		j = i
	}
}

// trimSpace is strings.TrimSpace, answering at once for the string the
// scanner gives, whose ends are already no space: an ASCII byte above ' '
// at each end is one TrimSpace keeps.
func trimSpace(s string) string {
	if len(s) > 0 && ' ' < s[0] && s[0] < utf8.RuneSelf && ' ' < s[len(s)-1] && s[len(s)-1] < utf8.RuneSelf {
		return s
	}
	return strings.TrimSpace(s)
}

// hasUpper reports whether strings.ToLower changes s, without building the
// lower-case copy for an acronym that is ASCII, as acronyms are.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s) != s
		}
		if 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

// A Project is one TIP Office project of the listing.
type Project struct {
	Section     string          // the heading it sits under: "Africa", "Global", "Research"
	Bureau      tip.Bureau      // the section's regional bureau; BureauUnknown for Global, Research, …
	Places      string          // the Countries value as written: "Regional Project – Iraq and MENA"
	Label       string          // the place label: "Regional Project", "Eastern Africa Region"; "" if none
	Countries   []tip.Country   // the countries it names, resolved
	Unresolved  []string        // place terms that name no country, verbatim: "MENA"
	Implementer Implementer     // "International Organization for Migration (IOM)"
	Amount      decimal.Decimal // exact
	EndDate     tip.Date
	Description string
	Pos         tip.Position // the record's first line
}

// Scope derives the project's reach from its places.
func (p *Project) Scope() Scope {
	switch {
	case len(p.Countries) == 1 && len(p.Unresolved) == 0 && p.Label == "":
		return ScopeBilateral
	case len(p.Countries) > 0 || len(p.Unresolved) > 0 || p.Label != "":
		return ScopeRegional
	}
	return ScopeGlobal
}

// Touches reports whether the project names country c.
func (p *Project) Touches(c tip.Country) bool {
	for _, x := range p.Countries {
		if x == c {
			return true
		}
	}
	return false
}

type jsonCountry struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type jsonProject struct {
	Section     string        `json:"section"`
	Bureau      string        `json:"bureau"`
	Places      string        `json:"places"`
	Label       string        `json:"label,omitempty"`
	Countries   []jsonCountry `json:"countries"`
	Unresolved  []string      `json:"unresolved,omitempty"`
	Scope       string        `json:"scope"`
	Implementer string        `json:"implementer"`
	Acronym     string        `json:"implementer_acronym,omitempty"`
	Amount      string        `json:"amount"`
	EndDate     string        `json:"end_date"`
	Description string        `json:"description"`
	Line        int           `json:"line"`
}

// MarshalJSON writes the project with stable snake_case names, the amount
// as a string with two decimals ("394750.00", never a float), the end date
// in ISO form, and countries as ISO3 codes with names.
func (p Project) MarshalJSON() ([]byte, error) {
	j := jsonProject{Section: p.Section, Places: p.Places, Label: p.Label, Unresolved: p.Unresolved, Scope: p.Scope().String(),
		Implementer: p.Implementer.Name, Acronym: p.Implementer.Acronym, Amount: tip.FormatAmount(p.Amount),
		EndDate: p.EndDate.String(), Description: p.Description, Line: p.Pos.Line, Countries: []jsonCountry{}}
	if p.Bureau != tip.BureauUnknown {
		j.Bureau = p.Bureau.String()
	}
	for _, c := range p.Countries {
		j.Countries = append(j.Countries, jsonCountry{c.ISO3(), c.Name()})
	}
	return json.Marshal(j)
}

type jsonListing struct {
	Source           string        `json:"source,omitempty"`
	AsOf             string        `json:"as_of"`
	ClaimedProjects  int           `json:"claimed_projects"`
	ClaimedCountries int           `json:"claimed_countries"`
	ClaimedAmount    string        `json:"claimed_amount"`
	Sections         []string      `json:"sections"`
	Projects         []Project     `json:"projects"`
	Findings         []tip.Finding `json:"findings"`
}

// MarshalJSON writes the listing with the same conventions as Project:
// snake_case names, amounts as strings with two decimals, ISO dates.
func (l Listing) MarshalJSON() ([]byte, error) {
	return json.Marshal(jsonListing{Source: l.Source, AsOf: l.AsOf.String(), ClaimedProjects: l.ClaimedProjects, ClaimedCountries: l.ClaimedCountries,
		ClaimedAmount: tip.FormatAmount(l.ClaimedAmount), Sections: l.Sections, Projects: l.Projects, Findings: l.Findings})
}
