package tip

import (
	"strconv"
	"strings"

	"github.com/tipkit/tipkit/tip/text"
)

// ParseOptions configures a parse. Every tipkit parser takes the same
// options (grants.ParseWith, tiers.ParseReportWith, cspa.ParseListWith, …);
// the zero value is a strict parse of an unnamed source with the default
// errata. The simple entry points (Parse, ParseLax, Scan) are these
// functions with the zero value, or with Lax set.
//
//	l, err := grants.ParseWith(f, tip.ParseOptions{Source: "listing.txt", Lax: true})
//	// errors read "listing.txt:17:10: Country: unknown country: …"
type ParseOptions struct {
	// Source names the input in every error and finding:
	// "listing.txt" gives "listing.txt:17:10: …". Empty means the
	// parser's own name for what it reads ("listing", "report").
	Source string

	// Lax reads the mess published documents hold (a misprinted name, a
	// plural label with one value, a country printed on two tiers) and
	// reports each thing it tolerated as a Finding in the result, where a
	// strict parse fails. A lax parse fails only on what it cannot read,
	// and still returns every good record.
	Lax bool

	// Errata are the misprints a lax parse reads through ("Tongo" for
	// Tonga), each use reported as a Finding. Nil means DefaultErrata();
	// an empty non-nil table applies none. A strict parse applies none
	// and reports a misprint as an unknown country.
	Errata Errata
}

// MaxErrors is the most errors one parse collects. Past it the parse
// stops, and the last error of its ErrorList wraps [ErrTooManyErrors]:
// hostile input (a million bad lines) costs bounded memory, and nobody
// reads the hundred-and-first error of a document.
const MaxErrors = 100

// SourceOr returns o.Source, or def when it is empty: the name a parser
// gives what it reads ("listing", "report") when the caller gives none.
// Parsers set it first, o.Source = o.SourceOr("listing"), so that every
// error and finding carries it.
func (o ParseOptions) SourceOr(def string) string {
	if o.Source == "" {
		return def
	}
	return o.Source
}

// errataKeys returns the errata a lax parse applies, folded: the default
// table's once for the process, another's at each call.
func (o ParseOptions) errataKeys() errataKeys {
	if o.Errata == nil {
		return defaultErrataKeys()
	}
	return o.Errata.keys()
}

// ErratumRule is the Rule of the Finding [ParseOptions.ResolveCountry]
// returns for a misprint read through the errata.
const ErratumRule = "tip/erratum"

// ResolveCountry reads a country name printed at pos of o.Source, in the
// part of the document named field ("Country", "Tier 2"). It is the one
// way tipkit's parsers read a country name:
//
//   - a name [LookupCountry] resolves gives its country;
//   - in a lax parse, a misprint in o.Errata ("Tongo") gives the country
//     it means and a Finding (Rule [ErratumRule], Severity Warning) that
//     cites the erratum;
//   - anything else gives a *ParseError at pos whose Field is field and
//     whose Err is LookupCountry's [*UnknownCountryError] (with
//     suggestions) or [*AmbiguousCountryError] (with candidates); a blank
//     name gives one wrapping [ErrMissing]. A lax parser that keeps such a
//     name, with a zero Country, reports it as a finding of its own.
//
// Suggestions are worked out only when the error is formatted, so a parser
// may resolve any line to see whether it is a country. A caller's own
// errata are folded at each call that consults them; a [Resolver] folds
// them once, for a parser that reads many names.
func (o ParseOptions) ResolveCountry(name string, pos Position, field string) (Country, *Finding, *ParseError) {
	return o.resolveCountry(name, pos, field, nil)
}

// A Resolver reads country names as [ParseOptions.ResolveCountry] does
// under the options it was made from, with the errata's printed names
// folded once rather than at every name: a parse that asks of every line
// whether it is a country (a tier list, a CSPA list) makes one. The zero
// Resolver is a strict one with no source name.
type Resolver struct {
	opts ParseOptions
	keys errataKeys // nil until a lax resolve needs them
}

// Resolver returns a Resolver for o, its errata folded: the default
// table's once for the process, a caller's table once here.
func (o ParseOptions) Resolver() *Resolver {
	r := &Resolver{opts: o}
	if o.Lax {
		r.keys = o.errataKeys()
	}
	return r
}

// Resolve is [ParseOptions.ResolveCountry] under the Resolver's options.
func (r *Resolver) Resolve(name string, pos Position, field string) (Country, *Finding, *ParseError) {
	return r.opts.resolveCountry(name, pos, field, r.keys)
}

// resolveCountry is ResolveCountry with the errata folded already, or,
// if keys is nil, folded when a lax parse needs them.
func (o ParseOptions) resolveCountry(name string, pos Position, field string, keys errataKeys) (Country, *Finding, *ParseError) {
	if strings.TrimSpace(text.Clean(name)) == "" {
		return 0, nil, Errorf(o.Source, pos, field, ErrMissing, "no country name")
	}
	c, err := LookupCountry(name)
	if err == nil {
		return c, nil, nil
	}
	if o.Lax {
		if keys == nil {
			keys = o.errataKeys()
		}
		if x, ok := keys.lookup(name); ok {
			msg := strconv.Quote(name) + " read as " + x.Country.Name() + " (erratum: " + x.Note + ")"
			if field != "" {
				msg = field + ": " + msg
			}
			return x.Country, &Finding{Rule: ErratumRule, Severity: Warning, Source: o.Source, Pos: pos,
				Country: x.Country, Subject: name, Message: msg, Citation: x.Source}, nil
		}
	}
	return 0, nil, Errorf(o.Source, pos, field, err, "")
}
