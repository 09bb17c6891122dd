package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The descriptor as a reader sees it: plain JSON, not our types, so that
// the test checks what was written.
type pkgJSON struct {
	Profile string `json:"profile"`
	Name    string `json:"name"`
	Sources []struct {
		Title string `json:"title"`
	} `json:"sources"`
	Tipkit struct {
		Module  string `json:"module"`
		Version string `json:"version"`
	} `json:"tipkit"`
	Resources []struct {
		Profile string `json:"profile"`
		Name    string `json:"name"`
		Path    string `json:"path"`
		Format  string `json:"format"`
		Schema  struct {
			Fields []struct {
				Name        string `json:"name"`
				Type        string `json:"type"`
				Description string `json:"description"`
				Constraints struct {
					Required bool  `json:"required"`
					Enum     []any `json:"enum"`
				} `json:"constraints"`
			} `json:"fields"`
			MissingValues []string `json:"missingValues"`
			PrimaryKey    []string `json:"primaryKey"`
		} `json:"schema"`
	} `json:"resources"`
}

// The package -format datapackage writes follows the Data Package and
// Table Schema rules (https://specs.frictionlessdata.io/, v1): names of
// the allowed form, field names unique, types valid, primaryKey fields
// that exist and identify the rows, missingValues [""], enum values that
// are strings and hold every value of the data, and every cell valid for
// its field's type.
func TestDataPackage(t *testing.T) {
	for _, table := range []string{"panel", "moves"} {
		t.Run(table, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "tip_"+table)
			output(t, "-format", "datapackage", "-table", table, "-o", dir)
			b, err := os.ReadFile(filepath.Join(dir, "datapackage.json"))
			if err != nil {
				t.Fatal(err)
			}
			var p pkgJSON
			dec := json.NewDecoder(bytes.NewReader(b))
			if err := dec.Decode(&p); err != nil {
				t.Fatal(err)
			}
			checkDescriptor(t, &p, dir)
		})
	}
}

var (
	pkgName    = regexp.MustCompile(`^[a-z0-9._-]+$`)
	validTypes = []string{"string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime", "year", "yearmonth", "duration", "geopoint", "geojson", "any"}
)

func checkDescriptor(t *testing.T, p *pkgJSON, dir string) {
	t.Helper()
	if p.Profile != "tabular-data-package" || !pkgName.MatchString(p.Name) || len(p.Resources) != 1 {
		t.Fatalf("profile %q, name %q, %d resources", p.Profile, p.Name, len(p.Resources))
	}
	if len(p.Sources) == 0 || p.Tipkit.Module != "github.com/tipkit/tipkit" || p.Tipkit.Version == "" {
		t.Errorf("sources %v, tipkit %+v", p.Sources, p.Tipkit)
	}
	r := p.Resources[0]
	if r.Profile != "tabular-data-resource" || !pkgName.MatchString(r.Name) || r.Format != "csv" {
		t.Errorf("resource %q: profile %q, format %q", r.Name, r.Profile, r.Format)
	}
	if filepath.IsAbs(r.Path) || strings.Contains(r.Path, "..") || r.Path != r.Name+".csv" {
		t.Errorf("resource path %q: want a relative path beside the descriptor", r.Path)
	}
	s := r.Schema
	if !slices.Equal(s.MissingValues, []string{""}) {
		t.Errorf("missingValues %q, want [\"\"]", s.MissingValues)
	}
	index := map[string]int{}
	for i, f := range s.Fields {
		if _, dup := index[f.Name]; dup || f.Name == "" {
			t.Errorf("field %q: empty or not unique", f.Name)
		}
		index[f.Name] = i
		if !slices.Contains(validTypes, f.Type) {
			t.Errorf("field %s: type %q is no Table Schema type", f.Name, f.Type)
		}
		if f.Description == "" {
			t.Errorf("field %s: no description", f.Name)
		}
		seen := map[any]bool{}
		for _, v := range f.Constraints.Enum {
			if _, ok := v.(string); !ok || seen[v] || f.Type != "string" {
				t.Errorf("field %s: enum value %v: want unique strings on a string field", f.Name, v)
			}
			seen[v] = true
		}
	}
	if len(s.PrimaryKey) == 0 {
		t.Error("no primaryKey")
	}
	for _, k := range s.PrimaryKey {
		if i, ok := index[k]; !ok || !s.Fields[i].Constraints.Required {
			t.Errorf("primaryKey %q: not a field, or not required", k)
		}
	}
	if i, ok := index["tier"]; ok && !strings.Contains(s.Fields[i].Description, "Tier 1 < Tier 2 < Tier 2 Watch List < Tier 3") {
		t.Errorf("tier: the order is not documented: %s", s.Fields[i].Description)
	}

	// The data, read against the schema.
	f, err := os.Open(filepath.Join(dir, r.Path))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, fl := range s.Fields {
		names = append(names, fl.Name)
	}
	if !slices.Equal(recs[0], names) {
		t.Fatalf("CSV header %v, schema fields %v", recs[0], names)
	}
	if len(recs) < 2 {
		t.Fatal("no rows")
	}
	keys := map[string]bool{}
	for n, rec := range recs[1:] {
		var key []string
		for _, k := range s.PrimaryKey {
			key = append(key, rec[index[k]])
		}
		if k := strings.Join(key, "\x00"); keys[k] {
			t.Errorf("row %d: primary key %v twice", n+2, key)
		} else {
			keys[k] = true
		}
		for i, fl := range s.Fields {
			v := rec[i]
			if slices.Contains(s.MissingValues, v) {
				if fl.Constraints.Required {
					t.Errorf("row %d: %s missing, but required", n+2, fl.Name)
				}
				continue
			}
			var err error
			switch fl.Type {
			case "integer":
				_, err = strconv.Atoi(v)
			case "number":
				_, err = strconv.ParseFloat(v, 64)
			case "boolean":
				if v != "true" && v != "false" {
					err = strconv.ErrSyntax
				}
			}
			if err != nil {
				t.Errorf("row %d: %s = %q is no %s", n+2, fl.Name, v, fl.Type)
			}
			if len(fl.Constraints.Enum) > 0 && !slices.Contains(fl.Constraints.Enum, any(v)) {
				t.Errorf("row %d: %s = %q is not one of the enum %v", n+2, fl.Name, v, fl.Constraints.Enum)
			}
		}
	}
}

