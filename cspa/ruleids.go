package cspa

// AllRuleIDs returns, as a new slice, every rule ID of cspa's own that a
// cspa finding (tip.Finding.Rule) carries, sorted. A misprint read through
// the errata, in the lax parsers and the embedded data alike, is reported
// under tip.ErratumRule, tip's rule in every package, which is not listed:
//
//   - "cspa/amount": a line of Section 5 whose amount or authority does not read, or an amount above every country heading; not kept (lax).
//   - "cspa/date": a date that does not exist ("February 30, 2022"), left zero (lax).
//   - "cspa/duplicate": a government listed twice in one list; both kept (lax).
//   - "cspa/empty-item": a bullet with no name; nothing kept (lax).
//   - "cspa/repeated-section": a 405(c) section printed twice; the first is kept (lax).
//   - "cspa/repeated-sentence": Section 1 or 2 naming its countries twice; the first is kept (lax).
//   - "cspa/second-list": a second CSPA list in one input, not read (lax).
//   - "cspa/source-conflict": Default: a reference file and seed 003 disagree on a government of a year's list.
//   - "cspa/unresolved-name": a name that is no known country, kept with no country.
//   - "cspa/waiver-unlisted": Validate: a waiver for a government not on the list it would lift, or on a list not fully known.
//   - "cspa/year": a report or fiscal year out of range (tip.MinYear–tip.MaxYear), left zero (lax).
func AllRuleIDs() []string {
	return []string{
		"cspa/amount", "cspa/date", "cspa/duplicate", "cspa/empty-item",
		"cspa/repeated-section", "cspa/repeated-sentence", "cspa/second-list", "cspa/source-conflict",
		"cspa/unresolved-name", "cspa/waiver-unlisted", "cspa/year",
	}
}
