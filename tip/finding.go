package tip

import (
	"fmt"
	"slices"
	"strings"
)

// A Severity grades a Finding. The zero Severity is unknown.
type Severity uint8

// The severities, from least to most serious.
const (
	SeverityUnknown Severity = iota
	Info                     // worth knowing: a claim that is not a checksum, a cross-bureau project
	Warning                  // tolerated mess: a misprint read through errata, a plural label
	Error                    // the document contradicts itself or the law: a country on two tiers
)

var severityNames = [...]string{"unknown", "info", "warning", "error"}

// String returns "info", "warning", "error" or "unknown".
func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return "unknown"
}

// ParseSeverity reads what String writes, in any case.
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames[1:] {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return Severity(i + 1), nil
		}
	}
	return SeverityUnknown, &detailError{msg: fmt.Sprintf("unknown severity %q", s), err: ErrSyntax}
}

// MarshalText writes String's form.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads what ParseSeverity reads.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// A Finding is what a lax parser tolerated or a validator found: something a
// reader of the data should know, tied to the rule or document that makes
// it matter and to the place it was found. Validators return []Finding
// sorted with [SortFindings].
//
//	seed 003:861:1: error: tiers/one-placement: Montenegro is on Tier 2 (line 861) and Tier 2 Watch List (line 951)
type Finding struct {
	Rule     string   `json:"rule"`               // stable ID: "grants/erratum", "tiers/auto-downgrade"; each package lists its own (AllRuleIDs)
	Severity Severity `json:"severity"`           // Info, Warning or Error
	Source   string   `json:"source,omitempty"`   // the document: "seed 003"; "" for a finding about a model
	Pos      Position `json:"pos"`                // where in Source; zero if not tied to a line
	Country  Country  `json:"country,omitempty"`  // the country concerned, if any (ISO3 in JSON)
	Subject  string   `json:"subject,omitempty"`  // what else it is about: "record 12", "Montenegro", "2023"
	Message  string   `json:"message"`            // one sentence for a person
	Citation string   `json:"citation,omitempty"` // what makes it a rule: "22 U.S.C. 7107(b)(2)(A)", "seed 003, Methodology"
}

// String formats the finding as "source:line:col: severity: rule: message".
func (f Finding) String() string {
	var b strings.Builder
	if f.Source != "" {
		b.WriteString(f.Source)
		b.WriteByte(':')
	}
	if f.Pos.IsValid() {
		b.WriteString(f.Pos.String())
		b.WriteByte(':')
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	b.WriteString(f.Severity.String())
	b.WriteString(": ")
	if f.Rule != "" {
		b.WriteString(f.Rule)
		b.WriteString(": ")
	}
	b.WriteString(f.Message)
	if f.Citation != "" {
		b.WriteString(" [")
		b.WriteString(f.Citation)
		b.WriteByte(']')
	}
	return b.String()
}

// SortFindings sorts findings by source, position, then rule, keeping the
// order of findings that tie.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if c := strings.Compare(a.Source, b.Source); c != 0 {
			return c
		}
		if a.Pos != b.Pos {
			if a.Pos.Before(b.Pos) {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Rule, b.Rule)
	})
}

// CountBySeverity returns how many findings have each severity.
func CountBySeverity(fs []Finding) map[Severity]int {
	m := make(map[Severity]int)
	for _, f := range fs {
		m[f.Severity]++
	}
	return m
}
