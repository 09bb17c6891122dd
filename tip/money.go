package tip

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// maxUSD is the largest amount ParseUSD accepts: a quadrillion dollars, far
// beyond any figure in a TIP document, so that a garbled number of thirty
// digits is reported rather than carried on as money.
var maxUSD = decimal.New(1, 15)

// ParseUSD parses a US dollar amount as the State Department writes it and
// returns it exactly:
//
//	$1,000,000      → 1000000
//	$394,750.00     → 394750.00 (scale kept)
//	$3.12 million   → 3120000
//	$24 trillion    → 24000000000000
//
// The dollar sign is required. Commas must group thousands ($1,00,0 is an
// error); without a multiplier at most two decimals (cents) are allowed.
// Negative amounts, other currencies ("USD 5", "€5") and amounts of a
// quadrillion dollars or more are errors. Every error wraps [ErrAmount].
func ParseUSD(s string) (decimal.Decimal, error) {
	// The form nearly every amount has, "$1,000,000" or "$394,750.00" with
	// nothing around it, read directly.
	if v, scale, ok := parsePlainUSD(s); ok {
		return decimal.New(v, -scale), nil
	}
	d, msg := parseUSD(s)
	if msg != "" {
		return decimal.Decimal{}, &detailError{msg: strconv.Quote(s) + ": " + msg, err: ErrAmount}
	}
	return d, nil
}

// MustParseUSD is like ParseUSD but panics on error.
func MustParseUSD(s string) decimal.Decimal {
	d, err := ParseUSD(s)
	if err != nil {
		panic(err)
	}
	return d
}

var multipliers = []struct {
	word string
	exp  int32
}{
	{"thousand", 3}, {"million", 6}, {"billion", 9}, {"trillion", 12},
}

func parseUSD(s string) (decimal.Decimal, string) {
	t := strings.TrimSpace(CleanSpace(s))
	if t == "" {
		return decimal.Decimal{}, "empty"
	}
	if t[0] != '$' {
		return decimal.Decimal{}, "does not start with $"
	}
	t = strings.TrimSpace(t[1:])
	var exp int32
	if i := strings.LastIndexByte(t, ' '); i >= 0 {
		word := strings.ToLower(t[i+1:])
		found := false
		for _, m := range multipliers {
			if word == m.word {
				exp, found = m.exp, true
			}
		}
		if !found {
			return decimal.Decimal{}, "unexpected " + strconv.Quote(t[i+1:])
		}
		t = strings.TrimSpace(t[:i])
	}
	intPart, frac, hasFrac := strings.Cut(t, ".")
	if intPart == "" {
		return decimal.Decimal{}, "no digits"
	}
	if hasFrac {
		if frac == "" {
			return decimal.Decimal{}, "no digits after the decimal point"
		}
		if exp == 0 && len(frac) > 2 {
			return decimal.Decimal{}, "more than two decimals"
		}
		if _, ok := atoiN(frac, 1, 12); !ok {
			return decimal.Decimal{}, "bad decimals"
		}
	}
	// The common case, a plain amount in dollars and cents: build the
	// decimal from an int64, with the scale NewFromString would give it,
	// and no allocation.
	if exp == 0 {
		if v, n, ok := groupedInt(intPart); ok {
			if n > 15 {
				return decimal.Decimal{}, "too large"
			}
			f, _ := atoiN(frac, 0, 2)
			for range len(frac) {
				v *= 10
			}
			return decimal.New(v+int64(f), -int32(len(frac))), ""
		}
	}
	digits, ok := ungroup(intPart)
	if !ok {
		return decimal.Decimal{}, "bad digits or grouping"
	}
	if len(digits) > 16 {
		return decimal.Decimal{}, "too large"
	}
	num := digits
	if hasFrac {
		num += "." + frac
	}
	d, err := decimal.NewFromString(num)
	if err != nil {
		return decimal.Decimal{}, "bad number"
	}
	if exp != 0 {
		d = d.Shift(exp)
	}
	if d.GreaterThanOrEqual(maxUSD) {
		return decimal.Decimal{}, "too large"
	}
	return d, ""
}

// parsePlainUSD reads exactly "$" and digits grouped as groupedInt takes
// them, with up to two decimals: the value in cents (or dollars) and the
// number of decimals, as parseUSD's int64 path gives them. ok is false for
// anything else, and for more than 15 digits, which parseUSD refuses.
func parsePlainUSD(s string) (v int64, scale int32, ok bool) {
	if len(s) < 2 || s[0] != '$' {
		return 0, 0, false
	}
	intPart, frac, hasFrac := s[1:], "", false
	if i := strings.IndexByte(intPart, '.'); i >= 0 {
		intPart, frac, hasFrac = intPart[:i], intPart[i+1:], true
		if len(frac) < 1 || len(frac) > 2 {
			return 0, 0, false
		}
	}
	v, n, ok := groupedInt(intPart)
	if !ok || n > 15 {
		return 0, 0, false
	}
	if hasFrac {
		f, ok := atoiN(frac, 1, 2)
		if !ok {
			return 0, 0, false
		}
		for range len(frac) {
			v *= 10
		}
		v += int64(f)
	}
	return v, int32(len(frac)), true
}

// ungroup checks the thousands grouping of s ("1,000,000" or "1000000") and
// returns its digits.
// groupedInt reads s as ungroup does, returning its value and number of
// digits; ok is false for anything ungroup refuses or more than 18 digits.
func groupedInt(s string) (v int64, digits int, ok bool) {
	group := -1 // digits in the current group after a comma; -1 before any comma
	lead := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if digits == 18 {
				return 0, 0, false
			}
			v = v*10 + int64(c-'0')
			digits++
			if group >= 0 {
				group++
				if group > 3 {
					return 0, 0, false
				}
			} else {
				lead++
			}
		case c == ',':
			if (group < 0 && (lead < 1 || lead > 3)) || (group >= 0 && group != 3) {
				return 0, 0, false
			}
			group = 0
		default:
			return 0, 0, false
		}
	}
	if digits == 0 || (group >= 0 && group != 3) {
		return 0, 0, false
	}
	return v, digits, true
}

func ungroup(s string) (string, bool) {
	if !strings.Contains(s, ",") {
		_, ok := atoiN(s, 1, 64)
		return s, ok
	}
	groups := strings.Split(s, ",")
	if len(groups[0]) < 1 || len(groups[0]) > 3 {
		return "", false
	}
	var b strings.Builder
	for i, g := range groups {
		if i > 0 && len(g) != 3 {
			return "", false
		}
		if _, ok := atoiN(g, 1, 3); !ok {
			return "", false
		}
		b.WriteString(g)
	}
	return b.String(), true
}

// FormatAmount writes d with exactly two decimals and no grouping:
// 394750 → "394750.00". Use it for JSON and CSV: decimal.Decimal's own JSON
// drops the scale (394750.00 becomes "394750").
func FormatAmount(d decimal.Decimal) string { return d.StringFixedBank(2) }

// FormatUSD writes d as the documents do: 394750 → "$394,750.00".
func FormatUSD(d decimal.Decimal) string {
	s := d.StringFixedBank(2)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	b.WriteByte('$')
	for i := range len(intPart) {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(intPart[i])
	}
	b.WriteByte('.')
	b.WriteString(frac)
	return b.String()
}
