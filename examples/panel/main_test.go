package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tipkit/tipkit/tiers"
	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse/parsetest"
)

// output runs the command with args and returns what it wrote.
func output(t *testing.T, args ...string) []byte {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(args, &out, &errb); code != 0 {
		t.Fatalf("panel %v: exit %d: %s", args, code, errb.String())
	}
	return out.Bytes()
}

// A csvTable is a CSV the command wrote, read back.
type csvTable struct {
	head []string
	col  map[string]int
	rows [][]string
}

func readTable(t *testing.T, b []byte) *csvTable {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	tb := &csvTable{head: recs[0], col: map[string]int{}, rows: recs[1:]}
	for i, c := range recs[0] {
		tb.col[c] = i
	}
	return tb
}

// cell is the row's cell in the named column.
func (tb *csvTable) cell(t *testing.T, r []string, name string) string {
	t.Helper()
	i, ok := tb.col[name]
	if !ok {
		t.Fatalf("no column %q", name)
	}
	return r[i]
}

// byKey indexes the rows by iso3 and year.
func (tb *csvTable) byKey(t *testing.T) map[[2]string][]string {
	t.Helper()
	m := map[[2]string][]string{}
	for _, r := range tb.rows {
		k := [2]string{tb.cell(t, r, "iso3"), tb.cell(t, r, "year")}
		if _, dup := m[k]; dup {
			t.Fatalf("two rows for %v", k)
		}
		m[k] = r
	}
	return m
}

// The embedded panel, written once for the tests that read it.
var panelCSV = func() func(t *testing.T) *csvTable {
	var b []byte
	return func(t *testing.T) *csvTable {
		if b == nil {
			b = output(t)
		}
		return readTable(t, b)
	}
}()

