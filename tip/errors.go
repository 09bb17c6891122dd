package tip

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/tipkit/tipkit/tip/text"
)

// These are the errors that can be returned in [ParseError.Err], and by the
// Parse and Lookup functions of this package and of grants, tiers and cspa.
// Test for them with [errors.Is]; every error tipkit returns wraps exactly
// one of them.
//
// They come in two kinds, as in golang.org/x/text/language: malformed input
// ([ErrSyntax], [ErrEncoding], [ErrAmount], [ErrDate], [ErrYear]) and
// well-formed input whose value is not known or not allowed
// ([ErrUnknownCountry], [ErrAmbiguousCountry], [ErrMissing], [ErrDuplicate]).
// Three say why a parse stopped short: the input could not be read
// ([ErrRead], [ErrNilReader]) or held too many errors ([ErrTooManyErrors]).
var (
	// ErrSyntax: the text does not have the form the document format requires
	// (a label with no value, a line that is neither a label nor a heading).
	ErrSyntax = errors.New("syntax error")
	// ErrEncoding: the input is not valid UTF-8, or holds a NUL byte.
	ErrEncoding = errors.New("invalid encoding")
	// ErrAmount: a money amount that is not US dollars written as
	// "$1,000,000", "$394,750.00" or "$3.12 million".
	ErrAmount = errors.New("invalid amount")
	// ErrDate: a date that is malformed or does not exist (2/30/2023).
	ErrDate = errors.New("invalid date")
	// ErrYear: a report or fiscal year that is malformed or out of range.
	ErrYear = errors.New("invalid year")
	// ErrUnknownCountry: a well-formed name that names no known country.
	// The error is an [*UnknownCountryError] with suggestions.
	ErrUnknownCountry = errors.New("unknown country")
	// ErrAmbiguousCountry: a name that fits more than one country ("Congo").
	// The error is an [*AmbiguousCountryError] with the candidates.
	ErrAmbiguousCountry = errors.New("ambiguous country")
	// ErrMissing: a required part (an amount, a list) is absent.
	ErrMissing = errors.New("missing value")
	// ErrDuplicate: a part that may appear once appears twice (a label in
	// one record, a country on two tiers).
	ErrDuplicate = errors.New("duplicate")
	// ErrUnknownBureau: a heading or code that names no regional bureau.
	ErrUnknownBureau = errors.New("unknown bureau")
	// ErrTooManyErrors: a parse stopped after collecting [MaxErrors]
	// errors; the input past that point was not read.
	ErrTooManyErrors = errors.New("too many errors")
	// ErrRead: the io.Reader failed. The error wraps the reader's own
	// error as well: errors.Is(err, iotest.ErrTimeout) holds for a reader
	// that timed out. The line the failure cut short is not parsed.
	// It is text.ErrRead, which the line reader returns.
	ErrRead = text.ErrRead
	// ErrNilReader: the io.Reader given to a parser is nil. It is
	// text.ErrNilReader.
	ErrNilReader = text.ErrNilReader
)

// A ParseError is returned for a problem at a known place in a document. It
// is shaped like [encoding/csv.ParseError] and golang.org/x/mod/modfile's
// Error: the position is 1-based, Col counts bytes (as csv does), and
// Error drops the parts that are unknown.
//
//	seed 000:17:9: Amount: invalid amount: "$1,00,0"
type ParseError struct {
	Source string // name the caller gave the input: "seed 000", "report.txt"; may be empty
	Line   int    // 1-based line of the offending text; 0 if unknown
	Col    int    // 1-based byte column within Line; 0 if unknown
	Record int    // 1-based index of the record the error is in, where the document has records (a grants listing); 0 if none
	Field  string // label or part being read: "Amount", "Tier 2 Watch List"; may be empty
	Err    error  // the actual error; wraps one of the sentinels above
}

