package cspa

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/text"
)

// A Status says how complete a list is.
type Status uint8

// The statuses.
const (
	StatusUnknown  Status = iota
	StatusFull            // every government of the list
	StatusPartial         // some: Listed answers "unknown" for the others
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
	Year      tip.ReportYear
	Countries []tip.Country  // in the order printed; zero where a name did not resolve (lax)
	Names     []string       // as written, parallel to Countries
	Positions []tip.Position // of each name, parallel to Countries
	// The reporting period: April 1 of Year-1 to March 31 of Year.
	From, To tip.Date
	Status   Status
	Source   string
	Pos      tip.Position // of the introducing line
}

// Period returns the reporting period a list of report year y covers.
func Period(y tip.ReportYear) (from, to tip.Date) {
	return tip.MakeDate(int(y)-1, 4, 1), tip.MakeDate(int(y), 3, 31)
}

// Contains reports whether the list names c.
func (l *List) Contains(c tip.Country) bool {
	for _, x := range l.Countries {
		if x == c {
			return true
		}
	}
	return false
}

var listIntroRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^The ((?:19|20)\d\d) CSPA List Includes Governments of the following countries:?$`)
})

// ParseList reads the CSPA list of a TIP Report: the line "The 2023 CSPA
// List Includes Governments of the following countries:" and the list
// after it — bullets as the report prints them, numbers ("1. Burma"), bare
// names one per line, or one sentence ("Burma, Iran, and Mali."). The
// input may be the whole report or just the section. A name that is not a
// country is a *tip.ParseError; all errors come in a tip.ErrorList with the
// list holding every name that could be read. Input with no list is an
// error wrapping tip.ErrMissing; the heading followed by no list it can
// read, one wrapping tip.ErrSyntax.
func ParseList(r io.Reader) (*List, error) { return parseList(r, "", false, nil) }

// ParseListLax reads what ParseList reads; names that only resolve through
// tip.DefaultErrata, or not at all, are kept (the latter with a zero
// Country) and reported as findings.
func ParseListLax(r io.Reader) (*List, []tip.Finding, error) {
	var fs []tip.Finding
	l, err := parseList(r, "", true, &fs)
	return l, fs, err
}

type resolver struct {
	src      string
	lax      bool
	errs     tip.ErrorList
	findings *[]tip.Finding
}

func (rs *resolver) resolve(name string, pos tip.Position, field string) (tip.Country, bool) {
	if name == "" {
		rs.errs.Add(tip.Errorf(rs.src, pos, field, tip.ErrMissing, "empty list item"))
		return 0, false
	}
	if !rs.lax {
		c, err := tip.LookupCountry(name)
		if err != nil {
			rs.errs.Add(tip.Errorf(rs.src, pos, field, err, ""))
			return 0, false
		}
		return c, true
	}
	c, e, err := tip.DefaultErrata().Resolve(name)
	switch {
	case err != nil:
		*rs.findings = append(*rs.findings, tip.Finding{Rule: "cspa/unresolved-name", Severity: tip.Error, Source: rs.src, Pos: pos, Subject: name, Message: field + ": " + err.Error() + "; kept with no country"})
	case e != nil:
		*rs.findings = append(*rs.findings, tip.Finding{Rule: "cspa/erratum", Severity: tip.Warning, Source: rs.src, Pos: pos, Country: c, Subject: name,
			Message: fmt.Sprintf("%s: %q read as %s (%s)", field, name, c.Name(), e.Note), Citation: e.Source})
	}
	return c, true
}

// isCountry reports whether a bare line names a country, directly or
// through the errata: what decides that a line starts a list of names.
func isCountry(s string) bool {
	_, _, err := tip.DefaultErrata().Resolve(s)
	return err == nil
}

// sentenceList reads a list written as one sentence, "Burma, Iran, and
// Mali.", calling add for each member, and returns how many it read. A
// sentence whose first member is no country is not a list: it reads none.
func sentenceList(raw string, line int, add func(string, tip.Position)) int {
	t := strings.TrimSpace(text.Clean(raw))
	pl := tip.SplitPlaces(strings.TrimSuffix(t, "."))
	if len(pl.Members) < 2 || pl.Label != "" || !isCountry(strings.TrimSpace(pl.Members[0].Text)) {
		return 0
	}
	col := strings.Index(raw, t[:1]) + 1
	for _, m := range pl.Members {
		add(strings.TrimSpace(m.Text), tip.Position{Line: line, Col: col + m.Offset})
	}
	return len(pl.Members)
}

// readLines reads all lines, reporting encoding errors by position.
func readLines(r io.Reader, rs *resolver) []string {
	var lines []string
	lr := text.NewLineReader(r)
	for lr.Next() {
		b := lr.Bytes()
		if col := text.Invalid(b); col > 0 {
			rs.errs.Add(tip.Errorf(rs.src, tip.Position{Line: lr.Line(), Col: col}, "", tip.ErrEncoding, "invalid UTF-8 or NUL byte"))
			lines = append(lines, "")
			continue
		}
		lines = append(lines, string(b))
	}
	if err := lr.Err(); err != nil {
		rs.errs.Add(tip.Errorf(rs.src, tip.Position{Line: lr.Line() + 1, Col: 1}, "", err, ""))
	}
	return lines
}

func parseList(r io.Reader, src string, lax bool, fs *[]tip.Finding) (*List, error) {
	if src == "" {
		src = "report"
	}
	if fs == nil {
		fs = new([]tip.Finding)
	}
	rs := &resolver{src: src, lax: lax, findings: fs}
	lines := readLines(r, rs)
	l := &List{Source: src}
	found := false
	for i := 0; i < len(lines) && !found; i++ {
		m := listIntroRE().FindStringSubmatch(strings.TrimSpace(text.Clean(lines[i])))
		if m == nil {
			continue
		}
		found = true
		y, _ := strconv.Atoi(m[1])
		l.Year = tip.ReportYear(y)
		l.From, l.To = Period(l.Year)
		l.Status = StatusFull
		l.Pos = tip.Position{Line: i + 1, Col: 1}
		seen := make(map[tip.Country]int)
		add := func(item string, pos tip.Position) {
			c, ok := rs.resolve(item, pos, "CSPA list")
			if !ok {
				return
			}
			if c != 0 {
				if line, dup := seen[c]; dup {
					if !lax {
						rs.errs.Add(tip.Errorf(src, pos, "CSPA list", tip.ErrDuplicate, "%s is also listed at line %d", c.Name(), line))
						return
					}
					*fs = append(*fs, tip.Finding{Rule: "cspa/duplicate", Severity: tip.Error, Source: src, Pos: pos, Country: c, Subject: item, Message: fmt.Sprintf("%s is listed twice (lines %d and %d)", c.Name(), line, pos.Line)})
				}
				seen[c] = pos.Line
			}
			l.Countries = append(l.Countries, c)
			l.Names = append(l.Names, item)
			l.Positions = append(l.Positions, pos)
		}
		// The items: bullets or numbers as the report prints them, bare
		// names one per line (the first a country), or one sentence
		// "Burma, Iran, and Mali." as a retyped list may have it.
		items, bulleted, bare := 0, false, false
		blank := false
	items:
		for j := i + 1; j < len(lines); j++ {
			t := strings.TrimSpace(text.Clean(lines[j]))
			if t == "" {
				blank = true
				continue
			}
			item, col, ok := text.CutBullet(lines[j])
			switch {
			case ok && !bare:
				bulleted = true
			case ok || bulleted:
				break items
			case items == 0 && !text.IsNameLine(t):
				items += sentenceList(lines[j], j+1, add)
				break items
			case !text.IsNameLine(t) || listIntroRE().MatchString(t) || (items == 0 || blank) && !isCountry(t):
				break items
			default:
				bare = true
				item, col = t, strings.Index(lines[j], t[:1])+1
			}
			blank = false
			items++
			add(item, tip.Position{Line: j + 1, Col: col})
		}
		if items == 0 {
			rs.errs.Add(tip.Errorf(src, l.Pos, "CSPA list", tip.ErrSyntax, "the list's heading is followed by no list of countries"))
		}
	}
	if !found && rs.errs.Len() == 0 {
		rs.errs.Add(tip.Errorf(src, tip.Position{Line: 1, Col: 1}, "CSPA list", tip.ErrMissing, "no line \"The YYYY CSPA List Includes Governments of the following countries:\""))
	}
	return l, rs.errs.Err()
}

// parseDataFile reads one embedded years/<YEAR>.txt: a header of "#"
// lines with "# Status: FULL (12)" and one country per line.
func parseDataFile(b []byte, src string, y tip.ReportYear, errata tip.Errata, fs *[]tip.Finding) (*List, error) {
	l := &List{Year: y, Source: src}
	l.From, l.To = Period(y)
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
		c, e, err := errata.Resolve(t)
		switch {
		case err != nil:
			*fs = append(*fs, tip.Finding{Rule: "cspa/unresolved-name", Severity: tip.Error, Source: src, Pos: pos, Subject: t, Message: err.Error() + "; kept with no country"})
		case e != nil:
			*fs = append(*fs, tip.Finding{Rule: "cspa/erratum", Severity: tip.Info, Source: src, Pos: pos, Country: c, Subject: t, Message: fmt.Sprintf("%q read as %s (%s)", t, c.Name(), e.Note), Citation: e.Source})
		}
		l.Countries = append(l.Countries, c)
		l.Names = append(l.Names, t)
		l.Positions = append(l.Positions, pos)
	}
	if l.Status == StatusUnknown {
		return nil, tip.Errorf(src, tip.Position{Line: 1, Col: 1}, "status", tip.ErrMissing, "no \"# Status:\" line")
	}
	return l, lr.Err()
}
