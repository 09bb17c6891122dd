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
	// 2018 unknown
	// 2019 Tier 2 Watch List (waiver)
	// 2020 Tier 3
	// 2021 Tier 3
	// 2022 Tier 2 Watch List
	// 2023 Tier 3
	// 2024 Tier 2 Watch List
	// 2025 Tier 2 Watch List
}

func ExampleEligible() {
	h := tiers.Default()
	e := tiers.Eligible(h, tip.MustLookupCountry("Congo, Republic of the"), 2026)
	fmt.Println(e.Allowed)
	for _, d := range e.Denied {
		fmt.Printf("not %s (%s): %s\n", d.Tier, d.Rule, d.Reason)
	}
	// Output:
	// [Tier 1 Tier 2 Tier 3]
	// not Tier 2 Watch List (tiers/waiver-once): 3 consecutive Watch List years (2023–2025) and the waiver is used up (1 allowed under the rule in force): up to Tier 2 or down to Tier 3
}

func ExampleCheck() {
	for _, f := range tiers.Check(tiers.Default()) {
		if f.Rule == tiers.RulePostWaiver && f.Subject == "2025" {
			fmt.Println(f.Message)
		}
	}
	// Output:
	// 2025: Algeria: 2nd consecutive Watch List year (2024–2025) after a waiver (2019) and a downgrade to Tier 3 (2020); the (F) text of 2023 allows 1. Open question: whether (F) limits only the years right after the downgrade
}

func ExampleRestricted() {
	h := tiers.Default()
	fmt.Println(len(tiers.Restricted(h, 2024)), "governments face Tier 3 restrictions in FY2024")
	fmt.Println(tiers.Restricted(h, 2019) == nil, "(FY2019: the 2018 Tier 3 list is not fully known)")
	// Output:
	// 24 governments face Tier 3 restrictions in FY2024
	// true (FY2019: the 2018 Tier 3 list is not fully known)
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
	const text = "Tier 3\n  • Narnia\n  • Eritria\n"
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
	// Tier 3 Narnia Namibia
	// [unknown Eritrea] <nil>
	// my-copy.txt:2:7: error: tiers/unresolved-name: Tier 3: unknown country "Narnia" (did you mean "Namibia", "Armenia", "Aruba", "Latvia"?)
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
	// 2018:  38 placements, full false, Tier 3 known false
	// 2024: 105 placements, full false, Tier 3 known true
}

func ExampleSpecialWatchList() {
	h := tiers.Default()
	swl := tiers.SpecialWatchList(h, 2023)
	fmt.Println(len(swl), "computable; published:", tiers.PublishedSpecialWatchList[2023])
	// Output:
	// 26 computable; published: 28
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

// Rules are values with the report years they are in force.
func ExampleRuleByID() {
	for _, id := range []string{tiers.RuleWaiverTwoYears, tiers.RuleWaiverOnce} {
		r, _ := tiers.RuleByID(id)
		to := "today"
		if r.To != 0 {
			to = fmt.Sprint(int(r.To))
		}
		fmt.Printf("%s %d–%s; in force in 2018: %v, 2019: %v\n", r.ID, r.From, to, r.InForce(2018), r.InForce(2019))
	}
	// Output:
	// tiers/waiver-2y 2009–2018; in force in 2018: true, 2019: false
	// tiers/waiver-once 2019–today; in force in 2018: false, 2019: true
}
