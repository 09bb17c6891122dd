package grants

import (
	"encoding/json"

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

// A Listing is the TIP Office's project listing: its header's claims, its
// sections and its projects.
type Listing struct {
	// Source names the document in positions and findings: "listing" for
	// the parsers unless tip.ParseOptions.Source names it, "seed 000" for
	// Default.
	Source string
	AsOf   tip.Date // "As of October 1, 2021"
	// The header's claims, lower bounds as the office words them: "110 …
	// projects in over 95 countries worth more than $245 million".
	ClaimedProjects  int
	ClaimedCountries int
	ClaimedAmount    decimal.Decimal
	Sections         []string // headings in order of first appearance, including those with no projects
	Projects         []Project
	// Findings are what the parse noted: in a lax parse every mess it
	// read past (an erratum, a plural label with one country); in either,
	// blank lines inside a record. Sorted by position.
	Findings []tip.Finding
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