// snippets returns the fenced code blocks of the language lang in the
// README's researchers section, in order.
func snippets(t *testing.T, lang string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	start := strings.Index(s, "## Quick start: researchers")
	if start < 0 {
		t.Fatal("README has no researchers section")
	}
	s = s[start:]
	if end := strings.Index(s[3:], "\n## "); end >= 0 {
		s = s[:end+3]
	}
	var out []string
	for _, block := range regexp.MustCompile("(?s)```"+lang+"\n(.*?)```").FindAllStringSubmatch(s, -1) {
		out = append(out, block[1])
	}
	if len(out) == 0 {
		t.Fatalf("README's researchers section has no %s snippet", lang)
	}
	return out
}

// panelDir writes the panel as the README's snippets expect it:
// tip_panel.csv in a directory of its own.
func panelDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "tip_panel.csv"), output(t), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// The README's pandas snippet runs as written on the panel. It needs a
// python3 on PATH that imports pandas, and is skipped otherwise.
func TestREADMEPandas(t *testing.T) {
	code := snippets(t, "python")
	if err := exec.Command("python3", "-c", "import pandas").Run(); err != nil {
		t.Skip("python3 with pandas not found: install pandas to run the README's snippet")
	}
	dir := panelDir(t)
	for _, c := range code {
		cmd := exec.Command("python3", "-")
		cmd.Dir, cmd.Stdin = dir, strings.NewReader(c)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("the README's pandas snippet failed: %v\n%s\n--- snippet:\n%s", err, out, c)
		}
		if len(bytes.TrimSpace(out)) == 0 {
			t.Errorf("the README's pandas snippet printed nothing")
		}
		t.Logf("pandas:\n%s", out)
	}
}

// The README's R snippet runs as written on the panel. It needs Rscript
// on PATH, and is skipped otherwise.
func TestREADMER(t *testing.T) {
	code := snippets(t, "r")
	if _, err := exec.LookPath("Rscript"); err != nil {
		t.Skip("Rscript not found: install R to run the README's snippet")
	}
	dir := panelDir(t)
	for _, c := range code {
		name := filepath.Join(dir, "snippet.R")
		if err := os.WriteFile(name, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("Rscript", name)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("the README's R snippet failed: %v\n%s\n--- snippet:\n%s", err, out, c)
		}
		t.Logf("R:\n%s", out)
	}
}
