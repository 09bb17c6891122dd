package grants

import (
	"bytes"
	"fmt"
	"io"
	"iter"
	"regexp"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip"
)

// A Listing is the TIP Office's project listing: its header's claims, its
// sections and its projects.
type Listing struct {
	AsOf tip.Date // "As of October 1, 2021"
	// The header's claims, lower bounds as the office words them: "110 …
	// projects in over 95 countries worth more than $245 million".
	ClaimedProjects  int
	ClaimedCountries int
	ClaimedAmount    decimal.Decimal
	Sections         []string      // headings in order, including those with no projects
	Projects         []Project     // in order
	Findings         []tip.Finding // what the lax parse tolerated; nil from Parse
}

// The fields of a record, and the labels that name them.
const (
	fCountries = iota
	fImplementer
	fAmount
	fEndDate
	fDescription
	nFields
)

var fieldNames = [nFields]string{"Countries", "Implementer", "Amount", "End Date", "Description"}

var labelNames = []struct {
	label string
	field int
}{
	{"Country", fCountries}, {"Countries", fCountries}, {"Implementer", fImplementer}, {"Amount", fAmount},
	{"End Date", fEndDate}, {"Description", fDescription}, {"Project Description", fDescription},
}

// splitLabel splits "Label: value" where Label is letters and spaces, at
// most 30 bytes; ok is false for any other line.
func splitLabel(t string) (label, value string, ok bool) {
	i := strings.IndexByte(t[:min(len(t), 31)], ':')
	if i <= 0 {
		return "", "", false
	}
	for j := 0; j < i; j++ {
		c := t[j]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == ' ') {
			return "", "", false
		}
	}
	return t[:i], strings.TrimSpace(t[i+1:]), true
}

// fieldOf returns the field a label names, or -1.
func fieldOf(label string) int {
	for _, l := range labelNames {
		if strings.EqualFold(l.label, label) {
			return l.field
		}
	}
	return -1
}

var (
	headerRE = regexp.MustCompile(`^As of ([A-Z][a-z]+ \d{1,2}, \d{4}), the TIP Office manages (\d+) .*?projects in (?:over |more than )?(\d+) countries worth (?:more than |over )?(\$[\d,.]+(?: (?:million|billion))?)`)
)

// nonBureauSections are the listing's headings that are not regional bureaus.
var nonBureauSections = []string{"Global", "Research", "Training and Technical Assistance",
	"CHILD PROTECTION COMPACT (CPC) PARTNERSHIPS", "PROGRAM TO END MODERN SLAVERY (PEMS)"}

func sectionBureau(s string) (tip.Bureau, bool) {
	for _, n := range nonBureauSections {
		if strings.EqualFold(s, n) {
			return tip.BureauUnknown, true
		}
	}
	b, err := tip.ParseBureau(s)
	return b, err == nil
}

// A scanner reads a project listing one record at a time, holding only
// the current record. Scan, Parse and ParseLax all run on it.
type scanner struct {
	src      string
	lax      bool
	lr       *tip.LineReader
	listing  *Listing // header, sections and findings accumulate here
	section  string
	bureau   tip.Bureau
	pending  string // a line outside any record, maybe a heading
	pendPos  tip.Position
	sawAsOf  bool
	errata   tip.Errata
	recStart tip.Position
	stream   bool // Scan: keep no findings or sections, so memory stays flat
	// placeCache holds SplitPlaces by Countries value: listings repeat them
	// ("Country: India"). Bounded, so memory stays flat on any input.
	placeCache map[string]tip.PlaceList
}

const maxCachedPlaces = 4096

type field struct {
	value string
	pos   tip.Position // of the value
	label string       // as written
}

// Scan returns the projects of a listing as they are read, each with a nil
// error or, for a record that cannot be read, a zero Project and the
// record's error (a tip.ErrorList of positioned errors). Scanning goes on
// after a bad record. It reads laxly (see ParseLax); findings are not
// returned, use ParseLax for them. Memory stays flat: only the current
// record is held.
func Scan(r io.Reader) iter.Seq2[Project, error] {
	return func(yield func(Project, error) bool) {
		s := newScanner(r, "listing", true, &Listing{})
		s.stream = true
		s.run(yield)
	}
}

func newScanner(r io.Reader, src string, lax bool, l *Listing) *scanner {
	return &scanner{src: src, lax: lax, lr: tip.NewLineReader(r), listing: l, errata: tip.DefaultErrata()}
}

