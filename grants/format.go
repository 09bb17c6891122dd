package grants

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Format writes the listing back in the published layout: the header with
// its claims, each section heading (one with no project only if it is a
// heading the parser knows, as it reads no other without a record under
// it), and each project as labelled lines, records separated by blank
// lines. ParseWith reads what Format writes
// into the same projects (positions aside), so a listing can be edited as
// data and published again. Amounts are written "$1,234,567.89" (cents only
// where there are any), dates m/d/yyyy. A project Parse could not read
// back the same (a negative amount or one finer than a cent, a date
// outside tip.MinYear–tip.MaxYear) is an error wrapping tip.ErrAmount or
// tip.ErrDate, at which Format stops.
func Format(w io.Writer, l *Listing) error {
	bw := bufio.NewWriter(w)
	h, err := header(l)
	if err != nil {
		return err
	}
	if h != "" {
		fmt.Fprintf(bw, "%s\n\n", h)
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
	for i := range l.Projects {
		p := &l.Projects[i]
		if p.Section != section {
			heading(p.Section)
		}
		if err := writeProject(bw, p); err != nil {
			return fmt.Errorf("grants: Format: project %d (%s): %w", i+1, p.Implementer.Key(), err)
		}
	}
	// Sections with no project: a heading the parser knows reads back as
	// a section on its own; any other is one only above a record, so it
	// is not written.
	for _, s := range l.Sections {
		if _, known := sectionBureau(s); known && !written[s] {
			heading(s)
		}
	}
	return bw.Flush()
}

// writeProject writes one record: each field with the label the labels
// table gives it, in the table's order, and a blank line.
func writeProject(w *bufio.Writer, p *Project) error {
	places := formatPlaces(p)
	several := len(p.Countries)+len(p.Unresolved) > 1 || p.Label != ""
	amount, err := usd(p.Amount)
	if err != nil {
		return err
	}
	end := ""
	if !p.EndDate.IsZero() {
		if err := checkYear(p.EndDate, p.EndDate.String()); err != nil {
			return err
		}
		end = fmt.Sprintf("%d/%d/%d", int(p.EndDate.Month), p.EndDate.Day, p.EndDate.Year)
	}
	for i := range labels {
		l := &labels[i]
		if !l.writes(several) {
			continue
		}
		var v string
		switch l.field {
		case fieldCountries:
			v = places
		case fieldImplementer:
			v = p.Implementer.String()
		case fieldAmount:
			v = amount
		case fieldEndDate:
			v = end
		case fieldDescription:
			v = p.Description
		}
		if v != "" {
			fmt.Fprintf(w, "%s: %s\n", l.name, oneLine(v))
		}
	}
	w.WriteString("\n")
	return nil
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
