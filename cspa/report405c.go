package cspa

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/text"
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
	Source      string
	Pos         tip.Position
}

// An Amount is assistance provided under a waiver (405(c) Section 5).
type Amount struct {
	Country   tip.Country
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
	Waivers      []Waiver // Section 3, one per country
	AsOf         tip.Date // Section 5: "obligated as of April 20, 2023"
	Provided     []Amount // Section 5
}

// Total returns the sum of Section 5's amounts.
func (r *Report405c) Total() decimal.Decimal {
	t := decimal.Zero
	for _, a := range r.Provided {
		t = t.Add(a.Amount)
	}
	return t
}

var (
	sec1RE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^Section 1[:.] Countries in Violation of the Standards Under the CSPA in ((?:19|20)\d\d)`)
	})
	sec2RE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^Section 2[:.] `) })
	sec3RE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^Section 3[:.] `) })
	sec4RE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^Section 4[:.] `) })
	sec5RE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^Section 5[:.] `) })
	// "during the reporting period of April 1, 2021 – March 31, 2022:  A,
	// B, and C." (2023); earlier reports write "(April 1, 2020 – March 31,
	// 2021)" and "through" for the dash.
	periodRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`reporting period(?: of| from)? \(?([A-Z][a-z]+\.? \d{1,2}, \d{4}) ?(?:[–—-]|to|through) ?([A-Z][a-z]+\.? \d{1,2}, \d{4})\)?:\s*(.*)$`)
	})
	notPlRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`planned to be provided to (.*?) in fiscal year \(FY\) (\d{4})`)
	})
	onDateRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^On ([A-Z][a-z]+\.? \d{1,2}, \d{4}),`) })
	asOfRE    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`as of ([A-Z][a-z]+ \d{1,2}, \d{4})`) })
	amountRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(.*?)\s*(?:[—–-]\s*)?(\$[\d,]+(?:\.\d+)?)$`) })
	furtherRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\.\s+The President further`) })
	respRE    = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`with respect to (?:the )?(.*?)(?: to allow|, solely| including|,|$)`)
	})
)

// Parse405c reads the section 405(c) report from a TIP Report's text (the
// whole report or just the section). Errors are positioned: a Section 1
// with no sentence naming the countries and the reporting period
// (tip.ErrSyntax: the part is there but unreadable), a Section 5 amount
// with no authority, an amount that is not money, a name that is not a
// country. Input with no 405(c) report is an error wrapping
// tip.ErrMissing. The report is returned with every part that was read,
// together with the error.
func Parse405c(r io.Reader) (*Report405c, error) {
	rep, _, err := parse405c(r, "report", false)
	return rep, err
}

// Parse405cLax reads what Parse405c reads, keeping names that only resolve
// through errata and reporting them as findings.
func Parse405cLax(r io.Reader) (*Report405c, []tip.Finding, error) {
	return parse405c(r, "report", true)
}

