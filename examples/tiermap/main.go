// Command tiermap draws the tier placements of one TIP Report year as an
// SVG tile map: one square per country, grouped by regional bureau and laid
// out roughly geographically, coloured by tier, with a legend. Special
// Case, "not in this report" and "not known" (a partial year) are distinct.
//
//	go run ./examples/tiermap > tiers2023.svg
//	go run ./examples/tiermap -year 2013 -o tiers2013.svg
//
// Open the SVG in a browser. Only the standard library draws it.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tipkit/tipkit/tiers"
	"github.com/tipkit/tipkit/tip"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("tiermap", flag.ContinueOnError)
	fs.SetOutput(stderr)
	year := fs.Int("year", 2023, "report year (2001–2025)")
	out := fs.String("o", "", "write the SVG to this file instead of standard output")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	d, err := mapOf(tiers.Default(), tip.ReportYear(*year))
	if err != nil {
		fmt.Fprintln(stderr, "tiermap:", err)
		return 2
	}
	if *out == "" {
		if err := renderSVG(stdout, d); err != nil {
			fmt.Fprintln(stderr, "tiermap:", err)
			return 1
		}
		return 0
	}
	// The only file the program writes is the one -o names; a failed
	// write or close is reported, not left as a truncated map.
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(stderr, "tiermap:", err)
		return 1
	}
	err = renderSVG(f, d)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(stderr, "tiermap:", err)
		return 1
	}
	return 0
}

var tierClass = map[tiers.Tier]class{
	tiers.Tier1: classTier1, tiers.Tier2: classTier2, tiers.Tier2WatchList: classTier2WL,
	tiers.Tier3: classTier3, tiers.SpecialCase: classSpecialCase,
}

// mapOf decides which countries the map of year y shows and how: every
// country placed that year; and, not placed, those placed within two years
// either side (so dissolved entities such as Serbia and Montenegro do not
// haunt later maps), as "not in this report" when the year is complete and
// "not known" when it is partial.
func mapOf(h *tiers.History, y tip.ReportYear) (mapData, error) {
	yr := h.Year(y)
	if yr == nil {
		return mapData{}, fmt.Errorf("no embedded report year %d", y)
	}
	cls := make(map[tip.Country]class)
	var cs []tip.Country
	for _, c := range tip.Countries() {
		p, st := h.At(c, y)
		if st == tiers.StatusPlaced {
			cls[c] = tierClass[p.Tier]
			cs = append(cs, c)
			continue
		}
		near := false
		for d := tip.ReportYear(-2); d <= 2 && !near; d++ {
			_, s := h.At(c, y+d)
			near = s == tiers.StatusPlaced
		}
		if !near || st == tiers.StatusNonexistent {
			continue // an entity that did not exist that year has no square
		}
		if st == tiers.StatusAbsent {
			cls[c] = classNotRanked
		} else {
			cls[c] = classUnknown
		}
		cs = append(cs, c)
	}
	tiles, err := layout(cs)
	if err != nil {
		return mapData{}, err
	}
	notes := []string{
		fmt.Sprintf("Data: tipkit tiers.Default(), report year %d. Sources: %s.", y, strings.Join(yr.Sources, ", ")),
		"Completeness: " + cut(yr.Completeness.Note, 150),
		"One square per country, grouped by State Department regional bureau; not to scale.",
	}
	return mapData{
		Title:    fmt.Sprintf("Trafficking in Persons Report %d: tier placements", y),
		Subtitle: "Tier 1 fully meets the TVPA minimum standards; Tier 3 neither meets them nor makes significant efforts.",
		Tiles:    tiles, Class: cls, Notes: notes,
	}, nil
}

func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
