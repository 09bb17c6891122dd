package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tipkit/tipkit/tip"
)

// resolve turns what the user typed into one country, or explains on w why
// it cannot: the nearest names for a typo, the candidates for an ambiguous
// name ("Congo", "Korea"). Errata apply too, so a name copied from a report
// that misprints it ("Seychelle") still works, with a note.
func resolve(w io.Writer, name string) (tip.Country, bool) {
	c, e, err := tip.DefaultErrata().Resolve(name)
	var unknown *tip.UnknownCountryError
	var ambiguous *tip.AmbiguousCountryError
	switch {
	case err == nil:
		if e != nil {
			fmt.Fprintf(w, "note: %q is a misprint of %s (%s)\n", name, c.Name(), e.Source)
		}
		return c, true
	case errors.As(err, &ambiguous):
		var names []string
		for _, c := range ambiguous.Candidates {
			names = append(names, fmt.Sprintf("%q", c.Name()))
		}
		fmt.Fprintf(w, "%q could be %s: say which.\n", name, strings.Join(names, " or "))
	case errors.As(err, &unknown):
		fmt.Fprintf(w, "%q is not a country tipkit knows.\n", name)
		if suggestions := unknown.Suggestions(); len(suggestions) > 0 {
			var names []string
			for _, c := range suggestions {
				names = append(names, fmt.Sprintf("%q", c.Name()))
			}
			fmt.Fprintf(w, "Did you mean %s?\n", strings.Join(names, ", "))
		}
	default:
		fmt.Fprintln(w, err)
	}
	return 0, false
}