func (s *scanner) finding(rule string, sev tip.Severity, pos tip.Position, c tip.Country, subject, msg string) {
	if s.stream {
		return
	}
	s.listing.Findings = append(s.listing.Findings, tip.Finding{Rule: rule, Severity: sev, Source: s.src, Pos: pos, Country: c, Subject: subject, Message: msg})
}

// tolerate records what lax accepts and strict refuses.
func (s *scanner) tolerate(errs *tip.ErrorList, rule string, pos tip.Position, sentinel error, c tip.Country, subject, format string, args ...any) {
	if s.lax {
		if !s.stream {
			s.finding(rule, tip.Warning, pos, c, subject, fmt.Sprintf(format, args...))
		}
		return
	}
	errs.Add(tip.Errorf(s.src, pos, subject, sentinel, format, args...))
}

func (s *scanner) run(yield func(Project, error) bool) {
	var rec []field
	var recErrs tip.ErrorList
	gap := false // a blank line since the last line of rec
	flush := func() bool {
		if len(rec) == 0 && recErrs.Len() == 0 {
			return true
		}
		p, errs := s.record(rec, recErrs)
		rec, recErrs = rec[:0], nil // the project holds strings, not rec: reuse it
		if errs.Len() > 0 {
			return yield(Project{}, errs)
		}
		return yield(p, nil)
	}
	for s.lr.Next() {
		pos := tip.Position{Line: s.lr.Line(), Col: 1}
		if col := tip.CheckText(s.lr.Bytes()); col > 0 {
			recErrs.Add(tip.Errorf(s.src, tip.Position{Line: pos.Line, Col: col}, "", tip.ErrEncoding, "invalid UTF-8 or NUL byte"))
			// The line belongs to the record it sits in, or starts one: one
			// record in is one error out, not an error and a record.
			if len(rec) == 0 {
				s.recStart = pos
			}
			rec = append(rec, field{pos: pos})
			continue
		}
		// A blank line ends a record unless what follows continues it
		// (see continues): the decision waits for the next line.
		if len(bytes.TrimSpace(s.lr.Bytes())) == 0 {
			gap = len(rec) > 0
			continue
		}
		raw := s.lr.Text()
		cleaned := tip.CleanSpace(raw)
		t := strings.TrimSpace(cleaned)
		if t == "" {
			gap = len(rec) > 0
			continue
		}
		label, value, isLabel := splitLabel(t)
		k := -1
		if isLabel {
			k = fieldOf(label)
		}
		if gap {
			gap = false
			if k >= 0 && continues(rec, k) {
				if s.lax {
					s.finding("grants/blank-in-record", tip.Info, pos, 0, label, "a blank line inside a record; "+label+" read as part of the record above")
				}
			} else if !flush() {
				return
			}
		}
		if k >= 0 {
			if len(rec) == 0 {
				s.recStart = pos
				s.heading()
			}
			// The value's column in the raw line; where space cleaning
			// changed it (a tab, an NBSP inside), the column after the colon.
			col := len(raw) + 1
			switch {
			case value == "":
			case len(cleaned) == len(raw):
				// Cleaning changed no byte count, so value sits where it
				// sits in t, and t where it sits in raw: no search needed.
				tOff := len(cleaned) - len(strings.TrimLeft(cleaned, " "))
				col = tOff + len(t) - len(value) + 1
			default:
				i := strings.Index(raw, value)
				if i < 0 {
					i = strings.IndexByte(raw, ':') + 1
				}
				col = i + 1
			}
			rec = append(rec, field{label: label, value: value, pos: tip.Position{Line: pos.Line, Col: col}})
			continue
		}
		if len(rec) > 0 {
			// A line with no known label inside a record.
			if isLabel && len(label) < 25 {
				recErrs.Add(tip.Errorf(s.src, pos, label, tip.ErrSyntax, "unknown label %q", label))
				continue
			}
			last := &rec[len(rec)-1]
			s.tolerate(&recErrs, "grants/continuation", pos, tip.ErrSyntax, 0, last.label, "a line with no label, read as more of %s", last.label)
			if last.value == "" {
				last.value = t // "Description:" on its own line, the text on the next
			} else {
				last.value += " " + t
			}
			continue
		}
		if !s.sawAsOf {
			if m := headerRE.FindStringSubmatch(t); m != nil {
				s.sawAsOf = true
				s.listing.AsOf, _ = tip.ParseDate(m[1])
				s.listing.ClaimedProjects, _ = strconv.Atoi(m[2])
				s.listing.ClaimedCountries, _ = strconv.Atoi(m[3])
				s.listing.ClaimedAmount, _ = tip.ParseUSD(m[4])
				continue
			}
		}
		if _, ok := sectionBureau(t); ok {
			s.setSection(t)
			s.pending = ""
			continue
		}
		s.pending, s.pendPos = t, pos
	}
	if err := s.lr.Err(); err != nil {
		recErrs.Add(tip.Errorf(s.src, tip.Position{Line: s.lr.Line() + 1, Col: 1}, "", tip.ErrSyntax, "reading: %v", err))
	}
	flush()
}

