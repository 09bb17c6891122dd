package tiers

import (
	"errors"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/text"
)

// A Placement is one country's tier in one report.
type Placement struct {
	Country tip.Country    // zero if the name did not resolve (lax parse only)
	Name    string         // as written: "Korea, Democratic People’s Republic of", "Tongo"
	Year    tip.ReportYear // the report
	Tier    Tier
	Waiver  bool         // the automatic downgrade to Tier 3 was waived this year (22 U.S.C. 7107(b)(2)(D)(ii))
	Basis   Basis        // how Source knows it: observed (ParseReport reads a report), transcribed, implied, derived
	Source  string       // the file the row comes from: "seed 003", "years/2010.txt", "fills/2022-derived.txt"
	Pos     tip.Position // of the name in Source
}

// A Listed is one country of a list a report carries besides the tiers: the
// state-sponsored governments, the countries not party to the UN TIP Protocol.
type Listed struct {
	Country tip.Country // zero if the name did not resolve (lax parse only)
	Name    string      // as written
	Pos     tip.Position
}

// A Count is a law-enforcement figure with its labor-trafficking share, as
// the report prints it: "14,939 (1,038)" is Total 14939, Labor 1038.
type Count struct {
	Total int
	Labor int
}

// A LawEnforcementYear is one row of the report's Global Law Enforcement
// Data table.
type LawEnforcementYear struct {
	Year              int   // the calendar year the figures cover
	Prosecutions      Count // labor trafficking in Labor
	Convictions       Count
	VictimsIdentified Count
	NewLegislation    int // new or amended laws
	Pos               tip.Position
}

// A Report is what tipkit reads from one TIP Report's text.
type Report struct {
	Year       tip.ReportYear // from the title: "2023 Trafficking in Persons Report"
	Placements []Placement    // in the order printed: Tier 1, Tier 2, Watch List, Tier 3, Special Case
	// StateSponsored holds the governments with a documented "policy or
	// pattern" of trafficking (22 U.S.C. 7107(b)(3)(B)), listed since 2020.
	StateSponsored []Listed
	// StateSponsoredClaimed is the count the report states for that list
	// ("the following 11 governments"), 0 if it states none.
	StateSponsoredClaimed int
	NotProtocolParty      []Listed             // not party to the UN TIP Protocol
	LawEnforcement        []LawEnforcementYear // oldest first
	Findings              []tip.Finding        // what the lax parse tolerated; nil from ParseReport
}

// Clone returns a deep copy of r: changing the copy leaves r as it was.
func (r *Report) Clone() *Report {
	if r == nil {
		return nil
	}
	out := *r
	out.Placements = slices.Clone(r.Placements)
	out.StateSponsored = slices.Clone(r.StateSponsored)
	out.NotProtocolParty = slices.Clone(r.NotProtocolParty)
	out.LawEnforcement = slices.Clone(r.LawEnforcement)
	out.Findings = slices.Clone(r.Findings)
	return &out
}

// PlacementsOf returns the country's placements in the report: usually one,
// two if the report prints it twice (seed 003 has Montenegro on Tier 2 and
// on the Watch List), none if it is not there.
func (r *Report) PlacementsOf(c tip.Country) []Placement {
	var out []Placement
	for _, p := range r.Placements {
		if p.Country == c {
			out = append(out, p)
		}
	}
	return out
}

// Count returns the number of placements on tier t.
func (r *Report) Count(t Tier) int {
	n := 0
	for _, p := range r.Placements {
		if p.Tier == t {
			n++
		}
	}
	return n
}

// Countries returns the countries on tier t, in report order.
func (r *Report) Countries(t Tier) []tip.Country {
	var out []tip.Country
	for _, p := range r.Placements {
		if p.Tier == t {
			out = append(out, p.Country)
		}
	}
	return out
}

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
// prose; the state-sponsored
// governments; the countries not party to the Protocol; and the Global Law
// Enforcement Data table. A report that lacks one of these parts is not in
// error.
func ParseReport(r io.Reader) (*Report, error) {
	return parseReport(r, "", false)
}

// ParseReportLax reads what ParseReport reads, and tolerates what a careful
// reader would: misprinted names are resolved through tip.DefaultErrata
// ("Tongo" is Tonga), a name that does not resolve is kept as a placement
// with a zero Country, and a country listed twice keeps both placements;
// each is recorded as a Finding. It still fails on text that is not text
// (invalid UTF-8, NUL) and on unreadable table rows, returning everything
// else with the error.
func ParseReportLax(r io.Reader) (*Report, error) {
	return parseReport(r, "", true)
}

// The source name used in errors and findings when the caller gives none.
const defaultSource = "report"

var (
	titleRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^((?:19|20|21)\d\d) Trafficking in Persons Report\b`)
	})
	claimRE    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`following (\d+) governments`) })
	leHeaderRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^YEAR\s+PROSECUTIONS\s+CONVICTIONS\s+VICTIMS IDENTIFIED`)
	})
	leRowRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^((?:19|20)\d\d)\s+([\d,]+)\s+\(([\d,]+)\)\s+([\d,]+)\s+\(([\d,]+)\)\s+([\d,]+)\s+\(([\d,]+)\)\s+([\d,]+)\s*$`)
	})
	leLooseRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:19|20)\d\d\s+\d`) })
)

