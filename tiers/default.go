package tiers

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/seeds"
	"github.com/tipkit/tipkit/tip/text"
)

//go:embed data/years/*.txt data/extra/*.txt data/waivers.txt data/corrections.txt
var dataFS embed.FS

// SeedSource names the embedded 2023 report in positions and findings.
const SeedSource = "seed 003"

// dataErrata are names the reference files write that LookupCountry rightly
// refuses on its own (a bare "Congo" is ambiguous) but whose meaning the
// file's source settles. They apply to those files only, never to reports.
var dataErrata = tip.Errata{
	{Printed: "Congo", Country: tip.MustLookupCountry("Congo, Republic of the"), Source: "tiers data: years/2008–2015 (Kelley panel), extra/2016–2017 (SURE, as CONGO)", Note: "both sources list the Democratic Republic of the Congo as a separate row; Kelley codes this one ISO COG, COW 484"},
	{Printed: "Congo (Brazzaville; Rep)", Country: tip.MustLookupCountry("Congo, Republic of the"), Source: "tiers data extra/2004.txt", Note: "Brazzaville is the capital of the Republic of the Congo"},
	{Printed: "St. Martin", Country: tip.MustLookupCountry("Sint Maarten"), Source: "tiers data extra/2019.txt", Note: "the file's header: the Dutch part, Sint Maarten, is the one the report ranks"},
}

// yearKnown says which tiers each year's embedded lists hold completely,
// read from the year files' headers (data/PROVENANCE.md). "Nearly full"
// years (a few entities the research panel leaves out) count their four
// tier lists as known; the panel has no Special Case, which the CHO codes
// in extra/ supply for 2003–2015.
func yearKnown(y int) []Tier {
	four := []Tier{Tier1, Tier2, Tier2WatchList, Tier3}
	all := append(slices.Clone(four), SpecialCase)
	switch {
	case y == 2009 || y == 2020 || y == 2021 || y == 2023:
		return all
	case y >= 2003 && y <= 2015:
		return all
	case y >= 2001 && y <= 2002:
		return four
	case y == 2017: // SURE near-full; its Watch List and Tier 3 counts equal the official ones
		return []Tier{Tier2WatchList, Tier3, SpecialCase}
	case y == 2022:
		return []Tier{Tier2WatchList, Tier3}
	case y == 2024:
		return []Tier{Tier1, Tier2WatchList, Tier3}
	case y == 2025:
		return []Tier{Tier1, Tier2WatchList, Tier3, SpecialCase}
	}
	return nil // 2016, 2018, 2019: partial
}

// The 2023 corrections: seed 003 prints Montenegro on Tier 2 and on the
// Watch List and leaves the Dominican Republic out; the Factbook, gvnet and
// the State Department's 2024 interim assessment agree on 26 Watch List
// countries including both (data/years/2023.txt, header).
const correction2023 = "years/2023.txt: the CIA World Factbook Watch List (26), the State Department's 2024 interim assessment (\"Tier 2 Watch List (26 countries)\") and gvnet (no Montenegro on Tier 2) agree"

var defaultHistory = sync.OnceValue(func() *History {
	h, err := buildDefault()
	if err != nil {
		panic("tiers: embedded data: " + err.Error()) // a build defect: tests parse the same files
	}
	return h
})

// Default returns the embedded history: report years 2001–2025 from the
// reference data, with 2023 read from the embedded report (seed 003) and
// corrected as the other sources agree; the documented waivers; and every
// finding of building it. Each Year says how complete it is and each
// Placement where it comes from. It is built once; treat it as read-only.
func Default() *History { return defaultHistory() }

var defaultReport = sync.OnceValue(func() *Report {
	r, err := ParseReportWith(strings.NewReader(seeds.Report2023()), tip.ParseOptions{Source: SeedSource, Lax: true})
	if err != nil {
		panic("tiers: embedded report: " + err.Error())
	}
	return r
})

