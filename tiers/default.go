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
//go:embed data/errata.txt data/waivers.txt data/corrections.txt data/basis.txt data/completeness.txt data/status.txt data/entities.txt
var dataFS embed.FS

// SeedSource names the embedded 2023 report in positions and findings.
const SeedSource = "seed 003"

// dataErrata are the misprints of the reference files, data/errata.txt:
// names tip.LookupCountry rightly refuses on its own but whose meaning
// the file's source settles. They apply to those files only, never to
// reports. Read on first use: importing the package does no work.
var dataErrata = sync.OnceValue(func() tip.Errata {
	var errata tip.Errata
	err := readTable("errata.txt", []string{"Printed", "Country", "Source", "Note"}, func(f []string, pos tip.Position) error {
		c, err := tip.LookupCountry(f[1])
		if err != nil {
			return tip.Errorf("errata.txt", pos, "Country", err, "")
		}
		errata = append(errata, tip.Erratum{Printed: f[0], Country: c, Source: f[2], Note: f[3]})
		return nil
	})
	if err != nil {
		panic("tiers: embedded data: " + err.Error()) // a build defect: tests read the same file
	}
	return errata
})

// referenceErrata are the errata the reference files are read with: the
// default errata, then dataErrata. Read only, never handed out.
var referenceErrata = sync.OnceValue(func() tip.Errata { return append(tip.DefaultErrata(), dataErrata()...) })

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
	first, last, err := reportYears()
	if err != nil {
		return nil, err
	}
	seed := defaultReport()
	for y := first; y <= last; y++ {
		yr := Year{Year: y}
		if y == seed.Year {
			b.readSeed(&yr, seed)
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
	if err := b.applyCorrections(); err != nil {
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

// reportYears returns the first and the last of the report years
// Default holds: those of the files under data/years, one a year.
func reportYears() (first, last tip.ReportYear, err error) {
	names, err := fs.Glob(dataFS, "data/years/*.txt")
	if err != nil || len(names) == 0 {
		return 0, 0, fmt.Errorf("tiers: no data/years files: %v", err)
	}
	for _, name := range names {
		y, err := tip.ParseReportYear(strings.TrimSuffix(strings.TrimPrefix(name, "data/years/"), ".txt"))
		if err != nil {
			return 0, 0, tip.Errorf(name, tip.Position{}, "file", err, "")
		}
		if first == 0 || y < first {
			first = y
		}
		last = max(last, y)
	}
	return first, last, nil
}

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
	return readRows(name, data, header, fn)
}

// readRows is readTable for a table's bytes, data, named src.
func readRows(src string, data []byte, header []string, fn func(f []string, pos tip.Position) error) error {
	err := text.ReadRows(data, header, func(r text.Row) error { return fn(r.Fields, tip.Position{Line: r.Line, Col: 1}) })
	return rowError(src, err)
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

// readSeed fills yr with the placements of r, the embedded report of
// that year, as printed: data/corrections.txt says what the history
// changes (applyCorrections).
func (b *builder) readSeed(yr *Year, r *Report) {
	b.h.Findings = append(b.h.Findings, r.Findings...)
	yr.Sources = append(yr.Sources, SeedSource)
	for _, l := range r.StateSponsored {
		yr.StateSponsored = append(yr.StateSponsored, l.Country)
	}
	yr.Placements = append(yr.Placements, r.Placements...)
}

// rowYear returns the year of the history that the cell of a row of one
// of the tables under data/ names.
func (h *History) rowYear(src string, pos tip.Position, cell string) (*Year, error) {
	y, err := tip.ParseReportYear(cell)
	if err != nil {
		return nil, tip.Errorf(src, pos, "year", err, "")
	}
	yr := h.Year(y)
	if yr == nil {
		return nil, tip.Errorf(src, pos, "year", tip.ErrMissing, "no year %d in the history", y)
	}
	return yr, nil
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
