package main

import (
	"strconv"

	"github.com/tipkit/tipkit/cspa"
	"github.com/tipkit/tipkit/tiers"
	"github.com/tipkit/tipkit/tip"
)

// A column is one column of a table, defined once: the CSV header, the
// JSON key and type, the Data Package field and the codebook entry all
// come from it.
type column[R any] struct {
	Name string
	// Type is the Table Schema type: "string", "integer", "number" or
	// "boolean". JSON writes integers and numbers as numbers, booleans as
	// booleans, except Decimal columns.
	Type string
	// Decimal marks a money amount: a number with two decimals in CSV and
	// in the schema, a string in JSON, so that no reader makes it a float.
	Decimal bool
	// Enum lists the values of a coded column, in their order.
	Enum []string
	// Always: the column is written on every row, even one of an entity
	// that did not exist that year, whose other cells are empty.
	Always bool
	// Required: the cell is never empty.
	Required bool
	Meaning  string // what the column holds
	Values   string // its values, where Enum does not say it all
	Missing  string // when the cell is empty
	Source   string // the tipkit function, rule or data it comes from
	Cell     func(*R) string
}

// A table is one of the tables the command writes.
type table[R any] struct {
	Name        string   // the file's base name and the Data Package resource's name
	Title       string   // one line
	Description string   // what a row is
	Key         []string // the columns that identify a row
	Columns     []column[R]
	Rows        []R
}

// Cell writers: "" is unknown.

func boolCell(v, known bool) string {
	if !known {
		return ""
	}
	return strconv.FormatBool(v)
}

func intCell(n int, known bool) string {
	if !known {
		return ""
	}
	return strconv.Itoa(n)
}

// tierCell writes a tier as the report does; "" for the zero Tier.
func tierCell(t tiers.Tier) string { return t.String() }

// scoreCell writes Kelley's score of a tier: "" for Special Case and unknown.
func scoreCell(t tiers.Tier) string {
	s, ok := t.Score()
	if !ok {
		return ""
	}
	return strconv.FormatFloat(s, 'f', -1, 64)
}

// placed is the tier of a placed row, the zero Tier otherwise.
func (r *countryYear) placed() tiers.Tier {
	if r.Status != tiers.StatusPlaced {
		return tiers.TierUnknown
	}
	return r.Placement.Tier
}

var tierEnum = []string{"Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3", "Special Case"}

const tierOrder = "Ordered from best to worst: Tier 1 < Tier 2 < Tier 2 Watch List < Tier 3. Special Case is not a rank (the country is not ranked that year) and stands outside the order: it is listed last, set it aside before using the order."

// moveWords are the panel's words for tiers.MoveKind.
var moveWords = map[tiers.MoveKind]string{
	tiers.MoveSame: "same", tiers.MoveUp: "up", tiers.MoveDown: "down",
	tiers.MoveEntry: "entered", tiers.MoveExit: "exited", tiers.MoveUnranked: "unranked",
}

