package tip

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tipkit/tipkit/tip/text"
)

// A Date is a civil date: a year, month and day with no time of day and no
// time zone, which is what an end date, a waiver date or an as-of date in a
// State Department document is. The zero Date means "unknown" and prints as
// "" (so an absent date stays absent in JSON).
//
// Date is comparable with == and safe in cmp.Diff with no options.
type Date struct {
	Year  int        // 2023
	Month time.Month // time.September
	Day   int        // 30
}

// MakeDate returns the Date for y-m-d. It does not normalize: use
// [Date.IsValid] to check a date built by hand.
func MakeDate(y int, m time.Month, d int) Date { return Date{y, m, d} }

// DateOf returns the civil date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate parses the forms State Department documents use:
//
//	9/30/2023    09/30/2023    (month/day/year, US order)
//	2023-09-30                 (ISO 8601)
//	October 3, 2022   Oct. 3, 2022   3 October 2022
//
// A date that does not exist (2/30/2023, 13/01/2022) is an error wrapping
// [ErrDate]; so is anything else.
func ParseDate(s string) (Date, error) {
	t := strings.TrimSpace(text.Clean(s))
	d, ok := parseDate(t)
	if !ok {
		return Date{}, &detailError{msg: strconv.Quote(s) + " " + wantDate, err: ErrDate}
	}
	if !d.IsValid() {
		return Date{}, &detailError{msg: strconv.Quote(s) + " does not exist " + wantDate, err: ErrDate}
	}
	return d, nil
}

// MustParseDate is like ParseDate but panics on error. It simplifies safe
// initialization of tables and tests.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// wantDate ends every ParseDate error: what the reader should have seen.
const wantDate = "(want a date like 9/30/2023 or September 30, 2023)"

func parseDate(t string) (Date, bool) {
	if len(t) == 0 {
		return Date{}, false
	}
	if strings.Count(t, "/") == 2 {
		ms, rest, _ := strings.Cut(t, "/")
		ds, ys, _ := strings.Cut(rest, "/")
		m, ok1 := atoiN(ms, 1, 2)
		d, ok2 := atoiN(ds, 1, 2)
		y, ok3 := atoiN(ys, 4, 4)
		return Date{y, time.Month(m), d}, ok1 && ok2 && ok3
	}
	if len(t) == 10 && t[4] == '-' && t[7] == '-' {
		y, ok1 := atoiN(t[:4], 4, 4)
		m, ok2 := atoiN(t[5:7], 2, 2)
		d, ok3 := atoiN(t[8:], 2, 2)
		return Date{y, time.Month(m), d}, ok1 && ok2 && ok3
	}
	// "October 3, 2022", "Oct. 3, 2022", "3 October 2022"
	f := strings.Fields(strings.ReplaceAll(t, ",", " "))
	if len(f) != 3 {
		return Date{}, false
	}
	if m, ok := monthByName(f[0]); ok {
		d, ok1 := atoiN(f[1], 1, 2)
		y, ok2 := atoiN(f[2], 4, 4)
		return Date{y, m, d}, ok1 && ok2
	}
	if m, ok := monthByName(f[1]); ok {
		d, ok1 := atoiN(f[0], 1, 2)
		y, ok2 := atoiN(f[2], 4, 4)
		return Date{y, m, d}, ok1 && ok2
	}
	return Date{}, false
}

// atoiN parses an unsigned decimal of min to max digits.
func atoiN(s string, min, max int) (int, bool) {
	if len(s) < min || len(s) > max {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// monthByName reads a month's name, whole or cut to its first three
// letters, or "Sept", in any case, with or without a full stop: "October",
// "Oct.", "SEPT".
func monthByName(s string) (time.Month, bool) {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	for i, name := range lowerMonths {
		if s == name || s == name[:3] || s == "sept" && name == "september" {
			return time.January + time.Month(i), true
		}
	}
	return 0, false
}

// lowerMonths are the months' names in lower case, as monthByName compares
// them.
var lowerMonths = [12]string{"january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december"}

// IsZero reports whether d is the zero (unknown) Date.
func (d Date) IsZero() bool { return d == Date{} }

// IsValid reports whether d is a date that exists in the Gregorian calendar
// (years 1 to 9999).
func (d Date) IsValid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < time.January || d.Month > time.December || d.Day < 1 {
		return false
	}
	return d.Day <= daysIn(d.Month, d.Year)
}

// daysIn returns the days in month m (January to December) of year y, by
// the proleptic Gregorian calendar the time package uses: every parsed date
// is checked here, and time.Date's normalization costs more than the rule.
func daysIn(m time.Month, y int) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// String returns the ISO 8601 form "2023-09-30", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Time returns midnight at the start of d in loc.
func (d Date) Time(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// AddDays returns d plus n days (n may be negative).
func (d Date) AddDays(n int) Date { return DateOf(d.Time(time.UTC).AddDate(0, 0, n)) }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmpInt(d.Year, e.Year)
	case d.Month != e.Month:
		return cmpInt(int(d.Month), int(e.Month))
	}
	return cmpInt(d.Day, e.Day)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return +1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// MarshalText writes the ISO form; the zero Date writes "".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads any form ParseDate reads; "" gives the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