type line struct {
	text string       // text.Clean'd and trimmed
	raw  string       // as read
	pos  tip.Position // of the first non-space byte
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

type parser struct {
	src    string
	lax    bool
	errata tip.Errata
	errs   tip.ErrorList
	rep    *Report
	seen   map[tip.Country]Placement
}

func (p *parser) errorf(pos tip.Position, field string, sentinel error, format string, args ...any) {
	p.errs.Add(tip.Errorf(p.src, pos, field, sentinel, format, args...))
}

func (p *parser) finding(rule string, sev tip.Severity, pos tip.Position, c tip.Country, subject, msg, cite string) {
	p.rep.Findings = append(p.rep.Findings, tip.Finding{Rule: rule, Severity: sev, Source: p.src, Pos: pos, Country: c, Subject: subject, Message: msg, Citation: cite})
}

// resolve reads one country name of a list; field names the list for errors.
func (p *parser) resolve(name string, pos tip.Position, field string) (tip.Country, bool) {
	if name == "" {
		p.errorf(pos, field, tip.ErrMissing, "empty list item")
		return 0, false
	}
	if !p.lax {
		c, err := tip.LookupCountry(name)
		if err != nil {
			p.errs.Add(tip.Errorf(p.src, pos, field, err, ""))
			return 0, false
		}
		return c, true
	}
	c, e, err := p.errata.Resolve(name)
	switch {
	case err != nil:
		msg := err.Error()
		var unk *tip.UnknownCountryError
		if errors.As(err, &unk) && len(unk.Suggestions()) > 0 {
			msg += "; kept with no country"
		}
		p.finding("tiers/unresolved-name", tip.Error, pos, 0, name, field+": "+msg, "")
		return 0, true
	case e != nil:
		p.finding("tiers/erratum", tip.Warning, pos, c, name,
			field+": "+strconv.Quote(name)+" read as "+c.Name()+" (erratum: "+e.Note+")", e.Source)
	}
	return c, true
}

func parseReport(r io.Reader, src string, lax bool) (*Report, error) {
	if src == "" {
		src = defaultSource
	}
	p := &parser{src: src, lax: lax, errata: tip.DefaultErrata(), rep: &Report{}, seen: make(map[tip.Country]Placement)}
	var lines []line
	lr := text.NewLineReader(r)
	for lr.Next() {
		b := lr.Bytes()
		if col := text.Invalid(b); col > 0 {
			p.errorf(tip.Position{Line: lr.Line(), Col: col}, "", tip.ErrEncoding, "invalid UTF-8 or NUL byte")
			lines = append(lines, line{pos: tip.Position{Line: lr.Line(), Col: 1}})
			continue
		}
		raw := lr.Text()
		t := strings.TrimSpace(text.Clean(raw))
		col := 1
		if t != "" {
			col = strings.Index(raw, t[:1]) + 1
			if col < 1 {
				col = 1
			}
		}
		lines = append(lines, line{text: t, raw: raw, pos: tip.Position{Line: lr.Line(), Col: col}})
	}
	if err := lr.Err(); err != nil {
		p.errs.Add(tip.Errorf(p.src, tip.Position{Line: lr.Line() + 1, Col: 1}, "", err, ""))
	}

	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l.text == "" {
			continue
		}
		if p.rep.Year == 0 {
			if m := titleRE().FindStringSubmatch(l.text); m != nil {
				y, _ := strconv.Atoi(m[1])
				p.rep.Year = tip.ReportYear(y)
			}
		}
		switch {
		case tierHeading(l.text) != TierUnknown:
			i = p.tierList(lines, i, tierHeading(l.text))
		case strings.Contains(l.text, "governments with a documented") && strings.Contains(l.text, "policy or pattern") && strings.HasSuffix(l.text, ":"):
			if m := claimRE().FindStringSubmatch(l.text); m != nil {
				p.rep.StateSponsoredClaimed, _ = strconv.Atoi(m[1])
			}
			var items []Listed
			items, i = p.plainList(lines, i, "state-sponsored")
			p.rep.StateSponsored = append(p.rep.StateSponsored, items...)
			if n := p.rep.StateSponsoredClaimed; n > 0 && n != len(p.rep.StateSponsored) {
				p.errorf(l.pos, "state-sponsored", tip.ErrSyntax, "the report says %d governments and lists %d", n, len(p.rep.StateSponsored))
			}
		case strings.HasPrefix(l.text, "Countries in the") && strings.Contains(l.text, "not Party to the Protocol"):
			var items []Listed
			items, i = p.plainList(lines, i, "not-party")
			p.rep.NotProtocolParty = append(p.rep.NotProtocolParty, items...)
		case leHeaderRE().MatchString(l.text):
			i = p.lawTable(lines, i)
		}
	}
	for i := range p.rep.Placements {
		p.rep.Placements[i].Year = p.rep.Year
	}
	if !p.lax {
		p.rep.Findings = nil
	}
	tip.SortFindings(p.rep.Findings)
	return p.rep, p.errs.Err()
}

