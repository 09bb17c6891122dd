package grants

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse/parsetest"
	"github.com/tipkit/tipkit/tip/text"
)

func TestBadInputs(t *testing.T) {
	cases := parsetest.ReadBad(t, "grants")
	for _, c := range cases {
		_, err := Parse(bytes.NewReader(c.Input))
		c.CheckStrict(t, err, nil)
		l, lerr := ParseLax(bytes.NewReader(c.Input))
		if len(l.Projects) != c.LaxRecords || (lerr != nil) != c.LaxErr {
			t.Errorf("%s: lax kept %d records with error %v; want %d, error %v", c.File, len(l.Projects), lerr, c.LaxRecords, c.LaxErr)
		}
		// Conservation: every record in is a record out or an error out,
		// until too many errors stop the reading. Errors that are no
		// record's (the header's, "no project record") do not count.
		out, stopped := 0, false
		for _, err := range Scan(bytes.NewReader(c.Input)) {
			stopped = stopped || errors.Is(err, tip.ErrTooManyErrors)
			var list tip.ErrorList
			if err == nil || (errors.As(err, &list) && list[0].Record > 0) {
				out++
			}
		}
		if starts := recordStarts(c.Input); out != starts && !stopped {
			t.Errorf("%s: %d record starts, %d records and errors out", c.File, starts, out)
		}
	}
	if len(cases) < 20 {
		t.Errorf("only %d grants cases", len(cases))
	}
}

// recordStarts counts the records of a listing as a reader would, apart
// from the scanner: a block of lines after a blank line whose first line
// has a label (or is not text) starts one, and so does a label that
// repeats within its block.
func recordStarts(in []byte) int {
	starts := 0
	norm := strings.ReplaceAll(strings.ReplaceAll(string(in), "\r\n", "\n"), "\r", "\n")
	for _, block := range strings.Split(norm, "\n\n") {
		block = strings.Trim(block, "\n")
		seen := map[field]bool{}
		for i, line := range strings.Split(block, "\n") {
			if i == 0 && text.Invalid([]byte(line)) > 0 {
				starts++
				break
			}
			name, _, ok := cutLabel(strings.TrimSpace(text.Clean(line)))
			l := labelNamed(name)
			switch {
			case !ok || (l == nil && (i > 0 || len(name) >= 25 || !strings.Contains(block, "Amount"))):
			case l == nil || i == 0:
				starts++
				if l != nil {
					seen[l.field] = true
				}
			case seen[l.field]:
				starts++
				seen = map[field]bool{l.field: true}
			default:
				seen[l.field] = true
			}
			if i == 0 && !ok {
				break
			}
		}
	}
	return starts
}

func TestBadProgramPages(t *testing.T) {
	for _, c := range parsetest.ReadBad(t, "pages") {
		p, err := ParseProgramPage(bytes.NewReader(c.Input))
		c.CheckStrict(t, err, nil)
		if len(p.Highlights) != c.LaxRecords {
			t.Errorf("%s: %d highlights, want %d", c.File, len(p.Highlights), c.LaxRecords)
		}
	}
}

// A 10 MB paragraph on a program page parses; the dollar figure after it
// is still found.
func TestProgramPageHugeLine(t *testing.T) {
	in := "# PROGRAMS\n\n" + strings.Repeat("word ", 2<<20) + "\n\nThe office awarded a $600,000 grant to the Network (LPN).\n"
	p, err := ParseProgramPage(strings.NewReader(in))
	if err != nil || len(p.Facts) != 1 || p.Facts[0].Pos.Line != 5 {
		t.Fatalf("10 MB paragraph: %v, %+v", err, p.Facts)
	}
}
