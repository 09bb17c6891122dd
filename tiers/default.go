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

//go:embed data/years/*.txt data/extra/*.txt data/fills/*.txt data/history.csv
//go:embed data/waivers.txt data/corrections.txt data/basis.txt data/completeness.txt data/status.txt data/entities.txt
var dataFS embed.FS

// SeedSource names the embedded 2023 report in positions and findings.
const SeedSource = "seed 003"

// dataErrata are names the reference files write that LookupCountry rightly
// refuses on its own (a bare "Congo" is ambiguous, "PAPUA GUINEA NEW" is a
// parse's garble) but whose meaning the file's source settles. They apply
// to those files only, never to reports. Built on first use: importing the
// package does no work.
var dataErrata = sync.OnceValue(func() tip.Errata {
	e := func(printed, country, source, note string) tip.Erratum {
		return tip.Erratum{Printed: printed, Country: tip.MustLookupCountry(country), Source: source, Note: note}
	}
	return tip.Errata{
		e("Congo", "Congo, Republic of the", "tiers data: years/2008–2015 (Kelley panel), extra/2016–2017 (SURE, as CONGO)", "both sources list the Democratic Republic of the Congo as a separate row; Kelley codes this one ISO COG, COW 484"),
		e("Congo (Brazzaville; Rep)", "Congo, Republic of the", "tiers data extra/2004.txt", "Brazzaville is the capital of the Republic of the Congo"),
		e("St. Martin", "Sint Maarten", "tiers data extra/2019.txt", "the file's header: the Dutch part, Sint Maarten, is the one the report ranks"),
		e("PAPUA GUINEA NEW", "Papua New Guinea", "tiers data fills/2018.txt (a machine parse of the 2018 report)", `the file's header: "PAPUA GUINEA NEW" is Papua New Guinea, the parse's reordering of a heading broken across lines; no other country has these words`),
		e("Korea, Democratic Republic of", "Korea, Democratic People’s Republic of", "tiers data fills/2025.txt (a third party's transcription)", "the file's header: North Korea, the same garbling as seed 003's Protocol list (tip.DefaultErrata); the Republic of Korea is on the same file's Tier 1 as \"Korea, Republic of\""),
		e("Macau S.A.R.", "Macau", "tiers data fills/2025.txt (a third party's transcription)", `the file's header: Macau, written as the same file writes "Hong Kong S.A.R."`),
	}
})

// referenceErrata are the errata the reference files are read with: the
// default errata, then dataErrata. Read only, never handed out.
var referenceErrata = sync.OnceValue(func() tip.Errata { return append(tip.DefaultErrata(), dataErrata()...) })

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
// reference data and the fills of the recent years, with 2023 read from
// the embedded report (seed 003) and corrected as the other sources agree;
// the documented waivers; and every finding of building it. Each Year says
// how complete it is and each Placement where it comes from and on what
// Basis.
//
// It is built once, on first use; each call returns a deep copy (about
// 0.1 ms), so a caller may change what it gets without changing what the
// next caller gets.
func Default() *History { return defaultHistory().Clone() }

var defaultReport = sync.OnceValue(func() *Report {
	r, err := ParseReportWith(strings.NewReader(seeds.Report2023()), tip.ParseOptions{Source: SeedSource, Lax: true})
	if err != nil {
		panic("tiers: embedded report: " + err.Error())
	}
	return r
})

// DefaultReport returns the embedded 2023 report (seed 003) exactly as
// printed, parsed lax, with its findings: Montenegro twice, no Dominican
// Republic. Default's 2023 is this report corrected. Each call returns a
// deep copy.
func DefaultReport() *Report { return defaultReport().Clone() }

// A builder holds what building the default history reads besides the
// placement files.
type builder struct {
	h     *History
	basis map[string]fileBasis // by file, from data/basis.txt
}

// fileBasis is the basis of one file's rows: the file's, and the rows
// named otherwise.
type fileBasis struct {
	basis Basis
	rows  map[string]Basis // by the name as written
}

