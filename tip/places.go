package tip

import "strings"

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

// trimStop has bit 1 set for the bytes that end trimSpan's trim at the
// start of a string, bit 2 for those that end it at the end: every byte but
// ' ', '\t' and the first (0xC2, 0xE2) or last (0xA0, 0xAF) byte of NBSP and
// U+202F.
var trimStop = func() (t [256]uint8) {
	for c := range t {
		t[c] = 3
	}
	t[' '], t['\t'] = 0, 0
	t[0xC2] &^= 1
	t[0xE2] &^= 1
	t[0xA0] &^= 2
	t[0xAF] &^= 2
	return t
}()

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
// The label is what stands before a spaced dash, together with any text
// before a parenthesized member list. Members are split at commas and at
// "and", except where the words joined by "and" name one country
// ("Trinidad and Tobago", "Bosnia and Herzegovina"). Members are resolved
// with [LookupCountry] (no errata: a lax caller applies those to the
// unresolved members itself).
func SplitPlaces(s string) PlaceList {
	label, members := AppendPlaces(nil, s)
	return PlaceList{Label: label, Members: members}
}

// AppendPlaces is [SplitPlaces] for a caller that splits many place fields
// and keeps their members: it appends the members of s to dst and returns
// the label and the extended slice, so that the members of many fields can
// share an array rather than each cost an allocation.
func AppendPlaces(dst []Place, s string) (label string, members []Place) {
	var l PlaceList
	text, base := trimSpan(s, 0)
	// strings.TrimRight(text, ".;: "), without building the cutset's set.
	for len(text) > 0 && (text[len(text)-1] == '.' || text[len(text)-1] == ';' || text[len(text)-1] == ':' || text[len(text)-1] == ' ') {
		text = text[:len(text)-1]
	}
	if text == "" {
		return "", dst
	}
	t := loadTable()
	if c, ok := t.resolve(text); ok {
		return "", append(dst, Place{Text: text, Offset: base, Country: c})
	}
	rest, restOff := text, base
	for _, sep := range []string{" – ", " — ", " - "} {
		if i := strings.Index(text, sep); i > 0 {
			l.Label = strings.TrimSpace(text[:i])
			rest, restOff = trimSpan(text[i+len(sep):], base+i+len(sep))
			break
		}
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
			rest, restOff = trimSpan(rest[j+1:len(rest)-1], restOff+j+1)
		}
	}
	off := restOff
	l.Members = dst
	if dst == nil {
		l.Members = make([]Place, 0, strings.Count(rest, ",")+1)
	}
	// The items between commas, as strings.Split(rest, ",") gives them.
	for more := true; more; {
		var item string
		item, rest, more = strings.Cut(rest, ",")
		itemOff := off
		off += len(item) + 1
		item, itemOff = trimSpan(item, itemOff)
		if after, ok := strings.CutPrefix(item, "and "); ok {
			item, itemOff = trimSpan(after, itemOff+len("and "))
		}
		if item == "" || item == "and" {
			continue // a connector, not a place
		}
		l.Members = t.splitAnd(l.Members, item, itemOff)
	}
	if len(l.Members) == len(dst) {
		return l.Label, dst // nil for SplitPlaces, as when text is empty
	}
	return l.Label, l.Members
}

// splitAnd appends the places of item to dst. It splits "Comoros and
// Mauritius" into two places but keeps "Trinidad and Tobago" whole: from
// the left, it takes the longest run of " and "-joined words (at most
// three) that names a country, or else one part unresolved.
func (t *countryTable) splitAnd(dst []Place, item string, off int) []Place {
	const and = " and "
	if !strings.Contains(item, and) {
		c, _ := t.resolve(item)
		return append(dst, Place{Text: item, Offset: off, Country: c})
	}
	// starts[i] is the offset in item where part i begins. Items have few
	// parts: room for eight on the stack.
	var startBuf, endBuf [8]int
	starts, ends := startBuf[:0], endBuf[:0]
	pos := 0
	for {
		i := strings.Index(item[pos:], and)
		if i < 0 {
			starts, ends = append(starts, pos), append(ends, len(item))
			break
		}
		starts, ends = append(starts, pos), append(ends, pos+i)
		pos += i + len(and)
	}
	for i := 0; i < len(starts); {
		took := false
		// No country name holds more than one "and" ("St. Vincent and the
		// Grenadines"), so joining three parts is enough, and the split
		// stays linear in the number of parts.
		for j := min(len(starts)-1, i+2); j >= i; j-- {
			text := item[starts[i]:ends[j]]
			if c, ok := t.resolve(text); ok {
				dst = append(dst, Place{Text: text, Offset: off + starts[i], Country: c})
				i, took = j+1, true
				break
			}
		}
		if !took {
			text, o := trimSpan(item[starts[i]:ends[i]], off+starts[i])
			if text != "" {
				dst = append(dst, Place{Text: text, Offset: o})
			}
			i++
		}
	}
	return dst
}

// trimSpan trims spaces (any Unicode space) from s, whose first byte is at
// offset off, and returns the trimmed text and its offset.
//
// It is strings.TrimLeft and TrimRight with the cutset " \t\u00a0\u202f",
// which decode runes for a cutset of multi-byte runes; matching the bytes
// of each member of the cutset is the same, NBSP and U+202F being whole
// runes wherever their bytes are found at either end.
//
// The bytes at the ends are tested first: NBSP and U+202F begin with 0xC2
// and 0xE2 and end with 0xA0 and 0xAF, so at an end with any other byte
// there is nothing to match.
func trimSpan(s string, off int) (string, int) {
	i, j := 0, len(s)
	if j > 0 && trimStop[s[0]]&1 != 0 && trimStop[s[j-1]]&2 != 0 {
		return s, off // the common case: nothing to trim at either end
	}
	for i < j {
		switch c := s[i]; {
		case c == ' ' || c == '\t':
			i++
			continue
		case c == 0xC2 && strings.HasPrefix(s[i:j], "\u00a0"):
			i += len("\u00a0")
			continue
		case c == 0xE2 && strings.HasPrefix(s[i:j], "\u202f"):
			i += len("\u202f")
			continue
		}
		break
	}
	for j > i {
		switch c := s[j-1]; {
		case c == ' ' || c == '\t':
			j--
			continue
		case c == 0xA0 && strings.HasSuffix(s[i:j], "\u00a0"):
			j -= len("\u00a0")
			continue
		case c == 0xAF && strings.HasSuffix(s[i:j], "\u202f"):
			j -= len("\u202f")
			continue
		}
		break
	}
	return s[i:j], off + i
}
