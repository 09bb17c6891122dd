package parse_test

import (
	"fmt"
	"strings"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse"
)

// A parser of a document of one country per line, written as tipkit's
// parsers are: the Collector reads the lines, resolves the names, and keeps
// the errors and the findings.
func ExampleCollector() {
	const doc = "Chile\n  Tongo\n\nNambia\n"
	read := func(opts tip.ParseOptions) ([]tip.Country, []tip.Finding, error) {
		c := parse.NewCollector(opts, "countries", parse.NameRules{Unresolved: "my/unresolved-name", Empty: "my/empty"})
		var out []tip.Country
		c.ReadLines(strings.NewReader(doc), func(l parse.Line) {
			if l.Text != "" {
				if country, ok := c.Resolve(l.Text, l.Pos, "Country"); ok {
					out = append(out, country)
				}
			}
		})
		return out, c.Findings(), c.Err()
	}
	_, _, err := read(tip.ParseOptions{Source: "list.txt"})
	fmt.Println(err)
	cs, fs, err := read(tip.ParseOptions{Source: "list.txt", Lax: true})
	fmt.Println(cs, err)
	for _, f := range fs {
		fmt.Println(f.Pos, f.Rule)
	}
	// Output:
	// list.txt:2:3: Country: unknown country "Tongo" (did you mean "Tonga", "Togo"?) (and 1 more error)
	// [Chile Tonga unknown] <nil>
	// 2:3 tip/erratum
	// 4:1 my/unresolved-name
}