func buildDefault() (*History, error) {
	b := &builder{h: &History{}}
	if err := b.readBasis(); err != nil {
		return nil, err
	}
	more, err := b.readMore()
	if err != nil {
		return nil, err
	}
	fills, err := fs.Glob(dataFS, "data/fills/*.txt")
	if err != nil {
		return nil, err
	}
	for y := firstYear; y <= lastYear; y++ {
		yr := Year{Year: y}
		if y == 2023 {
			b.corrected2023(&yr)
		} else if err := b.readFile(&yr, "years/"+strconv.Itoa(int(y))+".txt", true); err != nil {
			return nil, err
		}
		if err := b.readFile(&yr, "extra/"+strconv.Itoa(int(y))+".txt", false); err != nil {
			return nil, err
		}
		for _, f := range fills {
			name := strings.TrimPrefix(f, "data/")
			if strings.HasPrefix(name, "fills/"+strconv.Itoa(int(y))) {
				if err := b.readFile(&yr, name, true); err != nil {
					return nil, err
				}
			}
		}
		for _, p := range more[y] {
			b.add(&yr, p, "fills/more.txt")
		}
		b.h.Years = append(b.h.Years, yr)
	}
	h := b.h
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
	if err := b.complete(); err != nil {
		return nil, err
	}
	tip.SortFindings(h.Findings)
	return h, nil
}

// The report years Default holds.
const (
	firstYear tip.ReportYear = 2001
	lastYear  tip.ReportYear = 2025
)

// readBasis reads data/basis.txt: the basis of every placement file's
// rows, and of the rows a file knows otherwise.
func (b *builder) readBasis() error {
	b.basis = map[string]fileBasis{}
	return readTable("basis.txt", []string{"File", "Country", "Basis", "Evidence"}, func(f []string, pos tip.Position) error {
		basis, err := ParseBasis(f[2])
		if err != nil || basis == BasisUnknown {
			return tip.Errorf("basis.txt", pos, "basis", ErrBasis, "basis %q: want observed, transcribed, implied or derived", f[2])
		}
		if _, err := dataFS.ReadFile("data/" + f[0]); err != nil {
			return tip.Errorf("basis.txt", pos, "file", tip.ErrMissing, "no embedded file %s", f[0])
		}
		fb := b.basis[f[0]]
		if f[1] == "" {
			if fb.basis != BasisUnknown {
				return tip.Errorf("basis.txt", pos, "file", tip.ErrDuplicate, "%s has a basis already", f[0])
			}
			fb.basis = basis
		} else {
			if fb.rows == nil {
				fb.rows = map[string]Basis{}
			}
			fb.rows[f[1]] = basis
		}
		b.basis[f[0]] = fb
		return nil
	})
}

// readTable reads one of tipkit's own tables under data/ with
// text.ReadRows, giving fn each row's fields and position; a malformed
// row is a positioned error.
func readTable(name string, header []string, fn func(f []string, pos tip.Position) error) error {
	data, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return err
	}
	err = text.ReadRows(data, header, func(r text.Row) error { return fn(r.Fields, tip.Position{Line: r.Line, Col: 1}) })
	return rowError(name, err)
}

// resolve reads a name as a reference file writes it, as a lax parse
// reads one with the default errata and the data errata. It returns the
// country (zero if none) and adds a finding for an erratum used
// (tip.ErratumRule, as every parse reports one) or a name not resolved.
func (b *builder) resolve(name, src string, pos tip.Position) tip.Country {
	opts := tip.ParseOptions{Source: src, Lax: true, Errata: referenceErrata()}
	c, f, err := opts.ResolveCountry(name, pos, "")
	switch {
	case err != nil:
		b.h.Findings = append(b.h.Findings, tip.Finding{Rule: string(RuleUnresolvedName), Severity: tip.Error, Source: src, Pos: pos, Subject: name,
			Message: fmt.Sprintf("%s kept with no country: %v", name, err.Err)})
		return 0
	case f != nil:
		b.h.Findings = append(b.h.Findings, *f)
	}
	return c
}

