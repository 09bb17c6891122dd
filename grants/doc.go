// Package grants reads the State Department TIP Office's published
// records of the anti-trafficking projects it funds: the project listing,
// the program and award pages, and the federal award record
// (USAspending).
//
// # The listing
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
// A lax parse turns each record into a Project: the section and its bureau
// (AF), the place label ("Eastern Africa Region"), the countries as
// tip.Country values ("Seychelle" read as Seychelles through the errata,
// with a Finding), place terms that name no country kept verbatim
// ("MENA"), the implementer split into name and acronym, the amount as an
// exact decimal.Decimal, the end date as a tip.Date, and the record's
// position. A strict parse refuses whatever it does not fully understand.
// Every parse is configured the same way, with a tip.ParseOptions:
//
//	l, err := grants.ParseWith(f, tip.ParseOptions{Source: "listing.txt", Lax: true})
//	for p, err := range grants.ScanWith(f, tip.ParseOptions{Lax: true}) { … }
//
// Parse, ParseLax and Scan are the same with the zero options, or with Lax
// set. ParseWith returns the listing with its findings; ScanWith streams
// projects one at a time, holding one line and one record, so its memory
// stays flat on any input. Format writes a listing back in the same
// layout, and ParseWith reads it into the same projects.
//
// # Errors
//
// Errors are *tip.ParseError values in a tip.ErrorList, each at its line
// and column, with the record it belongs to and the field, and each wraps
// a sentinel of package tip, so callers branch with errors.Is and
// errors.As:
//
//	listing.txt:3:10: record 1: Country: unknown country "Keyna" (did you mean "Kenya"?)
//	listing.txt:5:9: record 1: Amount: invalid amount: "$1,25,000": bad digits or grouping (want an amount like $1,250,000.00 or $3.12 million)
//
// A name that is no country is a *tip.UnknownCountryError, whose
// suggestions are worked out only when the error is shown. A parse
// collects at most tip.MaxErrors errors, then stops with one wrapping
// tip.ErrTooManyErrors; a reader's error is returned wrapped (errors.Is
// finds it), the line it cut short is not read, and nothing is reported
// missing from the record it cut.
//
// # The embedded listing
//
//	l := grants.Default() // the listing as of October 1, 2021 (seed 000), embedded
//	for _, g := range l.ByBureau() {
//		fmt.Println(g.Key, g.Projects, tip.FormatUSD(g.Amount))
//	}
//
// Default parses the embedded listing once, on first use (importing the
// package parses nothing), and returns a deep copy each call: a caller may
// change its listing without changing anyone else's. Aggregations (Total,
// BySection, ByBureau, ByImplementer, ByCountry with full and equal-split
// amounts, Touching, ActiveOn, EndingIn) and Validate work on any Listing.
//
// # Program pages
//
// ParseProgramPageWith reads the program pages (seeds 001 and 002,
// markdown and the 2018 PDF text) and the award announcements (seed 004),
// with the same options: the kinds of programs funded, the themed examples
// of grantee work with the countries they name, and every dollar figure
// as a typed Fact; what it does not understand is an error, or in a lax
// parse a finding. ParseProgramPage and ParseHighlights read strictly.
// DefaultPages returns the three embedded pages, as copies like Default's.
//
// # The award record
//
// USAspending, the government's record of every federal
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
