package parse

import (
	"io"
	"strings"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/text"
)

// A Collector keeps what one parse reports, the same way in every tipkit
// parser, so that a document reads alike whichever package reads it:
//
//   - the errors, in an tip.ErrorList of at most tip.MaxErrors (then one wrapping
//     tip.ErrTooManyErrors, and the parse stops);
//   - in a lax parse, a tip.Finding for each problem it reads past (Severity
//     Error), at most tip.MaxErrors of them too, and the notes it makes as it
//     goes (a misprint read through the errata).
//
// A parser makes one per parse with NewCollector, reads its lines with
// ReadLines and its country names with Resolve, reports what it cannot read
// with Fail or Problem, and returns Findings in its result and Err as its
// error. Past the limits the collector keeps nothing more and Stopped tells
// the parser to read no further, so hostile input costs bounded memory.
//
//	c := parse.NewCollector(opts, "report", parse.NameRules{Unresolved: "tiers/unresolved-name", Empty: "tiers/empty-item"})
//	c.ReadLines(r, func(l parse.Line) { … c.Resolve(name, l.Pos, "Tier 2") … })
//	return &Report{…, Findings: c.Findings()}, c.Err()
type Collector struct {
	opts      tip.ParseOptions
	names     *tip.Resolver // opts' errata folded once for the parse
	lines     *tip.Resolver // the same, lax: does a line name a country?
	rules     NameRules
	errs      tip.ErrorList
	findings  []tip.Finding
	tolerated int  // problems a lax parse reported as findings
	stopped   bool // too many problems: the rest of the input is not read
}

// NameRules are the rules, in the parser's own package, of the findings
// [Collector.Resolve] reports in a lax parse.
type NameRules struct {
	Unresolved string // a name that names no country, kept with a zero Country: "tiers/unresolved-name"
	Empty      string // a list item with no name, not kept: "tiers/empty-item"
}

// NewCollector returns the collector of one parse configured by opts.
// Errors and findings name opts.Source, or source when it is empty (the
// parser's own name for what it reads: "report", "listing").
func NewCollector(opts tip.ParseOptions, source string, rules NameRules) *Collector {
	opts.Source = opts.SourceOr(source)
	lax := opts
	lax.Lax = true
	return &Collector{opts: opts, names: opts.Resolver(), lines: lax.Resolver(), rules: rules}
}

// Source returns the name the parse's errors and findings carry.
func (c *Collector) Source() string { return c.opts.Source }

// Lax reports whether the parse is lax.
func (c *Collector) Lax() bool { return c.opts.Lax }

// Errorf returns a *tip.ParseError at pos of the parse's source, as [tip.Errorf]
// builds it.
func (c *Collector) Errorf(pos tip.Position, field string, err error, format string, args ...any) *tip.ParseError {
	return tip.Errorf(c.opts.Source, pos, field, err, format, args...)
}

// Fail reports e as an error, in either mode: text that is not text, a
// failed read, input with nothing to read.
func (c *Collector) Fail(e *tip.ParseError) {
	if !c.errs.Add(e) {
		c.stopped = true
	}
}

// Problem reports something a strict parse fails on and a lax one reads
// past: e in a strict parse; in a lax parse, f (its Rule, tip.Country,
// Subject, Citation; e's own message if f has none) as a tip.Finding of
// Severity Error at e's place. A lax parse stops after tip.MaxErrors of them,
// as a strict one does after as many errors.
func (c *Collector) Problem(e *tip.ParseError, f tip.Finding) {
	if !c.opts.Lax {
		c.Fail(e)
		return
	}
	if c.tolerated++; c.tolerated > tip.MaxErrors {
		c.Fail(tip.Errorf(c.opts.Source, e.Pos(), "", tip.ErrTooManyErrors, "stopped after %d problems", tip.MaxErrors))
		c.stopped = true
		return
	}
	f.Severity, f.Source, f.Pos = tip.Error, e.Source, e.Pos()
	if f.Message == "" {
		f.Message = e.Err.Error()
		if e.Field != "" {
			f.Message = e.Field + ": " + f.Message
		}
	}
	c.findings = append(c.findings, f)
}

