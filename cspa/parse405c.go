package cspa

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse"
	"github.com/tipkit/tipkit/tip/text"
)

// sectionREs are the regular expressions of the 405(c) report's lines.
type sectionREs struct {
	section1, section, period, notPlanned, onDate, asOf, further, respect *regexp.Regexp
}

// sectionPatterns compiles them on first use, so that importing the
// package costs nothing.
var sectionPatterns = sync.OnceValue(func() *sectionREs {
	return &sectionREs{
		section1: regexp.MustCompile(`^Section 1[:.] Countries in Violation of the Standards Under the CSPA in (\d{4})`),
		section:  regexp.MustCompile(`^Section ([2-5])[:.] `),
		// "during the reporting period of April 1, 2021 – March 31, 2022:  A,
		// B, and C." (2023); earlier reports write "(April 1, 2020 – March 31,
		// 2021)" and "through" for the dash.
		period:     regexp.MustCompile(`reporting period(?: of| from)? \(?([A-Z][a-z]+\.? \d{1,2}, \d{4}) ?(?:[–—-]|to|through) ?([A-Z][a-z]+\.? \d{1,2}, \d{4})\)?:\s*(.*)$`),
		notPlanned: regexp.MustCompile(`planned to be provided to (.*?) in fiscal year \(FY\) (\d{4})`),
		onDate:     regexp.MustCompile(`^On ([A-Z][a-z]+\.? \d{1,2}, \d{4}),`),
		asOf:       regexp.MustCompile(`as of ([A-Z][a-z]+ \d{1,2}, \d{4})`),
		further:    regexp.MustCompile(`\.\s+The President further`),
		respect:    regexp.MustCompile(`with respect to (?:the )?(.*?)(?: to allow|, solely| including|,|$)`),
	}
})

// The sections of a 405(c) report, and two states besides.
const (
	sectionNone = 0 // before Section 1: nothing is read
	sectionDone = 6 // after the end of Section 5: nothing is read until a heading
	sectionSkip = 7 // a section printed a second time: skipped to the next heading
)

// fieldSection is the Field of errors in section n: "Section 5".
func fieldSection(n int) string { return "Section " + strconv.Itoa(n) }

// A sectionParser reads a 405(c) report one line at a time, holding the
// section it is in and what the report keeps.
type sectionParser struct {
	*parse.Collector
	rep      *Report405c
	section  int
	headings [6]tip.Position // of each section's heading, once read
	sec1Text tip.Position    // Section 1's first line of text
	sec1Read tip.Position    // Section 1's sentence naming the countries
	sec2Read tip.Position    // Section 2's sentence naming the countries

	// Section 5: the country heading the amounts are under, and a line
	// that may be one.
	headed  bool        // a heading has been read
	country tip.Country // zero for a heading that names no country
	heading string      // as written
	pending *parse.Line // a name that names no country: a heading if amounts follow, else the end of the section
}

// line reads one line in the section the parser is in.
func (sp *sectionParser) line(l parse.Line) {
	if l.Text == "" {
		return
	}
	re := sectionPatterns()
	if m := re.section1.FindStringSubmatchIndex(l.Text); m != nil {
		if sp.enter(1, l) {
			y, err := tip.ParseReportYear(l.Text[m[2]:m[3]])
			if err != nil {
				sp.Problem(sp.Errorf(l.At(m[2]), fieldSection(1), err, ""), tip.Finding{Rule: ruleYear, Subject: l.Text[m[2]:m[3]]})
			}
			sp.rep.Year = y
		}
		return
	}
	if sp.section == sectionNone {
		return
	}
	if m := re.section.FindStringSubmatch(l.Text); m != nil {
		n, _ := strconv.Atoi(m[1])
		sp.enter(n, l)
		return
	}
	switch sp.section {
	case 1:
		sp.sentence1(l)
	case 2:
		sp.sentence2(l)
	case 3:
		sp.waivers(l)
	case 5:
		sp.section5(l)
	}
}

// enter starts section n at its heading l and reports whether it is read:
// a section printed a second time is reported and skipped, the first kept.
func (sp *sectionParser) enter(n int, l parse.Line) bool {
	sp.pending = nil // a name line last in Section 5 ended it
	if prev := sp.headings[n]; prev.IsValid() {
		sp.Problem(sp.Errorf(l.Pos, fieldSection(n), tip.ErrDuplicate, "printed again (first at line %d); the first is kept", prev.Line),
			tip.Finding{Rule: ruleSection, Subject: fieldSection(n)})
		sp.section = sectionSkip
		return false
	}
	sp.headings[n], sp.section = l.Pos, n
	return true
}

