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
// Check, Eligible, SpecialWatchList and Restricted apply the rules, which
// are values (Rules) with their citation and the report years they are in
// force, so that a finding can name the rule and version it comes from.
//
//	h := tiers.Default()
//	e := tiers.Eligible(h, tip.MustLookupCountry("Malaysia"), 2026)
//	fmt.Println(e.Allowed)
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
// All but the first have Severity Error. Check and Default report rules of
// their own (Rules).
package tiers
