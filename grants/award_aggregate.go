package grants

import (
	"cmp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip"
)

// A Coverage says how much of a fiscal year's awards an AwardSet holds,
// so that a thin year is not read as "no money". The zero Coverage is
// unknown: no statement, as for every year of a set read from a caller's
// file.
type Coverage uint8

// The coverages, from least to most complete.
const (
	CoverageUnknown      Coverage = iota // no statement: the set may hold none, some or all of the year's awards
	CoverageThin                         // some of the year's awards, most missing (older awards were reported under other listings or not at all)
	CoveragePartial                      // the year up to a date (YearCoverage.Through) only
	CoverageNearComplete                 // nearly all of the year's awards
)

var coverageNames = []string{"unknown", "thin", "partial", "near-complete"}

// String returns "thin", "partial", "near-complete" or "unknown".
func (c Coverage) String() string { return enumName(coverageNames, int(c)) }

// ParseCoverage reads what String writes.
func ParseCoverage(s string) (Coverage, error) {
	k, err := parseEnum(coverageNames, s, "coverage")
	return Coverage(k), err
}

// MarshalText writes String's form; the zero coverage writes "".
func (c Coverage) MarshalText() ([]byte, error) { return enumText(coverageNames, int(c)), nil }

// UnmarshalText reads what ParseCoverage reads; "" gives the zero
// coverage.
func (c *Coverage) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = CoverageUnknown
		return nil
	}
	v, err := ParseCoverage(string(b))
	*c = v
	return err
}

// Known reports whether a year's totals can be read as the year's: only
// for CoverageNearComplete. In any other year a total is a lower bound,
// and a country with no award is unknown, not zero.
func (c Coverage) Known() bool { return c == CoverageNearComplete }

// A YearCoverage is what a set holds of one fiscal year.
type YearCoverage struct {
	FiscalYear tip.FiscalYear
	Coverage   Coverage
	Through    tip.Date // for CoveragePartial, the last date the data reaches: 2023-08-03
	Note       string   // the evidence: "$62.3 million of the $63.2 million USAspending reports …"
}

// CoverageOf returns the set's statement for fiscal year fy; a year with
// none has CoverageUnknown.
func (s *AwardSet) CoverageOf(fy tip.FiscalYear) YearCoverage {
	for _, c := range s.Coverage {
		if c.FiscalYear == fy {
			return c
		}
	}
	return YearCoverage{FiscalYear: fy}
}

// Total returns the sum of the awards' amounts.
func (s *AwardSet) Total() decimal.Decimal {
	t := decimal.Zero
	for i := range s.Awards {
		t = t.Add(s.Awards[i].Amount)
	}
	return t
}

// A YearAwards is the awards of one fiscal year.
type YearAwards struct {
	FiscalYear tip.FiscalYear
	Coverage   Coverage // how complete the year is: read Awards and Amount as the year's only where Coverage.Known()
	Awards     int
	Amount     decimal.Decimal
}

// ByFiscalYear returns the awards per fiscal year of their base
// obligation, every year from the first to the last that has awards or a
// coverage statement, with no gap: a year with no awards has a zero count
// and its coverage says whether that zero means anything.
func (s *AwardSet) ByFiscalYear() []YearAwards {
	lo, hi := tip.FiscalYear(0), tip.FiscalYear(0)
	span := func(fy tip.FiscalYear) {
		if fy == 0 {
			return
		}
		if lo == 0 || fy < lo {
			lo = fy
		}
		hi = max(hi, fy)
	}
	for i := range s.Awards {
		span(s.Awards[i].FiscalYear)
	}
	for _, c := range s.Coverage {
		span(c.FiscalYear)
	}
	if lo == 0 {
		return nil
	}
	out := make([]YearAwards, 0, hi-lo+1)
	for fy := lo; fy <= hi; fy++ {
		out = append(out, YearAwards{FiscalYear: fy, Coverage: s.CoverageOf(fy).Coverage, Amount: decimal.Zero})
	}
	for i := range s.Awards {
		y := &out[s.Awards[i].FiscalYear-lo]
		y.Awards++
		y.Amount = y.Amount.Add(s.Awards[i].Amount)
	}
	return out
}