// Note adds f to the findings as it is: something a parse reads as it
// should and says (a misprint read through the errata), not a problem.
func (c *Collector) Note(f tip.Finding) { c.findings = append(c.findings, f) }

// Resolve reads a country name printed at pos, in the part of the document
// named field, with [tip.ParseOptions.ResolveCountry], and reports whether the
// name is kept. A country is kept; so, in a lax parse, is a misprint
// through the errata (noted with its tip.Finding) and a name that names no
// country (kept with a zero tip.Country, a problem under rules.Unresolved). An
// empty name is never kept (a problem under rules.Empty).
func (c *Collector) Resolve(name string, pos tip.Position, field string) (tip.Country, bool) {
	if name == "" {
		c.Problem(c.Errorf(pos, field, tip.ErrMissing, "empty list item (want a country name after the bullet)"), tip.Finding{Rule: c.rules.Empty})
		return 0, false
	}
	country, f, err := c.names.Resolve(name, pos, field)
	switch {
	case f != nil:
		c.Note(*f)
	case err != nil:
		c.Problem(err, tip.Finding{Rule: c.rules.Unresolved, Subject: name})
		return 0, c.opts.Lax
	}
	return country, true
}

// IsCountry reports whether a bare line names a country, directly or
// through the errata: what decides that a line starts a list of names or
// heads a country's part. It asks as a lax parse would in either mode, so
// that a strict parse reports a misprint in a list rather than missing the
// list. It costs no suggestions.
func (c *Collector) IsCountry(s string) bool {
	country, _, _ := c.lines.Resolve(s, tip.Position{}, "")
	return country != 0
}

// A Line is one line of a document as a parser reads it.
type Line struct {
	Raw  string       // as read, without its end
	Text string       // cleaned (text.Clean) and trimmed; "" for a blank line
	Pos  tip.Position // of Text's first byte in Raw: its first byte that is not a space (text.IsSpace); column 1 for a blank line
}

// At returns the position of byte i of l.Text. Cleaning only shortens a
// line, so the column stays inside it.
func (l Line) At(i int) tip.Position { return tip.Position{Line: l.Pos.Line, Col: l.Pos.Col + i} }

// ReadLines calls fn with each line of r until the input ends or the
// parse stops. A line that is not text (invalid UTF-8, a NUL byte) is
// reported, wrapping tip.ErrEncoding, and given to fn as a blank line.
// ReadLines reports whether the input was read to its end: after a failed
// read (reported, wrapping the reader's own error and ErrRead; the line it
// cut short is not given to fn) or a stop, nothing should be concluded
// from what is missing. A nil r is a failed read wrapping ErrNilReader.
func (c *Collector) ReadLines(r io.Reader, fn func(Line)) bool {
	lr := text.NewLineReader(r)
	for !c.stopped && lr.Next() {
		if col := text.Invalid(lr.Bytes()); col > 0 {
			c.Fail(c.Errorf(tip.Position{Line: lr.Line(), Col: col}, "", tip.ErrEncoding, "want UTF-8 text with no NUL byte"))
			fn(Line{Pos: tip.Position{Line: lr.Line(), Col: 1}})
			continue
		}
		raw := lr.Text()
		lead := len(raw) - len(strings.TrimLeftFunc(raw, text.IsSpace))
		fn(Line{Raw: raw, Text: strings.TrimSpace(text.Clean(raw)), Pos: tip.Position{Line: lr.Line(), Col: lead + 1}})
	}
	if err := lr.Err(); err != nil && !c.stopped {
		c.Fail(c.Errorf(tip.Position{Line: lr.Line() + 1, Col: 1}, "", err, ""))
		return false
	}
	return !c.stopped
}

// Stopped reports whether the parse has stopped: it holds all the errors
// or problems it will take.
func (c *Collector) Stopped() bool { return c.stopped }

// Failed reports whether the parse has an error.
func (c *Collector) Failed() bool { return len(c.errs) > 0 }

// Findings returns the findings, in the order reported; nil in a strict
// parse. The parser hands them to its caller in its result.
func (c *Collector) Findings() []tip.Finding { return c.findings }

// Err returns the parse's errors as an tip.ErrorList, or nil if there are none.
func (c *Collector) Err() error { return c.errs.Err() }
