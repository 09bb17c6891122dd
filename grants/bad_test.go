package grants

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/text"
)

// A badCase is one file of the bad-input corpus under testdata/bad/<pkg>/
// and what its EXPECT line says: the sentinel and position of the strict
// error ("none" for an input that must parse), how many records the lax
// parser keeps, and whether it returns an error.
type badCase struct {
	name, sentinel, pos string
	laxRecords          int
	laxErr              bool
	input               []byte
}

var sentinelByName = map[string]error{
	"ErrSyntax": tip.ErrSyntax, "ErrEncoding": tip.ErrEncoding, "ErrAmount": tip.ErrAmount, "ErrDate": tip.ErrDate,
	"ErrYear": tip.ErrYear, "ErrUnknownCountry": tip.ErrUnknownCountry, "ErrAmbiguousCountry": tip.ErrAmbiguousCountry,
	"ErrMissing": tip.ErrMissing, "ErrDuplicate": tip.ErrDuplicate, "ErrTooManyErrors": tip.ErrTooManyErrors,
}

func readBad(t *testing.T, pkg string) []badCase {
	t.Helper()
	dir := filepath.Join("..", "testdata", "bad", pkg)
	b, err := os.ReadFile(filepath.Join(dir, "EXPECT"))
	if err != nil {
		t.Fatal(err)
	}
	var cs []badCase
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "|")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		n, _ := strconv.Atoi(f[3])
		in, err := os.ReadFile(filepath.Join(dir, f[0]))
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, badCase{name: f[0], sentinel: f[1], pos: f[2], laxRecords: n, laxErr: f[4] == "true", input: in})
	}
	return cs
}

// checkStrict reports whether err is what c expects: nil for "none", else a
// tip.ErrorList holding a *tip.ParseError at c.pos wrapping the sentinel.
func checkStrict(t *testing.T, c badCase, err error) {
	t.Helper()
	if c.sentinel == "none" {
		if err != nil {
			t.Errorf("%s: strict error %v, want none", c.name, err)
		}
		return
	}
	want := sentinelByName[c.sentinel]
	var list tip.ErrorList
	if !errors.As(err, &list) {
		t.Errorf("%s: strict error %v is not a tip.ErrorList", c.name, err)
		return
	}
	for _, e := range list {
		if e.Pos().String() == c.pos && errors.Is(e, want) {
			return
		}
	}
	t.Errorf("%s: strict error %v, want %s at %s", c.name, err, c.sentinel, c.pos)
}

func TestBadInputs(t *testing.T) {
	cases := readBad(t, "grants")
	for _, c := range cases {
		_, err := Parse(bytes.NewReader(c.input))
		checkStrict(t, c, err)
		l, lerr := ParseLax(bytes.NewReader(c.input))
		if len(l.Projects) != c.laxRecords || (lerr != nil) != c.laxErr {
			t.Errorf("%s: lax kept %d records with error %v; want %d, error %v", c.name, len(l.Projects), lerr, c.laxRecords, c.laxErr)
		}
		// Conservation: every record in is a record out or an error out,
		// until too many errors stop the reading. Errors that are no
		// record's (the header's, "no project record") do not count.
		out, stopped := 0, false
		for _, err := range Scan(bytes.NewReader(c.input)) {
			stopped = stopped || errors.Is(err, tip.ErrTooManyErrors)
			var list tip.ErrorList
			if err == nil || (errors.As(err, &list) && list[0].Record > 0) {
				out++
			}
		}
		if starts := recordStarts(c.input); out != starts && !stopped {
			t.Errorf("%s: %d record starts, %d records and errors out", c.name, starts, out)
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
	for _, c := range readBad(t, "pages") {
		p, err := ParseProgramPage(bytes.NewReader(c.input))
		checkStrict(t, c, err)
		if len(p.Highlights) != c.laxRecords {
			t.Errorf("%s: %d highlights, want %d", c.name, len(p.Highlights), c.laxRecords)
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

// addBadCorpus seeds a fuzz target with the bad-input corpus of
// testdata/bad/<dir>.
func addBadCorpus(f *testing.F, dir string) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "bad", dir, "*.txt"))
	if err != nil || len(files) == 0 {
		f.Fatalf("no bad corpus in %s: %v", dir, err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}
