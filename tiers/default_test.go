package tiers

import (
	"encoding/csv"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tipkit/tipkit/tip"
)

var headerCounts = regexp.MustCompile(`(Tier 1|Tier 2 Watch List|Tier 2|Tier 3|Special Case) (\d+)`)

// Every embedded year file's rows match the counts its header states, and
// the history holds every row.
func TestDefaultYearCounts(t *testing.T) {
	h := Default()
	if len(h.Years) != 25 || h.Years[0].Year != 2001 || h.Years[24].Year != 2025 {
		t.Fatalf("Default holds %d years", len(h.Years))
	}
	checked := 0
	for _, yr := range h.Years {
		b, err := dataFS.ReadFile(fmt.Sprintf("data/years/%d.txt", yr.Year))
		if err != nil {
			t.Fatal(err)
		}
		var header string
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "# Completeness:") {
				header = l
			}
		}
		m := headerCounts.FindAllStringSubmatch(strings.SplitN(header, ")", 2)[0], -1)
		if len(m) < 3 {
			continue // partial years state no per-tier counts
		}
		// The header counts the rows above a "# --- Supplement" line (rows
		// added from a second source); the history holds every row.
		headerRows, allRows := map[string]int{}, 0
		supplement := false
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "# --- Supplement") {
				supplement = true
			}
			tierText, _, ok := strings.Cut(l, "|")
			if strings.HasPrefix(l, "#") || !ok {
				continue
			}
			allRows++
			if !supplement {
				headerRows[tierText]++
			}
		}
		for _, mm := range m {
			n, _ := strconv.Atoi(mm[2])
			if headerRows[mm[1]] != n {
				t.Errorf("%d %s: %d rows, header says %d", yr.Year, mm[1], headerRows[mm[1]], n)
			}
		}
		src := fmt.Sprintf("years/%d.txt", yr.Year)
		held := 0
		for _, p := range yr.Placements {
			if p.Source == src {
				held++
			}
		}
		// Rows merged by data/corrections.txt are in the history as one
		// placement of the merged entity; each merge's finding names them.
		for _, f := range h.Findings {
			if f.Rule == "tiers/correction" && f.Subject == strconv.Itoa(int(yr.Year)) {
				held += strings.Count(f.Message, "("+src+":")
			}
		}
		if yr.Year != 2023 && held != allRows {
			t.Errorf("%d: history holds %d rows of %s, the file has %d", yr.Year, held, src, allRows)
		}
		checked++
	}
	if checked < 15 {
		t.Errorf("only %d years had header counts", checked)
	}
	for _, f := range h.Findings {
		if f.Rule == "tiers/unresolved-name" || f.Rule == "tiers/source-conflict" || f.Rule == "tiers/nonexistent" {
			t.Errorf("%v", f)
		}
	}
}

// fileRows counts an embedded placement file's rows by tier.
func fileRows(t *testing.T, name string) map[Tier]int {
	t.Helper()
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		t.Fatal(err)
	}
	n := map[Tier]int{}
	for _, l := range strings.Split(string(b), "\n") {
		tierText, _, ok := strings.Cut(l, "|")
		if strings.HasPrefix(l, "#") || !ok {
			continue
		}
		tier, err := ParseTier(tierText)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		n[tier]++
	}
	return n
}

