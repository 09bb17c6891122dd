package grants

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/text"
)

// A scanner reads a listing line by line. Lines that start with a label
// (see labels) make up records, and each record becomes a Project or its
// errors, handed to yield: every record in is a record out. Lines outside
// records are the header, section headings and page furniture.
//
// A scanner holds one line and one record at a time; with keep it also
// collects the listing's sections and findings (ParseWith), without it
// nothing (ScanWith), so that its memory stays flat on any input.
type scanner struct {
	opts  tip.ParseOptions // Source set: every error and finding carries it
	lr    *text.LineReader
	l     *Listing // the header, and with keep the sections and findings
	keep  bool
	yield func(Project, error) bool

	section  string
	bureau   tip.Bureau
	sections map[string]bool // the headings in l.Sections, each kept once
	pending  string          // the last line outside a record: a heading, if a record follows it
	pendPos  tip.Position
	header   bool // the header has been read
	first    int  // the first line that is not blank; 0 if none

	// The Countries and Amount values read so far, and what they read as.
	places  memo[tip.PlaceList]
	amounts memo[amount]

	records int    // records opened so far
	rec     record // the record being read
	gap     bool   // a blank line since the record's last line
}

// A record is one project's lines as read: at most one entry per field,
// since a field given again starts the next record.
type record struct {
	n      int          // 1-based index among the listing's records
	start  tip.Position // its first line; zero when no record is open
	fields [numFields]entry
	first  field // the field of its first line; noField for a record of unreadable lines only
	last   field // the field its last line added to, which a line with no label continues
	// unreadable reports a line that is not text: it may have been any
	// field, so none is reported missing.
	unreadable bool
	errs       tip.ErrorList
}

func (r *record) open() bool { return r.start.Line > 0 }

// continuedBy reports whether a block of lines that starts with label l,
// after a blank line, belongs to r rather than starting a record: r has
// no such field yet, and l is one that continues a record (see
// label.opens) or r has no Amount yet.
func (r *record) continuedBy(l *label) bool {
	if r.first == noField || r.fields[l.field].label != nil {
		return false
	}
	return !l.opens || r.fields[fieldAmount].label == nil
}

// An entry is one field of a record.
type entry struct {
	label     *label       // as read; nil when the record lacks the field
	value     string       // cleaned and trimmed
	more      []byte       // the value and its continuation lines, once it has any
	pos       tip.Position // of the value's first byte
	lines     []piece      // Countries only: where each continuation line starts, for the places' positions
	continued bool         // a continuation line has been reported
}

// A piece is where a continuation line's text starts: at byte off of the
// value, and at pos in the document.
type piece struct {
	off int
	pos tip.Position
}

// text returns the value with its continuation lines, joined by spaces.
func (e *entry) text() string {
	if e.more != nil {
		return string(e.more)
	}
	return e.value
}

// extend adds a line with no label to the value: "Description:" alone on
// its line takes the next line as its value; any other value gets a space
// and the line.
func (e *entry) extend(t string, pos tip.Position) {
	if e.more == nil {
		e.more = append(make([]byte, 0, len(e.value)+1+len(t)), e.value...)
	}
	if len(e.more) > 0 {
		e.more = append(e.more, ' ')
	}
	if e.label.field == fieldCountries {
		e.lines = append(e.lines, piece{len(e.more), pos})
	}
	e.more = append(e.more, t...)
}

// posAt returns the position of byte off of the value. *next counts the
// continuation lines before off, so that offsets asked for in increasing
// order cost linear time in all.
func (e *entry) posAt(off int, next *int) tip.Position {
	for *next < len(e.lines) && e.lines[*next].off <= off {
		*next++
	}
	if *next == 0 {
		return tip.Position{Line: e.pos.Line, Col: e.pos.Col + off}
	}
	l := e.lines[*next-1]
	return tip.Position{Line: l.pos.Line, Col: l.pos.Col + off - l.off}
}

func newScanner(lr *text.LineReader, opts tip.ParseOptions, l *Listing, keep bool, yield func(Project, error) bool) *scanner {
	return &scanner{opts: opts, lr: lr, l: l, keep: keep, yield: yield}
}

