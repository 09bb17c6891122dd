package main

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/tipkit/tipkit/tip"
)

// class is what a tile shows. Special Case, "not ranked" (a country the
// report did not place that year) and "unknown" (the embedded data for a
// partial year does not say) are kept apart on purpose: a blank on a tier
// map is read as a fact, so the picture says which blanks are facts.
type class int

const (
	classUnknown class = iota
	classTier1
	classTier2
	classTier2WL
	classTier3
	classSpecialCase
	classNotRanked
)

var classes = []class{classTier1, classTier2, classTier2WL, classTier3, classSpecialCase, classNotRanked, classUnknown}

// Colours run from blue (Tier 1) to red (Tier 3), a diverging scale that
// survives the common colour-vision deficiencies; Special Case is purple,
// off that scale, because it is not a rank.
var style = map[class]struct{ label, fill, text, stroke, dash string }{
	classTier1:       {"Tier 1", "#2166ac", "#ffffff", "#ffffff", ""},
	classTier2:       {"Tier 2", "#92c5de", "#000000", "#ffffff", ""},
	classTier2WL:     {"Tier 2 Watch List", "#f4a582", "#000000", "#ffffff", ""},
	classTier3:       {"Tier 3", "#b2182b", "#ffffff", "#ffffff", ""},
	classSpecialCase: {"Special Case", "#7b3294", "#ffffff", "#ffffff", ""},
	classNotRanked:   {"Not in this report", "#d9d9d9", "#444444", "#ffffff", ""},
	classUnknown:     {"Not known (partial data)", "#ffffff", "#666666", "#888888", "3,2"},
}

const (
	cell   = 44 // tile pitch in pixels
	size   = 40 // tile side
	margin = 20
	top    = 92 // room for the title and subtitle
)

type mapData struct {
	Title, Subtitle string
	Tiles           []tile
	Class           map[tip.Country]class
	Notes           []string // printed under the map: sources, completeness
}

func renderSVG(w io.Writer, d mapData) error {
	maxX, maxY := 0, 0
	for _, t := range d.Tiles {
		maxX, maxY = max(maxX, t.X), max(maxY, t.Y)
	}
	legendW := 230
	width := margin*2 + (maxX+1)*cell + legendW
	mapH := top + (maxY+1)*cell
	height := mapH + margin + 18*len(d.Notes) + margin
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="Helvetica, Arial, sans-serif">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", width, height)
	fmt.Fprintf(&b, `<text x="%d" y="32" font-size="22" font-weight="bold">%s</text>`+"\n", margin, html.EscapeString(d.Title))
	fmt.Fprintf(&b, `<text x="%d" y="54" font-size="13" fill="#444444">%s</text>`+"\n", margin, html.EscapeString(d.Subtitle))

	for _, r := range tip.Bureaus() {
		bl, ok := blocks[r]
		if !ok {
			continue
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="12" font-weight="bold" fill="#555555">%s</text>`+"\n",
			margin+bl.x*cell, top+bl.y*cell-6, html.EscapeString(bl.label))
	}
	counts := make(map[class]int)
	for _, t := range d.Tiles {
		c := d.Class[t.Country]
		counts[c]++
		s := style[c]
		x, y := margin+t.X*cell, top+t.Y*cell
		dash := ""
		if s.dash != "" {
			dash = fmt.Sprintf(` stroke-dasharray="%s"`, s.dash)
		}
		fmt.Fprintf(&b, `<g class="tile" data-iso3="%s" data-class="%s"><title>%s: %s</title>`,
			t.Country.ISO3(), s.label, html.EscapeString(t.Country.Name()), s.label)
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" rx="3" fill="%s" stroke="%s"%s/>`, x, y, size, size, s.fill, s.stroke, dash)
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11" text-anchor="middle" fill="%s">%s</text></g>`+"\n",
			x+size/2, y+size/2+4, s.text, t.Country.ISO3())
	}

	lx := margin + (maxX+1)*cell + 20
	ly := top + 4*cell
	fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="13" font-weight="bold">Legend</text>`+"\n", lx, ly-10)
	i := 0
	for _, c := range classes {
		if counts[c] == 0 && (c == classUnknown || c == classNotRanked) {
			continue
		}
		s := style[c]
		y := ly + i*26
		dash := ""
		if s.dash != "" {
			dash = fmt.Sprintf(` stroke-dasharray="%s"`, s.dash)
		}
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="18" height="18" rx="2" fill="%s" stroke="#888888"%s/>`, lx, y, s.fill, dash)
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="13">%s (%d)</text>`+"\n", lx+26, y+14, html.EscapeString(s.label), counts[c])
		i++
	}
	for j, n := range d.Notes {
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="12" fill="#444444">%s</text>`+"\n", margin, mapH+margin+j*18, html.EscapeString(n))
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}
