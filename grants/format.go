package grants

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Format writes the listing back in the published layout: the header with
// its claims, each section heading, and each project as labelled lines,
// records separated by blank lines. Parse reads what Format writes into
// the same projects (positions aside), so a listing can be edited as data
// and published again. Amounts are written "$1,234,567.89" (cents only
// where there are any), dates m/d/yyyy.
func Format(w io.Writer, l *Listing) error {
	bw := bufio.NewWriter(w)
	if !l.AsOf.IsZero() {
		fmt.Fprintf(bw, "As of %s %d, %d, the TIP Office manages %d projects in over %d countries worth more than %s in total.\n\n",
			l.AsOf.Month, l.AsOf.Day, l.AsOf.Year, l.ClaimedProjects, l.ClaimedCountries, usd(l.ClaimedAmount.String()))
	}
	// A heading is written wherever the section changes, even back to one
	// written before, so every project reads back under its own section.
	section := ""
	written := map[string]bool{}
	heading := func(s string) {
		if s != "" {
			fmt.Fprintf(bw, "%s\n\n", s)
			written[s] = true
		}
		section = s
	}
	for _, p := range l.Projects {
		if p.Section != section {
			heading(p.Section)
		}
		if places := formatPlaces(&p); places != "" {
			label := "Country"
			if len(p.Countries)+len(p.Unresolved) > 1 || p.Label != "" {
				label = "Countries"
			}
			fmt.Fprintf(bw, "%s: %s\n", label, oneLine(places))
		}
		fmt.Fprintf(bw, "Implementer: %s\n", oneLine(p.Implementer.String()))
		fmt.Fprintf(bw, "Amount: %s\n", usd(p.Amount.String()))
		if !p.EndDate.IsZero() {
			fmt.Fprintf(bw, "End Date: %d/%d/%04d\n", int(p.EndDate.Month), p.EndDate.Day, p.EndDate.Year)
		}
		if p.Description != "" {
			fmt.Fprintf(bw, "Description: %s\n", oneLine(p.Description))
		}
		bw.WriteString("\n")
	}
	for _, s := range l.Sections {
		if !written[s] {
			heading(s)
		}
	}
	return bw.Flush()
}

// formatPlaces is the Countries value: as written when the project was
// parsed, else rebuilt from the countries, by code where a name holds a
// comma ("Congo, Republic of the") that a list would split.
func formatPlaces(p *Project) string {
	if p.Places != "" {
		return p.Places
	}
	var names []string
	for _, c := range p.Countries {
		n := c.Name()
		if strings.Contains(n, ",") {
			n = c.ISO3()
		}
		names = append(names, n)
	}
	names = append(names, p.Unresolved...)
	s := strings.Join(names, ", ")
	if p.Label != "" {
		s = p.Label + " – (" + s + ")"
	}
	return s
}

func oneLine(s string) string {
	return strings.NewReplacer("\r", " ", "\n", " ").Replace(s)
}

// usd writes a plain decimal string as the listing writes money.
func usd(d string) string {
	intPart, frac, _ := strings.Cut(d, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	s := "$" + b.String()
	if neg {
		s = "$-" + b.String()
	}
	if frac != "" {
		s += "." + (frac + "0")[:2]
	}
	return s
}
