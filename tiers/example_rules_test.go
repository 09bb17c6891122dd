package tiers_test

import (
	"fmt"
	"slices"

	"github.com/tipkit/tipkit/tiers"
	"github.com/tipkit/tipkit/tip"
)

// The rules are the statute's history: each version with its years and
// the figures it sets.
func ExampleDefaultRules() {
	for _, r := range tiers.DefaultRules() {
		if r.Kind == tiers.KindDowngrade || r.Kind == tiers.KindWaiver {
			to := "today"
			if r.To != 0 {
				to = r.To.String()
			}
			fmt.Printf("%-20s %-9s %d–%-5s after %d Watch List years counted from %d, %d waived\n",
				r.ID, r.Kind, r.From, to, r.WatchListYears, r.CountFrom, r.Waivers)
		}
	}
	// Output:
	// tiers/auto-downgrade downgrade 2009–2018  after 2 Watch List years counted from 2009, 2 waived
	// tiers/waiver-2y      waiver    2009–2018  after 2 Watch List years counted from 2009, 2 waived
	// tiers/auto-downgrade downgrade 2019–today after 2 Watch List years counted from 2009, 1 waived
	// tiers/waiver-once    waiver    2019–today after 2 Watch List years counted from 2009, 1 waived
}

// Which version of a rule a report year applies: the waiver was "for up
// to 2 years" through the 2018 report and "only once" from 2019.
func ExampleRules_Lookup() {
	rs := tiers.DefaultRules()
	for _, y := range []tip.ReportYear{2018, 2019} {
		for _, id := range []tiers.RuleID{tiers.RuleWaiverTwoYears, tiers.RuleWaiverOnce} {
			if r, ok := rs.Lookup(id, y); ok {
				fmt.Printf("%d: %s of %s, %s\n", y, r.ID, r.Version(), r.Citation)
			}
		}
	}
	// Output:
	// 2018: tiers/waiver-2y of 2009, 22 U.S.C. 7107(b)(2)(D)(ii) (before P.L. 115-427)
	// 2019: tiers/waiver-once of 2019, 22 U.S.C. 7107(b)(2)(D)(ii), as amended by P.L. 115-427
}

// A copy of the rules may be amended to ask what a change in the law
// would change: here, a hypothetical amendment that allows no waiver of
// the automatic downgrade from the 2026 report. Fiji, two years on the
// Watch List (2024–2025), could stay there in 2026 with a waiver; under
// the amendment it could not. The 2025 report is judged as before.
func ExampleRules_Amend() {
	h := tiers.Default()
	fiji := tip.MustLookupCountry("Fiji")
	amended := tiers.DefaultRules().Amend(2026, func(r *tiers.Rule) { r.Waivers = 0 })
	for _, rs := range []tiers.Rules{tiers.DefaultRules(), amended} {
		for _, y := range []tip.ReportYear{2025, 2026} {
			e := rs.Eligible(h, fiji, y)
			fmt.Println(y, e.Allowed)
			if e.WaiverAvailable {
				fmt.Println("  Watch List with a waiver under", e.Waiver)
			}
			for _, d := range e.Denied {
				fmt.Printf("  not %s: %s [%s of %s]\n", d.Tier, d.Reason, d.Rule, d.Version)
			}
		}
	}
	// Output:
	// 2025 [Tier 1 Tier 2 Tier 2 Watch List Tier 3]
	// 2026 [Tier 1 Tier 2 Tier 2 Watch List Tier 3]
	//   Watch List with a waiver under tiers/waiver-once of 2019 (22 U.S.C. 7107(b)(2)(D)(ii), as amended by P.L. 115-427)
	// 2025 [Tier 1 Tier 2 Tier 2 Watch List Tier 3]
	// 2026 [Tier 1 Tier 2 Tier 3]
	//   not Tier 2 Watch List: 2 consecutive Watch List years (2024–2025) and the rule in force allows no waiver: up to Tier 2 or down to Tier 3 [tiers/waiver-once of 2026]
}

// Dropping a rule from a copy removes its findings, and nothing else.
func ExampleRules_Check() {
	h := tiers.Default()
	count := func(rs tiers.Rules) map[string]int {
		n := map[string]int{}
		for _, f := range rs.Check(h) {
			n[f.Rule]++
		}
		return n
	}
	rs := slices.DeleteFunc(tiers.DefaultRules(), func(r tiers.Rule) bool { return r.ID == tiers.RulePostWaiver })
	fmt.Println(count(tiers.DefaultRules()))
	fmt.Println(count(rs))
	// Output:
	// map[tiers/auto-downgrade:47 tiers/post-waiver-limit:5 tiers/special-watch-list:1 tiers/waiver-2y:70 tiers/waiver-once:15]
	// map[tiers/auto-downgrade:47 tiers/special-watch-list:1 tiers/waiver-2y:70 tiers/waiver-once:15]
}

func ExampleCheck() {
	for _, f := range tiers.Check(tiers.Default()) {
		if tiers.RuleID(f.Rule) == tiers.RulePostWaiver && f.Subject == "2025" {
			fmt.Println(f.Message)
		}
	}
	// Output:
	// 2025: Algeria: 2nd consecutive Watch List year (2024–2025) after a waiver (2019) and a downgrade to Tier 3 (2020); the (F) text of 2023 allows 1. Open question: whether (F) limits only the years right after the downgrade
}

// Eligible explains each tier it denies with the rule version and its
// citation.
func ExampleEligible() {
	h := tiers.Default()
	e := tiers.Eligible(h, tip.MustLookupCountry("Congo, Republic of the"), 2026)
	fmt.Println(e.Allowed)
	for _, d := range e.Denied {
		fmt.Printf("not %s (%s of %s, %s): %s\n", d.Tier, d.Rule, d.Version, d.Citation, d.Reason)
	}
	// Output:
	// [Tier 1 Tier 2 Tier 3]
	// not Tier 2 Watch List (tiers/waiver-once of 2019, 22 U.S.C. 7107(b)(2)(D)(ii), as amended by P.L. 115-427): 3 consecutive Watch List years (2023–2025) and the waiver is used up (1 allowed under the rule in force): up to Tier 2 or down to Tier 3
}

func ExampleRestricted() {
	h := tiers.Default()
	fmt.Println(len(tiers.Restricted(h, 2024)), "governments face Tier 3 restrictions in FY2024")
	fmt.Println(tiers.Restricted(h, 2019) == nil, "(FY2019: the 2018 Tier 3 list is not fully known)")
	// Output:
	// 24 governments face Tier 3 restrictions in FY2024
	// true (FY2019: the 2018 Tier 3 list is not fully known)
}

func ExampleSpecialWatchList() {
	h := tiers.Default()
	swl := tiers.SpecialWatchList(h, 2023)
	fmt.Println(len(swl), "computable; published:", tiers.PublishedSpecialWatchList()[2023])
	// Output:
	// 26 computable; published: 28
}
