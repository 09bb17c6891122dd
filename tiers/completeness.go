package tiers

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/tipkit/tipkit/tip"
)

// This file computes what each year of the default history knows, from the
// placements and three tables of data/: completeness.txt (which lists are
// complete, with their counts), status.txt (what sources say of countries no
// list places) and entities.txt (the years an entity existed); and, for the
// years of the Kelley research panel, the panel itself (history.csv), whose
// NA is its "not in the report" code.

// A lifespan is the report years an entity existed; zero bounds are open.
type lifespan struct{ from, to tip.ReportYear }

// lifespans reads data/entities.txt once. A malformed table is a build
// defect the tests catch, hence the panic.
var lifespans = sync.OnceValue(func() map[tip.Country]lifespan {
	m := map[tip.Country]lifespan{}
	err := readTable("entities.txt", []string{"Country", "From", "To", "Evidence"}, func(f []string, pos tip.Position) error {
		c, err := tip.LookupCountry(f[0])
		if err != nil {
			return tip.Errorf("entities.txt", pos, "country", err, "")
		}
		var l lifespan
		for i, s := range []string{f[1], f[2]} {
			if s == "" {
				continue
			}
			y, err := tip.ParseReportYear(s)
			if err != nil {
				return tip.Errorf("entities.txt", pos, "year", err, "")
			}
			if i == 0 {
				l.from = y
			} else {
				l.to = y
			}
		}
		m[c] = l
		return nil
	})
	if err != nil {
		panic("tiers: embedded data: " + err.Error())
	}
	return m
})

// existed reports whether the entity existed in report year y, that is on
// March 31 of y (data/entities.txt).
func existed(c tip.Country, y tip.ReportYear) bool {
	l, ok := lifespans()[c]
	return !ok || (l.from == 0 || y >= l.from) && (l.to == 0 || y <= l.to)
}

// A panelCode is one country-year of the Kelley research panel
// (history.csv): a tier, or NA.
type panelCode struct {
	na   bool
	line int
}

// readPanel reads history.csv: for each year and country of tipkit's table,
// the panel's code and its line. The panel also codes states tipkit's
// table does not hold (Dominica, Samoa, …): NA in every year, they are
// reported in one finding; a tier for one would be an error.
func readPanel(b *builder) (map[tip.ReportYear]map[tip.Country]panelCode, error) {
	const src = "history.csv"
	data, err := dataFS.ReadFile("data/" + src)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(data))
	out := map[tip.ReportYear]map[tip.Country]panelCode{}
	byName := map[string]tip.Country{}
	var outside []string
	first, last := 0, 0 // the panel's report years
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		if line == 1 {
			continue // the header
		}
		y, err := strconv.Atoi(rec[2])
		if err != nil || y < int(FirstReportYear) {
			continue // the panel's years before the first report
		}
		if first == 0 {
			first = y
		}
		first, last = min(first, y), max(last, y)
		na := strings.TrimSpace(rec[4]) == "NA"
		c, ok := byName[rec[0]]
		if !ok {
			c, err = tip.LookupCountry(rec[0])
			if err != nil {
				c, _, _ = dataErrata().Resolve(rec[0])
			}
			byName[rec[0]] = c
		}
		if c == 0 {
			if !na {
				return nil, tip.Errorf(src, tip.Position{Line: line, Col: 1}, "country", tip.ErrUnknownCountry, "%q is ranked %s in %d but is no country of tipkit's table", rec[0], strings.TrimSpace(rec[4]), y)
			}
			if !slices.Contains(outside, rec[0]) {
				outside = append(outside, rec[0])
			}
			continue
		}
		if out[tip.ReportYear(y)] == nil {
			out[tip.ReportYear(y)] = map[tip.Country]panelCode{}
		}
		out[tip.ReportYear(y)][c] = panelCode{na: na, line: line}
	}
	if len(outside) > 0 {
		b.h.Findings = append(b.h.Findings, tip.Finding{Rule: string(RulePanelOutside), Severity: tip.Info, Source: src,
			Message: fmt.Sprintf("the research panel codes %d states that tipkit's country table does not hold, NA in every year %d–%d, so never in a report: %s", len(outside), first, last, strings.Join(outside, ", "))})
	}
	return out, nil
}

var allTiers = []Tier{Tier1, Tier2, Tier2WatchList, Tier3, SpecialCase}

