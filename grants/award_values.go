package grants

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip"
)

// The values of an award record, read the same way from JSON and CSV.
// Each function returns a message-carrying error wrapping the sentinel
// that classifies it; the reader adds the position.

// maxAwardDigits bounds an amount: under a quadrillion dollars (15
// digits), as tip.ParseUSD does, so that a garbled number (or a JSON
// exponent of a million) is reported rather than carried on as money.
const maxAwardDigits = 15

// parseAwardAmount reads an amount as USAspending writes it: a plain
// decimal ("1095000.00", "-2500", and in JSON the float forms
// "1095000.0" and "1.0e6"), exactly, from its text. Grouping commas, a
// currency sign or spaces are errors wrapping tip.ErrAmount. A value that
// is not a whole number of cents (float noise such as 1234.5600000000001)
// is an error too, unless lax: then it is rounded to the cent and the
// returned note says so.
func parseAwardAmount(s string, lax bool) (d decimal.Decimal, note string, err error) {
	if !isPlainNumber(s) {
		return decimal.Decimal{}, "", fmt.Errorf("%w: %q: want a plain decimal such as 1095000.00 (no grouping, currency sign or spaces)", tip.ErrAmount, clip(s))
	}
	d, err = decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, "", fmt.Errorf("%w: %q: %v", tip.ErrAmount, clip(s), err)
	}
	if intDigits, fracDigits, plain := decimalDigits(s); plain && intDigits <= maxAwardDigits && fracDigits <= 2 {
		return d, "", nil // the downloads' form, judged from its text: the checks below cost more than the parse
	}
	if d.Abs().GreaterThanOrEqual(decimal.New(1, maxAwardDigits)) {
		return decimal.Decimal{}, "", fmt.Errorf("%w: %q: a quadrillion dollars or more", tip.ErrAmount, clip(s))
	}
	if r := d.Round(2); !r.Equal(d) {
		if !lax {
			return decimal.Decimal{}, "", fmt.Errorf("%w: %q is not a whole number of cents (float noise?); a lax read rounds it", tip.ErrAmount, clip(s))
		}
		return r, fmt.Sprintf("amount %s is not a whole number of cents (float noise?): read as %s", clip(s), tip.FormatAmount(r)), nil
	}
	return d, "", nil
}

// isPlainNumber reports whether s is a JSON number: an optional minus,
// digits, an optional fraction and an optional exponent of at most four
// digits, in all at most 40 bytes. (JSON has no leading "+" and no bare
// "." ; the downloads write no exponent, and never need to.)
func isPlainNumber(s string) bool {
	if len(s) == 0 || len(s) > 40 {
		return false
	}
	i := 0
	if s[i] == '-' {
		i++
	}
	digits := func() int {
		j := i
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		return i - j
	}
	if digits() == 0 {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if n := digits(); n == 0 || n > 4 {
			return false
		}
	}
	return i == len(s)
}

// decimalDigits counts the digits of a number with no exponent before and
// after its point (a leading zero of the integer part not counted, so that
// "0.50" has none); plain is false for a number with an exponent.
func decimalDigits(s string) (intDigits, fracDigits int, plain bool) {
	if strings.ContainsAny(s, "eE") {
		return 0, 0, false
	}
	intPart, frac, _ := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	return len(strings.TrimLeft(intPart, "0")), len(frac), true
}

// parseAwardDate reads a date as USAspending writes it, YYYY-MM-DD. Any
// other layout ("08/03/2023", "2023-08-03T00:00:00") or a date that does
// not exist is an error wrapping tip.ErrDate.
func parseAwardDate(s string) (tip.Date, error) {
	ok := len(s) == len("2006-01-02") && s[4] == '-' && s[7] == '-'
	for i := 0; ok && i < len(s); i++ {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			ok = false
		}
	}
	if !ok {
		return tip.Date{}, fmt.Errorf("%w: %q: want YYYY-MM-DD, as USAspending writes dates", tip.ErrDate, clip(s))
	}
	d, err := tip.ParseDate(s)
	if err != nil {
		return tip.Date{}, fmt.Errorf("%w: %q does not exist", tip.ErrDate, s)
	}
	return d, nil
}

// checkGENCForm reports an error wrapping ErrCountryCode unless code has
// the form of a GENC code: three capital letters A–Z.
func checkGENCForm(code string) error {
	ok := len(code) == 3
	for i := 0; ok && i < len(code); i++ {
		ok = 'A' <= code[i] && code[i] <= 'Z'
	}
	if !ok {
		return fmt.Errorf("%w: %q: want a GENC code of three capital letters, such as KEN or XKS", ErrCountryCode, clip(code))
	}
	return nil
}

// countryOfGENC returns the country a GENC code names, and whether tipkit
// knows it: the one place the award readers turn codes into countries.
// tip's table holds every GENC code (the world's countries and
// territories, TCA the Turks and Caicos Islands among them), so a
// well-formed code that resolves to nothing is no GENC code at all. It
// reads codes only: a three-letter alias ("UAE") is not a code.
func countryOfGENC(code string) (tip.Country, bool) { return tip.ByGENC(code) }

// parseListings reads an assistance listing cell: one number ("19.019"),
// or the award download's packed form, number and title, several joined
// by ";" ("19.019: INTERNATIONAL PROGRAMS TO COMBAT HUMAN TRAFFICKING;19.
// 345: …"). It returns the numbers in order; a ";" inside a title (a piece
// that does not start with a number) stays with its title. A cell that
// does not start with a listing number is an error wrapping tip.ErrSyntax.
func parseListings(s string) ([]string, error) {
	var out []string
	for _, piece := range strings.Split(s, ";") {
		p := strings.TrimSpace(piece)
		num, _, _ := strings.Cut(p, ":")
		num = strings.TrimSpace(num)
		if isListingNumber(num) {
			out = append(out, num)
			continue
		}
		if len(out) == 0 {
			return nil, fmt.Errorf("%w: %q: want an assistance listing such as 19.019 or \"19.019: INTERNATIONAL PROGRAMS TO COMBAT HUMAN TRAFFICKING\"", tip.ErrSyntax, clip(s))
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: empty assistance listing", tip.ErrMissing)
	}
	return out, nil
}

// isListingNumber reports whether s is an assistance listing number: two
// digits (the agency), a dot, three digits ("19.019").
func isListingNumber(s string) bool {
	if len(s) != len("19.019") || s[2] != '.' {
		return false
	}
	for i := range len(s) {
		if i != 2 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// checkAwardText reports an error wrapping tip.ErrEncoding if s is not
// UTF-8 or holds a NUL byte, and one wrapping ErrTooLong if it is longer
// than MaxAwardCell. The error points at the value, not at the byte: a
// JSON string's escapes and a CSV cell's quotes move bytes.
func checkAwardText(s string) error {
	if len(s) > MaxAwardCell {
		return fmt.Errorf("%w: a value of %d bytes, more than %d (MaxAwardCell)", ErrTooLong, len(s), MaxAwardCell)
	}
	if !utf8.ValidString(s) {
		return fmt.Errorf("%w: the value is not UTF-8 text", tip.ErrEncoding)
	}
	if i := strings.IndexByte(s, 0); i >= 0 {
		return fmt.Errorf("%w: a NUL byte at byte %d of the value", tip.ErrEncoding, i+1)
	}
	return nil
}

// clip shortens a value quoted in an error: a 10 MB cell is not repeated
// in its message.
func clip(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	i := max
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}
