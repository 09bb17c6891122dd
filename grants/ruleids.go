package grants

// AllRuleIDs returns, as a new slice, every rule ID a grants finding
// (tip.Finding.Rule) carries:
//
//   - "grants/amount": Validate: an amount not above zero.
//   - "grants/award-amount-not-positive": award readers: a zero or negative amount.
//   - "grants/award-aut-headquarters": award readers: coded AUT: UNODC's headquarters in Vienna, not work in Austria.
//   - "grants/award-cents": award readers: lax: an amount rounded to the cent.
//   - "grants/award-duplicate": award readers: one award ID (or key) on two records.
//   - "grants/award-fiscal-year": award readers: a download's fiscal-year column disagrees with the date.
//   - "grants/award-genc-not-iso": award readers: a GENC code that is not the ISO code: XKS, Kosovo (ISO's user-assigned XKX).
//   - "grants/award-multi-country": award readers: the description names countries the code does not.
//   - "grants/award-not-tip": award readers: filed under 19.019 with a FAIN prefix that is not the TIP Office's.
//   - "grants/award-null-code": award readers: no place-of-performance code: the country is unknown (USAspending has treated null as USA).
//   - "grants/award-null-type": award readers: no award type.
//   - "grants/award-other-listings": award readers: records under other listings, counted and not kept.
//   - "grants/award-other-type": award readers: a type that is neither a project grant nor a cooperative agreement.
//   - "grants/award-several-listings": award readers: an award filed under 19.019 and other listings.
//   - "grants/award-unresolved-code": award readers: a well-formed GENC code tipkit's country table lacks (TCA); lax only, strict fails.
//   - "grants/award-usa-no-state": award readers: coded USA with no state: global or headquarters work, not work in the United States.
//   - "grants/blank-in-record": a blank line inside a record; what follows is read as part of the record.
//   - "grants/continuation": a line with no label, read as more of the field above (lax).
//   - "grants/cross-bureau": Validate: a country outside the bureau of the record's section.
//   - "grants/dollar-figure": a dollar figure on a program page that is not read as a Fact.
//   - "grants/duplicate": Validate: a record with the implementer, places, amount and end date of another.
//   - "grants/end-date": Validate: a record with no end date.
//   - "grants/ended": Validate: a project that ended before the listing's date.
//   - "grants/fact-place": a dollar figure's country list names something that is no country.
//   - "grants/header-claim": Validate: the listing's header claims more projects than it lists.
//   - "grants/highlight-place": a highlight names something that is no country.
//   - "grants/implementer-variants": Validate: one implementer's acronym written with several names.
//   - "grants/label-order": Countries after Implementer in a record (lax).
//   - "grants/no-country": a record with no Country (lax).
//   - "grants/plural-label": "Countries:" with one country (lax).
//   - "grants/program-type": a program page's program type that tipkit does not know.
//   - "grants/project-description": "Project Description:" for "Description:" (lax).
//   - "grants/repeated-label": a label given twice with no blank line between: a new record starts at it (lax).
//   - "grants/singular-label": "Country:" with several places (lax).
//   - "grants/skipped-not-kept": a program page with more than tip.MaxErrors lines of page chrome; the rest are counted, not kept.
//   - "grants/too-many-findings": a program page with more than tip.MaxErrors findings; the rest are not kept.
//   - "grants/unknown-section": a section heading that is none of the listing's.
//   - "grants/unresolved-place": a place that names no country, kept verbatim (lax).
func AllRuleIDs() []string {
	return []string{
		"grants/amount", "grants/award-amount-not-positive", "grants/award-aut-headquarters", "grants/award-cents",
		"grants/award-duplicate", "grants/award-fiscal-year", "grants/award-genc-not-iso", "grants/award-multi-country",
		"grants/award-not-tip", "grants/award-null-code", "grants/award-null-type", "grants/award-other-listings",
		"grants/award-other-type", "grants/award-several-listings", "grants/award-unresolved-code", "grants/award-usa-no-state",
		"grants/blank-in-record", "grants/continuation", "grants/cross-bureau", "grants/dollar-figure",
		"grants/duplicate", "grants/end-date", "grants/ended", "grants/fact-place",
		"grants/header-claim", "grants/highlight-place", "grants/implementer-variants", "grants/label-order",
		"grants/no-country", "grants/plural-label", "grants/program-type", "grants/project-description",
		"grants/repeated-label", "grants/singular-label", "grants/skipped-not-kept", "grants/too-many-findings",
		"grants/unknown-section", "grants/unresolved-place",
	}
}
