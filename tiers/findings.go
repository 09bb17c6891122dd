package tiers

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/tipkit/tipkit/tip"
)

// checkRules are the rules Check reports, sorted by ID. tip.SortFindings
// sorts by Source, then Pos, then Rule, stably; Check's findings have no
// Source or Pos, so its order is theirs by rule, each rule's in the order
// found. findings writes them out in that order without sorting
// (TestCheckOrder compares with SortFindings).
var checkRules = [...]string{
	RuleAutoDowngrade,
	RuleOnePlacement,
	RulePolicyPattern,
	RulePostWaiver,
	RuleSpecialWatch,
	RuleWaiverTwoYears,
	RuleWaiverOnce,
}

// findings collects Check's findings. Messages are written one after
// another into one buffer, which becomes one string at the end, and each
// Message and Subject is a slice of that string: a finding costs no
// allocation of its own, where fmt.Sprintf and a sort cost several, and
// the bytes allocated are the messages' own. Check keeps its findings in
// a pool with their buffers, so that the buffers are not allocated again.
type findings struct {
	buf   []byte // the messages so far
	recs  []record
	cites [len(checkRules)]string // the rules' citations, looked up once
	// The country of the last finding and its name: findings come country
	// by country, and Country.Name costs a lookup each time.
	country tip.Country
	name    string
}

// A record is a finding before it is put in its place.
type record struct {
	start, end uint32 // the Message in buf, beginning with the year, its Subject: start+subject
	subject    uint8
	rule       uint8 // index in checkRules
	sev        tip.Severity
	country    tip.Country
}

// init looks up the rules' citations, once for the life of f.
func (f *findings) init() {
	for i, id := range checkRules {
		r, _ := RuleByID(id)
		f.cites[i] = r.Citation
	}
}

// reset empties f for another Check, keeping its buffers.
func (f *findings) reset() {
	f.buf, f.recs = f.buf[:0], f.recs[:0]
	f.country, f.name = 0, ""
}

// add records the finding "y: country: message" of the rule, its message
// written from the format as by printf.
func (f *findings) add(rule string, sev tip.Severity, c tip.Country, y tip.ReportYear, format *format, args ...arg) {
	start, subject := f.begin(y)
	if c != f.country || f.name == "" {
		f.country, f.name = c, c.Name()
	}
	f.buf = append(f.buf, f.name...)
	f.buf = append(f.buf, ": "...)
	f.printf(format, args...)
	f.end(rule, sev, c, start, subject)
}

// addYear records the finding "y: message" about a year as a whole.
func (f *findings) addYear(rule string, sev tip.Severity, y tip.ReportYear, format *format, args ...arg) {
	start, subject := f.begin(y)
	f.printf(format, args...)
	f.end(rule, sev, 0, start, subject)
}

// begin starts a message with the year, its Subject, and returns where
// the message and the year end start in the buffer.
func (f *findings) begin(y tip.ReportYear) (start, subject int) {
	start = len(f.buf)
	f.buf = appendInt(f.buf, int(y))
	subject = len(f.buf)
	f.buf = append(f.buf, ": "...)
	return start, subject
}

func (f *findings) end(rule string, sev tip.Severity, c tip.Country, start, subject int) {
	i := slices.Index(checkRules[:], rule)
	if i < 0 {
		panic("tiers: Check reports a rule missing from checkRules: " + rule)
	}
	if uint64(len(f.buf)) > math.MaxUint32 {
		panic("tiers: Check's messages pass 4 GB") // never: a few hundred bytes a country-year
	}
	f.recs = append(f.recs, record{start: uint32(start), end: uint32(len(f.buf)),
		subject: uint8(subject - start), rule: uint8(i), sev: sev, country: c})
}

