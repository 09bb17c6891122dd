package cspa

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/seeds"
	"github.com/tipkit/tipkit/tip/text"
)

//go:embed data/years/*.txt data/extra/2011.txt data/fills.txt data/waivers.txt
var dataFS embed.FS

// SeedSource names the embedded 2023 report in positions and findings.
const SeedSource = "seed 003"

// Data is the CSPA data tipkit embeds.
type Data struct {
	Lists    []*List       // one per report year 2010–2025, ascending; Status says how complete
	Waivers  []Waiver      // by fiscal year: FY2023 from the 405(c) report of seed 003, the others from the list files
	Report   *Report405c   // the 405(c) report of seed 003
	Findings []tip.Finding // what building it tolerated or found inconsistent
}

// List returns the list of report year y, or nil.
func (d *Data) List(y tip.ReportYear) *List {
	for _, l := range d.Lists {
		if l.Year == y {
			return l
		}
	}
	return nil
}

// Listed reports whether c is on the list of report year y, and whether
// that is known: a country missing from a partial list, or any country in a
// year whose list was not found, is not known to be off it.
func (d *Data) Listed(c tip.Country, y tip.ReportYear) (listed, known bool) {
	l := d.List(y)
	if l == nil {
		return false, false
	}
	if l.Contains(c) {
		return true, true
	}
	return false, l.Status == StatusFull
}

// WaiversFor returns the waivers for fiscal year fy.
func (d *Data) WaiversFor(fy tip.FiscalYear) []Waiver {
	var out []Waiver
	for _, w := range d.Waivers {
		if w.FiscalYear == fy {
			out = append(out, w)
		}
	}
	return out
}

// Prohibited is the package-level Prohibited over the embedded data.
func (d *Data) Prohibited(c tip.Country, fy tip.FiscalYear) []Restriction {
	return Prohibited(d.Lists, d.Waivers, c, fy)
}

var defaultData = sync.OnceValue(func() *Data {
	d, err := buildDefault()
	if err != nil {
		panic("cspa: embedded data: " + err.Error()) // a build defect: the tests read the same files
	}
	return d
})

// Default returns the embedded CSPA data: the lists of 2010–2025 (2022 and
// 2023 parsed from the embedded 2023 TIP Report, seed 003; the others from
// the reference files and their fills, each with its status and source),
// the waivers of FY2011–FY2025 that the sources give, and the 405(c)
// report with its amounts.
//
// It is built once, on first use; each call returns a deep copy (Clone),
// so a caller may change what it gets without changing what the next
// caller gets.
func Default() *Data { return defaultData().Clone() }

// Clone returns a deep copy of d: no list, waiver, amount or finding of the
// copy shares memory with d.
func (d *Data) Clone() *Data {
	if d == nil {
		return nil
	}
	out := &Data{Lists: make([]*List, len(d.Lists)), Waivers: cloneWaivers(d.Waivers), Findings: slices.Clone(d.Findings)}
	for i, l := range d.Lists {
		out.Lists[i] = cloneList(l)
	}
	if d.Report != nil {
		r := *d.Report
		r.Violations = slices.Clone(r.Violations)
		r.NotPlanned = slices.Clone(r.NotPlanned)
		r.Waivers = cloneWaivers(r.Waivers)
		r.Provided = slices.Clone(r.Provided) // decimal.Decimal is immutable
		r.Findings = slices.Clone(r.Findings)
		out.Report = &r
	}
	return out
}

func cloneList(l *List) *List {
	if l == nil {
		return nil
	}
	c := *l
	c.Governments = slices.Clone(l.Governments)
	c.Findings = slices.Clone(l.Findings)
	return &c
}

func cloneWaivers(ws []Waiver) []Waiver {
	out := slices.Clone(ws)
	for i := range out {
		out[i].Authorities = slices.Clone(out[i].Authorities)
	}
	return out
}

