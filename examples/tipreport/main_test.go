package main

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestRunDefault(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run(nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	s := out.String()
	for _, want := range []string{
		"TIERS 2023",
		"  Tier 2 Watch List  26   complete  25 observed, 1 transcribed",
		"STATE-SPONSORED TRAFFICKING",
		"  11: Afghanistan; Burma;",
		"CSPA LIST 2023 (full)\n  17: ",
		"RESTRICTED IN FY2024",
		"Tier 3 (TVPA, unless waived) — 24:",
		"Russia                             waived: DCS lifted in part",
		"84 projects listed, $93,092,054.00",
		"IOM    18  $19,746,445.00",
		"seed 003:966:7: error: tiers/one-placement: Montenegro is on Tier 2 (line 900) and Tier 2 Watch List (line 966)",
		"seed 000:258:42: warning: grants/unresolved-place: \"MENA\"",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestRunJSONAndYears(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"-json", "-year", "2013"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var r report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if r.Year != 2013 || r.StateSponsored != nil || r.CSPA.Status != "full" || len(r.CSPA.Countries) != 10 || len(r.Restricted.Tier3) != 21 {
		t.Errorf("2013 JSON: year %d, %d CSPA (%s), %d Tier 3", r.Year, len(r.CSPA.Countries), r.CSPA.Status, len(r.Restricted.Tier3))
	}
	// Years are numbers in JSON, and the 2021 project listing is not
	// presented as 2013's: it is compared with the 2021 report's lists.
	var raw struct {
		Year       any `json:"year"`
		Restricted struct {
			FiscalYear any `json:"fiscal_year"`
		} `json:"restricted"`
		Projects struct {
			Note      string `json:"note"`
			TiersYear any    `json:"tiers_year"`
		} `json:"projects"`
	}
	if err := json.Unmarshal(out.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	if raw.Year != 2013.0 || raw.Restricted.FiscalYear != 2014.0 || raw.Projects.TiersYear != 2021.0 {
		t.Errorf("JSON years: %#v, %#v, %#v; want the numbers 2013, 2014, 2021", raw.Year, raw.Restricted.FiscalYear, raw.Projects.TiersYear)
	}
	if !strings.Contains(raw.Projects.Note, "the only project listing embedded") {
		t.Errorf("projects note = %q", raw.Projects.Note)
	}
	for _, list := range [][]string{r.StateSponsored, r.CSPA.Countries} {
		if !slices.IsSorted(list) {
			t.Errorf("not in alphabetical order: %q", list)
		}
	}
	out.Reset()
	if code := run([]string{"-year", "2019"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "Tier 3: the year's Tier 3 list is not fully known") {
		t.Errorf("2019: exit %d\n%s", code, out.String())
	}
	// A year with derived placements says which and how many.
	out.Reset()
	if code := run([]string{"-year", "2022"}, &out, &errb); code != 0 ||
		!strings.Contains(out.String(), "  Tier 2             99  complete  5 transcribed, 94 derived") ||
		!strings.Contains(out.String(), "derived: inferred from counts and movements, not read in any report") {
		t.Errorf("2022: exit %d\n%s", code, out.String())
	}
	// Implied placements too; the findings that rest on them say so.
	out.Reset()
	if code := run([]string{"-year", "2019"}, &out, &errb); code != 0 ||
		!strings.Contains(out.String(), "implied: read in the next report's narrative") ||
		!strings.Contains(out.String(), "a rule finding that rests on such a row says so") {
		t.Errorf("2019: exit %d\n%s", code, out.String())
	}
	if code := run([]string{"-year", "1999"}, &out, &errb); code != 2 {
		t.Errorf("1999: exit %d, want 2", code)
	}
}

// The TIP Office awards of the year's fiscal year, with their coverage:
// known for 2022, a lower bound for 2023, unknown before the record.
func TestRunAwards(t *testing.T) {
	for _, c := range []struct {
		year string
		want []string
	}{
		{"2022", []string{"TIP OFFICE AWARDS IN FY2022", "coverage: near-complete", "33 awards, $62,301,001.00", "    global/HQ          2   $2,000,000.00"}},
		{"2023", []string{"coverage: partial", "the figures are lower bounds", "17 awards, $20,745,000.00"}},
		{"2005", []string{"TIP OFFICE AWARDS IN FY2005", "unknown, not zero"}},
	} {
		var out, errb bytes.Buffer
		if code := run([]string{"-year", c.year}, &out, &errb); code != 0 {
			t.Fatalf("%s: exit %d: %s", c.year, code, errb.String())
		}
		for _, w := range c.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%s: output lacks %q", c.year, w)
			}
		}
	}
	var out, errb bytes.Buffer
	if code := run([]string{"-json", "-year", "2021"}, &out, &errb); code != 0 {
		t.Fatal(errb.String())
	}
	var r report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if a := r.Awards; a.FiscalYear != 2021 || !a.Known || a.Awards != 35 || a.Amount != "53374448.00" {
		t.Errorf("2021 awards: %+v", a)
	}
}