func (s *scanner) setSection(t string) {
	s.section = t
	s.bureau, _ = sectionBureau(t)
	if !s.stream {
		s.listing.Sections = append(s.listing.Sections, t)
	}
}

// heading handles the line just before a record that is no known heading:
// short, with no full stop, it is a heading the parser does not know.
func (s *scanner) heading() {
	if s.pending == "" {
		return
	}
	t, pos := s.pending, s.pendPos
	s.pending = ""
	if len(t) > 60 || strings.HasSuffix(t, ".") {
		return
	}
	if s.lax {
		s.finding("grants/unknown-section", tip.Warning, pos, 0, t, fmt.Sprintf("unknown section heading %q, used as the section", t))
		s.setSection(t)
		return
	}
	s.setSection(t)
	s.listing.Findings = append(s.listing.Findings, tip.Finding{Rule: "grants/unknown-section", Severity: tip.Error, Source: s.src, Pos: pos, Subject: t,
		Message: fmt.Sprintf("unknown section heading %q", t)})
}

// continues reports whether a block starting with field k, after a blank
// line, belongs to the record rec: k is not in rec yet, and either k never
// starts a record (Amount, End Date, Description) or rec has no Amount yet.
func continues(rec []field, k int) bool {
	hasAmount := false
	for _, f := range rec {
		if f.label == "" {
			continue
		}
		fk := fieldOf(f.label)
		if fk == k {
			return false
		}
		hasAmount = hasAmount || fk == fAmount
	}
	return k == fAmount || k == fEndDate || k == fDescription || !hasAmount
}

// record builds a project from the fields of one record.
func (s *scanner) record(rec []field, errs tip.ErrorList) (Project, tip.ErrorList) {
	p := Project{Section: s.section, Bureau: s.bureau, Pos: s.recStart}
	var seen [nFields]*field
	first := -1 // the field of the record's first line
	for i := range rec {
		f := &rec[i]
		if f.label == "" {
			continue // an unreadable line, already reported
		}
		k := fieldOf(f.label)
		key := fieldNames[k]
		if prev := seen[k]; prev != nil {
			errs.Add(tip.Errorf(s.src, tip.Position{Line: f.pos.Line, Col: 1}, key, tip.ErrDuplicate, "%s given twice (first at line %d)", f.label, prev.pos.Line))
			continue
		}
		seen[k] = f
		if first < 0 {
			first = k
		}
		if f.value == "" {
			errs.Add(tip.Errorf(s.src, f.pos, key, tip.ErrMissing, "%s has no value", f.label))
			continue
		}
		switch k {
		case fCountries:
			s.places(&p, *f, &errs)
		case fImplementer:
			p.Implementer = parseImplementer(f.value)
		case fAmount:
			a, err := tip.ParseUSD(f.value)
			if err != nil {
				errs.Add(tip.Errorf(s.src, f.pos, key, err, ""))
				continue
			}
			p.Amount = a
		case fEndDate:
			d, err := tip.ParseDate(f.value)
			if err != nil {
				errs.Add(tip.Errorf(s.src, f.pos, key, err, ""))
				continue
			}
			p.EndDate = d
		case fDescription:
			p.Description = f.value
			if strings.EqualFold(f.label, "Project Description") {
				s.tolerate(&errs, "grants/project-description", tip.Position{Line: f.pos.Line, Col: 1}, tip.ErrSyntax, 0, "Description", "label %q for Description", f.label)
			}
		}
	}
	if seen[fAmount] == nil {
		errs.Add(tip.Errorf(s.src, s.recStart, "Amount", tip.ErrMissing, "record with no Amount"))
	}
	if seen[fImplementer] == nil {
		errs.Add(tip.Errorf(s.src, s.recStart, "Implementer", tip.ErrMissing, "record with no Implementer"))
	}
	if seen[fCountries] == nil {
		s.tolerate(&errs, "grants/no-country", s.recStart, tip.ErrMissing, 0, "Countries", "record with no Country (a %s award)", map[bool]string{true: "global", false: "regional-section"}[s.bureau == tip.BureauUnknown])
	}
	if first == fImplementer && seen[fCountries] != nil && seen[fCountries].value != "" {
		s.tolerate(&errs, "grants/label-order", seen[fCountries].pos, tip.ErrSyntax, 0, "Countries", "Countries after Implementer")
	}
	// In lax mode tolerate records findings, not errors: anything left in
	// errs is what even lax cannot read past.
	if errs.Len() > 0 {
		return Project{}, errs
	}
	return p, nil
}

