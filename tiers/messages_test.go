package tiers

import (
	"io"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse/parsetest"
)

// TestMessages pins the exact text of one error of each kind the report
// parser returns, and of the finding a lax parse reports in its place, in
// testdata/messages.golden: a change of wording is a reviewed change (go
// test -update rewrites the file).
func TestMessages(t *testing.T) {
	cut := io.MultiReader(strings.NewReader("Tier 1\n  • Chile\n  • Niger"), iotest.ErrReader(iotest.ErrTimeout))
	tests := []struct {
		name string
		in   io.Reader
	}{
		{"invalid encoding", strings.NewReader("Tier 1\n  • Ch\xffile\n")},
		{"unknown country", strings.NewReader("Tier 3\n  • Nambia\n")},
		{"ambiguous country", strings.NewReader("Tier 3\n  • Congo\n")},
		{"misprint (strict: unknown; lax: erratum)", strings.NewReader("Tier 2\n  • Tongo\n")},
		{"empty list item", strings.NewReader("Tier 1\n  • Chile\n  • \n")},
		{"country on two tiers", strings.NewReader("Tier 1\n  • Chile\nTier 2\n  • Chile\n")},
		{"unreadable table row", strings.NewReader("YEAR PROSECUTIONS CONVICTIONS VICTIMS IDENTIFIED NEW OR AMENDED LEGISLATION\n2017 17,471 (869) 7,135\n")},
		{"table figure too large", strings.NewReader("YEAR PROSECUTIONS CONVICTIONS VICTIMS IDENTIFIED NEW OR AMENDED LEGISLATION\n2017 99999999999999999999 (1) 1 (1) 1 (1) 1\n")},
		{"state-sponsored count", strings.NewReader("The 2023 Trafficking in Persons Report includes the following 3 governments with a documented “policy or pattern” of trafficking:\n\nCuba\n\nIran\n")},
		{"title year out of range", strings.NewReader("2199 Trafficking in Persons Report\nTier 1\n  • Chile\n")},
		{"no report", strings.NewReader("Nothing to see.\n")},
		{"read error", cut},
		{"nil reader", nil},
		{"too many errors", strings.NewReader(strings.Repeat("\xff\n", 200))},
	}
	var b strings.Builder
	for _, tt := range tests {
		// The reader is read twice: strict, then lax.
		var data []byte
		var rerr error
		if tt.in != nil {
			data, rerr = io.ReadAll(tt.in)
		}
		in := func() io.Reader {
			if tt.in == nil {
				return nil
			}
			return io.MultiReader(strings.NewReader(string(data)), iotest.ErrReader(rerr))
		}
		if rerr == nil {
			in = func() io.Reader {
				if tt.in == nil {
					return nil
				}
				return strings.NewReader(string(data))
			}
		}
		b.WriteString("# " + tt.name + "\n")
		_, err := ParseReportWith(in(), tip.ParseOptions{Source: "tip2024.txt"})
		b.WriteString("strict: " + parsetest.FirstLast(err) + "\n")
		r, err := ParseReportWith(in(), tip.ParseOptions{Source: "tip2024.txt", Lax: true})
		if err != nil {
			b.WriteString("lax: " + parsetest.FirstLast(err) + "\n")
		}
		for _, f := range r.Findings {
			b.WriteString("lax finding: " + f.String() + "\n")
		}
		b.WriteString("\n")
	}
	parsetest.Golden(t, filepath.Join("testdata", "messages.golden"), b.String())
}