// Each fill file has the rows its header counts, and the history holds
// every one of them (none lost to a conflict: there is none).
func TestFillCounts(t *testing.T) {
	tests := []struct {
		file   string
		want   map[Tier]int
		header string // the header's words for the counts
	}{
		{"fills/2018.txt", map[Tier]int{Tier1: 39, Tier2: 80, Tier2WatchList: 42, Tier3: 22}, "Counts: Tier 1 39 (news count: \"the US and 38 others\"), Tier 2 80, Tier 2 Watch List 42, Tier 3 22."},
		{"fills/2019.txt", map[Tier]int{Tier1: 33, Tier2: 80, Tier2WatchList: 27, Tier3: 8, SpecialCase: 3}, "Counts here: 151 rows — Tier 1 33, Tier 2 80, Tier 2 Watch List 27, Tier 3 8, Special Case 3."},
		{"fills/2022-derived.txt", map[Tier]int{Tier1: 30, Tier2: 99, SpecialCase: 3}, "Counts: Tier 1 30, Tier 2 99, Special Case 3."},
		{"fills/2024-derived.txt", map[Tier]int{Tier2: 98}, "less those 90 leave 98, all Tier 2"},
		{"fills/2025.txt", map[Tier]int{Tier1: 33, Tier2: 106, Tier2WatchList: 25, Tier3: 20}, "Counts: Tier 1 33, Tier 2 106, Tier 2 Watch List 25, Tier 3 20."},
		// "130 rows equal extra/2017.txt exactly" and 4 "New here"; the
		// header gives no count by tier.
		{"fills/2017-implied.txt", map[Tier]int{Tier1: 33, Tier2: 61, Tier2WatchList: 23, Tier3: 17}, "Cross-checks: 130 rows equal extra/2017.txt exactly"},
	}
	for _, tt := range tests {
		b, _ := dataFS.ReadFile("data/" + tt.file)
		if !strings.Contains(string(b), tt.header) {
			t.Errorf("%s: header no longer says %q", tt.file, tt.header)
		}
		if d := cmp.Diff(tt.want, fileRows(t, tt.file)); d != "" {
			t.Errorf("%s rows by tier (-header +file):\n%s", tt.file, d)
		}
	}
	// 2017-implied: 130 rows as extra/2017.txt has them, and the four
	// its header names as new.
	h := Default()
	extra := resolvedRows(t, "extra/2017.txt")
	same := 0
	newRows := map[string]Tier{}
	for c, tier := range resolvedRows(t, "fills/2017-implied.txt") {
		switch et, ok := extra[c]; {
		case !ok:
			newRows[c.Name()] = tier
		case et == tier:
			same++
		default:
			t.Errorf("2017: %s is %s in extra/2017.txt and %s in fills/2017-implied.txt", c.Name(), et, tier)
		}
	}
	if same != 130 {
		t.Errorf("2017-implied: %d rows equal extra/2017.txt, the header says 130", same)
	}
	if d := cmp.Diff(map[string]Tier{"New Zealand": Tier1, "Slovak Republic": Tier1, "Saint Lucia": Tier2, "St. Vincent and the Grenadines": Tier2}, newRows); d != "" {
		t.Errorf("2017-implied new rows (-header +file):\n%s", d)
	}
	// more.txt: every row is in the history, on its tier; the rows an
	// earlier file already gave on an equal or stronger basis keep that
	// file as their source.
	rows := 0
	for y, ps := range moreRows(t) {
		for _, m := range ps {
			rows++
			if p, st := h.At(m.Country, y); st != StatusPlaced || p.Tier != m.Tier || m.Basis.outranks(p.Basis) {
				t.Errorf("more.txt:%d: %d %s %s (%s): history has %v %s (%s, %s)", m.Pos.Line, y, m.Country.Name(), m.Tier, m.Basis, st, p.Tier, p.Basis, p.Source)
			}
		}
	}
	if rows != 49 {
		t.Errorf("more.txt: %d rows", rows)
	}
}

// resolvedRows reads an embedded placement file's rows by country.
func resolvedRows(t *testing.T, name string) map[tip.Country]Tier {
	t.Helper()
	b := &builder{h: &History{}}
	yr := &Year{}
	if err := b.readBasis(); err != nil {
		t.Fatal(err)
	}
	if err := b.readFile(yr, name, true); err != nil {
		t.Fatal(err)
	}
	out := map[tip.Country]Tier{}
	for _, p := range yr.Placements {
		out[p.Country] = p.Tier
	}
	return out
}