// complete sets each year's Completeness from the tables of data/, checks
// the tables against the placements, and reports every open point and gap
// as a finding.
func (b *builder) complete() error {
	h := b.h
	covers := map[tip.ReportYear]string{}
	listSources := map[tip.ReportYear]map[Tier]string{}
	err := readTable("completeness.txt", []string{"Year", "Tier", "Count", "Covers", "Source", "Evidence"}, func(f []string, pos tip.Position) error {
		const src = "completeness.txt"
		yr, err := h.rowYear(src, pos, f[0])
		if err != nil {
			return err
		}
		y := yr.Year
		t, err := ParseTier(f[1])
		if err != nil {
			return tip.Errorf(src, pos, "tier", err, "")
		}
		n, err := strconv.Atoi(f[2])
		if err != nil {
			return tip.Errorf(src, pos, "count", tip.ErrSyntax, "count %q: want a number", f[2])
		}
		if got := countOn(yr, t); got != n {
			return tip.Errorf(src, pos, "count", errCompleteness, "%d: the history places %d on %s, the table says %d: the data changed under it", y, got, t, n)
		}
		if f[3] != "all" && f[3] != "panel" {
			return tip.Errorf(src, pos, "covers", tip.ErrSyntax, "covers %q: want all or panel", f[3])
		}
		if c, ok := covers[y]; ok && c != f[3] {
			return tip.Errorf(src, pos, "covers", errCompleteness, "%d: covers %s here, %s on an earlier row", y, f[3], c)
		}
		covers[y] = f[3]
		if yr.Completeness.Knows(t) {
			return tip.Errorf(src, pos, "tier", tip.ErrDuplicate, "%d: %s is complete already", y, t)
		}
		yr.Completeness.Known = append(yr.Completeness.Known, t)
		if listSources[y] == nil {
			listSources[y] = map[Tier]string{}
		}
		listSources[y][t] = f[4]
		return nil
	})
	if err != nil {
		return err
	}
	if err := b.readStatuses(); err != nil {
		return err
	}
	panel, err := readPanel(b)
	if err != nil {
		return err
	}
	untrusted := b.untrustedNA(panel)
	for i := range h.Years {
		yr := &h.Years[i]
		slices.SortFunc(yr.Completeness.Known, func(a, b Tier) int { return int(a) - int(b) })
		for _, p := range yr.Placements {
			if p.Country != 0 && !existed(p.Country, yr.Year) {
				h.Findings = append(h.Findings, tip.Finding{Rule: string(RuleNonexistent), Severity: tip.Error, Source: p.Source, Pos: p.Pos, Country: p.Country, Subject: strconv.Itoa(int(yr.Year)),
					Message: fmt.Sprintf("%d: %s is placed on %s, but the entity did not exist that year (data/entities.txt)", yr.Year, p.Country.Name(), p.Tier)})
			}
		}
		if covers[yr.Year] == "panel" && yr.Completeness.Full() {
			b.panelGaps(yr, panel[yr.Year], untrusted)
		}
		yr.Completeness.Note = note(yr, covers[yr.Year], listSources[yr.Year])
	}
	return nil
}

// errCompleteness marks a table of data/ that no longer fits the
// placements.
var errCompleteness = errors.New("completeness table out of date")

// countOn returns the number of the year's placements on t.
func countOn(yr *Year, t Tier) int {
	n := 0
	for _, p := range yr.Placements {
		if p.Tier == t {
			n++
		}
	}
	return n
}

func placed(yr *Year, c tip.Country) bool {
	return slices.ContainsFunc(yr.Placements, func(p Placement) bool { return p.Country == c })
}

// readStatuses applies data/status.txt: absences sources state, and open
// points.
func (b *builder) readStatuses() error {
	const src = "status.txt"
	return readTable(src, []string{"Years", "Country", "Status", "Evidence"}, func(f []string, pos tip.Position) error {
		from, to, ok := strings.Cut(f[0], "-")
		if !ok {
			to = from
		}
		y0, err := tip.ParseReportYear(from)
		if err != nil {
			return tip.Errorf(src, pos, "years", err, "")
		}
		y1, err := tip.ParseReportYear(to)
		if err != nil || y1 < y0 {
			return tip.Errorf(src, pos, "years", tip.ErrSyntax, "years %q: want a year or a range of years, 2006-2008", f[0])
		}
		c, err := tip.LookupCountry(f[1])
		if err != nil {
			return tip.Errorf(src, pos, "country", err, "")
		}
		st, err := ParseStatus(f[2])
		if err != nil || (st != StatusAbsent && st != StatusUnknown) {
			return tip.Errorf(src, pos, "status", ErrStatus, "status %q: want absent or unknown", f[2])
		}
		for y := y0; y <= y1; y++ {
			yr := b.h.Year(y)
			switch {
			case yr == nil:
				return tip.Errorf(src, pos, "years", tip.ErrMissing, "no year %d in the history", y)
			case placed(yr, c):
				return tip.Errorf(src, pos, "country", errCompleteness, "%d: %s is placed; the row no longer fits the data", y, c.Name())
			case !existed(c, y):
				return tip.Errorf(src, pos, "country", errCompleteness, "%d: %s did not exist (entities.txt)", y, c.Name())
			case st == StatusAbsent:
				yr.Completeness.Absent = append(yr.Completeness.Absent, c)
			default:
				yr.Completeness.Gaps = append(yr.Completeness.Gaps, c)
				b.h.Findings = append(b.h.Findings, tip.Finding{Rule: string(RuleOpen), Severity: tip.Info, Source: src, Pos: pos, Country: c, Subject: strconv.Itoa(int(y)),
					Message: fmt.Sprintf("%d: %s is on no list of the year, but a source puts its absence in doubt: unknown, not absent", y, c.Name()), Citation: f[3]})
			}
		}
		return nil
	})
}