// A CountryAwards is the awards of one place of performance.
type CountryAwards struct {
	// Place is PlaceCountry for the awards performed in Country;
	// PlaceGlobal for every global or headquarters award (USA with no
	// state, AUT), in one group; PlaceUnknown for the awards with no code
	// (Code "") or with one code that is no GENC code (Code "QQQ").
	Place   PlaceKind
	Country tip.Country // zero unless Place is PlaceCountry
	Code    string      // the GENC code: "KEN"; "" for the global group and for no code
	Awards  int
	Amount  decimal.Decimal
}

// A placeID is what awards are grouped by: the country where the work
// is, or the global group, or the unresolved code.
type placeID struct {
	place   PlaceKind
	country tip.Country
	code    string
}

func placeOf(a *Award) placeID {
	switch a.Place {
	case PlaceCountry:
		return placeID{PlaceCountry, a.Country, a.CountryCode}
	case PlaceGlobal:
		return placeID{place: PlaceGlobal}
	}
	return placeID{place: PlaceUnknown, code: a.CountryCode}
}

func (p placeID) group() CountryAwards {
	return CountryAwards{Place: p.place, Country: p.country, Code: p.code, Amount: decimal.Zero}
}

// placeRank orders the kinds of place: countries, the global group, the
// unknown places.
func placeRank(p PlaceKind) int {
	switch p {
	case PlaceCountry:
		return 0
	case PlaceGlobal:
		return 1
	}
	return 2
}

// comparePlaces orders countries by name, then the global group, then
// the unknown places by code.
func comparePlaces(a, b CountryAwards) int {
	if c := cmp.Compare(placeRank(a.Place), placeRank(b.Place)); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Country, b.Country); c != 0 {
		return c
	}
	return strings.Compare(a.Code, b.Code)
}

// ByCountry returns the awards per place of performance: one group per
// country (a multi-country award counts for its code's country only; its
// Named field lists the others), then one for global and headquarters
// work, then one per unknown place.
func (s *AwardSet) ByCountry() []CountryAwards {
	idx := make(map[placeID]int)
	var out []CountryAwards
	for i := range s.Awards {
		a := &s.Awards[i]
		k := placeOf(a)
		j, ok := idx[k]
		if !ok {
			j = len(out)
			idx[k] = j
			out = append(out, k.group())
		}
		out[j].Awards++
		out[j].Amount = out[j].Amount.Add(a.Amount)
	}
	slices.SortFunc(out, comparePlaces)
	return out
}

// A CountryYearAwards is the awards of one place in one fiscal year.
type CountryYearAwards struct {
	CountryAwards
	FiscalYear tip.FiscalYear
	Coverage   Coverage // the year's coverage: where !Coverage.Known(), the figures are lower bounds and a zero is unknown
}

// ByCountryYear returns the awards per place and fiscal year, for the
// pairs that have awards, by place (as ByCountry) then year. A pair that
// is not listed has no award in the set, which is a zero only in a year
// whose coverage is known: use CountryYear to ask about one pair.
func (s *AwardSet) ByCountryYear() []CountryYearAwards {
	type key struct {
		p  placeID
		fy tip.FiscalYear
	}
	idx := make(map[key]int)
	var out []CountryYearAwards
	for i := range s.Awards {
		a := &s.Awards[i]
		k := key{placeOf(a), a.FiscalYear}
		j, ok := idx[k]
		if !ok {
			j = len(out)
			idx[k] = j
			out = append(out, CountryYearAwards{CountryAwards: k.p.group(), FiscalYear: k.fy, Coverage: s.CoverageOf(k.fy).Coverage})
		}
		out[j].Awards++
		out[j].Amount = out[j].Amount.Add(a.Amount)
	}
	slices.SortFunc(out, func(a, b CountryYearAwards) int {
		if c := comparePlaces(a.CountryAwards, b.CountryAwards); c != 0 {
			return c
		}
		return cmp.Compare(a.FiscalYear, b.FiscalYear)
	})
	return out
}

