package grants

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tipkit/tipkit/tip"
)

// maxNameWords is the most words a country name the finder tries has:
// "Saint Vincent and the Grenadines", "Democratic Republic of the Congo".
const maxNameWords = 5

// namedCountries returns the countries a description names, in order of
// first mention, each once:
//
//	"… TRAFFICKING IN BANGLADESH, INDIA, AND NEPAL" → Bangladesh, India, Nepal
//
// It reads names, not meaning. At each word it tries the longest run of up
// to five words, within a clause (punctuation other than a space or a
// hyphen ends one), that tip resolves as one name ("PAPUA NEW GUINEA"
// before "GUINEA"), with tip's aliases and without guessing: a misspelling
// or an ambiguous name ("CONGO", "KOREA") names nothing. A word that is a
// country code ("IN", "US", "CAN", "PER") is not read as the country, since
// descriptions are English, nor is an abbreviation with periods ("U.S.
// EMBASSIES" is an adjective, not a place); a possessive "'S" is dropped
// ("NIGERIA'S").
func namedCountries(s string) []tip.Country {
	words := descriptionWords(s)
	var out []tip.Country
	for i := 0; i < len(words); {
		n := 0
		var found tip.Country
		for k := min(maxNameWords, len(words)-i); k >= 1; k-- {
			if words[i+k-1].clause != words[i].clause {
				continue
			}
			phrase := s[words[i].start:words[i+k-1].end]
			if strings.Contains(phrase, ".") {
				continue // an abbreviation: "U.S. EMBASSIES" is not work in the United States
			}
			c, err := tip.LookupCountry(phrase)
			if err != nil {
				continue
			}
			if !isCountryCode(phrase, c) {
				n, found = k, c
				break
			}
		}
		if n == 0 {
			i++
			continue
		}
		if !containsCountry(out, found) {
			out = append(out, found)
		}
		i += n
	}
	return out
}

func containsCountry(cs []tip.Country, c tip.Country) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// isCountryCode reports whether word is one of c's codes, in any case.
func isCountryCode(word string, c tip.Country) bool {
	if len(word) > 3 {
		return false
	}
	return strings.EqualFold(word, c.ISO2()) || strings.EqualFold(word, c.ISO3()) || strings.EqualFold(word, c.GENC3())
}

// A descWord is one word of a description: s[start:end], in clause
// number clause.
type descWord struct {
	start, end, clause int
}

// descriptionWords splits s into words: runs of letters, digits,
// apostrophes, hyphens and periods, trimmed of the apostrophes, hyphens and
// periods at their ends and of a possessive "'S". Words separated by
// anything but spaces are in different clauses; so are the words around a
// word that ends in a period ("NEPAL. THE").
func descriptionWords(s string) []descWord {
	var words []descWord
	clause := 0
	gapPlain := true // the text since the last word is only spaces
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			if r != ' ' {
				gapPlain = false
			}
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r) {
				break
			}
			j += size
		}
		start, end := i, j
		endsSentence := false
		for start < end {
			r, size := utf8.DecodeRuneInString(s[start:end])
			if !strings.ContainsRune("'’-.", r) {
				break
			}
			start += size
		}
		for end > start {
			r, size := utf8.DecodeLastRuneInString(s[start:end])
			if !strings.ContainsRune("'’-.", r) {
				break
			}
			endsSentence = endsSentence || r == '.'
			end -= size
		}
		for _, poss := range []string{"'S", "’S", "'s", "’s"} {
			if strings.HasSuffix(s[start:end], poss) && end-len(poss) > start {
				end -= len(poss)
				break
			}
		}
		if start < end {
			if !gapPlain {
				clause++
			}
			words = append(words, descWord{start, end, clause})
			gapPlain = !endsSentence
		}
		i = j
	}
	return words
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-' || r == '.'
}
