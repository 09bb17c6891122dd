package tiers

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tipkit/tipkit/tip"
)

// histBasis is hist with a basis on some rows: "2019:T2~derived".
func histBasis(c tip.Country, rows string, waivers ...tip.ReportYear) *History {
	bases := map[tip.ReportYear]Basis{}
	var plain []string
	for _, f := range strings.Fields(rows) {
		row, b, ok := strings.Cut(f, "~")
		if ok {
			y, _ := strconv.Atoi(row[:4])
			bases[tip.ReportYear(y)] = must(ParseBasis(b))
		}
		plain = append(plain, row)
	}
	h := hist(c, strings.Join(plain, " "), waivers...)
	for i := range h.Years {
		for j := range h.Years[i].Placements {
			h.Years[i].Placements[j].Basis = bases[h.Years[i].Year]
		}
	}
	return h
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// A finding, a denial or a note that rests on an inferred placement (an
// implied or derived row) names it; one that rests on rows read in a
// report or a copy of one says nothing more. One row per kind of message;
// "rests on" is what the message must end with, "" for nothing.
func TestInferredRowsSaySo(t *testing.T) {
	tests := []struct {
		name, reason string
		rows         string
		waivers      []tip.ReportYear
		rule         RuleID
		year         tip.ReportYear
		rests        string
	}{
		{"a derived row that ends the run", "had 2019 been on the Watch List, 2022 would be the 4th year", "2019:T2~derived 2020:WL 2021:WL 2022:WL", nil, RuleWaiverOnce, 2022,
			" (rests on the derived 2019 Tier 2 row)"},
		{"the same row observed", "an observed row needs no word", "2019:T2~observed 2020:WL 2021:WL 2022:WL", nil, RuleWaiverOnce, 2022, ""},
		{"a transcribed row", "a third party's copy of the report is read, not inferred", "2019:T2~transcribed 2020:WL 2021:WL 2022:WL", nil, RuleWaiverOnce, 2022, ""},
		{"an implied row inside the run", "the run counts it", "2019:T2 2020:WL~implied 2021:WL 2022:WL", nil, RuleWaiverOnce, 2022,
			" (rests on the implied 2020 Tier 2 Watch List row)"},
		{"a row before the count starts", "the statute counts from 2009: 2008 does not end the run", "2008:T2~derived 2009:WL 2010:WL 2011:WL 2012:WL 2013:WL", []tip.ReportYear{2011, 2012}, RuleAutoDowngrade, 2013, ""},
		{"the downgrade year and the run before it", "a derived Tier 3 and an implied Watch List year", "2020:T2 2021:WL~implied 2022:WL 2023:T3~derived", nil, RuleAutoDowngrade, 2023,
			" (rests on the implied 2021 Tier 2 Watch List row and the derived 2023 Tier 3 row)"},
		{"a waiver on a derived tier", "the waiver year's own row", "2020:T2 2021:WL 2022:T2~derived", []tip.ReportYear{2022}, RuleWaiverOnce, 2022,
			" (rests on the derived 2022 Tier 2 row)"},
		{"(F): the downgrade after the waiver", "the Tier 3 year is derived", "2017:WL 2018:WL 2019:WL 2020:T3~derived 2021:WL 2022:WL", []tip.ReportYear{2019}, RulePostWaiver, 2022,
			" (rests on the derived 2020 Tier 3 row)"},
		{"a row of another year", "2015 is no year the finding reads", "2015:T1~derived 2016:T2 2020:T2 2021:WL 2022:WL 2023:WL", nil, RuleWaiverOnce, 2023, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range Check(histBasis(mys, tt.rows, tt.waivers...)) {
				if f.Rule == string(tt.rule) && f.Subject == strconv.Itoa(int(tt.year)) {
					got = append(got, f.Message)
				}
			}
			if len(got) != 1 {
				t.Fatalf("%s: %d findings of %s in %d, want 1: %q", tt.reason, len(got), tt.rule, tt.year, got)
			}
			if rests := restsOf(got[0]); rests != tt.rests {
				t.Errorf("%s: %q ends with %q, want %q", tt.reason, got[0], rests, tt.rests)
			}
		})
	}
}

// restsOf returns the " (rests on …)" a message ends with, or "".
func restsOf(msg string) string {
	if i := strings.LastIndex(msg, " (rests on "); i >= 0 {
		return msg[i:]
	}
	return ""
}

// Eligible's denials and its note on the waiver say what they rest on, as
// Check's findings do.
func TestEligibleInferredRows(t *testing.T) {
	// The waiver is used up: the run 2020–2022 ends at the derived 2019 row.
	e := Eligible(histBasis(mys, "2019:T2~derived 2020:WL 2021:WL 2022:WL", 2022), mys, 2023)
	if len(e.Denied) != 1 || restsOf(e.Denied[0].Reason) != " (rests on the derived 2019 Tier 2 row)" {
		t.Errorf("denial: %+v", e.Denied)
	}
	// A waiver is available: the same run one year earlier.
	e = Eligible(histBasis(mys, "2019:T2~derived 2020:WL 2021:WL"), mys, 2022)
	if !e.WaiverAvailable || len(e.Notes) == 0 || restsOf(e.Notes[0]) != " (rests on the derived 2019 Tier 2 row)" {
		t.Errorf("waiver note: %v %q", e.WaiverAvailable, e.Notes)
	}
	// (F): the derived downgrade.
	e = Eligible(histBasis(mys, "2017:WL 2018:WL 2019:WL 2020:T3~derived 2021:WL", 2019), mys, 2022)
	if len(e.Denied) != 1 || e.Denied[0].Rule != RulePostWaiver || restsOf(e.Denied[0].Reason) != " (rests on the derived 2020 Tier 3 row)" {
		t.Errorf("(F) denial: %+v", e.Denied)
	}
	// Observed rows: nothing to say.
	e = Eligible(hist(mys, "2019:T2 2020:WL 2021:WL 2022:WL", 2022), mys, 2023)
	if len(e.Denied) != 1 || restsOf(e.Denied[0].Reason) != "" {
		t.Errorf("observed: %+v", e.Denied)
	}
}