// CountryYear returns the awards performed in country c (Place
// PlaceCountry: global and headquarters awards are nobody's) whose base
// obligation falls in fiscal year fy, and whether the figure is known:
// false where the set's coverage of fy is not near-complete. An unknown
// figure is not a zero: in a thin or partial year it is a lower bound, and
// with no award at all it says nothing.
func (s *AwardSet) CountryYear(c tip.Country, fy tip.FiscalYear) (CountryYearAwards, bool) {
	g := CountryYearAwards{CountryAwards: CountryAwards{Place: PlaceCountry, Country: c, Code: c.GENC3(), Amount: decimal.Zero}, FiscalYear: fy, Coverage: s.CoverageOf(fy).Coverage}
	for i := range s.Awards {
		a := &s.Awards[i]
		if a.FiscalYear == fy && a.Place == PlaceCountry && a.Country == c {
			g.Awards++
			g.Amount = g.Amount.Add(a.Amount)
		}
	}
	return g, g.Coverage.Known()
}

// ReportFiscalYear is the rule that joins awards to a TIP Report year:
// the awards of report year y are those whose base obligation falls in
// the fiscal year that ends in y (FY2023, October 1, 2022 to September 30,
// 2023, for the 2023 report), the year in which that report was researched
// and published. (The report's own reporting period, April 1 to March 31,
// is not a fiscal year; the restrictions that follow from it apply in the
// next one, y.RestrictionYear().)
func ReportFiscalYear(y tip.ReportYear) tip.FiscalYear { return tip.FiscalYear(y) }

// ReportYearOf is ReportFiscalYear's inverse: the report year whose row
// the awards of fiscal year fy join, the report published in fy (FY2023
// with the 2023 report). It is not fy.ReportYear(), the report whose
// restrictions apply in fy.
func ReportYearOf(fy tip.FiscalYear) tip.ReportYear { return tip.ReportYear(fy) }

// ForReportYear is CountryYear for the fiscal year ReportFiscalYear joins
// to report year y: the award figures of a country-year panel's row.
func (s *AwardSet) ForReportYear(c tip.Country, y tip.ReportYear) (CountryYearAwards, bool) {
	return s.CountryYear(c, ReportFiscalYear(y))
}

// A RecipientAwards is the awards of one recipient.
type RecipientAwards struct {
	RecipientID string // USAspending's recipient hash (search API) or UEI/DUNS (downloads); "" for the awards with none
	Name        string // the recipient's name where the input gives one (downloads); ""
	Awards      int
	Amount      decimal.Decimal
}

// ByRecipient returns the awards per recipient, largest amount first,
// ties by ID. The award search API gives a recipient hash and no name:
// the hash tells recipients apart without naming them.
func (s *AwardSet) ByRecipient() []RecipientAwards {
	idx := make(map[string]int)
	var out []RecipientAwards
	for i := range s.Awards {
		a := &s.Awards[i]
		j, ok := idx[a.RecipientID]
		if !ok {
			j = len(out)
			idx[a.RecipientID] = j
			out = append(out, RecipientAwards{RecipientID: a.RecipientID, Amount: decimal.Zero})
		}
		if out[j].Name == "" {
			out[j].Name = a.RecipientName
		}
		out[j].Awards++
		out[j].Amount = out[j].Amount.Add(a.Amount)
	}
	slices.SortFunc(out, func(a, b RecipientAwards) int {
		if c := b.Amount.Cmp(a.Amount); c != 0 {
			return c
		}
		return strings.Compare(a.RecipientID, b.RecipientID)
	})
	return out
}
