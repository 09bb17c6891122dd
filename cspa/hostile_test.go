package cspa

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse/parsetest"
)

// The start of a 405(c) report whose Section 5 the tests below fill in.
const (
	sec1 = "Section 1: Countries in Violation of the Standards Under the CSPA in 2022\n\n" +
		"The Secretary identified the following countries during the reporting period of April 1, 2021 – March 31, 2022: Somalia and Yemen.\n\n"
	sec5 = sec1 + "Section 5: Description and Amount of Assistance Provided Pursuant to a Waiver\n\n"
	// yemen is a valid country and amount that follow the line under test.
	yemen = "\nYemen\n\nInternational Military Education Training — $100.00\n"
)

// TestHostile405c holds the regression tests of issue 20 for Parse405c,
// one row an item. Item 2: strict fails with a positioned error on what it
// does not understand, lax reports a finding; both read on, so the amount
// that follows is kept.
func TestHostile405c(t *testing.T) {
	cut := func(s string) io.Reader {
		return io.MultiReader(strings.NewReader(s), iotest.ErrReader(iotest.ErrTimeout))
	}
	tests := []struct {
		item    string
		in      func() io.Reader
		want    []error // what the strict error wraps; none: no error
		pos     string  // of its first error
		amounts string  // what the strict parse keeps of Section 5
		lax     string  // what the lax parse keeps, "" if the same
		laxRule string  // the first finding of the lax parse, at pos; "" for none
		laxErr  []error // what the lax error wraps; none: no error
	}{
		{"2: a negative amount", input(sec5 + "Somalia\n\nPeacekeeping Operations $-5\n" + yemen), []error{tip.ErrAmount}, "9:25", "YEM IMET $100.00", "", ruleAmount, nil},
		{"2: an amount in exponent form", input(sec5 + "Somalia\n\nPeacekeeping Operations $1e9\n" + yemen), []error{tip.ErrAmount}, "9:25", "YEM IMET $100.00", "", ruleAmount, nil},
		{"2: an amount in another form", input(sec5 + "Somalia\n\nPeacekeeping Operations USD 100\n" + yemen), []error{tip.ErrAmount}, "9:25", "YEM IMET $100.00", "", ruleAmount, nil},
		{"2: an amount with no dollar sign", input(sec5 + "Somalia\n\nPeacekeeping Operations 100\n" + yemen), []error{tip.ErrAmount}, "9:25", "YEM IMET $100.00", "", ruleAmount, nil},
		{"2: an amount cut short of its cents", input(sec5 + "Somalia\n\nPeacekeeping Operations $5.\n" + yemen), []error{tip.ErrAmount}, "9:25", "YEM IMET $100.00", "", ruleAmount, nil},
		{"2: a misspelled country heading", input(sec5 + "Somalai\n\nPeacekeeping Operations $40,552,358.14\n" + yemen), []error{tip.ErrUnknownCountry}, "7:1", "YEM IMET $100.00",
			"- PKO $40,552,358.14; YEM IMET $100.00", ruleUnresolved, nil},
		{"2: a waiver dated February 30", input(sec1 + "Section 3. List of Waivers\n\nOn February 30, 2022, the President determined to waive in part with respect to Somalia to allow for the provision of PKO assistance.\n"),
			[]error{tip.ErrDate}, "7:4", "", "", ruleDate, nil},
		{"2: a repeated Section 1 does not replace the first", input(sec5 + "Somalia\nPeacekeeping Operations $5.00\n\n" + strings.Replace(sec1, "Somalia and Yemen", "Iran", 1)),
			[]error{tip.ErrDuplicate}, "10:1", "SOM PKO $5.00", "", ruleSection, nil},
		{"4: invalid lines stop after MaxErrors errors", input(sec5 + strings.Repeat("\xff\n", 1<<16)), []error{tip.ErrEncoding, tip.ErrTooManyErrors}, "7:1", "", "", "", []error{tip.ErrEncoding, tip.ErrTooManyErrors}},
		{"4: unreadable amounts stop after MaxErrors problems", input(sec5 + "Somalia\n" + strings.Repeat("PKO $-5\n", 1<<16)), []error{tip.ErrAmount, tip.ErrTooManyErrors}, "8:5", "", "", ruleAmount, []error{tip.ErrTooManyErrors}},
		{"5: country headings cost a lookup each", input(sec5 + strings.Repeat("Somalia\n", 1<<14) + "PKO $1.00\n"), nil, "", "SOM PKO $1.00", "", "", nil},
		{"6: a reader error keeps its identity, and the amount it cut is not read", func() io.Reader { return cut(sec5 + "Somalia\n\nPeacekeeping Operations $40,552") },
			[]error{tip.ErrRead, iotest.ErrTimeout}, "9:1", "", "", "", []error{tip.ErrRead, iotest.ErrTimeout}},
		{"9: lone CR line ends", input(strings.ReplaceAll(sec5+"Somalia\nPeacekeeping Operations $40,552,358.14\n", "\n", "\r")), nil, "", "SOM PKO $40,552,358.14", "", "", nil},
		{"10: a Section 1 year before MinYear", input(strings.Replace(sec1, "2022", "1900", 1)), []error{tip.ErrYear}, "1:70", "", "", ruleYear, nil},
		{"12: a nil reader", func() io.Reader { return nil }, []error{tip.ErrNilReader}, "1:1", "", "", "", []error{tip.ErrNilReader}},
	}
	for _, tt := range tests {
		t.Run(tt.item, func(t *testing.T) {
			r, err := Parse405c(tt.in())
			if got := amounts(r); got != tt.amounts {
				t.Errorf("strict amounts %q, want %q", got, tt.amounts)
			}
			parsetest.CheckErrors(t, err, tt.want, tt.pos)
			lr, lerr := Parse405cLax(tt.in())
			want := tt.lax
			if want == "" {
				want = tt.amounts
			}
			if got := amounts(lr); got != want {
				t.Errorf("lax amounts %q, want %q", got, want)
			}
			parsetest.CheckLax(t, lerr, lr.Findings, tt.laxErr, tt.laxRule, tt.pos)
		})
	}
}