// readFile adds the rows of one placement file (Tier|Country) to yr, on
// the basis data/basis.txt gives the file. A file that does not exist is an
// error only if must is set: not every year has extras. A file whose
// header states its kind ("# Kind: DERIVED") must agree with basis.txt.
func (b *builder) readFile(yr *Year, src string, must bool) error {
	data, err := dataFS.ReadFile("data/" + src)
	if err != nil {
		if !must {
			return nil
		}
		return err
	}
	fb, ok := b.basis[src]
	if !ok || fb.basis == BasisUnknown {
		return tip.Errorf("basis.txt", tip.Position{}, "file", tip.ErrMissing, "no basis for %s", src)
	}
	yr.Sources = append(yr.Sources, src)
	lr := text.NewLineReader(bytes.NewReader(data))
	for lr.Next() {
		t := lr.Text()
		pos := tip.Position{Line: lr.Line(), Col: 1}
		if kind, ok := strings.CutPrefix(t, "# Kind: "); ok {
			word, _, _ := strings.Cut(kind, " ")
			if k, err := ParseBasis(strings.Trim(word, ".,;:")); err != nil || k != fb.basis {
				return tip.Errorf(src, pos, "kind", ErrBasis, "the header says %q, basis.txt says %s", word, fb.basis)
			}
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
		basis := fb.basis
		if rb, ok := fb.rows[name]; ok {
			basis = rb
		}
		c := b.resolve(name, src, pos)
		b.add(yr, Placement{Country: c, Name: name, Year: yr.Year, Tier: tier, Basis: basis, Source: src, Pos: pos}, src)
	}
	return lr.Err()
}

// add puts p in yr. A country the year already has on the same tier keeps
// one placement, the one on the stronger basis (the first, if equal). On
// another tier it is a conflict: the placement on the stronger basis
// stands (the first, if equal), and a tiers/source-conflict finding names
// both, so that no derived row silently outranks an observed one and no
// row is lost.
func (b *builder) add(yr *Year, p Placement, src string) {
	if !slices.Contains(yr.Sources, src) {
		yr.Sources = append(yr.Sources, src)
	}
	i := -1
	if p.Country != 0 {
		i = slices.IndexFunc(yr.Placements, func(q Placement) bool { return q.Country == p.Country })
	}
	if i < 0 {
		yr.Placements = append(yr.Placements, p)
		return
	}
	q := yr.Placements[i]
	kept, other := q, p
	if p.Basis.outranks(q.Basis) {
		kept, other = p, q
		yr.Placements[i] = p
	}
	if q.Tier == p.Tier {
		return
	}
	why := "the first read, on an equal basis"
	if kept.Basis != other.Basis {
		why = "its basis is the stronger"
	}
	b.h.Findings = append(b.h.Findings, tip.Finding{Rule: string(RuleSourceConflict), Severity: tip.Warning, Source: p.Source, Pos: p.Pos, Country: p.Country, Subject: strconv.Itoa(int(yr.Year)),
		Message: fmt.Sprintf("%d: %s is %s in %s:%d (%s) and %s in %s:%d (%s); the history keeps %s (%s)",
			yr.Year, p.Country.Name(), p.Tier, p.Source, p.Pos.Line, p.Basis, q.Tier, q.Source, q.Pos.Line, q.Basis, kept.Tier, why)})
}

// readMore reads fills/more.txt: single placements, each with its kind and
// source, by report year.
func (b *builder) readMore() (map[tip.ReportYear][]Placement, error) {
	const src = "fills/more.txt"
	out := map[tip.ReportYear][]Placement{}
	err := readTable(src, []string{"Year", "Tier", "Country", "kind", "source"}, func(f []string, pos tip.Position) error {
		y, err := tip.ParseReportYear(f[0])
		if err != nil {
			return tip.Errorf(src, pos, "year", err, "")
		}
		tier, err := ParseTier(f[1])
		if err != nil {
			return tip.Errorf(src, pos, "tier", err, "")
		}
		basis, err := ParseBasis(f[3])
		if err != nil || basis == BasisUnknown {
			return tip.Errorf(src, pos, "kind", ErrBasis, "kind %q: want observed, transcribed, implied or derived", f[3])
		}
		pos.Col = len(f[0]) + len(f[1]) + 3
		c := b.resolve(f[2], src, pos)
		out[y] = append(out[y], Placement{Country: c, Name: f[2], Year: y, Tier: tier, Basis: basis, Source: src, Pos: pos})
		return nil
	})
	return out, err
}

// corrected2023 fills yr with seed 003's placements, corrected as the
// other sources agree, each change reported as a finding citing the
// evidence.
func (b *builder) corrected2023(yr *Year) {
	r := defaultReport()
	b.h.Findings = append(b.h.Findings, r.Findings...)
	mne := tip.MustLookupCountry("Montenegro")
	dom := tip.MustLookupCountry("Dominican Republic")
	yr.Sources = []string{SeedSource, "years/2023.txt"}
	for _, l := range r.StateSponsored {
		yr.StateSponsored = append(yr.StateSponsored, l.Country)
	}
	for _, p := range r.Placements {
		if p.Country == mne && p.Tier == Tier2 {
			b.h.Findings = append(b.h.Findings, tip.Finding{Rule: string(RuleCorrection), Severity: tip.Warning, Source: SeedSource, Pos: p.Pos, Country: mne, Subject: "2023",
				Message: "Montenegro is printed on Tier 2 and on the Tier 2 Watch List; the history keeps the Watch List placement only", Citation: correction2023})
			continue
		}
		yr.Placements = append(yr.Placements, p)
	}
	// The file's row for the Dominican Republic, with its position there.
	data, _ := dataFS.ReadFile("data/years/2023.txt")
	line := 0
	lr := text.NewLineReader(bytes.NewReader(data))
	for lr.Next() {
		if strings.HasSuffix(lr.Text(), "|Dominican Republic") {
			line = lr.Line()
		}
	}
	pos := tip.Position{Line: line, Col: len("Tier 2 Watch List|") + 1}
	yr.Placements = append(yr.Placements, Placement{Country: dom, Name: "Dominican Republic", Year: 2023, Tier: Tier2WatchList, Basis: b.basis["years/2023.txt"].basis, Source: "years/2023.txt", Pos: pos})
	b.h.Findings = append(b.h.Findings, tip.Finding{Rule: string(RuleCorrection), Severity: tip.Warning, Source: "years/2023.txt", Pos: pos, Country: dom, Subject: "2023",
		Message: "the Dominican Republic is missing from seed 003; the history places it on the Tier 2 Watch List", Citation: correction2023})
}

// applyCorrections makes the changes of data/corrections.txt to the years
// read from the reference files, each reported as a finding citing its
// evidence. A correction that no longer fits the files (a row to merge is
// missing, a row to add is already there) is an error: the data changed
// under it and someone must look.
func (h *History) applyCorrections() error {
	const src = "corrections.txt"
	return readTable(src, []string{"Year", "Change", "Tier", "Country", "Basis", "Evidence"}, func(f []string, pos tip.Position) error {
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
		basis, err := ParseBasis(f[4])
		if err != nil || basis == BasisUnknown {
			return tip.Errorf(src, pos, "basis", ErrBasis, "basis %q: want observed, transcribed, implied or derived", f[4])
		}
		if slices.ContainsFunc(yr.Placements, func(p Placement) bool { return p.Country == c }) {
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
		yr.Placements = append(yr.Placements, Placement{Country: c, Name: f[3], Year: y, Tier: tier, Basis: basis, Source: src, Pos: cpos})
		yr.Sources = append(yr.Sources, src)
		h.Findings = append(h.Findings, tip.Finding{Rule: string(RuleCorrection), Severity: tip.Warning, Source: src, Pos: cpos, Country: c, Subject: strconv.Itoa(int(y)),
			Message: msg, Citation: f[5]})
		return nil
	})
}

func (h *History) readWaivers() error {
	const src = "waivers.txt"
	err := readTable(src, []string{"Year", "Country", "Grade", "Source"}, func(f []string, pos tip.Position) error {
		y, err := tip.ParseReportYear(f[0])
		if err != nil {
			return tip.Errorf(src, pos, "year", err, "")
		}
		c, _, perr := tip.ParseOptions{Source: src, Lax: true}.ResolveCountry(f[1], pos, "country")
		if perr != nil {
			return perr
		}
		g := map[string]Grade{"A": GradePrimary, "B": GradeSecondary, "C": GradeOther}[f[2]]
		if g == GradeUnknown {
			return tip.Errorf(src, pos, "grade", tip.ErrSyntax, "grade %q: want A, B or C", f[2])
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
	return err
}

// rowError positions the error of a malformed row of the embedded table
// src, as text.ReadRows reports it.
func rowError(src string, err error) error {
	if re, ok := errors.AsType[*text.RowError](err); ok {
		return tip.Errorf(src, tip.Position{Line: re.Line, Col: 1}, "", tip.ErrSyntax, "%v", re)
	}
	return err
}
