package grants

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/text"
)

// A Listing is the TIP Office's project listing: its header's claims, its
// sections and its projects.
type Listing struct {
	// Source names the document in positions and findings: "listing" for
	// the parsers, "seed 000" for Default.
	Source string
	AsOf   tip.Date // "As of October 1, 2021"
	// The header's claims, lower bounds as the office words them: "110 …
	// projects in over 95 countries worth more than $245 million".
	ClaimedProjects  int
	ClaimedCountries int
	ClaimedAmount    decimal.Decimal
	Sections         []string      // headings in order, including those with no projects
	Projects         []Project     // in order
	Findings         []tip.Finding // what the lax parse tolerated; nil from Parse
}

// The fields of a record, and the labels that name them.
const (
	fCountries = iota
	fImplementer
	fAmount
	fEndDate
	fDescription
	nFields
)

var fieldNames = [nFields]string{"Countries", "Implementer", "Amount", "End Date", "Description"}

var labelNames = []struct {
	label string
	field int
}{
	{"Country", fCountries}, {"Countries", fCountries}, {"Implementer", fImplementer}, {"Amount", fAmount},
	{"End Date", fEndDate}, {"Description", fDescription}, {"Project Description", fDescription},
}

// splitLabel splits "Label: value" where Label is letters and spaces, at
// most 30 bytes; ok is false for any other line. t is a line as run leaves
// it, spaces cleaned and trimmed: the value has only ' ' to trim, and only
// at its start.
func splitLabel(t []byte) (label, value []byte, ok bool) {
	label, value, _, ok = readLabel(t)
	return label, value, ok
}

// readLabel is splitLabel, and for a label as the listing prints it
// ("Amount:") the field it names, as fieldOf would give; k is -2 for any
// other label.
func readLabel(t []byte) (label, value []byte, k int, ok bool) {
	i, k := printedLabel(t)
	if i == 0 {
		// The first byte that is not a letter or space must be the colon,
		// and come within 31 bytes.
		head := t[:min(len(t), 31)]
		for i < len(head) && labelByte[head[i]] {
			i++
		}
		if i == 0 || i == len(head) || head[i] != ':' {
			return nil, nil, -2, false
		}
	}
	value = t[i+1:]
	for len(value) > 0 && value[0] == ' ' {
		value = value[1:]
	}
	return t[:i], value, k, true
}

// The labels as the listing prints them, colon included, as little-endian
// words: printedLabel compares a line's first bytes with them a word at a
// time.
var (
	wAmount   = word("Amount:\x00") // seven bytes: the eighth is masked off
	wCountry  = word("Country:")
	wCountrie = word("Countrie")
	wEndDate  = word("End Date")
	wDescript = word("Descript")
	wImplemen = word("Implemen")
	wIon      = word4("ion:")
	wTer      = word4("ter:")
	wS        = word2("s:")
)

func word(s string) uint64  { return binary.LittleEndian.Uint64([]byte(s)) }
func word4(s string) uint32 { return binary.LittleEndian.Uint32([]byte(s)) }
func word2(s string) uint16 { return binary.LittleEndian.Uint16([]byte(s)) }

// printedName returns the label printedLabel found for field k: label's
// bytes as a constant string.
func printedName(k int, label []byte) string {
	switch k {
	case fAmount:
		return "Amount"
	case fCountries:
		if len(label) == len("Country") {
			return "Country"
		}
		return "Countries"
	case fEndDate:
		return "End Date"
	case fDescription:
		return "Description"
	}
	return "Implementer"
}

// printedLabel returns the length of the label t starts with, and the field
// it names, if it is one of the labels as the listing prints them
// ("Amount:"), else 0 and -2: word compares cost less than reading the
// label byte by byte.
func printedLabel(t []byte) (n, k int) {
	if len(t) < 8 {
		return 0, -2
	}
	w := binary.LittleEndian.Uint64(t)
	switch {
	case w&0x00ffffffffffffff == wAmount:
		return len("Amount"), fAmount
	case w == wCountry:
		return len("Country"), fCountries
	case w == wCountrie && len(t) >= 10 && binary.LittleEndian.Uint16(t[8:]) == wS:
		return len("Countries"), fCountries
	case w == wEndDate && len(t) >= 9 && t[8] == ':':
		return len("End Date"), fEndDate
	case w == wDescript && len(t) >= 12 && binary.LittleEndian.Uint32(t[8:]) == wIon:
		return len("Description"), fDescription
	case w == wImplemen && len(t) >= 12 && binary.LittleEndian.Uint32(t[8:]) == wTer:
		return len("Implementer"), fImplementer
	}
	return 0, -2
}

