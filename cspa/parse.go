package cspa

import (
	"io"
	"strings"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse"
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

// nameRules are the rules of the findings a lax parse reports for a name
// it cannot read.
var nameRules = parse.NameRules{Unresolved: ruleUnresolved, Empty: ruleEmptyItem}

// readLines reads r line by line into fn, as c.ReadLines does, and reports
// whether the input was read to its end.
func readLines(c *parse.Collector, r io.Reader, fn func(line)) bool {
	return c.ReadLines(r, func(raw string, pos tip.Position) {
		fn(line{raw: raw, text: strings.TrimSpace(text.Clean(raw)), pos: pos})
	})
}
