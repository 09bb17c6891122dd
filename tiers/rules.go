package tiers

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/tipkit/tipkit/tip"
)

// A RuleID names a rule in findings (tip.Finding.Rule holds it as a
// string) and in denials. It is stable: "tiers/auto-downgrade".
type RuleID string

// The rule IDs. Every Finding.Rule that tiers returns is one of them
// (AllRuleIDs lists them), or tip.ErratumRule for a misprint read through
// the errata; the IDs of the TVPA rules are those of DefaultRules.
const (
	RuleOnePlacement   RuleID = "tiers/one-placement"        // a country on two lists in one year: Check, Report.Validate, ParseReportLax
	RuleRestrictions   RuleID = "tiers/tier3-restrictions"   // Restricted; no finding
	RuleSpecialWatch   RuleID = "tiers/special-watch-list"   // Check: the computed list against the published size
	RuleWatchGrounds3  RuleID = "tiers/watch-list-grounds-3" // judgments the data cannot check; no finding
	RuleWatchGrounds2  RuleID = "tiers/watch-list-grounds-2" // the same, as amended; no finding
	RuleAutoDowngrade  RuleID = "tiers/auto-downgrade"       // Check: a Tier 3 after a Watch List run, a run past the waivers
	RuleWaiverTwoYears RuleID = "tiers/waiver-2y"            // Check, Eligible: the waiver "for up to 2 years"
	RuleWaiverOnce     RuleID = "tiers/waiver-once"          // Check, Eligible: the waiver "only once"
	RulePostWaiver     RuleID = "tiers/post-waiver-limit"    // Check, Eligible: (F), after a waiver and a downgrade
	RulePolicyPattern  RuleID = "tiers/policy-or-pattern"    // Check, Report.Validate; a note in Eligible

	// Findings about the data rather than the law.
	RuleUnresolvedName RuleID = "tiers/unresolved-name" // a name that is no known country (ParseReportLax, Default, Report.Validate)
	RuleSourceConflict RuleID = "tiers/source-conflict" // Default: two sources disagree on a placement
	RuleCorrection     RuleID = "tiers/correction"      // Default: a source corrected, with the evidence
	RuleGap            RuleID = "tiers/gap"             // Default: a country of a full research-panel year whose absence no source states: unknown
	RuleOpen           RuleID = "tiers/open"            // Default: an open point of data/status.txt: a source puts an absence in doubt
	RuleNonexistent    RuleID = "tiers/nonexistent"     // Default: a placement of an entity in a year it did not exist (data/entities.txt)
	RulePanelOutside   RuleID = "tiers/panel-outside"   // Default: states the research panel codes that tip's country table does not hold

	// Findings of a lax parse about the report's text (ParseReportLax).
	RuleEmptyItem           RuleID = "tiers/empty-item"            // a bullet with no name: nothing kept
	RuleLawRow              RuleID = "tiers/law-row"               // an unreadable row of the law enforcement table: not kept
	RuleStateSponsoredCount RuleID = "tiers/state-sponsored-count" // the policy or pattern list names another number than its introduction
	RuleReportYear          RuleID = "tiers/report-year"           // the title's year is out of range: Report.Year stays zero
)

// AllRuleIDs returns every rule ID a tiers finding can carry, as a new
// slice: those of DefaultRules, then those of the findings about the data,
// then those of a lax parse. A misprint read through the errata (by
// ParseReportLax, and by Default in the reference files) is reported under
// tip.ErratumRule, tip's rule in every package, which is not listed here.
func AllRuleIDs() []RuleID {
	return []RuleID{
		RuleOnePlacement, RuleRestrictions, RuleSpecialWatch, RuleWatchGrounds3, RuleWatchGrounds2,
		RuleAutoDowngrade, RuleWaiverTwoYears, RuleWaiverOnce, RulePostWaiver, RulePolicyPattern,
		RuleUnresolvedName, RuleSourceConflict, RuleCorrection,
		RuleGap, RuleOpen, RuleNonexistent, RulePanelOutside,
		RuleEmptyItem, RuleLawRow, RuleStateSponsoredCount, RuleReportYear,
	}
}