func TestPanelCSV(t *testing.T) {
	tb := panelCSV(t)
	if len(tb.rows) != 191*25 {
		t.Fatalf("%d rows, want 191 countries × 25 years", len(tb.rows))
	}
	var names []string
	for _, c := range panelColumns() {
		names = append(names, c.Name)
	}
	if d := cmp.Diff(names, tb.head); d != "" {
		t.Fatalf("header mismatch (-columns +header):\n%s", d)
	}
	rows := tb.byKey(t)
	tests := []struct{ iso3, year, col, want, reason string }{
		{"MYS", "2014", "tier", "Tier 3", ""},
		{"MYS", "2014", "tier_score", "3", ""},
		{"MNE", "2023", "tier", "Tier 2 Watch List", "printed on two tiers; the corrected history keeps the Watch List"},
		{"DOM", "2023", "source", "years/2023.txt", ""},
		{"LBY", "2023", "tier", "Special Case", ""},
		{"LBY", "2023", "tier_score", "", "Special Case has no score"},
		{"DEU", "2018", "status", "placed", ""},
		{"DEU", "2018", "basis", "observed", ""},
		{"DEU", "2018", "source", "fills/2018.txt", ""},
		{"USA", "2010", "tier", "Tier 1", "the research panel leaves it out; the 2010 report ranks it"},
		{"USA", "2010", "basis", "observed", ""},
		{"USA", "2009", "status", "absent", "the 2010 report is the first to rank the United States"},
		{"BTN", "2010", "status", "absent", "the research panel's NA"},
		{"TLS", "2010", "status", "unknown", "the panel's NA for it is contradicted in other years"},
		{"KIR", "2018", "status", "unknown", "no 2018 chapter, and no source says it was not in the report"},
		{"ANT", "2011", "status", "nonexistent", ""},
		{"ANT", "2011", "cspa_listed", "", "a nonexistent row is empty"},
		{"ANT", "2011", "in_report", "", "a nonexistent row is empty"},
		{"ANT", "2011", "cow", "", "the Netherlands Antilles have no COW code"},
		{"SCG", "2023", "state_sponsored", "", ""},
		{"NGA", "2022", "basis", "derived", ""},
		{"NZL", "2017", "basis", "implied", ""},
		{"DEU", "2010", "basis", "transcribed", ""},
		{"DEU", "2010", "source", "years/2010.txt", ""},
		{"KIR", "2023", "status", "absent", ""},
		{"MMR", "2011", "cspa_listed", "true", "2011 complete with fills/cspa: six governments"},
		{"CHL", "2011", "cspa_listed", "false", ""},
		{"IRN", "2020", "cspa_listed", "true", "2020 complete with fills/cspa: fourteen"},
		{"MMR", "2012", "cspa_listed", "true", "2012 partial: true is known"},
		{"CHL", "2012", "cspa_listed", "", "and false is not"},
		{"CHL", "2025", "cspa_listed", "", "not found"},
		{"THA", "2015", "waiver", "", ""},
		{"TUN", "2015", "waiver", "true", ""},
		{"TUR", "2023", "cspa_listed", "true", ""},
		{"CHL", "2023", "cspa_listed", "false", ""},
		{"CHL", "2020", "cspa_listed", "false", ""},
		{"PRK", "2023", "state_sponsored", "true", ""},
		{"PRK", "2023", "protocol_party", "false", ""},
		{"PRK", "2022", "state_sponsored", "", ""},
		{"LAO", "2021", "projects", "5", ""},
		{"LAO", "2022", "projects", "", ""},
		{"NOR", "2021", "projects", "", "no listed project names it: 0 is not known"},
		{"NOR", "2021", "project_amount", "", ""},
		{"XKX", "2023", "genc3", "XKS", ""},
		{"USA", "2023", "tier", "Tier 1", ""},

		// The researchers' variables.
		{"USA", "2009", "in_report", "false", ""},
		{"TLS", "2010", "in_report", "", "unknown"},
		{"LBY", "2023", "in_report", "true", "a Special Case is in the report"},
		{"MYS", "2014", "tier_prev", "Tier 2 Watch List", ""},
		{"MYS", "2014", "tier_score_prev", "2.5", ""},
		{"MYS", "2014", "move", "down", ""},
		{"MYS", "2014", "auto_downgrade", "true", "Watch List 2010–2013: two years and two waivers"},
		{"MYS", "2013", "watch_years", "4", ""},
		{"MYS", "2013", "waiver_available_next", "false", "both waivers used: up to Tier 2 or down to Tier 3"},
		{"MYS", "2011", "waiver_available_next", "true", "two Watch List years: a waiver is the way to stay"},
		{"MYS", "2021", "auto_downgrade", "true", "Watch List 2018–2020 under the 2019 rule: one waiver"},
		{"MYS", "2014", "restricted_next_fy", "true", "Tier 3: restricted in FY2015"},
		{"MYS", "2001", "tier_prev", "", "no report before 2001"},
		{"MYS", "2001", "move", "", ""},
		{"RUS", "2008", "watch_years", "", "the statute counts no Watch List years before the 2009 report"},
		{"RUS", "2009", "watch_years", "1", "the count starts with the 2009 report"},
		{"RUS", "2013", "auto_downgrade", "true", ""},
		{"RUS", "2014", "auto_downgrade", "false", "Tier 3 after Tier 3"},
		{"SSD", "2015", "auto_downgrade", "", "after two Watch List years a waiver was still possible: automatic or on the merits"},
		{"SSD", "2012", "move", "entered", "its first report"},
		{"SSD", "2012", "tier_prev", "", "it did not exist in 2011"},
		{"SCG", "2007", "status", "nonexistent", ""},
		{"SCG", "2007", "move", "exited", "the first year it no longer existed"},
		{"SCG", "2006", "move", "same", ""},
		{"LBY", "2016", "move", "unranked", "Tier 3 to Special Case"},
		{"LBY", "2017", "tier_prev", "Special Case", ""},
		{"LBY", "2017", "tier_score_prev", "", "Special Case has no score"},
		{"TLS", "2011", "move", "", "2010 is unknown: a gap is not an entry"},
		{"USA", "2010", "move", "entered", ""},
		{"USA", "2023", "years_in_report", "14", "2010–2023"},
		{"LBY", "2023", "years_in_report", "", "2001 is unknown for Libya"},
		{"DEU", "2022", "special_watch", "true", "up from Tier 2 to Tier 1"},
		{"DEU", "2003", "special_watch", "", "no special watch list before 2004"},
		{"TUR", "2023", "cspa_barred_next_fy", "true", "the 2023 list bars FY2024"},
		{"TUR", "2023", "cspa_waiver_next_fy", "full", "PD No. 2024-06, after a partial waiver"},
		{"RUS", "2023", "cspa_waiver_next_fy", "partial", "solely DCS for the International Space Station"},
		{"AFG", "2023", "cspa_waiver_next_fy", "none", "FY2024's waivers name others"},
		{"MMR", "2018", "cspa_barred_next_fy", "true", ""},
		{"MMR", "2018", "cspa_waiver_next_fy", "", "no FY2019 waiver is documented"},
		{"CHL", "2023", "cspa_waiver_next_fy", "", "not barred"},
		{"NPL", "2020", "awards", "1", "FY2020 near-complete"},
		{"NPL", "2020", "award_amount", "1500000.00", ""},
		{"TCD", "2020", "awards", "0", "a known zero in a near-complete year"},
		{"TCD", "2020", "award_amount", "0.00", ""},
		{"NPL", "2014", "awards", "", "FY2014 is thin: unknown, not zero"},
		{"NPL", "2014", "award_coverage", "thin", ""},
		{"NPL", "2023", "award_coverage", "partial", ""},
		{"NPL", "2009", "award_coverage", "", "before the record"},
	}
	for _, tt := range tests {
		r, ok := rows[[2]string{tt.iso3, tt.year}]
		if !ok {
			t.Fatalf("no row %s %s", tt.iso3, tt.year)
		}
		if got := tb.cell(t, r, tt.col); got != tt.want {
			t.Errorf("%s %s %s = %q, want %q (%s)", tt.iso3, tt.year, tt.col, got, tt.want, tt.reason)
		}
	}
	// Only 2001 and 2002 have more than 5 unknown rows; a 2021 row has a
	// project count only where a listed project names the country.
	unknown := map[string]int{}
	withProjects := 0
	for _, r := range tb.rows {
		if tb.cell(t, r, "status") == "unknown" {
			unknown[tb.cell(t, r, "year")]++
		}
		if p := tb.cell(t, r, "projects"); p != "" {
			withProjects++
			if p == "0" || tb.cell(t, r, "year") != "2021" {
				t.Errorf("%s %s: projects %s", tb.cell(t, r, "country"), tb.cell(t, r, "year"), p)
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

// A nonexistent row has its identity and status, and nothing else.
func TestNonexistentRowsEmpty(t *testing.T) {
	tb := panelCSV(t)
	n := 0
	for _, r := range tb.rows {
		if tb.cell(t, r, "status") != "nonexistent" {
			continue
		}
		n++
		for _, c := range panelColumns() {
			if !c.Always && tb.cell(t, r, c.Name) != "" {
				t.Errorf("%s %s: nonexistent, but %s = %q", tb.cell(t, r, "iso3"), tb.cell(t, r, "year"), c.Name, tb.cell(t, r, c.Name))
			}
		}
	}
	if n == 0 {
		t.Error("no nonexistent rows")
	}
}

// The lag is the same country's year before, whatever order the rows are
// in: shuffled rows, looked up by key, give back every tier_prev and move,
// and a panel built from the countries in another order has the same rows.
func TestLagsNeverCrossCountries(t *testing.T) {
	tb := panelCSV(t)
	r := rand.New(rand.NewPCG(19, 2025))
	shuffled := slices.Clone(tb.rows)
	r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	byKey := map[[2]string][]string{}
	for _, row := range shuffled {
		byKey[[2]string{tb.cell(t, row, "iso3"), tb.cell(t, row, "year")}] = row
	}
	checked := 0
	for _, row := range shuffled {
		y, _ := strconv.Atoi(tb.cell(t, row, "year"))
		prev, ok := byKey[[2]string{tb.cell(t, row, "iso3"), strconv.Itoa(y - 1)}]
		if !ok {
			if tb.cell(t, row, "tier_prev") != "" || tb.cell(t, row, "move") != "" {
				t.Errorf("%s %d: a lag with no year before", tb.cell(t, row, "iso3"), y)
			}
			continue
		}
		if tb.cell(t, row, "status") == "nonexistent" {
			if mv := tb.cell(t, row, "move"); mv != "" && (mv != "exited" || tb.cell(t, prev, "status") != "placed") {
				t.Errorf("%s %d: nonexistent, move %q", tb.cell(t, row, "iso3"), y, mv)
			}
			continue
		}
		if got, want := tb.cell(t, row, "tier_prev"), tb.cell(t, prev, "tier"); got != want {
			t.Errorf("%s %d: tier_prev %q, the country's %d tier %q", tb.cell(t, row, "iso3"), y, got, y-1, want)
		}
		if got, want := tb.cell(t, row, "tier_score_prev"), tb.cell(t, prev, "tier_score"); got != want {
			t.Errorf("%s %d: tier_score_prev %q, the country's %d score %q", tb.cell(t, row, "iso3"), y, got, y-1, want)
		}
		// A move is known exactly where both years' in_report are, and the
		// country is in one of them.
		a, b := tb.cell(t, prev, "in_report"), tb.cell(t, row, "in_report")
		if tb.cell(t, prev, "status") == "nonexistent" {
			a = "false" // an entity that did not exist is in no report
		}
		if known := a != "" && b != "" && (a == "true" || b == "true"); known != (tb.cell(t, row, "move") != "") {
			t.Errorf("%s %d: move %q with in_report %q then %q", tb.cell(t, row, "iso3"), y, tb.cell(t, row, "move"), a, b)
		}
		checked++
	}
	if checked < 4000 {
		t.Errorf("only %d rows checked", checked)
	}

	// The countries in another order: the same rows, in that order.
	s := loadSources()
	cs := tip.Countries()
	r.Shuffle(len(cs), func(i, j int) { cs[i], cs[j] = cs[j], cs[i] })
	got := map[[2]string][]string{}
	pt := panelTable(s.panelRows(cs, 2001, 2025), 2001, 2025)
	for i, rec := range pt.records(panelKeep) {
		got[[2]string{pt.Rows[i].Country.ISO3(), strconv.Itoa(int(pt.Rows[i].Year))}] = rec
	}
	if d := cmp.Diff(tb.byKey(t), got); d != "" {
		t.Errorf("the panel changes with the countries' order (-in order +shuffled):\n%s", d)
	}
}

// Each year's counts are the history's: rows placed per tier, the ranked
// countries, the 2023 special watch list of 28, every documented waiver.
func TestCountsAreTheHistorys(t *testing.T) {
	tb := panelCSV(t)
	h := tiers.Default()
	type key struct {
		year int
		tier string
	}
	got, want := map[key]int{}, map[key]int{}
	ranked := map[int]int{}
	swl := 0
	for _, r := range tb.rows {
		y, _ := strconv.Atoi(tb.cell(t, r, "year"))
		if tier := tb.cell(t, r, "tier"); tier != "" {
			got[key{y, tier}]++
			if tb.cell(t, r, "tier_score") != "" {
				ranked[y]++
			}
		}
		if y == 2023 && tb.cell(t, r, "special_watch") == "true" {
			swl++
		}
	}
	for _, yr := range h.Years {
		seen := map[tip.Country]bool{}
		for _, p := range yr.Placements {
			if !seen[p.Country] && p.Country.IsValid() {
				seen[p.Country] = true
				want[key{int(yr.Year), p.Tier.String()}]++
			}
		}
		if n := len(h.Ranked(yr.Year)); n != ranked[int(yr.Year)] {
			t.Errorf("%d: %d rows with a score, the history ranks %d", yr.Year, ranked[int(yr.Year)], n)
		}
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("rows per year and tier mismatch (-history +panel):\n%s", d)
	}
	if want := tiers.PublishedSpecialWatchList()[2023]; swl != want {
		t.Errorf("2023: %d rows on the special watch list, the State Department published %d", swl, want)
	}
	rows := tb.byKey(t)
	for _, w := range h.Waivers {
		if r, ok := rows[[2]string{w.Country.ISO3(), strconv.Itoa(int(w.Year))}]; ok && tb.cell(t, r, "waiver") != "true" {
			t.Errorf("%s %d: a documented waiver (%s), waiver = %q", w.Country.Name(), w.Year, w.Source, tb.cell(t, r, "waiver"))
		}
	}
	for _, r := range tb.rows {
		if tb.cell(t, r, "tier") == "Special Case" && tb.cell(t, r, "tier_score") != "" {
			t.Errorf("%s %s: a Special Case with a score", tb.cell(t, r, "iso3"), tb.cell(t, r, "year"))
		}
		if tb.cell(t, r, "tier_prev") == "Special Case" && tb.cell(t, r, "tier_score_prev") != "" {
			t.Errorf("%s %s: a Special Case the year before with a score", tb.cell(t, r, "iso3"), tb.cell(t, r, "year"))
		}
	}
}

// The table of moves has a row for every change the history shows,
// counted here from the history alone.
func TestMovesTable(t *testing.T) {
	tb := readTable(t, output(t, "-table", "moves"))
	h := tiers.Default()
	changes := 0
	for _, c := range tip.Countries() {
		for y := tip.ReportYear(2002); y <= 2025; y++ {
			a, sa := h.At(c, y-1)
			b, sb := h.At(c, y)
			if sa == tiers.StatusUnknown || sb == tiers.StatusUnknown {
				continue
			}
			if (sa == tiers.StatusPlaced) != (sb == tiers.StatusPlaced) || sa == tiers.StatusPlaced && a.Tier != b.Tier {
				changes++
			}
		}
	}
	if len(tb.rows) != changes {
		t.Errorf("moves 2001–2025: %d rows, the history has %d changes", len(tb.rows), changes)
	}
	rows := tb.byKey(t)
	for _, tt := range []struct{ iso3, year, col, want string }{
		{"RUS", "2013", "kind", "automatic downgrade"},
		{"RUS", "2013", "downgrade", "automatic"},
		{"RUS", "2013", "rule", "tiers/auto-downgrade of 2009 (22 U.S.C. 7107(b)(2)(D)(i))"},
		{"SSD", "2015", "kind", "downgrade"},
		{"SSD", "2015", "downgrade", "possible"},
		{"SSD", "2012", "kind", "entry"},
		{"SSD", "2012", "from", ""},
		{"SCG", "2007", "kind", "exit"},
		{"SCG", "2007", "to", ""},
		{"LBY", "2016", "kind", "unranked"},
		{"DEU", "2019", "kind", "downgrade"},
		{"DEU", "2019", "downgrade", ""},
	} {
		r, ok := rows[[2]string{tt.iso3, tt.year}]
		if !ok {
			t.Errorf("no move %s %s", tt.iso3, tt.year)
			continue
		}
		if got := tb.cell(t, r, tt.col); got != tt.want {
			t.Errorf("move %s %s %s = %q, want %q", tt.iso3, tt.year, tt.col, got, tt.want)
		}
	}
	// The panel's moves and the table's agree.
	panel := panelCSV(t)
	word := map[string]string{"up": "upgrade", "down": "downgrade", "entered": "entry", "exited": "exit", "unranked": "unranked"}
	n := 0
	for _, r := range panel.rows {
		mv := panel.cell(t, r, "move")
		if mv == "" || mv == "same" {
			continue
		}
		n++
		k := [2]string{panel.cell(t, r, "iso3"), panel.cell(t, r, "year")}
		m, ok := rows[k]
		kind := tb.cell(t, m, "kind")
		if kind == "automatic downgrade" {
			kind = "downgrade"
		}
		if !ok || kind != word[mv] {
			t.Errorf("%v: panel move %q, moves table %q", k, mv, kind)
		}
	}
	if n != len(tb.rows) {
		t.Errorf("%d panel rows with a move, %d moves", n, len(tb.rows))
	}
}

// JSON and JSON Lines hold the CSV's cells, typed: numbers, booleans,
// null for empty, amounts as strings.
func TestJSONFormats(t *testing.T) {
	csvT := readTable(t, output(t, "-from", "2020", "-to", "2023"))
	var arr []map[string]any
	if err := json.Unmarshal(output(t, "-format", "json", "-from", "2020", "-to", "2023"), &arr); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(output(t, "-format", "jsonl", "-from", "2020", "-to", "2023")), "\n"), "\n")
	if len(arr) != len(csvT.rows) || len(lines) != len(csvT.rows) {
		t.Fatalf("json %d, jsonl %d, csv %d rows", len(arr), len(lines), len(csvT.rows))
	}
	cols := panelColumns()
	for i, r := range csvT.rows {
		var obj map[string]any
		if err := json.Unmarshal([]byte(lines[i]), &obj); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if d := cmp.Diff(arr[i], obj); d != "" {
			t.Fatalf("row %d: json and jsonl differ:\n%s", i, d)
		}
		for _, c := range cols {
			v, cell := obj[c.Name], csvT.cell(t, r, c.Name)
			var want any
			switch {
			case cell == "":
				want = nil
			case c.Decimal || c.Type == "string":
				want = cell
			case c.Type == "boolean":
				want = cell == "true"
			default:
				want, _ = strconv.ParseFloat(cell, 64)
			}
			if v != want {
				t.Fatalf("row %d %s: json %v (%T), csv %q", i, c.Name, v, v, cell)
			}
		}
	}
	// The keys come in column order.
	if !strings.HasPrefix(lines[0], `{"country":"Afghanistan","iso3":"AFG","genc3":"AFG","cow":700,`) {
		t.Errorf("first line: %.80s", lines[0])
	}
}

func TestFlags(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"-from", "1990"}, 2},
		{[]string{"-from", "2010", "-to", "2009"}, 2},
		{[]string{"-format", "xml"}, 2},
		{[]string{"-format", "xml", "-o", filepath.Join(dir, "x.xml")}, 2},
		{[]string{"-format", "datapackage"}, 2},
		{[]string{"-table", "events"}, 2},
		{[]string{"extra"}, 2},
		{[]string{"-o", filepath.Join(dir, "no", "such", "dir", "p.csv")}, 1},
	} {
		var out, errb bytes.Buffer
		if code := run(tt.args, &out, &errb); code != tt.code {
			t.Errorf("panel %v: exit %d, want %d (%s)", tt.args, code, tt.code, errb.String())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.xml")); err == nil {
		t.Error("a bad -format wrote its -o file")
	}
	// -o writes the file and nothing to stdout.
	var out, errb bytes.Buffer
	name := filepath.Join(dir, "p.csv")
	if code := run([]string{"-o", name, "-from", "2023", "-to", "2023"}, &out, &errb); code != 0 || out.Len() != 0 {
		t.Fatalf("-o: exit %d, %d bytes on stdout: %s", code, out.Len(), errb.String())
	}
	if b, err := os.ReadFile(name); err != nil || len(readTable(t, b).rows) != 191 {
		t.Errorf("-o file: %v", err)
	}
}

