package grants

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip"
)

// A FactKind says what a dollar figure on a program page is.
type FactKind uint8

// The kinds of Fact.
const (
	FactUnknown FactKind = iota
	FactAward            // money awarded to named recipients: "awarded a $600,000 grant to the Labor Rights Promotion Network (LPN)"
	FactTotal            // a total over many awards: "more than $265 million … to support more than 945 … projects … since 2001"
	FactPrize            // a competition prize: "a grand prize of $250,000", "will receive $20,000"
)

var factKinds = [...]string{"unknown", "award", "total", "prize"}

// String returns "award", "total", "prize" or "unknown".
func (k FactKind) String() string {
	if int(k) < len(factKinds) {
		return factKinds[k]
	}
	return "unknown"
}

// MarshalText writes String's form.
func (k FactKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads String's form.
func (k *FactKind) UnmarshalText(b []byte) error {
	for i, n := range factKinds {
		if string(b) == n {
			*k = FactKind(i)
			return nil
		}
	}
	return &tip.ParseError{Field: "kind", Err: tip.ErrSyntax}
}

// A Fact is one dollar figure of a program or announcement page, with what
// the sentence around it says about it.
//
//	In FY 2015, the … TIP Office awarded over $18 million in grants and
//	cooperative agreements … supporting 27 projects … in the following
//	countries: Bangladesh, Burma, …, and Uruguay.
//
// becomes Kind FactTotal, Amount 18000000, Qualifier "over", FiscalYear
// FY2015, Count 27 CountOf "projects", and 17 Countries.
type Fact struct {
	Kind       FactKind
	Amount     decimal.Decimal // exact: "$18 million" → 18000000
	Qualifier  string          // "more than", "over", "a total of"; "" when the figure is exact
	Recipients []string        // as written: "Labor Rights Promotion Network (LPN)"
	Count      int             // 945, 960, 27; 0 if the sentence counts nothing
	CountOf    string          // "projects", "awards"
	Since      int             // "since 2001" → 2001
	FiscalYear tip.FiscalYear  // "In FY 2015" → FY2015
	Countries  []tip.Country   // "in the following countries: …"
	Text       string          // the sentence
	Pos        tip.Position    // the dollar sign
}

var qualifiers = []string{"more than", "a total of", "over", "nearly", "approximately", "about", "up to", "at least"}

// facts extracts a Fact from every dollar figure of a paragraph, or a
// finding for one it cannot read.
func (pp *pageParser) facts(text string, lines []pageLine) {
	cur := lineCursor{lines: lines}
	for i := 0; i < len(text); i++ {
		if text[i] != '$' {
			continue
		}
		pos := cur.pos(i)
		num, end := amountAt(text, i+1)
		amount, err := tip.ParseUSD("$" + num)
		if err != nil {
			pp.note("grants/dollar-figure", pos, text[i:end], err, "dollar figure "+strconv.Quote(text[i:end])+" not understood: "+err.Error())
			continue
		}
		s0, s1 := sentenceAround(text, i)
		f := Fact{Amount: amount, Text: strings.TrimSpace(text[s0:s1]), Pos: pos}
		before := strings.TrimSpace(strings.TrimSuffix(text[s0:i], `\`))
		lower := strings.ToLower(before)
		for _, q := range qualifiers {
			if strings.HasSuffix(lower, " "+q) || lower == q {
				f.Qualifier = q
				break
			}
		}
		after := text[end:min(len(text), end+maxSentence)]
		sentenceAfter := text[end:s1]
		switch {
		case strings.Contains(lastN(lower, 40), "prize") || strings.HasSuffix(lower, "receive"):
			f.Kind = FactPrize
		case strings.HasPrefix(sentenceAfter, " grant to ") || (strings.Contains(lower, "awarded") && strings.Contains(sentenceAfter, " to ") && !strings.Contains(sentenceAfter, " to combat") && !strings.Contains(sentenceAfter, "since")):
			f.Kind = FactAward
			f.Recipients = recipients(sentenceAfter)
		case strings.Contains(strings.ToLower(text[s0:s1]), "since") || strings.Contains(lower, "totaling") || strings.HasPrefix(sentenceAfter, " in grants"):
			f.Kind = FactTotal
		}
		if f.Kind == FactUnknown {
			pp.note("grants/dollar-figure", pos, text[i:end], tip.ErrSyntax,
				"dollar figure "+strconv.Quote(text[i:end])+" is neither an award, a total nor a prize that tipkit can read (want \"awarded $600,000 to …\", \"more than $265 million … since 2001\" or \"a prize of $250,000\")")
			continue
		}
		if f.Kind == FactTotal {
			f.Count, f.CountOf = countIn(text[s0:s1] + " " + after)
			f.Since = sinceIn(text[s0:s1])
			if k := strings.Index(strings.ToLower(text[s0:i]), "in fy "); k >= 0 {
				if fy, err := tip.ParseFiscalYear(text[s0+k+3 : min(s0+k+10, i)]); err == nil {
					f.FiscalYear = fy
				}
			}
			if k := strings.Index(after, "following countries:"); k >= 0 {
				list := after[k+len("following countries:"):]
				if e := strings.Index(list, ". "); e >= 0 {
					list = list[:e]
				}
				for _, m := range tip.SplitPlaces(list).Members {
					if c, ok := pp.country(m, pos, "country list", "grants/fact-place", "country list of a dollar figure names "+strconv.Quote(m.Text)+", which is not a country"); ok {
						f.Countries = append(f.Countries, c)
					}
				}
			}
		}
		pp.page.Facts = append(pp.page.Facts, f)
	}
}

// amountAt reads the amount that follows a dollar sign at text[i-1]:
// digits, commas and a decimal point, and a multiplier word.
func amountAt(text string, i int) (num string, end int) {
	j := i
	for j < len(text) && (text[j] >= '0' && text[j] <= '9' || text[j] == ',' || text[j] == '.') {
		j++
	}
	// A sentence's full stop or a list's comma is not part of the number.
	for j > i && (text[j-1] == '.' || text[j-1] == ',') {
		j--
	}
	num = text[i:j]
	rest := text[j:]
	for _, m := range []string{" million", " billion", " thousand", " trillion"} {
		if len(rest) >= len(m) && strings.EqualFold(rest[:len(m)], m) {
			num += rest[:len(m)]
			j += len(m)
			break
		}
	}
	return num, j
}

// maxSentence bounds how far from a dollar sign its sentence is sought, so
// that a paragraph full of dollar signs is read in linear time.
const maxSentence = 2000

// sentenceAround returns the bounds of the sentence holding text[i].
func sentenceAround(text string, i int) (int, int) {
	lo := max(0, i-maxSentence)
	start := strings.LastIndex(text[lo:i], ". ")
	if start < 0 {
		start = lo
	} else {
		start += lo + 2
	}
	hi := min(len(text), i+maxSentence)
	end := strings.Index(text[i:hi], ". ")
	if end < 0 {
		end = hi
	} else {
		end += i + 1
	}
	return start, end
}

func lastN(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

// recipients reads "to the A (X) to continue …" or "to the A and the NGO B
// for activities …" after an amount.
func recipients(after string) []string {
	k := strings.Index(after, " to ")
	if k < 0 {
		return nil
	}
	r := after[k+len(" to "):]
	for _, stop := range []string{" to ", " for ", ", ", ". "} {
		if e := strings.Index(r, stop); e >= 0 {
			r = r[:e]
		}
	}
	r = strings.TrimSuffix(strings.TrimSpace(r), ".")
	var out []string
	for _, part := range strings.Split(r, " and the ") {
		part = strings.TrimSpace(part)
		part = strings.TrimPrefix(part, "the ")
		part = strings.TrimPrefix(part, "NGO ")
		if part != "" {
			out = append(out, part)
		}
	}
	return out
}

// countIn finds "945 anti-trafficking projects" or "960 awards".
func countIn(s string) (int, string) {
	f := strings.Fields(s)
	for i, w := range f {
		n, err := strconv.Atoi(strings.ReplaceAll(w, ",", ""))
		if err != nil || n <= 0 {
			continue
		}
		for j := i + 1; j < len(f) && j <= i+2; j++ {
			noun := strings.Trim(f[j], ".,;:")
			if noun == "projects" || noun == "awards" {
				return n, noun
			}
		}
	}
	return 0, ""
}

// sinceIn finds "since 2001".
func sinceIn(s string) int {
	lower := strings.ToLower(s)
	k := strings.Index(lower, "since ")
	if k < 0 || k+10 > len(s) {
		return 0
	}
	n, err := strconv.Atoi(s[k+6 : k+10])
	if err != nil {
		return 0
	}
	return n
}

// A lineCursor maps increasing byte offsets in a paragraph's joined text
// (lines joined with one space) back to lines and columns, in one pass.
type lineCursor struct {
	lines []pageLine
	i     int // current line
	start int // offset of lines[i] in the joined text
}

func (c *lineCursor) pos(off int) tip.Position {
	for c.i < len(c.lines)-1 && off > c.start+len(c.lines[c.i].text) {
		c.start += len(c.lines[c.i].text) + 1
		c.i++
	}
	l := c.lines[c.i]
	return tip.Position{Line: l.line, Col: l.col + min(off-c.start, len(l.text))}
}
