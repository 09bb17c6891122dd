package cspa

// AllRuleIDs returns, as a new slice, every rule ID a cspa finding
// (tip.Finding.Rule) carries:
//
//   - "cspa/duplicate": a government listed twice in one list.
//   - "cspa/erratum": a misprinted name read through errata.
//   - "cspa/source-conflict": Default: a reference file and seed 003 disagree on a government of a year's list.
//   - "cspa/unresolved-name": a name that is no known country, kept with no country.
//   - "cspa/waiver-unlisted": Validate: a waiver for a government not on the list it would lift, or on a list not fully known.
func AllRuleIDs() []string {
	return []string{"cspa/duplicate", "cspa/erratum", "cspa/source-conflict", "cspa/unresolved-name", "cspa/waiver-unlisted"}
}
