package grants

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/text"
)

// A pageParser groups lines into paragraphs and classifies each.
type pageParser struct {
	opts       tip.ParseOptions // Source set
	page       *ProgramPage
	errs       tip.ErrorList // a strict parse's
	dropped    int           // findings past tip.MaxErrors, not kept
	unkept     int           // skipped lines past tip.MaxErrors, not kept
	para       []pageLine    // lines of the paragraph being built
	inExamples bool          // after "The following examples highlight"
	theme      string        // current theme, normalized
	themeText  string
	heading    []pageLine // consecutive heading lines being joined
	lastKind   int        // what the last paragraph became
	cont       []string   // parts of a paragraph split by page breaks
	contDst    *string    // where their join goes
}

const (
	kindNone = iota
	kindOther
	kindHighlight
)

type pageLine struct {
	line int
	col  int // 1-based byte column where text starts
	text string
}

func (pp *pageParser) line(n int, raw string) {
	cleaned := text.Clean(raw)
	trimmed := strings.TrimSpace(cleaned)
	col := strings.Index(cleaned, trimmed) + 1
	pl := pageLine{n, col, trimmed}
	switch {
	case trimmed == "":
		pp.flush()
	case isLetterSpaced(trimmed):
		pp.flush()
		pp.skip(pl, "page chrome (letter-spaced running header)")
	case trimmed == "|" || strings.HasSuffix(trimmed, " |"):
		pp.flush()
		pp.skip(pl, "navigation")
	case strings.HasPrefix(trimmed, "©"):
		pp.flush()
		pp.skip(pl, "photo credit")
	case strings.HasPrefix(trimmed, "#") || isUpperHeading(trimmed):
		pp.flushPara()
		h := strings.TrimSpace(strings.TrimLeft(trimmed, "#"))
		pp.heading = append(pp.heading, pageLine{n, col + len(trimmed) - len(h), h})
	default:
		pp.flushHeading()
		if len(pp.para) > 0 && (startsItem(trimmed) || endsSentence(pp.para[len(pp.para)-1].text)) {
			pp.flushPara()
		}
		pp.para = append(pp.para, pl)
		if strings.HasPrefix(trimmed, "– ") || strings.HasPrefix(trimmed, "— ") {
			pp.flushPara() // an attribution line ends its quotation
		}
	}
}

// startsItem reports whether a line opens a list item of its own.
func startsItem(s string) bool {
	return strings.HasPrefix(s, "»") || strings.HasPrefix(s, "**")
}

// endsSentence reports whether a line ends a paragraph of one-line news
// items (seed 004) rather than wrapping mid-sentence (seed 002).
func endsSentence(s string) bool {
	if s == "" {
		return false
	}
	switch r := []rune(s)[len([]rune(s))-1]; r {
	case '.', '!', '?', '"', '”', '»', ':':
		return true
	}
	return false
}

// note reports what the page parser did not understand: in a lax parse a
// finding with msg (at most tip.MaxErrors of them: past that, only
// counted), in a strict one an error wrapping err: with msg as its message
// if err is tip.ErrSyntax itself, else with err's own.
func (pp *pageParser) note(rule string, pos tip.Position, subject string, err error, msg string) {
	if !pp.opts.Lax {
		e := tip.Errorf(pp.opts.Source, pos, "", err, "")
		if err == tip.ErrSyntax {
			e = tip.Errorf(pp.opts.Source, pos, "", err, "%s", msg)
		}
		pp.errs.Add(e)
		return
	}
	if len(pp.page.Findings) >= tip.MaxErrors {
		pp.dropped++
		return
	}
	pp.page.Findings = append(pp.page.Findings, tip.Finding{Rule: rule, Severity: tip.Warning, Source: pp.opts.Source, Pos: pos, Subject: subject, Message: msg})
}

// country resolves a place a sentence names: a country, an erratum in a
// lax parse (with its finding), or what note makes of a place that is no
// country, which is not returned.
func (pp *pageParser) country(m tip.Place, pos tip.Position, field, rule, msg string) (tip.Country, bool) {
	if m.Country != 0 {
		return m.Country, true
	}
	c, f, err := pp.opts.ResolveCountry(m.Text, pos, field)
	switch {
	case f != nil:
		if len(pp.page.Findings) < tip.MaxErrors {
			pp.page.Findings = append(pp.page.Findings, *f)
		} else {
			pp.dropped++
		}
	case err != nil && !pp.opts.Lax:
		pp.errs.Add(err)
		return 0, false
	case err != nil:
		pp.note(rule, pos, m.Text, err, msg)
		return 0, false
	}
	return c, true
}

