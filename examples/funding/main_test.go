package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runJSON runs the command with -json and args, and decodes its object.
func runJSON(t *testing.T, args ...string) map[string]any {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(append([]string{"-json"}, args...), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var m map[string]any
	d := json.NewDecoder(&out)
	d.UseNumber()
	if err := d.Decode(&m); err != nil {
		t.Fatal(err)
	}
	return m
}

// The JSON's fixed fields on the embedded record: the figures.
func TestFundingJSON(t *testing.T) {
	m := runJSON(t)
	if m["awards"] != json.Number("248") || m["total"] != "400182650.41" || m["other_listings"] != json.Number("0") {
		t.Errorf("awards %v, total %v, other listings %v", m["awards"], m["total"], m["other_listings"])
	}
	years := m["by_fiscal_year"].([]any)
	if len(years) != 14 {
		t.Fatalf("%d fiscal years, want FY2010–FY2023", len(years))
	}
	var fy2022 map[string]any
	for _, y := range years {
		if y := y.(map[string]any); y["fiscal_year"] == json.Number("2022") {
			fy2022 = y
		}
	}
	if fy2022["awards"] != json.Number("33") || fy2022["amount"] != "62301001.00" || fy2022["coverage"] != "near-complete" {
		t.Errorf("FY2022: %v", fy2022)
	}
	// The tiers of FY2022's awards add up to its total.
	n := 0
	for _, g := range fy2022["by_tier"].([]any) {
		c, _ := g.(map[string]any)["awards"].(json.Number).Int64()
		n += int(c)
	}
	if n != 33 {
		t.Errorf("FY2022's groups hold %d awards", n)
	}
	findings := m["findings"].([]any)
	rules := map[string]int{}
	for _, f := range findings {
		f := f.(map[string]any)
		if f["message"] == "" {
			t.Errorf("finding without a message: %v", f)
		}
		rules[f["rule"].(string)]++
	}
	if len(findings) != 37 || rules["grants/award-usa-no-state"] != 10 || rules["grants/award-aut-headquarters"] != 9 || rules["grants/award-not-tip"] != 1 ||
		rules["grants/award-null-type"] != 2 || rules["grants/award-amount-not-positive"] != 4 {
		t.Errorf("%d findings: %v", len(findings), rules)
	}
}

func TestFundingText(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run(nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{
		"248 awards, $400,182,650.41",
		"FY2022       near-complete  33      $62,301,001.00",
		"FY2023       partial        17",
		"grants/award-usa-no-state            10",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// -in reads a download told apart by content; lax keeps the good awards
// and lists what it could not read; -strict fails on it.
func TestFundingIn(t *testing.T) {
	fixture := filepath.Join("..", "..", "testdata", "awards", "transaction_download.csv")
	m := runJSON(t, "-in", fixture)
	if m["awards"] != json.Number("3") || m["other_listings"] != json.Number("1") || m["total"] != "3786528.37" {
		t.Errorf("transaction download: awards %v, other %v, total %v", m["awards"], m["other_listings"], m["total"])
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`[{"Award ID": "A", "Award Amount": 1.0, "Base Obligation Date": "2021-07-30", "CFDA Number": "19.019", "Place of Performance Country Code": "KEN"},
 {"Award ID": "B", "Award Amount": "1,095,000", "Base Obligation Date": "2021-07-30", "CFDA Number": "19.019"}]`), 0o644)
	m = runJSON(t, "-in", bad)
	if m["awards"] != json.Number("1") || len(m["errors"].([]any)) != 1 {
		t.Errorf("lax: %v awards, errors %v", m["awards"], m["errors"])
	}
	var out, errb bytes.Buffer
	if code := run([]string{"-strict", "-in", bad}, &out, &errb); code != 1 || !strings.Contains(errb.String(), bad+":2:36: record 2: Award Amount: invalid amount") {
		t.Errorf("-strict: exit %d, %q", code, errb.String())
	}
	if code := run([]string{"-in", filepath.Join(t.TempDir(), "none.csv")}, &out, &errb); code != 2 {
		t.Errorf("a missing file: exit %d", code)
	}
}
