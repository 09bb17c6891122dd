package tip

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// group writes digits with thousands separators.
func group(digits string) string {
	var parts []string
	for len(digits) > 3 {
		parts = append([]string{digits[len(digits)-3:]}, parts...)
		digits = digits[:len(digits)-3]
	}
	return strings.Join(append([]string{digits}, parts...), ",")
}

// ParseUSD's int64 fast path gives the value and scale NewFromString gives.
func TestParseUSDFastPathMatchesDecimal(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		digits := strconv.FormatUint(r.Uint64N(1_000_000_000_000_000), 10)
		frac := []string{"", "5", "05", "50", "99"}[r.IntN(5)]
		num := digits
		in := "$" + digits
		if r.IntN(2) == 0 {
			in = "$" + group(digits)
		}
		if frac != "" {
			num += "." + frac
			in += "." + frac
		}
		got, err := ParseUSD(in)
		want := decimal.RequireFromString(num)
		if err != nil || !got.Equal(want) || got.Exponent() != want.Exponent() || got.String() != want.String() {
			t.Fatalf("ParseUSD(%q) = %v (exp %d), %v; want %v (exp %d)", in, got, got.Exponent(), err, want, want.Exponent())
		}
	}
	for _, bad := range []string{"$1,00", "$,100", "$1,000,00", "$1000,000", "$1,0000", "$1,000,000,000,000,000", "$1000000000000000"} {
		if _, err := ParseUSD(bad); err == nil {
			t.Errorf("ParseUSD(%q) succeeded", bad)
		}
	}
}
