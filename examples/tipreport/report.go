package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/cspa"
	"github.com/tipkit/tipkit/grants"
	"github.com/tipkit/tipkit/tiers"
	"github.com/tipkit/tipkit/tip"
)

// report is everything the program prints, as one value, so that text and
// JSON say the same. Years are numbers in JSON (tip's year types marshal
// as text, "2023", "FY2024"); lists of countries are in alphabetical order.
type report struct {
	Year         int      `json:"year"`
	Completeness string   `json:"completeness"`
	Sources      []string `json:"sources"`
	Countries    int      `json:"countries_in_table"`

	TierCounts     []tierCount    `json:"tier_counts"`
	ByBureau       []bureauCounts `json:"by_bureau"`
	StateSponsored []string       `json:"state_sponsored"` // nil: not embedded for the year
	CSPA           cspaSection    `json:"cspa"`
	Restricted     restricted     `json:"restricted"`
	Projects       projects       `json:"projects"`
	Awards         awardsSection  `json:"awards"`
	RuleFindings   []ruleCount    `json:"rule_findings"`      // tiers.Check over the whole history, by rule
	YearFindings   []string       `json:"rule_findings_year"` // those about this year, in full
	Findings       []docFinding   `json:"document_findings"`
}

type tierCount struct {
	Tier  string `json:"tier"`
	Count int    `json:"count"`
	Known bool   `json:"known_complete"`
	// ByBasis counts the placements by how they are known: "observed",
	// "transcribed", "implied", "derived" (inferred from counts, not read
	// in any report).
	ByBasis map[string]int `json:"by_basis"`
}

type bureauCounts struct {
	Bureau string         `json:"bureau"`
	Counts map[string]int `json:"counts"`
	Total  int            `json:"total"`
}

type cspaSection struct {
	Status    string   `json:"status"`
	Countries []string `json:"countries"`
	Source    string   `json:"source"`
}

type restriction struct {
	Country string   `json:"country"`
	ISO3    string   `json:"iso3"`
	Lifted  []string `json:"waived,omitempty"` // "IMET lifted", "DCS lifted in part"
}

type restricted struct {
	FiscalYear int           `json:"fiscal_year"`
	Tier3      []restriction `json:"tier3"` // nil: the year's Tier 3 list is not fully known
	Tier3Known bool          `json:"tier3_known"`
	CSPA       []restriction `json:"cspa"`
}

type group struct {
	Key      string `json:"key"`
	Projects int    `json:"projects"`
	Amount   string `json:"amount"`
}

// projects is the one project listing tipkit embeds, whatever the year
// asked: it is described as of its own date, and compared with the tiers
// and CSPA list in force on that date (TiersYear), never with another
// year's.
type projects struct {
	Note          string   `json:"note"`
	AsOf          tip.Date `json:"as_of"`
	TiersYear     int      `json:"tiers_year"` // the report whose lists were in force on AsOf
	Listed        int      `json:"listed"`
	Total         string   `json:"total"`
	Claimed       string   `json:"claimed"`
	ByBureau      []group  `json:"by_bureau"`
	TopImplement  []group  `json:"top_implementers"`
	InTier3       group    `json:"in_tier3_countries"`
	InWatchList   group    `json:"in_watch_list_countries"`
	InCSPA        group    `json:"in_cspa_countries"`
	HeadlineFacts []string `json:"program_page_facts"`
}

// awardsSection is the TIP Office's awards of the fiscal year joined to
// the report year (grants.ReportFiscalYear), from the embedded USAspending
// record; the figures are the year's only where Known.
type awardsSection struct {
	FiscalYear tip.FiscalYear `json:"fiscal_year"`
	Coverage   string         `json:"coverage"` // "near-complete", "thin", "partial", "unknown" (not in the record)
	Note       string         `json:"note,omitempty"`
	Known      bool           `json:"known"` // the figures are the year's, not lower bounds
	Awards     int            `json:"awards"`
	Amount     string         `json:"amount"`
	ByTier     []awardGroup   `json:"by_tier"` // by the place of performance's tier in the report year; global and headquarters work apart
	Top        []awardGroup   `json:"top_places"`
}

type awardGroup struct {
	Key    string `json:"key"`
	Awards int    `json:"awards"`
	Amount string `json:"amount"`
}