// panelColumns are the panel's columns, in order: those of the first
// panel, then the researchers' variables (issue 19), then the awards.
func panelColumns() []column[countryYear] {
	return []column[countryYear]{
		{Name: "country", Type: "string", Always: true, Required: true,
			Meaning: "The State Department's short name of the country or territory.",
			Values:  `"Congo, Republic of the", "Burma", "Türkiye"…`, Missing: "never",
			Source: "tip.Country.Name (tip's country table)",
			Cell:   func(r *countryYear) string { return r.Country.Name() }},
		{Name: "iso3", Type: "string", Always: true, Required: true,
			Meaning: "ISO 3166-1 alpha-3 code; with year, the row's key.",
			Values:  "Three capital letters; Kosovo is XKX (user-assigned), Serbia and Montenegro SCG, the Netherlands Antilles ANT.", Missing: "never",
			Source: "tip.Country.ISO3",
			Cell:   func(r *countryYear) string { return r.Country.ISO3() }},
		{Name: "genc3", Type: "string", Always: true,
			Meaning: "GENC code, the US government's standard (USAspending writes it).",
			Values:  "Three capital letters; Kosovo is XKS.", Missing: "entities that ended before GENC: the Netherlands Antilles, Serbia and Montenegro",
			Source: "tip.Country.GENC3",
			Cell:   func(r *countryYear) string { return r.Country.GENC3() }},
		{Name: "cow", Type: "integer", Always: true,
			Meaning: "Correlates of War state code, for joins with political-science data.",
			Missing: "the entity has no COW code: Aruba, Curaçao, Hong Kong, Macau, the Netherlands Antilles, Sint Maarten",
			Source:  "tip.Country.COW",
			Cell: func(r *countryYear) string {
				return intCell(r.Country.COW(), r.Country.COW() != 0)
			}},
		{Name: "bureau", Type: "string", Always: true, Enum: []string{"AF", "EAP", "EUR", "NEA", "SCA", "WHA"},
			Meaning: "The State Department regional bureau the report files the country under.",
			Missing: "the country table has no bureau for it (the United States)",
			Source:  "tip.Country.Bureau",
			Cell: func(r *countryYear) string {
				if r.Country.Bureau() == tip.BureauUnknown {
					return ""
				}
				return r.Country.Bureau().String()
			}},
		{Name: "year", Type: "integer", Always: true, Required: true,
			Meaning: "TIP Report year: the report published that year, covering April 1 of the year before to March 31.",
			Values:  "2001–2025", Missing: "never",
			Source: "tip.ReportYear",
			Cell:   func(r *countryYear) string { return strconv.Itoa(int(r.Year)) }},
		{Name: "status", Type: "string", Always: true, Required: true, Enum: []string{"placed", "absent", "unknown", "nonexistent"},
			Meaning: "What the sources say of the country in the year's report.",
			Values: "placed: it has a placement (Special Case included). absent: a source says it is not in the report (the year's full lists, the research panel's NA, or a statement such as \"the 2010 report is the first to rank the United States\"). " +
				"unknown: no source says either. nonexistent: the entity did not exist that year (Serbia and Montenegro after 2006, the Netherlands Antilles after 2010, South Sudan before 2012…); every cell of such a row but the identity columns, status and move is empty.",
			Missing: "never",
			Source:  "tiers.History.At (tiers.Default(); the completeness of each year: tiers/data/PROVENANCE.md)",
			Cell:    func(r *countryYear) string { return r.Status.String() }},
		{Name: "tier", Type: "string", Enum: tierEnum,
			Meaning: "The year's placement. " + tierOrder,
			Missing: "the row is not placed (status absent, unknown or nonexistent)",
			Source:  "tiers.History.At",
			Cell:    func(r *countryYear) string { return tierCell(r.placed()) }},
		{Name: "tier_score", Type: "number",
			Meaning: "The tier as a number, the code of Kelley's Scorecard Diplomacy panel: higher is worse.",
			Values:  "1 (Tier 1), 2 (Tier 2), 2.5 (Tier 2 Watch List), 3 (Tier 3)",
			Missing: "Special Case (not a rank: averaging it in as a number is the classic mistake), and every row not placed",
			Source:  "tiers.Tier.Score",
			Cell:    func(r *countryYear) string { return scoreCell(r.placed()) }},
		{Name: "waiver", Type: "boolean",
			Meaning: "A waiver of the automatic downgrade to Tier 3 is documented for the year (22 U.S.C. 7107(b)(2)(D)(ii)).",
			Values:  "true", Missing: "no waiver is documented: no document found is not proof of none, so false is never written",
			Source: "tiers.History.Waived (tiers/data/waivers.md, graded by source)",
			Cell: func(r *countryYear) string {
				if r.Waiver {
					return "true"
				}
				return ""
			}},
		{Name: "cspa_listed", Type: "boolean",
			Meaning: "On the year's Child Soldiers Prevention Act list.",
			Missing: "before 2010; the 2025 list (not found); and a country not on the partial 2012 list (5 of its 7 governments are known), where only true is known",
			Source:  "cspa.Data.Listed (cspa.Default(): the lists of 2010–2025)",
			Cell:    func(r *countryYear) string { return boolCell(r.CSPA.Listed, r.CSPA.ListedKnown) }},
		{Name: "state_sponsored", Type: "boolean",
			Meaning: "The report documents a government \"policy or pattern\" of trafficking (state-sponsored trafficking, 22 U.S.C. 7107(b)(3)(B)).",
			Missing: "every year whose report tipkit does not embed: all but 2023",
			Source:  "tiers.Year.StateSponsored (the 2023 report, seed 003)",
			Cell:    func(r *countryYear) string { return boolCell(r.StateSponsored, r.StateSponsoredKnown) }},
		{Name: "protocol_party", Type: "boolean",
			Meaning: "Party to the UN TIP (Palermo) Protocol, per the report.",
			Missing: "every year but 2023, and 2023 rows not placed",
			Source:  "tiers.Report.NotProtocolParty (tiers.DefaultReport(), the 2023 report)",
			Cell:    func(r *countryYear) string { return boolCell(r.ProtocolParty, r.ProtocolPartyKnown) }},
		{Name: "projects", Type: "integer",
			Meaning: "TIP Office projects naming the country in the project listing as of October 1, 2021.",
			Missing: "every year but 2021, and 2021 rows no listed project names: the listing shows 84 of the 110 projects it claims, so 0 is not known",
			Source:  "grants.Listing.ByCountry (grants.Default(), seed 000)",
			Cell: func(r *countryYear) string {
				return intCell(r.Projects.Projects, r.Projects.Projects > 0)
			}},
		{Name: "project_amount", Type: "number", Decimal: true,
			Meaning: "The full amounts of those projects in US dollars, two decimals; a regional project counts in full for each of its countries.",
			Missing: "where projects is empty",
			Source:  "grants.CountryTotal.Amount",
			Cell: func(r *countryYear) string {
				if r.Projects.Projects == 0 {
					return ""
				}
				return tip.FormatAmount(r.Projects.Amount)
			}},
		{Name: "source", Type: "string",
			Meaning: "The file of tipkit's data the placement comes from.",
			Values:  "seed 003, years/2010.txt, extra/2004.txt, fills/2022-derived.txt, …",
			Missing: "the row is not placed",
			Source:  "tiers.Placement.Source",
			Cell: func(r *countryYear) string {
				if r.Status != tiers.StatusPlaced {
					return ""
				}
				return r.Placement.Source
			}},
		{Name: "basis", Type: "string", Enum: []string{"observed", "transcribed", "implied", "derived"},
			Meaning: "How the placement is known.",
			Values:  "observed: the report itself or an official document. transcribed: a third party's copy or coding (a research dataset, the CIA World Factbook, the press). implied: the next report's narrative (\"remained on Tier 2\"). derived: inferred from counts and movements, not read anywhere.",
			Missing: "the row is not placed",
			Source:  "tiers.Placement.Basis",
			Cell: func(r *countryYear) string {
				if r.Status != tiers.StatusPlaced {
					return ""
				}
				return r.Placement.Basis.String()
			}},

		// The researchers' variables (issue 19).
		{Name: "in_report", Type: "boolean",
			Meaning: "The country is in the year's report: placed on a tier or as a Special Case.",
			Values:  "true (status placed), false (status absent)",
			Missing: "status unknown, and nonexistent rows",
			Source:  "tiers.Status.InReport of tiers.History.At",
			Cell: func(r *countryYear) string {
				in, known := r.Status.InReport()
				return boolCell(in, known)
			}},
		{Name: "tier_prev", Type: "string", Enum: tierEnum,
			Meaning: "The same country's tier in the report year before: its own lag, never another country's row. " + tierOrder,
			Missing: "the country is not placed the year before (absent, unknown or nonexistent then), and in 2001, the first report",
			Source:  "tiers.History.Previous (History.At(country, year-1))",
			Cell: func(r *countryYear) string {
				if !r.PrevKnown {
					return ""
				}
				return tierCell(r.Prev.Tier)
			}},
		{Name: "tier_score_prev", Type: "number",
			Meaning: "tier_score of tier_prev.",
			Values:  "1, 2, 2.5, 3",
			Missing: "tier_prev is empty or Special Case",
			Source:  "tiers.History.Previous, tiers.Tier.Score",
			Cell: func(r *countryYear) string {
				if !r.PrevKnown {
					return ""
				}
				return scoreCell(r.Prev.Tier)
			}},
		{Name: "move", Type: "string", Always: true, Enum: []string{"up", "down", "same", "entered", "exited", "unranked"},
			Meaning: "How the country moved from the year before to this year.",
			Values:  "up: a better ranked tier. down: a worse one. same: the same tier (Special Case both years included). entered: into the report from a year it was absent from it or did not exist. exited: out of it. unranked: to or from Special Case, neither up nor down.",
			Missing: "either year is unknown for the country (a gap in the data is neither an entry nor an exit), the country is in neither year's report, and 2001. It is written on a nonexistent row too: exited in the first year an entity no longer existed",
			Source:  "tiers.History.Move (entered is MoveEntry, exited MoveExit)",
			Cell:    func(r *countryYear) string { return moveWords[r.Move.Kind] }},
		{Name: "watch_years", Type: "integer",
			Meaning: "Consecutive Tier 2 Watch List years ending with this year, counted as the automatic-downgrade rule counts them: from the 2009 report, the first after December 23, 2008 (P.L. 110-457); a waived year counts. 0 where the country is not on the Watch List.",
			Missing: "before 2009 (the statute counted no Watch List years), and where a year of the run is unknown, so that the run may be longer",
			Source:  "tiers.WatchListRun (the rule's CountFrom in tiers.DefaultRules)",
			Cell:    func(r *countryYear) string { return intCell(r.WatchYears, r.WatchKnown) }},
		{Name: "auto_downgrade", Type: "boolean",
			Meaning: "This year's Tier 3 is the statute's automatic downgrade (22 U.S.C. 7107(b)(2)(D)(i)) for certain: it follows a Watch List run that used the two years and every waiver the rule in force allows (four years to the 2018 report, three from 2019).",
			Values:  "true: the automatic downgrade. false: not Tier 3, or Tier 3 after a shorter run, or a year before the rule (2009).",
			Missing: "Tier 3 after a run that reached two years while a waiver was still possible (automatic or on the merits: the data cannot tell), or whose earlier years are unknown; and rows whose year is unknown",
			Source:  "tiers.AutoDowngrade (DowngradeAutomatic is true, DowngradeNone false; the answer Check's tiers/auto-downgrade finding gives)",
			Cell: func(r *countryYear) string {
				switch r.Downgrade {
				case tiers.DowngradeAutomatic:
					return "true"
				case tiers.DowngradeNone:
					return "false"
				}
				return ""
			}},
		{Name: "waiver_available_next", Type: "boolean",
			Meaning: "In next year's report a Tier 2 Watch List placement would need a waiver of the automatic downgrade, and one may still be granted under the rule in force (and no other rule denies the Watch List).",
			Missing: "the Watch List run before next year is not certain (a year of it is unknown), and nonexistent rows",
			Source:  "tiers.Eligible(h, country, year+1).WaiverAvailable",
			Cell:    func(r *countryYear) string { return boolCell(r.Next.WaiverAvailable, r.Next.WatchListCertain) }},
		{Name: "special_watch", Type: "boolean",
			Meaning: "On the year's special watch list (22 U.S.C. 7107(b)(2)(A)) as computed from the tiers: upgraded from Tier 2 to Tier 1, upgraded from Tier 3, or on the Tier 2 Watch List. 2023 computes to the 28 the State Department published.",
			Missing: "before 2004 (no such list); the year is unknown for the country; or it is on Tier 1 or Tier 2 and its year before is unknown, so an upgrade cannot be ruled out",
			Source:  "tiers.OnSpecialWatchList (tiers.SpecialWatchList)",
			Cell:    func(r *countryYear) string { return boolCell(r.SpecialWatch, r.SpecialWatchKnown) }},
		{Name: "restricted_next_fy", Type: "boolean",
			Meaning: "The TVPA's Tier 3 assistance restrictions apply to the government in the fiscal year starting October 1 of the report year, unless the President waives them (22 U.S.C. 7107(d)(1)): the country is on Tier 3.",
			Missing: "the year is unknown for the country, and nonexistent rows",
			Source:  "tiers.IsRestricted(h, country, year+1) (tiers.Restricted)",
			Cell:    func(r *countryYear) string { return boolCell(r.Restricted, r.RestrictedKnown) }},
		{Name: "cspa_barred_next_fy", Type: "boolean",
			Meaning: "The CSPA bars military assistance (IMET, FMF, EDA, PKO, DCS licenses) to the government in the fiscal year starting October 1 of the report year: it is on the year's CSPA list.",
			Missing: "where cspa_listed is empty",
			Source:  "cspa.Data.Prohibited(country, year+1)",
			Cell:    func(r *countryYear) string { return boolCell(r.CSPA.Barred, r.CSPA.BarredKnown) }},
		{Name: "cspa_waiver_next_fy", Type: "string", Enum: []string{"none", "partial", "full"},
			Meaning: "How far the presidential waivers for that fiscal year lift the CSPA bar.",
			Values:  "none: no waiver names the country. partial: some authorities, or within a limit (\"solely DCS in connection with the International Space Station\"). full: every barred authority.",
			Missing: "cspa_barred_next_fy is not true, or no waiver of that fiscal year is documented (FY2018–FY2020, FY2026), so none cannot be told from not found",
			Source:  "cspa.Data.WaiverScope (cspa.ScopeOf of cspa.Data.Prohibited)",
			Cell: func(r *countryYear) string {
				if r.CSPA.Scope == cspa.ScopeUnknown {
					return ""
				}
				return r.CSPA.Scope.String()
			}},
		{Name: "years_in_report", Type: "integer",
			Meaning: "The report years from 2001 to this one, this one included, in which the country is in the report (placed, Special Case included). A country that leaves and returns counts only its years in it.",
			Missing: "one of those years is unknown for the country: the 2001 and 2002 reports leave 99 and 92 countries unknown (no source gives their Special Case lists), so the count is empty for them in every year",
			Source:  "tiers.History.YearsInReport",
			Cell:    func(r *countryYear) string { return intCell(r.YearsInReport, r.YearsInReportKnown) }},

		// The TIP Office's awards (issue 17).
		{Name: "awards", Type: "integer",
			Meaning: "TIP Office awards (USAspending, assistance listing 19.019) performed in the country whose base obligation falls in the federal fiscal year that ends in the report year (FY2023, October 2022 to September 2023, with the 2023 report). A multi-country award counts for its place-of-performance code's country only; global and headquarters awards count for none.",
			Missing: "the fiscal year's record is not near-complete (award_coverage thin or partial: a lower bound, and a country with none is unknown), or not covered at all (before FY2010, after FY2023); 0 is written only where it is known",
			Source:  "grants.AwardSet.ForReportYear (grants.DefaultAwards(), the 248 awards; grants.ReportFiscalYear)",
			Cell:    func(r *countryYear) string { return intCell(r.Awards.Awards, r.AwardsKnown) }},
		{Name: "award_amount", Type: "number", Decimal: true,
			Meaning: "Those awards' amounts in US dollars, two decimals.",
			Missing: "where awards is empty",
			Source:  "grants.CountryYearAwards.Amount",
			Cell: func(r *countryYear) string {
				if !r.AwardsKnown {
					return ""
				}
				return tip.FormatAmount(r.Awards.Amount)
			}},
		{Name: "award_coverage", Type: "string", Enum: []string{"thin", "partial", "near-complete"},
			Meaning: "How complete USAspending's record of that fiscal year is.",
			Values:  "thin: FY2010–FY2016, 1–19 awards a year. near-complete: FY2017–FY2022. partial: FY2023, to August 3, 2023.",
			Missing: "years the record does not cover: before FY2010 and after FY2023",
			Source:  "grants.AwardSet.CoverageOf (grants/data/awards/PROVENANCE.md)",
			Cell: func(r *countryYear) string {
				if c := r.Awards.Coverage; c != 0 {
					return c.String()
				}
				return ""
			}},
	}
}