// run reads the listing to its end, or until yield returns false or a
// record holds tip.MaxErrors errors.
func (s *scanner) run() {
	for s.lr.Next() {
		if !s.line(s.lr.Line(), s.lr.Bytes()) {
			return
		}
	}
	if err := s.lr.Err(); err != nil {
		// The record open when the read failed may lack lines the input
		// never delivered: it is a project if it has what one needs, and
		// nothing is reported missing from it; the read error says why.
		e := s.errorf(tip.Position{Line: s.lr.Line() + 1}, "", err, "")
		if errors.Is(err, tip.ErrNilReader) {
			e.Line = 0
		}
		if s.end(true) {
			s.fail(e)
		}
		return
	}
	if !s.end(false) {
		return
	}
	if s.first > 0 && s.records == 0 && !s.header && s.section == "" {
		// Text, but not a listing: an empty result would say "no
		// projects" where the truth is "not read" (a file with old Mac
		// line ends once parsed to nothing this way).
		s.fail(s.errorf(tip.Position{Line: s.first, Col: 1}, "", tip.ErrSyntax,
			"no project record (want records of \"Label: value\" lines, such as %s)", exampleLine(fieldAmount)))
	}
}

// line reads line n, b, and reports whether to go on.
func (s *scanner) line(n int, b []byte) bool {
	if len(b) == 0 {
		s.gap = s.rec.open()
		return true
	}
	if col := text.Invalid(b); col > 0 {
		// The line belongs to the record it sits in, or starts one: one
		// record in is one error out.
		s.note(n)
		if !s.rec.open() && !s.open(n) {
			return false
		}
		s.rec.unreadable = true
		s.recErr(s.errorf(tip.Position{Line: n, Col: col}, "", tip.ErrEncoding, "not UTF-8 text (want UTF-8 with no NUL byte)"))
		return s.goOn()
	}
	raw := string(b)
	t := strings.TrimSpace(text.Clean(raw))
	if t == "" {
		s.gap = s.rec.open()
		return true
	}
	s.note(n)
	name, value, isLabel := cutLabel(t)
	var l *label
	if isLabel {
		l = labelNamed(name)
	}
	if s.gap {
		s.gap = false
		if l != nil && s.rec.continuedBy(l) {
			s.finding(tip.Finding{Rule: "grants/blank-in-record", Severity: tip.Info, Source: s.opts.Source, Pos: tip.Position{Line: n, Col: 1},
				Subject: l.name, Message: "a blank line inside a record; " + l.name + " read as part of the record above"})
		} else if !s.end(false) {
			return false
		}
	}
	col := column(raw, 0, t)
	switch {
	case l != nil:
		if !s.field(l, value, tip.Position{Line: n, Col: column(raw, strings.IndexByte(raw, ':')+1, value)}) {
			return false
		}
	case s.rec.open() && isLabel:
		s.recErr(s.errorf(tip.Position{Line: n, Col: col}, "", tip.ErrSyntax, "unknown label %q (want one of %s)", name, labelList()))
	case s.rec.open() && s.rec.last != noField:
		s.continuation(t, tip.Position{Line: n, Col: col})
	default:
		// A record of unreadable lines only ends here.
		if s.rec.open() && !s.end(false) {
			return false
		}
		return s.outside(t, tip.Position{Line: n, Col: col})
	}
	return s.goOn()
}

// goOn reports whether the scan goes on after a line: not once the record
// holds all the errors a list takes.
func (s *scanner) goOn() bool {
	if s.rec.errs.Full() {
		s.end(false)
		return false
	}
	return true
}

// column returns the 1-based byte column in raw of the first rune of t,
// which is raw[from:] cleaned and trimmed: only spaces and invisible
// characters stand before it. An empty t is at the end of the line.
func column(raw string, from int, t string) int {
	if t == "" {
		return len(raw) + 1
	}
	r, _ := utf8.DecodeRuneInString(t)
	return from + strings.IndexRune(raw[from:], r) + 1
}

// field reads a line with a known label.
func (s *scanner) field(l *label, value string, pos tip.Position) bool {
	if !s.rec.open() {
		if !s.open(pos.Line) {
			return false
		}
	} else if prev := s.rec.fields[l.field]; prev.label != nil {
		// Two records with no blank line between them: the label that
		// repeats starts the second, so that the first is not lost.
		if !s.end(false) || !s.open(pos.Line) {
			return false
		}
		s.tolerate("grants/repeated-label", tip.Position{Line: pos.Line, Col: 1}, l.name, tip.ErrDuplicate, l.name,
			"%s given twice (first at line %d); read as the start of a new record (want a blank line between records)", prev.label.name, prev.pos.Line)
	}
	s.rec.fields[l.field] = entry{label: l, value: value, pos: pos}
	if s.rec.first == noField {
		s.rec.first = l.field
	}
	s.rec.last = l.field
	return true
}

// continuation reads a line with no label inside a record as more of the
// field above.
func (s *scanner) continuation(t string, pos tip.Position) {
	e := &s.rec.fields[s.rec.last]
	if !e.continued {
		// Once a field: a 10 MB description of short lines is one finding.
		e.continued = true
		s.tolerate("grants/continuation", pos, e.label.name, tip.ErrSyntax, e.label.name,
			"a line with no label, read as more of %s (want each field on one line)", e.label.name)
	}
	e.extend(t, pos)
}

