// Command panel writes the TIP data tipkit embeds as a country-year panel
// for R, pandas, Stata or a spreadsheet: one row per country of tipkit's
// table and report year 2001–2025, with the tier, its lag and move, the
// rules' state that year (Watch List run, automatic downgrade, waiver,
// special watch list, restrictions), the CSPA list and its bar, and the
// TIP Office's projects and awards. With -table moves it writes the long
// table of changes instead: one row per country and year of change.
//
//	go run ./examples/panel > tip_panel.csv
//	go run ./examples/panel -format jsonl -from 2009 > tip_panel.jsonl
//	go run ./examples/panel -format datapackage -o tip_panel   # tip_panel/tip_panel.csv and datapackage.json
//	go run ./examples/panel -table moves > tip_moves.csv
//
// Empty cells mean "not known", never "no". Every value comes from an
// exported tipkit function; CODEBOOK.md, generated from the column
// definitions (columns.go) the tables are written with, says what each
// column holds, when it is empty, and the function and rule it comes
// from. Files are written only where -o says; without it, to standard
// output.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/tipkit/tipkit/tiers"
	"github.com/tipkit/tipkit/tip"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("panel", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "csv", "csv, json, jsonl (JSON Lines) or datapackage (a directory: the CSV and datapackage.json)")
	which := fs.String("table", "panel", "panel (country × year) or moves (one row per change of place)")
	from := fs.Int("from", 2001, "first report year")
	to := fs.Int("to", 2025, "last report year")
	out := fs.String("o", "", "the file to write (csv, json, jsonl; standard output if empty), or the directory (datapackage)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	usage := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "panel: "+format+"\n", args...)
		return 2
	}
	switch {
	case fs.NArg() > 0:
		return usage("unexpected argument %q", fs.Arg(0))
	case *from > *to || *from < 2001 || *to > 2025:
		return usage("years %d–%d: tipkit embeds 2001–2025", *from, *to)
	case !slices.Contains([]string{"csv", "json", "jsonl", "datapackage"}, *format):
		return usage("-format %q: want csv, json, jsonl or datapackage", *format)
	case *format == "datapackage" && *out == "":
		return usage("-format datapackage needs -o DIR, the directory to write the package to")
	}
	s := loadSources()
	y0, y1 := tip.ReportYear(*from), tip.ReportYear(*to)
	var err error
	switch *which {
	case "panel":
		err = write(panelTable(s.panelRows(tip.Countries(), y0, y1), y0, y1), panelKeep, *format, *out, stdout)
	case "moves":
		err = write(movesTable(s.moveRows(y0, y1), y0, y1), func(*tiers.Change) bool { return true }, *format, *out, stdout)
	default:
		return usage("-table %q: want panel or moves", *which)
	}
	if err != nil {
		fmt.Fprintln(stderr, "panel:", err)
		return 1
	}
	return 0
}

// panelTable is the panel of report years from to to, with its rows.
func panelTable(rows []countryYear, from, to tip.ReportYear) *table[countryYear] {
	return &table[countryYear]{
		Name:  "tip_panel",
		Title: fmt.Sprintf("TIP Report country-year panel, %d–%d", from, to),
		Description: "One row per entity the TIP Reports place (tipkit's tip.Countries(), 191) and report year: " +
			"the tier, its lag and move within the country, the rules' state that year, the CSPA list and the TIP Office's projects and awards.",
		Key:     []string{"iso3", "year"},
		Columns: panelColumns(),
		Rows:    rows,
	}
}

// panelKeep says whether a panel row has more than its identity: not for
// an entity that did not exist that year.
func panelKeep(r *countryYear) bool { return r.Status != tiers.StatusNonexistent }

// movesTable is the table of the moves into the report years from to
// to, with its rows.
func movesTable(rows []tiers.Change, from, to tip.ReportYear) *table[tiers.Change] {
	return &table[tiers.Change]{
		Name:  "tip_moves",
		Title: fmt.Sprintf("TIP Report changes of place into the report years %d–%d", from, to),
		Description: "One row per country and report year in which its place in the report changed from the year before " +
			"(a change of tier, an entry into the report, an exit from it), for event-history models; " +
			"a year unknown for the country on either side gives no row.",
		Key:     []string{"iso3", "year"},
		Columns: moveColumns(),
		Rows:    rows,
	}
}

// write writes the table in the format, to the file or directory out, or
// to stdout if out is empty.
func write[R any](t *table[R], keep func(*R) bool, format, out string, stdout io.Writer) error {
	recs := t.records(keep)
	encode := func(w io.Writer) error {
		switch format {
		case "csv", "datapackage":
			return writeCSV(w, t.header(), recs)
		case "json":
			return writeJSON(w, t.Columns, recs, false)
		}
		return writeJSON(w, t.Columns, recs, true) // jsonl: run checked the format
	}
	switch {
	case format == "datapackage":
		if err := os.MkdirAll(out, 0o755); err != nil {
			return err
		}
		name := t.Name + ".csv"
		if err := writeFile(filepath.Join(out, name), encode); err != nil {
			return err
		}
		b, err := marshalDescriptor(descriptor(t, name))
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(out, "datapackage.json"), b, 0o644)
	case out != "":
		return writeFile(out, encode)
	}
	return encode(stdout)
}

// writeFile writes the file name with encode.
func writeFile(name string, encode func(io.Writer) error) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := encode(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
