package parse

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"

	"github.com/tipkit/tipkit/tip"
)

var testRules = NameRules{Unresolved: "test/unresolved-name", Empty: "test/empty-item"}

// Resolve keeps what each mode keeps and says so in the same words.
func TestCollectorResolve(t *testing.T) {
	pos := tip.Position{Line: 3, Col: 5}
	tests := []struct {
		name    string
		lax     bool
		in      string
		want    tip.Country
		kept    bool
		finding string // the finding's String; "" for none
		err     string // the error's text; "" for none
	}{
		{name: "a country, strict", in: "Chile", want: tip.MustLookupCountry("Chile"), kept: true},
		{name: "a country, lax", lax: true, in: "Türkiye", want: tip.MustLookupCountry("Turkey"), kept: true},
		{name: "strict: a misprint is unknown, not kept", in: "Tongo",
			err: `list.txt:3:5: Tier 2: unknown country "Tongo" (did you mean "Tonga", "Togo"?)`},
		{name: "lax: a misprint through the errata is kept, noted as a warning", lax: true, in: "Tongo", want: tip.MustLookupCountry("Tonga"), kept: true,
			finding: `list.txt:3:5: warning: tip/erratum: Tier 2: "Tongo" read as Tonga (erratum: no country is named Tongo; Tonga is otherwise absent from the 2023 tier lists) [seed 003 (2023 TIP Report), Tier 2 list]`},
		{name: "lax: a name that names no country is kept with a zero tip.Country, under the parser's rule", lax: true, in: "Nambia", kept: true,
			finding: `list.txt:3:5: error: test/unresolved-name: Tier 2: unknown country "Nambia" (did you mean "Namibia", "The Gambia", "Zambia"?)`},
		{name: "strict: an empty item is an error", in: "",
			err: `list.txt:3:5: Tier 2: missing value: empty list item (want a country name after the bullet)`},
		{name: "lax: an empty item is not kept, under the parser's rule", lax: true, in: "",
			finding: `list.txt:3:5: error: test/empty-item: Tier 2: missing value: empty list item (want a country name after the bullet)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewCollector(tip.ParseOptions{Source: "list.txt", Lax: tt.lax}, "report", testRules)
			got, kept := c.Resolve(tt.in, pos, "Tier 2")
			if got != tt.want || kept != tt.kept {
				t.Errorf("Resolve(%q) = %v, %v; want %v, %v", tt.in, got, kept, tt.want, tt.kept)
			}
			var gotF, gotErr string
			if fs := c.Findings(); len(fs) > 0 {
				gotF = fs[0].String()
			}
			if err := c.Err(); err != nil {
				gotErr = err.Error()
			}
			if diff := cmp.Diff(tt.finding, gotF); diff != "" {
				t.Errorf("finding mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.err, gotErr); diff != "" {
				t.Errorf("error mismatch (-want +got):\n%s", diff)
			}
			if c.Failed() != (tt.err != "") {
				t.Errorf("Failed() = %v with error %q", c.Failed(), gotErr)
			}
		})
	}
}

// IsCountry reads misprints in either mode and reports nothing.
func TestCollectorIsCountry(t *testing.T) {
	c := NewCollector(tip.ParseOptions{}, "report", testRules)
	for in, want := range map[string]bool{"Chile": true, "Tongo": true, "Nambia": false, "": false, "Tier 1": false} {
		if got := c.IsCountry(in); got != want {
			t.Errorf("IsCountry(%q) = %v, want %v", in, got, want)
		}
	}
	if c.Failed() || c.Findings() != nil {
		t.Errorf("IsCountry reported: %v, %v", c.Err(), c.Findings())
	}
}

// Issue 20, item 4: a parse keeps at most tip.MaxErrors errors, or tip.MaxErrors
// problems read past, then one error wrapping tip.ErrTooManyErrors, and stops.
func TestCollectorLimits(t *testing.T) {
	for _, lax := range []bool{false, true} {
		t.Run(fmt.Sprintf("lax=%v", lax), func(t *testing.T) {
			c := NewCollector(tip.ParseOptions{Lax: lax}, "report", testRules)
			n := 0
			for !c.Stopped() {
				n++
				c.Problem(c.Errorf(tip.Position{Line: n, Col: 1}, "", tip.ErrSyntax, "bad line"), tip.Finding{Rule: "test/bad"})
				if n > 10*tip.MaxErrors {
					t.Fatal("never stopped")
				}
			}
			if n != tip.MaxErrors+1 {
				t.Errorf("stopped after %d problems, want %d", n, tip.MaxErrors+1)
			}
			var list tip.ErrorList
			if !errors.As(c.Err(), &list) || !errors.Is(c.Err(), tip.ErrTooManyErrors) {
				t.Fatalf("Err() = %v: want an tip.ErrorList wrapping tip.ErrTooManyErrors", c.Err())
			}
			wantErrs, wantFindings := tip.MaxErrors+1, 0
			if lax {
				wantErrs, wantFindings = 1, tip.MaxErrors
			}
			if len(list) != wantErrs || len(c.Findings()) != wantFindings {
				t.Errorf("%d errors and %d findings, want %d and %d", len(list), len(c.Findings()), wantErrs, wantFindings)
			}
		})
	}
}

// ReadLines gives every line, cleaned, with the place of its first non-space byte,
// reports a line that is not text and a failed read, and says whether the
// input was read to its end.
func TestCollectorReadLines(t *testing.T) {
	tests := []struct {
		name   string
		in     io.Reader
		want   []Line
		whole  bool
		errs   string
		wraps  error
		reader error // the reader's own error, still reachable
	}{
		{name: "lines, blanks, CR and CRLF ends", in: strings.NewReader("Tier 1\r\n\u00a0 • Chile\n\nx\ry"), whole: true,
			want: []Line{{"Tier 1", "Tier 1", tip.Position{Line: 1, Col: 1}}, {"\u00a0 • Chile", "• Chile", tip.Position{Line: 2, Col: 4}}, {"", "", tip.Position{Line: 3, Col: 1}}, {"x", "x", tip.Position{Line: 4, Col: 1}}, {"y", "y", tip.Position{Line: 5, Col: 1}}}},
		{name: "a line that is not text is reported and read as blank", in: strings.NewReader("ok\n a\xffb\nok\n"), whole: true,
			want: []Line{{"ok", "ok", tip.Position{Line: 1, Col: 1}}, {"", "", tip.Position{Line: 2, Col: 1}}, {"ok", "ok", tip.Position{Line: 3, Col: 1}}},
			errs: "in:2:3: invalid encoding: want UTF-8 text with no NUL byte", wraps: tip.ErrEncoding},
		{name: "a failed read: the line it cut short is not given", in: io.MultiReader(strings.NewReader("• Chile\n• Niger"), iotest.ErrReader(iotest.ErrTimeout)),
			want: []Line{{"• Chile", "• Chile", tip.Position{Line: 1, Col: 1}}}, wraps: tip.ErrRead, reader: iotest.ErrTimeout},
		{name: "a nil reader", in: nil, wraps: tip.ErrNilReader},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewCollector(tip.ParseOptions{Source: "in"}, "report", testRules)
			var lines []Line
			whole := c.ReadLines(tt.in, func(l Line) { lines = append(lines, l) })
			if diff := cmp.Diff(tt.want, lines); diff != "" {
				t.Errorf("lines mismatch (-want +got):\n%s", diff)
			}
			if whole != tt.whole {
				t.Errorf("ReadLines = %v, want %v", whole, tt.whole)
			}
			err := c.Err()
			if tt.errs != "" && (err == nil || err.Error() != tt.errs) {
				t.Errorf("Err() = %v, want %s", err, tt.errs)
			}
			if (tt.wraps == nil) != (err == nil) || tt.wraps != nil && !errors.Is(err, tt.wraps) {
				t.Errorf("Err() = %v, want one wrapping %v", err, tt.wraps)
			}
			if tt.reader != nil && !errors.Is(err, tt.reader) {
				t.Errorf("Err() = %v lost the reader's own error", err)
			}
		})
	}
	// A stopped parse reads no further: 10,000 invalid lines cost tip.MaxErrors+1
	// lines and errors.
	c := NewCollector(tip.ParseOptions{}, "report", testRules)
	n := 0
	if c.ReadLines(strings.NewReader(strings.Repeat("\xff\n", 10000)), func(Line) { n++ }) || n != tip.MaxErrors+1 || !errors.Is(c.Err(), tip.ErrTooManyErrors) {
		t.Errorf("read %d lines of hostile input, err %v", n, c.Err())
	}
}

// A parser's source names every error and finding; the parser's own name
// stands in when the caller gives none.
func TestCollectorSource(t *testing.T) {
	if got := NewCollector(tip.ParseOptions{}, "listing", testRules).Source(); got != "listing" {
		t.Errorf("Source() = %q, want the parser's name", got)
	}
	c := NewCollector(tip.ParseOptions{Source: "my.txt", Lax: true}, "listing", testRules)
	if c.Source() != "my.txt" || !c.Lax() {
		t.Errorf("Source() = %q, Lax() = %v", c.Source(), c.Lax())
	}
	c.Note(tip.Finding{Rule: "test/note", Severity: tip.Info, Source: c.Source(), Message: "read as written"})
	if fs := c.Findings(); len(fs) != 1 || fs[0].Severity != tip.Info || c.Err() != nil {
		t.Errorf("Note: %v, %v", fs, c.Err())
	}
}

// A caller's own errata are read through once folded, and the first of
// two errata with one key wins (tip's TestErrataKeys tests the folding).
func TestCollectorErrata(t *testing.T) {
	chile, peru := tip.MustLookupCountry("Chile"), tip.MustLookupCountry("Peru")
	table := append(tip.DefaultErrata(), tip.Erratum{Printed: "Chilé Land", Country: chile}, tip.Erratum{Printed: "CHILE-LAND ", Country: peru})
	c := NewCollector(tip.ParseOptions{Lax: true, Errata: table}, "report", testRules)
	if got, ok := c.Resolve("CHILE LAND.", tip.Position{Line: 1, Col: 1}, ""); !ok || got != chile {
		t.Errorf("Resolve through a caller's errata = %v, %v", got, ok)
	}
	if !c.IsCountry("chile land") || c.IsCountry("Narnia") {
		t.Errorf("IsCountry does not read the caller's errata")
	}
}

// What a heading followed by a line that is no country costs a parse
// (issue 20, item 5): the errata are folded once, not at each line.
func BenchmarkCollectorIsCountry(b *testing.B) {
	c := NewCollector(tip.ParseOptions{}, "report", testRules)
	b.ReportAllocs()
	for b.Loop() {
		c.IsCountry("Narnia")
	}
}