// buildAwards gathers the awards of report year y's fiscal year.
func buildAwards(h *tiers.History, y tip.ReportYear) awardsSection {
	s := grants.DefaultAwards()
	fy := grants.ReportFiscalYear(y)
	c := s.CoverageOf(fy)
	sec := awardsSection{FiscalYear: fy, Coverage: c.Coverage.String(), Note: c.Note, Known: c.Coverage.Known()}
	total := decimal.Zero
	byKey := map[string]*awardGroup{}
	sums := map[string]decimal.Decimal{}
	var keys []string
	add := func(key string, a *grants.Award) {
		if byKey[key] == nil {
			byKey[key] = &awardGroup{Key: key}
			sums[key] = decimal.Zero
			keys = append(keys, key)
		}
		byKey[key].Awards++
		sums[key] = sums[key].Add(a.Amount)
	}
	for i := range s.Awards {
		a := &s.Awards[i]
		if a.FiscalYear != fy {
			continue
		}
		sec.Awards++
		total = total.Add(a.Amount)
		key := "place unknown"
		if c, ok := a.InCountry(); ok {
			key = "tier unknown"
			if p, st := h.At(c, y); st == tiers.StatusPlaced {
				key = p.Tier.String()
			} else if st == tiers.StatusAbsent {
				key = "not in the report"
			}
		} else if a.Place == grants.PlaceGlobal {
			key = "global/HQ"
		}
		add(key, a)
	}
	sec.Amount = tip.FormatAmount(total)
	order := []string{"Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3", "Special Case", "not in the report", "tier unknown", "global/HQ", "place unknown"}
	for _, k := range order {
		if g := byKey[k]; g != nil {
			g.Amount = tip.FormatUSD(sums[k])
			sec.ByTier = append(sec.ByTier, *g)
		}
	}
	var places []grants.CountryYearAwards
	for _, g := range s.ByCountryYear() {
		if g.FiscalYear == fy && g.Place == grants.PlaceCountry {
			places = append(places, g)
		}
	}
	slices.SortStableFunc(places, func(a, b grants.CountryYearAwards) int { return b.Amount.Cmp(a.Amount) })
	for _, g := range places[:min(5, len(places))] {
		sec.Top = append(sec.Top, awardGroup{g.Country.Name(), g.Awards, tip.FormatUSD(g.Amount)})
	}
	return sec
}

type ruleCount struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Count    int    `json:"count"`
}

type docFinding struct {
	Document string `json:"document"`
	Finding  string `json:"finding"`
}

