// Package grants reads the State Department TIP Office's published
// records of the anti-trafficking projects it funds: the project listing,
// and the program and award pages.
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
package grants