// DefaultReport returns the embedded 2023 report (seed 003) exactly as
// printed, parsed lax, with its findings: Montenegro twice, no Dominican
// Republic. Default's 2023 is this report corrected.
func DefaultReport() *Report { return defaultReport() }

func buildDefault() (*History, error) {
	h := &History{}
	files, err := fs.Glob(dataFS, "data/years/*.txt")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		y, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(f, "data/years/"), ".txt"))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		if y == 2023 {
			continue
		}
		yr := Year{Year: tip.ReportYear(y), Completeness: Completeness{Known: yearKnown(y)}}
		for _, src := range []string{f, "data/extra/" + strconv.Itoa(y) + ".txt"} {
			b, err := dataFS.ReadFile(src)
			if err != nil {
				if src != f {
					continue // not every year has extras
				}
				return nil, err
			}
			if err := h.readYearFile(&yr, strings.TrimPrefix(src, "data/"), b); err != nil {
				return nil, err
			}
		}
		if y <= 2015 && y != 2009 {
			yr.Completeness.Note = "nearly full (the research panel leaves a few entities out; its four tier lists are treated as complete for the rules): " + yr.Completeness.Note
		}
		h.Years = append(h.Years, yr)
	}
	h.Years = append(h.Years, corrected2023(h))
	slices.SortFunc(h.Years, func(a, b Year) int { return int(a.Year - b.Year) })
	if err := h.applyCorrections(); err != nil {
		return nil, err
	}
	if err := h.readWaivers(); err != nil {
		return nil, err
	}
	for i := range h.Years {
		for j := range h.Years[i].Placements {
			p := &h.Years[i].Placements[j]
			p.Waiver = h.Waived(p.Country, p.Year)
		}
	}
	tip.SortFindings(h.Findings)
	return h, nil
}

// readYearFile adds the rows of one reference file to yr. A row whose
// country the year already has with the same tier only adds nothing; with
// another tier it is a conflict, reported, and the first row stands.
func (h *History) readYearFile(yr *Year, src string, b []byte) error {
	yr.Sources = append(yr.Sources, src)
	lr := text.NewLineReader(bytes.NewReader(b))
	for lr.Next() {
		t := lr.Text()
		pos := tip.Position{Line: lr.Line(), Col: 1}
		// The year file's completeness line, or its "# PARTIAL" line; an
		// extra file's only where the year file states none.
		if (strings.HasPrefix(t, "# Completeness:") || strings.HasPrefix(t, "# PARTIAL")) && yr.Completeness.Note == "" {
			note := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(t, "# Completeness:"), "#"))
			if strings.Contains(src, "extra/") {
				note = "year file: partial; " + src + ": " + note
			}
			yr.Completeness.Note = note
		}
		if strings.HasPrefix(t, "#") || strings.TrimSpace(t) == "" {
			continue
		}
		tierText, name, ok := strings.Cut(t, "|")
		if !ok {
			return tip.Errorf(src, pos, "", tip.ErrSyntax, "want Tier|Country, got %q", t)
		}
		tier, err := ParseTier(tierText)
		if err != nil {
			return tip.Errorf(src, pos, "tier", err, "")
		}
		name = strings.TrimSpace(name)
		pos.Col = len(tierText) + 2
		c, e, err := tip.DefaultErrata().Resolve(name)
		if err != nil {
			c, e, err = dataErrata.Resolve(name)
		}
		switch {
		case err != nil:
			h.Findings = append(h.Findings, tip.Finding{Rule: "tiers/unresolved-name", Severity: tip.Error, Source: src, Pos: pos, Subject: name,
				Message: fmt.Sprintf("%s kept with no country: %v", name, err)})
		case e != nil:
			h.Findings = append(h.Findings, tip.Finding{Rule: "tiers/erratum", Severity: tip.Info, Source: src, Pos: pos, Country: c, Subject: name,
				Message: fmt.Sprintf("%q read as %s: %s", name, c.Name(), e.Note), Citation: e.Source})
		}
		p := Placement{Country: c, Name: name, Year: yr.Year, Tier: tier, Source: src, Pos: pos}
		if c != 0 {
			if i := slices.IndexFunc(yr.Placements, func(q Placement) bool { return q.Country == c }); i >= 0 {
				if q := yr.Placements[i]; q.Tier != tier {
					h.Findings = append(h.Findings, tip.Finding{Rule: "tiers/source-conflict", Severity: tip.Warning, Source: src, Pos: pos, Country: c, Subject: strconv.Itoa(int(yr.Year)),
						Message: fmt.Sprintf("%d: %s is %s here and %s in %s:%d; the latter kept", yr.Year, c.Name(), tier, q.Tier, q.Source, q.Pos.Line)})
				}
				continue
			}
		}
		yr.Placements = append(yr.Placements, p)
	}
	return lr.Err()
}

