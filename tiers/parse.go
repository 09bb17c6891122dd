package tiers

import (
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse"
	"github.com/tipkit/tipkit/tip/text"
)

// ParseReport reads a TIP Report's text (the whole report or only its
// placement lists) strictly: a name that is not a country, a country listed
// twice, an empty bullet or an unreadable table row is a *tip.ParseError,
// all of them returned in a tip.ErrorList. The report is returned with the
// error, holding everything that could be read.
//
// It finds, where present: the year in the title; the five lists under the
// headings "Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3" and "Special
// Case" that are followed by a list — bullets (•, -, *, – …), numbers ("1.
// Chile") or bare names one per line, the first of which is a country —
// not the same headings of "A Guide to the Tiers", which are followed by
// prose; the state-sponsored governments; the countries not party to the
// Protocol; and the Global Law Enforcement Data table. A report may lack
// any of these parts, but not all: input that holds none is an error
// wrapping tip.ErrMissing.
//
// It is ParseReportWith with the zero tip.ParseOptions.
func ParseReport(r io.Reader) (*Report, error) {
	return ParseReportWith(r, tip.ParseOptions{})
}

// ParseReportLax reads what ParseReport reads, and tolerates what a careful
// reader would: misprinted names are resolved through tip.DefaultErrata
// ("Tongo" is Tonga), a name that does not resolve is kept as a placement
// with a zero Country, and a country listed twice keeps both placements;
// each is recorded as a Finding in Report.Findings, as is every other
// problem ParseReport would fail on (the package documentation lists their
// rules). It fails only on text that is not text (invalid UTF-8, NUL), a
// failed read, input that holds no part of a report, and too many problems.
//
// It is ParseReportWith with tip.ParseOptions{Lax: true}.
func ParseReportLax(r io.Reader) (*Report, error) {
	return ParseReportWith(r, tip.ParseOptions{Lax: true})
}

// ParseReportWith reads a report as opts say: strictly as ParseReport does,
// or, with opts.Lax, as ParseReportLax does with opts.Errata. Errors and
// findings name opts.Source ("report" if empty): "tip2023.txt:621:7: Tier
// 2: unknown country …".
//
// Memory grows with what the report holds, not with its length: blank and
// rejected lines keep nothing, and a parse stops after tip.MaxErrors
// errors (a lax parse also after tip.MaxErrors problems it read past) with
// an error wrapping tip.ErrTooManyErrors. A failed read is returned
// wrapping tip.ErrRead and the reader's own error; the line it cut short
// is not read. A nil r is an error wrapping tip.ErrNilReader.
func ParseReportWith(r io.Reader, opts tip.ParseOptions) (*Report, error) {
	p := &reportParser{Collector: parse.NewCollector(opts, "report", nameRules), rep: &Report{}, seen: make(map[tip.Country]Placement)}
	if p.ReadLines(r, p.line) {
		p.endPart()
		if len(p.rep.Placements)+len(p.rep.StateSponsored)+len(p.rep.NotProtocolParty)+len(p.rep.LawEnforcement) == 0 && !p.Failed() {
			p.Fail(p.Errorf(tip.Position{Line: 1, Col: 1}, "", tip.ErrMissing,
				"read no tier list, policy or pattern list, Protocol list or law enforcement table (want a heading like \"Tier 1\" followed by a list of countries)"))
		}
	}
	for i := range p.rep.Placements {
		p.rep.Placements[i].Year = p.rep.Year
	}
	p.rep.Findings = p.Findings()
	tip.SortFindings(p.rep.Findings)
	return p.rep, p.Err()
}

// nameRules are the rules of the findings a lax parse reports for a name
// it cannot read.
var nameRules = parse.NameRules{Unresolved: string(RuleUnresolvedName), Empty: string(RuleEmptyItem)}

// The Field of the parse's errors, where it is no tier.
const (
	fieldLawTable = "law enforcement table"     // Field of its errors
	fieldClaimed  = "policy or pattern list"    // the state-sponsored governments
	fieldNotParty = "not party to the Protocol" // the countries not party to the UN TIP Protocol
	fieldTitle    = "title"                     // the report's title line
)

// reportREs are the regular expressions of a report's lines.
type reportREs struct{ title, claim, lawHeader, lawRow, lawLoose *regexp.Regexp }

