package grants

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip"
)

// end ends the record being read, handing yield its Project or its
// errors, and reports whether to go on. cut says a read error stopped the
// input inside the record.
func (s *scanner) end(cut bool) bool {
	if !s.rec.open() {
		return true
	}
	p, ok := s.project(cut)
	errs := s.rec.errs
	s.rec, s.gap = record{}, false
	switch {
	case errs.Len() > 0:
		errs.Sort()
		return s.yield(Project{}, errs) && !errs.Full()
	case ok:
		return s.yield(p, nil)
	}
	return true
}

// project builds the project of the record being read, adding to the
// record's errors what cannot be read. ok is false when there is no
// project: the record has errors, or holds unreadable lines only, or was
// cut short (cut) before it had what a project needs.
func (s *scanner) project(cut bool) (p Project, ok bool) {
	r := &s.rec
	if r.first == noField {
		return Project{}, false // its lines' errors say it all
	}
	p = Project{Section: s.section, Bureau: s.bureau, Pos: r.start}
	for f := range numFields {
		e := &r.fields[f]
		if e.label == nil {
			continue
		}
		v := e.text()
		if v == "" {
			s.recErr(s.errorf(e.pos, e.label.name, tip.ErrMissing, "%q has no value (%s)", e.label.name+":", wantLine(f)))
			continue
		}
		several := false
		switch f {
		case fieldCountries:
			several = s.readPlaces(&p, e, v)
		case fieldImplementer:
			p.Implementer = parseImplementer(v)
		case fieldAmount:
			a := s.amounts.get(v, parseAmount)
			if a.err != nil {
				s.recErr(s.errorf(e.pos, e.label.name, a.err, ""))
			}
			p.Amount = a.d
		case fieldEndDate:
			d, err := parseDate(v)
			if err != nil {
				s.recErr(s.errorf(e.pos, e.label.name, err, ""))
			}
			p.EndDate = d
		case fieldDescription:
			p.Description = v
		}
		if !e.label.writes(several) {
			w := written(f, several)
			s.tolerate(e.label.rule, tip.Position{Line: e.pos.Line, Col: 1}, e.label.name, tip.ErrSyntax, e.label.name,
				"label %q %s (want %q)", e.label.name, labelFits(f, several), w.name+":")
		}
	}
	// A record cut short by a read error, or with a line that is not
	// text, may have had the fields it lacks: the error about the input
	// is the record's error, and nothing is reported missing.
	cut = cut || r.unreadable
	for _, l := range labels {
		if l.required && r.fields[l.field].label == nil {
			if cut {
				return Project{}, false
			}
			s.recErr(s.errorf(r.start, l.name, tip.ErrMissing, "record with no %s (%s)", l.name, wantLine(l.field)))
		}
	}
	countries := &r.fields[fieldCountries]
	switch {
	case countries.label == nil && !cut:
		kind := "regional-section"
		if s.bureau == tip.BureauUnknown {
			kind = "global"
		}
		s.tolerate("grants/no-country", r.start, fieldName(fieldCountries), tip.ErrMissing, fieldName(fieldCountries),
			"record with no Country, a %s award (%s)", kind, wantLine(fieldCountries))
	case countries.label != nil && r.first == fieldImplementer:
		s.tolerate("grants/label-order", countries.pos, countries.label.name, tip.ErrSyntax, countries.label.name,
			"%s after Implementer (want the places first)", countries.label.name)
	}
	return p, r.errs.Len() == 0
}

// labelFits says what a label was read with, for the message about it.
func labelFits(f field, several bool) string {
	switch {
	case f != fieldCountries:
		return "for " + fieldName(f)
	case several:
		return "with several places"
	}
	return "with one country"
}

// parseDate reads a date of the listing (an End Date, the header's): one
// that exists, in the years tipkit reads (9/30/0001 is a typing error,
// not a project that ended).
func parseDate(v string) (tip.Date, error) {
	d, err := tip.ParseDate(v)
	if err == nil {
		err = checkYear(d, v)
	}
	if err != nil {
		return tip.Date{}, err
	}
	return d, nil
}

