package grants

import (
	"bytes"
	_ "embed"
	"sync"
	"time"

	"github.com/tipkit/tipkit/tip"
)

//go:embed data/awards/awards-19.019.json
var awards19019 []byte

// AwardsSource names the embedded award file in positions and findings.
const AwardsSource = "awards-19.019.json"

// defaultAwardCoverage is what the embedded file holds of each fiscal
// year, as the reference data's README states it (data/awards/
// PROVENANCE.md): thin before FY2017, near-complete FY2017–FY2022,
// partial in FY2023. TestDefaultAwardCoverage checks it against the file.
var defaultAwardCoverage = []YearCoverage{
	{2010, CoverageThin, tip.Date{}, "1 award: older awards were reported under other listings or not at all"},
	{2011, CoverageThin, tip.Date{}, "1 award: older awards were reported under other listings or not at all"},
	{2012, CoverageThin, tip.Date{}, "1 award: older awards were reported under other listings or not at all"},
	{2013, CoverageThin, tip.Date{}, "6 awards: older awards were reported under other listings or not at all"},
	{2014, CoverageThin, tip.Date{}, "10 awards: older awards were reported under other listings or not at all"},
	{2015, CoverageThin, tip.Date{}, "13 awards: older awards were reported under other listings or not at all"},
	{2016, CoverageThin, tip.Date{}, "19 awards: older awards were reported under other listings or not at all"},
	{2017, CoverageNearComplete, tip.Date{}, "23 awards, as many as the years after"},
	{2018, CoverageNearComplete, tip.Date{}, "30 awards"},
	{2019, CoverageNearComplete, tip.Date{}, "33 awards"},
	{2020, CoverageNearComplete, tip.Date{}, "26 awards"},
	{2021, CoverageNearComplete, tip.Date{}, "35 awards"},
	{2022, CoverageNearComplete, tip.Date{}, "33 awards, $62.3 million of the $63.2 million USAspending's program page reports obligated under 19.019"},
	{2023, CoveragePartial, tip.MakeDate(2023, time.August, 3), "17 awards, to August 3, 2023, when the file was extracted"},
}

// DefaultAwardCoverage returns what the embedded awards hold of each
// fiscal year, FY2010–FY2023 in order; years outside are not covered.
func DefaultAwardCoverage() []YearCoverage {
	return append([]YearCoverage(nil), defaultAwardCoverage...)
}

var defaultAwards = sync.OnceValue(func() *AwardSet {
	set, err := ReadAwardsJSON(bytes.NewReader(awards19019), tip.ParseOptions{Source: AwardsSource, Lax: true})
	if err != nil {
		panic("grants: embedded awards: " + err.Error()) // a build defect: the tests read the same bytes
	}
	set.Coverage = DefaultAwardCoverage()
	return set
})

// DefaultAwards returns the embedded USAspending awards under 19.019:
// the 248 awards of data/awards/awards-19.019.json (base obligations
// 2010-09-22 to 2023-08-03), read lax, with their findings and each fiscal
// year's coverage. The file is read on first use, not at import. Each call
// returns a fresh copy, which the caller may change freely.
func DefaultAwards() *AwardSet { return defaultAwards().Clone() }
