package main

import (
	"bufio"
	_ "embed"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/tipkit/tipkit/tip"
)

// The map is a tile grid: one square per country, grouped into one block per
// regional bureau, with the blocks placed roughly where the regions lie on a
// world map. Inside a block each country goes to the free cell nearest to
// where its centroid falls, so neighbours stay near each other.

//go:embed centroids.txt
var centroidsTxt string

type latLon struct{ lat, lon float64 }

// block is where a bureau's tiles go, in tile units.
type block struct {
	x, y, w, h int
	label      string
}

var blocks = map[tip.Bureau]block{
	tip.WHA: {0, 2, 7, 9, "Western Hemisphere"},
	tip.EUR: {8, 0, 10, 7, "Europe and Eurasia"},
	tip.NEA: {8, 8, 6, 5, "Near East"},
	tip.SCA: {15, 8, 4, 5, "South and Central Asia"},
	tip.AF:  {8, 14, 9, 8, "Africa"},
	tip.EAP: {20, 3, 7, 8, "East Asia and Pacific"},
}

// layoutRegion is the block a country is drawn in: its bureau, or, for the
// entities the country table leaves without one (the United States,
// Aruba, the Netherlands Antilles) or files far from home (Sint Maarten sits
// in the Caribbean but under EUR in the table), the block of its geography.
func layoutRegion(c tip.Country) tip.Bureau {
	switch c.ISO2() {
	case "US", "AW", "AN", "SX":
		return tip.WHA
	}
	return c.Bureau()
}

func parseCentroids(s string) (map[string]latLon, error) {
	m := make(map[string]latLon)
	sc := bufio.NewScanner(strings.NewReader(s))
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		f := strings.Fields(t)
		if len(f) != 3 {
			return nil, fmt.Errorf("centroids.txt:%d: want ISO2 LAT LON, got %q", line, t)
		}
		lat, err1 := strconv.ParseFloat(f[1], 64)
		lon, err2 := strconv.ParseFloat(f[2], 64)
		if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			return nil, fmt.Errorf("centroids.txt:%d: bad coordinates %q", line, t)
		}
		m[f[0]] = latLon{lat, lon}
	}
	return m, sc.Err()
}

// A tile is one country's square, in tile units.
type tile struct {
	Country tip.Country
	X, Y    int
}

// layout places the given countries; it fails if one has no centroid or its
// block is full, so a new country in the table cannot silently vanish from
// the picture.
func layout(cs []tip.Country) ([]tile, error) {
	cents, err := parseCentroids(centroidsTxt)
	if err != nil {
		return nil, err
	}
	// The Pacific straddles the antimeridian: Kiribati and Tonga (west
	// longitudes) belong east of Fiji, not west of China.
	for _, c := range cs {
		if p := cents[c.ISO2()]; layoutRegion(c) == tip.EAP && p.lon < 0 {
			cents[c.ISO2()] = latLon{p.lat, p.lon + 360}
		}
	}
	byRegion := make(map[tip.Bureau][]tip.Country)
	for _, c := range cs {
		r := layoutRegion(c)
		if _, ok := blocks[r]; !ok {
			return nil, fmt.Errorf("tiermap: %s has no region to be drawn in", c.Name())
		}
		if _, ok := cents[c.ISO2()]; !ok {
			return nil, fmt.Errorf("tiermap: no centroid for %s (%s)", c.Name(), c.ISO2())
		}
		byRegion[r] = append(byRegion[r], c)
	}
	var tiles []tile
	for _, r := range tip.Bureaus() {
		members := byRegion[r]
		if len(members) == 0 {
			continue
		}
		b := blocks[r]
		if len(members) > b.w*b.h {
			return nil, fmt.Errorf("tiermap: %d countries in %s, block holds %d", len(members), r, b.w*b.h)
		}
		minLat, maxLat, minLon, maxLon := 90.0, -90.0, 360.0, -180.0
		for _, c := range members {
			p := cents[c.ISO2()]
			minLat, maxLat = math.Min(minLat, p.lat), math.Max(maxLat, p.lat)
			minLon, maxLon = math.Min(minLon, p.lon), math.Max(maxLon, p.lon)
		}
		span := func(lo, hi float64) float64 {
			if hi-lo < 1e-9 {
				return 1
			}
			return hi - lo
		}
		// Countries far from the rest of their block go first, so the
		// crowded middle gives way rather than the edges collapsing inward.
		sorted := append([]tip.Country(nil), members...)
		midLat, midLon := (minLat+maxLat)/2, (minLon+maxLon)/2
		dist := func(c tip.Country) float64 {
			p := cents[c.ISO2()]
			return math.Hypot((p.lat-midLat)/span(minLat, maxLat), (p.lon-midLon)/span(minLon, maxLon))
		}
		sort.SliceStable(sorted, func(i, j int) bool {
			di, dj := dist(sorted[i]), dist(sorted[j])
			if di != dj {
				return di > dj
			}
			return sorted[i] < sorted[j]
		})
		used := make([]bool, b.w*b.h)
		for _, c := range sorted {
			p := cents[c.ISO2()]
			tx := (p.lon - minLon) / span(minLon, maxLon) * float64(b.w-1)
			ty := (maxLat - p.lat) / span(minLat, maxLat) * float64(b.h-1)
			best, bestD := -1, math.Inf(1)
			for i := range used {
				if used[i] {
					continue
				}
				d := math.Hypot(float64(i%b.w)-tx, float64(i/b.w)-ty)
				if d < bestD {
					best, bestD = i, d
				}
			}
			used[best] = true
			tiles = append(tiles, tile{Country: c, X: b.x + best%b.w, Y: b.y + best/b.w})
		}
	}
	sort.Slice(tiles, func(i, j int) bool { return tiles[i].Country < tiles[j].Country })
	return tiles, nil
}
