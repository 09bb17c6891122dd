package tiers

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tipkit/tipkit/tip"
)

// The Restricted lists of every fiscal year of the history, by size; 0:
// unknown (nil), because the report year's Tier 3 list is not complete.
// FY2017 and FY2020: the 2016 and 2019 lists are not declared complete.
func TestRestrictedSizes(t *testing.T) {
	want := map[tip.FiscalYear]int{
		2002: 23, 2003: 19, 2004: 15, 2005: 10, 2006: 14, 2007: 12, 2008: 16, 2009: 14, 2010: 17, 2011: 13,
		2012: 23, 2013: 17, 2014: 21, 2015: 23, 2016: 23, 2017: 0, 2018: 23, 2019: 22, 2020: 0, 2021: 19,
		2022: 17, 2023: 22, 2024: 24, 2025: 21, 2026: 20,
	}
	h := Default()
	got := map[tip.FiscalYear]int{}
	for fy := tip.FiscalYear(2002); fy <= 2026; fy++ {
		r := Restricted(h, fy)
		if (r == nil) != (want[fy] == 0) {
			t.Errorf("Restricted(FY%d) = %v, want nil: %v", fy, r, want[fy] == 0)
		}
		got[fy] = len(r)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Restricted sizes (-want +got):\n%s", d)
	}
}

// data/replay.md documents the rules replayed over the filled years: its
// table is exactly Check's findings of report years 2018–2025 and the
// earlier ones the fills brought, each classified; its lists are exactly
// Restricted's for FY2019, FY2023, FY2025 and FY2026.
func TestReplayNotes(t *testing.T) {
	md, err := os.ReadFile("data/replay.md")
	if err != nil {
		t.Fatal(err)
	}
	h := Default()
	key := func(year string, c tip.Country, rule, sev string) string {
		return fmt.Sprintf("%s %s %s %s", year, c.ISO3(), rule, sev)
	}
	documented := map[string]string{} // key: class
	var early []string                // the keys of years before 2018
	fromFills := 0                    // the rows marked as the fills' own
	restricted := map[tip.FiscalYear][]tip.Country{}
	for i, line := range strings.Split(string(md), "\n") {
		switch {
		case strings.HasPrefix(line, "| 20"):
			f := strings.Split(line, "|")
			if len(f) != 9 {
				t.Fatalf("replay.md:%d: %d columns", i+1, len(f)-2)
			}
			for j := range f {
				f[j] = strings.TrimSpace(f[j])
			}
			c, err := tip.LookupCountry(f[2])
			if err != nil {
				t.Fatalf("replay.md:%d: %v", i+1, err)
			}
			k := key(f[1], c, "tiers/"+f[3], f[4])
			class := f[5]
			switch {
			case class != "consistent" && class != "rule question" && class != "data conflict":
				t.Errorf("replay.md:%d: class %q", i+1, class)
			case (class == "consistent") != (f[4] == "info"):
				t.Errorf("replay.md:%d: a %s finding classed %s: a note is consistent, a warning a question", i+1, f[4], class)
			case f[7] == "":
				t.Errorf("replay.md:%d: no evidence", i+1)
			}
			if _, dup := documented[k]; dup {
				t.Errorf("replay.md:%d: %s twice", i+1, k)
			}
			documented[k] = class
			if f[6] == "fills" {
				fromFills++
			}
			if f[1] < "2018" {
				early = append(early, k)
			}
		case strings.HasPrefix(line, "- FY"):
			var fy tip.FiscalYear
			if _, err := fmt.Sscanf(line, "- FY%d", &fy); err != nil {
				t.Fatalf("replay.md:%d: %v", i+1, err)
			}
			_, list, _ := strings.Cut(line, "): ")
			for _, name := range strings.Split(list, ", ") {
				c, err := tip.LookupCountry(name)
				if err != nil {
					t.Fatalf("replay.md:%d: %v", i+1, err)
				}
				restricted[fy] = append(restricted[fy], c)
			}
		}
	}
	found := map[string]string{}
	for _, f := range Check(h) {
		k := key(f.Subject, f.Country, f.Rule, f.Severity.String())
		if f.Subject >= "2018" || slices.Contains(early, k) {
			found[k] = documented[k]
		}
	}
	if d := cmp.Diff(documented, found); d != "" {
		t.Errorf("replay.md §1 and Check (-replay.md +Check; an empty class: a finding replay.md does not document):\n%s", d)
	}
	if len(documented) != 36 || fromFills != 18 {
		t.Errorf("replay.md documents %d findings, %d of them the fills', want 36 and 18 (PROVENANCE.md says 18)", len(documented), fromFills)
	}
	want := map[tip.FiscalYear][]tip.Country{}
	for fy := range restricted {
		slices.Sort(restricted[fy])
		want[fy] = Restricted(h, fy)
	}
	if len(restricted) != 4 {
		t.Errorf("replay.md §2 lists %d fiscal years, want 4", len(restricted))
	}
	if d := cmp.Diff(want, restricted); d != "" {
		t.Errorf("Restricted (-code +replay.md):\n%s", d)
	}
}
