package grants

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip"
)

// Total returns the sum of the listed projects' amounts.
func (l *Listing) Total() decimal.Decimal {
	t := decimal.Zero
	for _, p := range l.Projects {
		t = t.Add(p.Amount)
	}
	return t
}

// A Group is an aggregate of projects under one key.
type Group struct {
	Key      string // the section, bureau code, implementer key or ISO3 code
	Projects int
	Amount   decimal.Decimal
}

func group(ps []Project, key func(*Project) string) []Group {
	idx := make(map[string]int)
	var out []Group
	for i := range ps {
		k := key(&ps[i])
		j, ok := idx[k]
		if !ok {
			out = append(out, Group{Key: k, Amount: decimal.Zero})
			j = len(out) - 1
			idx[k] = j
		}
		out[j].Projects++
		out[j].Amount = out[j].Amount.Add(ps[i].Amount)
	}
	return out
}

// BySection returns the projects per section, in listing order.
func (l *Listing) BySection() []Group {
	return group(l.Projects, func(p *Project) string { return p.Section })
}

// ByBureau returns the projects per regional bureau (codes "AF" … "WHA"),
// in bureau order, then "" for the sections that are not bureaus (Global,
// Research, Training and Technical Assistance).
func (l *Listing) ByBureau() []Group {
	gs := group(l.Projects, func(p *Project) string {
		if p.Bureau == tip.BureauUnknown {
			return ""
		}
		return p.Bureau.String()
	})
	slices.SortStableFunc(gs, func(a, b Group) int {
		if a.Key == "" || b.Key == "" {
			return strings.Compare(b.Key, a.Key)
		}
		return strings.Compare(a.Key, b.Key)
	})
	return gs
}

// ByImplementer returns the projects per implementer, grouped by acronym
// (Implementer.Key), largest amount first, ties by key.
func (l *Listing) ByImplementer() []Group {
	gs := group(l.Projects, func(p *Project) string { return p.Implementer.Key() })
	slices.SortStableFunc(gs, func(a, b Group) int {
		if c := b.Amount.Cmp(a.Amount); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
	return gs
}

// A CountryTotal is what the listing spends touching one country.
type CountryTotal struct {
	Country  tip.Country
	Projects int
	// Amount is the full amount of every project naming the country: a
	// regional project counts in full for each of its countries, so these
	// do not add up to the listing's total.
	Amount decimal.Decimal
	// Allocated splits each project equally among the countries it names
	// (a $1,000,000 project for four countries gives each $250,000); these
	// add up to the total of projects that name countries, to the cent
	// (remainders go to the first countries named).
	Allocated decimal.Decimal
}

// ByCountry returns a CountryTotal per country named by any project, sorted
// by country. Projects with no resolved country are not in it.
func (l *Listing) ByCountry() []CountryTotal {
	idx := make(map[tip.Country]int)
	var out []CountryTotal
	get := func(c tip.Country) *CountryTotal {
		j, ok := idx[c]
		if !ok {
			out = append(out, CountryTotal{Country: c, Amount: decimal.Zero, Allocated: decimal.Zero})
			j = len(out) - 1
			idx[c] = j
		}
		return &out[j]
	}
	for _, p := range l.Projects {
		cs := slices.Compact(slices.Sorted(slices.Values(p.Countries)))
		n := int64(len(cs))
		if n == 0 {
			continue
		}
		// Split in cents so that the shares sum to the amount exactly.
		cents := p.Amount.Shift(2).Truncate(0)
		share := cents.Div(decimal.NewFromInt(n)).Truncate(0)
		rest := cents.Sub(share.Mul(decimal.NewFromInt(n))).IntPart()
		for i, c := range cs {
			ct := get(c)
			ct.Projects++
			ct.Amount = ct.Amount.Add(p.Amount)
			s := share
			if int64(i) < rest {
				s = s.Add(decimal.NewFromInt(1))
			}
			ct.Allocated = ct.Allocated.Add(s.Shift(-2))
		}
	}
	slices.SortFunc(out, func(a, b CountryTotal) int { return int(a.Country) - int(b.Country) })
	return out
}

// Touching returns the projects that name country c.
func (l *Listing) Touching(c tip.Country) []Project {
	var out []Project
	for _, p := range l.Projects {
		if p.Touches(c) {
			out = append(out, p)
		}
	}
	return out
}

// ActiveOn returns the projects still running on d: those whose end date
// is on or after d. The listing gives no start dates, so a project is
// taken to run from before the listing's date.
func (l *Listing) ActiveOn(d tip.Date) []Project {
	var out []Project
	for _, p := range l.Projects {
		if !p.EndDate.Before(d) {
			out = append(out, p)
		}
	}
	return out
}

// EndingIn returns the projects whose end date falls in fiscal year fy.
func (l *Listing) EndingIn(fy tip.FiscalYear) []Project {
	var out []Project
	for _, p := range l.Projects {
		if tip.FiscalYearOf(p.EndDate) == fy {
			out = append(out, p)
		}
	}
	return out
}
