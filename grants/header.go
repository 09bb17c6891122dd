package grants

import (
	"fmt"
	"regexp"
	"strconv"
	"sync"

	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip"
)

// headerPattern reads the listing's header and the claims it makes, as
// seed 000 words them:
//
//	As of October 1, 2021, the TIP Office manages 110 bilateral, regional,
//	and global anti-trafficking projects in over 95 countries worth more
//	than $245 million in total.
//
// It is compiled on first use, so that importing grants costs nothing.
var headerPattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^As of ([A-Z][a-z]+ \d{1,2}, \d{4}), the TIP Office manages (\d+) .*?projects in (?:over |more than )?(\d+) countries worth (?:more than |over )?(\$[\d,.]+(?: (?:million|billion))?)`)
})

// readHeader reads line as the header into l. It returns false for a line
// that is not the header, and otherwise the errors of the parts it could
// not read (a date that does not exist, an amount that is not money),
// each at its column; then l is left as it was.
func readHeader(line string, pos tip.Position, src string, l *Listing) (ok bool, errs []*tip.ParseError) {
	m := headerPattern().FindStringSubmatchIndex(line)
	if m == nil {
		return false, nil
	}
	// The groups' text and errors, in headerPattern's order.
	group := func(g int) string { return line[m[2*g+2]:m[2*g+3]] }
	check := func(g int, err error) {
		if err != nil {
			errs = append(errs, tip.Errorf(src, tip.Position{Line: pos.Line, Col: pos.Col + m[2*g+2]}, "header", err, ""))
		}
	}
	asOf, err := parseDate(group(0))
	check(0, err)
	projects, err := count(group(1))
	check(1, err)
	countries, err := count(group(2))
	check(2, err)
	amount, err := tip.ParseUSD(group(3))
	check(3, err)
	if len(errs) == 0 {
		l.AsOf, l.ClaimedProjects, l.ClaimedCountries, l.ClaimedAmount = asOf, projects, countries, amount
	}
	return true, errs
}

// count reads a count of the header: digits, as the pattern matched them.
func count(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("%w: %q is too large a count", tip.ErrSyntax, s)
	}
	return n, nil
}

// header returns the header Format writes for l, or "" when l has no
// as-of date: one that readHeader reads back to the same claims. Claims
// it could not read back so (a year out of range, a negative count, an
// amount finer than a cent) are an error.
func header(l *Listing) (string, error) {
	if l.AsOf.IsZero() {
		return "", nil
	}
	if err := checkYear(l.AsOf, l.AsOf.String()); err != nil {
		return "", fmt.Errorf("header: %w", err)
	}
	amount, err := usd(l.ClaimedAmount)
	if err != nil {
		return "", fmt.Errorf("header: %w", err)
	}
	if l.ClaimedProjects < 0 || l.ClaimedCountries < 0 {
		return "", fmt.Errorf("header: %w: a negative count", tip.ErrSyntax)
	}
	return fmt.Sprintf("As of %s %d, %d, the TIP Office manages %d projects in over %d countries worth more than %s in total.",
		l.AsOf.Month, l.AsOf.Day, l.AsOf.Year, l.ClaimedProjects, l.ClaimedCountries, amount), nil
}

// usd writes an amount as the listing does: "$1,000,000", with cents only
// where there are any ("$394,750.50"). An amount Parse would not read back
// as the same value (negative, or finer than a cent) is an error wrapping
// tip.ErrAmount.
func usd(d decimal.Decimal) (string, error) {
	switch {
	case d.IsNegative():
		return "", fmt.Errorf("%w: %s is negative", tip.ErrAmount, d)
	case !d.Round(2).Equal(d):
		return "", fmt.Errorf("%w: %s is finer than a cent", tip.ErrAmount, d)
	}
	s := tip.FormatUSD(d)
	if d.IsInteger() {
		s = s[:len(s)-len(".00")]
	}
	return s, nil
}