// skip keeps a line that is page chrome. A real page has a few dozen; past
// tip.MaxErrors they are only counted, so that hostile input (a million
// lines of "|") costs no memory per line.
func (pp *pageParser) skip(pl pageLine, why string) {
	if len(pp.page.Skipped) < tip.MaxErrors {
		pp.page.Skipped = append(pp.page.Skipped, Paragraph{Text: pl.text, Reason: why, Pos: tip.Position{Line: pl.line, Col: pl.col}})
	} else {
		pp.unkept++
	}
	pp.unread(pl, why)
}

// unread reports each dollar figure in a line that is not prose (a heading,
// page chrome), so that none is skipped silently.
func (pp *pageParser) unread(pl pageLine, where string) {
	for i := 0; i < len(pl.text); i++ {
		if pl.text[i] == '$' {
			pp.note("grants/dollar-figure", tip.Position{Line: pl.line, Col: pl.col + i}, "", tip.ErrSyntax,
				"dollar figure in "+where+" not read as a fact (want it in a sentence of the page's text)")
		}
	}
}

func (pp *pageParser) flush() {
	pp.flushHeading()
	pp.flushPara()
}

func (pp *pageParser) flushHeading() {
	if len(pp.heading) == 0 {
		return
	}
	var parts []string
	for _, h := range pp.heading {
		parts = append(parts, h.text)
	}
	text := strings.Join(parts, " ")
	first := pp.heading[0]
	pp.endContinuation()
	pp.lastKind = kindNone // a heading ends what a page break split
	for _, h := range pp.heading {
		pp.unread(h, "a heading")
	}
	pp.heading = nil
	switch {
	case pp.page.Title == "" && len(pp.page.Programs) == 0 && len(pp.page.Other) == 0:
		pp.page.Title = repairLetterSpacing(text)
	case pp.inExamples:
		pp.themeText = text
		pp.theme = repairLetterSpacing(text)
	default:
		// A heading before the examples ("TIP Office programming
		// includes:") introduces the program list; keep it as text.
		pp.page.Other = append(pp.page.Other, Paragraph{Text: text, Pos: tip.Position{Line: first.line, Col: first.col}})
	}
}

func (pp *pageParser) flushPara() {
	if len(pp.para) == 0 {
		return
	}
	lines := pp.para
	pp.para = nil
	parts := make([]string, len(lines))
	for i, l := range lines {
		parts[i] = l.text
	}
	text := strings.Join(parts, " ")
	pos := tip.Position{Line: lines[0].line, Col: lines[0].col}
	pp.facts(text, lines)
	if pp.continues(text) {
		return
	}
	pp.endContinuation()
	pp.lastKind = kindNone
	if prog, ok := pp.program(text, pos); ok {
		pp.page.Programs = append(pp.page.Programs, prog)
		return
	}
	if strings.HasPrefix(text, "The following examples highlight") {
		pp.inExamples = true
	}
	if pp.inExamples && pp.theme != "" {
		pp.page.Highlights = append(pp.page.Highlights, pp.highlight(text, pos))
		pp.lastKind = kindHighlight
		return
	}
	pp.page.Other = append(pp.page.Other, Paragraph{Text: text, Pos: pos})
	pp.lastKind = kindOther
}

// continues appends a paragraph that a page break split off (it starts in
// lower case, and the last paragraph ended mid-sentence) to that paragraph.
func (pp *pageParser) continues(text string) bool {
	r := []rune(text)
	if len(r) == 0 || !unicode.IsLower(r[0]) {
		return false
	}
	var last *string
	switch {
	case pp.lastKind == kindHighlight && len(pp.page.Highlights) > 0:
		last = &pp.page.Highlights[len(pp.page.Highlights)-1].Text
	case pp.lastKind == kindOther && len(pp.page.Other) > 0:
		last = &pp.page.Other[len(pp.page.Other)-1].Text
	default:
		return false
	}
	if len(pp.cont) == 0 {
		if endsSentence(*last) {
			return false
		}
		pp.cont = append(pp.cont, *last)
	} else if endsSentence(pp.cont[len(pp.cont)-1]) {
		return false
	}
	// Gather the parts and join them once (endContinuation), so that a
	// long run of page breaks costs linear time.
	pp.cont = append(pp.cont, text)
	pp.contDst = last
	return true
}

