// Package cspa models the Child Soldiers Prevention Act (CSPA): the list
// of governments the TIP Report names each year, the child-soldier
// definition, the assistance the Act bars in the following fiscal year,
// and the waivers that lift it, wholly or in part.
//
// The TIP Report prints the list as bullets after an introducing line:
//
//	The 2023 CSPA List Includes Governments of the following countries:
//
//	  • Afghanistan
//	  • Democratic Republic of the Congo
//	  • Türkiye
//
// ParseList reads it into a List whose Governments are Listed entries:
// the country (Türkiye is tip's Turkey), the name as printed, its position.
// Parse405c reads the annual report under section 405(c): the countries in
// violation (Section 1), those for which nothing was planned (Section 2),
// the waivers with their date and authorities (Section 3: "waive in part …
// with respect to Somalia and Yemen to allow for the provision of IMET and
// PKO assistance and support provided pursuant to 10 U.S.C. 333"), and the
// assistance provided under them to the cent (Section 5).
//
// The list of report year Y bars assistance in fiscal year Y+1, which
// starts on October 1 of Y. Prohibited applies that rule:
//
//	d := cspa.Default()
//	for _, r := range d.Prohibited(tip.MustLookupCountry("Russia"), 2023) {
//		fmt.Println(r.Authority, r.Lift) // DCS lifted in part: solely for the International Space Station
//	}
//
// Data.WaiverScope sums that up in one word a country-year panel can hold
// (none, partial, full), and says "unknown" where no waiver of the year is
// documented, so that none is never a guess.
//
// Default embeds the lists of 2010–2025 with each year's status (full,
// partial, not found), so a country missing from a partial list is
// "unknown", not "not listed".
//
// # Strict and lax
//
// ParseList and Parse405c fail with a positioned *tip.ParseError on
// anything they do not understand; ParseListLax and Parse405cLax read past
// it and say so in the result's Findings. ParseListWith and Parse405cWith
// take a tip.ParseOptions (the source name errors carry, strict or lax,
// the errata). Either mode fails on text that is not text, a failed read,
// input that holds no list or report, and more than tip.MaxErrors
// problems, where it stops reading.
//
// # Findings
//
// A lax parse reports what it read past as findings with these rules,
// exactly (a test holds this list to what the parsers emit):
//
//   - "tip/erratum" (warning): a misprint read through the errata ("Tongo"
//     for Tonga), kept as the country it means.
//   - "cspa/unresolved-name": a name that names no country; a list keeps
//     it with a zero Country, Section 5 keeps the amounts under it so.
//   - "cspa/empty-item": a bullet with no name.
//   - "cspa/duplicate": a government listed twice; both are kept.
//   - "cspa/second-list": a second CSPA list in one input, not read.
//   - "cspa/year": a report or fiscal year out of range (1990–2100), left
//     zero.
//   - "cspa/date": a date that does not exist ("February 30, 2022"), left
//     zero.
//   - "cspa/amount": a line of Section 5 whose amount or authority does not
//     read ("Peacekeeping Operations $-5", "USD 100"), or an amount above
//     every country heading; not kept.
//   - "cspa/repeated-section": a 405(c) section printed twice; the first
//     is kept.
//   - "cspa/repeated-sentence": Section 1 or 2 naming its countries twice;
//     the first is kept.
//
// All but the first have Severity Error. Default's findings add
// "cspa/source-conflict" and "cspa/waiver-unlisted" (see Validate).
package cspa
