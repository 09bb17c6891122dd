package grants

import (
	"io"
	"iter"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/text"
)

// ParseWith reads a project listing as opts say: the name errors and
// findings give the input (opts.Source, "listing" if empty), strict or
// lax, and the errata a lax parse applies (nil: tip.DefaultErrata).
//
// A strict parse (the zero options) refuses whatever it does not fully
// understand: a plural label with one country, "Project Description:",
// a misprinted or regional place name, an unknown heading, a record with
// no Country. A lax parse reads all of that, and records a tip.Finding for
// each thing it tolerated. Either fails on what it cannot read at all: an
// Amount that is not money, a date that does not exist, a record with no
// Amount or Implementer, an unknown label, text that is not UTF-8, a
// header it cannot read, a reader that fails.
//
// The listing is returned with every record that could be read, and the
// error is a tip.ErrorList of *tip.ParseError, each at its line and column,
// with the record it belongs to (ParseError.Record) and the field
// ("Amount"); each wraps a sentinel of package tip (tip.ErrAmount,
// tip.ErrUnknownCountry, …). A name that is no country is a
// *tip.UnknownCountryError, with suggestions. The parse stops after
// tip.MaxErrors errors, with a last one wrapping tip.ErrTooManyErrors; a
// reader's error is kept whole (errors.Is(err, iotest.ErrTimeout) holds),
// the line it cut short is not read, and a record it cut short is a
// project if it has what a project needs, and nothing is reported missing
// from it. Text that holds no record, no header and no heading is an
// error, not an empty listing.
func ParseWith(r io.Reader, opts tip.ParseOptions) (*Listing, error) {
	opts.Source = opts.SourceOr("listing")
	l := &Listing{Source: opts.Source}
	var errs tip.ErrorList
	newScanner(text.NewLineReader(r), opts, l, true, func(p Project, err error) bool {
		if err == nil {
			l.Projects = append(l.Projects, p)
			return true
		}
		for _, e := range err.(tip.ErrorList) {
			if !errs.Add(e) {
				return false
			}
		}
		return true
	}).run()
	tip.SortFindings(l.Findings)
	errs.Sort()
	return l, errs.Err()
}

// Parse reads a project listing strictly: ParseWith with the zero options.
func Parse(r io.Reader) (*Listing, error) {
	return ParseWith(r, tip.ParseOptions{})
}

// ParseLax reads every kind of mess the published listing holds, and
// records a finding for each thing it tolerated: ParseWith with Lax set.
func ParseLax(r io.Reader) (*Listing, error) {
	return ParseWith(r, tip.ParseOptions{Lax: true})
}

// ScanWith returns the projects of a listing as they are read, each with a
// nil error or, for a record that cannot be read, a zero Project and the
// record's errors (a tip.ErrorList, as ParseWith's). Errors that belong
// to no record (the header, a heading a strict scan refuses, a reader's
// error) come on their own, with a zero Project. Scanning goes on after a
// bad record, and stops after one with tip.MaxErrors errors.
//
// Memory stays flat however long the input: only the current line and
// record are held, and nothing is collected; in particular findings are
// not kept (use ParseWith for them).
func ScanWith(r io.Reader, opts tip.ParseOptions) iter.Seq2[Project, error] {
	opts.Source = opts.SourceOr("listing")
	return func(yield func(Project, error) bool) {
		newScanner(text.NewLineReader(r), opts, &Listing{}, false, yield).run()
	}
}

// Scan streams a listing read laxly: ScanWith with Lax set.
func Scan(r io.Reader) iter.Seq2[Project, error] {
	return ScanWith(r, tip.ParseOptions{Lax: true})
}
