// Command panel writes a country-year panel of the TIP data tipkit embeds,
// for R, pandas or a spreadsheet: one row per country of tipkit's table and
// report year 2001–2025, with the tier, the waiver, the CSPA list, the
// state-sponsored list, the Protocol, and the 2021 projects.
//
//	go run ./examples/panel > tip_panel.csv
//	go run ./examples/panel -format json -from 2009 -to 2025 > tip_panel.json
//
// Empty cells mean "not known", never "no": a country no source places or
// rules out has status "unknown", not "absent"; an entity that did not
// exist that year (Serbia and Montenegro after 2006) is "nonexistent", with
// every other cell of its row empty. The columns are described in the
// README ("Country-year panel") and in columns below.
package main

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/tipkit/tipkit/cspa"
	"github.com/tipkit/tipkit/grants"
	"github.com/tipkit/tipkit/tiers"
	"github.com/tipkit/tipkit/tip"
)

// columns, in order, with what each holds (also in the README).
var columns = []struct{ name, doc string }{
	{"country", "State Department short name"},
	{"iso3", "ISO 3166-1 alpha-3"},
	{"genc3", "GENC 3-letter code (US government; Kosovo XKS)"},
	{"cow", "Correlates of War code; empty where none"},
	{"bureau", "State Department regional bureau: AF, EAP, EUR, NEA, SCA, WHA; empty where the table has none"},
	{"year", "TIP Report year"},
	{"status", "placed | absent (a source says it is not in the report: the year's full lists, or the research panel's NA) | unknown (no source says either) | nonexistent (the entity did not exist that year)"},
	{"tier", "Tier 1 | Tier 2 | Tier 2 Watch List | Tier 3 | Special Case; empty unless placed"},
	{"tier_score", "Kelley's Scorecard Diplomacy code 1, 2, 2.5, 3; empty for Special Case and unless placed"},
	{"waiver", "true where a waiver of the automatic downgrade is documented that year; empty otherwise (no documented waiver is not proof of none)"},
	{"cspa_listed", "true/false: on the CSPA list of that report year; where the list is partial (2012) only true is known and the rest is empty; empty where it was not found (2025), and before 2010"},
	{"state_sponsored", "true/false: a documented government policy or pattern of trafficking; empty for years whose report tipkit does not embed (all but 2023)"},
	{"protocol_party", "true/false: party to the UN TIP Protocol per that year's report; empty except 2023"},
	{"projects", "TIP Office projects naming the country in the listing as of October 1, 2021; on 2021 rows only, and empty where no listed project names the country (the listing shows 84 of the 110 projects it claims, so 0 is not known)"},
	{"project_amount", "their full amounts in USD, two decimals, on 2021 rows only (a regional project counts in full for each country); empty where projects is"},
	{"source", "the file the placement comes from: seed 003, years/2010.txt, extra/2004.txt, fills/2022-derived.txt, …"},
	{"basis", "how the placement is known: observed (the report or an official document), transcribed (a third party's copy), implied (the next report's narrative), derived (inferred from counts, not read anywhere)"},
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("panel", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "csv", "csv or json")
	from := fs.Int("from", 2001, "first report year")
	to := fs.Int("to", 2025, "last report year")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *from > *to || *from < 2001 || *to > 2025 {
		fmt.Fprintf(stderr, "panel: years %d–%d: tipkit embeds 2001–2025\n", *from, *to)
		return 2
	}
	rows := build(tip.ReportYear(*from), tip.ReportYear(*to))
	var err error
	switch *format {
	case "csv":
		err = writeCSV(stdout, rows)
	case "json":
		err = writeJSON(stdout, rows)
	default:
		fmt.Fprintf(stderr, "panel: -format %q: want csv or json\n", *format)
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, "panel:", err)
		return 1
	}
	return 0
}

// A row holds its cells as text, "" for unknown, in columns order.
type row []string

func boolCell(v, known bool) string {
	if !known {
		return ""
	}
	return strconv.FormatBool(v)
}

func build(from, to tip.ReportYear) []row {
	h := tiers.Default()
	cd := cspa.Default()
	rep := tiers.DefaultReport()
	nonParty := map[tip.Country]bool{}
	for _, l := range rep.NotProtocolParty {
		nonParty[l.Country] = true
	}
	listing := grants.Default()
	byCountry := map[tip.Country]grants.CountryTotal{}
	for _, ct := range listing.ByCountry() {
		byCountry[ct.Country] = ct
	}
	var rows []row
	for _, c := range tip.Countries() {
		for y := from; y <= to; y++ {
			p, st := h.At(c, y)
			r := row{c.Name(), c.ISO3(), c.GENC3(), "", "", strconv.Itoa(int(y)), st.String(), "", "", "", "", "", "", "", "", "", ""}
			if c.COW() != 0 {
				r[3] = strconv.Itoa(c.COW())
			}
			if c.Bureau() != tip.BureauUnknown {
				r[4] = c.Bureau().String()
			}
			if st == tiers.StatusNonexistent {
				rows = append(rows, r) // nothing else is known of an entity that did not exist
				continue
			}
			if st == tiers.StatusPlaced {
				r[7] = p.Tier.String()
				if s, ok := p.Tier.Score(); ok {
					r[8] = strconv.FormatFloat(s, 'f', -1, 64)
				}
				r[15] = p.Source
				r[16] = p.Basis.String()
			}
			if h.Waived(c, y) {
				r[9] = "true"
			}
			if y >= 2010 {
				r[10] = boolCell(cd.Listed(c, y))
			}
			if yr := h.Year(y); yr != nil && yr.StateSponsored != nil {
				ss := false
				for _, x := range yr.StateSponsored {
					ss = ss || x == c
				}
				r[11] = strconv.FormatBool(ss)
			}
			if y == rep.Year && st == tiers.StatusPlaced {
				r[12] = strconv.FormatBool(!nonParty[c])
			}
			// The listing shows some of the projects it claims: a country
			// no listed project names may have others, so 0 is not known.
			if ct := byCountry[c]; y == 2021 && ct.Projects > 0 {
				r[13] = strconv.Itoa(ct.Projects)
				r[14] = tip.FormatAmount(ct.Amount)
			}
			rows = append(rows, r)
		}
	}
	return rows
}

func writeCSV(w io.Writer, rows []row) error {
	cw := csv.NewWriter(w)
	head := make([]string, len(columns))
	for i, c := range columns {
		head[i] = c.name
	}
	cw.Write(head)
	for _, r := range rows {
		cw.Write(r)
	}
	cw.Flush()
	return cw.Error()
}

// writeJSON writes an array of objects with the CSV's column names;
// numbers are numbers, unknown cells are null, amounts stay strings so no
// reader turns them into floats.
func writeJSON(w io.Writer, rows []row) error {
	out := make([]map[string]any, 0, len(rows))
	for _, r := range rows {
		m := make(map[string]any, len(columns))
		for i, c := range columns {
			v := r[i]
			switch {
			case v == "":
				m[c.name] = nil
			case c.name == "year" || c.name == "cow" || c.name == "projects":
				n, _ := strconv.Atoi(v)
				m[c.name] = n
			case c.name == "tier_score":
				f, _ := strconv.ParseFloat(v, 64)
				m[c.name] = f
			case v == "true" || v == "false":
				m[c.name] = v == "true"
			default:
				m[c.name] = v
			}
		}
		out = append(out, m)
	}
	enc := json.NewEncoder(w)
	return enc.Encode(out)
}
