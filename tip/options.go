package tip

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
