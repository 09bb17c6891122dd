package grants

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/tipkit/tipkit/tip/parse/parsetest"
)

// The exact text of one error of each kind a listing parse reports, pinned
// in testdata/grants/errors.golden so that a change of wording is a
// reviewed change (go test -update rewrites it). Each case prints what
// the caller sees first, err.Error(), then every error of the list.
func TestErrorMessagesGolden(t *testing.T) {
	rec := func(lines ...string) io.Reader {
		return strings.NewReader("Africa\n\n" + strings.Join(lines, "\n") + "\n")
	}
	ok := []string{"Country: Kenya", "Implementer: IOM", "Amount: $5", "End Date: 9/30/2023"}
	with := func(i int, line string) io.Reader {
		lines := append([]string(nil), ok...)
		lines[i] = line
		return rec(lines...)
	}
	cases := []struct {
		name string
		in   io.Reader
	}{
		{"unknown country, with a suggestion", with(0, "Country: Keyna")},
		{"unknown place in a list", with(0, "Countries: Regional Project – Kenya, Ugnada, and MENA")},
		{"ambiguous country", with(0, "Country: Congo")},
		{"amount", with(2, "Amount: $1.2.3")},
		{"amount finer than a cent", with(2, "Amount: $1.000000001 million")},
		{"date that does not exist", with(3, "End Date: 31/9/2023")},
		{"date out of range", with(3, "End Date: 9/30/0001")},
		{"duplicate label", rec(append(ok, "Amount: $6")...)},
		{"unknown label", rec(append(ok, "Budget: $6")...)},
		{"missing field", rec(ok[0], ok[1], ok[3])},
		{"empty value", with(1, "Implementer:")},
		{"plural label with one country", with(0, "Countries: Kenya")},
		{"line with no label", rec(append(ok, "Description: Shelters", "and training.")...)},
		{"unknown heading", strings.NewReader("Antarctica\n\n" + strings.Join(ok, "\n") + "\n")},
		{"header", strings.NewReader("As of February 30, 2021, the TIP Office manages 110 projects in over 95 countries worth more than $245 million in total.\n")},
		{"encoding", with(1, "Implementer: I\xffOM")},
		{"no record", strings.NewReader("This page lists nothing.\n")},
		{"too many errors", strings.NewReader(strings.Repeat("\x00\n", 200))},
		{"reader error", iotest.TimeoutReader(rec(ok...))},
		{"nil reader", nil},
	}
	var b strings.Builder
	for _, c := range cases {
		_, err := Parse(c.in)
		fmt.Fprintf(&b, "# %s\n%v\n", c.name, err)
		if list, ok := err.(interface{ Unwrap() []error }); ok && len(list.Unwrap()) > 1 {
			errs := list.Unwrap()
			for i, e := range errs {
				if i > 3 && i < len(errs)-1 {
					continue // the too-many case: its first four and its last
				}
				fmt.Fprintf(&b, "\t%v\n", e)
			}
		}
	}
	parsetest.Golden(t, filepath.Join("..", "testdata", "grants", "errors.golden"), b.String())
}