// untrustedNA returns the countries whose NA in the panel is not read as
// "not in the report": those the panel codes NA in a year where another
// source ranks them (the panel's NA also stands for a Special Case, which
// it has no code for, so a Special Case placement does not count), with
// the first such year's line and placement.
func (b *builder) untrustedNA(panel map[tip.ReportYear]map[tip.Country]panelCode) map[tip.Country]string {
	out := map[tip.Country]string{}
	for _, yr := range b.h.Years {
		for _, p := range yr.Placements {
			code, ok := panel[yr.Year][p.Country]
			if ok && code.na && p.Tier.Ranked() && out[p.Country] == "" {
				out[p.Country] = fmt.Sprintf("history.csv:%d codes it NA in %d, when %s:%d ranks it %s", code.line, yr.Year, p.Source, p.Pos.Line, p.Tier)
			}
		}
	}
	return out
}

// panelGaps adds to yr's Gaps, with a finding each, the countries of a
// research-panel year that no list places and whose absence the panel does
// not state: it has no row for them, or its NA for them is not to be
// trusted.
func (b *builder) panelGaps(yr *Year, codes map[tip.Country]panelCode, untrusted map[tip.Country]string) {
	for _, c := range tip.Countries() {
		if placed(yr, c) || !existed(c, yr.Year) || slices.Contains(yr.Completeness.Absent, c) || slices.Contains(yr.Completeness.Gaps, c) {
			continue
		}
		code, ok := codes[c]
		why := ""
		switch {
		case !ok:
			why = "the research panel (history.csv) has no row for it"
		case !code.na:
			why = fmt.Sprintf("history.csv:%d codes a tier the history does not hold", code.line)
		case untrusted[c] != "":
			why = "the research panel's NA for it is not to be trusted: " + untrusted[c]
		default:
			continue // NA: the panel's "not in the report"
		}
		yr.Completeness.Gaps = append(yr.Completeness.Gaps, c)
		b.h.Findings = append(b.h.Findings, tip.Finding{Rule: string(RuleGap), Severity: tip.Info, Source: "history.csv", Pos: tip.Position{Line: code.line}, Country: c, Subject: strconv.Itoa(int(yr.Year)),
			Message: fmt.Sprintf("%d: %s is on no list of the year and no source says it is not in the report (%s): unknown, not absent", yr.Year, c.Name(), why)})
	}
}

// note says what a year holds, from its placements: each list with its
// count and, if complete, the source that makes it so; the bases; and where
// absences come from.
func note(yr *Year, covers string, sources map[Tier]string) string {
	var lists []string
	for _, t := range allTiers {
		n := countOn(yr, t)
		switch {
		case yr.Completeness.Knows(t):
			lists = append(lists, fmt.Sprintf("%s %d (complete: %s)", t, n, sources[t]))
		case n > 0:
			lists = append(lists, fmt.Sprintf("%s %d (partial)", t, n))
		default:
			lists = append(lists, fmt.Sprintf("%s not known", t))
		}
	}
	var bases []string
	for basis := BasisObserved; basis <= BasisDerived; basis++ {
		n := 0
		for _, p := range yr.Placements {
			if p.Basis == basis {
				n++
			}
		}
		if n > 0 {
			bases = append(bases, fmt.Sprintf("%d %s", n, basis))
		}
	}
	s := strings.Join(lists, "; ") + ". Placements: " + strings.Join(bases, ", ") + "."
	switch {
	case !yr.Completeness.Full():
		s += " Not every list is known: a country on none is unknown"
		if len(yr.Completeness.Absent) > 0 {
			s += fmt.Sprintf(", except %d a source says are not in the report", len(yr.Completeness.Absent))
		}
		s += "."
	case covers == "panel":
		s += " Absent: the countries the research panel codes NA"
		if len(yr.Completeness.Absent) > 0 {
			s += fmt.Sprintf(", and %d a source says are not in the report", len(yr.Completeness.Absent))
		}
		s += "."
	default:
		s += " Absent: every country on no list."
	}
	unknown, gone := 0, 0
	for _, c := range tip.Countries() {
		switch {
		case placed(yr, c):
		case !existed(c, yr.Year):
			gone++
		case !yr.Completeness.Covers(c):
			unknown++
		}
	}
	if gone > 0 {
		s += fmt.Sprintf(" Did not exist: %d.", gone)
	}
	if unknown > 0 {
		s += fmt.Sprintf(" Unknown: %d of tipkit's countries (findings tiers/gap, tiers/open).", unknown)
	}
	return s
}