// A RuleKind says which check a Rule is: Check and Eligible apply a rule
// by its kind, with its parameters, in the years it is in force. The zero
// RuleKind is unknown, and a rule of that kind checks nothing.
type RuleKind uint8

// The kinds of rule.
const (
	KindUnknown          RuleKind = iota
	KindOnePlacement              // each country on one list a year
	KindRestrictions              // Tier 3 restrictions in the next fiscal year (Restricted)
	KindSpecialWatchList          // the special watch list (SpecialWatchList; Check compares its size with the published one)
	KindWatchListGrounds          // the grounds for the Watch List: judgments the data cannot check
	KindDowngrade                 // the automatic downgrade after a Watch List run
	KindWaiver                    // the waiver of the automatic downgrade
	KindPostWaiver                // (F): the Watch List years allowed after a waiver and a downgrade
	KindPolicyPattern             // a government policy or pattern of trafficking means Tier 3
)

var kindNames = [...]string{"unknown", "one-placement", "restrictions", "special-watch-list", "watch-list-grounds",
	"downgrade", "waiver", "post-waiver", "policy-or-pattern"}

// String returns the kind's name: "downgrade", "waiver"; "unknown" for the
// zero RuleKind and for a value outside the list.
func (k RuleKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// ParseRuleKind reads what String writes.
func ParseRuleKind(s string) (RuleKind, error) {
	if i := slices.Index(kindNames[:], strings.TrimSpace(s)); i > 0 {
		return RuleKind(i), nil
	}
	return KindUnknown, fmt.Errorf("tiers: unknown rule kind %q (want one of %s)", s, strings.Join(kindNames[1:], ", "))
}

// MarshalText writes String's form.
func (k RuleKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads what ParseRuleKind reads; "" and "unknown" give the
// zero value.
func (k *RuleKind) UnmarshalText(b []byte) error {
	if s := string(b); s == "" || s == kindNames[KindUnknown] {
		*k = KindUnknown
		return nil
	}
	v, err := ParseRuleKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// A Rule is one version of a TVPA rule: the text of one provision in the
// report years it was in force, and the figures that text sets. Check and
// Eligible read nothing else: a rule does what its Kind and its
// parameters say, in the years from From to To, and every rule carries
// the figures it needs, so that dropping one from a Rules value leaves the
// others as they were.
type Rule struct {
	ID       RuleID         // what its findings carry: "tiers/waiver-once"
	Kind     RuleKind       // the check it is: KindWaiver
	Name     string         // one line for a person
	Citation string         // "22 U.S.C. 7107(b)(2)(D)(ii), as amended by P.L. 115-427"
	From, To tip.ReportYear // the report years in force; To 0: still in force
	Text     string         // the rule in the words of the statute or of seed 003
	// TextYear is the year of the statute's text that Text quotes, where
	// later amendments may have changed it and were not checked: (F) as
	// the 2023 snapshot of the U.S. Code has it (data/STATUTE.md). 0 if
	// the text is that of the version's years.
	TextYear int

	// The parameters, each read by the kinds named; zero in other rules.

	// WatchListYears is the number of consecutive Watch List years after
	// which the next is Tier 3, unless waived: 2, "for 2 consecutive
	// years" (KindDowngrade, KindWaiver).
	WatchListYears int
	// CountFrom is the first report year whose Watch List counts towards
	// that run: the statute counts the years "after December 23, 2008"
	// (KindDowngrade, KindWaiver).
	CountFrom tip.ReportYear
	// Waivers is the number of consecutive years the downgrade may be
	// waived: "for up to 2 years", later "only once" (KindDowngrade,
	// KindWaiver).
	Waivers int
	// WatchListYearsAfter is the number of consecutive Watch List years
	// allowed after a waiver and a downgrade to Tier 3: "for more than 1
	// consecutive year" (KindPostWaiver).
	WatchListYearsAfter int
}

// InForce reports whether the rule applies to report year y.
func (r Rule) InForce(y tip.ReportYear) bool {
	return y >= r.From && (r.To == 0 || y <= r.To)
}

// Version names the version by the report year it took effect: "2019".
// An amendment (Amend) leaves the name of the version it ends as it was.
func (r Rule) Version() string { return strconv.Itoa(int(r.From)) }

// Ref returns the rule's ID, version and citation, what a Denial carries.
func (r Rule) Ref() RuleRef {
	return RuleRef{Rule: r.ID, Version: r.Version(), Citation: r.Citation}
}

// A RuleRef names the version of a rule an answer rests on.
type RuleRef struct {
	Rule     RuleID // "tiers/waiver-once"
	Version  string // the report year the version took effect: "2019"
	Citation string // "22 U.S.C. 7107(b)(2)(D)(ii), as amended by P.L. 115-427"
}

// String returns "tiers/waiver-once of 2019 (22 U.S.C. 7107(b)(2)(D)(ii),
// as amended by P.L. 115-427)", or "" for the zero RuleRef.
func (r RuleRef) String() string {
	if r.Rule == "" {
		return ""
	}
	return fmt.Sprintf("%s of %s (%s)", r.Rule, r.Version, r.Citation)
}

// Rules is a set of rule versions: Check, Eligible, SpecialWatchList and
// Restricted apply the rules of the value they are called on, each in the
// years it is in force. DefaultRules is the TVPA as tipkit reads it; a
// copy may be edited to ask what an amendment would change.
type Rules []Rule

// DefaultRules returns the TVPA's rules, version by version, in the order
// the law took them up (data/STATUTE.md gives the sources). Each call
// returns a new slice, which the caller may edit freely.
func DefaultRules() Rules { return slices.Clone(statute) }

// FirstReportYear is the year of the first TIP Report, 2001, which the
// TVPA of 2000 required: the report the count of YearsInReport starts with.
const FirstReportYear tip.ReportYear = 2001

// statute is DefaultRules' table: the statute's history, read from
// data/STATUTE.md and data/waivers.md.
var statute = Rules{
	// The TVPA of 2000 (P.L. 106-386): the first report, 2001.
	{ID: RuleOnePlacement, Kind: KindOnePlacement, From: 2001,
		Name: "One placement per country", Citation: "22 U.S.C. 7107(b)(1)",
		Text: "each country is on one of the lists (A), (B), (C), or a special case"},
	{ID: RuleRestrictions, Kind: KindRestrictions, From: 2001,
		Name: "Tier 3 restrictions in the next fiscal year", Citation: "22 U.S.C. 7107(d)(1)",
		Text: "no nonhumanitarian, nontrade-related foreign assistance for the subsequent fiscal year, unless waived; applicable restrictions apply for the next Fiscal Year, which begins October 1 (seed 003)"},

	// The 2003 reauthorization (P.L. 108-193): the special watch list,
	// first in the 2004 report.
	{ID: RuleSpecialWatch, Kind: KindSpecialWatchList, From: 2004,
		Name: "Special watch list", Citation: "22 U.S.C. 7107(b)(2)(A)",
		Text: "countries upgraded to Tier 1 from Tier 2, upgraded from Tier 3, or on the Tier 2 Watch List (clauses (i)–(iii))"},
	{ID: RuleWatchGrounds3, Kind: KindWatchListGrounds, From: 2004, To: 2018,
		Name: "Three Watch List grounds", Citation: "22 U.S.C. 7107(b)(2)(A)(iii) (before P.L. 115-427)",
		Text: "(I) the absolute number of victims is very significant or significantly increasing; (II) failure to provide evidence of increasing efforts from the previous year; (III) the determination is based on commitments to take additional future steps over the next year"},

	// The 2008 reauthorization (P.L. 110-457, December 23, 2008): the
	// automatic downgrade, counting the Watch List years from the 2009
	// report; the waiver "for up to 2 years"; and (F).
	{ID: RuleAutoDowngrade, Kind: KindDowngrade, From: 2009, To: 2018,
		WatchListYears: 2, CountFrom: 2009, Waivers: 2,
		Name: "Automatic downgrade after two Watch List years, waivable for two", Citation: "22 U.S.C. 7107(b)(2)(D)(i)",
		Text: "a country that is included on the special watch list described in subparagraph (A) for 2 consecutive years after December 23, 2008, shall be included on the list of countries described in paragraph (1)(C); the President may waive the application of clause (i) for up to 2 years"},
	{ID: RuleWaiverTwoYears, Kind: KindWaiver, From: 2009, To: 2018,
		WatchListYears: 2, CountFrom: 2009, Waivers: 2,
		Name: "Waiver of the automatic downgrade, up to two years", Citation: "22 U.S.C. 7107(b)(2)(D)(ii) (before P.L. 115-427)",
		Text: "the President may waive the application of clause (i) for up to 2 years"},
	{ID: RulePostWaiver, Kind: KindPostWaiver, From: 2009,
		WatchListYearsAfter: 1, TextYear: 2023,
		Name: "At most one Watch List year after a waiver and a downgrade", Citation: "22 U.S.C. 7107(b)(2)(F)",
		Text: "limits a country to one year on Tier 2 Watch List after that country received a waiver to stay on the Watch List and was subsequently downgraded to Tier 3 (seed 003)"},

	// P.L. 115-425 and P.L. 115-427 (January 9, 2019), from the 2019
	// report: the waiver "for up to 1 year", two Watch List grounds, and
	// a policy or pattern of trafficking as proof of no significant efforts.
	{ID: RuleAutoDowngrade, Kind: KindDowngrade, From: 2019,
		WatchListYears: 2, CountFrom: 2009, Waivers: 1,
		Name: "Automatic downgrade after two Watch List years, waivable once", Citation: "22 U.S.C. 7107(b)(2)(D)(i)",
		Text: "any country that has been ranked Tier 2 Watch List for two consecutive years and that would otherwise be ranked Tier 2 Watch List for the next year will instead be ranked Tier 3 in that third year (seed 003); years counted after December 23, 2008; waivable for up to 1 year"},
	{ID: RuleWaiverOnce, Kind: KindWaiver, From: 2019,
		WatchListYears: 2, CountFrom: 2009, Waivers: 1,
		Name: "Waiver of the automatic downgrade, only once", Citation: "22 U.S.C. 7107(b)(2)(D)(ii), as amended by P.L. 115-427",
		Text: "authorized to waive the automatic downgrade only once, in that third year. The following year, a country must either go up to Tier 2 or down to Tier 3 (seed 003)"},
	{ID: RuleWatchGrounds2, Kind: KindWatchListGrounds, From: 2019,
		Name: "Two Watch List grounds", Citation: "22 U.S.C. 7107(b)(2)(A)(iii), as amended by P.L. 115-425 and P.L. 115-427",
		Text: "(I) the estimated number of victims is very significant or significantly increasing and the country is not taking proportional concrete actions; or (II) failure to provide evidence of increasing efforts from the previous year"},
	{ID: RulePolicyPattern, Kind: KindPolicyPattern, From: 2019,
		Name: "A government policy or pattern of trafficking means Tier 3", Citation: "22 U.S.C. 7107(b)(3)(B)",
		Text: "a government policy or pattern of trafficking … is proof of failure to make significant efforts (P.L. 115-427)"},
}

// publishedSpecialWatchList is PublishedSpecialWatchList's table.
var publishedSpecialWatchList = map[tip.ReportYear]int{2023: 28}

// PublishedSpecialWatchList returns the size of the special watch list as
// the State Department published it, by report year, where tipkit has the
// figure: 2023, "28 countries (2 upgraded from Tier 2 to Tier 1, 26 on the
// Watch List)". Each call returns a new map.
func PublishedSpecialWatchList() map[tip.ReportYear]int {
	return maps.Clone(publishedSpecialWatchList)
}

// InForce returns the versions in force in report year y, in rs' order.
func (rs Rules) InForce(y tip.ReportYear) Rules {
	var out Rules
	for _, r := range rs {
		if r.InForce(y) {
			out = append(out, r)
		}
	}
	return out
}

// Lookup returns the version of the rule with the ID that is in force in
// report year y, and false if none is.
func (rs Rules) Lookup(id RuleID, y tip.ReportYear) (Rule, bool) {
	for _, r := range rs {
		if r.ID == id && r.InForce(y) {
			return r, true
		}
	}
	return Rule{}, false
}

// Amend returns a copy of rs amended from report year from, as a statute
// is: every rule in force in from that edit changes ends in from-1, and
// its edited copy, in force from from to where the rule ended, follows
// it. A rule that edit leaves as it was stays whole, and rs is not
// changed. edit should change the rule's text or parameters, not its
// years, which Amend sets.
//
//	// A hypothetical amendment: no waiver of the downgrade from the 2027 report.
//	rs := tiers.DefaultRules().Amend(2027, func(r *tiers.Rule) { r.Waivers = 0 })
func (rs Rules) Amend(from tip.ReportYear, edit func(*Rule)) Rules {
	out := make(Rules, 0, len(rs))
	for _, r := range rs {
		if !r.InForce(from) {
			out = append(out, r)
			continue
		}
		amended := r
		edit(&amended)
		if amended.From, amended.To = r.From, r.To; amended == r {
			out = append(out, r)
			continue
		}
		amended.From = from
		before := r
		before.To = from - 1
		if before.From <= before.To {
			out = append(out, before)
		}
		out = append(out, amended)
	}
	return out
}

// has reports whether a rule of the kind is in force in report year y.
func (rs Rules) has(k RuleKind, y tip.ReportYear) bool {
	return slices.ContainsFunc(rs, func(r Rule) bool { return r.Kind == k && r.InForce(y) })
}

// citation is the citation of the rule with the ID, in force in y if a
// version is, else its latest version's: for findings that name a rule
// outside its years (a report of unknown year).
func (rs Rules) citation(id RuleID, y tip.ReportYear) string {
	if r, ok := rs.Lookup(id, y); ok {
		return r.Citation
	}
	cite := ""
	for _, r := range rs {
		if r.ID == id {
			cite = r.Citation
		}
	}
	return cite
}

// ordinal is "1st", "2nd", "3rd", "4th", … "11th", "21st".
func ordinal(n int) string {
	suffix := "th"
	switch n % 10 {
	case 1:
		suffix = "st"
	case 2:
		suffix = "nd"
	case 3:
		suffix = "rd"
	}
	if n%100 >= 11 && n%100 <= 13 {
		suffix = "th"
	}
	return strconv.Itoa(n) + suffix
}

// count writes n things for a sentence: "no Watch List year", "one year",
// "two years", "12 years".
func count(n int, thing string) string {
	words := [...]string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
	s := strconv.Itoa(n)
	if n >= 0 && n < len(words) {
		s = words[n]
	}
	if n > 1 || n < 0 {
		thing += "s"
	}
	return s + " " + thing
}

// span writes the report years from a to b: "2023–2025", or "2025" if
// they are one year.
func span(a, b tip.ReportYear) string {
	if a == b {
		return strconv.Itoa(int(a))
	}
	return strconv.Itoa(int(a)) + "–" + strconv.Itoa(int(b))
}
