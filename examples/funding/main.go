// Command funding answers a researcher's question about the TIP Office's
// money: how much did it award each year, and did it follow the tiers?
// It prints, per federal fiscal year of the base obligation, the awards
// under assistance listing 19.019 (USAspending) and their dollars by the
// tier of the place of performance in that year's TIP Report, with global
// and headquarters awards (USA with no state, AUT) apart, and how complete
// the record of each year is.
//
//	go run ./examples/funding                       # the embedded record, 248 awards
//	go run ./examples/funding -json                 # the same as one JSON object
//	go run ./examples/funding -in awards.csv        # a USAspending download of your own
//	go run ./examples/funding -in awards.csv -strict
//
// -in reads an award search JSON array, a prime-award download CSV or a
// transaction download CSV, told apart by content; lax by default (every
// good award kept, what was tolerated listed as findings), -strict to fail
// on the first error. The embedded record is always the lax read of its
// fixed file (grants.DefaultAwards).
//
// The join: the awards of fiscal year Y are set against the tiers of the
// report of year Y (grants.ReportFiscalYear). A thin or partial year is a
// lower bound, not a small year: see the coverage column.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/grants"
	"github.com/tipkit/tipkit/tiers"
	"github.com/tipkit/tipkit/tip"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("funding", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("in", "", "read this USAspending file (award search JSON, award or transaction download CSV) instead of the embedded record")
	strict := fs.Bool("strict", false, "with -in: fail on the first error instead of keeping every good award")
	asJSON := fs.Bool("json", false, "write one JSON object instead of a table")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "funding: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	l, code := load(*in, *strict, stderr)
	if code != 0 {
		return code
	}
	r := build(l.set, l.source, l.readErr)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			fmt.Fprintln(stderr, "funding:", err)
			return 1
		}
		return 0
	}
	printText(stdout, r)
	return 0
}

// loaded is what the command reads: the awards, where from, and what a
// lax read could not read.
type loaded struct {
	set     *grants.AwardSet
	source  string
	readErr error
}

// load returns the awards: the embedded record, or the file's, and the
// exit code, 0 to go on. A strict read stops at its first error, and so
// does the command (exit 1); a lax one keeps every good award and returns
// its errors for the report.
func load(path string, strict bool, stderr io.Writer) (loaded, int) {
	if path == "" {
		return loaded{set: grants.DefaultAwards(), source: "embedded " + grants.AwardsSource}, 0
	}
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(stderr, "funding:", err)
		return loaded{}, 2
	}
	defer f.Close()
	set, err := grants.ReadAwards(f, tip.ParseOptions{Source: path, Lax: !strict})
	if err != nil && strict {
		var list tip.ErrorList
		if errors.As(err, &list) {
			fmt.Fprintf(stderr, "funding: %v\n", list[0])
			if len(list) > 1 {
				fmt.Fprintf(stderr, "funding: and %d more errors (-strict); without -strict every good award is kept\n", len(list)-1)
			}
		} else {
			fmt.Fprintln(stderr, "funding:", err)
		}
		return loaded{}, 1
	}
	return loaded{set: set, source: path + " (" + set.Format.String() + ")", readErr: err}, 0
}

// The columns of a year, in order: the tiers of the place of performance
// in that year's report, then what has no tier.
var groups = []struct{ key, head string }{
	{"Tier 1", "Tier 1"},
	{"Tier 2", "Tier 2"},
	{"Tier 2 Watch List", "Watch List"},
	{"Tier 3", "Tier 3"},
	{"Special Case", "Special"},
	{"not in the report", "not in report"},
	{"tier unknown", "tier unknown"},
	{"global/HQ", "global/HQ"},
	{"place unknown", "place unknown"},
}

// report is what the command prints; the first five JSON fields are
// fixed, the others may grow.
type report struct {
	Awards        int           `json:"awards"`
	Total         string        `json:"total"`
	ByFiscalYear  []year        `json:"by_fiscal_year"`
	OtherListings int           `json:"other_listings"`
	Findings      []tip.Finding `json:"findings"`

	Source string   `json:"source"`
	Rule   string   `json:"rule"`
	Errors []string `json:"errors,omitempty"` // what a lax read could not read
}

type year struct {
	FiscalYear int    `json:"fiscal_year"`
	Awards     int    `json:"awards"`
	Amount     string `json:"amount"`

	Coverage   string  `json:"coverage"` // "near-complete", "thin", "partial", "unknown"
	ReportYear int     `json:"report_year"`
	ByTier     []group `json:"by_tier"`

	amount decimal.Decimal
}

type group struct {
	Group  string `json:"group"`
	Awards int    `json:"awards"`
	Amount string `json:"amount"`

	amount decimal.Decimal
}

// groupOf says under which column an award falls in its year.
func groupOf(h *tiers.History, a *grants.Award) string {
	switch a.Place {
	case grants.PlaceGlobal:
		return "global/HQ"
	case grants.PlaceUnknown:
		return "place unknown"
	}
	p, st := h.At(a.Country, grants.ReportYearOf(a.FiscalYear))
	switch st {
	case tiers.StatusPlaced:
		return p.Tier.String()
	case tiers.StatusAbsent:
		return "not in the report"
	}
	return "tier unknown"
}

func build(set *grants.AwardSet, source string, readErr error) *report {
	h := tiers.Default()
	r := &report{Awards: len(set.Awards), Total: tip.FormatAmount(set.Total()), OtherListings: set.OtherListings, Findings: set.Findings,
		Source: source, Rule: "the awards whose base obligation falls in fiscal year Y, against the tiers of the TIP Report of year Y; global and headquarters work (USA with no state, AUT) apart"}
	if r.Findings == nil {
		r.Findings = []tip.Finding{}
	}
	var list tip.ErrorList
	if errors.As(readErr, &list) {
		for _, e := range list {
			r.Errors = append(r.Errors, e.Error())
		}
	}
	byFY := map[tip.FiscalYear]*year{}
	for _, y := range set.ByFiscalYear() {
		r.ByFiscalYear = append(r.ByFiscalYear, year{FiscalYear: int(y.FiscalYear), Awards: y.Awards, Amount: tip.FormatAmount(y.Amount), amount: y.Amount,
			Coverage: y.Coverage.String(), ReportYear: int(grants.ReportYearOf(y.FiscalYear))})
	}
	for i := range r.ByFiscalYear {
		y := &r.ByFiscalYear[i]
		for _, g := range groups {
			y.ByTier = append(y.ByTier, group{Group: g.key, amount: decimal.Zero})
		}
		byFY[tip.FiscalYear(y.FiscalYear)] = y
	}
	for i := range set.Awards {
		a := &set.Awards[i]
		y := byFY[a.FiscalYear]
		key := groupOf(h, a)
		for j := range y.ByTier {
			if y.ByTier[j].Group == key {
				y.ByTier[j].Awards++
				y.ByTier[j].amount = y.ByTier[j].amount.Add(a.Amount)
			}
		}
	}
	for i := range r.ByFiscalYear {
		for j := range r.ByFiscalYear[i].ByTier {
			g := &r.ByFiscalYear[i].ByTier[j]
			g.Amount = tip.FormatAmount(g.amount)
		}
	}
	return r
}