func parse405c(r io.Reader, src string, lax bool) (*Report405c, []tip.Finding, error) {
	var fs []tip.Finding
	rs := &resolver{src: src, lax: lax, findings: &fs}
	lines := readLines(r, rs)
	rep := &Report405c{}
	section := 0
	found := false
	var country tip.Country // Section 5's current country heading
	// Section 1's heading, its first line of text, and how many period
	// sentences were read in it.
	var sec1Pos, sec1Text tip.Position
	sec1Read := 0
	places := func(s string, pos tip.Position, field string) []tip.Country {
		var out []tip.Country
		pl := tip.SplitPlaces(strings.TrimSuffix(strings.TrimSpace(s), "."))
		for _, m := range pl.Members {
			name := strings.TrimPrefix(strings.TrimSpace(m.Text), "the ")
			c, ok := rs.resolve(name, tip.Position{Line: pos.Line, Col: pos.Col + m.Offset}, field)
			if ok && c != 0 {
				out = append(out, c)
			}
		}
		return out
	}
	for i, raw := range lines {
		t := strings.TrimSpace(text.Clean(raw))
		pos := tip.Position{Line: i + 1, Col: 1}
		if t == "" {
			continue
		}
		if m := sec1RE().FindStringSubmatch(t); m != nil {
			y, _ := strconv.Atoi(m[1])
			rep.Year, section, found = tip.ReportYear(y), 1, true
			sec1Pos = pos
			continue
		}
		if !found {
			continue
		}
		switch {
		case sec2RE().MatchString(t):
			section = 2
			continue
		case sec3RE().MatchString(t):
			section = 3
			continue
		case sec4RE().MatchString(t):
			section = 4
			continue
		case sec5RE().MatchString(t):
			section = 5
			continue
		}
		switch section {
		case 1:
			if !sec1Text.IsValid() {
				sec1Text = pos
			}
			if m := periodRE().FindStringSubmatchIndex(t); m != nil {
				from, err1 := tip.ParseDate(t[m[2]:m[3]])
				to, err2 := tip.ParseDate(t[m[4]:m[5]])
				if err1 != nil || err2 != nil {
					rs.errs.Add(tip.Errorf(src, pos, "Section 1", tip.ErrDate, "reporting period %q", t[m[2]:m[5]]))
				}
				rep.From, rep.To = from, to
				col := strings.Index(raw, t) + m[6] + 1
				rep.Violations = places(t[m[6]:m[7]], tip.Position{Line: pos.Line, Col: col}, "Section 1")
				sec1Read++
			}
		case 2:
			if m := notPlRE().FindStringSubmatchIndex(t); m != nil {
				fy, _ := strconv.Atoi(t[m[4]:m[5]])
				rep.NotPlannedFY = tip.FiscalYear(fy)
				rep.NotPlanned = places(strings.Replace(t[m[2]:m[3]], ", or ", ", and ", 1), tip.Position{Line: pos.Line, Col: m[2] + 1}, "Section 2")
			}
		case 3:
			rep.Waivers = append(rep.Waivers, parseWaivers(t, pos, rep.Year, rs)...)
		case 5:
			if m := asOfRE().FindStringSubmatch(t); m != nil && rep.AsOf.IsZero() {
				if d, err := tip.ParseDate(m[1]); err == nil {
					rep.AsOf = d
				}
			}
			if strings.HasPrefix(t, "As of") || strings.HasPrefix(t, "The information") {
				if n := len(rep.Provided); n > 0 && strings.HasPrefix(t, "As of") && rep.Provided[n-1].Note == "" {
					rep.Provided[n-1].Note = t
				}
				continue
			}
			if m := amountRE().FindStringSubmatch(t); m != nil {
				amt, err := tip.ParseUSD(m[2])
				if err != nil {
					rs.errs.Add(tip.Errorf(src, tip.Position{Line: pos.Line, Col: strings.Index(raw, m[2]) + 1}, "Section 5", err, ""))
					continue
				}
				a, err := ParseAuthority(strings.TrimSpace(m[1]))
				if err != nil {
					rs.errs.Add(tip.Errorf(src, pos, "Section 5", tip.ErrSyntax, "amount %s with no authority (%q)", m[2], m[1]))
					continue
				}
				if country == 0 {
					rs.errs.Add(tip.Errorf(src, pos, "Section 5", tip.ErrMissing, "amount %s before any country heading", m[2]))
					continue
				}
				rep.Provided = append(rep.Provided, Amount{Country: country, Authority: a, Amount: amt, Pos: pos})
				continue
			}
			if c, err := tip.LookupCountry(t); err == nil {
				country = c
				continue
			}
			// The glossary that follows the report ends Section 5.
			section = 6
		}
	}
	// Section 1 is the report's subject: a heading with no sentence this
	// reader understands is an unreadable part, not a missing one.
	if found && sec1Read == 0 {
		at := sec1Pos
		if sec1Text.IsValid() {
			at = sec1Text
		}
		rs.errs.Add(tip.Errorf(src, at, "Section 1", tip.ErrSyntax, "no sentence naming the countries and the reporting period (\"… during the reporting period of April 1, 2021 – March 31, 2022: A, B, and C.\")"))
	}
	if !found && rs.errs.Len() == 0 {
		rs.errs.Add(tip.Errorf(src, tip.Position{Line: 1, Col: 1}, "405(c)", tip.ErrMissing, "no \"Section 1: Countries in Violation of the Standards Under the CSPA in YYYY\""))
	}
	return rep, fs, rs.errs.Err()
}

