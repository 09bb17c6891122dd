// Package tip is the shared vocabulary of tipkit: the countries, regional
// bureaus, years, dates, dollar amounts, positions, errors and findings that
// the grants, tiers and cspa packages are written in.
//
// # Countries
//
// The State Department writes the same country many ways: "Turkey" in the
// 2023 tier lists and "Türkiye" in the CSPA list of the same report;
// "Congo, Democratic Republic of the" and "Democratic Republic of the
// Congo"; "Seychelle" for Seychelles. Other datasets write it other ways
// again: "Korea, Rep." (World Bank), "Korea, South" (GENC), 732 (Correlates
// of War). A [Country] is one identity for all of them, with its ISO
// 3166-1, GENC, UN M49 and Correlates of War codes and its regional
// [Bureau]:
//
//	c, err := tip.LookupCountry("Türkiye")
//	// c.Name() == "Turkey", c.ISO3() == "TUR", c.COW() == 640, c.Bureau() == tip.EUR
//
// The table covers the world: every ISO 3166-1 entry, the areas only GENC
// codes, and the historical states (Serbia and Montenegro, the Soviet
// Union, …), each with the years it existed. [Countries] is the 191
// entities the TIP Reports place, the rows of a country-year panel;
// [AllCountries] is all 284; which entities one report ranks is the tier
// history's answer (tiers.History.Ranked).
//
// [LookupCountry] reads names and letter codes and never guesses: "Congo"
// is ambiguous ([ErrAmbiguousCountry], with the candidates), "Tongo" is
// unknown ([ErrUnknownCountry], with Tonga suggested). Known misprints are
// [Errata], which only the lax parsers apply, each use reported as a
// [Finding]. A code means different things in different systems, so codes
// are looked up one system at a time: [ByISO2], [ByISO3], [ByISO4],
// [ByGENC], [ByISONumeric], [ByM49], and [ByCOW] with the year (COW 345 is
// Yugoslavia, then Serbia and Montenegro, then Serbia).
//
// Resolving a name is what a join does a million times: a lookup that
// resolves does not allocate, and suggestions are worked out only when an
// error is read.
//
// The data are data/world.csv (one row per entity), data/names.csv (every
// name, with its source and years) and data/ambiguous.csv (the names that
// are not one entity, and why); data/PROVENANCE.md traces every cell.
// [CountryDataSource] names them.
//
// # Years and dates
//
// A [ReportYear] and a [FiscalYear] are distinct types: the 2023 report
// covers April 1, 2022 to March 31, 2023 ([ReportYear.ReportingPeriod]) and
// its restrictions apply in FY2024 ([ReportYear.RestrictionYear]). A [Date]
// is a civil date; [ParseDate] reads "9/30/2023" and "October 3, 2022".
//
// # Money
//
// Amounts are [github.com/shopspring/decimal.Decimal], never float64:
// [ParseUSD] reads "$394,750.00" and "$3.12 million" exactly, and
// [FormatAmount] writes two decimals for JSON and CSV.
//
// # Positions, errors and findings
//
// Every parsed value carries a [Position]. Parsers report problems as
// [*ParseError] values (source:line:col: field: message) collected in an
// [ErrorList]; each wraps one of the documented sentinels ([ErrSyntax],
// [ErrAmount], [ErrUnknownCountry], …), so callers branch with [errors.Is]
// and [errors.As]. Validators and lax parsers return [Finding] values that
// name the rule, its citation and the place.
//
// # Configuring a parse
//
// Every parser takes a [ParseOptions]: the source name its errors carry,
// strict or lax, and the errata a lax parse applies. Parsers read country
// names with [ParseOptions.ResolveCountry] (or a [Resolver], which folds the
// errata once for a whole parse), so that a name reads the same in every
// document, and collect errors in an [ErrorList], which holds at most
// [MaxErrors] of them. Package [github.com/tipkit/tipkit/tip/parse] does all
// of this for one parse, the same way in every package: it reads the lines,
// resolves the names, fails a strict parse or notes a Finding in a lax one,
// and stops at the limits.
//
// Reading the text itself (lines, spaces, dashes, bullets, invalid bytes)
// is the job of package [github.com/tipkit/tipkit/tip/text], which this
// package uses for its own cleaning of names, amounts and dates.
//
// # Comparing models in tests
//
// Every type here compares with cmp.Diff with no options. To compare a
// parsed value with one written by hand, ignore positions with one option:
//
//	cmp.Diff(want, got, cmpopts.IgnoreTypes(tip.Position{}))
package tip
