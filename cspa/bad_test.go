package cspa

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tipkit/tipkit/tip/parse/parsetest"
)

// TestBadInputs runs the cspa part of the bad-input corpus
// (testdata/bad/cspa): list-*.txt go to ParseList, 405c-*.txt to
// Parse405c, each with the strict error it must give, at its position, and
// what the lax parse keeps.
func TestBadInputs(t *testing.T) {
	for _, c := range parsetest.ReadBad(t, "cspa") {
		t.Run(c.File, func(t *testing.T) {
			var serr, lerr error
			var got int
			if strings.HasPrefix(c.File, "405c-") {
				_, serr = Parse405c(bytes.NewReader(c.Input))
				var r *Report405c
				r, lerr = Parse405cLax(bytes.NewReader(c.Input))
				got = len(r.Provided) + len(r.Violations)
			} else {
				_, serr = ParseList(bytes.NewReader(c.Input))
				var l *List
				l, lerr = ParseListLax(bytes.NewReader(c.Input))
				got = len(l.Governments)
			}
			c.CheckStrict(t, serr, nil)
			if got != c.LaxRecords || (lerr != nil) != c.LaxErr {
				t.Errorf("%s: lax kept %d, error %v; want %d, error %v", c.Why, got, lerr, c.LaxRecords, c.LaxErr)
			}
		})
	}
}

// A 10 MB line (a paragraph with no newline) parses, and the list after it
// is still found.
func TestHugeLine(t *testing.T) {
	in := strings.Repeat("x", 10<<20) + "\nThe 2023 CSPA List Includes Governments of the following countries:\n  • Iran\n"
	l, err := ParseList(strings.NewReader(in))
	if err != nil || len(l.Governments) != 1 || l.Governments[0].Pos.Line != 3 {
		t.Fatalf("10 MB line: %v, %+v", err, l)
	}
	r, err := Parse405c(strings.NewReader(strings.Repeat("y", 10<<20) + "\nSection 1: Countries in Violation of the Standards Under the CSPA in 2022\n" +
		"Found during the reporting period of April 1, 2021 – March 31, 2022: Iran.\n"))
	if err != nil || r.Year != 2022 || len(r.Violations) != 1 {
		t.Fatalf("405(c) after a 10 MB line: %v", err)
	}
}
