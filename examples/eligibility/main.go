// Command eligibility follows one country through the TIP Reports: its tier
// each year, the TVPA rules that applied and what they found, whether a
// waiver was used, and which tiers it may be placed on in the next report
// and why.
//
//	go run ./examples/eligibility -country Malaysia
//	go run ./examples/eligibility -country "Republic of the Congo" -year 2026
//
// Any name tip.LookupCountry reads works ("Türkiye", "Korea, South", "DRC");
// an unknown or ambiguous name prints the candidates and exits 2.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/tipkit/tipkit/tiers"
	"github.com/tipkit/tipkit/tip"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eligibility", flag.ContinueOnError)
	fs.SetOutput(stderr)
	name := fs.String("country", "", "country name or code (required)")
	year := fs.Int("year", 2026, "the report year to check eligibility for")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *name == "" {
		fmt.Fprintln(stderr, "eligibility: -country is required, e.g. -country Malaysia")
		return 2
	}
	c, ok := resolve(stderr, *name)
	if !ok {
		return 2
	}
	h := tiers.Default()
	y := tip.ReportYear(*year)
	if y < 2002 || y > h.Years[len(h.Years)-1].Year+1 {
		fmt.Fprintf(stderr, "eligibility: -year %d: tipkit can judge 2002–%d\n", y, h.Years[len(h.Years)-1].Year+1)
		return 2
	}
	report(stdout, h, c, y)
	return 0
}

func report(w io.Writer, h *tiers.History, c tip.Country, y tip.ReportYear) {
	bureau := c.Bureau().String()
	if c.Bureau() == tip.BureauUnknown {
		bureau = "no regional bureau"
	}
	fmt.Fprintf(w, "%s (%s, %s)\n\n", c.Name(), c.ISO3(), bureau)

	byYear := map[string][]string{}
	for _, f := range tiers.Check(h) {
		if f.Country == c {
			_, msg, _ := strings.Cut(f.Message, c.Name()+": ")
			byYear[f.Subject] = append(byYear[f.Subject], fmt.Sprintf("%s (%s, %s)", msg, f.Rule, f.Severity))
		}
	}
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "YEAR\tTIER\tWAIVER\tWHAT THE RULES SAY")
	for _, e := range h.Timeline(c) {
		if e.Year >= y {
			break
		}
		tier := e.Tier.String()
		if e.Status != tiers.StatusPlaced {
			tier = "(" + e.Status.String() + ")"
		}
		waiver := ""
		if e.Waiver {
			waiver = "waived"
		}
		notes := byYear[fmt.Sprint(int(e.Year))]
		first := ""
		if len(notes) > 0 {
			first = notes[0]
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", e.Year, tier, waiver, first)
		for _, n := range notes[min(1, len(notes)):] {
			fmt.Fprintf(tw, "\t\t\t%s\n", n)
		}
	}
	tw.Flush()

	e := tiers.Eligible(h, c, y)
	var allowed []string
	for _, t := range e.Allowed {
		allowed = append(allowed, t.String())
	}
	fmt.Fprintf(w, "\n%d report: may be placed on %s.\n", y, strings.Join(allowed, ", "))
	for _, d := range e.Denied {
		fmt.Fprintf(w, "  not %s: %s [%s of %s: %s]\n", d.Tier, d.Reason, d.Rule, d.Version, d.Citation)
	}
	if e.WatchListYears > 0 {
		certain := ""
		if !e.WatchListCertain {
			certain = " (at least: an earlier year is not fully known)"
		}
		fmt.Fprintf(w, "  consecutive Watch List years before %d: %d%s\n", y, e.WatchListYears, certain)
	}
	if e.WaiverAvailable {
		fmt.Fprintf(w, "  a waiver of the automatic downgrade is still available under %s\n", e.Waiver)
	}
	for _, n := range e.Notes {
		fmt.Fprintf(w, "  note: %s\n", n)
	}
	fmt.Fprintf(w, "\nRules in force for the %d report:\n", y)
	for _, r := range tiers.DefaultRules().InForce(y) {
		fmt.Fprintf(w, "  %-26s of %s  %s (%s)\n", r.ID, r.Version(), r.Name, r.Citation)
	}
}
