package tip

// An alias is another name for a country that LookupCountry accepts as a
// sure answer: common English names, ISO 3166 and UN long names, and the
// spellings of third-party copies of TIP lists (shared/data's variant
// table, countries.PROVENANCE.md). Misspellings are not aliases: they are
// errata (errata.go), applied only by lax parsers and reported.
//
// TestCountryTable checks that every alias resolves to the country named
// here and to no other, and that none collides with an ambiguous name.
type alias struct {
	name string // as written; normalized when the table is built
	iso3 string
}

var aliases = []alias{
	// Common English names (issue 2, "LookupCountry resolves").
	{"Myanmar", "MMR"},
	{"Burma (Myanmar)", "MMR"},
	{"DPRK", "PRK"},
	{"ROK", "KOR"},
	{"Ivory Coast", "CIV"},
	{"Lao PDR", "LAO"},
	{"Lao People's Democratic Republic", "LAO"},
	{"Viet Nam", "VNM"},
	{"Syrian Arab Republic", "SYR"},
	{"East Timor", "TLS"},
	{"Macao", "MAC"},
	{"Macao SAR", "MAC"},
	{"Macau SAR", "MAC"},
	{"Hong Kong SAR", "HKG"},
	{"Hong Kong S.A.R.", "HKG"},
	{"Congo (Kinshasa)", "COD"},
	{"Congo-Kinshasa", "COD"},
	{"DRC", "COD"},
	{"DR Congo", "COD"},
	{"Democratic Republic of Congo", "COD"},
	{"Congo (Brazzaville)", "COG"},
	{"Congo-Brazzaville", "COG"},
	{"Republic of Congo", "COG"},
	{"U.S.", "USA"},
	{"U.S.A.", "USA"},
	{"UK", "GBR"},
	{"Great Britain", "GBR"},
	{"United Kingdom of Great Britain and Northern Ireland", "GBR"},
	{"PRC", "CHN"},
	{"UAE", "ARE"},
	{"CAR", "CAF"},
	{"Republic of Türkiye", "TUR"},
	{"Yugoslavia", "SCG"},
	{"Libyan Arab Jamahiriya", "LBY"},
	// ISO 3166 and UN long forms, as third-party datasets write them.
	{"Iran, Islamic Republic of", "IRN"},
	{"Moldova, Republic of", "MDA"},
	{"Tanzania, United Republic of", "TZA"},
	{"Venezuela, Bolivarian Republic of", "VEN"},
	{"Bolivia, Plurinational State of", "BOL"},
	{"Taiwan, Province of China", "TWN"},
	{"Macedonia, the former Yugoslav Republic of", "MKD"},
	{"Former Yugoslav Republic of Macedonia", "MKD"},
	{"Brunei Darussalam", "BRN"},
	// World Bank (WDI) names, the other table researchers join on.
	{"Korea, Rep.", "KOR"},
	{"Korea, Dem. People's Rep.", "PRK"},
	{"Congo, Dem. Rep.", "COD"},
	{"Congo, Democratic Rep.", "COD"},
	{"Congo, Rep.", "COG"},
	{"Iran, Islamic Rep.", "IRN"},
	{"Egypt, Arab Rep.", "EGY"},
	{"Yemen, Rep.", "YEM"},
	{"Venezuela, RB", "VEN"},
	{"Macedonia, FYR", "MKD"},
	{"Micronesia, Fed. Sts.", "FSM"},
	{"Hong Kong SAR, China", "HKG"},
	{"Macao SAR, China", "MAC"},
	// Spellings of third-party copies of TIP tier lists (shared/data
	// countries.PROVENANCE.md, "Names as written in placements.csv").
	{"Bosnia-Herzegovina", "BIH"},
	{"Central African Rep", "CAF"},
	{"St Vincent & Gren", "VCT"},
	{"United Kingdom - UK", "GBR"},
}

// An ambiguousName fits more than one country; LookupCountry refuses to
// choose and returns an *AmbiguousCountryError.
type ambiguousName struct {
	name string
	iso3 []string // sorted by the countries' names
}

var ambiguousNames = []ambiguousName{
	{"Congo", []string{"COD", "COG"}},
	{"Korea", []string{"PRK", "KOR"}},
	{"ROC", []string{"COG", "TWN"}}, // Republic of the Congo (TIP 2018) or Republic of China
}
