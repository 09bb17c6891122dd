package cspa

import (
	"github.com/tipkit/tipkit/tip/parse"
)

// The rules of the findings a lax parse reports besides tip.ErratumRule;
// doc.go lists them all.
const (
	ruleUnresolved = "cspa/unresolved-name"   // a name that names no country
	ruleEmptyItem  = "cspa/empty-item"        // a bullet with no name: nothing kept
	ruleDuplicate  = "cspa/duplicate"         // a country listed twice: both kept
	ruleSecondList = "cspa/second-list"       // a second list in one input: not read
	ruleYear       = "cspa/year"              // a report or fiscal year out of range: left zero
	ruleDate       = "cspa/date"              // a date that does not exist: left zero
	ruleAmount     = "cspa/amount"            // an unreadable line of Section 5: not kept
	ruleSection    = "cspa/repeated-section"  // a 405(c) section printed twice: the first is kept
	ruleSentence   = "cspa/repeated-sentence" // a sentence a section states once, stated again: the first is kept
)

// nameRules are the rules of the findings a lax parse reports for a name
// it cannot read.
var nameRules = parse.NameRules{Unresolved: ruleUnresolved, Empty: ruleEmptyItem}
