package grants

import (
	"strings"
	"sync"
)

// A field is one part of a project record: what a label names.
type field uint8

// The fields, in the order Format writes them.
const (
	noField field = iota
	fieldCountries
	fieldImplementer
	fieldAmount
	fieldEndDate
	fieldDescription
	numFields
)

// A labelUse says when Format writes a label, and so when reading it is
// reading the listing as Format would have written it.
type labelUse uint8

const (
	always     labelUse = iota // the one label of its field
	forOne                     // Countries with one place and no place label: "Country: Kenya"
	forSeveral                 // Countries with several places or a place label: "Countries: Regional – Kenya and Uganda"
	never                      // read (lax, with a finding), never written: "Project Description"
)

// A label is one way a record's line may start.
type label struct {
	name  string // as the listing prints it, without the colon: "End Date"
	field field
	use   labelUse
	// opens reports whether a block of lines starting with this label,
	// after a blank line, starts a new record even while the record
	// above lacks the field: Amount, End Date and Description after a
	// blank line continue the record above (seed 000 has such blank
	// lines); Country and Implementer start the next one once the
	// record above has its Amount.
	opens bool
	// required reports whether a record with no line of the field is an
	// error: a project is at least an implementer and an amount.
	required bool
	// example is a value as the listing writes it, which error messages
	// show: `want a line like "Amount: $1,250,000.00"`.
	example string
	// rule is the finding's rule when the label is read where Format
	// would write another (see use): lax reads it with a finding, strict
	// refuses it.
	rule string
}

// labels is the one table of a record's labels: the scanner reads a
// line's label through it (labelNamed), Format writes each field with the
// label of the field whose use fits (see writes), and error messages take
// their examples from it. Adding a label is one row.
var labels = [...]label{
	{name: "Country", field: fieldCountries, use: forOne, opens: true, example: "Kenya", rule: "grants/singular-label"},
	{name: "Countries", field: fieldCountries, use: forSeveral, opens: true, example: "Regional Project – Kenya and Uganda", rule: "grants/plural-label"},
	{name: "Implementer", field: fieldImplementer, use: always, opens: true, required: true, example: "International Organization for Migration (IOM)"},
	{name: "Amount", field: fieldAmount, use: always, required: true, example: "$1,250,000.00"},
	{name: "End Date", field: fieldEndDate, use: always, example: "9/30/2023"},
	{name: "Description", field: fieldDescription, use: always, example: "Training for police and prosecutors."},
	// Seed 000 writes it once, line 437.
	{name: "Project Description", field: fieldDescription, use: never, rule: "grants/project-description"},
}

// maxLabel is the longest text before a colon that is read as a label:
// longer, "Specifically, the grantee will:" is a line of a description.
const maxLabel = 24

// labelNamed returns the row of labels named s, in any case, or nil.
func labelNamed(s string) *label {
	for i := range labels {
		if labels[i].name == s {
			return &labels[i]
		}
	}
	for i := range labels {
		if strings.EqualFold(labels[i].name, s) {
			return &labels[i]
		}
	}
	return nil
}

// writes reports whether Format writes l for a value of its field with
// several places (or a place label), or not.
func (l *label) writes(several bool) bool {
	switch l.use {
	case always:
		return true
	case forOne:
		return !several
	case forSeveral:
		return several
	}
	return false
}

// written returns the label Format writes for field f.
func written(f field, several bool) *label {
	for i := range labels {
		if labels[i].field == f && labels[i].writes(several) {
			return &labels[i]
		}
	}
	return nil
}

// fieldName is the name errors give field f: its first label.
func fieldName(f field) string {
	for _, l := range labels {
		if l.field == f {
			return l.name
		}
	}
	return ""
}

// exampleLine is a line of field f as the listing writes it, quoted:
// `"Amount: $1,250,000.00"`.
func exampleLine(f field) string {
	l := written(f, false)
	return `"` + l.name + ": " + l.example + `"`
}

// wantLine is what an error about field f asks for: `want a line like
// "Amount: $1,250,000.00"`.
func wantLine(f field) string { return "want a line like " + exampleLine(f) }

// labelList is every label Format writes, for the message about one that
// is no label: "Country, Countries, Implementer, …".
var labelList = sync.OnceValue(func() string {
	var names []string
	for _, l := range labels {
		if l.use != never {
			names = append(names, l.name)
		}
	}
	return strings.Join(names, ", ")
})

// cutLabel splits a cleaned, trimmed line "Label: value" at its colon. ok
// is false unless the text before the colon is one to maxLabel ASCII
// letters and spaces, starting with a letter: anything else is text.
func cutLabel(t string) (name, value string, ok bool) {
	i := strings.IndexByte(t, ':')
	if i <= 0 || i > maxLabel {
		return "", "", false
	}
	for j := 0; j < i; j++ {
		c := t[j]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == ' ' && j > 0) {
			return "", "", false
		}
	}
	return strings.TrimRight(t[:i], " "), strings.TrimLeft(t[i+1:], " "), true
}
