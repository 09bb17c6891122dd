package main

import (
	"testing"

	"github.com/tipkit/tipkit/tip"
)

// Every country the table knows has a centroid and a free cell in its block,
// even if all 191 were drawn at once, and no two tiles overlap.
func TestLayoutAllCountries(t *testing.T) {
	all := tip.Countries()
	tiles, err := layout(all)
	if err != nil {
		t.Fatal(err)
	}
	if len(tiles) != len(all) {
		t.Fatalf("%d tiles for %d countries", len(tiles), len(all))
	}
	seen := make(map[[2]int]tip.Country)
	for _, tl := range tiles {
		k := [2]int{tl.X, tl.Y}
		if o, dup := seen[k]; dup {
			t.Errorf("%s and %s share the tile %v", o.Name(), tl.Country.Name(), k)
		}
		seen[k] = tl.Country
		b := blocks[layoutRegion(tl.Country)]
		if tl.X < b.x || tl.X >= b.x+b.w || tl.Y < b.y || tl.Y >= b.y+b.h {
			t.Errorf("%s at %v is outside its block %+v", tl.Country.Name(), k, b)
		}
	}
	cents, err := parseCentroids(centroidsTxt)
	if err != nil {
		t.Fatal(err)
	}
	if len(cents) != len(all) {
		t.Errorf("centroids.txt has %d rows, the country table %d", len(cents), len(all))
	}
}

// Blocks must not overlap, or two bureaus' tiles could land on one square.
func TestBlocksDisjoint(t *testing.T) {
	type rect struct{ x0, y0, x1, y1 int }
	var rs []rect
	for _, b := range blocks {
		rs = append(rs, rect{b.x, b.y, b.x + b.w, b.y + b.h})
	}
	for i := range rs {
		for j := i + 1; j < len(rs); j++ {
			a, b := rs[i], rs[j]
			if a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 {
				t.Errorf("blocks %v and %v overlap", a, b)
			}
		}
	}
}

// Geography survives the snapping where it matters to a reader: west is
// left and north is up inside a block.
func TestLayoutKeepsNeighbours(t *testing.T) {
	tiles, err := layout(tip.Countries())
	if err != nil {
		t.Fatal(err)
	}
	at := make(map[string]tile)
	for _, tl := range tiles {
		at[tl.Country.ISO3()] = tl
	}
	for _, p := range []struct{ west, east string }{{"PRT", "POL"}, {"SEN", "SOM"}, {"MEX", "BRA"}, {"MAR", "IRN"}, {"MMR", "JPN"}} {
		if at[p.west].X >= at[p.east].X {
			t.Errorf("%s (x=%d) is not west of %s (x=%d)", p.west, at[p.west].X, p.east, at[p.east].X)
		}
	}
	for _, p := range []struct{ north, south string }{{"NOR", "GRC"}, {"NER", "ZAF"}, {"CAN", "ARG"}, {"MNG", "AUS"}} {
		if at[p.north].Y >= at[p.south].Y {
			t.Errorf("%s (y=%d) is not north of %s (y=%d)", p.north, at[p.north].Y, p.south, at[p.south].Y)
		}
	}
}