// endContinuation writes the parts gathered by continues.
func (pp *pageParser) endContinuation() {
	if len(pp.cont) > 0 {
		*pp.contDst = strings.Join(pp.cont, " ")
	}
	pp.cont, pp.contDst = nil, nil
}

// program reads "**Label:** description" and "» Label: description".
func (pp *pageParser) program(text string, pos tip.Position) (Program, bool) {
	var label, desc string
	switch {
	case strings.HasPrefix(text, "**"):
		l, d, ok := strings.Cut(text[2:], ":**")
		if !ok {
			return Program{}, false
		}
		label, desc = l, d
	case strings.HasPrefix(text, "»"):
		l, d, ok := strings.Cut(strings.TrimPrefix(text, "»"), ":")
		if !ok {
			return Program{}, false
		}
		label, desc = l, d
	default:
		return Program{}, false
	}
	label = strings.TrimSpace(label)
	p := Program{Label: label, Description: strings.TrimSpace(desc), Pos: pos}
	t, err := ParseProgramType(label)
	if err != nil {
		pp.note("grants/program-type", pos, label, err, "program type "+strconv.Quote(label)+" is not one tipkit knows; kept with type unknown")
	}
	p.Type = t
	return p, true
}

// highlight finds the countries a paragraph names: bold spans in markdown,
// or the opening phrase "In X, a grantee …".
func (pp *pageParser) highlight(text string, pos tip.Position) Highlight {
	h := Highlight{Theme: pp.theme, ThemeText: pp.themeText, Text: text, Pos: pos}
	var spans []string
	for rest := text; ; {
		i := strings.Index(rest, "**")
		if i < 0 {
			break
		}
		j := strings.Index(rest[i+2:], "**")
		if j < 0 {
			break
		}
		spans = append(spans, rest[i+2:i+2+j])
		rest = rest[i+2+j+2:]
	}
	if len(spans) == 0 {
		if after, ok := strings.CutPrefix(text, "In "); ok {
			if k := strings.Index(after, ","); k > 0 {
				l := tip.SplitPlaces(after[:k])
				if len(l.Members) > 0 && len(l.Unresolved()) == 0 && l.Label == "" {
					spans = append(spans, after[:k])
				}
			}
		}
	}
	for _, s := range spans {
		for _, m := range tip.SplitPlaces(s).Members {
			h.Places = append(h.Places, m.Text)
			if c, ok := pp.country(m, pos, "highlight", "grants/highlight-place", "highlight names "+strconv.Quote(m.Text)+", which is not a country"); ok {
				h.Countries = append(h.Countries, c)
			}
		}
	}
	return h
}

// isUpperHeading reports whether a plain-text line is a heading: letters,
// none lower case, at least two words. Seed 002's themes are such lines.
func isUpperHeading(s string) bool {
	letters, words := 0, len(strings.Fields(s))
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return words >= 2 && letters >= 8 && !strings.HasPrefix(s, "»")
}

// isLetterSpaced reports whether a line is a PDF running header set in
// spaced capitals: "U N I T E D  STAT E S  D E PA RT M E N T  O F  STAT E".
func isLetterSpaced(s string) bool {
	f := strings.Fields(s)
	if len(f) < 6 {
		return false
	}
	short := 0
	for _, w := range f {
		if len(strings.Trim(w, ",.;:")) <= 2 {
			short++
		}
	}
	return short*10 >= len(f)*6
}

// shortWords are real one- and two-letter words, which the PDF's letter
// spacing does not produce. (A slice, not a map, so that importing the
// package builds nothing.)
var shortWords = []string{"A", "AN", "AND", "AS", "AT", "BY", "IN", "OF", "ON", "OR", "TO", "US"}

// repairLetterSpacing joins the fragments the PDF's kerning splits words
// into: "ANTI-TR AFFICKING LEGAL FR AMEWORKS" → "ANTI-TRAFFICKING LEGAL
// FRAMEWORKS". A fragment of one or two letters that is not a word joins
// the next.
func repairLetterSpacing(s string) string {
	f := strings.Fields(s)
	var out []string
	for i := 0; i < len(f); i++ {
		w := f[i]
		for i+1 < len(f) {
			last := w
			if k := strings.LastIndexAny(w, "-–"); k >= 0 {
				last = w[k+1:]
			}
			if len(last) == 0 || len(last) > 2 || slices.Contains(shortWords, strings.ToUpper(last)) || !isLetters(last) {
				break
			}
			i++
			w += f[i]
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}
