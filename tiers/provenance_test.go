package tiers

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse/parsetest"
)

// The parts of data/PROVENANCE.md and of the README that say how complete
// the history is are generated from the embedded data, between these
// markers; go test ./tiers -run TestProvenance -update rewrites them.
const (
	genBegin = "<!-- generated from the embedded data by go test ./tiers -run TestProvenance -update; do not edit -->\n"
	genEnd   = "<!-- end of generated text -->\n"
)

// yearStatus counts what At says of every country of tipkit's table in a
// year.
func yearStatus(h *History, y tip.ReportYear) map[Status]int {
	n := map[Status]int{}
	for _, c := range tip.Countries() {
		_, st := h.At(c, y)
		n[st]++
	}
	return n
}

// notKnown names the lists of a year that are not complete.
func notKnown(yr *Year) []string {
	var out []string
	for _, t := range allTiers {
		if !yr.Completeness.Knows(t) {
			out = append(out, t.String())
		}
	}
	return out
}

// yearRanges writes consecutive years as ranges: "2003–2008, 2010".
func yearRanges(ys []tip.ReportYear) string {
	var parts []string
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d–%d", ys[i], ys[j]))
		} else {
			parts = append(parts, fmt.Sprint(ys[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// provenanceText is the generated part of data/PROVENANCE.md: every
// placement file with its rows, basis and what the history keeps of it,
// and every year with what At says of tipkit's countries.
func provenanceText(h *History) string {
	var b strings.Builder
	b.WriteString("### The placement files, as the history reads them\n\n")
	b.WriteString("| file | rows | basis (data/basis.txt) | placements the history takes from it |\n|---|---|---|---|\n")
	bs := &builder{h: &History{}}
	if err := bs.readBasis(); err != nil {
		panic(err)
	}
	taken := map[string]int{}
	for _, yr := range h.Years {
		for _, p := range yr.Placements {
			taken[p.Source]++
		}
	}
	var files []string
	for _, dir := range []string{"years", "extra", "fills"} {
		entries, _ := dataFS.ReadDir("data/" + dir)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".txt") {
				files = append(files, dir+"/"+e.Name())
			}
		}
	}
	for _, f := range files {
		data, _ := dataFS.ReadFile("data/" + f)
		rows := 0
		for _, l := range strings.Split(string(data), "\n") {
			if l != "" && !strings.HasPrefix(l, "#") {
				rows++
			}
		}
		basis := bs.basis[f].basis.String()
		if f == "fills/more.txt" {
			basis = "each row's kind"
		} else if n := len(bs.basis[f].rows); n > 0 {
			basis += fmt.Sprintf(" (%d rows otherwise)", n)
		}
		b.WriteString(fmt.Sprintf("| `%s` | %d | %s | %d |\n", f, rows, basis, taken[f]))
	}
	b.WriteString(fmt.Sprintf("| `corrections.txt` | — | per row | %d |\n| seed 003 | — | observed | %d |\n\n", taken["corrections.txt"], taken[SeedSource]))
	b.WriteString("A row the history does not take agrees with a placement on a stronger basis, or on an equal one read first; or `corrections.txt` merges it (Serbia and Montenegro, 2003–2006); or it is a row of `years/2023.txt`, of which the history reads only the Dominican Republic (the rest is seed 003's). No two sources give a country two tiers in a year (that would be a `tiers/source-conflict` finding).\n\n")

	b.WriteString("### Each year: the lists, and what At says of tipkit's ")
	b.WriteString(fmt.Sprint(len(tip.Countries())))
	b.WriteString(" countries\n\n")
	b.WriteString("| year | placed | absent | unknown | did not exist | lists not known | placements by basis |\n|---|---|---|---|---|---|---|\n")
	for i := range h.Years {
		yr := &h.Years[i]
		n := yearStatus(h, yr.Year)
		nk := strings.Join(notKnown(yr), ", ")
		if nk == "" {
			nk = "none"
		}
		var bases []string
		for basis := BasisObserved; basis <= BasisDerived; basis++ {
			k := 0
			for _, p := range yr.Placements {
				if p.Basis == basis {
					k++
				}
			}
			if k > 0 {
				bases = append(bases, fmt.Sprintf("%d %s", k, basis))
			}
		}
		b.WriteString(fmt.Sprintf("| %d | %d | %d | %d | %d | %s | %s |\n", yr.Year, n[StatusPlaced], n[StatusAbsent], n[StatusUnknown], n[StatusNonexistent], nk, strings.Join(bases, ", ")))
	}
	b.WriteString("\nEach year's `Completeness.Note` says the same in words, with the file that makes each list complete.\n")
	return b.String()
}

// readmeText is the README's completeness paragraph.
func readmeText(h *History) string {
	var full, panel []tip.ReportYear
	var many []string
	var few []string
	for i := range h.Years {
		yr := &h.Years[i]
		n := yearStatus(h, yr.Year)[StatusUnknown]
		switch {
		case yr.Completeness.Full() && strings.Contains(yr.Completeness.Note, "research panel codes NA"):
			panel = append(panel, yr.Year)
		case yr.Completeness.Full():
			full = append(full, yr.Year)
		}
		switch {
		case n > 5:
			many = append(many, fmt.Sprintf("%d (%d: no source gives its %s list, so a country on no other list may have been on it)", yr.Year, n, strings.Join(notKnown(yr), ", ")))
		case n > 0:
			few = append(few, fmt.Sprintf("%d %d", yr.Year, n))
		}
	}
	var derived []string
	for i := range h.Years {
		yr := &h.Years[i]
		var ts []string
		for _, t := range allTiers {
			if slices.ContainsFunc(yr.Placements, func(p Placement) bool { return p.Tier == t && p.Basis == BasisDerived }) {
				ts = append(ts, t.String())
			}
		}
		if len(ts) > 0 {
			derived = append(derived, fmt.Sprintf("%d %s", yr.Year, strings.Join(ts, ", ")))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "How complete each year is, computed from the embedded data (`tiers/data/PROVENANCE.md`,\n")
	fmt.Fprintf(&b, "`tiers.Default().Year(y).Completeness`): every list is known for %s, where a country\n", yearRanges(full))
	fmt.Fprintf(&b, "on no list is `absent`; and for %s from the Kelley research panel and its\n", yearRanges(panel))
	fmt.Fprintf(&b, "supplements, where a country on no list is `absent` only if the panel codes it NA (its\n")
	fmt.Fprintf(&b, "\"not in the report\") and no other source contradicts that. Some absences come from a\n")
	fmt.Fprintf(&b, "source that says so, whatever the year's lists (`tiers/data/status.txt`). An entity that did\n")
	fmt.Fprintf(&b, "not exist in a year is `nonexistent` there, never unknown. Years with more than 5 unknown\n")
	fmt.Fprintf(&b, "countries: %s.\n", strings.Join(many, "; "))
	fmt.Fprintf(&b, "Elsewhere at most a few, each with a `tiers/gap` or `tiers/open` finding saying why\n")
	fmt.Fprintf(&b, "(unknown countries by year: %s). Placements carry their basis: observed,\n", strings.Join(few, ", "))
	fmt.Fprintf(&b, "transcribed, implied by the next report, or derived from counts, not read anywhere (%s).\n", strings.Join(derived, "; "))
	return b.String()
}

// replaceGenerated returns doc with the text between the markers replaced.
func replaceGenerated(t *testing.T, name, doc, text string) string {
	t.Helper()
	i := strings.Index(doc, genBegin)
	j := strings.Index(doc, genEnd)
	if i < 0 || j < i {
		t.Fatalf("%s has no generated section (markers %q … %q)", name, genBegin, genEnd)
	}
	return doc[:i+len(genBegin)] + text + doc[j:]
}

// TestProvenance fails if data/PROVENANCE.md or the README says something
// about the history's completeness that the embedded data does not.
func TestProvenance(t *testing.T) {
	h := Default()
	for _, f := range []struct{ path, text string }{
		{"data/PROVENANCE.md", provenanceText(h)},
		{"../README.md", readmeText(h)},
	} {
		b, err := os.ReadFile(f.path)
		if err != nil {
			t.Fatal(err)
		}
		want := replaceGenerated(t, f.path, string(b), f.text)
		if parsetest.Update() {
			if err := os.WriteFile(f.path, []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if d := cmp.Diff(want, string(b)); d != "" {
			t.Errorf("%s disagrees with the embedded data (-generated +file; go test ./tiers -run TestProvenance -update):\n%s", f.path, d)
		}
	}
}