// places resolves a Countries value: the label, the countries, and every
// member that names none, through errata in lax mode.
func (s *scanner) places(p *Project, f field, errs *tip.ErrorList) {
	pl, ok := s.placeCache[f.value]
	if !ok {
		pl = tip.SplitPlaces(f.value)
		if s.placeCache == nil {
			s.placeCache = make(map[string]tip.PlaceList)
		}
		// Short values only, cloned so the cache pins no line: at most
		// 4096 × 256 bytes of keys however long the input.
		if len(s.placeCache) < maxCachedPlaces && len(f.value) <= 256 {
			s.placeCache[strings.Clone(f.value)] = pl
		}
	}
	p.Places = f.value
	p.Label = pl.Label
	for _, m := range pl.Members {
		pos := tip.Position{Line: f.pos.Line, Col: f.pos.Col + m.Offset}
		c := m.Country
		if c == 0 {
			// SplitPlaces has already tried LookupCountry: only errata are left.
			if e, ok := s.errata.Lookup(m.Text); ok {
				s.tolerate(errs, "grants/erratum", pos, tip.ErrUnknownCountry, e.Country, m.Text, "%q read as %s (erratum: %s)", m.Text, e.Country.Name(), e.Note)
				c = e.Country
			} else {
				s.tolerate(errs, "grants/unresolved-place", pos, tip.ErrUnknownCountry, 0, m.Text, "%q names no country; kept verbatim", m.Text)
				p.Unresolved = append(p.Unresolved, m.Text)
				continue
			}
		}
		p.Countries = append(p.Countries, c)
	}
	if strings.EqualFold(f.label, "Countries") && len(pl.Members) == 1 && pl.Label == "" {
		s.tolerate(errs, "grants/plural-label", tip.Position{Line: f.pos.Line, Col: 1}, tip.ErrSyntax, 0, "Countries", "label %q with one country", f.label)
	}
	if strings.EqualFold(f.label, "Country") && len(pl.Members) > 1 {
		s.tolerate(errs, "grants/singular-label", tip.Position{Line: f.pos.Line, Col: 1}, tip.ErrSyntax, 0, "Countries", "label %q with %d places", f.label, len(pl.Members))
	}
}

// Parse reads a project listing strictly: a label, value or place it does
// not fully understand (a plural label with one country, "Project
// Description:", a misprinted or regional place name, an unknown heading)
// is a *tip.ParseError. All errors come in one tip.ErrorList, and the
// listing is returned with every record that could be read.
func Parse(r io.Reader) (*Listing, error) {
	return parse(r, "listing", false)
}

// ParseLax reads every kind of mess the published listing holds and
// records a tip.Finding for each thing it tolerated: plural labels with one
// country, "Project Description:", errata such as "Seychelle", region terms
// that name no country ("MENA"), Implementer before Countries. It errors
// only on what it cannot read (an Amount that is not money, a record with
// no Amount, a date that does not exist), and still returns every good
// record with the error.
func ParseLax(r io.Reader) (*Listing, error) {
	return parse(r, "listing", true)
}

func parse(r io.Reader, src string, lax bool) (*Listing, error) {
	l := &Listing{}
	s := newScanner(r, src, lax, l)
	var errs tip.ErrorList
	s.run(func(p Project, err error) bool {
		if err != nil {
			if list, ok := err.(tip.ErrorList); ok {
				for _, e := range list {
					errs.Add(e)
				}
			}
			return true
		}
		l.Projects = append(l.Projects, p)
		return true
	})
	if !lax {
		for _, f := range l.Findings {
			if f.Rule == "grants/unknown-section" {
				errs.Add(tip.Errorf(src, f.Pos, "section", tip.ErrSyntax, "%s", f.Message))
			}
		}
		l.Findings = nil
	}
	tip.SortFindings(l.Findings)
	errs.Sort()
	return l, errs.Err()
}