// corrected2023 is seed 003's placements with the correction the other
// sources agree on, each change reported as a finding citing the evidence.
func corrected2023(h *History) Year {
	r := defaultReport()
	h.Findings = append(h.Findings, r.Findings...)
	mne := tip.MustLookupCountry("Montenegro")
	dom := tip.MustLookupCountry("Dominican Republic")
	yr := Year{Year: 2023, Completeness: Completeness{Known: yearKnown(2023), Note: "full: seed 003 with two corrections (Montenegro, Dominican Republic)"},
		Sources: []string{SeedSource, "years/2023.txt"}}
	for _, l := range r.StateSponsored {
		yr.StateSponsored = append(yr.StateSponsored, l.Country)
	}
	for _, p := range r.Placements {
		if p.Country == mne && p.Tier == Tier2 {
			h.Findings = append(h.Findings, tip.Finding{Rule: "tiers/correction", Severity: tip.Warning, Source: SeedSource, Pos: p.Pos, Country: mne, Subject: "2023",
				Message: "Montenegro is printed on Tier 2 and on the Tier 2 Watch List; the history keeps the Watch List placement only", Citation: correction2023})
			continue
		}
		yr.Placements = append(yr.Placements, p)
	}
	// The file's row for the Dominican Republic, with its position there.
	b, _ := dataFS.ReadFile("data/years/2023.txt")
	line := 0
	lr := text.NewLineReader(bytes.NewReader(b))
	for lr.Next() {
		if strings.HasSuffix(lr.Text(), "|Dominican Republic") {
			line = lr.Line()
		}
	}
	pos := tip.Position{Line: line, Col: len("Tier 2 Watch List|") + 1}
	yr.Placements = append(yr.Placements, Placement{Country: dom, Name: "Dominican Republic", Year: 2023, Tier: Tier2WatchList, Source: "years/2023.txt", Pos: pos})
	h.Findings = append(h.Findings, tip.Finding{Rule: "tiers/correction", Severity: tip.Warning, Source: "years/2023.txt", Pos: pos, Country: dom, Subject: "2023",
		Message: "the Dominican Republic is missing from seed 003; the history places it on the Tier 2 Watch List", Citation: correction2023})
	return yr
}

