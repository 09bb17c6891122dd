package cspa

import (
	"io"
	"strings"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/text"
)

// The rules of the findings a lax parse reports besides tip.ErratumRule;
// doc.go lists them all.
const (
	ruleUnresolved = "cspa/unresolved-name"   // a name that names no country
	ruleEmptyItem  = "cspa/empty-item"        // a bullet with no name: nothing kept
	ruleDuplicate  = "cspa/duplicate"         // a country listed twice: both kept
	ruleSecondList = "cspa/second-list"       // a second list in one input: not read
	ruleYear       = "cspa/year"              // a report or fiscal year out of range: left zero
	ruleDate       = "cspa/date"              // a date that does not exist: left zero
	ruleAmount     = "cspa/amount"            // an unreadable line of Section 5: not kept
	ruleSection    = "cspa/repeated-section"  // a 405(c) section printed twice: the first is kept
	ruleSentence   = "cspa/repeated-sentence" // a sentence a section states once, stated again: the first is kept
)

// A line is one line of the input as the parsers see it.
type line struct {
	raw  string       // as read, without its end
	text string       // cleaned (text.Clean) and trimmed; "" for a blank line
	pos  tip.Position // of text's first byte in raw
}

// at returns the position of byte i of l.text. Cleaning only shortens a
// line, so the column stays inside it.
func (l line) at(i int) tip.Position { return tip.Position{Line: l.pos.Line, Col: l.pos.Col + i} }

// A parser holds what the list and the 405(c) parsers share: the options,
// the errors, the findings, and the count that stops a parse of hostile
// input.
type parser struct {
	opts      tip.ParseOptions
	errs      tip.ErrorList
	findings  []tip.Finding
	tolerated int  // problems a lax parse reported as findings
	stopped   bool // too many problems: the rest of the input is not read
}

// read calls fn with each line of r, a line that is not text as a blank
// line after reporting it, until the input ends or the parse stops. It
// reports whether the input was read to its end: after a failed read,
// which it reports, nothing should be concluded from what is missing.
func (p *parser) read(r io.Reader, fn func(line)) bool {
	lr := text.NewLineReader(r)
	for !p.stopped && lr.Next() {
		if col := text.Invalid(lr.Bytes()); col > 0 {
			p.fail(tip.Errorf(p.opts.Source, tip.Position{Line: lr.Line(), Col: col}, "", tip.ErrEncoding, "want UTF-8 text with no NUL byte"))
			fn(line{pos: tip.Position{Line: lr.Line(), Col: 1}})
			continue
		}
		raw := lr.Text()
		lead := len(raw) - len(strings.TrimLeftFunc(raw, text.IsSpace))
		fn(line{raw: raw, text: strings.TrimSpace(text.Clean(raw)), pos: tip.Position{Line: lr.Line(), Col: lead + 1}})
	}
	if err := lr.Err(); err != nil && !p.stopped {
		p.fail(tip.Errorf(p.opts.Source, tip.Position{Line: lr.Line() + 1, Col: 1}, "", err, ""))
		return false
	}
	return !p.stopped
}

// fail reports e as an error, in either mode.
func (p *parser) fail(e *tip.ParseError) {
	if !p.errs.Add(e) {
		p.stopped = true
	}
}

// problem reports something a strict parse fails on and a lax one reads
// past: e in a strict parse; in a lax parse, a Finding f (rule, country,
// subject; Message e's own if f has none) of Severity Error at e's place.
// A lax parse stops after tip.MaxErrors of them, as a strict one does
// after as many errors.
func (p *parser) problem(e *tip.ParseError, f tip.Finding) {
	if !p.opts.Lax {
		p.fail(e)
		return
	}
	if p.tolerated++; p.tolerated > tip.MaxErrors {
		p.fail(tip.Errorf(p.opts.Source, e.Pos(), "", tip.ErrTooManyErrors, "stopped after %d problems", tip.MaxErrors))
		p.stopped = true
		return
	}
	f.Severity, f.Source, f.Pos = tip.Error, e.Source, e.Pos()
	if f.Message == "" {
		f.Message = e.Err.Error()
		if e.Field != "" {
			f.Message = e.Field + ": " + f.Message
		}
	}
	p.findings = append(p.findings, f)
}

// resolve reads one country name, field naming the part it is in. It
// reports whether the name is kept: a country, an erratum in a lax parse
// (with a finding), or in a lax parse a name that names no country, kept
// with a zero Country (with a finding of Severity Error). An empty name is
// never kept.
func (p *parser) resolve(name string, pos tip.Position, field string) (tip.Country, bool) {
	if name == "" {
		p.problem(tip.Errorf(p.opts.Source, pos, field, tip.ErrMissing, "empty list item (want a country name after the bullet)"), tip.Finding{Rule: ruleEmptyItem})
		return 0, false
	}
	c, f, err := p.opts.ResolveCountry(name, pos, field)
	switch {
	case f != nil:
		p.findings = append(p.findings, *f)
	case err != nil:
		p.problem(err, tip.Finding{Rule: ruleUnresolved, Subject: name})
		return 0, p.opts.Lax
	}
	return c, true
}

// isCountry reports whether a bare line names a country, directly or
// through the errata: what decides that a line starts a list of names or
// is a country heading. It asks as a lax parse would in either mode, so
// that a strict parse reports a misprint rather than missing the list.
func (p *parser) isCountry(s string) bool {
	o := p.opts
	o.Lax = true
	c, _, _ := o.ResolveCountry(s, tip.Position{}, "")
	return c != 0
}
