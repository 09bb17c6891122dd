package tiers

import (
	"slices"

	"github.com/tipkit/tipkit/tip"
)

// A Placement is one country's tier in one report.
type Placement struct {
	Country tip.Country    // zero if the name did not resolve (lax parse only)
	Name    string         // as written: "Korea, Democratic People’s Republic of", "Tongo"
	Year    tip.ReportYear // the report
	Tier    Tier
	Waiver  bool         // the automatic downgrade to Tier 3 was waived this year (22 U.S.C. 7107(b)(2)(D)(ii))
	Basis   Basis        // how Source knows it: observed (ParseReport reads a report), transcribed, implied, derived
	Source  string       // the file the row comes from: "seed 003", "years/2010.txt", "fills/2022-derived.txt"
	Pos     tip.Position // of the name in Source
}

// A Listed is one country of a list a report carries besides the tiers: the
// state-sponsored governments, the countries not party to the UN TIP Protocol.
type Listed struct {
	Country tip.Country // zero if the name did not resolve (lax parse only)
	Name    string      // as written
	Pos     tip.Position
}

// A Count is a law-enforcement figure with its labor-trafficking share, as
// the report prints it: "14,939 (1,038)" is Total 14939, Labor 1038.
type Count struct {
	Total int
	Labor int
}

// A LawEnforcementYear is one row of the report's Global Law Enforcement
// Data table.
type LawEnforcementYear struct {
	Year              int   // the calendar year the figures cover
	Prosecutions      Count // labor trafficking in Labor
	Convictions       Count
	VictimsIdentified Count
	NewLegislation    int // new or amended laws
	Pos               tip.Position
}

// A Report is what tipkit reads from one TIP Report's text.
type Report struct {
	Year       tip.ReportYear // from the title: "2023 Trafficking in Persons Report"
	Placements []Placement    // in the order printed: Tier 1, Tier 2, Watch List, Tier 3, Special Case
	// StateSponsored holds the governments with a documented "policy or
	// pattern" of trafficking (22 U.S.C. 7107(b)(3)(B)), listed since 2020.
	StateSponsored []Listed
	// StateSponsoredClaimed is the count the report states for that list
	// ("the following 11 governments"), 0 if it states none.
	StateSponsoredClaimed int
	NotProtocolParty      []Listed             // not party to the UN TIP Protocol
	LawEnforcement        []LawEnforcementYear // oldest first
	Findings              []tip.Finding        // what the lax parse tolerated; nil from ParseReport
}

// Clone returns a deep copy of r: changing the copy leaves r as it was.
func (r *Report) Clone() *Report {
	if r == nil {
		return nil
	}
	out := *r
	out.Placements = slices.Clone(r.Placements)
	out.StateSponsored = slices.Clone(r.StateSponsored)
	out.NotProtocolParty = slices.Clone(r.NotProtocolParty)
	out.LawEnforcement = slices.Clone(r.LawEnforcement)
	out.Findings = slices.Clone(r.Findings)
	return &out
}

// PlacementsOf returns the country's placements in the report: usually one,
// two if the report prints it twice (seed 003 has Montenegro on Tier 2 and
// on the Watch List), none if it is not there.
func (r *Report) PlacementsOf(c tip.Country) []Placement {
	var out []Placement
	for _, p := range r.Placements {
		if p.Country == c {
			out = append(out, p)
		}
	}
	return out
}

// Count returns the number of placements on tier t.
func (r *Report) Count(t Tier) int {
	n := 0
	for _, p := range r.Placements {
		if p.Tier == t {
			n++
		}
	}
	return n
}

// Countries returns the countries on tier t, in report order.
func (r *Report) Countries(t Tier) []tip.Country {
	var out []tip.Country
	for _, p := range r.Placements {
		if p.Tier == t {
			out = append(out, p.Country)
		}
	}
	return out
}
