// Package grants reads the State Department TIP Office's published
// records of the anti-trafficking projects it funds: the project listing,
// the program and award pages, and the federal award record
// (USAspending).
//
// The listing is a web page of labelled records under section headings,
// as messy as pages copied by hand get:
//
//	Africa
//
//	Countries: Eastern Africa Region – (Burundi, Comoros, …, Seychelle, Somalia, Tanzania, and Uganda)
//	Implementer: United Nations Office on Drugs and Crime (UNODC)
//	Amount: $1,000,000
//	End Date: 3/31/2022
//	Description: UNODC is working to improve regional cooperation …
//
// ParseLax turns each record into a Project: the section and its bureau
// (AF), the place label ("Eastern Africa Region"), the countries as
// tip.Country values ("Seychelle" read as Seychelles through errata, with a
// Finding), place terms that name no country kept verbatim ("MENA"), the
// implementer split into name and acronym, the amount as an exact
// decimal.Decimal, the end date as a tip.Date, and the record's position.
// Parse is the strict form: whatever it does not fully understand is a
// positioned *tip.ParseError, all of them in one tip.ErrorList. Scan
// streams projects one at a time with flat memory, and Format writes a
// listing back in the same layout.
//
//	l := grants.Default() // the listing as of October 1, 2021 (seed 000), embedded
//	for _, g := range l.ByBureau() {
//		fmt.Println(g.Key, g.Projects, tip.FormatUSD(g.Amount))
//	}
//
// Aggregations (Total, BySection, ByBureau, ByImplementer, ByCountry with
// full and equal-split amounts, Touching, ActiveOn, EndingIn) and Validate
// work on any Listing.
//
// ParseProgramPage and ParseHighlights read the program pages (seeds 001
// and 002, markdown and the 2018 PDF text) and the award announcements
// (seed 004): the kinds of programs funded, the themed examples of grantee
// work with the countries they name, and every dollar figure as a typed
// Fact or a finding. DefaultPages embeds the three pages.
//
// The award record: USAspending, the government's record of every federal
// award, files the office's grants and cooperative agreements under
// assistance listing 19.019. ReadAwardsJSON, ReadAwardCSV and
// ReadTransactionCSV read its three formats (ReadAwards tells them apart),
// strict or lax through tip.ParseOptions; ScanAwardsJSON, ScanAwardCSV and
// ScanTransactionCSV stream them in flat memory. Each Award has its amount
// exact, its base obligation's fiscal year, and its place of performance
// resolved from the GENC code; USAspending's quirks (USA with no state,
// AUT for UNODC's headquarters, one code for multi-country work, …) are
// findings. DefaultAwards embeds 248 awards, FY2010–FY2023, with each
// year's coverage, so that a thin year is not read as "no money":
//
//	s := grants.DefaultAwards()
//	for _, y := range s.ByFiscalYear() {
//		fmt.Println(y.FiscalYear, y.Coverage, y.Awards, tip.FormatUSD(y.Amount))
//	}
//	g, known := s.ForReportYear(tip.MustLookupCountry("Nepal"), 2020) // known only in a covered year
//
// Reconcile matches the listing's projects to awards, with a confidence
// and its evidence, and reports an ambiguous match as ambiguous.
package grants