// checkYear returns an error wrapping tip.ErrDate for a date outside
// [tip.MinYear, tip.MaxYear], written text.
func checkYear(d tip.Date, text string) error {
	if d.Year < tip.MinYear || d.Year > tip.MaxYear {
		return fmt.Errorf("%w: %q: year %d is out of range (want a year from %d to %d)", tip.ErrDate, text, d.Year, tip.MinYear, tip.MaxYear)
	}
	return nil
}

// readPlaces reads a Countries value into p: the value, its place label, the
// countries it names and, in a lax parse, the places that name none,
// kept verbatim. It reports whether the value names several places or has
// a label, as the label "Countries" says.
func (s *scanner) readPlaces(p *Project, e *entry, v string) (several bool) {
	pl := s.places.get(v, tip.SplitPlaces)
	p.Places, p.Label = v, pl.Label
	next := 0 // e.lines before the place, which come in order
	for _, m := range pl.Members {
		c := m.Country
		if c == 0 {
			if c = s.resolvePlace(p, m, e.posAt(m.Offset, &next), e.label.name); c == 0 {
				continue
			}
		}
		if p.Countries == nil {
			p.Countries = make([]tip.Country, 0, len(pl.Members))
		}
		p.Countries = append(p.Countries, c)
	}
	return len(pl.Members) > 1 || pl.Label != ""
}

// resolvePlace reads a place at pos that is not a country's name, in the
// field named field: an erratum in a lax parse gives its country; else, a
// strict parse records an error, and a lax one keeps the place verbatim
// in p.Unresolved with a finding. It returns zero but for an erratum.
func (s *scanner) resolvePlace(p *Project, m tip.Place, pos tip.Position, field string) tip.Country {
	c, f, err := s.opts.ResolveCountry(m.Text, pos, field)
	if f != nil {
		s.finding(*f)
	}
	switch {
	case err == nil:
		return c
	case !s.opts.Lax:
		s.recErr(err)
		return 0
	}
	if s.keep {
		msg := "%q names no country; kept verbatim"
		if errors.Is(err, tip.ErrAmbiguousCountry) {
			msg = "%q could name several countries; kept verbatim"
		}
		s.finding(tip.Finding{Rule: "grants/unresolved-place", Severity: tip.Warning, Source: s.opts.Source, Pos: pos,
			Subject: m.Text, Message: fmt.Sprintf(msg, m.Text)})
	}
	p.Unresolved = append(p.Unresolved, m.Text)
	return 0
}

// A memo remembers what a pure function made of a field's value, for the
// rest of one parse: a listing repeats its values ("Country: India",
// "Amount: $500,000"), and splitting a list of places or reading an amount
// costs more than the rest of a record. It keeps at most maxMemo values
// of at most maxMemoLen bytes (past that it starts again), so that it
// stays small however long the input. Values are read, never changed, so
// records may share them.
type memo[V any] map[string]V

const (
	maxMemo    = 1024
	maxMemoLen = 256
)

// get returns f(key), from the memo if it is there.
func (m *memo[V]) get(key string, f func(string) V) V {
	if v, ok := (*m)[key]; ok {
		return v
	}
	v := f(key)
	if len(key) <= maxMemoLen {
		if *m == nil || len(*m) >= maxMemo {
			*m = make(memo[V])
		}
		(*m)[key] = v
	}
	return v
}

// An amount is what tip.ParseUSD makes of an Amount value.
type amount struct {
	d   decimal.Decimal
	err error
}

func parseAmount(v string) amount {
	d, err := tip.ParseUSD(v)
	return amount{d, err}
}

// parseImplementer splits "Name (ACR)"; a parenthesis that is not an
// acronym (it has spaces, or no upper case) stays in the name.
func parseImplementer(s string) Implementer {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, " ("); i > 0 {
			acr := s[i+2 : len(s)-1]
			if acr != "" && !strings.Contains(acr, " ") && strings.IndexFunc(acr, unicode.IsUpper) >= 0 {
				return Implementer{Name: strings.TrimSpace(s[:i]), Acronym: acr}
			}
		}
	}
	return Implementer{Name: s}
}
