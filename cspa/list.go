package cspa

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse"
	"github.com/tipkit/tipkit/tip/text"
)

// A Status says how complete a list is.
type Status uint8

// The statuses.
const (
	StatusUnknown  Status = iota
	StatusFull            // every government of the list
	StatusPartial         // some: Data.Listed answers "unknown" for the others
	StatusNotFound        // the list exists but tipkit has no copy
)

// String returns "full", "partial", "not found" or "unknown".
func (s Status) String() string {
	return [...]string{"unknown", "full", "partial", "not found"}[min(int(s), 3)]
}

// MarshalText writes String's form.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// A List is the CSPA list of one TIP Report: the governments identified
// during the reporting period as having forces or government-supported
// armed groups that recruit or use child soldiers.
type List struct {
	Year        tip.ReportYear
	Governments []Listed // in the order printed
	// The reporting period: Year.ReportingPeriod(), April 1 of Year-1 to
	// March 31 of Year, or the period the source states.
	From, To tip.Date
	Status   Status
	Source   string
	Pos      tip.Position  // of the introducing line
	Findings []tip.Finding // what a lax parse tolerated; nil from ParseList
}

// A Listed is one government of a list, as printed.
type Listed struct {
	Country tip.Country  // zero if the name did not resolve (lax parse only)
	Name    string       // as written: "Türkiye", "Democratic Republic of the Congo"
	Pos     tip.Position // of the name in the list's Source; zero if the source gives none
}

// Countries returns the list's countries in the order printed, a zero
// Country where a name did not resolve (lax parse only).
func (l *List) Countries() []tip.Country {
	out := make([]tip.Country, len(l.Governments))
	for i, g := range l.Governments {
		out[i] = g.Country
	}
	return out
}

// Contains reports whether the list names c.
func (l *List) Contains(c tip.Country) bool {
	for _, g := range l.Governments {
		if g.Country == c {
			return true
		}
	}
	return false
}

