package tiers

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/text"
)

// applyCorrections makes the changes of data/corrections.txt to the years
// read from the reference files and the embedded report, each reported as
// a finding citing its evidence. A correction that no longer fits the
// files (a row to merge or drop is missing, a row to add is already there)
// is an error: the data changed under it and someone must look.
func (b *builder) applyCorrections() error {
	data, err := dataFS.ReadFile("data/corrections.txt")
	if err != nil {
		return err
	}
	return b.correct("corrections.txt", data)
}

// correct makes the changes of the corrections table data, named src.
func (b *builder) correct(src string, data []byte) error {
	return readRows(src, data, []string{"Year", "Change", "Tier", "Country", "Basis", "Evidence"}, func(f []string, pos tip.Position) error {
		yr, err := b.h.rowYear(src, pos, f[0])
		if err != nil {
			return err
		}
		tier, err := ParseTier(f[2])
		if err != nil {
			return tip.Errorf(src, pos, "tier", err, "")
		}
		c, err := tip.LookupCountry(f[3])
		if err != nil {
			return tip.Errorf(src, pos, "country", err, "")
		}
		fix := correction{yr: yr, tier: tier, country: c, name: f[3], src: src, pos: pos}
		fix.cpos = tip.Position{Line: pos.Line, Col: len(f[0]) + len(f[1]) + len(f[2]) + 4}
		// add and merge make a placement on the row's basis; drop makes
		// none, and take's is the file's.
		change := f[1]
		makes := change == "add" || strings.HasPrefix(change, "merge ")
		basis, err := ParseBasis(f[4])
		switch {
		case makes && (err != nil || basis == BasisUnknown):
			return tip.Errorf(src, pos, "basis", ErrBasis, "basis %q: want observed, transcribed, implied or derived", f[4])
		case !makes && f[4] != "":
			return tip.Errorf(src, pos, "basis", ErrBasis, "basis %q: a %s row has none", f[4], change)
		}
		var p *Placement // the placement the change makes, if any
		var msg string
		switch {
		case change == "add":
			p, msg, err = fix.add(basis)
		case strings.HasPrefix(change, "merge "):
			p, msg, err = fix.merge(strings.Split(strings.TrimPrefix(change, "merge "), " + "), basis)
		case change == "drop":
			msg, err = fix.drop()
		case strings.HasPrefix(change, "take "):
			p, msg, err = b.take(&fix, strings.TrimPrefix(change, "take "))
		default:
			return tip.Errorf(src, pos, "change", tip.ErrSyntax, "change %q: want add, merge A + B, drop or take FILE", change)
		}
		if err != nil {
			return err
		}
		at := tip.Finding{Source: src, Pos: fix.cpos}
		if p != nil {
			yr.Placements = append(yr.Placements, *p)
			if !slices.Contains(yr.Sources, p.Source) {
				yr.Sources = append(yr.Sources, p.Source)
			}
			at.Source, at.Pos = p.Source, p.Pos
		}
		if fix.dropped != nil {
			at.Source, at.Pos = fix.dropped.Source, fix.dropped.Pos
		}
		b.h.Findings = append(b.h.Findings, tip.Finding{Rule: string(RuleCorrection), Severity: tip.Warning, Source: at.Source, Pos: at.Pos, Country: c, Subject: strconv.Itoa(int(yr.Year)),
			Message: msg, Citation: f[5]})
		return nil
	})
}

// A correction is one row of data/corrections.txt being applied to yr.
type correction struct {
	yr      *Year
	tier    Tier
	country tip.Country
	name    string       // the country as the row writes it
	src     string       // corrections.txt
	pos     tip.Position // the row's
	cpos    tip.Position // the row's Country cell
	dropped *Placement   // the placement drop removed
}

func (x *correction) errorf(field string, err error, format string, args ...any) error {
	return tip.Errorf(x.src, x.pos, field, err, format, args...)
}

// placed returns the index of x's country on tier in the year, or -1.
func (x *correction) placed(c tip.Country, tier Tier) int {
	return slices.IndexFunc(x.yr.Placements, func(p Placement) bool { return p.Country == c && p.Tier == tier })
}

// unplaced fails if the year places x's country already: an add must
// not make a second placement.
func (x *correction) unplaced() error {
	if slices.ContainsFunc(x.yr.Placements, func(p Placement) bool { return p.Country == x.country }) {
		return x.errorf("country", tip.ErrDuplicate, "%d: %s is already placed", x.yr.Year, x.country.Name())
	}
	return nil
}

