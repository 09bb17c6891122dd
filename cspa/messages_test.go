package cspa

import (
	"io"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse/parsetest"
)

// TestMessages pins the exact text of one error of each kind the list and
// 405(c) parsers return, and of the finding a lax parse reports in its
// place, in testdata/messages.golden: a change of wording is a reviewed
// change (go test -update rewrites the file).
func TestMessages(t *testing.T) {
	const head = "The 2023 CSPA List Includes Governments of the following countries:\n"
	lists := []struct{ name, in string }{
		{"invalid encoding", head + "  • Ir\x00an\n"},
		{"unknown country", head + "  • Nambia\n  • Iran\n"},
		{"misprint (strict: unknown; lax: erratum)", head + "  • Tongo\n"},
		{"empty list item", head + "  • \n  • Iran\n"},
		{"government listed twice", head + "- Iran\n- Iran\n"},
		{"second list", head + "- Iran\n\n" + head + "- Mali\n"},
		{"year out of range", strings.Replace(head, "2023", "1900", 1) + "- Iran\n"},
		{"heading with no list", head + "\nThe list follows below.\n"},
		{"no list", "Tier 1\n  • Chile\n"},
		{"nil reader", ""},
	}
	reports := []struct{ name, in string }{
		{"negative amount", sec5 + "Somalia\nPeacekeeping Operations $-5\n"},
		{"amount in dollars by another name", sec5 + "Somalia\nPeacekeeping Operations USD 100\n"},
		{"amount with no authority", sec5 + "Somalia\nTraining of some kind $5.00\n"},
		{"amount before any heading", sec5 + "Peacekeeping Operations $5.00\n"},
		{"heading that names no country", sec5 + "Somalai\nPeacekeeping Operations $5.00\n"},
		{"date that does not exist", sec1 + "Section 3. Waivers\nOn February 30, 2022, the President waived in part with respect to Somalia.\n"},
		{"fiscal year out of range", sec1 + "Section 2: Withheld\nNo assistance was planned to be provided to Iran in fiscal year (FY) 2300.\n"},
		{"Section 1 year out of range", strings.Replace(sec1, "2022", "1900", 1)},
		{"section printed twice", sec1 + sec1},
		{"sentence stated twice", sec1 + "Found during the reporting period of April 1, 2021 – March 31, 2022: Iran.\n"},
		{"Section 1 unreadable", "Section 1: Countries in Violation of the Standards Under the CSPA in 2022\n\nThe Secretary found Iran.\n"},
		{"no report", "Nothing to see.\n"},
		{"read error", sec5 + "Somalia\nPeacekeeping Operations $40,552"},
	}
	// in returns a fresh reader of s; "" is a nil reader, and the "read
	// error" case fails after s.
	in := func(name, s string) io.Reader {
		switch {
		case s == "":
			return nil
		case name == "read error":
			return io.MultiReader(strings.NewReader(s), iotest.ErrReader(iotest.ErrTimeout))
		}
		return strings.NewReader(s)
	}
	var b strings.Builder
	write := func(name string, strictErr, laxErr error, fs []tip.Finding) {
		b.WriteString("# " + name + "\nstrict: " + parsetest.FirstLast(strictErr) + "\n")
		if laxErr != nil {
			b.WriteString("lax: " + parsetest.FirstLast(laxErr) + "\n")
		}
		for _, f := range fs {
			b.WriteString("lax finding: " + f.String() + "\n")
		}
		b.WriteString("\n")
	}
	strict, lax := tip.ParseOptions{Source: "tip2024.txt"}, tip.ParseOptions{Source: "tip2024.txt", Lax: true}
	b.WriteString("## ParseList\n\n")
	for _, tt := range lists {
		_, serr := ParseListWith(in(tt.name, tt.in), strict)
		l, lerr := ParseListWith(in(tt.name, tt.in), lax)
		write(tt.name, serr, lerr, l.Findings)
	}
	b.WriteString("## Parse405c\n\n")
	for _, tt := range reports {
		_, serr := Parse405cWith(in(tt.name, tt.in), strict)
		r, lerr := Parse405cWith(in(tt.name, tt.in), lax)
		write(tt.name, serr, lerr, r.Findings)
	}
	parsetest.Golden(t, filepath.Join("testdata", "messages.golden"), b.String())
}