// reportPatterns compiles them on first use, so that importing the package
// costs nothing.
var reportPatterns = sync.OnceValue(func() *reportREs {
	return &reportREs{
		title:     regexp.MustCompile(`^(\d{4}) Trafficking in Persons Report\b`),
		claim:     regexp.MustCompile(`following (\d+) governments`),
		lawHeader: regexp.MustCompile(`^YEAR\s+PROSECUTIONS\s+CONVICTIONS\s+VICTIMS IDENTIFIED`),
		lawRow:    regexp.MustCompile(`^((?:19|20)\d\d)\s+([\d,]+)\s+\(([\d,]+)\)\s+([\d,]+)\s+\(([\d,]+)\)\s+([\d,]+)\s+\(([\d,]+)\)\s+([\d,]+)\s*$`),
		lawLoose:  regexp.MustCompile(`^(?:19|20)\d\d\s+\d`),
	}
})

// The parts of a report the parser can be in, line after line.
type part uint8

const (
	partNone     part = iota
	partHeading       // after a tier heading: a list, or the Guide's prose
	partTierList      // the countries of one tier
	partList          // the state-sponsored or not-party countries
	partLawTable      // the rows of the law enforcement table
)

// A reportParser reads a report one line at a time, holding only the part
// it is in and what the report keeps; its Collector keeps the errors and
// findings.
type reportParser struct {
	*parse.Collector
	rep    *Report
	titled bool // the title line was seen
	seen   map[tip.Country]Placement

	part     part
	tier     Tier         // partHeading, partTierList: the tier
	bulleted bool         // partTierList: its items have bullets or numbers, so a bare line ends it
	blank    bool         // partTierList: a blank line came after the last item
	field    string       // partList: which list, for errors
	items    *[]Listed    // partList: where its items go
	intro    tip.Position // partList: its introducing line
}

// line reads one line in the part the parser is in; a line that ends the
// part is read again as the start of another.
func (p *reportParser) line(l parse.Line) {
	if l.Text == "" {
		if p.part == partTierList {
			p.blank = true
		}
		return
	}
	switch p.part {
	case partHeading:
		if p.startsList(l) {
			p.part = partTierList
			p.tierItem(l)
			return
		}
	case partTierList:
		if p.tierItem(l) {
			return
		}
	case partList:
		if p.listItem(l) {
			return
		}
	case partLawTable:
		if p.lawRow(l) {
			return
		}
	}
	p.endPart()
	p.start(l)
}

// start reads a line outside any part: the title, or a line that starts
// one.
func (p *reportParser) start(l parse.Line) {
	re := reportPatterns()
	if !p.titled {
		if m := re.title.FindStringSubmatchIndex(l.Text); m != nil {
			p.titled = true
			y, err := tip.ParseReportYear(l.Text[m[2]:m[3]])
			if err != nil {
				p.Problem(p.Errorf(l.Pos, fieldTitle, err, ""), tip.Finding{Rule: string(RuleReportYear), Subject: l.Text[m[2]:m[3]]})
			}
			p.rep.Year = y
		}
	}
	switch t := l.Text; {
	case tierHeading(t) != TierUnknown:
		p.part, p.tier = partHeading, tierHeading(t)
	case strings.Contains(t, "governments with a documented") && strings.Contains(t, "policy or pattern") && strings.HasSuffix(t, ":"):
		if m := re.claim.FindStringSubmatch(t); m != nil {
			p.rep.StateSponsoredClaimed, _ = strconv.Atoi(m[1])
		}
		p.part, p.field, p.items, p.intro = partList, fieldClaimed, &p.rep.StateSponsored, l.Pos
	case strings.HasPrefix(t, "Countries in the") && strings.Contains(t, "not Party to the Protocol"):
		p.part, p.field, p.items, p.intro = partList, fieldNotParty, &p.rep.NotProtocolParty, l.Pos
	case re.lawHeader.MatchString(t):
		p.part = partLawTable
	}
}

// endPart closes the part the parser is in: the state-sponsored list is
// checked against the number its introduction states.
func (p *reportParser) endPart() {
	if p.part == partList && p.field == fieldClaimed {
		if n, got := p.rep.StateSponsoredClaimed, len(p.rep.StateSponsored); n > 0 && n != got {
			p.Problem(p.Errorf(p.intro, fieldClaimed, tip.ErrSyntax, "the introduction says %d governments and the list names %d", n, got),
				tip.Finding{Rule: string(RuleStateSponsoredCount), Subject: strconv.Itoa(n)})
		}
	}
	p.part, p.blank, p.bulleted = partNone, false, false
}

func tierHeading(s string) Tier {
	switch s {
	case "Tier 1", "TIER 1":
		return Tier1
	case "Tier 2", "TIER 2":
		return Tier2
	case "Tier 2 Watch List", "TIER 2 WATCH LIST", "Tier 2 Watchlist":
		return Tier2WatchList
	case "Tier 3", "TIER 3":
		return Tier3
	case "Special Case", "Special Cases", "SPECIAL CASE", "SPECIAL CASES":
		return SpecialCase
	}
	return TierUnknown
}

