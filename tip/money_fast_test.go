package tip

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

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

// ParseUSD's and ParseDate's direct paths agree with the general ones on
// strings near the forms they take.
func TestPlainFormsMatchGeneral(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	usd := []string{"$", "$", "1", "0", "9", ",", ",", "000", ".", ".5", ".50", ".999", " ", "\u00a0", "-", "x", " million", "$$"}
	date := []string{"1", "2", "9", "12", "31", "0", "/", "/", "/", "2023", "20231", "-", " ", "\u00a0", "x", "October", ","}
	for range 100000 {
		s := randomText(r, usd, 6)
		got, err := ParseUSD(s)
		want, msg := parseUSD(s)
		if (err == nil) != (msg == "") || err == nil && (!got.Equal(want) || got.Exponent() != want.Exponent()) {
			t.Fatalf("ParseUSD(%q) = %v (exp %d), %v; general path %v (exp %d), %q", s, got, got.Exponent(), err, want, want.Exponent(), msg)
		}
		s = randomText(r, date, 6)
		gd, err := ParseDate(s)
		wd, ok := parseDate(strings.TrimSpace(CleanSpace(s)))
		ok = ok && wd.IsValid()
		if (err == nil) != ok || ok && gd != wd {
			t.Fatalf("ParseDate(%q) = %v, %v; general path %v, %v", s, gd, err, wd, ok)
		}
	}
}

func TestParseNoAlloc(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { ParseDate("9/30/2023") }); n != 0 {
		t.Errorf("ParseDate allocates %v times", n)
	}
}

// monthByNameRef is monthByName as it was first written.
func monthByNameRef(s string) (time.Month, bool) {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0, false
	}
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if s == name || (len(s) <= len(name) && strings.HasPrefix(name, s) && (len(s) == 3 || s == "sept")) {
			return m, true
		}
	}
	return 0, false
}

func TestMonthByNameMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	pieces := []string{"Jan", "january", "OCT", "ober", "Sept", "sep", "t", "em", "ber", "May", "e", "x", ".", "..", "İ", "\u212a", "ß", "é", "\xff", " "}
	for m := time.January; m <= time.December; m++ {
		pieces = append(pieces, m.String(), strings.ToUpper(m.String()[:3]))
	}
	for range 50000 {
		s := randomText(r, pieces, 4)
		gm, gok := monthByName(s)
		wm, wok := monthByNameRef(s)
		if gm != wm || gok != wok {
			t.Fatalf("monthByName(%q) = %v, %v; want %v, %v", s, gm, gok, wm, wok)
		}
	}
	if n := testing.AllocsPerRun(100, func() { monthByName("October") }); n != 0 {
		t.Errorf("monthByName(\"October\") allocates %v times", n)
	}
}

// parseSlashDateRef is parseSlashDate as it was first written.
func parseSlashDateRef(s string) (Date, bool) {
	i := 0
	num := func(lo, hi int) (int, bool) {
		n, start := 0, i
		for i < len(s) && i-start < hi && '0' <= s[i] && s[i] <= '9' {
			n = n*10 + int(s[i]-'0')
			i++
		}
		return n, i-start >= lo
	}
	sep := func() bool {
		if i < len(s) && s[i] == '/' {
			i++
			return true
		}
		return false
	}
	m, ok1 := num(1, 2)
	if !ok1 || !sep() {
		return Date{}, false
	}
	d, ok2 := num(1, 2)
	if !ok2 || !sep() {
		return Date{}, false
	}
	y, ok3 := num(4, 4)
	return Date{y, time.Month(m), d}, ok3 && i == len(s)
}

func TestParseSlashDateMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 8))
	pieces := []string{"0", "1", "2", "9", "12", "31", "123", "/", "/", "/", "2023", "20231", "999", ":", "x", " "}
	for range 100000 {
		s := randomText(r, pieces, 7)
		gd, gok := parseSlashDate(s)
		wd, wok := parseSlashDateRef(s)
		if gok != wok || gok && gd != wd {
			t.Fatalf("parseSlashDate(%q) = %v, %v; want %v, %v", s, gd, gok, wd, wok)
		}
	}
}