// listIntro matches the line that introduces the list, compiled on first
// use so that importing the package costs nothing.
var listIntro = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^The (\d{4}) CSPA List Includes Governments of the following countries:?$`)
})

// fieldList is the Field of the list's errors.
const fieldList = "CSPA list"

// ParseList reads the CSPA list of a TIP Report: the line "The 2023 CSPA
// List Includes Governments of the following countries:" and the list
// after it — bullets as the report prints them, numbers ("1. Burma"), bare
// names one per line, or one sentence ("Burma, Iran, and Mali."). The
// input may be the whole report or just the section, and holds one list.
// A name that is not a country is a *tip.ParseError; all errors come in a
// tip.ErrorList with the list holding every name that could be read. Input
// with no list is an error wrapping tip.ErrMissing; the heading followed by
// no list it can read, one wrapping tip.ErrSyntax; a second list, one
// wrapping tip.ErrDuplicate.
//
// It is ParseListWith with the zero tip.ParseOptions.
func ParseList(r io.Reader) (*List, error) { return ParseListWith(r, tip.ParseOptions{}) }

// ParseListLax reads what ParseList reads; names that only resolve through
// tip.DefaultErrata, or not at all, are kept (the latter with a zero
// Country), and they and every other problem ParseList fails on are
// reported as findings in List.Findings (the package documentation lists
// their rules). It fails only on text that is not text, a failed read, input
// with no list it can read, and too many problems.
//
// It is ParseListWith with tip.ParseOptions{Lax: true}.
func ParseListLax(r io.Reader) (*List, error) { return ParseListWith(r, tip.ParseOptions{Lax: true}) }

// ParseListWith reads a list as opts say: strictly as ParseList does, or,
// with opts.Lax, as ParseListLax does with opts.Errata. Errors and findings
// name opts.Source ("report" if empty). Memory and time are bounded as for
// Parse405cWith; a nil r is an error wrapping tip.ErrNilReader.
func ParseListWith(r io.Reader, opts tip.ParseOptions) (*List, error) {
	lp := &listParser{Collector: parse.NewCollector(opts, "report", nameRules), seen: make(map[tip.Country]tip.Position)}
	lp.l = &List{Source: lp.Source()}
	if lp.ReadLines(r, lp.line) {
		lp.end()
	}
	lp.l.Findings = lp.Findings()
	tip.SortFindings(lp.l.Findings)
	return lp.l, lp.Err()
}

// A listParser reads one list a line at a time.
type listParser struct {
	*parse.Collector
	l     *List
	seen  map[tip.Country]tip.Position
	found bool // the introducing line was read
	in    bool // reading the list's items
	// The items read so far and how: bullets or numbers, or bare names
	// (which end at a bullet); and whether a blank line came after the
	// last one.
	items          int
	bulleted, bare bool
	blank          bool
}

// line reads one line: the list's items, and outside them its introducing
// line.
func (lp *listParser) line(l parse.Line) {
	if lp.in && lp.item(l) {
		return
	}
	lp.in = false
	m := listIntro().FindStringSubmatchIndex(l.Text)
	if m == nil {
		return
	}
	if lp.found {
		lp.Problem(lp.Errorf(l.Pos, fieldList, tip.ErrDuplicate, "a second list (the first is at line %d; one input holds one list)", lp.l.Pos.Line),
			tip.Finding{Rule: ruleSecondList, Subject: l.Text})
		return
	}
	lp.found, lp.in = true, true
	lp.l.Pos, lp.l.Status = l.Pos, StatusFull
	y, err := tip.ParseReportYear(l.Text[m[2]:m[3]])
	if err != nil {
		lp.Problem(lp.Errorf(l.At(m[2]), fieldList, err, ""), tip.Finding{Rule: ruleYear, Subject: l.Text[m[2]:m[3]]})
		return
	}
	lp.l.Year = y
	lp.l.From, lp.l.To = y.ReportingPeriod()
}

// item reads a line after the introducing one and reports whether it
// belongs to the list: bullets or numbers as the report prints them, bare
// names one per line (the first a country), or one sentence "Burma, Iran,
// and Mali." as a retyped list may have it.
func (lp *listParser) item(l parse.Line) bool {
	if l.Text == "" {
		lp.blank = true
		return true
	}
	item, col, ok := text.CutBullet(l.Raw)
	switch {
	case ok && !lp.bare:
		lp.bulleted = true
	case ok || lp.bulleted:
		return false
	case lp.items == 0 && !text.IsNameLine(l.Text):
		lp.sentence(l)
		lp.in = false
		return lp.items > 0
	case !text.IsNameLine(l.Text) || listIntro().MatchString(l.Text) || (lp.items == 0 || lp.blank) && !lp.IsCountry(l.Text):
		return false
	default:
		lp.bare = true
		item, col = l.Text, l.Pos.Col
	}
	lp.blank = false
	lp.items++
	lp.add(item, tip.Position{Line: l.Pos.Line, Col: col})
	return true
}

// sentence reads a list written as one sentence, "Burma, Iran, and Mali.".
// A sentence whose first member is no country is not a list: it reads
// none.
func (lp *listParser) sentence(l parse.Line) {
	pl := tip.SplitPlaces(strings.TrimSuffix(l.Text, "."))
	if len(pl.Members) < 2 || pl.Label != "" || !lp.IsCountry(strings.TrimSpace(pl.Members[0].Text)) {
		return
	}
	for _, m := range pl.Members {
		lp.items++
		lp.add(strings.TrimSpace(m.Text), l.At(m.Offset))
	}
}

// add adds one name to the list.
func (lp *listParser) add(name string, pos tip.Position) {
	c, ok := lp.Resolve(name, pos, fieldList)
	if !ok {
		return
	}
	if prev, dup := lp.seen[c]; dup && c != 0 {
		lp.Problem(lp.Errorf(pos, fieldList, tip.ErrDuplicate, "%s is also listed at %v (a list names a government once)", c.Name(), prev),
			tip.Finding{Rule: ruleDuplicate, Country: c, Subject: name, Message: fmt.Sprintf("%s is listed twice (lines %d and %d); both kept", c.Name(), prev.Line, pos.Line)})
		if !lp.Lax() {
			return
		}
	} else if c != 0 {
		lp.seen[c] = pos
	}
	lp.l.Governments = append(lp.l.Governments, Listed{Country: c, Name: name, Pos: pos})
}

// end reports a list that could not be found or read.
func (lp *listParser) end() {
	switch {
	case lp.Failed() || len(lp.l.Governments) > 0:
	case lp.found:
		lp.Fail(lp.Errorf(lp.l.Pos, fieldList, tip.ErrSyntax,
			"the heading is followed by no government this parser can read (want \"• Burma\" lines, \"1. Burma\", names one per line, or \"Burma, Iran, and Mali.\")"))
	default:
		lp.Fail(lp.Errorf(tip.Position{Line: 1, Col: 1}, fieldList, tip.ErrMissing,
			"no line \"The YYYY CSPA List Includes Governments of the following countries:\""))
	}
}

// parseDataFile reads one embedded years/<YEAR>.txt: a header of "#"
// lines with "# Status: FULL (12)" and one country per line, resolved
// through errata, whose uses it reports in fs, as are names that resolve
// to no country.
func parseDataFile(b []byte, src string, y tip.ReportYear, errata tip.Errata, fs *[]tip.Finding) (*List, error) {
	l := &List{Year: y, Source: src}
	l.From, l.To = y.ReportingPeriod()
	names := parse.NewCollector(tip.ParseOptions{Source: src, Lax: true, Errata: errata}, src, nameRules)
	lr := text.NewLineReader(bytes.NewReader(b))
	for lr.Next() {
		t := strings.TrimSpace(lr.Text())
		pos := tip.Position{Line: lr.Line(), Col: 1}
		switch {
		case strings.HasPrefix(t, "# Status:"):
			st := strings.ToUpper(t)
			switch {
			case strings.Contains(st, "NOT FOUND"):
				l.Status = StatusNotFound
			case strings.Contains(st, "PARTIAL"):
				l.Status = StatusPartial
			case strings.Contains(st, "FULL"):
				l.Status = StatusFull
			}
			continue
		case t == "" || strings.HasPrefix(t, "#"):
			continue
		}
		if c, ok := names.Resolve(t, pos, ""); ok {
			l.Governments = append(l.Governments, Listed{Country: c, Name: t, Pos: pos})
		}
	}
	*fs = append(*fs, names.Findings()...)
	if l.Status == StatusUnknown {
		return nil, tip.Errorf(src, tip.Position{Line: 1, Col: 1}, "status", tip.ErrMissing, "no \"# Status:\" line")
	}
	return l, lr.Err()
}
