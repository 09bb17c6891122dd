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
		"  Tier 2 Watch List  26",
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
	if code := run([]string{"-year", "2018"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "Tier 3: the year's Tier 3 list is not fully known") {
		t.Errorf("2018: exit %d\n%s", code, out.String())
	}
	if code := run([]string{"-year", "1999"}, &out, &errb); code != 2 {
		t.Errorf("1999: exit %d, want 2", code)
	}
}
