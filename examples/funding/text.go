package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip"
)

// millions writes n awards and their dollars compactly: "3 $2.4M"; "–"
// for none.
func millions(n int, d decimal.Decimal) string {
	if n == 0 {
		return "–"
	}
	return fmt.Sprintf("%d $%sM", n, d.Shift(-6).StringFixed(1))
}

func printText(w io.Writer, r *report) {
	fmt.Fprintf(w, "TIP Office awards under assistance listing 19.019 (USAspending), from %s\n", r.Source)
	fmt.Fprintf(w, "%d awards, %s; %d records under other listings not counted\n", r.Awards, tip.FormatUSD(decimal.RequireFromString(r.Total)), r.OtherListings)
	fmt.Fprintf(w, "join: %s\n\n", r.Rule)

	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	head := []string{"fiscal year", "coverage", "awards", "amount"}
	for _, g := range groups {
		head = append(head, g.head)
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, y := range r.ByFiscalYear {
		cells := []string{fmt.Sprintf("FY%d", y.FiscalYear), y.Coverage, fmt.Sprint(y.Awards), tip.FormatUSD(y.amount)}
		for _, g := range y.ByTier {
			cells = append(cells, millions(g.Awards, g.amount))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	tw.Flush()
	fmt.Fprintln(w, "\ncoverage: near-complete years can be read as the year's awards; in a thin year (older awards were")
	fmt.Fprintln(w, "reported under other listings or not at all) or a partial one the figures are lower bounds, and a")
	fmt.Fprintln(w, "dash is unknown, not zero; \"unknown\" means the input states no coverage (a file of your own).")
	fmt.Fprintln(w, "tier unknown: the year's tier lists are partial in tipkit's history (tiers.Default).")

	count := map[string]int{}
	for _, f := range r.Findings {
		count[f.Rule]++
	}
	rules := slices.Sorted(func(yield func(string) bool) {
		for k := range count {
			if !yield(k) {
				return
			}
		}
	})
	fmt.Fprintf(w, "\nFINDINGS (%d; -json lists them)\n", len(r.Findings))
	for _, rule := range rules {
		fmt.Fprintf(w, "  %-36s %d\n", rule, count[rule])
	}
	if len(r.Errors) > 0 {
		fmt.Fprintf(w, "\nNOT READ (%d; every good award was kept)\n", len(r.Errors))
		for _, e := range r.Errors {
			fmt.Fprintf(w, "  %s\n", e)
		}
	}
}
