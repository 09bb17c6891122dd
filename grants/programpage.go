package grants

import (
	"errors"
	"fmt"
	"io"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/text"
)

// A ProgramPage is what tipkit reads from the TIP Office's program pages and
// announcements (seeds 001, 002 and 004): the kinds of programming it
// funds, the themed examples of grantee work ("highlights"), and every
// dollar figure, as a typed [Fact]. Nothing is dropped: a paragraph that is
// none of these is kept in Other, page chrome and photo credits in Skipped
// (the first tip.MaxErrors lines of them, the rest counted in a finding),
// and a dollar figure that cannot be read is a finding.
type ProgramPage struct {
	Title      string        // "INTERNATIONAL PROGRAMS TO COMBAT TRAFFICKING IN PERSONS"
	Programs   []Program     // in page order
	Highlights []Highlight   // in page order
	Facts      []Fact        // every dollar figure understood, in page order
	Other      []Paragraph   // paragraphs that are none of the above (introductions, quotes, news)
	Skipped    []Paragraph   // page chrome, navigation and photo credits, with the reason: the first tip.MaxErrors of them, the rest counted in a finding
	Findings   []tip.Finding // what was tolerated or not understood
}

// A Highlight is one themed example of grantee work.
//
//	## PROVIDING AND EXPANDING VICTIM SERVICES
//	In **Thailand**, a grantee is expanding services for male victims …
//
// becomes Theme "PROVIDING AND EXPANDING VICTIM SERVICES", Countries
// [Thailand]. A paragraph that names no country ("An NGO working in Africa
// and Asia …") has none.
type Highlight struct {
	Theme     string        // "ENACTING ANTI-TRAFFICKING LEGAL FRAMEWORKS", letter-spacing of the PDF repaired
	ThemeText string        // the heading as printed: "ENACTING ANTI-TR AFFICKING LEGAL FR AMEWORKS"
	Places    []string      // the place names as written: "Ecuador", "Colombia", …, "the Democratic Republic of the Congo"
	Countries []tip.Country // the countries they name
	Text      string        // the paragraph, its lines joined
	Pos       tip.Position  // its first line
}

// A Paragraph is a block of text kept as it is, with a reason when it was
// set aside.
type Paragraph struct {
	Text   string       // lines joined with single spaces
	Reason string       // for Skipped: "page chrome", "photo credit", "navigation"
	Pos    tip.Position // first line
}

// ParseHighlights reads a TIP Office program page strictly and returns its
// themed highlights; see [ParseProgramPageWith] for the rest of the page,
// and for a lax reading, whose findings live in the page.
func ParseHighlights(r io.Reader) ([]Highlight, error) {
	p, err := ParseProgramPage(r)
	return p.Highlights, err
}

// ParseProgramPage reads a TIP Office program page strictly:
// ParseProgramPageWith with the zero options.
func ParseProgramPage(r io.Reader) (*ProgramPage, error) {
	return ParseProgramPageWith(r, tip.ParseOptions{})
}

// ParseProgramPageWith reads a TIP Office program page or announcement
// page as opts say (the source name errors and findings carry, "page" if
// empty; strict or lax; the errata a lax parse applies): the markdown of
// seed 001, the PDF text of seed 002 (lines wrapped, headings
// letter-spaced "TR AFFICKING"), or the news items of seed 004. It
// recognises:
//
//   - the title (the first heading);
//   - program types: "**Bilateral and Regional:** …" or " »  Bilateral and
//     Regional: …";
//   - after "The following examples highlight …", a theme heading (markdown
//     "##"/"###" or an upper-case line) and its paragraphs, each a
//     [Highlight] with the countries it names in bold ("In **Tunisia**,")
//     or in its opening phrase ("In the Democratic Republic of the Congo, a
//     grantee …");
//   - every dollar figure, as a [Fact] ("awarded a $600,000 grant to the
//     Labor Rights Promotion Network (LPN)").
//
// What it does not understand (a dollar figure that is no award, total or
// prize, or sits in a heading; a program type it does not know; a place
// in a highlight that is no country) is a *tip.ParseError in a strict
// parse, and a finding in a lax one, which reads misprinted names through
// the errata. Either fails on input that is not text ([tip.ErrEncoding])
// and on a reader's error, and stops after tip.MaxErrors errors. The page
// is returned with the error, holding everything else.
func ParseProgramPageWith(r io.Reader, opts tip.ParseOptions) (*ProgramPage, error) {
	opts.Source = opts.SourceOr("page")
	pp := &pageParser{page: &ProgramPage{}, opts: opts}
	lr := text.NewLineReader(r)
	for !pp.errs.Full() && lr.Next() {
		if col := text.Invalid(lr.Bytes()); col > 0 {
			pp.errs.Add(tip.Errorf(opts.Source, tip.Position{Line: lr.Line(), Col: col}, "", tip.ErrEncoding, "not UTF-8 text (want UTF-8 with no NUL byte)"))
			pp.flush()
			continue
		}
		pp.line(lr.Line(), lr.Text())
	}
	pp.flush()
	pp.endContinuation()
	if err := lr.Err(); err != nil {
		pos := tip.Position{Line: lr.Line() + 1}
		if errors.Is(err, tip.ErrNilReader) {
			pos = tip.Position{}
		}
		pp.errs.Add(tip.Errorf(opts.Source, pos, "", err, ""))
	}
	if pp.unkept > 0 {
		pp.page.Findings = append(pp.page.Findings, tip.Finding{Rule: "grants/skipped-not-kept", Severity: tip.Info, Source: opts.Source,
			Message: fmt.Sprintf("%d more lines of page chrome were skipped and not kept, after %d", pp.unkept, tip.MaxErrors)})
	}
	if pp.dropped > 0 {
		pp.page.Findings = append(pp.page.Findings, tip.Finding{Rule: "grants/too-many-findings", Severity: tip.Warning, Source: opts.Source,
			Message: fmt.Sprintf("%d more things not understood were not noted, after %d findings", pp.dropped, tip.MaxErrors)})
	}
	tip.SortFindings(pp.page.Findings)
	pp.errs.Sort()
	return pp.page, pp.errs.Err()
}
