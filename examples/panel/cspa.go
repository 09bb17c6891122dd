package main

import (
	"github.com/tipkit/tipkit/cspa"
	"github.com/tipkit/tipkit/tip"
)

// A cspaYear is what the CSPA data say of a country in a report year.
type cspaYear struct {
	Listed, ListedKnown bool // on the year's list (Data.Listed)
	// Barred: the list bars assistance in the next fiscal year
	// (Data.Prohibited); known where Listed is.
	Barred, BarredKnown bool
	// Scope is how far that year's waivers lift the bar (Data.WaiverScope):
	// unknown unless Barred, or where no waiver of the fiscal year is
	// documented.
	Scope cspa.WaiverScope
}

// cspaOf is the panel's one use of package cspa.
func cspaOf(d *cspa.Data, c tip.Country, y tip.ReportYear) cspaYear {
	var out cspaYear
	out.Listed, out.ListedKnown = d.Listed(c, y)
	fy := y.RestrictionYear() // the list of report year Y bars assistance in the fiscal year starting October 1 of Y
	bars := d.Prohibited(c, fy)
	out.Barred, out.BarredKnown = len(bars) > 0, out.ListedKnown || len(bars) > 0
	out.Scope = d.WaiverScope(c, fy)
	return out
}
