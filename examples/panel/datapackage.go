package main

import (
	"encoding/json"
	"runtime/debug"
	"strings"
)

// The Frictionless Data Package descriptor (datapackage.json), v1: a
// tabular data package with one CSV resource and its Table Schema, so that
// R (frictionless), Python (frictionless, pandas) and others read the
// columns with their types. Only the properties the command writes are
// here; https://specs.frictionlessdata.io/ has the rest.
type dataPackage struct {
	Profile     string      `json:"profile"` // "tabular-data-package"
	Name        string      `json:"name"`    // lower case, digits, "-", "_", "."
	Title       string      `json:"title"`
	Description string      `json:"description"`
	Sources     []pkgSource `json:"sources"`
	Tipkit      buildInfo   `json:"tipkit"` // a custom property: the tipkit that wrote the package
	Resources   []resource  `json:"resources"`
}

// A pkgSource is a raw source of the data.
type pkgSource struct {
	Title string `json:"title"`
}

// buildInfo says which tipkit wrote the package.
type buildInfo struct {
	Module   string `json:"module"`
	Version  string `json:"version"`            // the module version, "(devel)" in a work tree
	Revision string `json:"revision,omitempty"` // the VCS commit the binary was built from, where Go recorded it
	Modified bool   `json:"modified,omitempty"` // the work tree had changes
}

// A resource is one table of the package.
type resource struct {
	Profile     string `json:"profile"` // "tabular-data-resource"
	Name        string `json:"name"`
	Path        string `json:"path"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Format      string `json:"format"`
	Mediatype   string `json:"mediatype"`
	Encoding    string `json:"encoding"`
	Schema      schema `json:"schema"`
}

// A schema is a Table Schema.
type schema struct {
	Fields        []field  `json:"fields"`
	MissingValues []string `json:"missingValues"`
	PrimaryKey    []string `json:"primaryKey"`
}

// A field is one column of a Table Schema.
type field struct {
	Name        string       `json:"name"`
	Type        string       `json:"type"`
	Description string       `json:"description"`
	Constraints *constraints `json:"constraints,omitempty"`
}

// constraints are a field's: required, and for a coded column its values
// in their order.
type constraints struct {
	Required bool     `json:"required,omitempty"`
	Enum     []string `json:"enum,omitempty"`
}

// panelSources are the raw sources behind the tables.
var panelSources = []pkgSource{
	{Title: "US Department of State, Trafficking in Persons Report 2023 (tipkit seed 003): tier placements, CSPA list, state-sponsored trafficking, UN TIP Protocol"},
	{Title: "Tier placements 2001–2025 as tipkit embeds them (tiers.Default): the Kelley/Heiss research panel, gvnet, the CIA World Factbook, Presidential Determinations, waiver memoranda and the reports' narratives; each row's file is in column source, its basis in column basis (tiers/data/PROVENANCE.md)"},
	{Title: "CSPA lists 2010–2025 and presidential waivers by fiscal year (cspa.Default)"},
	{Title: "US Department of State, TIP Office project listing as of October 1, 2021 (tipkit seed 000; grants.Default)"},
	{Title: "USAspending, prime awards under assistance listing 19.019, base obligations 2010-09-22 to 2023-08-03 (grants.DefaultAwards; grants/data/awards/PROVENANCE.md)"},
}

// descriptor returns the package's descriptor for table t, whose CSV is
// the file csvName beside it.
func descriptor[R any](t *table[R], csvName string) dataPackage {
	fields := make([]field, len(t.Columns))
	for i, c := range t.Columns {
		f := field{Name: c.Name, Type: c.Type, Description: describe(c)}
		if c.Required || len(c.Enum) > 0 {
			f.Constraints = &constraints{Required: c.Required, Enum: c.Enum}
		}
		fields[i] = f
	}
	return dataPackage{
		Profile:     "tabular-data-package",
		Name:        strings.ReplaceAll(t.Name, "_", "-"),
		Title:       t.Title,
		Description: t.Description + " An empty cell means not known, never no; the codebook (CODEBOOK.md in tipkit's examples/panel) says when each column is empty.",
		Sources:     panelSources,
		Tipkit:      tipkitBuild(),
		Resources: []resource{{
			Profile: "tabular-data-resource", Name: t.Name, Path: csvName,
			Title: t.Title, Description: t.Description,
			Format: "csv", Mediatype: "text/csv", Encoding: "utf-8",
			Schema: schema{Fields: fields, MissingValues: []string{""}, PrimaryKey: t.Key},
		}},
	}
}

// describe is a column's codebook entry in one paragraph.
func describe[R any](c column[R]) string {
	s := sentence(c.Meaning)
	if c.Values != "" {
		s += " Values: " + sentence(c.Values)
	}
	return s + " Empty: " + sentence(c.Missing) + " From: " + sentence(c.Source)
}

// sentence ends s with a period.
func sentence(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "…") {
		return s
	}
	return s + "."
}

// tipkitBuild reads the module version and commit Go recorded in the
// binary; a go run in a work tree has "(devel)" and the commit.
func tipkitBuild() buildInfo {
	b := buildInfo{Module: "github.com/tipkit/tipkit", Version: "unknown"}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return b
	}
	if bi.Main.Path == b.Module && bi.Main.Version != "" {
		b.Version = bi.Main.Version
	}
	for _, dep := range bi.Deps { // the panel built inside another module
		if dep.Path == b.Module {
			b.Version = dep.Version
		}
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Revision = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		}
	}
	return b
}

// marshalDescriptor writes the descriptor as indented JSON.
func marshalDescriptor(p dataPackage) ([]byte, error) {
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
