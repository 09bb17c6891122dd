package tiers

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse/parsetest"
)

// TestHostile holds the regression tests of issue 20 for the report
// parser, one row an item: what each hostile input must give, strict and
// lax.
func TestHostile(t *testing.T) {
	cut := func(s string) io.Reader {
		return io.MultiReader(strings.NewReader(s), iotest.ErrReader(iotest.ErrTimeout))
	}
	tests := []struct {
		item string
		in   func() io.Reader
		// want: the sentinels the error wraps (none: no error), the
		// position of its first error, the placements kept.
		want       []error
		pos        string
		placements string
	}{
		{"4: 1 MB of empty lines keep nothing and are no report", func() io.Reader { return strings.NewReader(strings.Repeat("\n", 1<<20)) },
			[]error{tip.ErrMissing}, "1:1", ""},
		{"4: 1 MB of invalid lines stop after MaxErrors errors", func() io.Reader { return strings.NewReader(strings.Repeat("\xff\n", 1<<19)) },
			[]error{tip.ErrEncoding, tip.ErrTooManyErrors}, "1:1", ""},
		{"5: 100,000 headings are no list", func() io.Reader { return strings.NewReader(strings.Repeat("Tier 1\n", 100000)) },
			[]error{tip.ErrMissing}, "1:1", ""},
		{"5: 200,000 unknown names stop after MaxErrors errors", func() io.Reader {
			return strings.NewReader("Tier 1\n• Chile\n" + strings.Repeat("• Narnia\n", 200000))
		}, []error{tip.ErrUnknownCountry, tip.ErrTooManyErrors}, "3:5", "1:CHL"},
		{"6: a reader error keeps its identity, and the line it cut is not read", func() io.Reader { return cut("Tier 1\n  • Chile\n  • Niger") },
			[]error{tip.ErrRead, iotest.ErrTimeout}, "3:1", "1:CHL"},
		{"6: a reader error at once invents nothing", func() io.Reader { return iotest.ErrReader(iotest.ErrTimeout) },
			[]error{tip.ErrRead, iotest.ErrTimeout}, "1:1", ""},
		{"9: lone CR line ends", func() io.Reader { return strings.NewReader("Tier 1\r\r  • Chile\r  • Canada") },
			nil, "", "1:CHL 1:CAN"},
		{"9: non-empty input with no record is an error", func() io.Reader { return strings.NewReader("Tier 1\rTier 2\r") },
			[]error{tip.ErrMissing}, "1:1", ""},
		{"10: a title year after MaxYear", func() io.Reader {
			return strings.NewReader("2199 Trafficking in Persons Report\n\nTier 1\n  • Chile\n")
		},
			[]error{tip.ErrYear}, "1:1", "1:CHL"},
		{"10: a title year before MinYear", func() io.Reader {
			return strings.NewReader("1900 Trafficking in Persons Report\n\nTier 1\n  • Chile\n")
		},
			[]error{tip.ErrYear}, "1:1", "1:CHL"},
		{"12: a nil reader", func() io.Reader { return nil }, []error{tip.ErrNilReader}, "1:1", ""},
	}
	for _, tt := range tests {
		t.Run(tt.item, func(t *testing.T) {
			r, err := ParseReport(tt.in())
			if got := placements(r); got != tt.placements {
				t.Errorf("placements %q, want %q", got, tt.placements)
			}
			parsetest.CheckErrors(t, err, tt.want, tt.pos)
			// Lax keeps at least what strict keeps, and fails the same way
			// on what it cannot read.
			lr, lerr := ParseReportLax(tt.in())
			if len(lr.Placements) < len(r.Placements) {
				t.Errorf("lax kept %d placements, strict %d", len(lr.Placements), len(r.Placements))
			}
			for _, s := range tt.want {
				if s == tip.ErrRead || s == tip.ErrNilReader || s == tip.ErrEncoding || s == tip.ErrMissing {
					parsetest.CheckErrors(t, lerr, tt.want, tt.pos)
				}
			}
		})
	}
}

// placements writes the placements of r as "tier:ISO3 …".
func placements(r *Report) string {
	var s []string
	for _, p := range r.Placements {
		s = append(s, p.Tier.Code()+":"+p.Country.ISO3())
	}
	return strings.Join(s, " ")
}

// Issue 20, items 4 and 5: hostile input costs memory by what the report
// keeps, not by its length, and each line a bounded amount of work. The
// allocations of a parse are counted (not timed) at two sizes; they may
// grow with the lines only by a small constant each.
func TestHostileCost(t *testing.T) {
	tests := []struct {
		item     string
		line     string // repeated
		perLine  float64
		lax      bool
		maxTotal float64 // at most this many allocations in all, however long the input (0: no bound)
	}{
		{"4: empty lines", "\n", 0, false, 50},
		{"4: invalid UTF-8", "\xff\n", 0, false, 1000},
		{"4: unknown names in a list, lax (each finding works out its suggestions)", "• Narnia\n", 0, true, 50000},
		{"5: headings", "Tier 1\n", 2, false, 0},
		{"5: a heading and a name that is no country", "Tier 1\nNarnia\n", 30, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.item, func(t *testing.T) {
			opts := tip.ParseOptions{Lax: tt.lax}
			allocs := func(n int) float64 {
				in := "Tier 1\n" + strings.Repeat(tt.line, n)
				return testing.AllocsPerRun(2, func() { ParseReportWith(strings.NewReader(in), opts) })
			}
			small, large := allocs(2000), allocs(20000)
			per := (large - small) / 18000
			t.Logf("%.0f allocations at 2,000 lines, %.0f at 20,000: %.2f a line", small, large, per)
			if per > tt.perLine+0.01 { // a few allocations of the runtime's own may fall into a run
				t.Errorf("%.2f allocations a line, want at most %v", per, tt.perLine)
			}
			if tt.maxTotal > 0 && large > tt.maxTotal {
				t.Errorf("%.0f allocations, want at most %v", large, tt.maxTotal)
			}
		})
	}
}