// startsList reports whether the first line after a tier heading starts
// its list: a bullet or number ("• Chile", "1. Chile"), or a bare name that
// is a country, as retyped lists have them. Prose (the Guide to the Tiers)
// and another heading do not.
func (p *reportParser) startsList(l parse.Line) bool {
	_, _, p.bulleted = text.CutBullet(l.Raw)
	return p.bulleted || text.IsNameLine(l.Text) && tierHeading(l.Text) == TierUnknown && p.IsCountry(l.Text)
}

// tierItem reads a line of a tier's list and reports whether it was one.
// A list of bare names ends at prose, at the next heading, or after a blank
// line at a line that is no country; inside it, a line that is no country
// is an item, and reported.
func (p *reportParser) tierItem(l parse.Line) bool {
	item, col, ok := text.CutBullet(l.Raw)
	if !ok {
		if p.bulleted || !text.IsNameLine(l.Text) || tierHeading(l.Text) != TierUnknown || p.blank && !p.IsCountry(l.Text) {
			return false
		}
		item, col = l.Text, l.Pos.Col
	}
	p.blank = false
	pos := tip.Position{Line: l.Pos.Line, Col: col}
	field := p.tier.String()
	c, ok := p.Resolve(item, pos, field)
	if !ok {
		return true
	}
	pl := Placement{Country: c, Name: item, Tier: p.tier, Basis: BasisObserved, Source: p.Source(), Pos: pos}
	if prev, dup := p.seen[c]; dup && c != 0 {
		e := p.Errorf(pos, field, tip.ErrDuplicate, "%s is also on %s at %v (a country has one tier a year)", c.Name(), prev.Tier, prev.Pos)
		p.Problem(e, tip.Finding{Rule: string(RuleOnePlacement), Country: c, Subject: c.Name(), Citation: "22 U.S.C. 7107(b)(1)",
			Message: c.Name() + " is on " + prev.Tier.String() + " (line " + strconv.Itoa(prev.Pos.Line) + ") and " + p.tier.String() + " (line " + strconv.Itoa(pos.Line) + "); both kept"})
		if !p.Lax() {
			return true
		}
	} else if c != 0 {
		p.seen[c] = pl
	}
	p.rep.Placements = append(p.rep.Placements, pl)
	return true
}

// listItem reads a line of the state-sponsored or not-party list: a
// bullet, or a short line (the state-sponsored list prints its names
// between blank lines). A line that reads as prose ends the list.
func (p *reportParser) listItem(l parse.Line) bool {
	item, col, ok := text.CutBullet(l.Raw)
	if !ok {
		if !text.IsNameLine(l.Text) {
			return false
		}
		item, col = l.Text, l.Pos.Col
	}
	pos := tip.Position{Line: l.Pos.Line, Col: col}
	if c, ok := p.Resolve(item, pos, p.field); ok {
		*p.items = append(*p.items, Listed{Country: c, Name: item, Pos: pos})
	}
	return true
}

// lawRow reads a row of the law enforcement table and reports whether it
// was one. A line that starts like a row but does not read as one is
// reported; anything else ends the table.
func (p *reportParser) lawRow(l parse.Line) bool {
	re := reportPatterns()
	m := re.lawRow.FindStringSubmatch(l.Text)
	if m == nil {
		if !re.lawLoose.MatchString(l.Text) {
			return false
		}
		p.Problem(p.Errorf(l.Pos, fieldLawTable, tip.ErrSyntax,
			"row %q (want YEAR PROSECUTIONS (LABOR) CONVICTIONS (LABOR) VICTIMS (LABOR) LAWS, like \"2016 14,939 (1,038) 9,072 (717) 68,453 (17,465) 25\")", l.Text),
			tip.Finding{Rule: string(RuleLawRow), Subject: l.Text})
		return true
	}
	var v [8]int
	for k := range v {
		n, err := strconv.Atoi(strings.ReplaceAll(m[k+1], ",", ""))
		if err != nil {
			p.Problem(p.Errorf(l.Pos, fieldLawTable, tip.ErrSyntax, "row %q: %s is too large a count", l.Text, m[k+1]),
				tip.Finding{Rule: string(RuleLawRow), Subject: l.Text})
			return true
		}
		v[k] = n
	}
	p.rep.LawEnforcement = append(p.rep.LawEnforcement, LawEnforcementYear{
		Year: v[0], Prosecutions: Count{v[1], v[2]}, Convictions: Count{v[3], v[4]},
		VictimsIdentified: Count{v[5], v[6]}, NewLegislation: v[7], Pos: l.Pos,
	})
	return true
}