// The column definitions are complete: every column documented, types
// Table Schema knows, names unique and usable as R and pandas names.
func TestColumnDefinitions(t *testing.T) {
	for _, c := range panelColumns() {
		if c.Required != (c.Missing == "never") || c.Required && !c.Always {
			t.Errorf("panel.%s: required %v, always %v, but empty: %s", c.Name, c.Required, c.Always, c.Missing)
		}
	}
	for _, c := range moveColumns() {
		if c.Required != (c.Missing == "never") {
			t.Errorf("moves.%s: required %v, but empty: %s", c.Name, c.Required, c.Missing)
		}
	}
	check := func(name string, cols []struct{ name, typ, meaning, missing, source string }) {
		seen := map[string]bool{}
		for _, c := range cols {
			if seen[c.name] {
				t.Errorf("%s: column %q twice", name, c.name)
			}
			seen[c.name] = true
			if !slices.Contains([]string{"string", "integer", "number", "boolean"}, c.typ) {
				t.Errorf("%s.%s: type %q", name, c.name, c.typ)
			}
			if c.meaning == "" || c.missing == "" || c.source == "" {
				t.Errorf("%s.%s: meaning, missing or source not documented", name, c.name)
			}
			for _, r := range c.name {
				if !(r >= 'a' && r <= 'z' || r == '_' || r >= '0' && r <= '9') {
					t.Errorf("%s.%s: not a plain lower-case name", name, c.name)
				}
			}
		}
	}
	var p, m []struct{ name, typ, meaning, missing, source string }
	for _, c := range panelColumns() {
		p = append(p, struct{ name, typ, meaning, missing, source string }{c.Name, c.Type, c.Meaning, c.Missing, c.Source})
	}
	for _, c := range moveColumns() {
		m = append(m, struct{ name, typ, meaning, missing, source string }{c.Name, c.Type, c.Meaning, c.Missing, c.Source})
	}
	check("panel", p)
	check("moves", m)
}

// CODEBOOK.md is the column definitions, written out: go test -update
// rewrites it.
func TestCodebook(t *testing.T) {
	got := codebook()
	parsetest.Golden(t, "CODEBOOK.md", got)
	for _, c := range panelColumns() {
		if !strings.Contains(got, "### `"+c.Name+"`") {
			t.Errorf("CODEBOOK.md has no entry for %s", c.Name)
		}
	}
}

// A claim of the codebook that the data could outgrow: the fiscal years
// with no documented CSPA waiver.
func TestCSPAWaiverYears(t *testing.T) {
	s := loadSources()
	var none []int
	for fy := tip.FiscalYear(2011); fy <= 2026; fy++ {
		if len(s.cspa.WaiversFor(fy)) == 0 {
			none = append(none, int(fy))
		}
	}
	if d := cmp.Diff([]int{2018, 2019, 2020, 2026}, none); d != "" {
		t.Errorf("fiscal years with no CSPA waiver mismatch (-codebook +data):\n%s", d)
	}
}