// applyCorrections makes the changes of data/corrections.txt to the years
// read from the reference files, each reported as a finding citing its
// evidence. A correction that no longer fits the files (a row to merge is
// missing, a row to add is already there) is an error: the data changed
// under it and someone must look.
func (h *History) applyCorrections() error {
	const src = "corrections.txt"
	b, err := dataFS.ReadFile("data/" + src)
	if err != nil {
		return err
	}
	err = text.ReadRows(b, []string{"Year", "Change", "Tier", "Country", "Evidence"}, func(r text.Row) error {
		f, pos := r.Fields, tip.Position{Line: r.Line, Col: 1}
		y, err := tip.ParseReportYear(f[0])
		if err != nil {
			return tip.Errorf(src, pos, "year", err, "")
		}
		yr := h.Year(y)
		if yr == nil {
			return tip.Errorf(src, pos, "year", tip.ErrMissing, "no year %d in the history", y)
		}
		tier, err := ParseTier(f[2])
		if err != nil {
			return tip.Errorf(src, pos, "tier", err, "")
		}
		c, err := tip.LookupCountry(f[3])
		if err != nil {
			return tip.Errorf(src, pos, "country", err, "")
		}
		if _, st := h.At(c, y); st == StatusPlaced {
			return tip.Errorf(src, pos, "country", tip.ErrDuplicate, "%d: %s is already placed", y, c.Name())
		}
		cpos := tip.Position{Line: pos.Line, Col: len(f[0]) + len(f[1]) + len(f[2]) + 4}
		var msg string
		switch change := f[1]; {
		case change == "add":
			name := c.Name()
			if f[3] != name {
				name = f[3] + " (" + name + ")"
			}
			msg = fmt.Sprintf("%d: %s is missing from %s; the history places it on %s", y, name, strings.Join(yr.Sources, " and "), tier)
		case strings.HasPrefix(change, "merge "):
			var merged []string
			for _, name := range strings.Split(strings.TrimPrefix(change, "merge "), " + ") {
				m := tip.MustLookupCountry(strings.TrimSpace(name))
				i := slices.IndexFunc(yr.Placements, func(p Placement) bool { return p.Country == m })
				if i < 0 || yr.Placements[i].Tier != tier {
					return tip.Errorf(src, pos, "change", tip.ErrMissing, "%d: no %s row for %s to merge", y, tier, m.Name())
				}
				p := yr.Placements[i]
				merged = append(merged, fmt.Sprintf("%s (%s:%d)", p.Name, p.Source, p.Pos.Line))
				yr.Placements = slices.Delete(yr.Placements, i, i+1)
			}
			msg = fmt.Sprintf("%d: %s, both on %s, are one entity in the report; the history places %s", y, strings.Join(merged, " and "), tier, c.Name())
		default:
			return tip.Errorf(src, pos, "change", tip.ErrSyntax, "change %q: want add or merge A + B", change)
		}
		yr.Placements = append(yr.Placements, Placement{Country: c, Name: f[3], Year: y, Tier: tier, Source: src, Pos: cpos})
		yr.Sources = append(yr.Sources, src)
		h.Findings = append(h.Findings, tip.Finding{Rule: "tiers/correction", Severity: tip.Warning, Source: src, Pos: cpos, Country: c, Subject: strconv.Itoa(int(y)),
			Message: msg, Citation: f[4]})
		return nil
	})
	return rowError(src, err)
}

func (h *History) readWaivers() error {
	b, err := dataFS.ReadFile("data/waivers.txt")
	if err != nil {
		return err
	}
	err = text.ReadRows(b, []string{"Year", "Country", "Grade", "Source"}, func(r text.Row) error {
		f, pos := r.Fields, tip.Position{Line: r.Line, Col: 1}
		y, err := tip.ParseReportYear(f[0])
		if err != nil {
			return tip.Errorf("waivers.txt", pos, "year", err, "")
		}
		c, _, err := tip.DefaultErrata().Resolve(f[1])
		if err != nil {
			return tip.Errorf("waivers.txt", pos, "country", err, "")
		}
		g := map[string]Grade{"A": GradePrimary, "B": GradeSecondary, "C": GradeOther}[f[2]]
		if g == GradeUnknown {
			return tip.Errorf("waivers.txt", pos, "grade", tip.ErrSyntax, "grade %q: want A, B or C", f[2])
		}
		h.Waivers = append(h.Waivers, Waiver{Country: c, Name: f[1], Year: y, Grade: g, Source: f[3]})
		return nil
	})
	slices.SortStableFunc(h.Waivers, func(a, b Waiver) int {
		if a.Year != b.Year {
			return int(a.Year - b.Year)
		}
		return int(a.Country) - int(b.Country)
	})
	return rowError("waivers.txt", err)
}

// rowError positions the error of a malformed row of the embedded table
// src, as text.ReadRows reports it.
func rowError(src string, err error) error {
	if re, ok := errors.AsType[*text.RowError](err); ok {
		return tip.Errorf(src, tip.Position{Line: re.Line, Col: 1}, "", tip.ErrSyntax, "%v", re)
	}
	return err
}
