package grants

import (
	"fmt"
	"strings"

	"github.com/tipkit/tipkit/tip"
)

// The rules of the findings the award readers report: USAspending's
// record as it is, quirks included, never silently fixed. Each is a
// tip.Finding's Rule.
const (
	RuleAwardNullCode        = "grants/award-null-code"           // no place-of-performance code: the country is unknown (USAspending has treated null as USA)
	RuleAwardUnresolvedCode  = "grants/award-unresolved-code"     // a well-formed code that is no GENC code ("QQQ"); lax only, strict fails
	RuleAwardGENCNotISO      = "grants/award-genc-not-iso"        // a GENC code that is not the ISO code: XKS, Kosovo (ISO's user-assigned XKX)
	RuleAwardUSANoState      = "grants/award-usa-no-state"        // coded USA with no state: global or headquarters work, not work in the United States
	RuleAwardHeadquarters    = "grants/award-aut-headquarters"    // coded AUT: UNODC's headquarters in Vienna, not work in Austria
	RuleAwardMultiCountry    = "grants/award-multi-country"       // the description names countries the code does not
	RuleAwardNotTIP          = "grants/award-not-tip"             // filed under 19.019 with a FAIN prefix that is not the TIP Office's
	RuleAwardNotPositive     = "grants/award-amount-not-positive" // a zero or negative amount
	RuleAwardNullType        = "grants/award-null-type"           // no award type
	RuleAwardOtherType       = "grants/award-other-type"          // a type that is neither a project grant nor a cooperative agreement
	RuleAwardCents           = "grants/award-cents"               // lax: an amount rounded to the cent
	RuleAwardFiscalYear      = "grants/award-fiscal-year"         // a download's fiscal-year column disagrees with the date
	RuleAwardSeveralListings = "grants/award-several-listings"    // an award filed under 19.019 and other listings
	RuleAwardDuplicate       = "grants/award-duplicate"           // one award ID (or key) on two records
	RuleAwardOtherListings   = "grants/award-other-listings"      // records under other listings, counted and not kept
)

// globalPlaces are the codes whose awards are not work in the country the
// code names: USAspending's own quirks under 19.019 (the shared README,
// data/awards/PROVENANCE.md). A rule of the data, kept as data.
var globalPlaces = []struct {
	code    string
	noState bool // applies only where the record has no state
	rule    string
	why     string
}{
	{"USA", true, RuleAwardUSANoState, "coded USA with no state: a global or headquarters award, not work in the United States"},
	{"AUT", false, RuleAwardHeadquarters, "coded AUT: work run from UNODC's headquarters in Vienna, not work in Austria"},
}

// tipPrefixes are the FAIN prefixes of the TIP Office's awards. An award
// under 19.019 with another prefix was filed there by another office.
// SSJTIP is the office's (J/TIP); SSGTIP its older one (G/TIP).
var tipPrefixes = []string{"SSJTIP", "SSGTIP"}

// fieldPositions are where the values a finding is about were read; a
// zero position means the record's.
type fieldPositions struct {
	amount, kind, code, desc tip.Position
	noKind                   bool // the input has no award type field at all: a missing type is not a null one
}

// finishAward derives what follows from an award's values, once they are
// read: its place kind, the countries its description names, and the
// findings about it. unresolved says the code is well-formed but tipkit
// cannot resolve it (a lax read; a strict read has failed already).
func finishAward(a *Award, src string, fp fieldPositions) {
	at := func(p tip.Position) tip.Position {
		if p.IsValid() {
			return p
		}
		return a.Pos
	}
	add := func(rule string, sev tip.Severity, pos tip.Position, c tip.Country, msg string) {
		a.Findings = append(a.Findings, tip.Finding{Rule: rule, Severity: sev, Source: src, Pos: at(pos), Country: c, Subject: a.ID, Message: a.ID + ": " + msg})
	}

	switch {
	case a.CountryCode == "":
		a.Place = PlaceUnknown
		add(RuleAwardNullCode, tip.Warning, fp.code, 0, "no place-of-performance code: the country is unknown (USAspending has treated a null code as USA)")
	case a.Country == 0:
		a.Place = PlaceUnknown
		add(RuleAwardUnresolvedCode, tip.Warning, fp.code, 0, fmt.Sprintf("GENC code %s names no entity of tipkit's country table (the 191 of the TIP Reports): the award is kept with its code and no country", a.CountryCode))
	default:
		a.Place = PlaceCountry
		for _, g := range globalPlaces {
			if a.CountryCode == g.code && (!g.noState || a.State == "") {
				a.Place = PlaceGlobal
				add(g.rule, tip.Warning, fp.code, a.Country, g.why)
			}
		}
		if iso := a.Country.ISO3(); iso != a.CountryCode {
			add(RuleAwardGENCNotISO, tip.Info, fp.code, a.Country, fmt.Sprintf("GENC code %s is %s, whose ISO 3166-1 code is %s", a.CountryCode, a.Country.Name(), iso))
		}
	}

	a.Named = namedCountries(a.Description)
	var more []string
	for _, c := range a.Named {
		if c != a.Country {
			more = append(more, c.Name())
		}
	}
	if len(more) > 0 {
		code := "the record has no code"
		if a.CountryCode != "" {
			code = "the code is " + a.CountryCode
		}
		add(RuleAwardMultiCountry, tip.Info, fp.desc, a.Country, fmt.Sprintf("the description names %s; %s: multi-country work carried by one code", joinAnd(more), code))
	}

	if a.Listing == AssistanceListing && !hasTIPPrefix(a.ID) {
		prefix := a.ID[:min(6, len(a.ID))]
		add(RuleAwardNotTIP, tip.Warning, tip.Position{}, 0, fmt.Sprintf("filed under %s, but its FAIN prefix %s is not the TIP Office's (%s): not a TIP award", AssistanceListing, prefix, strings.Join(tipPrefixes, ", ")))
	}
	if a.Amount.Sign() <= 0 {
		add(RuleAwardNotPositive, tip.Warning, fp.amount, a.Country, fmt.Sprintf("amount %s: zero or negative (funds withdrawn, or the award reissued under another number)", tip.FormatAmount(a.Amount)))
	}
	switch {
	case a.KindText == "":
		if !fp.noKind {
			add(RuleAwardNullType, tip.Warning, fp.kind, 0, "no award type")
		}
	case a.Kind == AwardKindUnknown:
		add(RuleAwardOtherType, tip.Warning, fp.kind, 0, fmt.Sprintf("award type %q is neither a project grant nor a cooperative agreement", a.KindText))
	}
}

func hasTIPPrefix(id string) bool {
	for _, p := range tipPrefixes {
		if strings.HasPrefix(id, p) {
			return true
		}
	}
	return false
}

// joinAnd writes "A", "A and B", "A, B and C".
func joinAnd(ss []string) string {
	switch len(ss) {
	case 0:
		return ""
	case 1:
		return ss[0]
	}
	return strings.Join(ss[:len(ss)-1], ", ") + " and " + ss[len(ss)-1]
}
