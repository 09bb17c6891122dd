package main

import (
	"github.com/tipkit/tipkit/cspa"
	"github.com/tipkit/tipkit/grants"
	"github.com/tipkit/tipkit/tiers"
	"github.com/tipkit/tipkit/tip"
)

// A countryYear is everything the panel prints about one country in one
// report year, each value from an exported tipkit function, so that a Go
// program gets the same numbers. The columns only format it.
type countryYear struct {
	Country tip.Country
	Year    tip.ReportYear

	Placement tiers.Placement // History.At
	Status    tiers.Status
	Prev      tiers.Placement // History.Previous: the country's own year before
	PrevKnown bool            // the year before is placed or out of the report, not unknown
	Move      tiers.Move      // History.Move

	Waiver              bool // History.Waived
	WatchYears          int  // tiers.WatchListRun
	WatchKnown          bool
	Downgrade           tiers.DowngradeKind // tiers.AutoDowngrade
	Next                tiers.Eligibility   // tiers.Eligible for the year after
	SpecialWatch        bool                // tiers.OnSpecialWatchList
	SpecialWatchKnown   bool
	Restricted          bool // tiers.IsRestricted in the next fiscal year
	RestrictedKnown     bool
	YearsInReport       int // History.YearsInReport
	YearsInReportKnown  bool
	StateSponsored      bool // the year's documented "policy or pattern" list
	StateSponsoredKnown bool
	ProtocolParty       bool // the embedded report's Protocol list
	ProtocolPartyKnown  bool
	CSPA                cspaYear
	Projects            grants.CountryTotal      // the 2021 listing: Listing.ByCountry
	Awards              grants.CountryYearAwards // AwardSet.ForReportYear
	AwardsKnown         bool
}

// sources is the data the panel reads, each from its package's Default.
type sources struct {
	history  *tiers.History
	cspa     *cspa.Data
	report   *tiers.Report
	projects map[tip.Country]grants.CountryTotal
	awards   *grants.AwardSet
}

func loadSources() *sources {
	s := &sources{history: tiers.Default(), cspa: cspa.Default(), report: tiers.DefaultReport(), awards: grants.DefaultAwards(),
		projects: map[tip.Country]grants.CountryTotal{}}
	for _, ct := range grants.Default().ByCountry() {
		s.projects[ct.Country] = ct
	}
	return s
}

// countryYear reads what the sources say of country c in report year y.
func (s *sources) countryYear(c tip.Country, y tip.ReportYear) countryYear {
	h := s.history
	r := countryYear{Country: c, Year: y}
	r.Placement, r.Status = h.At(c, y)
	var prevStatus tiers.Status
	r.Prev, prevStatus = h.Previous(c, y)
	_, r.PrevKnown = prevStatus.InReport()
	r.Move = h.Move(c, y)
	r.Waiver = h.Waived(c, y)
	r.WatchYears, r.WatchKnown = tiers.WatchListRun(h, c, y)
	r.Downgrade, _ = tiers.AutoDowngrade(h, c, y)
	r.Next = tiers.Eligible(h, c, y+1)
	r.SpecialWatch, r.SpecialWatchKnown = tiers.OnSpecialWatchList(h, c, y)
	r.Restricted, r.RestrictedKnown = tiers.IsRestricted(h, c, y.RestrictionYear())
	r.YearsInReport, r.YearsInReportKnown = h.YearsInReport(c, y)
	if yr := h.Year(y); yr != nil && yr.StateSponsored != nil {
		r.StateSponsoredKnown = true
		for _, x := range yr.StateSponsored {
			r.StateSponsored = r.StateSponsored || x == c
		}
	}
	if y == s.report.Year && r.Status == tiers.StatusPlaced {
		r.ProtocolParty, r.ProtocolPartyKnown = true, true
		for _, l := range s.report.NotProtocolParty {
			if l.Country == c {
				r.ProtocolParty = false
			}
		}
	}
	r.CSPA = cspaOf(s.cspa, c, y)
	if y == 2021 { // the listing is "as of October 1, 2021"
		r.Projects = s.projects[c]
	}
	r.Awards, r.AwardsKnown = s.awards.ForReportYear(c, y)
	return r
}

// panelRows returns the panel's rows: every country of countries (tip's
// table of the entities the reports place, in its order) and report year
// from from to to.
func (s *sources) panelRows(countries []tip.Country, from, to tip.ReportYear) []countryYear {
	rows := make([]countryYear, 0, len(countries)*int(to-from+1))
	for _, c := range countries {
		for y := from; y <= to; y++ {
			rows = append(rows, s.countryYear(c, y))
		}
	}
	return rows
}

// moveRows returns the changes of place into the report years from from
// to to: tiers.Changes, one row per country and year of change.
func (s *sources) moveRows(from, to tip.ReportYear) []tiers.Change {
	return tiers.Changes(s.history, from, to)
}
