package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"testing"
)

func TestPanelCSV(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run(nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	recs, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1+191*25 {
		t.Fatalf("%d rows, want 1 header + 191 countries × 25 years", len(recs))
	}
	if len(recs[0]) != len(columns) {
		t.Fatalf("header %v", recs[0])
	}
	col := map[string]int{}
	for i, c := range recs[0] {
		col[c] = i
	}
	cell := func(iso3, year, name string) string {
		for _, r := range recs[1:] {
			if r[col["iso3"]] == iso3 && r[col["year"]] == year {
				return r[col[name]]
			}
		}
		t.Fatalf("no row %s %s", iso3, year)
		return ""
	}
	tests := []struct{ iso3, year, col, want string }{
		{"MYS", "2014", "tier", "Tier 3"},
		{"MYS", "2014", "tier_score", "3"},
		{"MNE", "2023", "tier", "Tier 2 Watch List"},
		{"DOM", "2023", "source", "years/2023.txt"},
		{"LBY", "2023", "tier", "Special Case"},
		{"LBY", "2023", "tier_score", ""},
		{"DEU", "2018", "status", "placed"},
		{"DEU", "2018", "basis", "observed"},
		{"DEU", "2018", "source", "fills/2018.txt"},
		{"USA", "2010", "tier", "Tier 1"}, // the research panel leaves it out; the 2010 report ranks it
		{"USA", "2010", "basis", "observed"},
		{"USA", "2009", "status", "absent"},  // "the 2010 report is the first to rank the United States"
		{"BTN", "2010", "status", "absent"},  // the research panel's NA
		{"TLS", "2010", "status", "unknown"}, // the panel's NA for it is contradicted in other years
		{"KIR", "2018", "status", "unknown"}, // no 2018 chapter, and no source says it was not in the report
		{"ANT", "2011", "status", "nonexistent"},
		{"ANT", "2011", "cspa_listed", ""},
		{"SCG", "2023", "state_sponsored", ""},
		{"NGA", "2022", "basis", "derived"},
		{"NZL", "2017", "basis", "implied"},
		{"DEU", "2010", "basis", "transcribed"},
		{"DEU", "2010", "source", "years/2010.txt"},
		{"KIR", "2023", "status", "absent"},
		{"MMR", "2011", "cspa_listed", "true"}, // 2011 complete with fills/cspa: six governments
		{"CHL", "2011", "cspa_listed", "false"},
		{"IRN", "2020", "cspa_listed", "true"}, // 2020 complete with fills/cspa: fourteen
		{"MMR", "2012", "cspa_listed", "true"}, // 2012 partial: true is known
		{"CHL", "2012", "cspa_listed", ""},     // and false is not
		{"CHL", "2025", "cspa_listed", ""},     // not found
		{"THA", "2015", "waiver", ""},
		{"TUN", "2015", "waiver", "true"},
		{"TUR", "2023", "cspa_listed", "true"},
		{"CHL", "2023", "cspa_listed", "false"},
		{"CHL", "2020", "cspa_listed", "false"},
		{"PRK", "2023", "state_sponsored", "true"},
		{"PRK", "2023", "protocol_party", "false"},
		{"PRK", "2022", "state_sponsored", ""},
		{"LAO", "2021", "projects", "5"},
		{"LAO", "2022", "projects", ""},
		{"NOR", "2021", "projects", ""}, // no listed project names it: 0 is not known
		{"NOR", "2021", "project_amount", ""},
		{"XKX", "2023", "genc3", "XKS"},
		{"USA", "2023", "tier", "Tier 1"},
	}
	for _, tt := range tests {
		if got := cell(tt.iso3, tt.year, tt.col); got != tt.want {
			t.Errorf("%s %s %s = %q, want %q", tt.iso3, tt.year, tt.col, got, tt.want)
		}
	}
	placed := 0
	for _, r := range recs[1:] {
		if r[col["year"]] == "2023" && r[col["status"]] == "placed" {
			placed++
		}
	}
	if placed != 188 {
		t.Errorf("2023: %d placed rows, want 188", placed)
	}
	// Only 2001 and 2002 have more than 5 unknown rows; a 2021 row has a
	// project count only where a listed project names the country.
	unknown := map[string]int{}
	withProjects := 0
	for _, r := range recs[1:] {
		if r[col["status"]] == "unknown" {
			unknown[r[col["year"]]]++
		}
		if r[col["year"]] == "2021" && r[col["projects"]] != "" {
			withProjects++
			if r[col["projects"]] == "0" {
				t.Errorf("%s 2021: projects 0", r[col["country"]])
			}
		}
	}
	for y, n := range unknown {
		if n > 5 && y != "2001" && y != "2002" {
			t.Errorf("%s: %d unknown rows", y, n)
		}
	}
	if withProjects != 94 {
		t.Errorf("2021: %d rows with projects, want 94 (the countries the listing names)", withProjects)
	}
}

func TestPanelJSON(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"-format", "json", "-from", "2023", "-to", "2023"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var rows []map[string]any
	if err := json.Unmarshal(out.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 191 {
		t.Fatalf("%d rows", len(rows))
	}
	for _, r := range rows {
		if r["iso3"] == "BOL" && (r["tier_score"] != 2.5 || r["year"] != float64(2023) || r["waiver"] != nil) {
			t.Errorf("Bolivia 2023 = %v", r)
		}
	}
	if code := run([]string{"-from", "1990"}, &out, &errb); code != 2 {
		t.Errorf("-from 1990: exit %d", code)
	}
}