// list returns the findings in tip.SortFindings' order: a stable counting
// sort by rule.
func (f *findings) list() []tip.Finding {
	if len(f.recs) == 0 {
		return nil
	}
	msgs := string(f.buf)
	var next [len(checkRules)]int // where each rule's next finding goes
	for _, r := range f.recs {
		next[r.rule]++
	}
	for i, n := 0, 0; i < len(next); i++ {
		next[i], n = n, n+next[i]
	}
	out := make([]tip.Finding, len(f.recs))
	for _, r := range f.recs {
		msg := msgs[r.start:r.end]
		// Field by field into the zeroed slot: a composite literal is
		// built aside and copied in with the pointer bitmap's barriers.
		o := &out[next[r.rule]]
		o.Rule, o.Severity, o.Country = checkRules[r.rule], r.sev, r.country
		o.Subject, o.Message, o.Citation = msg[:r.subject], msg, f.cites[r.rule]
		next[r.rule]++
	}
	return out
}

// An arg is one argument of printf: a number for %d, a string or an
// ordinal for %s. Its own type, rather than any, keeps the arguments off
// the heap.
type arg struct {
	kind argKind
	n    int
	s    string
}

type argKind uint8

const (
	argNum     argKind = iota // %d: n
	argString                 // %s: s
	argOrdinal                // %s: n as "1st", "2nd", "3rd", "4th"…
)

func num[T ~int](n T) arg { return arg{kind: argNum, n: int(n)} }
func str(s string) arg    { return arg{kind: argString, s: s} }
func ord(n int) arg       { return arg{kind: argOrdinal, n: n} }

// A format is a message format of Check's, cut into its literal parts and
// verbs once, when the package starts, so that writing a message appends
// the parts and the arguments in turn rather than searching the format
// for its verbs each time. The formats are those of fmt for Check's
// arguments: %d and %s take the arguments in turn, and %% is a percent
// sign.
type format struct {
	parts []string // the literal text before each verb, and after the last
	verbs []byte
}

// newFormat cuts s into a format. A '%' at its end is literal text, as fmt
// prints it ("%!(NOVERB)" aside).
func newFormat(s string) *format {
	m := new(format)
	var part []byte
	for {
		i := strings.IndexByte(s, '%')
		if i < 0 || i+1 == len(s) {
			m.parts = append(m.parts, string(append(part, s...)))
			return m
		}
		part = append(part, s[:i]...)
		verb := s[i+1]
		s = s[i+2:]
		if verb == '%' {
			part = append(part, '%')
			continue
		}
		m.parts = append(m.parts, string(part))
		m.verbs = append(m.verbs, verb)
		part = nil
	}
}

// printf appends the message to the buffer. A verb that does not fit its
// argument, or a missing argument, is marked in fmt's manner:
// "%!d(BADARG)", "%!s(MISSING)".
func (f *findings) printf(m *format, args ...arg) {
	b := f.buf
	for k, verb := range m.verbs {
		b = append(b, m.parts[k]...)
		if k >= len(args) {
			b = append(append(append(b, "%!"...), verb), "(MISSING)"...)
			continue
		}
		switch a := args[k]; {
		case verb == 'd' && a.kind == argNum:
			b = appendInt(b, a.n)
		case verb == 's' && a.kind == argString:
			b = append(b, a.s...)
		case verb == 's' && a.kind == argOrdinal:
			b = appendOrdinal(b, a.n)
		default:
			b = append(append(append(b, "%!"...), verb), "(BADARG)"...)
		}
	}
	f.buf = append(b, m.parts[len(m.verbs)]...)
}

// appendOrdinal appends "1st", "2nd", "3rd", then "4th", "5th"…: the runs
// the rules count are short, so "21th" is not worth a rule of its own.
func appendOrdinal(b []byte, n int) []byte {
	switch n {
	case 1:
		return append(b, "1st"...)
	case 2:
		return append(b, "2nd"...)
	case 3:
		return append(b, "3rd"...)
	}
	return append(appendInt(b, n), "th"...)
}

// appendInt is strconv.AppendInt in base 10, with the numbers of Check's
// messages (counts of years, and years) written directly.
func appendInt(b []byte, n int) []byte {
	switch {
	case 0 <= n && n <= 9:
		return append(b, byte('0'+n))
	case 1000 <= n && n <= 9999:
		return append(b, byte('0'+n/1000), byte('0'+n/100%10), byte('0'+n/10%10), byte('0'+n%10))
	}
	return strconv.AppendInt(b, int64(n), 10)
}
