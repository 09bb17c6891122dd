package tip

import (
	"strconv"
	"strings"
	"time"
)

// A ReportYear is the year a TIP Report is published, as in "the 2023 TIP
// Report". It is a distinct type from [FiscalYear] so that one cannot be
// passed where the other is meant: the 2023 report's Tier 3 restrictions
// apply in FY2024, not FY2023. The zero ReportYear is unknown.
//
// Seed 003 ("Methodology"): the report "covers government efforts
// undertaken from April 1, 2022 through March 31, 2023".
type ReportYear int

// A FiscalYear is a US government fiscal year: FY2024 runs from October 1,
// 2023 to September 30, 2024. The zero FiscalYear is unknown.
type FiscalYear int

// Years outside [MinYear, MaxYear] are rejected by the Parse functions: the
// TVPA dates from 2000 and tipkit does not guess about the far future.
const (
	MinYear = 1990
	MaxYear = 2100
)

// ReportingPeriod returns the period the report of year y covers: April 1
// of y-1 to March 31 of y, both inclusive.
func (y ReportYear) ReportingPeriod() (from, to Date) {
	return Date{int(y) - 1, time.April, 1}, Date{int(y), time.March, 31}
}

// RestrictionYear returns the fiscal year in which the restrictions that
// follow from report y apply: the one that starts on October 1 of y (22
// U.S.C. 7107(d)(1); 22 U.S.C. 2370c-1(a)). For 2023 that is FY2024.
func (y ReportYear) RestrictionYear() FiscalYear { return FiscalYear(y + 1) }

// IsValid reports whether y is within [MinYear, MaxYear].
func (y ReportYear) IsValid() bool { return y >= MinYear && y <= MaxYear }

// String returns "2023", or "unknown" for the zero year.
func (y ReportYear) String() string {
	if y == 0 {
		return "unknown"
	}
	return strconv.Itoa(int(y))
}

// ParseReportYear reads "2023" (surrounding space allowed).
func ParseReportYear(s string) (ReportYear, error) {
	n, ok := atoiN(strings.TrimSpace(s), 4, 4)
	if !ok || n < MinYear || n > MaxYear {
		return 0, &detailError{msg: strconv.Quote(s) + " (want a year like 2023, from 1990 to 2100)", err: ErrYear}
	}
	return ReportYear(n), nil
}

// MarshalText writes "2023"; the zero year writes "".
func (y ReportYear) MarshalText() ([]byte, error) {
	if y == 0 {
		return nil, nil
	}
	return []byte(strconv.Itoa(int(y))), nil
}

// UnmarshalText reads what ParseReportYear reads; "" gives the zero year.
func (y *ReportYear) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*y = 0
		return nil
	}
	v, err := ParseReportYear(string(b))
	*y = v
	return err
}

// FiscalYearOf returns the fiscal year d falls in: October 1, 2023 is in
// FY2024, September 30, 2024 too.
func FiscalYearOf(d Date) FiscalYear {
	if d.Month >= time.October {
		return FiscalYear(d.Year + 1)
	}
	return FiscalYear(d.Year)
}

// Start returns October 1 of the previous calendar year.
func (fy FiscalYear) Start() Date { return Date{int(fy) - 1, time.October, 1} }

// End returns September 30 of the fiscal year.
func (fy FiscalYear) End() Date { return Date{int(fy), time.September, 30} }

// Contains reports whether d falls in fy.
func (fy FiscalYear) Contains(d Date) bool { return FiscalYearOf(d) == fy }

// ReportYear returns the report year whose restrictions apply in fy: the
// inverse of [ReportYear.RestrictionYear].
func (fy FiscalYear) ReportYear() ReportYear { return ReportYear(fy - 1) }

// IsValid reports whether fy is within [MinYear, MaxYear].
func (fy FiscalYear) IsValid() bool { return fy >= MinYear && fy <= MaxYear }

// String returns "FY2024", or "FY unknown" for the zero year.
func (fy FiscalYear) String() string {
	if fy == 0 {
		return "FY unknown"
	}
	return "FY" + strconv.Itoa(int(fy))
}

// ParseFiscalYear reads "FY2024", "FY 2024", "fy2024", "FY24" and "2024".
func ParseFiscalYear(s string) (FiscalYear, error) {
	t := strings.TrimSpace(s)
	if len(t) >= 2 && strings.EqualFold(t[:2], "FY") {
		t = strings.TrimSpace(t[2:])
		if n, ok := atoiN(t, 2, 2); ok {
			return FiscalYear(2000 + n), nil
		}
	}
	n, ok := atoiN(t, 4, 4)
	if !ok || n < MinYear || n > MaxYear {
		return 0, &detailError{msg: strconv.Quote(s) + " (want a fiscal year like FY2024, from FY1990 to FY2100)", err: ErrYear}
	}
	return FiscalYear(n), nil
}

// MarshalText writes "FY2024"; the zero year writes "".
func (fy FiscalYear) MarshalText() ([]byte, error) {
	if fy == 0 {
		return nil, nil
	}
	return []byte(fy.String()), nil
}

// UnmarshalText reads what ParseFiscalYear reads; "" gives the zero year.
func (fy *FiscalYear) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*fy = 0
		return nil
	}
	v, err := ParseFiscalYear(string(b))
	*fy = v
	return err
}
