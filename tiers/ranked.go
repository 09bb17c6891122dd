package tiers

import (
	"slices"

	"github.com/tipkit/tipkit/tip"
)

// Ranked returns the countries report year y ranks, on Tier 1, Tier 2,
// the Tier 2 Watch List or Tier 3, sorted and each once. Special Cases are
// in the report but not ranked: they are among h.Year(y).Placements. It is
// nil for a year the history does not hold.
//
// tip.Countries is every entity some report ranks; Ranked says which of
// them one report does. For a partial year (h.Year(y).Completeness) the
// list is what the history holds, not the whole report: a country missing
// from it is unknown, not unranked (At says which).
func (h *History) Ranked(y tip.ReportYear) []tip.Country {
	yr := h.Year(y)
	if yr == nil {
		return nil
	}
	out := []tip.Country{}
	for _, p := range yr.Placements {
		if p.Country != 0 && p.Tier.Ranked() && !slices.Contains(out, p.Country) {
			out = append(out, p.Country)
		}
	}
	slices.Sort(out)
	return out
}