func build(y tip.ReportYear) (*report, error) {
	h := tiers.Default()
	yr := h.Year(y)
	if yr == nil {
		return nil, fmt.Errorf("no embedded report year %d (the history holds %d–%d)", y, h.Years[0].Year, h.Years[len(h.Years)-1].Year)
	}
	r := &report{Year: int(y), Completeness: yr.Completeness.Note, Sources: yr.Sources, Countries: len(tip.Countries())}
	ordered := []tiers.Tier{tiers.Tier1, tiers.Tier2, tiers.Tier2WatchList, tiers.Tier3, tiers.SpecialCase}
	count := map[tiers.Tier]int{}
	bases := map[tiers.Tier]map[string]int{}
	byB := map[tip.Bureau]map[string]int{}
	for _, p := range yr.Placements {
		count[p.Tier]++
		if bases[p.Tier] == nil {
			bases[p.Tier] = map[string]int{}
		}
		bases[p.Tier][p.Basis.String()]++
		b := p.Country.Bureau()
		if byB[b] == nil {
			byB[b] = map[string]int{}
		}
		byB[b][p.Tier.Code()]++
	}
	for _, t := range ordered {
		r.TierCounts = append(r.TierCounts, tierCount{Tier: t.String(), Count: count[t], Known: yr.Completeness.Knows(t), ByBasis: bases[t]})
	}
	for _, b := range append(tip.Bureaus(), tip.BureauUnknown) {
		if byB[b] == nil {
			continue
		}
		name := b.String()
		if b == tip.BureauUnknown {
			name = "none"
		}
		n := 0
		for _, v := range byB[b] {
			n += v
		}
		r.ByBureau = append(r.ByBureau, bureauCounts{Bureau: name, Counts: byB[b], Total: n})
	}
	for _, c := range yr.StateSponsored {
		r.StateSponsored = append(r.StateSponsored, c.Name())
	}
	slices.Sort(r.StateSponsored)

	cd := cspa.Default()
	if l := cd.List(y); l != nil {
		r.CSPA = cspaSection{Status: l.Status.String(), Source: l.Source}
		for _, g := range l.Governments {
			name := g.Name
			if g.Country != 0 {
				name = g.Country.Name()
			}
			r.CSPA.Countries = append(r.CSPA.Countries, name)
		}
		slices.Sort(r.CSPA.Countries)
	} else {
		r.CSPA.Status = "no list (the CSPA list starts in 2010)"
	}

	fy := y.RestrictionYear()
	r.Restricted.FiscalYear = int(fy)
	t3 := tiers.Restricted(h, fy)
	r.Restricted.Tier3Known = t3 != nil
	for _, c := range t3 {
		r.Restricted.Tier3 = append(r.Restricted.Tier3, restriction{Country: c.Name(), ISO3: c.ISO3()})
	}
	for _, c := range tip.Countries() {
		rs := cd.Prohibited(c, fy)
		if len(rs) == 0 {
			continue
		}
		x := restriction{Country: c.Name(), ISO3: c.ISO3()}
		full := true
		for _, rr := range rs {
			full = full && rr.Lift == cspa.Lifted
			if rr.Lift != cspa.NotLifted {
				x.Lifted = append(x.Lifted, rr.Authority.String()+" "+rr.Lift.String())
			}
		}
		if full {
			x.Lifted = []string{"all lifted (full waiver)"}
		}
		r.Restricted.CSPA = append(r.Restricted.CSPA, x)
	}
	byName := func(a, b restriction) int { return strings.Compare(a.Country, b.Country) }
	slices.SortFunc(r.Restricted.Tier3, byName)
	slices.SortFunc(r.Restricted.CSPA, byName)

	l := grants.Default()
	// The lists in force on the listing's date are those of the report
	// whose restrictions apply in that fiscal year.
	ly := tip.FiscalYearOf(l.AsOf).ReportYear()
	r.Projects = projects{AsOf: l.AsOf, TiersYear: int(ly), Listed: len(l.Projects), Total: tip.FormatUSD(l.Total()),
		Note:    fmt.Sprintf("the only project listing embedded (as of %s), shown for every year; compared with the lists of the %d report, in force on that date", l.AsOf, ly),
		Claimed: fmt.Sprintf("%d projects, over %d countries, more than %s", l.ClaimedProjects, l.ClaimedCountries, tip.FormatUSD(l.ClaimedAmount))}
	for _, g := range l.ByBureau() {
		key := g.Key
		if key == "" {
			key = "global (Global, Research, Training)"
		}
		r.Projects.ByBureau = append(r.Projects.ByBureau, group{key, g.Projects, tip.FormatUSD(g.Amount)})
	}
	for _, g := range l.ByImplementer()[:min(5, len(l.ByImplementer()))] {
		r.Projects.TopImplement = append(r.Projects.TopImplement, group{g.Key, g.Projects, tip.FormatUSD(g.Amount)})
	}
	touching := func(key string, in func(tip.Country) bool) group {
		g := group{Key: key}
		total := l.Total().Sub(l.Total())
		for _, p := range l.Projects {
			if slices.ContainsFunc(p.Countries, in) {
				g.Projects++
				total = total.Add(p.Amount)
			}
		}
		g.Amount = tip.FormatUSD(total)
		return g
	}
	onTier := func(t tiers.Tier) func(tip.Country) bool {
		return func(c tip.Country) bool { p, st := h.At(c, ly); return st == tiers.StatusPlaced && p.Tier == t }
	}
	r.Projects.InTier3 = touching("Tier 3", onTier(tiers.Tier3))
	r.Projects.InWatchList = touching("Tier 2 Watch List", onTier(tiers.Tier2WatchList))
	r.Projects.InCSPA = touching("CSPA list", func(c tip.Country) bool { ok, _ := cd.Listed(c, ly); return ok })
	for _, e := range grants.DefaultPages() {
		for _, f := range e.Page.Facts {
			if f.Kind == grants.FactTotal {
				r.Projects.HeadlineFacts = append(r.Projects.HeadlineFacts, fmt.Sprintf("%s:%v: %s %s", e.Name, f.Pos, f.Qualifier, tip.FormatUSD(f.Amount)))
			}
		}
	}

	r.Awards = buildAwards(h, y)

	counts := map[[2]string]int{}
	var keys [][2]string
	for _, f := range tiers.Check(h) {
		k := [2]string{f.Rule, f.Severity.String()}
		if counts[k] == 0 {
			keys = append(keys, k)
		}
		counts[k]++
		if f.Subject == fmt.Sprint(int(y)) {
			r.YearFindings = append(r.YearFindings, f.Severity.String()+": "+f.Message)
		}
	}
	slices.SortFunc(keys, func(a, b [2]string) int {
		if a[0] != b[0] {
			if a[0] < b[0] {
				return -1
			}
			return 1
		}
		return 0
	})
	for _, k := range keys {
		r.RuleFindings = append(r.RuleFindings, ruleCount{k[0], k[1], counts[k]})
	}

	add := func(doc string, fs []tip.Finding) {
		for _, f := range fs {
			r.Findings = append(r.Findings, docFinding{doc, f.String()})
		}
	}
	// The history's findings include those of the embedded 2023 report
	// (seed 003) as printed, and the corrections applied to it.
	add("tier history 2001–2025 and the 2023 TIP Report (seed 003)", h.Findings)
	add("CSPA lists and waivers", cd.Findings)
	add("project listing 2021 (seed 000)", l.Findings)
	add("project listing 2021 (seed 000), grants.Validate", grants.Validate(l))
	for _, e := range grants.DefaultPages() {
		add("program page ("+e.Name+")", e.Page.Findings)
	}
	add("USAspending awards under 19.019 ("+grants.AwardsSource+")", grants.DefaultAwards().Findings)
	return r, nil
}
