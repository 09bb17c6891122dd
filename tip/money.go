package tip

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip/text"
)

// maxUSDDigits is the most digits before the decimal point ParseUSD
// accepts, after any multiplier: amounts stay under a quadrillion dollars,
// far beyond any figure in a TIP document, so that a garbled number of
// thirty digits is reported rather than carried on as money.
const maxUSDDigits = 15

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
	d, msg := parseUSD(s)
	if msg != "" {
		return decimal.Decimal{}, &detailError{msg: strconv.Quote(s) + ": " + msg + " " + wantAmount, err: ErrAmount}
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

// wantAmount ends every ParseUSD error: what the reader should have seen.
const wantAmount = "(want an amount like $1,250,000.00 or $3.12 million)"

var multipliers = []struct {
	word string
	exp  int32
}{
	{"thousand", 3}, {"million", 6}, {"billion", 9}, {"trillion", 12},
}

func parseUSD(s string) (decimal.Decimal, string) {
	t := strings.TrimSpace(text.Clean(s))
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
		if strings.Contains(frac, ".") {
			return decimal.Decimal{}, "more than one decimal point"
		}
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
		// FormatUSD writes cents: an amount finer would not survive a
		// round trip ("$1.000000001 million").
		if !d.Equal(d.Truncate(2)) {
			return decimal.Decimal{}, "finer than a cent"
		}
	}
	if d.GreaterThanOrEqual(decimal.New(1, maxUSDDigits)) {
		return decimal.Decimal{}, "too large"
	}
	return d, ""
}

// ungroup checks the thousands grouping of s ("1,000,000" or "1000000") and
// returns its digits.
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