func buildDefault() (*Data, error) {
	d := &Data{}
	seed := seeds.Report2023()
	opts := tip.ParseOptions{Source: SeedSource, Lax: true}
	l23, err := ParseListWith(strings.NewReader(seed), opts)
	if err != nil {
		return nil, err
	}
	d.Findings = append(d.Findings, l23.Findings...)
	rep, err := Parse405cWith(strings.NewReader(seed), opts)
	if err != nil {
		return nil, err
	}
	d.Report = rep
	d.Findings = append(d.Findings, rep.Findings...)
	errata := append(slices.Clone(tip.DefaultErrata()), tip.Erratum{Printed: "DRC", Country: tip.MustLookupCountry("Congo, Democratic Republic of the"),
		Source: "cspa data years/2010.txt", Note: "the common abbreviation of the Democratic Republic of the Congo"})
	fills, err := readFills()
	if err != nil {
		return nil, err
	}

	for y := 2010; y <= 2025; y++ {
		src := fmt.Sprintf("years/%d.txt", y)
		b, err := dataFS.ReadFile("data/" + src)
		if err != nil {
			return nil, err
		}
		l, err := parseDataFile(b, src, tip.ReportYear(y), errata, &d.Findings)
		if err != nil {
			return nil, err
		}
		if y == 2011 {
			x, _ := dataFS.ReadFile("data/extra/2011.txt")
			extra, err := parseDataFile(x, "extra/2011.txt", 2011, errata, &d.Findings)
			if err != nil {
				return nil, err
			}
			if len(l.Governments) == 0 {
				l = extra
			}
		}
		if err := applyFills(l, fills[tip.ReportYear(y)], errata, &d.Findings); err != nil {
			return nil, err
		}
		switch y {
		case 2022: // Section 1 of the seed's 405(c) report is the 2022 list
			d.Findings = append(d.Findings, compare(l, rep.Violations, "405(c) Section 1")...)
			l = &List{Year: 2022, Status: StatusFull, Source: SeedSource + ", 405(c) Section 1"}
			for _, c := range rep.Violations {
				l.Governments = append(l.Governments, Listed{Country: c, Name: c.Name()})
			}
			l.From, l.To = rep.From, rep.To
		case 2023:
			d.Findings = append(d.Findings, compare(l, l23.Countries(), "the CSPA list")...)
			l = l23
		}
		d.Lists = append(d.Lists, l)
	}

	d.Waivers = append(d.Waivers, rep.Waivers...)
	ws, err := readWaivers(errata)
	if err != nil {
		return nil, err
	}
	d.Waivers = append(d.Waivers, ws...)
	slices.SortStableFunc(d.Waivers, func(a, b Waiver) int { return int(a.FiscalYear - b.FiscalYear) })
	d.Findings = append(d.Findings, Validate(d)...)
	tip.SortFindings(d.Findings)
	return d, nil
}

// A fill is one row of data/fills.txt: a government on a year's list that
// the year's file leaves out, with its source.
type fill struct {
	name, source string
	pos          tip.Position
}

// fillStatus is the status a year's list has once its fills are added, as
// the comments of data/fills.txt state (quoted: the build fails if the
// file no longer says so), and the size the list then has.
var fillStatus = map[tip.ReportYear]struct {
	status Status
	size   int
	quote  string
}{
	2011: {StatusFull, 6, "2011: complete with these (six governments)"},
	2012: {StatusPartial, 5, "2012: still PARTIAL"},
	2020: {StatusFull, 14, "2020: complete with these two (14 governments)"},
}

// readFills reads data/fills.txt by year, and checks that every year it
// fills has its status in fillStatus, quoted from the file.
func readFills() (map[tip.ReportYear][]fill, error) {
	const src = "fills.txt"
	b, err := dataFS.ReadFile("data/" + src)
	if err != nil {
		return nil, err
	}
	out := map[tip.ReportYear][]fill{}
	err = text.ReadRows(b, []string{"Year", "Country", "source"}, func(r text.Row) error {
		row := tip.Position{Line: r.Line, Col: 1}
		y, err := tip.ParseReportYear(r.Fields[0])
		if err != nil {
			return tip.Errorf(src, row, "year", err, "")
		}
		if _, ok := fillStatus[y]; !ok {
			return tip.Errorf(src, row, "year", tip.ErrMissing, "%d: no status for the filled list (fillStatus)", y)
		}
		pos := tip.Position{Line: r.Line, Col: len(r.Fields[0]) + 2}
		out[y] = append(out[y], fill{name: r.Fields[1], source: r.Fields[2], pos: pos})
		return nil
	})
	err = rowError(src, err)
	for y, st := range fillStatus {
		if !bytes.Contains(b, []byte(st.quote)) {
			return nil, tip.Errorf(src, tip.Position{}, "status", tip.ErrMissing, "%d: the file no longer says %q", y, st.quote)
		}
	}
	return out, err
}

// applyFills adds a year's fills to its list (a government already on it
// is a second source that agrees, and adds nothing), and sets the status
// data/fills.txt states. A list whose size then differs from the one the
// file states is an error: the data changed under it.
func applyFills(l *List, fs []fill, errata tip.Errata, findings *[]tip.Finding) error {
	if len(fs) == 0 {
		return nil
	}
	opts := tip.ParseOptions{Source: "fills.txt", Lax: true, Errata: errata}
	for _, f := range fs {
		c, e, err := opts.ResolveCountry(f.name, f.pos, "country")
		switch {
		case err != nil:
			return err
		case e != nil:
			*findings = append(*findings, *e)
		}
		if l.Contains(c) {
			continue
		}
		l.Governments = append(l.Governments, Listed{Country: c, Name: f.name, Pos: f.pos})
	}
	st := fillStatus[l.Year]
	if len(l.Governments) != st.size {
		return tip.Errorf(opts.Source, fs[0].pos, "country", tip.ErrMissing, "%d: the list has %d governments with its fills, the file says %d", l.Year, len(l.Governments), st.size)
	}
	l.Status = st.status
	l.Source += " + " + opts.Source
	return nil
}