// labelByte reports the bytes a label is made of: ASCII letters and space.
var labelByte = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	t[' '] = true
	return t
}()

// fieldOf returns the field a label names, or -1.
func fieldOf(label []byte) int {
	// The labels as the listing writes them first: a switch on them does
	// not allocate, and it spares nearly every line the folding loop.
	switch string(label) {
	case "Country", "Countries":
		return fCountries
	case "Implementer":
		return fImplementer
	case "Amount":
		return fAmount
	case "End Date":
		return fEndDate
	case "Description", "Project Description":
		return fDescription
	}
	for _, l := range labelNames {
		if bytes.EqualFold([]byte(l.label), label) {
			return l.field
		}
	}
	return -1
}

// parseHeader reads the listing's header, the claims it makes, as
//
//	^As of ([A-Z][a-z]+ \d{1,2}, \d{4}), the TIP Office manages (\d+) .*?projects in (?:over |more than )?(\d+) countries worth (?:more than |over )?(\$[\d,.]+(?: (?:million|billion))?)
//
// would, returning what FindStringSubmatch returns for a line of valid
// UTF-8 with no newline (TestParseHeaderMatchesRE holds the two together),
// without the regexp engine, which cost a short listing more than its
// lines. The pattern leaves little to backtrack over: each run of digits or
// letters must end where the next literal starts, and each optional
// phrase, once it matches, must be taken; only the lazy ".*?" before
// "projects in " is a search, tried at each occurrence in turn.
func parseHeader(line string) []string {
	rest, ok := strings.CutPrefix(line, "As of ")
	if !ok {
		return nil
	}
	// ([A-Z][a-z]+ \d{1,2}, \d{4})
	i := 0
	if i >= len(rest) || rest[i] < 'A' || rest[i] > 'Z' {
		return nil
	}
	i++
	j := runEnd(rest, i, isLower)
	if j == i || !strings.HasPrefix(rest[j:], " ") {
		return nil
	}
	i = j + 1
	j = runEnd(rest, i, isDigit)
	if j-i < 1 || j-i > 2 || !strings.HasPrefix(rest[j:], ", ") {
		return nil
	}
	i = j + 2
	j = runEnd(rest, i, isDigit)
	if j-i < 4 || !strings.HasPrefix(rest[i+4:], ", the TIP Office manages ") {
		return nil
	}
	date := rest[:i+4]
	i += 4 + len(", the TIP Office manages ")
	// (\d+) .*?projects in
	j = runEnd(rest, i, isDigit)
	if j == i || !strings.HasPrefix(rest[j:], " ") {
		return nil
	}
	projects := rest[i:j]
	for from := j + 1; ; {
		k := strings.Index(rest[from:], "projects in ")
		if k < 0 {
			return nil
		}
		tail := from + k + len("projects in ")
		if m := headerTail(rest[tail:]); m != nil {
			end := len("As of ") + tail + len(m[0])
			return []string{line[:end], date, projects, m[1], m[2]}
		}
		from += k + 1
	}
}

// headerTail matches what follows "projects in ": (?:over |more than
// )?(\d+) countries worth (?:more than |over )?(\$[\d,.]+(?:
// (?:million|billion))?). It returns the whole match and the two groups,
// or nil.
func headerTail(s string) []string {
	i := 0
	switch {
	case strings.HasPrefix(s, "over "):
		i = len("over ")
	case strings.HasPrefix(s, "more than "):
		i = len("more than ")
	}
	j := runEnd(s, i, isDigit)
	if j == i || !strings.HasPrefix(s[j:], " countries worth ") {
		return nil
	}
	countries := s[i:j]
	i = j + len(" countries worth ")
	switch {
	case strings.HasPrefix(s[i:], "more than "):
		i += len("more than ")
	case strings.HasPrefix(s[i:], "over "):
		i += len("over ")
	}
	if !strings.HasPrefix(s[i:], "$") {
		return nil
	}
	j = runEnd(s, i+1, func(c byte) bool { return isDigit(c) || c == ',' || c == '.' })
	if j == i+1 {
		return nil
	}
	for _, w := range []string{" million", " billion"} {
		if strings.HasPrefix(s[j:], w) {
			j += len(w)
			break
		}
	}
	return []string{s[:j], countries, s[i:j]}
}