// Errorf returns a *ParseError at pos whose Err wraps the sentinel err with
// the message format, args. With an empty format the message is err's own.
// Every tipkit parser builds its errors here so that they read alike.
func Errorf(source string, pos Position, field string, err error, format string, args ...any) *ParseError {
	if format != "" {
		err = &detailError{msg: fmt.Sprintf(format, args...), err: err}
	}
	return &ParseError{Source: source, Line: pos.Line, Col: pos.Col, Field: field, Err: err}
}

// detailError carries a message that already names its problem and wraps the
// sentinel that classifies it.
type detailError struct {
	msg   string
	quote string // input quoted before msg; formatted only when Error is called, since callers often discard the error
	err   error
}

func (e *detailError) Error() string {
	msg := e.msg
	if e.quote != "" {
		msg = strconv.Quote(e.quote) + msg
	}
	if msg == "" {
		return e.err.Error()
	}
	return e.err.Error() + ": " + msg
}

func (e *detailError) Unwrap() error { return e.err }

// Pos returns the position of the error.
func (e *ParseError) Pos() Position { return Position{Line: e.Line, Col: e.Col} }

// Error formats the error as "source:line:col: record N: Field: message".
func (e *ParseError) Error() string {
	var b strings.Builder
	if e.Source != "" {
		b.WriteString(e.Source)
		b.WriteByte(':')
	}
	if e.Line > 0 {
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteByte(':')
		if e.Col > 0 {
			b.WriteString(strconv.Itoa(e.Col))
			b.WriteByte(':')
		}
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	if e.Record > 0 {
		fmt.Fprintf(&b, "record %d: ", e.Record)
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	if e.Err == nil {
		b.WriteString("<nil>")
	} else {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error, so errors.Is(err, tip.ErrAmount) works.
func (e *ParseError) Unwrap() error { return e.Err }

// An ErrorList is a list of *ParseErrors, modelled on go/scanner.ErrorList.
// The zero value is an empty list ready to use. Unlike go/scanner's (and
// modfile's), it implements Unwrap() []error, so [errors.Is] and [errors.As]
// reach every entry.
//
// A list holds at most [MaxErrors] errors and one more that wraps
// [ErrTooManyErrors]: every parser collects its errors with [ErrorList.Add],
// and stops when Add says so, so that hostile input (a million bad lines)
// costs bounded memory.
type ErrorList []*ParseError

// Add appends err and reports whether the parse may go on. Once the list
// holds MaxErrors errors, Add appends in err's place one error at err's
// position that wraps [ErrTooManyErrors] and returns false: the caller
// stops reading. Later calls add nothing and return false.
func (l *ErrorList) Add(err *ParseError) bool {
	switch {
	case len(*l) < MaxErrors:
		*l = append(*l, err)
		return true
	case len(*l) == MaxErrors:
		*l = append(*l, &ParseError{Source: err.Source, Line: err.Line, Col: err.Col, Record: err.Record,
			Err: &detailError{msg: fmt.Sprintf("stopped after %d errors", MaxErrors), err: ErrTooManyErrors}})
	}
	return false
}

// Full reports whether the list holds all the errors it will take: Add
// has refused one, and the parse should have stopped.
func (l ErrorList) Full() bool { return len(l) > MaxErrors }

// Len returns the number of errors.
func (l ErrorList) Len() int { return len(l) }

// Sort sorts the list by source, line and column, keeping the order of
// errors at the same place. The error that says the parse stopped (see
// Add) stays last.
func (l ErrorList) Sort() {
	if l.Full() {
		l = l[:len(l)-1]
	}
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.Pos().Before(b.Pos())
	})
}

// Err returns nil if the list is empty and the list itself otherwise, so a
// function can end with "return result, errs.Err()".
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error returns the first error and how many more there are.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	if len(l) == 2 {
		return fmt.Sprintf("%s (and 1 more error)", l[0])
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Unwrap returns every error in the list.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}
