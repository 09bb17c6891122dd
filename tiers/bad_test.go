package tiers

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tipkit/tipkit/tip/parse/parsetest"
)

// TestBadInputs runs the tiers part of the bad-input corpus
// (testdata/bad/tiers): the strict error each file must give, at its
// position, and what the lax parse keeps.
func TestBadInputs(t *testing.T) {
	for _, c := range parsetest.ReadBad(t, "tiers") {
		t.Run(c.File, func(t *testing.T) {
			_, serr := ParseReport(bytes.NewReader(c.Input))
			c.CheckStrict(t, serr, nil)
			r, lerr := ParseReportLax(bytes.NewReader(c.Input))
			if len(r.Placements) != c.LaxRecords || (lerr != nil) != c.LaxErr {
				t.Errorf("%s: lax kept %d placements, error %v; want %d, error %v", c.Why, len(r.Placements), lerr, c.LaxRecords, c.LaxErr)
			}
		})
	}
}

// A 10 MB line (a paragraph with no newline) parses, and a list after it
// is still found.
func TestHugeLine(t *testing.T) {
	in := strings.Repeat("x", 10<<20) + "\n\nTier 1\n\n  • Chile\n"
	r, err := ParseReport(strings.NewReader(in))
	if err != nil || len(r.Placements) != 1 || r.Placements[0].Pos.Line != 5 {
		t.Fatalf("10 MB line: %v, %+v", err, r.Placements)
	}
}