// runEnd returns the end of the run of bytes from i for which in holds.
func runEnd(s string, i int, in func(byte) bool) int {
	for i < len(s) && in(s[i]) {
		i++
	}
	return i
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isLower(c byte) bool { return 'a' <= c && c <= 'z' }

// nonBureauSections are the listing's headings that are not regional bureaus.
var nonBureauSections = []string{"Global", "Research", "Training and Technical Assistance",
	"CHILD PROTECTION COMPACT (CPC) PARTNERSHIPS", "PROGRAM TO END MODERN SLAVERY (PEMS)"}

func sectionBureau(s string) (tip.Bureau, bool) {
	for _, n := range nonBureauSections {
		if strings.EqualFold(s, n) {
			return tip.BureauUnknown, true
		}
	}
	b, err := tip.ParseBureau(s)
	return b, err == nil
}

// A scanner reads a project listing one record at a time, holding only
// the current record. Scan, Parse and ParseLax all run on it.
//
// Lines are read as bytes, in place in the line reader's buffer. A record's
// values (and any label not as the listing prints it) are copied end to
// end into a buffer as its lines are read (see record), and become one
// string when the record is done: every string of the project is a
// substring of it, so a record costs one allocation for its text however
// many fields and lines it has.
type scanner struct {
	src      string
	lax      bool
	lr       *text.LineReader
	listing  *Listing // header, sections and findings accumulate here
	section  string
	bureau   tip.Bureau
	pending  string // a line outside any record, maybe a heading
	pendPos  tip.Position
	sawAsOf  bool
	errata   tip.Errata
	recStart tip.Position
	stream   bool // Scan: keep no findings or sections, so memory stays flat

	// The buffers of run's record, kept with the scanner between parses.
	recFields []field
	recText   []byte
	// countries is cut into the projects' Countries slices, so that a
	// record does not allocate its own (see countrySlice).
	countries []tip.Country
	// placeCache holds Countries values split and resolved: listings
	// repeat them ("Country: India"). Bounded, so memory stays flat on any
	// input.
	placeCache map[string]placeList
	pinned     int // bytes of record text the cache's keys hold (see splitPlaces)
	// amounts holds Amount values read, by their text (see amount).
	amounts *[amountSlots]amountSlot
}

const (
	maxCachedPlaces = 4096
	// amountSlots is the size of the amounts cache: more than the
	// distinct amounts of a listing like seed 000 (48), few enough to
	// clear at once.
	amountSlots     = 1 << amountBits
	amountBits      = 8
	maxAmountProbes = 8
	// maxPinned bounds the record text the place cache's keys may hold:
	// past it, keys are copied.
	maxPinned = 1 << 20
)

// A span is where a label or value sits in record.text.
type span struct{ off, end int }

type field struct {
	k     int          // the field its label names; -1 for a line that could not be read
	name  string       // the label, when it is one as the listing prints it (see printedName); else in label
	label span         // as written
	value span         // cleaned and trimmed, continuation lines included
	pos   tip.Position // of the value
}

// Scan returns the projects of a listing as they are read, each with a nil
// error or, for a record that cannot be read, a zero Project and the
// record's error (a tip.ErrorList of positioned errors). Scanning goes on
// after a bad record. It reads laxly (see ParseLax); findings are not
// returned, use ParseLax for them. Memory stays flat: only the current
// record is held.
func Scan(r io.Reader) iter.Seq2[Project, error] {
	return func(yield func(Project, error) bool) {
		s := newScanner(r, "listing", true, &Listing{})
		s.stream = true
		s.run(yield)
		s.release()
	}
}

// scanners holds scanners between parses. A scanner's line buffer, record
// buffers and place cache cost a short listing more to allocate than to
// parse; release keeps them and nothing else: no record, no project, no
// place looked up (the cache is emptied), no reader.
var scanners = sync.Pool{New: func() any {
	return &scanner{errata: tip.DefaultErrata()}
}}

func newScanner(r io.Reader, src string, lax bool, l *Listing) *scanner {
	s := scanners.Get().(*scanner)
	s.src, s.lax, s.listing = src, lax, l
	s.lr = text.NewLineReader(r)
	return s
}

// release returns s to scanners, as newScanner would make it.
func (s *scanner) release() {
	// Buffers a huge record or listing grew are not kept.
	if cap(s.recText) > 64<<10 || cap(s.recFields) > 1<<10 {
		s.recText, s.recFields = nil, nil
	}
	if len(s.placeCache) > 256 {
		s.placeCache = nil
	}
	clear(s.placeCache)
	if s.amounts != nil {
		clear(s.amounts[:])
	}
	*s = scanner{errata: s.errata, recFields: s.recFields[:0], recText: s.recText[:0], placeCache: s.placeCache, amounts: s.amounts}
	scanners.Put(s)
}

// quiet reports whether what lax tolerates goes unrecorded (Scan keeps no
// findings), so that callers can skip building the message.
func (s *scanner) quiet() bool { return s.lax && s.stream }

func (s *scanner) finding(rule string, sev tip.Severity, pos tip.Position, c tip.Country, subject, msg string) {
	if s.stream {
		return
	}
	s.listing.Findings = append(s.listing.Findings, tip.Finding{Rule: rule, Severity: sev, Source: s.src, Pos: pos, Country: c, Subject: subject, Message: msg})
}

// tolerate records what lax accepts and strict refuses.
func (s *scanner) tolerate(errs *tip.ErrorList, rule string, pos tip.Position, sentinel error, c tip.Country, subject, format string, args ...any) {
	if s.lax {
		if !s.stream {
			s.finding(rule, tip.Warning, pos, c, subject, fmt.Sprintf(format, args...))
		}
		return
	}
	errs.Add(tip.Errorf(s.src, pos, subject, sentinel, format, args...))
}

// A record is the lines of the record being read: its fields, and their
// values end to end in text, with any label not printed as the listing
// prints it. It lives in run's frame, not in
// the scanner, so that its appends, one or two a line, need no GC write
// barrier.
type record struct {
	fields []field
	text   []byte
}

// add appends a field with its label and value.
// A label as the listing prints it is not copied: its name is a constant.
func (r *record) add(k int, label []byte, printed bool, value []byte, pos tip.Position) {
	f := field{k: k, pos: pos}
	if printed {
		f.name = printedName(k, label)
	} else {
		f.label.off = len(r.text)
		r.text = append(r.text, label...)
		f.label.end = len(r.text)
	}
	f.value.off = len(r.text)
	r.text = append(r.text, value...)
	f.value.end = len(r.text)
	r.fields = append(r.fields, f)
}

func (s *scanner) run(yield func(Project, error) bool) {
	// The record's buffers are run's locals while it reads (see record).
	rec := record{fields: s.recFields[:0], text: s.recText[:0]}
	defer func() { s.recFields, s.recText = rec.fields, rec.text }()
	var recErrs tip.ErrorList
	gap := false  // a blank line since the last line of rec
	var p Project // built in place: a Project is 26 words to copy
	flush := func() bool {
		if len(rec.fields) == 0 && recErrs.Len() == 0 {
			return true
		}
		errs := s.project(&p, &rec, recErrs)
		// The project holds its own string: reuse rec.
		rec.fields, rec.text, recErrs = rec.fields[:0], rec.text[:0], nil
		if errs.Len() > 0 {
			return yield(Project{}, errs)
		}
		return yield(p, nil)
	}
	for s.lr.Next() {
		raw := s.lr.Bytes()
		if len(raw) == 0 {
			// An empty line, a fifth of a listing's, is blank: see below.
			gap = len(rec.fields) > 0
			continue
		}
		pos := tip.Position{Line: s.lr.Line(), Col: 1}
		if col := text.Invalid(raw); col > 0 {
			recErrs.Add(tip.Errorf(s.src, tip.Position{Line: pos.Line, Col: col}, "", tip.ErrEncoding, "invalid UTF-8 or NUL byte"))
			// The line belongs to the record it sits in, or starts one: one
			// record in is one error out, not an error and a record.
			if len(rec.fields) == 0 {
				s.recStart = pos
			}
			rec.fields = append(rec.fields, field{k: -1, pos: pos})
			continue
		}
		// A blank line ends a record unless what follows continues it
		// (see continues): the decision waits for the next line.
		cleaned := raw
		if plainPrefix(raw) < len(raw) {
			// Not printable ASCII: there may be spaces to clean.
			cleaned = []byte(text.Clean(string(raw)))
		}
		// Only ASCII spaces are left to trim: cleaning made every other
		// space one.
		t, lead := cleaned, 0
		if len(t) == 0 || t[0] == ' ' || t[len(t)-1] == ' ' {
			// Only here is there anything to trim: most lines have no
			// space at either end.
			end := len(cleaned)
			for lead < end && cleaned[lead] == ' ' {
				lead++
			}
			for end > lead && cleaned[end-1] == ' ' {
				end--
			}
			t = cleaned[lead:end]
		}
		if len(t) == 0 {
			gap = len(rec.fields) > 0
			continue
		}
		label, value, k, isLabel := readLabel(t)
		printed := k != -2
		switch {
		case !isLabel:
			k = -1
		case k == -2:
			k = fieldOf(label)
		}
		if gap {
			gap = false
			if k >= 0 && continues(rec.fields, k) {
				if s.lax && !s.stream {
					l := string(label)
					s.finding("grants/blank-in-record", tip.Info, pos, 0, l, "a blank line inside a record; "+l+" read as part of the record above")
				}
			} else if !flush() {
				return
			}
		}
		if k >= 0 {
			if len(rec.fields) == 0 {
				s.recStart = pos
				s.heading()
			}
			// The value's column in the raw line; where space cleaning
			// changed it (a tab, an NBSP inside), the column after the colon.
			col := len(raw) + 1
			switch {
			case len(value) == 0:
			case len(cleaned) == len(raw):
				// Cleaning changed no byte count, so value sits where it
				// sits in t, and t where it sits in raw: no search needed.
				col = lead + len(t) - len(value) + 1
			default:
				i := bytes.Index(raw, value)
				if i < 0 {
					i = bytes.IndexByte(raw, ':') + 1
				}
				col = i + 1
			}
			rec.add(k, label, printed, value, tip.Position{Line: pos.Line, Col: col})
			continue
		}
		if len(rec.fields) > 0 {
			// A line with no known label inside a record.
			if isLabel && len(label) < 25 {
				l := string(label)
				recErrs.Add(tip.Errorf(s.src, pos, l, tip.ErrSyntax, "unknown label %q", l))
				continue
			}
			last := &rec.fields[len(rec.fields)-1]
			if !s.quiet() {
				l := last.name
				if l == "" {
					l = string(rec.text[last.label.off:last.label.end])
				}
				s.tolerate(&recErrs, "grants/continuation", pos, tip.ErrSyntax, 0, l, "a line with no label, read as more of %s", l)
			}
			rec.extend(t)
			continue
		}
		// Lines outside records are few (the header, headings, a page's
		// furniture): they are read as strings.
		line := string(t)
		if !s.sawAsOf && strings.HasPrefix(line, "As of ") {
			if m := parseHeader(line); m != nil {
				s.sawAsOf = true
				s.listing.AsOf, _ = tip.ParseDate(m[1])
				s.listing.ClaimedProjects, _ = strconv.Atoi(m[2])
				s.listing.ClaimedCountries, _ = strconv.Atoi(m[3])
				s.listing.ClaimedAmount, _ = tip.ParseUSD(m[4])
				continue
			}
		}
		if b, ok := sectionBureau(line); ok {
			s.setSection(line, b)
			s.pending = ""
			continue
		}
		s.pending, s.pendPos = line, pos
	}
	if err := s.lr.Err(); err != nil {
		recErrs.Add(tip.Errorf(s.src, tip.Position{Line: s.lr.Line() + 1, Col: 1}, "", err, ""))
	}
	flush()
}

// extend adds a line with no label to the value of the record's last
// field: "Description:" on its own line takes the next line as its value,
// any other value gets a space and the line.
func (r *record) extend(t []byte) {
	f := &r.fields[len(r.fields)-1]
	if f.value.end != len(r.text) {
		// Not at the end of text, where the last field's value always is;
		// kept correct all the same.
		v := f.value
		f.value.off = len(r.text)
		r.text = append(r.text, r.text[v.off:v.end]...)
		f.value.end = len(r.text)
	}
	if f.value.off == f.value.end {
		f.value.off = len(r.text)
	} else {
		r.text = append(r.text, ' ')
	}
	r.text = append(r.text, t...)
	f.value.end = len(r.text)
}

// plainPrefix returns the length of the longest prefix of b that is
// printable ASCII or DEL (0x20–0x7F). A line that is all such bytes, as
// most are, is valid UTF-8, holds no NUL and has no space for
// text.Clean to change.
func plainPrefix(b []byte) int {
	const (
		lo   = 0x2020202020202020
		high = 0x8080808080808080
	)
	// A word has a byte ≥ 0x80, or < 0x20, if w|(w-lo) has a high bit set
	// (the subtraction borrows into the high bit of a byte < 0x20, and a
	// borrow only ever follows such a byte). Sixty-four bytes a step, the
	// words of a step OR-ed together, then eight.
	i := 0
	for ; i+64 <= len(b); i += 64 {
		c := b[i : i+64 : i+64] // one bounds check for the eight loads
		w0, w1 := binary.LittleEndian.Uint64(c[0:8]), binary.LittleEndian.Uint64(c[8:16])
		w2, w3 := binary.LittleEndian.Uint64(c[16:24]), binary.LittleEndian.Uint64(c[24:32])
		w4, w5 := binary.LittleEndian.Uint64(c[32:40]), binary.LittleEndian.Uint64(c[40:48])
		w6, w7 := binary.LittleEndian.Uint64(c[48:56]), binary.LittleEndian.Uint64(c[56:64])
		if (w0|(w0-lo)|w1|(w1-lo)|w2|(w2-lo)|w3|(w3-lo)|w4|(w4-lo)|w5|(w5-lo)|w6|(w6-lo)|w7|(w7-lo))&high != 0 {
			break
		}
	}
	for ; i+8 <= len(b); i += 8 {
		if w := binary.LittleEndian.Uint64(b[i : i+8]); (w|(w-lo))&high != 0 {
			break
		}
	}
	// The last bytes, as one word that overlaps the ones already read,
	// when the line is long enough: a plain line ends here without the
	// byte loop.
	if n := len(b); i < n && n >= 8 {
		if w := binary.LittleEndian.Uint64(b[n-8:]); (w|(w-lo))&high == 0 && i >= n-8 {
			return n
		}
	}
	for ; i < len(b); i++ {
		if c := b[i]; c < ' ' || c >= utf8.RuneSelf {
			return i
		}
	}
	return i
}

func (s *scanner) setSection(t string, b tip.Bureau) {
	s.section, s.bureau = t, b
	if !s.stream {
		s.listing.Sections = append(s.listing.Sections, t)
	}
}

// heading handles the line just before a record that is no known heading:
// short, with no full stop, it is a heading the parser does not know.
func (s *scanner) heading() {
	if s.pending == "" {
		return
	}
	t, pos := s.pending, s.pendPos
	s.pending = ""
	if len(t) > 60 || strings.HasSuffix(t, ".") {
		return
	}
	// Pending is a line sectionBureau did not know: no bureau.
	const b = tip.BureauUnknown
	if s.lax {
		s.finding("grants/unknown-section", tip.Warning, pos, 0, t, fmt.Sprintf("unknown section heading %q, used as the section", t))
		s.setSection(t, b)
		return
	}
	s.setSection(t, b)
	s.listing.Findings = append(s.listing.Findings, tip.Finding{Rule: "grants/unknown-section", Severity: tip.Error, Source: s.src, Pos: pos, Subject: t,
		Message: fmt.Sprintf("unknown section heading %q", t)})
}

// continues reports whether a block starting with field k, after a blank
// line, belongs to the record rec: k is not in rec yet, and either k never
// starts a record (Amount, End Date, Description) or rec has no Amount yet.
func continues(rec []field, k int) bool {
	hasAmount := false
	for _, f := range rec {
		if f.k < 0 {
			continue
		}
		if f.k == k {
			return false
		}
		hasAmount = hasAmount || f.k == fAmount
	}
	return k == fAmount || k == fEndDate || k == fDescription || !hasAmount
}

// project builds into p the project of a record, or returns the record's
// errors.
func (s *scanner) project(p *Project, rec *record, errs tip.ErrorList) tip.ErrorList {
	text := string(rec.text)
	*p = Project{Section: s.section, Bureau: s.bureau, Pos: s.recStart}
	var seen [nFields]*field
	first := -1 // the field of the record's first line
	for i := range rec.fields {
		f := &rec.fields[i]
		k := f.k
		if k < 0 {
			continue // an unreadable line, already reported
		}
		key := fieldNames[k]
		label, value := f.name, text[f.value.off:f.value.end]
		if label == "" {
			label = text[f.label.off:f.label.end]
		}
		if prev := seen[k]; prev != nil {
			errs.Add(tip.Errorf(s.src, tip.Position{Line: f.pos.Line, Col: 1}, key, tip.ErrDuplicate, "%s given twice (first at line %d)", label, prev.pos.Line))
			continue
		}
		seen[k] = f
		if first < 0 {
			first = k
		}
		if value == "" {
			errs.Add(tip.Errorf(s.src, f.pos, key, tip.ErrMissing, "%s has no value", label))
			continue
		}
		switch k {
		case fCountries:
			s.places(p, label, value, len(text), f.pos, &errs)
		case fImplementer:
			p.Implementer = parseImplementer(value)
		case fAmount:
			a, err := s.amount(value)
			if err != nil {
				errs.Add(tip.Errorf(s.src, f.pos, key, err, ""))
				continue
			}
			p.Amount = a
		case fEndDate:
			d, err := tip.ParseDate(value)
			if err != nil {
				errs.Add(tip.Errorf(s.src, f.pos, key, err, ""))
				continue
			}
			p.EndDate = d
		case fDescription:
			p.Description = value
			if strings.EqualFold(label, "Project Description") {
				s.tolerate(&errs, "grants/project-description", tip.Position{Line: f.pos.Line, Col: 1}, tip.ErrSyntax, 0, "Description", "label %q for Description", label)
			}
		}
	}
	if seen[fAmount] == nil {
		errs.Add(tip.Errorf(s.src, s.recStart, "Amount", tip.ErrMissing, "record with no Amount"))
	}
	if seen[fImplementer] == nil {
		errs.Add(tip.Errorf(s.src, s.recStart, "Implementer", tip.ErrMissing, "record with no Implementer"))
	}
	if seen[fCountries] == nil && !s.quiet() {
		kind := "regional-section"
		if s.bureau == tip.BureauUnknown {
			kind = "global"
		}
		s.tolerate(&errs, "grants/no-country", s.recStart, tip.ErrMissing, 0, "Countries", "record with no Country (a %s award)", kind)
	}
	if first == fImplementer && seen[fCountries] != nil && seen[fCountries].value.end > seen[fCountries].value.off {
		s.tolerate(&errs, "grants/label-order", seen[fCountries].pos, tip.ErrSyntax, 0, "Countries", "Countries after Implementer")
	}
	// In lax mode tolerate records findings, not errors: anything left in
	// errs is what even lax cannot read past.
	if errs.Len() > 0 {
		return errs
	}
	return nil
}

// An amountKey is an Amount value's text as a key: its length, then its
// bytes.
type amountKey [24]byte

type amountSlot struct {
	key amountKey // zero for an empty slot: a key's length is never zero
	d   decimal.Decimal
}

// amount is tip.ParseUSD(v), with the amounts read kept by their text:
// listings repeat them ("$500,000"), and a decimal.Decimal costs two
// allocations, its big.Int and the Int's words, that a repeat need not
// make. A Decimal's big.Int is never changed in place (every copy of a
// Decimal shares it), so projects may share one too.
//
// The cache is a table of amountSlots slots probed linearly from a hash of
// the key, a few slots at most: a lookup costs a few word operations, far
// less than a map's, and the table never grows. Once the slots an amount
// may take are full, it is parsed each time, as it was before the cache.
func (s *scanner) amount(v string) (decimal.Decimal, error) {
	var k amountKey
	if len(v) >= len(k) {
		return tip.ParseUSD(v)
	}
	k[0] = byte(len(v))
	copy(k[1:], v)
	w0, w1, w2 := binary.LittleEndian.Uint64(k[0:8]), binary.LittleEndian.Uint64(k[8:16]), binary.LittleEndian.Uint64(k[16:24])
	h := (w0*0x9e3779b97f4a7c15 ^ w1*0xc2b2ae3d27d4eb4f ^ w2*0x165667b19e3779f9) >> (64 - amountBits)
	if s.amounts == nil {
		s.amounts = new([amountSlots]amountSlot)
	}
	for i := range uint64(maxAmountProbes) {
		slot := &s.amounts[(h+i)%amountSlots]
		switch slot.key {
		case k:
			return slot.d, nil
		case amountKey{}:
			d, err := tip.ParseUSD(v)
			if err == nil {
				*slot = amountSlot{key: k, d: d}
			}
			return d, err
		}
	}
	return tip.ParseUSD(v)
}

// A placeList is a Countries value split by tip.SplitPlaces, with the
// errata that apply to its members looked up: all of it a function of the
// value alone, so computed once per distinct value.
//
// Its strings are those of the first record with the value. A project
// takes its own from its own value, at the same offsets (see places), so
// that it holds no other record's text.
type placeList struct {
	label     string         // as SplitPlaces gives it, when it is not a substring of the value (it joined two)
	labelOff  int            // else where in the value it is, or -1 for none
	members   []tip.Place    // Text is the value's [Offset:Offset+len(Text)]
	errata    []*tip.Erratum // for each member, the erratum that reads it; nil if every member names a country
	countries int            // members that name a country, directly or by an erratum
	labelLen  int
}

// splitPlaces returns the placeList of a Countries value, a substring of a
// record's text recLen bytes long.
func (s *scanner) splitPlaces(value string, recLen int) placeList {
	if pl, ok := s.placeCache[value]; ok {
		return pl
	}
	// Short values only, and the key holds its record's text only up to
	// maxPinned in all, so that memory stays flat however long the input.
	cache := len(s.placeCache) < maxCachedPlaces && len(value) <= 256
	if cache {
		if s.pinned+recLen <= maxPinned {
			s.pinned += recLen
		} else {
			value = strings.Clone(value)
		}
	}
	split := tip.SplitPlaces(value)
	label, members := split.Label, split.Members
	pl := placeList{members: members, labelOff: -1}
	if label != "" {
		if i := strings.Index(value, label); i >= 0 {
			pl.labelOff, pl.labelLen = i, len(label)
		} else {
			pl.label = label
		}
	}
	for i, m := range members {
		if m.Country != 0 {
			pl.countries++
			continue
		}
		// SplitPlaces has already tried LookupCountry: only errata are left.
		if e, ok := s.errata.Lookup(m.Text); ok {
			if pl.errata == nil {
				pl.errata = make([]*tip.Erratum, len(members))
			}
			// The scanner's own errata, which outlive the cache.
			for j := range s.errata {
				if s.errata[j] == e {
					pl.errata[i] = &s.errata[j]
					break
				}
			}
			pl.countries++
		}
	}
	if cache {
		if s.placeCache == nil {
			// Sized for a listing like seed 000's 63 distinct values, so
			// that it is not rebuilt as it grows.
			s.placeCache = make(map[string]placeList, 64)
		}
		s.placeCache[value] = pl
	}
	return pl
}

// countrySlice returns an empty slice with room for n countries. It is cut
// from a block shared by many records, capacity capped, so no project's
// append reaches another's countries, and a record costs no allocation for
// its countries.
func (s *scanner) countrySlice(n int) []tip.Country {
	const block = 512
	if n > len(s.countries) {
		if n > block/8 {
			return make([]tip.Country, 0, n)
		}
		s.countries = make([]tip.Country, block)
	}
	c := s.countries[:0:n]
	s.countries = s.countries[n:]
	return c
}

// places resolves a Countries value: the label, the countries, and every
// member that names none, through errata in lax mode.
func (s *scanner) places(p *Project, label, value string, recLen int, vpos tip.Position, errs *tip.ErrorList) {
	pl := s.splitPlaces(value, recLen)
	p.Places = value
	p.Label = pl.label
	if pl.labelOff >= 0 {
		p.Label = value[pl.labelOff : pl.labelOff+pl.labelLen]
	}
	if pl.countries > 0 {
		p.Countries = s.countrySlice(pl.countries)
	}
	for i, m := range pl.members {
		pos := tip.Position{Line: vpos.Line, Col: vpos.Col + m.Offset}
		m.Text = value[m.Offset : m.Offset+len(m.Text)]
		c := m.Country
		if c == 0 {
			if pl.errata != nil && pl.errata[i] != nil {
				e := pl.errata[i]
				if !s.quiet() {
					s.tolerate(errs, "grants/erratum", pos, tip.ErrUnknownCountry, e.Country, m.Text, "%q read as %s (erratum: %s)", m.Text, e.Country.Name(), e.Note)
				}
				c = e.Country
			} else {
				if !s.quiet() {
					s.tolerate(errs, "grants/unresolved-place", pos, tip.ErrUnknownCountry, 0, m.Text, "%q names no country; kept verbatim", m.Text)
				}
				p.Unresolved = append(p.Unresolved, m.Text)
				continue
			}
		}
		p.Countries = append(p.Countries, c)
	}
	if !s.quiet() {
		if strings.EqualFold(label, "Countries") && len(pl.members) == 1 && p.Label == "" {
			s.tolerate(errs, "grants/plural-label", tip.Position{Line: vpos.Line, Col: 1}, tip.ErrSyntax, 0, "Countries", "label %q with one country", label)
		}
		if strings.EqualFold(label, "Country") && len(pl.members) > 1 {
			s.tolerate(errs, "grants/singular-label", tip.Position{Line: vpos.Line, Col: 1}, tip.ErrSyntax, 0, "Countries", "label %q with %d places", label, len(pl.members))
		}
	}
}

// Parse reads a project listing strictly: a label, value or place it does
// not fully understand (a plural label with one country, "Project
// Description:", a misprinted or regional place name, an unknown heading)
// is a *tip.ParseError. All errors come in one tip.ErrorList, and the
// listing is returned with every record that could be read.
func Parse(r io.Reader) (*Listing, error) {
	return parse(r, "listing", false)
}

// ParseLax reads every kind of mess the published listing holds and
// records a tip.Finding for each thing it tolerated: plural labels with one
// country, "Project Description:", errata such as "Seychelle", region terms
// that name no country ("MENA"), Implementer before Countries. It errors
// only on what it cannot read (an Amount that is not money, a record with
// no Amount, a date that does not exist), and still returns every good
// record with the error.
func ParseLax(r io.Reader) (*Listing, error) {
	return parse(r, "listing", true)
}

func parse(r io.Reader, src string, lax bool) (*Listing, error) {
	l := &Listing{Source: src}
	s := newScanner(r, src, lax, l)
	defer s.release()
	var errs tip.ErrorList
	s.run(func(p Project, err error) bool {
		if err != nil {
			if list, ok := err.(tip.ErrorList); ok {
				for _, e := range list {
					errs.Add(e)
				}
			}
			return true
		}
		l.Projects = append(l.Projects, p)
		return true
	})
	if !lax {
		for _, f := range l.Findings {
			if f.Rule == "grants/unknown-section" {
				errs.Add(tip.Errorf(src, f.Pos, "section", tip.ErrSyntax, "%s", f.Message))
			}
		}
		l.Findings = nil
	}
	tip.SortFindings(l.Findings)
	errs.Sort()
	return l, errs.Err()
}
