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
	// tip/erratum 10:7
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
	// 2018 Tier 2 Watch List
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

// The options name the source in every error and finding, choose the
// mode, and give the errata a lax parse reads misprints through: here one
// of the caller's own. An unknown name's error carries suggestions.
func ExampleParseReportWith() {
	const text = "Tier 3\n  • Nambia\n  • Eritria\n"
	_, err := tiers.ParseReportWith(strings.NewReader(text), tip.ParseOptions{Source: "my-copy.txt"})
	var unknown *tip.UnknownCountryError
	if errors.As(err, &unknown) {
		fmt.Println(err.(tip.ErrorList)[0].Field, unknown.Name, unknown.Suggestions()[0])
	}
	errata := append(tip.DefaultErrata(), tip.Erratum{Printed: "Eritria", Country: tip.MustLookupCountry("Eritrea"), Source: "my-copy.txt", Note: "a typo"})
	r, err := tiers.ParseReportWith(strings.NewReader(text), tip.ParseOptions{Source: "my-copy.txt", Lax: true, Errata: errata})
	fmt.Println(placementsOf(r), err)
	for _, f := range r.Findings {
		fmt.Println(f)
	}
	// Output:
	// Tier 3 Nambia Namibia
	// [unknown Eritrea] <nil>
	// my-copy.txt:2:7: error: tiers/unresolved-name: Tier 3: unknown country "Nambia" (did you mean "Namibia", "The Gambia", "Zambia"?)
	// my-copy.txt:3:7: warning: tip/erratum: Tier 3: "Eritria" read as Eritrea (erratum: a typo) [my-copy.txt]
}

// placementsOf returns the countries of r's placements, in order.
func placementsOf(r *tiers.Report) []tip.Country {
	var cs []tip.Country
	for _, p := range r.Placements {
		cs = append(cs, p.Country)
	}
	return cs
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
	// 2018: 187 placements, full true, Tier 3 known true
	// 2024: 188 placements, full true, Tier 3 known true
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
	// 621:7 tip/erratum
	// 936:7 tip/erratum
	// 966:7 tiers/one-placement
}