// add places x's country, which the year's files leave out, on the row's
// basis, at the row.
func (x *correction) add(basis Basis) (*Placement, string, error) {
	if err := x.unplaced(); err != nil {
		return nil, "", err
	}
	name := x.country.Name()
	if x.name != name {
		name = x.name + " (" + name + ")"
	}
	msg := fmt.Sprintf("%d: %s is missing from %s; the history places it on %s", x.yr.Year, name, strings.Join(x.yr.Sources, " and "), x.tier)
	return &Placement{Country: x.country, Name: x.name, Year: x.yr.Year, Tier: x.tier, Basis: basis, Source: x.src, Pos: x.cpos}, msg, nil
}

// merge replaces the rows of the named countries, each on the row's tier,
// by one placement of x's country: the entity the report ranked.
func (x *correction) merge(names []string, basis Basis) (*Placement, string, error) {
	if err := x.unplaced(); err != nil {
		return nil, "", err
	}
	var merged []string
	for _, name := range names {
		m := tip.MustLookupCountry(strings.TrimSpace(name))
		i := x.placed(m, x.tier)
		if i < 0 {
			return nil, "", x.errorf("change", tip.ErrMissing, "%d: no %s row for %s to merge", x.yr.Year, x.tier, m.Name())
		}
		p := x.yr.Placements[i]
		merged = append(merged, fmt.Sprintf("%s (%s:%d)", p.Name, p.Source, p.Pos.Line))
		x.yr.Placements = slices.Delete(x.yr.Placements, i, i+1)
	}
	msg := fmt.Sprintf("%d: %s, both on %s, are one entity in the report; the history places %s", x.yr.Year, strings.Join(merged, " and "), x.tier, x.country.Name())
	return &Placement{Country: x.country, Name: x.name, Year: x.yr.Year, Tier: x.tier, Basis: basis, Source: x.src, Pos: x.cpos}, msg, nil
}

// drop removes the placement of x's country on the row's tier, where a
// source prints the country on two tiers; the other placement stays.
func (x *correction) drop() (string, error) {
	i := x.placed(x.country, x.tier)
	if i < 0 {
		return "", x.errorf("change", tip.ErrMissing, "%d: no %s row for %s to drop", x.yr.Year, x.tier, x.country.Name())
	}
	p := x.yr.Placements[i]
	x.yr.Placements = slices.Delete(x.yr.Placements, i, i+1)
	j := slices.IndexFunc(x.yr.Placements, func(q Placement) bool { return q.Country == x.country })
	if j < 0 {
		return "", x.errorf("change", tip.ErrMissing, "%d: %s has no other placement: drop removes one of two", x.yr.Year, x.country.Name())
	}
	x.dropped = &p
	kept := x.yr.Placements[j].Tier
	return fmt.Sprintf("%d: %s is printed on %s and on %s; the history keeps the %s placement only", x.yr.Year, x.country.Name(), p.Tier, kept, kept), nil
}

// take places x's country as a placement file's row has it (Tier|Country,
// the country written as the correction writes it), with the file's basis
// and the row's position: the one row the history reads of a file that
// another source replaces.
func (b *builder) take(x *correction, file string) (*Placement, string, error) {
	if err := x.unplaced(); err != nil {
		return nil, "", err
	}
	data, err := dataFS.ReadFile("data/" + file)
	fb, ok := b.basis[file]
	if err != nil || !ok {
		return nil, "", x.errorf("change", tip.ErrMissing, "no embedded placement file %s with a basis", file)
	}
	lr := text.NewLineReader(bytes.NewReader(data))
	for lr.Next() {
		tierText, name, ok := strings.Cut(lr.Text(), "|")
		if !ok || strings.TrimSpace(name) != x.name {
			continue
		}
		if t, err := ParseTier(tierText); err != nil || t != x.tier {
			continue
		}
		basis := fb.basis
		if rb, ok := fb.rows[x.name]; ok {
			basis = rb
		}
		p := &Placement{Country: x.country, Name: x.name, Year: x.yr.Year, Tier: x.tier, Basis: basis, Source: file,
			Pos: tip.Position{Line: lr.Line(), Col: len(tierText) + 2}}
		msg := fmt.Sprintf("%d: %s is missing from %s; the history places it on %s, as %s does", x.yr.Year, x.country.Name(), strings.Join(x.yr.Sources, " and "), x.tier, file)
		return p, msg, nil
	}
	if err := lr.Err(); err != nil {
		return nil, "", err
	}
	return nil, "", x.errorf("change", tip.ErrMissing, "%d: %s has no %s row for %s to take", x.yr.Year, file, x.tier, x.name)
}
