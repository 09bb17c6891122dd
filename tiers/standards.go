package tiers

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/seeds"
	"github.com/tipkit/tipkit/tip/text"
)

// A Standard is one numbered item of the TVPA's minimum standards (22
// U.S.C. 7106) or of its indicia of "serious and sustained efforts", quoted
// from the embedded 2023 report.
type Standard struct {
	Number int        // 1-based, as printed
	Text   string     // the item, quoted
	Items  []Standard // sub-items: indicia 9 and 12 have two each
	Pos    tip.Position
}

// A Definition is a tier's definition from the report's "A Guide to the
// Tiers", quoted.
type Definition struct {
	Tier    Tier
	Text    string
	Grounds []string // Tier 2 Watch List: the grounds, as numbered
	Pos     tip.Position
}

// Standards holds the TVPA's minimum standards and the indicia of serious
// and sustained efforts, as seed 003 prints them.
type Standards struct {
	Minimum     []Standard   // 4
	Indicia     []Standard   // 12; 9 and 12 with sub-items
	Definitions []Definition // Tier 1, Tier 2, Tier 2 Watch List, Tier 3
}

var defaultStandards = sync.OnceValue(func() *Standards {
	return parseStandards([]byte(seeds.Report2023()))
})

// MinimumStandards returns the minimum standards, indicia and tier
// definitions quoted from the embedded 2023 report (seed 003). Each call
// returns a deep copy (Clone).
func MinimumStandards() *Standards { return defaultStandards().Clone() }

// Clone returns a deep copy of s: changing the copy leaves s as it was.
func (s *Standards) Clone() *Standards {
	if s == nil {
		return nil
	}
	return &Standards{Minimum: cloneStandards(s.Minimum), Indicia: cloneStandards(s.Indicia), Definitions: cloneDefinitions(s.Definitions)}
}

func cloneStandards(ss []Standard) []Standard {
	out := slices.Clone(ss)
	for i := range out {
		out[i].Items = cloneStandards(out[i].Items)
	}
	return out
}

func cloneDefinitions(ds []Definition) []Definition {
	out := slices.Clone(ds)
	for i := range out {
		out[i].Grounds = slices.Clone(out[i].Grounds)
	}
	return out
}

// numbered reads "  1. text" items (and "    1. text" sub-items) from
// lines[i:], stopping at the first line that is neither.
func numbered(lines []string, i int) ([]Standard, int) {
	var out []Standard
	for ; i < len(lines); i++ {
		raw := lines[i]
		t := strings.TrimSpace(text.Clean(raw))
		if t == "" {
			continue
		}
		num, rest, ok := strings.Cut(t, ". ")
		n, err := strconv.Atoi(num)
		if !ok || err != nil {
			break
		}
		indent := len(raw) - len(strings.TrimLeft(raw, " "))
		s := Standard{Number: n, Text: strings.TrimSpace(rest), Pos: tip.Position{Line: i + 1, Col: indent + 1}}
		if indent > 2 && len(out) > 0 {
			last := &out[len(out)-1]
			last.Items = append(last.Items, s)
			continue
		}
		out = append(out, s)
	}
	return out, i
}

func parseStandards(b []byte) *Standards {
	var lines []string
	lr := text.NewLineReader(bytes.NewReader(b))
	for lr.Next() {
		lines = append(lines, lr.Text())
	}
	st := &Standards{}
	for i := 0; i < len(lines); i++ {
		t := strings.TrimSpace(text.Clean(lines[i]))
		switch {
		case strings.HasPrefix(t, "Trafficking Victims Protection Act of 2000, Div. A of Pub. L. No. 106-386, § 108") && st.Minimum == nil:
			st.Minimum, i = numbered(lines, i+1)
			i--
		case strings.HasPrefix(t, "Indicia of “Serious and Sustained Efforts”") && st.Indicia == nil:
			st.Indicia, i = numbered(lines, i+1)
			i--
		case t == "A Guide to the Tiers" && st.Definitions == nil:
			for j := i + 1; j < len(lines) && len(st.Definitions) < 4; j++ {
				h := strings.TrimSpace(text.Clean(lines[j]))
				tier := tierHeading(h)
				if tier == TierUnknown {
					continue
				}
				k := j + 1
				for k < len(lines) && strings.TrimSpace(lines[k]) == "" {
					k++
				}
				if k >= len(lines) {
					break
				}
				d := Definition{Tier: tier, Text: strings.TrimSpace(text.Clean(lines[k])), Pos: tip.Position{Line: k + 1, Col: 1}}
				if tier == Tier2WatchList {
					g, _ := numbered(lines, k+1)
					for _, s := range g {
						d.Grounds = append(d.Grounds, s.Text)
					}
				}
				st.Definitions = append(st.Definitions, d)
				j = k
			}
		}
	}
	return st
}