func moreRows(t *testing.T) map[tip.ReportYear][]Placement {
	t.Helper()
	m, err := (&builder{h: &History{}}).readMore()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// The history's count of every year and tier: the filled years are full
// but for 2016, 2017 and 2019.
func TestDefaultTierCounts(t *testing.T) {
	h := Default()
	got := map[tip.ReportYear][5]int{}
	for _, yr := range h.Years {
		var n [5]int
		for _, p := range yr.Placements {
			n[p.Tier-Tier1]++
		}
		got[yr.Year] = n
	}
	want := map[tip.ReportYear][5]int{ // Tier 1, Tier 2, Watch List, Tier 3, Special Case
		2016: {34, 78, 43, 27, 2},
		2017: {36, 80, 44, 23, 3}, // official: 36, 80, 45, 23, 3
		2018: {39, 80, 42, 22, 4},
		2019: {33, 94, 36, 21, 3},
		2020: {34, 88, 44, 19, 3},
		2021: {28, 95, 45, 17, 3},
		2022: {30, 99, 34, 22, 3},
		2023: {30, 105, 26, 24, 3},
		2024: {33, 98, 32, 21, 4},
		2025: {33, 106, 25, 20, 4},
	}
	for y, w := range want {
		if got[y] != w {
			t.Errorf("%d: %v, want %v", y, got[y], w)
		}
	}
	for y := tip.ReportYear(2018); y <= 2025; y++ {
		if full := h.Year(y).Completeness.Full(); full != (y != 2019) {
			t.Errorf("%d: full %v", y, full)
		}
	}
}

// What At says, with the reason for each answer.
func TestDefaultStatus(t *testing.T) {
	h := Default()
	c := tip.MustLookupCountry
	tests := []struct {
		name    string
		country string
		year    tip.ReportYear
		want    Status
		tier    Tier
		basis   Basis
		source  string
		reason  string
	}{
		{"US 2010", "United States", 2010, StatusPlaced, Tier1, BasisObserved, "fills/more.txt", "the 2010 report is the first to rank the United States; the research panel leaves it out"},
		{"US 2009", "United States", 2009, StatusAbsent, 0, 0, "", "status.txt: the 2010 report is the first to rank it"},
		{"US 2002", "United States", 2002, StatusAbsent, 0, 0, "", "an explicit absence holds in a partial year too"},
		{"absent by the panel's NA", "Bhutan", 2010, StatusAbsent, 0, 0, "", "history.csv codes Bhutan NA in 2010"},
		{"Kosovo 2008", "Kosovo", 2008, StatusAbsent, 0, 0, "", "independent from February 2008, coded NA that year"},
		{"unknown from a gap", "Timor-Leste", 2010, StatusUnknown, 0, 0, "", "the panel codes it NA in years other sources rank it (2005–2009, 2011)"},
		{"Timor-Leste 2011", "Timor-Leste", 2011, StatusPlaced, Tier2, BasisTranscribed, "extra/2011.txt", "SURE"},
		{"unknown, open point", "Kiribati", 2018, StatusUnknown, 0, 0, "", "no 2018 chapter, and no source says it was not in the report"},
		{"absent in a full year", "Kiribati", 2023, StatusAbsent, 0, 0, "", "seed 003 is the full 2023 report"},
		{"nonexistent", "Netherlands Antilles", 2011, StatusNonexistent, 0, 0, "", "dissolved on 10 October 2010"},
		{"nonexistent union", "Serbia and Montenegro", 2007, StatusNonexistent, 0, 0, "", "Montenegro independent from June 2006"},
		{"nonexistent republic", "Serbia", 2004, StatusNonexistent, 0, 0, "", "the report ranked the union"},
		{"Aruba 2010", "Aruba", 2010, StatusAbsent, 0, 0, "", "the 2011 report had its first ever rating"},
		{"observed", "Albania", 2019, StatusPlaced, Tier2, BasisObserved, "fills/2019.txt", "its 2019 chapter"},
		{"transcribed", "Germany", 2010, StatusPlaced, Tier1, BasisTranscribed, "years/2010.txt", "the Kelley panel"},
		{"implied", "New Zealand", 2017, StatusPlaced, Tier1, BasisImplied, "fills/2017-implied.txt", "the 2018 narrative"},
		{"derived", "Nigeria", 2022, StatusPlaced, Tier2, BasisDerived, "fills/2022-derived.txt", "Tier 2 as the complement"},
		{"observed outranks derived", "Slovenia", 2022, StatusPlaced, Tier1, BasisObserved, "fills/more.txt", "derived in 2022-derived.txt, observed in more.txt"},
		{"Sint Maarten 2018", "Sint Maarten", 2018, StatusPlaced, SpecialCase, BasisObserved, "fills/more.txt", "a Special Case after Hurricane Irma"},
		{"Somalia 2018", "Somalia", 2018, StatusPlaced, SpecialCase, BasisTranscribed, "fills/more.txt", "araweelonews"},
		{"Germany 2018", "Germany", 2018, StatusPlaced, Tier1, BasisObserved, "fills/2018.txt", "the parse of the 2018 report"},
		{"2019 from the news", "Ireland", 2019, StatusPlaced, Tier2, BasisTranscribed, "fills/more.txt", "The Times"},
		{"parsed report", "Chile", 2023, StatusPlaced, Tier1, BasisObserved, "seed 003", "the report itself"},
	}
	for _, tt := range tests {
		p, st := h.At(c(tt.country), tt.year)
		if st != tt.want || p.Tier != tt.tier || p.Basis != tt.basis || p.Source != tt.source {
			t.Errorf("%s: At(%s, %d) = %v %v %v %q; want %v %v %v %q (%s)", tt.name, tt.country, tt.year, st, p.Tier, p.Basis, p.Source, tt.want, tt.tier, tt.basis, tt.source, tt.reason)
		}
	}
	// The gap and the open point each have a finding that says why.
	for _, w := range []struct {
		rule, country, year string
	}{{"tiers/gap", "Timor-Leste", "2010"}, {"tiers/open", "Kiribati", "2018"}, {"tiers/open", "Kiribati", "2009"}} {
		if !slices.ContainsFunc(h.Findings, func(f tip.Finding) bool {
			return f.Rule == w.rule && f.Country == c(w.country) && f.Subject == w.year
		}) {
			t.Errorf("no %s finding for %s %s", w.rule, w.country, w.year)
		}
	}
}

// Outside 2001 and 2002, no year has more than 5 unknown countries; the
// entities that did not exist are out of the count.
func TestUnknownCounts(t *testing.T) {
	h := Default()
	want := map[tip.ReportYear]int{2001: 99, 2002: 92, 2003: 1, 2004: 2, 2006: 1, 2007: 1, 2008: 1, 2009: 1, 2010: 1, 2011: 1, 2012: 1, 2016: 4, 2017: 2, 2018: 1, 2019: 1}
	got := map[tip.ReportYear]int{}
	for _, yr := range h.Years {
		for _, c := range tip.Countries() {
			if _, st := h.At(c, yr.Year); st == StatusUnknown {
				got[yr.Year]++
			}
		}
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("unknown countries by year (-want +got):\n%s", d)
	}
}

// TestDefaultCorrections: the history applies data/corrections.txt, each
// change with its finding.
func TestDefaultCorrections(t *testing.T) {
	h := Default()
	scg, srb, mne := tip.MustLookupCountry("Serbia and Montenegro"), tip.MustLookupCountry("Serbia"), tip.MustLookupCountry("Montenegro")
	tests := []struct {
		c    tip.Country
		y    tip.ReportYear
		want Tier
		st   Status
	}{
		{scg, 2001, Tier3, StatusPlaced},
		{scg, 2003, Tier2, StatusPlaced},
		{scg, 2004, Tier2WatchList, StatusPlaced},
		{scg, 2005, Tier2, StatusPlaced},
		{scg, 2006, Tier2, StatusPlaced},
		{srb, 2004, TierUnknown, StatusNonexistent}, // the union was ranked, not its republics
		{mne, 2006, TierUnknown, StatusNonexistent},
		{mne, 2007, Tier2, StatusPlaced}, // independent from June 2006: ranked on its own in 2007
		{tip.MustLookupCountry("Hong Kong"), 2018, Tier2WatchList, StatusPlaced},
	}
	for _, tt := range tests {
		p, st := h.At(tt.c, tt.y)
		if st != tt.st || p.Tier != tt.want {
			t.Errorf("At(%s, %d) = %s, %s; want %s, %s", tt.c.Name(), tt.y, p.Tier, st, tt.want, tt.st)
		}
	}
	if !h.Waived(tip.MustLookupCountry("Hong Kong"), 2018) {
		t.Error("Hong Kong's 2018 waiver is not on its placement")
	}
	if n := len(Restricted(h, 2002)); n != 23 {
		t.Errorf("2001: %d on Tier 3, the 2002 release counted 23", n)
	}
	n := 0
	for _, f := range h.Findings {
		if f.Rule == "tiers/correction" && f.Source == "corrections.txt" {
			n++
			if f.Citation == "" || !f.Pos.IsValid() {
				t.Errorf("correction finding with no evidence or position: %v", f)
			}
		}
	}
	if n != 5 {
		t.Errorf("%d correction findings from corrections.txt, want 5", n)
	}
}

func TestDefault2023(t *testing.T) {
	h := Default()
	y := h.Year(2023)
	n := map[Tier]int{}
	for _, p := range y.Placements {
		n[p.Tier]++
	}
	if d := cmp.Diff(map[Tier]int{Tier1: 30, Tier2: 105, Tier2WatchList: 26, Tier3: 24, SpecialCase: 3}, n); d != "" {
		t.Errorf("2023 counts (-want +got):\n%s", d)
	}
	if p, st := h.At(tip.MustLookupCountry("Dominican Republic"), 2023); st != StatusPlaced || p.Tier != Tier2WatchList || p.Basis != BasisTranscribed {
		t.Errorf("Dominican Republic 2023 = %v %v %v", p.Tier, st, p.Basis)
	}
	if got := Restricted(h, 2024); len(got) != 24 {
		t.Errorf("Restricted(FY2024) = %d countries, want 24", len(got))
	}
	for _, c := range y.StateSponsored {
		if p, _ := h.At(c, 2023); p.Tier != Tier3 {
			t.Errorf("state-sponsored %s on %s", c.Name(), p.Tier)
		}
	}
	// With the 2022 lists filled (Tier 1 and Tier 2 derived), the special
	// watch list computed from the history is the one published.
	if got := len(SpecialWatchList(h, 2023)); got != PublishedSpecialWatchList()[2023] {
		t.Errorf("special watch list 2023 = %d, published %d", got, PublishedSpecialWatchList()[2023])
	}
	// The raw seed stays as printed.
	if r := DefaultReport(); len(r.PlacementsOf(tip.MustLookupCountry("Montenegro"))) != 2 {
		t.Error("DefaultReport lost Montenegro's second placement")
	}
	for fy := tip.FiscalYear(2002); fy <= 2026; fy++ {
		r := Restricted(h, fy)
		known := h.Year(fy.ReportYear()).Completeness.Knows(Tier3)
		if (r != nil) != known {
			t.Errorf("Restricted(%d) = %d countries; Tier 3 known: %v", fy, len(r), known)
		}
	}
}

// The notes are computed: each says every list's count, and they agree
// with Known.
func TestCompletenessNotes(t *testing.T) {
	h := Default()
	for _, yr := range h.Years {
		for _, tier := range allTiers {
			n := countOn(&yr, tier)
			var want string
			switch {
			case yr.Completeness.Knows(tier):
				want = fmt.Sprintf("%s %d (complete: ", tier, n)
			case n > 0:
				want = fmt.Sprintf("%s %d (partial)", tier, n)
			default:
				want = tier.String() + " not known"
			}
			if !strings.Contains(yr.Completeness.Note, want) {
				t.Errorf("%d: note %q does not say %q", yr.Year, yr.Completeness.Note, want)
			}
		}
	}
	if note := h.Year(2024).Completeness.Note; !strings.Contains(note, "Tier 1 33 (complete: extra/2024.txt)") || !strings.Contains(note, "83 derived") {
		t.Errorf("2024 note: %s", note)
	}
}

// fills/2019.sources.csv gives every 2019 row of fills/2019.txt and
// fills/more.txt its URL and a verbatim quote; its tier and kind agree with
// the row, and the history holds each on that tier.
func TestFill2019Sources(t *testing.T) {
	f, err := os.Open("data/fills/2019.sources.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"country", "tier", "kind", "source", "quote"}, recs[0]); d != "" {
		t.Fatalf("header (-want +got):\n%s", d)
	}
	type row struct {
		Tier  Tier
		Basis Basis
	}
	src := map[string]row{}
	for _, r := range recs[1:] {
		tier, err := ParseTier(r[1])
		if err != nil {
			t.Fatal(err)
		}
		basis, err := ParseBasis(r[2])
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(r[3], "http") || r[4] == "" {
			t.Errorf("%s: no URL or quote", r[0])
		}
		src[r[0]] = row{tier, basis}
	}
	want := map[string]row{}
	b, _ := dataFS.ReadFile("data/fills/2019.txt")
	for _, l := range strings.Split(string(b), "\n") {
		tierText, name, ok := strings.Cut(l, "|")
		if strings.HasPrefix(l, "#") || !ok {
			continue
		}
		tier, _ := ParseTier(tierText)
		want[name] = row{tier, BasisObserved}
	}
	for _, p := range moreRows(t)[2019] {
		want[p.Name] = row{p.Tier, p.Basis}
	}
	if d := cmp.Diff(want, src); d != "" {
		t.Errorf("2019 rows against 2019.sources.csv (-rows +csv):\n%s", d)
	}
	h := Default()
	for name, r := range want {
		c, _, err := tip.DefaultErrata().Resolve(name)
		if err != nil {
			c, _, err = dataErrata().Resolve(name)
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if p, st := h.At(c, 2019); st != StatusPlaced || p.Tier != r.Tier {
			t.Errorf("%s 2019: history has %v %s, the sources %s", name, st, p.Tier, r.Tier)
		}
	}
	if len(want) != 166 {
		t.Errorf("%d rows for 2019, want 151 + 15", len(want))
	}
}