// outside reads a line outside any record: the header, a section heading,
// or a line that is a heading only if a record follows it.
func (s *scanner) outside(t string, pos tip.Position) bool {
	if !s.header && strings.HasPrefix(t, "As of ") {
		if ok, errs := readHeader(t, pos, s.opts.Source, s.l); ok {
			s.header = true
			for _, e := range errs {
				if !s.fail(e) {
					return false
				}
			}
			return true
		}
	}
	if b, ok := sectionBureau(t); ok {
		s.setSection(t, b)
		s.pending = ""
		return true
	}
	s.pending, s.pendPos = t, pos
	return true
}

// open starts record n at line, after reading the line before it as the
// record's heading if it is one (see heading).
func (s *scanner) open(line int) bool {
	if !s.heading() {
		return false
	}
	s.records++
	s.rec = record{n: s.records, start: tip.Position{Line: line, Col: 1}}
	return true
}

// heading reads the line just before a record that is no known heading:
// short, and not a sentence, it is a heading the parser does not know.
// Longer, it is page furniture ("Information on many of these projects is
// listed below."), which is not data.
func (s *scanner) heading() bool {
	t, pos := s.pending, s.pendPos
	s.pending = ""
	if !text.IsNameLine(t) {
		return true
	}
	s.setSection(t, tip.BureauUnknown)
	const want = `(want a regional bureau's heading such as "Africa", or "Global", "Research", "Training and Technical Assistance")`
	if s.opts.Lax {
		s.finding(tip.Finding{Rule: "grants/unknown-section", Severity: tip.Warning, Source: s.opts.Source, Pos: pos, Subject: t,
			Message: fmt.Sprintf("unknown section heading %q, used as the section %s", t, want)})
		return true
	}
	return s.fail(s.errorf(pos, "section", tip.ErrSyntax, "unknown section heading %q %s", t, want))
}

// nonBureauSections are the listing's headings that are not regional bureaus.
var nonBureauSections = []string{"Global", "Research", "Training and Technical Assistance",
	"CHILD PROTECTION COMPACT (CPC) PARTNERSHIPS", "PROGRAM TO END MODERN SLAVERY (PEMS)"}

// sectionBureau reports whether t is a heading the listing uses, and the
// regional bureau it names, if any.
func sectionBureau(t string) (tip.Bureau, bool) {
	if !text.IsNameLine(t) {
		return tip.BureauUnknown, false
	}
	for _, n := range nonBureauSections {
		if strings.EqualFold(t, n) {
			return tip.BureauUnknown, true
		}
	}
	b, err := tip.ParseBureau(t)
	return b, err == nil
}

func (s *scanner) setSection(t string, b tip.Bureau) {
	s.section, s.bureau = t, b
	if s.keep && !s.sections[t] {
		if s.sections == nil {
			s.sections = map[string]bool{}
		}
		s.sections[t] = true
		s.l.Sections = append(s.l.Sections, t)
	}
}

// note records that line n is not blank.
func (s *scanner) note(n int) {
	if s.first == 0 {
		s.first = n
	}
}

// errorf returns an error at pos of the record being read, if any.
func (s *scanner) errorf(pos tip.Position, field string, sentinel error, format string, args ...any) *tip.ParseError {
	e := tip.Errorf(s.opts.Source, pos, field, sentinel, format, args...)
	e.Record = s.rec.n
	return e
}

// recErr adds an error to the record being read; once the record holds
// tip.MaxErrors, goOn stops the scan.
func (s *scanner) recErr(e *tip.ParseError) {
	e.Record = s.rec.n
	s.rec.errs.Add(e)
}

// fail hands yield an error that is no record's (the header, a heading,
// a read error) and reports whether to go on.
func (s *scanner) fail(e *tip.ParseError) bool {
	return s.yield(Project{}, tip.ErrorList{e})
}

func (s *scanner) finding(f tip.Finding) {
	if s.keep {
		s.l.Findings = append(s.l.Findings, f)
	}
}

// tolerate reports what lax reads past and strict refuses: a finding, or
// an error of the record.
func (s *scanner) tolerate(rule string, pos tip.Position, field string, sentinel error, subject, format string, args ...any) {
	if !s.opts.Lax {
		s.recErr(s.errorf(pos, field, sentinel, format, args...))
		return
	}
	if s.keep {
		s.finding(tip.Finding{Rule: rule, Severity: tip.Warning, Source: s.opts.Source, Pos: pos, Subject: subject, Message: fmt.Sprintf(format, args...)})
	}
}