// compare reports where a reference file and the seed disagree.
func compare(file *List, seed []tip.Country, what string) []tip.Finding {
	var fs []tip.Finding
	for _, c := range seed {
		if !file.Contains(c) {
			fs = append(fs, tip.Finding{Rule: "cspa/source-conflict", Severity: tip.Warning, Source: file.Source, Country: c, Subject: strconv.Itoa(int(file.Year)),
				Message: fmt.Sprintf("%d: %s is in seed 003's %s but not in %s", file.Year, c.Name(), what, file.Source)})
		}
	}
	for _, c := range file.Countries() {
		if !slices.Contains(seed, c) {
			fs = append(fs, tip.Finding{Rule: "cspa/source-conflict", Severity: tip.Warning, Source: file.Source, Country: c, Subject: strconv.Itoa(int(file.Year)),
				Message: fmt.Sprintf("%d: %s is in %s but not in seed 003's %s", file.Year, c.Name(), file.Source, what)})
		}
	}
	return fs
}

func readWaivers(errata tip.Errata) ([]Waiver, error) {
	b, err := dataFS.ReadFile("data/waivers.txt")
	if err != nil {
		return nil, err
	}
	var out []Waiver
	err = text.ReadRows(b, []string{"FY", "Country", "full or partial", "authorities", "limit", "date", "source"}, func(r text.Row) error {
		f, pos := r.Fields, tip.Position{Line: r.Line, Col: 1}
		fy, err := tip.ParseFiscalYear(f[0])
		if err != nil {
			return tip.Errorf("waivers.txt", pos, "fiscal year", err, "")
		}
		c, _, perr := tip.ParseOptions{Source: "waivers.txt", Lax: true, Errata: errata}.ResolveCountry(f[1], pos, "country")
		if perr != nil {
			return perr
		}
		w := Waiver{Country: c, Name: f[1], FiscalYear: fy, Partial: f[2] == "partial", Limit: f[4], Source: f[6], Pos: pos}
		if f[2] != "full" && f[2] != "partial" {
			return tip.Errorf("waivers.txt", pos, "kind", tip.ErrSyntax, "want full or partial, got %q", f[2])
		}
		for _, a := range strings.Split(f[3], ",") {
			if a == "" {
				continue
			}
			au, err := ParseAuthority(a)
			if err != nil {
				return tip.Errorf("waivers.txt", pos, "authorities", err, "")
			}
			w.Authorities = append(w.Authorities, au)
		}
		sortAuth(w.Authorities)
		if f[5] != "" {
			if w.Date, err = tip.ParseDate(f[5]); err != nil {
				return tip.Errorf("waivers.txt", pos, "date", err, "")
			}
		}
		out = append(out, w)
		return nil
	})
	return out, rowError("waivers.txt", err)
}

// rowError positions the error of a malformed row of the embedded table
// src, as text.ReadRows reports it.
func rowError(src string, err error) error {
	if re, ok := errors.AsType[*text.RowError](err); ok {
		return tip.Errorf(src, tip.Position{Line: re.Line, Col: 1}, "", tip.ErrSyntax, "%v", re)
	}
	return err
}

// Validate checks CSPA data for consistency: every waiver names a country
// on the list that applies in its fiscal year (where that list is known),
// and the 405(c) report's Section 1 equals the previous year's list.
func Validate(d *Data) []tip.Finding {
	var fs []tip.Finding
	for _, w := range d.Waivers {
		listed, known := d.Listed(w.Country, w.FiscalYear.ReportYear())
		switch {
		case listed:
		case known:
			fs = append(fs, tip.Finding{Rule: "cspa/waiver-unlisted", Severity: tip.Error, Source: w.Source, Pos: w.Pos, Country: w.Country, Subject: fmt.Sprintf("FY%d", w.FiscalYear),
				Message: fmt.Sprintf("FY%d: a waiver for %s, which is not on the %d list", w.FiscalYear, w.Country.Name(), w.FiscalYear-1), Citation: "22 U.S.C. 2370c-1(c)"})
		default:
			fs = append(fs, tip.Finding{Rule: "cspa/waiver-unlisted", Severity: tip.Info, Source: w.Source, Pos: w.Pos, Country: w.Country, Subject: fmt.Sprintf("FY%d", w.FiscalYear),
				Message: fmt.Sprintf("FY%d: a waiver for %s; the %d list is not fully known, so the waiver implies %s was on it", w.FiscalYear, w.Country.Name(), w.FiscalYear-1, w.Country.Name()), Citation: "22 U.S.C. 2370c-1(c)"})
		}
	}
	if d.Report != nil {
		if l := d.List(d.Report.Year); l != nil && l.Status == StatusFull && !strings.Contains(l.Source, "405(c)") {
			fs = append(fs, compare(l, d.Report.Violations, "405(c) Section 1")...)
		}
	}
	return fs
}