// TestHostileList holds the regression tests of issue 20 for ParseList,
// one row an item.
func TestHostileList(t *testing.T) {
	const head = "The 2023 CSPA List Includes Governments of the following countries:\n"
	cut := func(s string) io.Reader {
		return io.MultiReader(strings.NewReader(s), iotest.ErrReader(iotest.ErrTimeout))
	}
	tests := []struct {
		item        string
		in          func() io.Reader
		want        []error
		pos         string
		governments string
		laxRule     string  // the first finding of the lax parse, at pos; "" for none
		laxErr      []error // what the lax error wraps; none: no error
	}{
		{"4: 1 MB of invalid lines stop after MaxErrors errors", input(strings.Repeat("\xff\n", 1<<19)), []error{tip.ErrEncoding, tip.ErrTooManyErrors}, "1:1", "", "", []error{tip.ErrEncoding, tip.ErrTooManyErrors}},
		{"4: 1 MB of empty lines keep nothing and are no list", input(strings.Repeat("\n", 1<<20)), []error{tip.ErrMissing}, "1:1", "", "", []error{tip.ErrMissing}},
		{"5: 100,000 unknown names stop after MaxErrors errors", input(head + "• Iran\n" + strings.Repeat("• Narnia\n", 100000)), []error{tip.ErrUnknownCountry, tip.ErrTooManyErrors}, "3:5", "IRN", ruleUnresolved, []error{tip.ErrTooManyErrors}},
		{"6: a reader error keeps its identity, and the name it cut is not read", func() io.Reader { return cut(head + "• Iran\n• Niger") },
			[]error{tip.ErrRead, iotest.ErrTimeout}, "3:1", "IRN", "", []error{tip.ErrRead, iotest.ErrTimeout}},
		{"9: lone CR line ends", input(strings.ReplaceAll(head+"• Burma\n• Iran\n", "\n", "\r")), nil, "", "MMR IRN", "", nil},
		{"10: a list year before MinYear", input(strings.Replace(head, "2023", "1900", 1) + "• Iran\n"), []error{tip.ErrYear}, "1:5", "IRN", ruleYear, nil},
		{"10: a second list", input(head + "• Iran\n\n" + head + "• Mali\n"), []error{tip.ErrDuplicate}, "4:1", "IRN", ruleSecondList, nil},
		{"12: a nil reader", func() io.Reader { return nil }, []error{tip.ErrNilReader}, "1:1", "", "", []error{tip.ErrNilReader}},
	}
	for _, tt := range tests {
		t.Run(tt.item, func(t *testing.T) {
			l, err := ParseList(tt.in())
			if got := iso3(l.Countries()); got != tt.governments {
				t.Errorf("governments %q, want %q", got, tt.governments)
			}
			parsetest.CheckErrors(t, err, tt.want, tt.pos)
			ll, lerr := ParseListLax(tt.in())
			parsetest.CheckLax(t, lerr, ll.Findings, tt.laxErr, tt.laxRule, tt.pos)
		})
	}
}

// input returns a function that returns a reader of s.
func input(s string) func() io.Reader { return func() io.Reader { return strings.NewReader(s) } }

// amounts writes the amounts of r as "ISO3 authority $amount; …", "-" for
// the zero Country.
func amounts(r *Report405c) string {
	var s []string
	for _, a := range r.Provided {
		c := a.Country.ISO3()
		if a.Country == 0 {
			c = "-"
		}
		s = append(s, fmt.Sprintf("%s %s %s", c, a.Authority, tip.FormatUSD(a.Amount)))
	}
	return strings.Join(s, "; ")
}
