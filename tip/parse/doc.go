// Package parse is the machinery every tipkit parser shares, kept out of
// package tip so that tip is vocabulary only: a [Collector] holds what one
// parse reports (its errors up to tip.MaxErrors, a lax parse's findings),
// reads its lines through tip/text and its country names through a
// tip.Resolver, so that grants, tiers and cspa read documents alike.
//
// It is for tipkit's own parsers; a program that reads TIP data uses the
// parsers of those packages, configured with tip.ParseOptions.
package parse