var inferredRowRE = regexp.MustCompile(`the (implied|derived) (\d{4}) (.+?) row`)

// On the embedded history: the findings and answers that rest on an
// inferred row are these, and every row a message names is one of the
// country's placements on that basis and tier.
func TestDefaultInferredRows(t *testing.T) {
	h := Default()
	var got []string
	check := func(c tip.Country, msg string) {
		rests := restsOf(msg)
		if rests == "" {
			return
		}
		got = append(got, msg)
		for _, m := range inferredRowRE.FindAllStringSubmatch(rests, -1) {
			y, _ := strconv.Atoi(m[2])
			p, st := h.At(c, tip.ReportYear(y))
			if st != StatusPlaced || p.Basis.String() != m[1] || p.Tier.String() != m[3] {
				t.Errorf("%q names %s, but %s %d is %v %v %v", msg, m[0], c.Name(), y, st, p.Tier, p.Basis)
			}
		}
	}
	for _, f := range Check(h) {
		check(f.Country, f.Message)
	}
	for _, c := range tip.Countries() {
		for y := tip.ReportYear(2009); y <= 2026; y++ {
			e := Eligible(h, c, y)
			for _, d := range e.Denied {
				check(c, c.Name()+" "+strconv.Itoa(int(y))+": not "+d.Tier.String()+": "+d.Reason)
			}
			for _, n := range e.Notes {
				check(c, c.Name()+" "+strconv.Itoa(int(y))+": "+n)
			}
		}
	}
	var short []string
	for _, g := range got {
		msg, _, _ := strings.Cut(g, ": 3")
		msg, _, _ = strings.Cut(msg, ": Tier 2 Watch List only")
		msg, _, _ = strings.Cut(msg, ": on Tier 3")
		short = append(short, msg+restsOf(g))
	}
	want := []string{
		// Check: the 2019 Watch List row of Brunei is implied by the 2020 chapter (fills/more.txt).
		"2022: Brunei (rests on the implied 2019 Tier 2 Watch List row)",
		"2021: Brunei (rests on the implied 2019 Tier 2 Watch List row)",
		// Eligible: a waiver available, or used up, after a run that the
		// derived 2022 Tier 2 row (fills/2022-derived.txt) ends.
		"Brunei 2021 (rests on the implied 2019 Tier 2 Watch List row)",
		"Brunei 2022: not Tier 2 Watch List (rests on the implied 2019 Tier 2 Watch List row)",
		"Congo, Republic of the 2025 (rests on the derived 2022 Tier 2 row)",
		"Congo, Republic of the 2026: not Tier 2 Watch List (rests on the derived 2022 Tier 2 row)",
		"Dominican Republic 2025 (rests on the derived 2022 Tier 2 row)",
		"Lebanon 2025 (rests on the derived 2022 Tier 2 row)",
		"Maldives 2020 (rests on the implied 2019 Tier 2 Watch List row)",
		"Maldives 2021: not Tier 2 Watch List (rests on the implied 2019 Tier 2 Watch List row)",
		"Marshall Islands 2025 (rests on the derived 2022 Tier 2 row)",
		"Solomon Islands 2025 (rests on the derived 2022 Tier 2 row)",
		"Solomon Islands 2026: not Tier 2 Watch List (rests on the derived 2022 Tier 2 row)",
		"Vanuatu 2025 (rests on the derived 2022 Tier 2 row)",
		"Vanuatu 2026: not Tier 2 Watch List (rests on the derived 2022 Tier 2 row)",
	}
	if d := cmp.Diff(want, short); d != "" {
		t.Errorf("messages resting on inferred rows (-want +got):\n%s", d)
	}
}

// The special watch list of 2023 computes to the 28 published; two of
// them, Denmark and Seychelles, are on it as upgrades to Tier 1 from the
// derived 2022 Tier 2 rows. Were the published figure another, the
// finding would say so.
func TestSpecialWatchListInferred(t *testing.T) {
	h := Default()
	swl := SpecialWatchList(h, 2023)
	years := yearsOf(h)
	i, _ := find(years, 2023)
	var names []string
	for _, c := range inferredMembers(years, i, swl) {
		names = append(names, c.Name())
	}
	if len(swl) != 28 || !cmp.Equal(names, []string{"Denmark", "Seychelles"}) {
		t.Errorf("2023: %d members, resting on inferred rows: %v", len(swl), names)
	}
	fs := DefaultRules().check(h, map[tip.ReportYear]int{2023: 27})
	want := "2023: the special watch list computed from the history has 28 countries, the State Department published 27; 2 of the 28 rest on implied or derived rows"
	if len(fs) == 0 || !strings.Contains(fmtFindings(fs), want) {
		t.Errorf("no finding %q", want)
	}
}

func fmtFindings(fs []tip.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.Message + "\n")
	}
	return b.String()
}
