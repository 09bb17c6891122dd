package grants

import (
	"bytes"
	_ "embed"
	"slices"
	"sync"

	"github.com/tipkit/tipkit/tip"
)

//go:embed data/projects_2021.txt
var listing2021 []byte

// ListingSource names the embedded listing in positions and findings.
const ListingSource = "seed 000"

var defaultListing = sync.OnceValue(func() *Listing {
	l, err := ParseWith(bytes.NewReader(listing2021), tip.ParseOptions{Source: ListingSource, Lax: true})
	if err != nil {
		panic("grants: embedded listing: " + err.Error()) // a build defect: the tests parse the same bytes
	}
	return l
})

// Default returns the embedded project listing (as of October 1, 2021;
// seed 000), read laxly with its findings. It is parsed once, on first
// use, and each call returns a deep copy of it (some 20 µs and 82
// allocations, against 0.6 ms to parse it: BenchmarkDefault), so
// that what one caller changes in its listing no other caller sees.
func Default() *Listing { return defaultListing().clone() }

// clone returns a copy of l that shares no slice with it. Strings and
// decimal.Decimal values are immutable, so they are shared.
func (l *Listing) clone() *Listing {
	c := *l
	c.Sections = slices.Clone(l.Sections)
	c.Findings = slices.Clone(l.Findings)
	c.Projects = slices.Clone(l.Projects)
	for i := range c.Projects {
		p := &c.Projects[i]
		p.Countries = slices.Clone(p.Countries)
		p.Unresolved = slices.Clone(p.Unresolved)
	}
	return &c
}
