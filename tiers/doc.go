// Package tiers reads the tier placements of the State Department's
// Trafficking in Persons (TIP) Report, keeps them as a multi-year History,
// and applies the Trafficking Victims Protection Act's rules to it.
//
// A report prints its placements as bulleted lists under tier headings,
// copied from a web page with non-breaking spaces and misprints:
//
//	Tier 2
//
//	  • Togo
//	  • Tongo
//	  • Turkey\u00a0
//
// ParseReportLax turns that into Placements with their positions (Tongo
// becomes Tonga through tip.DefaultErrata, with a Finding that says so);
// ParseReport refuses it with a positioned *tip.ParseError. The same
// headings in the report's "A Guide to the Tiers" are followed by prose and
// are not read as lists.
//
// Default returns the embedded history: the 2023 report (seed 003) parsed
// lax, with the corrections the other sources agree on applied as findings,
// plus the reference placements of 2001–2025 with each year's completeness.
// Every Placement says how it is known (its Basis: observed, transcribed,
// implied by the next report, or derived from counts) and the file it comes
// from; History.At tells a placement from an absence a source states, from
// a gap no source settles (unknown) and from an entity that did not exist
// that year; the rules read a country's year the same way. A finding of
// Check, or a denial of Eligible, that rests on a placement inferred rather
// than read (Basis.Inferred) says so: "(rests on the derived 2022 Tier 2
// row)". Default returns a deep copy on every call.
//
//	h := tiers.Default()
//	e := tiers.Eligible(h, tip.MustLookupCountry("Malaysia"), 2026)
//	fmt.Println(e.Allowed, e.Denied)
//
// # Rules as data
//
// The TVPA's rules are values. DefaultRules returns them as the statute's
// history (data/STATUTE.md): a Rule for each version of a provision, with
// its ID, Kind, citation, text, the report years it was in force, and the
// figures it sets: the consecutive Watch List years that trigger the
// automatic downgrade, the report year their count starts, the years the
// downgrade may be waived, the Watch List years allowed after a waiver
// and a downgrade. The checking code holds none of them: Check, Eligible,
// SpecialWatchList and Restricted apply each rule by its Kind, with its
// figures, in the years it is in force, and each finding and each
// Denial names the rule version it comes from and its citation.
//
// The package functions apply DefaultRules; the Rules methods of the same
// names apply any set. DefaultRules returns a new copy at each call, so a
// copy may be edited to ask what a change in the law would change:
//
//	// A hypothetical amendment: no waiver of the downgrade from the 2027 report.
//	rs := tiers.DefaultRules().Amend(2027, func(r *tiers.Rule) { r.Waivers = 0 })
//	e := rs.Eligible(h, c, 2027) // rs answers as DefaultRules for every year before 2027
//
// # A country year by year, for panels
//
// A panel of country × year needs each country's own year before, never
// the row above in a table sorted by year. History.Previous, History.Move
// and History.YearsInReport answer for one country; WatchListRun,
// AutoDowngrade (a Tier 3 that is the automatic downgrade: DowngradeKind),
// OnSpecialWatchList and IsRestricted say what the rules make of its
// year, each with whether it is known; Changes lists every change of
// place, an event of an event-history model:
//
//	n, ok := tiers.WatchListRun(h, c, 2012)   // 4, true for Russia: its run to 2012 as the downgrade rule counts it
//	d, rule := tiers.AutoDowngrade(h, c, 2013) // DowngradeAutomatic, the rule version it rests on
//	for _, ch := range tiers.Changes(h, 2001, 2025) { … } // upgrade, downgrade, automatic downgrade, entry, exit
//
// Every rule version carries the figures it reads, so dropping one from a
// Rules value removes exactly its findings and its denials, and a Rules
// value with every rule out of force finds nothing. Finding.Rule of a
// check is always one of AllRuleIDs.
//
// # Strict and lax
//
// ParseReport fails with a positioned *tip.ParseError on anything it does
// not understand; ParseReportLax reads past it and says so in
// Report.Findings. ParseReportWith takes a tip.ParseOptions (the source
// name errors carry, strict or lax, the errata). Either mode fails on text
// that is not text, a failed read, input that holds no part of a report,
// and more than tip.MaxErrors problems, where it stops reading.
//
// # Findings
//
// A lax parse reports what it read past as findings with these rules,
// exactly (a test holds this list to what the parser emits):
//
//   - "tip/erratum" (warning): a misprint read through the errata ("Tongo"
//     for Tonga), kept as the country it means.
//   - "tiers/unresolved-name": a name that names no country, kept with a
//     zero Country.
//   - "tiers/one-placement": a country on two tiers; both placements are
//     kept (22 U.S.C. 7107(b)(1): one tier a year).
//   - "tiers/empty-item": a bullet with no name.
//   - "tiers/law-row": a row of the law enforcement table that does not
//     read; not kept.
//   - "tiers/state-sponsored-count": the policy or pattern list names
//     another number of governments than its introduction says.
//   - "tiers/report-year": the title's year is out of range (1990–2100);
//     Report.Year stays zero.
//
// All but the first have Severity Error. Check, Validate and Default
// report rules of their own; AllRuleIDs lists every rule of the package,
// that is all but "tip/erratum", which is tip's in every package.
package tiers