// again reports a sentence that section n states once, stated a second
// time at l: the first is kept.
func (sp *sectionParser) again(n int, first tip.Position, l parse.Line) {
	sp.Problem(sp.Errorf(l.Pos, fieldSection(n), tip.ErrDuplicate, "names its countries again (first at line %d); the first is kept", first.Line),
		tip.Finding{Rule: ruleSentence, Subject: fieldSection(n)})
}

// date reads the date at l.Text[i:j], reporting one that does not exist.
func (sp *sectionParser) date(l parse.Line, i, j, section int) tip.Date {
	d, err := tip.ParseDate(l.Text[i:j])
	if err != nil {
		sp.Problem(sp.Errorf(l.At(i), fieldSection(section), err, ""), tip.Finding{Rule: ruleDate, Subject: l.Text[i:j]})
	}
	return d
}

// sentence1 reads Section 1's sentence: "… during the reporting period of
// April 1, 2021 – March 31, 2022:  Afghanistan, Burma, …, and Yemen."
func (sp *sectionParser) sentence1(l parse.Line) {
	if !sp.sec1Text.IsValid() {
		sp.sec1Text = l.Pos
	}
	m := sectionPatterns().period.FindStringSubmatchIndex(l.Text)
	if m == nil {
		return
	}
	if sp.sec1Read.IsValid() {
		sp.again(1, sp.sec1Read, l)
		return
	}
	sp.sec1Read = l.Pos
	sp.rep.From = sp.date(l, m[2], m[3], 1)
	sp.rep.To = sp.date(l, m[4], m[5], 1)
	sp.rep.Violations = sp.places(l, m[6], m[7], 1)
}

// sentence2 reads Section 2's sentence: "No security assistance … was
// planned to be provided to Afghanistan, …, or Venezuela in fiscal year
// (FY) 2023."
func (sp *sectionParser) sentence2(l parse.Line) {
	m := sectionPatterns().notPlanned.FindStringSubmatchIndex(l.Text)
	if m == nil {
		return
	}
	if sp.sec2Read.IsValid() {
		sp.again(2, sp.sec2Read, l)
		return
	}
	sp.sec2Read = l.Pos
	fy, err := tip.ParseFiscalYear(l.Text[m[4]:m[5]])
	if err != nil {
		sp.Problem(sp.Errorf(l.At(m[4]), fieldSection(2), err, ""), tip.Finding{Rule: ruleYear, Subject: l.Text[m[4]:m[5]]})
	}
	sp.rep.NotPlannedFY = fy
	sp.rep.NotPlanned = sp.places(l, m[2], m[3], 2)
}

// places reads the countries named in l.Text[i:j], "A, B, or C": those
// that resolve, in order.
func (sp *sectionParser) places(l parse.Line, i, j, section int) []tip.Country {
	s := strings.TrimSuffix(l.Text[i:j], ".")
	// SplitPlaces joins with "and"; "or" is as long, less one byte.
	or := strings.Index(s, ", or ")
	if or >= 0 {
		s = s[:or] + ", and " + s[or+len(", or "):]
	}
	var out []tip.Country
	for _, m := range tip.SplitPlaces(s).Members {
		name, off := cutThe(m.Text), m.Offset
		off += len(m.Text) - len(name)
		if or >= 0 && off > or {
			off--
		}
		if c, ok := sp.Resolve(name, l.At(i+off), fieldSection(section)); ok && c != 0 {
			out = append(out, c)
		}
	}
	return out
}

// cutThe drops the article of "the Democratic Republic of the Congo".
func cutThe(s string) string { return strings.TrimPrefix(strings.TrimSpace(s), "the ") }

