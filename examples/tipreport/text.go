package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

func printText(w io.Writer, r *report) {
	fmt.Fprintf(w, "tipkit — Trafficking in Persons Report %d, from embedded data\n", r.Year)
	fmt.Fprintf(w, "completeness: %s\n", r.Completeness)
	fmt.Fprintf(w, "sources: %s\n\n", strings.Join(r.Sources, "; "))

	fmt.Fprintf(w, "TIERS %d\n", r.Year)
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	for _, t := range r.TierCounts {
		known := ""
		if !t.Known {
			known = "(list not fully known)"
		}
		fmt.Fprintf(tw, "  %s\t%d\t%s\n", t.Tier, t.Count, known)
	}
	tw.Flush()
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
