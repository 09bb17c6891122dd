package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip"
)

func printText(w io.Writer, r *report) {
	fmt.Fprintf(w, "tipkit — Trafficking in Persons Report %d, from embedded data\n", r.Year)
	fmt.Fprintf(w, "completeness: %s\n", r.Completeness)
	fmt.Fprintf(w, "sources: %s\n\n", strings.Join(r.Sources, "; "))

	fmt.Fprintf(w, "TIERS %d\n", r.Year)
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	implied, derived := false, false
	for _, t := range r.TierCounts {
		known := "complete"
		if !t.Known {
			known = "list not fully known"
		}
		var how []string
		for _, b := range []string{"observed", "transcribed", "implied", "derived"} {
			if n := t.ByBasis[b]; n > 0 {
				how = append(how, fmt.Sprintf("%d %s", n, b))
			}
		}
		implied = implied || t.ByBasis["implied"] > 0
		derived = derived || t.ByBasis["derived"] > 0
		fmt.Fprintf(tw, "  %s\t%d\t%s\t%s\n", t.Tier, t.Count, known, strings.Join(how, ", "))
	}
	tw.Flush()
	if implied {
		fmt.Fprintln(w, "  implied: read in the next report's narrative (\"remained on\"), not in this year's")
	}
	if derived {
		fmt.Fprintln(w, "  derived: inferred from counts and movements, not read in any report")
	}
	if implied || derived {
		fmt.Fprintln(w, "  a rule finding that rests on such a row says so: \"(rests on the … row)\"")
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "  bureau\tTier 1\tTier 2\tWatch List\tTier 3\tSpecial Case\ttotal\t")
	for _, b := range r.ByBureau {
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%d\t%d\t%d\t%d\t\n", b.Bureau, b.Counts["1"], b.Counts["2"], b.Counts["2WL"], b.Counts["3"], b.Counts["SC"], b.Total)
	}
	tw.Flush()

	fmt.Fprintf(w, "\nSTATE-SPONSORED TRAFFICKING (\"policy or pattern\", 22 U.S.C. 7107(b)(3)(B))\n")
	if r.StateSponsored == nil {
		fmt.Fprintln(w, "  not embedded for this year (the list exists from 2020; tipkit has the 2023 report)")
	} else {
		fmt.Fprintf(w, "  %d: %s\n", len(r.StateSponsored), strings.Join(r.StateSponsored, "; "))
	}

	fmt.Fprintf(w, "\nCSPA LIST %d (%s)\n", r.Year, r.CSPA.Status)
	if len(r.CSPA.Countries) > 0 {
		fmt.Fprintf(w, "  %d: %s\n", len(r.CSPA.Countries), strings.Join(r.CSPA.Countries, "; "))
	}

	fmt.Fprintf(w, "\nRESTRICTED IN FY%d (from October 1, %d)\n", r.Restricted.FiscalYear, r.Year)
	if !r.Restricted.Tier3Known {
		fmt.Fprintln(w, "  Tier 3: the year's Tier 3 list is not fully known")
	} else {
		var names []string
		for _, x := range r.Restricted.Tier3 {
			names = append(names, x.Country)
		}
		fmt.Fprintf(w, "  Tier 3 (TVPA, unless waived) — %d: %s\n", len(names), strings.Join(names, "; "))
	}
	fmt.Fprintf(w, "  CSPA (IMET, FMF, EDA, PKO, DCS) — %d:\n", len(r.Restricted.CSPA))
	for _, x := range r.Restricted.CSPA {
		waived := "no waiver"
		if len(x.Lifted) > 0 {
			waived = "waived: " + strings.Join(x.Lifted, ", ")
		}
		fmt.Fprintf(w, "    %-34s %s\n", x.Country, waived)
	}

	p := r.Projects
	fmt.Fprintf(w, "\nTIP OFFICE PROJECTS: %s\n", p.Note)
	fmt.Fprintf(w, "  %d projects listed, %s (the header claims %s)\n", p.Listed, p.Total, p.Claimed)
	tw = tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	for _, g := range p.ByBureau {
		fmt.Fprintf(tw, "    %s\t%d\t%s\n", g.Key, g.Projects, g.Amount)
	}
	tw.Flush()
	fmt.Fprintln(w, "  top implementers:")
	tw = tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	for _, g := range p.TopImplement {
		fmt.Fprintf(tw, "    %s\t%d\t%s\n", g.Key, g.Projects, g.Amount)
	}
	tw.Flush()
	fmt.Fprintf(w, "  touching countries that were, in the %d report:\n", p.TiersYear)
	for _, g := range []group{p.InTier3, p.InWatchList, p.InCSPA} {
		fmt.Fprintf(w, "    on %-18s %3d projects, %s (full amounts of every project naming one)\n", g.Key, g.Projects, g.Amount)
	}
	fmt.Fprintf(w, "  the program pages' own headline totals: %s\n", strings.Join(p.HeadlineFacts, "; "))

	a := r.Awards
	fmt.Fprintf(w, "\nTIP OFFICE AWARDS IN %v (USAspending, assistance listing 19.019; base obligations %s to %s)\n", a.FiscalYear, a.FiscalYear.Start(), a.FiscalYear.End())
	switch {
	case a.Coverage == "unknown":
		fmt.Fprintf(w, "  not in the embedded record (FY2010–FY2023): unknown, not zero\n")
	default:
		bound := ""
		if !a.Known {
			bound = "; the figures are lower bounds"
		}
		fmt.Fprintf(w, "  coverage: %s (%s)%s\n", a.Coverage, a.Note, bound)
		fmt.Fprintf(w, "  %d awards, %s\n", a.Awards, tip.FormatUSD(decimal.RequireFromString(a.Amount)))
		fmt.Fprintf(w, "  by the place of performance's tier in %d:\n", r.Year)
		tw = tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
		for _, g := range a.ByTier {
			fmt.Fprintf(tw, "    %s\t%d\t%s\n", g.Key, g.Awards, g.Amount)
		}
		tw.Flush()
		if len(a.Top) > 0 {
			var top []string
			for _, g := range a.Top {
				top = append(top, fmt.Sprintf("%s %s", g.Key, g.Amount))
			}
			fmt.Fprintf(w, "  largest places: %s\n", strings.Join(top, "; "))
		}
	}

	fmt.Fprintf(w, "\nTVPA RULES OVER 2001–2025 (tiers.Check)\n")
	for _, c := range r.RuleFindings {
		fmt.Fprintf(w, "  %-26s %-8s %d\n", c.Rule, c.Severity, c.Count)
	}
	if len(r.YearFindings) > 0 {
		fmt.Fprintf(w, "  about %d:\n", r.Year)
		for _, f := range r.YearFindings {
			fmt.Fprintf(w, "    %s\n", f)
		}
	}

	fmt.Fprintf(w, "\nFINDINGS OF THE EMBEDDED DOCUMENTS (%d)\n", len(r.Findings))
	doc := ""
	for _, f := range r.Findings {
		if f.Document != doc {
			doc = f.Document
			fmt.Fprintf(w, "  %s\n", doc)
		}
		fmt.Fprintf(w, "    %s\n", f.Finding)
	}
}