// parseWaivers reads Section 3's determination: clauses separated by ";",
// each naming countries ("with respect to Somalia and Yemen") and the
// authorities it allows; "the above countries" refers back; a "solely …"
// phrase is a limit.
func parseWaivers(t string, pos tip.Position, listYear tip.ReportYear, rs *resolver) []Waiver {
	var date tip.Date
	if m := onDateRE().FindStringSubmatch(t); m != nil {
		date, _ = tip.ParseDate(m[1])
	}
	fy := tip.FiscalYearOf(date)
	if date.IsZero() {
		fy = listYear.RestrictionYear()
	}
	if loc := furtherRE().FindStringIndex(t); loc != nil {
		t = t[:loc[0]]
	}
	var out []Waiver
	index := make(map[tip.Country]int)
	add := func(c tip.Country, name string, auth []Authority, partial bool, limit string) {
		i, ok := index[c]
		if !ok {
			out = append(out, Waiver{Country: c, Name: name, Date: date, FiscalYear: fy, Partial: partial, Source: "405(c) Section 3", Pos: pos})
			i = len(out) - 1
			index[c] = i
		}
		w := &out[i]
		for _, a := range auth {
			if !containsAuth(w.Authorities, a) {
				w.Authorities = append(w.Authorities, a)
			}
		}
		w.Partial = w.Partial || partial
		if limit != "" {
			if w.Limit != "" {
				w.Limit += "; "
			}
			w.Limit += limit
		}
	}
	for _, clause := range strings.Split(t, ";") {
		partial := strings.Contains(clause, "in part")
		matches := respRE().FindAllStringSubmatchIndex(clause, -1)
		for k, m := range matches {
			name := strings.TrimSpace(clause[m[2]:m[3]])
			end := len(clause)
			if k+1 < len(matches) {
				end = matches[k+1][0]
			}
			seg := clause[m[1]:end]
			if strings.HasPrefix(name, "allowing") {
				// "with respect to allowing for the issuance of licenses for
				// direct commercial sales related to other U.S. government
				// assistance for the above countries"
				if strings.Contains(seg, "above countries") || strings.Contains(name, "above countries") {
					limit := "DCS: licenses related to other U.S. government assistance"
					for _, w := range append([]Waiver(nil), out...) {
						add(w.Country, w.Name, []Authority{DCS}, true, limit)
					}
				}
				continue
			}
			limit := ""
			if j := strings.Index(seg, "solely"); j >= 0 {
				limit = strings.TrimSpace(strings.TrimSuffix(seg[j:], "."))
			} else if j := strings.Index(clause[m[0]:], "solely"); j >= 0 && k+1 == len(matches) {
				limit = strings.TrimSpace(strings.TrimSuffix(clause[m[0]+j:], "."))
			}
			auth := findAuthorities(seg)
			if limit != "" && len(auth) == 0 {
				auth = findAuthorities(limit)
			}
			pl := tip.SplitPlaces(name)
			for _, mem := range pl.Members {
				n := strings.TrimPrefix(strings.TrimSpace(mem.Text), "the ")
				c, ok := rs.resolve(n, tip.Position{Line: pos.Line, Col: pos.Col + m[2] + mem.Offset}, "Section 3")
				if !ok || c == 0 {
					continue
				}
				add(c, n, auth, partial || limit != "", limit)
			}
		}
	}
	for i := range out {
		sortAuth(out[i].Authorities)
	}
	return out
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
