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
// that year. Default returns a deep copy on every call.
// Check, Eligible, SpecialWatchList and Restricted apply the rules, which
// are values (Rules) with their citation and the report years they are in
// force, so that a finding can name the rule and version it comes from.
//
//	h := tiers.Default()
//	e := tiers.Eligible(h, tip.MustLookupCountry("Malaysia"), 2026)
//	fmt.Println(e.Allowed)
package tiers