// tierList reads the list after a tier heading at lines[h]: bullets or
// numbers ("• Chile", "1. Chile"), or names one per line as retyped lists
// have them, the first of which must be a country. A heading followed by
// prose (the Guide to the Tiers) is not a list: it returns h and the
// caller moves on.
func (p *parser) tierList(lines []line, h int, t Tier) int {
	j := h + 1
	for j < len(lines) && lines[j].text == "" {
		j++
	}
	if j >= len(lines) {
		return h
	}
	_, _, bulleted := text.CutBullet(lines[j].raw)
	if !bulleted && !(text.IsNameLine(lines[j].text) && p.isCountry(lines[j].text)) {
		return h
	}
	field := t.String()
	last := h
	blank := false
	for ; j < len(lines); j++ {
		l := lines[j]
		if l.text == "" {
			blank = true
			continue
		}
		item, col, ok := text.CutBullet(l.raw)
		if !ok {
			// A list of bare names ends at prose, at the next heading, or
			// after a blank line at a line that is no country. Inside it,
			// a line that is no country is an item and is reported.
			if bulleted || !text.IsNameLine(l.text) || tierHeading(l.text) != TierUnknown || blank && !p.isCountry(l.text) {
				break
			}
			item, col = l.text, l.pos.Col
		}
		blank = false
		last = j
		pos := tip.Position{Line: l.pos.Line, Col: col}
		c, ok := p.resolve(item, pos, field)
		if !ok {
			continue
		}
		pl := Placement{Country: c, Name: item, Tier: t, Basis: BasisObserved, Source: p.src, Pos: pos}
		if c != 0 {
			if prev, dup := p.seen[c]; dup {
				if !p.lax {
					p.errorf(pos, field, tip.ErrDuplicate, "%s is also on %s at %v", c.Name(), prev.Tier, prev.Pos)
					continue
				}
				p.finding("tiers/one-placement", tip.Error, pos, c, c.Name(),
					c.Name()+" is on "+prev.Tier.String()+" (line "+strconv.Itoa(prev.Pos.Line)+") and "+t.String()+" (line "+strconv.Itoa(pos.Line)+"); both kept",
					"22 U.S.C. 7107(b)(1)")
			} else {
				p.seen[c] = pl
			}
		}
		p.rep.Placements = append(p.rep.Placements, pl)
	}
	return last
}

// isCountry reports whether a bare line names a country, directly or
// through the errata: what decides that a heading starts a list of names.
func (p *parser) isCountry(s string) bool {
	_, _, err := p.errata.Resolve(s)
	return err == nil
}

// plainList reads the country lines after an introducing line at lines[h]:
// bullets, or short lines separated by blank lines (the state-sponsored
// list is printed that way). It stops at the first line that reads as
// prose: long, or ending in a full stop.
func (p *parser) plainList(lines []line, h int, field string) ([]Listed, int) {
	var out []Listed
	last := h
	for j := h + 1; j < len(lines); j++ {
		l := lines[j]
		if l.text == "" {
			continue
		}
		item, col, isBullet := text.CutBullet(l.raw)
		if !isBullet {
			if !text.IsNameLine(l.text) {
				break
			}
			item, col = l.text, l.pos.Col
		}
		last = j
		pos := tip.Position{Line: l.pos.Line, Col: col}
		c, ok := p.resolve(item, pos, field)
		if !ok {
			continue
		}
		out = append(out, Listed{Country: c, Name: item, Pos: pos})
	}
	return out, last
}

func atoiGrouped(s string) (int, bool) {
	n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	return n, err == nil && n >= 0
}

func (p *parser) lawTable(lines []line, h int) int {
	last := h
	for j := h + 1; j < len(lines); j++ {
		l := lines[j]
		if l.text == "" {
			continue
		}
		m := leRowRE().FindStringSubmatch(l.text)
		if m == nil {
			if leLooseRE().MatchString(l.text) {
				p.errorf(l.pos, "law-enforcement", tip.ErrSyntax, "row %q: want YEAR PROSECUTIONS (LABOR) CONVICTIONS (LABOR) VICTIMS (LABOR) LAWS", l.text)
				last = j
				continue
			}
			break
		}
		last = j
		var v [8]int
		ok := true
		for k := 1; k <= 8; k++ {
			n, good := atoiGrouped(m[k])
			ok = ok && good
			v[k-1] = n
		}
		if !ok {
			p.errorf(l.pos, "law-enforcement", tip.ErrSyntax, "row %q: figure out of range", l.text)
			continue
		}
		p.rep.LawEnforcement = append(p.rep.LawEnforcement, LawEnforcementYear{
			Year: v[0], Prosecutions: Count{v[1], v[2]}, Convictions: Count{v[3], v[4]},
			VictimsIdentified: Count{v[5], v[6]}, NewLegislation: v[7], Pos: l.pos,
		})
	}
	return last
}
