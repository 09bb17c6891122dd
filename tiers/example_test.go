package tiers_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tipkit/tipkit/tiers"
	"github.com/tipkit/tipkit/tip"
)

func ExampleParseTier() {
	for _, s := range []string{"Tier 2 Watch List", "T2WL", "Watchlist", "tier 3", "Special Case"} {
		t, _ := tiers.ParseTier(s)
		score, ranked := t.Score()
		fmt.Printf("%-18q %-18s %-3s %v %v\n", s, t, t.Code(), score, ranked)
	}
	// Output:
	// "Tier 2 Watch List" Tier 2 Watch List  2WL 2.5 true
	// "T2WL"             Tier 2 Watch List  2WL 2.5 true
	// "Watchlist"        Tier 2 Watch List  2WL 2.5 true
	// "tier 3"           Tier 3             3   3 true
	// "Special Case"     Special Case       SC  0 false
}

// A report's lists as they come off a web page: a misprint, an NBSP, and
// the Guide to the Tiers' heading followed by prose, which is not a list.
func ExampleParseReportLax() {
	const text = `2023 Trafficking in Persons Report

Tier 2

Countries whose governments do not fully meet the TVPA’s minimum standards.

Tier 2

  • Togo
  • Tongo
  • Turkey` + "\u00a0" + `
`
	r, err := tiers.ParseReportLax(strings.NewReader(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range r.Placements {
		fmt.Printf("%d %s %s (%q at %v)\n", p.Year, p.Tier, p.Country.ISO3(), p.Name, p.Pos)
	}
	for _, f := range r.Findings {
		fmt.Println(f.Rule, f.Pos)
	}
	// Output:
	// 2023 Tier 2 TGO ("Togo" at 9:7)
	// 2023 Tier 2 TON ("Tongo" at 10:7)
	// 2023 Tier 2 TUR ("Turkey" at 11:7)
	// tiers/erratum 10:7
}

func ExampleHistory_Timeline() {
	h := tiers.Default()
	for _, e := range h.Timeline(tip.MustLookupCountry("Algeria")) {
		if e.Year < 2018 {
			continue
		}
		w := ""
		if e.Waiver {
			w = " (waiver)"
		}
		fmt.Printf("%d %s%s\n", e.Year, map[bool]string{true: e.Tier.String(), false: e.Status.String()}[e.Status == tiers.StatusPlaced], w)
	}
	// Output:
	// 2018 unknown
	// 2019 Tier 2 Watch List (waiver)
	// 2020 Tier 3
	// 2021 Tier 3
	// 2022 Tier 2 Watch List
	// 2023 Tier 3
	// 2024 Tier 2 Watch List
	// 2025 Tier 2 Watch List
}

// The strict parser refuses what the lax one tolerates, with positions.
func ExampleParseReport() {
	_, err := tiers.ParseReport(strings.NewReader("Tier 2\n\n  • Togo\n  • Tongo\n\nTier 2 Watch List\n\n  • Togo\n"))
	var list tip.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Println(e.Pos(), errors.Is(e, tip.ErrUnknownCountry), errors.Is(e, tip.ErrDuplicate))
		}
	}
	// Output:
	// 4:7 true false
	// 8:7 false true
}

func ExampleDefault() {
	h := tiers.Default()
	for _, y := range []tip.ReportYear{2001, 2009, 2018, 2024} {
		yr := h.Year(y)
		fmt.Printf("%d: %3d placements, full %v, Tier 3 known %v\n", y, len(yr.Placements), yr.Completeness.Full(), yr.Completeness.Knows(tiers.Tier3))
	}
	// Output:
	// 2001:  81 placements, full false, Tier 3 known true
	// 2009: 175 placements, full true, Tier 3 known true
	// 2018:  38 placements, full false, Tier 3 known false
	// 2024: 105 placements, full false, Tier 3 known true
}

func ExampleHistory_Moves() {
	n := map[tiers.MoveKind]int{}
	for _, m := range tiers.Default().Moves(2020, 2021) {
		n[m.Kind]++
	}
	fmt.Println("up", n[tiers.MoveUp], "down", n[tiers.MoveDown], "same", n[tiers.MoveSame])
	// Output:
	// up 17 down 20 same 151
}

func ExampleMinimumStandards() {
	s := tiers.MinimumStandards()
	fmt.Println(len(s.Minimum), "minimum standards,", len(s.Indicia), "indicia")
	fmt.Println(s.Definitions[0].Tier, "—", s.Definitions[0].Text)
	// Output:
	// 4 minimum standards, 12 indicia
	// Tier 1 — Countries whose governments fully meet the TVPA’s minimum standards for the elimination of trafficking.
}

// The embedded 2023 report as printed, with what the lax parse tolerated;
// Default's 2023 is this report corrected.
func ExampleDefaultReport() {
	r := tiers.DefaultReport()
	fmt.Println(r.Year, len(r.Placements), "placements")
	for _, f := range r.Findings {
		fmt.Println(f.Pos, f.Rule)
	}
	// Output:
	// 2023 188 placements
	// 621:7 tiers/erratum
	// 936:7 tiers/erratum
	// 966:7 tiers/one-placement
}
