// Command tipreport prints what tipkit knows about one TIP Report year, from
// its embedded data alone: the tiers (per tier and per bureau), the
// governments with a state policy or pattern of trafficking, the CSPA list,
// what is restricted in the following fiscal year (Tier 3 and CSPA, with
// waivers), the TIP Office's 2021 project listing, its awards of the
// fiscal year that ends in the report year (USAspending, with the record's
// coverage of that year), and every finding of every embedded document,
// with its source position.
//
//	go run ./examples/tipreport              # the 2023 report
//	go run ./examples/tipreport -year 2015   # another embedded year
//	go run ./examples/tipreport -json        # the same content as JSON
//
// Adapt it: build() gathers everything into one report value; printText
// and JSON only render it.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/tipkit/tipkit/tip"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("tipreport", flag.ContinueOnError)
	fs.SetOutput(stderr)
	year := fs.Int("year", 2023, "report year (2001–2025)")
	asJSON := fs.Bool("json", false, "write JSON instead of text")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	r, err := build(tip.ReportYear(*year))
	if err != nil {
		fmt.Fprintln(stderr, "tipreport:", err)
		return 2
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			fmt.Fprintln(stderr, "tipreport:", err)
			return 1
		}
		return 0
	}
	printText(stdout, r)
	return 0
}