// waivers reads a line of Section 3's determination: clauses separated by
// ";", each naming countries ("with respect to Somalia and Yemen") and the
// authorities it allows; "the above countries" refers back; a "solely …"
// phrase is a limit. The date ("On October 3, 2022,") gives the fiscal
// year; without one, it is the one the list of Section 1 restricts.
func (sp *sectionParser) waivers(l parse.Line) {
	re := sectionPatterns()
	var date tip.Date
	if m := re.onDate.FindStringSubmatchIndex(l.Text); m != nil {
		date = sp.date(l, m[2], m[3], 3)
	}
	var fy tip.FiscalYear
	switch {
	case !date.IsZero():
		fy = tip.FiscalYearOf(date)
	case sp.rep.Year != 0:
		fy = sp.rep.Year.RestrictionYear()
	}
	t := l.Text
	if loc := re.further.FindStringIndex(t); loc != nil {
		t = t[:loc[0]]
	}
	var out []Waiver
	index := make(map[tip.Country]int)
	add := func(c tip.Country, name string, auth []Authority, partial bool, limit string) {
		i, ok := index[c]
		if !ok {
			out = append(out, Waiver{Country: c, Name: name, Date: date, FiscalYear: fy, Partial: partial, Source: sp.Source() + ", 405(c) Section 3", Pos: l.Pos})
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
	for start := 0; start < len(t); {
		end := strings.IndexByte(t[start:], ';')
		if end < 0 {
			end = len(t)
		} else {
			end += start
		}
		clause := t[start:end]
		partial := strings.Contains(clause, "in part")
		matches := re.respect.FindAllStringSubmatchIndex(clause, -1)
		for k, m := range matches {
			name := strings.TrimSpace(clause[m[2]:m[3]])
			segEnd := len(clause)
			if k+1 < len(matches) {
				segEnd = matches[k+1][0]
			}
			seg := clause[m[1]:segEnd]
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
			for _, mem := range tip.SplitPlaces(clause[m[2]:m[3]]).Members {
				n := cutThe(mem.Text)
				off := start + m[2] + mem.Offset + len(mem.Text) - len(n)
				if c, ok := sp.Resolve(n, l.At(off), fieldSection(3)); ok && c != 0 {
					add(c, n, auth, partial || limit != "", limit)
				}
			}
		}
		start = end + 1
	}
	for i := range out {
		sortAuth(out[i].Authorities)
	}
	sp.rep.Waivers = append(sp.rep.Waivers, out...)
}

// The kinds of line Section 5 holds.
const (
	lineOther  = iota // what follows the section: the glossary
	lineNote          // "As of April 20, 2023, IMET funding was obligated …", or another sentence
	lineAmount        // "Peacekeeping Operations $40,552,358.14"
	lineName          // a country heading, or what may be one
)

// kind5 says what a line of Section 5 is, and for an amount line where its
// amount starts. An amount line ends in an amount of at most two words
// ("$142,741.85", "$3.12 million", or what is meant as one: "USD 100",
// "$-5") or starts with an authority ("Peacekeeping Operations 100"); the
// State Department writes no other line so.
func kind5(t string) (kind, at int) {
	if strings.HasPrefix(t, "As of") || strings.HasPrefix(t, "The information") {
		return lineNote, 0
	}
	at = max(strings.LastIndexByte(t, '$'), lastWord(t, "USD"))
	if at >= 0 && strings.Count(t[at:], " ") <= 1 {
		return lineAmount, at
	}
	if strings.HasSuffix(t, ".") {
		return lineNote, 0
	}
	if !text.IsNameLine(t) {
		return lineOther, 0
	}
	if at = authorityAmount(t); at > 0 {
		return lineAmount, at
	}
	return lineName, 0
}

// authorityAmount returns where the number starts in a line such as
// "Peacekeeping Operations 100": after an authority's name; 0 if t is no
// such line. Only short lines are asked, so that trying each number costs
// little.
func authorityAmount(t string) int {
	for i := 1; i < len(t); i++ {
		if '0' <= t[i] && t[i] <= '9' && isDashOrSpace(rune(t[i-1])) {
			if _, err := ParseAuthority(strings.TrimRightFunc(t[:i], isDashOrSpace)); err == nil {
				return i
			}
		}
	}
	return 0
}

// lastWord returns the index of the last w in t that stands as a word, or
// -1.
func lastWord(t, w string) int {
	for i := strings.LastIndex(t, w); i >= 0; i = strings.LastIndex(t[:i], w) {
		if (i == 0 || t[i-1] == ' ') && (i+len(w) == len(t) || t[i+len(w)] == ' ') {
			return i
		}
	}
	return -1
}

func isDashOrSpace(r rune) bool { return text.IsDash(r) || text.IsSpace(r) }

// section5 reads a line of Section 5: country headings, each followed by
// its amounts, and notes. A name line that names no country is a heading
// (and reported) if an amount line follows it; otherwise the section ends
// before it, as it does at any other line.
func (sp *sectionParser) section5(l parse.Line) {
	k, at := kind5(l.Text)
	if sp.pending != nil {
		head := *sp.pending
		sp.pending = nil
		if k != lineAmount {
			sp.section = sectionDone
			return
		}
		sp.head(head)
	}
	switch k {
	case lineNote:
		sp.note(l)
	case lineAmount:
		sp.amount(l, at)
	case lineName:
		if sp.IsCountry(l.Text) {
			sp.head(l)
		} else {
			sp.pending = &l
		}
	default:
		sp.section = sectionDone
	}
}

// head reads a country heading; the amounts that follow are that
// country's.
func (sp *sectionParser) head(l parse.Line) {
	c, ok := sp.Resolve(l.Text, l.Pos, fieldSection(5))
	sp.headed, sp.country, sp.heading = ok, c, l.Text
}

// note reads a note: "As of April 20, 2023, …" after an amount is the
// amount's, and the first date "as of" is the report's AsOf.
func (sp *sectionParser) note(l parse.Line) {
	if m := sectionPatterns().asOf.FindStringSubmatchIndex(l.Text); m != nil && sp.rep.AsOf.IsZero() {
		sp.rep.AsOf = sp.date(l, m[2], m[3], 5)
	}
	if n := len(sp.rep.Provided); n > 0 && strings.HasPrefix(l.Text, "As of") && sp.rep.Provided[n-1].Note == "" {
		sp.rep.Provided[n-1].Note = l.Text
	}
}

// amount reads an amount line, "Peacekeeping Operations $40,552,358.14",
// whose amount starts at l.Text[at:].
func (sp *sectionParser) amount(l parse.Line, at int) {
	field, money := fieldSection(5), l.Text[at:]
	amt, err := tip.ParseUSD(money)
	if err != nil {
		sp.Problem(sp.Errorf(l.At(at), field, err, ""), tip.Finding{Rule: ruleAmount, Subject: l.Text})
		return
	}
	name := strings.TrimRightFunc(l.Text[:at], isDashOrSpace)
	a, err := ParseAuthority(name)
	if err != nil {
		sp.Problem(sp.Errorf(l.Pos, field, tip.ErrSyntax, "amount %s with no authority it knows (%q; want IMET, FMF, EDA, PKO, DCS or 10 U.S.C. 333 by name, as in \"Peacekeeping Operations $142,741.85\")", money, name),
			tip.Finding{Rule: ruleAmount, Subject: l.Text})
		return
	}
	if !sp.headed {
		if sp.heading == "" { // no heading at all, rather than one a strict parse refused
			sp.Problem(sp.Errorf(l.Pos, field, tip.ErrMissing, "amount %s before any country heading (want the country's name on a line of its own above its amounts)", money),
				tip.Finding{Rule: ruleAmount, Subject: l.Text})
		}
		return
	}
	sp.rep.Provided = append(sp.rep.Provided, Amount{Country: sp.country, Name: sp.heading, Authority: a, Amount: amt, Pos: l.Pos})
}

// end reports a report that could not be found, or whose Section 1 could
// not be read: it is the report's subject, so a heading with no sentence
// this parser understands is an unreadable part, not a missing one.
func (sp *sectionParser) end() {
	switch {
	case !sp.headings[1].IsValid():
		if !sp.Failed() {
			sp.Fail(sp.Errorf(tip.Position{Line: 1, Col: 1}, "405(c)", tip.ErrMissing, "no \"Section 1: Countries in Violation of the Standards Under the CSPA in YYYY\""))
		}
	case !sp.sec1Read.IsValid():
		at := sp.headings[1]
		if sp.sec1Text.IsValid() {
			at = sp.sec1Text
		}
		sp.Fail(sp.Errorf(at, fieldSection(1), tip.ErrSyntax, "no sentence naming the countries and the reporting period (want \"… during the reporting period of April 1, 2021 – March 31, 2022: A, B, and C.\")"))
	}
}
