// Command tipreport prints what tipkit knows, from its embedded data alone:
// the country table by regional bureau.
//
//	go run ./examples/tipreport
package main

import (
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/tipkit/tipkit/tip"
)

func main() {
	countries := tip.Countries()
	fmt.Printf("tipkit country table: %d countries and territories\n", len(countries))
	fmt.Println(tip.CountryDataSource)
	fmt.Println()
	byBureau := map[tip.Bureau][]tip.Country{}
	for _, c := range countries {
		byBureau[c.Bureau()] = append(byBureau[c.Bureau()], c)
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(w, "BUREAU\tREGION\tCOUNTRIES")
	for _, b := range append(tip.Bureaus(), tip.BureauUnknown) {
		fmt.Fprintf(w, "%s\t%s\t%d\n", b, b.Name(), len(byBureau[b]))
	}
	w.Flush()
}
