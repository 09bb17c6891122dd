// Package seeds holds the public documents more than one tipkit package
// reads, one embedded copy each, as immutable strings: today the text of
// the State Department's 2023 Trafficking in Persons Report, which tiers
// reads for its placements and minimum standards and cspa for its CSPA
// list and section 405(c) report.
//
// Positions and findings name the documents as the project's seed files
// do: the 2023 report is "seed 003", so "seed 003:966:7" is line 966,
// column 7 of the string Report2023 returns. PROVENANCE.md beside this file
// says where each copy comes from.
//
// Use the text to show a reader where a finding points, or to parse it
// again with options of your own:
//
//	r, err := tiers.ParseReportWith(strings.NewReader(seeds.Report2023()),
//		tip.ParseOptions{Source: "seed 003", Lax: true})
package seeds

import _ "embed" // the documents are compiled in: reading them costs nothing at import

//go:embed 2023_tip_report.txt
var report2023 string

// Report2023 returns the text of the 2023 Trafficking in Persons Report
// as published on state.gov (seed 003, 228 kB), byte for byte: the tier
// lists, the CSPA list, the section 405(c) report and the minimum
// standards, with the report's own misprints ("Tongo", Montenegro on two
// tiers). A string cannot be changed, so every caller reads the same text.
func Report2023() string { return report2023 }
