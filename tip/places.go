package tip

import (
	"strings"
	"unicode/utf8"

	"github.com/tipkit/tipkit/tip/text"
)

// A PlaceList is a compound place field of a State Department document,
// split into its label and its members. Nothing is dropped: a member that
// names no country (a region such as "MENA", a misprint such as
// "Seychelle") stays in Members with a zero Country.
//
//	"Eastern Africa Region – (Burundi, Comoros, …, and Uganda)"
//	    → Label "Eastern Africa Region", 13 members
//	"Regional Project – Iraq and MENA"
//	    → Label "Regional Project", members Iraq and "MENA" (unresolved)
//	"Select Sub-Saharan African Countries and Libya"
//	    → no label; "Select Sub-Saharan African Countries" (unresolved), Libya
type PlaceList struct {
	Label   string  // "Regional Project", "Indian Ocean Commission"; "" if none
	Members []Place // in the order written
}

// A Place is one member of a PlaceList.
type Place struct {
	Text    string  // as written, trimmed: "the Philippines", "MENA", "Seychelle"
	Offset  int     // byte offset of Text in the string given to SplitPlaces
	Country Country // what LookupCountry makes of Text; zero if it finds none
}

// Countries returns the members that are countries, in order.
func (l PlaceList) Countries() []Country {
	var cs []Country
	for _, m := range l.Members {
		if m.Country != 0 {
			cs = append(cs, m.Country)
		}
	}
	return cs
}

// Unresolved returns the text of the members that are not countries.
func (l PlaceList) Unresolved() []string {
	var ss []string
	for _, m := range l.Members {
		if m.Country == 0 {
			ss = append(ss, m.Text)
		}
	}
	return ss
}

// SplitPlaces splits a place field the way the State Department writes
// them:
//
//	Burkina Faso
//	Regional Project – Burma, Laos, and Thailand
//	Regional – Malaysia and the Philippines
//	Regional Project – Pacific Islands (Fiji, Marshal Islands, …, and Tonga)
//	Indian Ocean Commission – (Comoros and Mauritius)
//	Argentina, Armenia, Bahamas, …, and the United Kingdom
//	Afghanistan, Burma, Central African Republic, …, and Yemen.
//
// The label is what stands before a dash with a space on each side ("–",
// "—", "-", any dash: see text.IsDash), together with any text before a
// parenthesized member list. Members are split at commas and at "and",
// except where the words joined by "and" name one country ("Trinidad and
// Tobago", "Bosnia and Herzegovina"). Members are resolved with
// [LookupCountry] (no errata: a lax caller applies those to the unresolved
// members itself, with [ParseOptions.ResolveCountry]).
func SplitPlaces(s string) PlaceList {
	field, base := trimSpaces(s, 0)
	field = strings.TrimRight(field, ".;: ")
	if field == "" {
		return PlaceList{}
	}
	if c, err := LookupCountry(field); err == nil {
		return PlaceList{Members: []Place{{Text: field, Offset: base, Country: c}}}
	}
	var l PlaceList
	rest, restOff := field, base
	if label, after, ok := cutSpacedDash(field); ok {
		l.Label = strings.TrimSpace(label)
		rest, restOff = trimSpaces(after, base+len(field)-len(after))
	}
	if strings.HasSuffix(rest, ")") {
		if j := strings.IndexByte(rest, '('); j >= 0 {
			if pre := strings.TrimSpace(rest[:j]); pre != "" {
				if l.Label != "" {
					l.Label += " – " + pre
				} else {
					l.Label = pre
				}
			}
			rest, restOff = trimSpaces(rest[j+1:len(rest)-1], restOff+j+1)
		}
	}
	off := restOff
	for more := true; more; {
		var item string
		item, rest, more = strings.Cut(rest, ",")
		itemOff := off
		off += len(item) + len(",")
		item, itemOff = trimSpaces(item, itemOff)
		if after, ok := strings.CutPrefix(item, "and "); ok {
			item, itemOff = trimSpaces(after, itemOff+len("and "))
		}
		if item == "" || item == "and" {
			continue // a connector, not a place
		}
		l.Members = splitAnd(l.Members, item, itemOff)
	}
	return l
}

// cutSpacedDash cuts s around its first dash with a space on each side,
// "Regional Project – Burma"; a dash inside a word ("Guinea-Bissau") does
// not cut.
func cutSpacedDash(s string) (before, after string, ok bool) {
	for i, r := range s {
		if !text.IsDash(r) {
			continue
		}
		end := i + utf8.RuneLen(r)
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		next, _ := utf8.DecodeRuneInString(s[end:])
		if i > 0 && text.IsSpace(prev) && text.IsSpace(next) {
			return s[:i], s[end:], true
		}
	}
	return s, "", false
}

// splitAnd appends the places of item, which starts at offset off, to dst.
// It splits "Comoros and Mauritius" into two places but keeps "Trinidad
// and Tobago" whole: from the left, it takes the longest run of " and "-
// joined parts (at most three) that names a country, or else one part
// unresolved.
func splitAnd(dst []Place, item string, off int) []Place {
	const and = " and "
	parts := strings.Split(item, and)
	starts := make([]int, len(parts)) // where each part starts in item
	for i := 1; i < len(parts); i++ {
		starts[i] = starts[i-1] + len(parts[i-1]) + len(and)
	}
	for i := 0; i < len(parts); {
		took := false
		// No country name holds more than one "and" ("St. Vincent and the
		// Grenadines"), so joining three parts is enough, and the split
		// stays linear in the number of parts.
		for j := min(len(parts)-1, i+2); j >= i; j-- {
			name := item[starts[i] : starts[j]+len(parts[j])]
			if c, err := LookupCountry(name); err == nil {
				dst = append(dst, Place{Text: name, Offset: off + starts[i], Country: c})
				i, took = j+1, true
				break
			}
		}
		if !took {
			if name, o := trimSpaces(parts[i], off+starts[i]); name != "" {
				dst = append(dst, Place{Text: name, Offset: o})
			}
			i++
		}
	}
	return dst
}

// trimSpaces trims spaces (text.IsSpace) from s, whose first byte is at
// offset off, and returns the trimmed text and its offset.
func trimSpaces(s string, off int) (string, int) {
	t := strings.TrimLeftFunc(s, text.IsSpace)
	return strings.TrimRightFunc(t, text.IsSpace), off + len(s) - len(t)
}