// moveColumns are the columns of the table of moves.
func moveColumns() []column[tiers.Change] {
	basis := func(b tiers.Basis) string {
		if b == tiers.BasisUnknown {
			return ""
		}
		return b.String()
	}
	return []column[tiers.Change]{
		{Name: "country", Type: "string", Always: true, Required: true,
			Meaning: "The State Department's short name of the country.", Missing: "never", Source: "tip.Country.Name",
			Cell: func(c *tiers.Change) string { return c.Country.Name() }},
		{Name: "iso3", Type: "string", Always: true, Required: true,
			Meaning: "ISO 3166-1 alpha-3 code; with year, the row's key.", Missing: "never", Source: "tip.Country.ISO3",
			Cell: func(c *tiers.Change) string { return c.Country.ISO3() }},
		{Name: "year", Type: "integer", Always: true, Required: true,
			Meaning: "The report year of the new place: the change is from the year before to this one.", Missing: "never", Source: "tiers.Change.Year",
			Cell: func(c *tiers.Change) string { return strconv.Itoa(int(c.Year)) }},
		{Name: "from", Type: "string", Enum: tierEnum,
			Meaning: "The tier the year before. " + tierOrder, Missing: "an entry: the country was not in the report", Source: "tiers.Change.From",
			Cell: func(c *tiers.Change) string { return tierCell(c.From) }},
		{Name: "to", Type: "string", Enum: tierEnum,
			Meaning: "The tier this year.", Missing: "an exit: the country is not in the report", Source: "tiers.Change.To",
			Cell: func(c *tiers.Change) string { return tierCell(c.To) }},
		{Name: "kind", Type: "string", Always: true, Required: true, Enum: []string{"upgrade", "downgrade", "automatic downgrade", "entry", "exit", "unranked"},
			Meaning: "The kind of change.",
			Values:  "upgrade, downgrade: to a better or worse ranked tier. automatic downgrade: to Tier 3, the statute's automatic downgrade for certain (see downgrade). entry: into the report from a year it was absent or did not exist. exit: out of it. unranked: to or from Special Case.",
			Missing: "never", Source: "tiers.Changes (tiers.ChangeKind)",
			Cell: func(c *tiers.Change) string { return c.Kind.String() }},
		{Name: "downgrade", Type: "string", Enum: []string{"automatic", "possible", "none"},
			Meaning: "For a move to Tier 3 from a ranked tier, whether it is the automatic downgrade after a Watch List run.",
			Values:  "automatic: the run used the two years and every waiver the rule allows. possible: the run reached two years while a waiver was still possible, so the downgrade was automatic or on the merits. none: a shorter run.",
			Missing: "the move is not to Tier 3 from a ranked tier, or the run before it is not known",
			Source:  "tiers.AutoDowngrade (tiers.Change.Downgrade)",
			Cell: func(c *tiers.Change) string {
				if c.Downgrade == tiers.DowngradeUnknown {
					return ""
				}
				return c.Downgrade.String()
			}},
		{Name: "rule", Type: "string",
			Meaning: "The rule version a possible or automatic downgrade rests on, with its citation.",
			Values:  "tiers/auto-downgrade of 2009 (22 U.S.C. 7107(b)(2)(D)(i)); … of 2019 after P.L. 115-427",
			Missing: "downgrade is not automatic or possible",
			Source:  "tiers.RuleRef (tiers.DefaultRules)",
			Cell:    func(c *tiers.Change) string { return c.Rule.String() }},
		{Name: "from_basis", Type: "string", Enum: []string{"observed", "transcribed", "implied", "derived"},
			Meaning: "How the placement of the year before is known: a change that rests on a derived placement is itself derived.",
			Missing: "an entry", Source: "tiers.Change.FromBasis",
			Cell: func(c *tiers.Change) string { return basis(c.FromBasis) }},
		{Name: "to_basis", Type: "string", Enum: []string{"observed", "transcribed", "implied", "derived"},
			Meaning: "How this year's placement is known.",
			Missing: "an exit", Source: "tiers.Change.ToBasis",
			Cell: func(c *tiers.Change) string { return basis(c.ToBasis) }},
	}
}
