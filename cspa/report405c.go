package cspa

import (
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse"
)

// A Waiver lifts the CSPA's prohibition for one country in one fiscal year,
// wholly or in part.
type Waiver struct {
	Country     tip.Country
	Name        string         // as written
	Date        tip.Date       // of the determination; zero if not stated
	FiscalYear  tip.FiscalYear // the year it applies to
	Authorities []Authority    // what it allows; empty for a full waiver, or when the source does not say
	Partial     bool           // "waive in part"
	Limit       string         // a limit stated in words: "solely for direct commercial sales in connection with the International Space Station"
	Source      string         // the document and part: "seed 003, 405(c) Section 3"
	Pos         tip.Position   // of the sentence that grants it
}

// An Amount is assistance provided under a waiver (405(c) Section 5).
type Amount struct {
	Country   tip.Country // zero if the heading above it names no country (lax parse only)
	Name      string      // the country heading above it, as written: "Democratic Republic of the Congo"
	Authority Authority
	Amount    decimal.Decimal // exact: "$40,552,358.14"
	Note      string          // the sentence after it: "As of April 20, 2023, PKO funding was obligated …"
	Pos       tip.Position
}

// A Report405c is the annual report under section 405(c) of the CSPA
// (22 U.S.C. 2370c-2(c)) that the TIP Report carries.
type Report405c struct {
	Year       tip.ReportYear // the year of the list Section 1 repeats ("in 2022")
	Violations []tip.Country  // Section 1
	From, To   tip.Date       // Section 1's reporting period
	// Section 2: countries for which no assistance subject to 404(a) was
	// planned in NotPlannedFY, so nothing was withheld.
	NotPlanned   []tip.Country
	NotPlannedFY tip.FiscalYear
	Waivers      []Waiver      // Section 3, one per country
	AsOf         tip.Date      // Section 5: "obligated as of April 20, 2023"
	Provided     []Amount      // Section 5
	Findings     []tip.Finding // what a lax parse tolerated; nil from Parse405c
}

// Total returns the sum of Section 5's amounts.
func (r *Report405c) Total() decimal.Decimal {
	t := decimal.Zero
	for _, a := range r.Provided {
		t = t.Add(a.Amount)
	}
	return t
}

// Parse405c reads the section 405(c) report from a TIP Report's text (the
// whole report or just the section), strictly: anything it does not
// understand is a positioned *tip.ParseError, all of them returned in a
// tip.ErrorList together with the report holding every part that was read.
//
// It reads Section 1's sentence naming the countries and the reporting
// period, Section 2's sentence naming the countries for which nothing was
// planned, Section 3's waivers, and Section 5's amounts: country headings,
// each followed by lines "<authority> [—] $<amount>", and notes ("As of
// April 20, 2023, …"). Section 5 ends at a line that is none of these (the
// glossary that follows it in the report). Errors include a Section 1 with
// no sentence this parser understands (tip.ErrSyntax: the part is there but
// unreadable), an amount line whose amount or authority does not read
// ("Peacekeeping Operations $-5", "USD 100"), a heading above amounts that
// names no country, a date that does not exist, a year out of range, and a
// section printed twice. Input with no 405(c) report is an error wrapping
// tip.ErrMissing.
//
// It is Parse405cWith with the zero tip.ParseOptions.
func Parse405c(r io.Reader) (*Report405c, error) {
	return Parse405cWith(r, tip.ParseOptions{})
}

// Parse405cLax reads what Parse405c reads, keeping names that only resolve
// through errata, and amounts under a heading that names no country (with a
// zero Country); it reports them and every other problem Parse405c fails
// on as findings in Report405c.Findings (the package documentation lists
// their rules), and reads on. It fails only on text that is not text, a
// failed read, input with no readable Section 1, and too many problems.
//
// It is Parse405cWith with tip.ParseOptions{Lax: true}.
func Parse405cLax(r io.Reader) (*Report405c, error) {
	return Parse405cWith(r, tip.ParseOptions{Lax: true})
}

// Parse405cWith reads a 405(c) report as opts say: strictly as Parse405c
// does, or, with opts.Lax, as Parse405cLax does with opts.Errata. Errors
// and findings name opts.Source ("report" if empty): "tip2023.txt:1814:25:
// Section 5: invalid amount: …".
//
// Memory grows with what the report holds, not with its length: blank and
// rejected lines keep nothing, and a parse stops after tip.MaxErrors
// errors (a lax parse also after tip.MaxErrors problems it read past) with
// an error wrapping tip.ErrTooManyErrors. A failed read is returned
// wrapping tip.ErrRead and the reader's own error; the line it cut short
// is not read ("$40,552,358.14" cut after "$40,552" is no amount). A nil r
// is an error wrapping tip.ErrNilReader.
func Parse405cWith(r io.Reader, opts tip.ParseOptions) (*Report405c, error) {
	sp := &sectionParser{Collector: parse.NewCollector(opts, "report", nameRules), rep: &Report405c{}}
	if sp.ReadLines(r, sp.line) {
		sp.end()
	}
	sp.rep.Findings = sp.Findings()
	tip.SortFindings(sp.rep.Findings)
	return sp.rep, sp.Err()
}

func containsAuth(as []Authority, a Authority) bool {
	for _, x := range as {
		if x == a {
			return true
		}
	}
	return false
}

func sortAuth(as []Authority) {
	for i := 1; i < len(as); i++ {
		for j := i; j > 0 && as[j] < as[j-1]; j-- {
			as[j], as[j-1] = as[j-1], as[j]
		}
	}
}

// String summarizes a waiver: "FY2023 Somalia, in part: IMET PKO DCS 10 U.S.C. 333".
func (w Waiver) String() string {
	s := fmt.Sprintf("FY%d %s", w.FiscalYear, w.Country.Name())
	if w.Partial {
		s += ", in part"
	}
	if len(w.Authorities) > 0 {
		var a []string
		for _, x := range w.Authorities {
			a = append(a, x.String())
		}
		s += ": " + strings.Join(a, ", ")
	}
	if w.Limit != "" {
		s += " (" + w.Limit + ")"
	}
	return s
}
