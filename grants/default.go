package grants

import (
	"bytes"
	_ "embed"
	"sync"
)

//go:embed data/projects_2021.txt
var listing2021 []byte

// ListingSource names the embedded listing in positions and findings.
const ListingSource = "seed 000"

var defaultListing = sync.OnceValue(func() *Listing {
	l, err := parse(bytes.NewReader(listing2021), ListingSource, true)
	if err != nil {
		panic("grants: embedded listing: " + err.Error()) // a build defect: the tests parse the same bytes
	}
	return l
})

// Default returns the embedded project listing (as of October 1, 2021;
// seed 000), parsed lax once on first use, with its findings. It is shared:
// treat it as read-only.
func Default() *Listing { return defaultListing() }
