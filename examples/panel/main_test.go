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
		{"DEU", "2018", "status", "unknown"},
		{"DEU", "2018", "tier", ""},
		{"THA", "2015", "waiver", ""},
		{"TUN", "2015", "waiver", "true"},
		{"TUR", "2023", "cspa_listed", "true"},
		{"CHL", "2023", "cspa_listed", "false"},
		{"CHL", "2020", "cspa_listed", ""},
		{"PRK", "2023", "state_sponsored", "true"},
		{"PRK", "2023", "protocol_party", "false"},
		{"PRK", "2022", "state_sponsored", ""},
		{"LAO", "2021", "projects", "5"},
		{"LAO", "2022", "projects", ""},
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
