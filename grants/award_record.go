package grants

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/tipkit/tipkit/tip"
)

// An awardSlot is one value of an award record, wherever the input keeps
// it: a JSON key or a CSV column.
type awardSlot int

const (
	slotID awardSlot = iota
	slotKey
	slotKind
	slotAmount
	slotDate
	slotFiscalYear // the downloads' *_fiscal_year column, checked against the date
	slotListing
	slotCode
	slotState
	slotRecipientID
	slotRecipientName
	slotDesc
	numSlots
)

// requiredSlots are the values an award cannot be read without.
var requiredSlots = []awardSlot{slotID, slotAmount, slotDate, slotListing}

// A rawField is one value of a record as read, before it is understood.
type rawField struct {
	name string       // the JSON key or CSV column: "Award Amount", "total_obligated_amount"
	text string       // the value; "" when not set
	set  bool         // present, not null and not empty
	pos  tip.Position // where the value starts
}

// A rawAward is one record as read from JSON or an award download.
type rawAward struct {
	f      [numSlots]rawField
	pos    tip.Position // the record's start
	record int          // 1-based
}

// buildAward understands a record: every value checked, the code
// resolved, the findings made. A value that cannot be read is a
// *tip.ParseError at its position, and the record is not an award.
func buildAward(r *rawAward, src string, lax bool) (Award, *tip.ParseError) {
	fail := func(s awardSlot, err error) *tip.ParseError {
		f := &r.f[s]
		pos := f.pos
		if !pos.IsValid() {
			pos = r.pos
		}
		e := tip.Errorf(src, pos, f.name, err, "")
		e.Record = r.record
		return e
	}
	// Text first: a value that is not UTF-8 or too long is reported as
	// such, not as the amount or date it fails to be.
	for s := range r.f {
		if !r.f[s].set {
			continue
		}
		if err := checkAwardText(r.f[s].text); err != nil {
			return Award{}, fail(awardSlot(s), err)
		}
	}
	for _, s := range requiredSlots {
		if !r.f[s].set {
			return Award{}, fail(s, fmt.Errorf("%w: no %s; an award needs its ID, amount, base obligation date and listing", tip.ErrMissing, r.f[s].name))
		}
	}
	a := Award{
		ID: r.f[slotID].text, Key: r.f[slotKey].text, KindText: r.f[slotKind].text,
		CountryCode: r.f[slotCode].text, State: r.f[slotState].text,
		RecipientID: r.f[slotRecipientID].text, RecipientName: r.f[slotRecipientName].text,
		Description: r.f[slotDesc].text, Pos: r.pos,
	}
	// notes are what reading the values tolerated or found; finishAward
	// adds what the values mean.
	var notes []tip.Finding
	note := func(s awardSlot, rule string, sev tip.Severity, msg string) {
		pos := r.f[s].pos
		if !pos.IsValid() {
			pos = r.pos
		}
		notes = append(notes, tip.Finding{Rule: rule, Severity: sev, Source: src, Pos: pos, Subject: a.ID, Message: a.ID + ": " + msg})
	}

	amount, cents, err := parseAwardAmount(r.f[slotAmount].text, lax)
	if err != nil {
		return Award{}, fail(slotAmount, err)
	}
	a.Amount = amount
	if cents != "" {
		note(slotAmount, RuleAwardCents, tip.Warning, cents)
	}

	if a.BaseDate, err = parseAwardDate(r.f[slotDate].text); err != nil {
		return Award{}, fail(slotDate, err)
	}
	a.FiscalYear = tip.FiscalYearOf(a.BaseDate)
	// The downloads state the fiscal year too. Where they disagree with
	// the date, the date wins: the year is derived from it everywhere else.
	if f := r.f[slotFiscalYear]; f.set {
		if n, err := strconv.Atoi(f.text); err != nil || tip.FiscalYear(n) != a.FiscalYear {
			note(slotFiscalYear, RuleAwardFiscalYear, tip.Warning, fmt.Sprintf("%s says %q, but %s is in %v: the date is taken", f.name, clip(f.text), a.BaseDate, a.FiscalYear))
		}
	}

	listings, err := parseListings(r.f[slotListing].text)
	if err != nil {
		return Award{}, fail(slotListing, err)
	}
	// An award filed under several listings cannot be split by listing
	// (the download gives one total): it is kept whole under 19.019.
	a.Listing = listings[0]
	if slices.Contains(listings, AssistanceListing) {
		a.Listing = AssistanceListing
		if len(listings) > 1 {
			note(slotListing, RuleAwardSeveralListings, tip.Info, fmt.Sprintf("filed under %s: its whole amount is counted under %s", joinAnd(listings), AssistanceListing))
		}
	}

	if a.CountryCode != "" {
		if err := checkGENCForm(a.CountryCode); err != nil {
			return Award{}, fail(slotCode, err)
		}
		// A well-formed code tipkit cannot resolve is the table's gap, not
		// the record's fault: lax keeps the award, strict says so.
		c, ok := countryOfGENC(a.CountryCode)
		if !ok && !lax {
			return Award{}, fail(slotCode, fmt.Errorf("%w: GENC code %s names no entity of tipkit's country table (the 191 of the TIP Reports); a lax read keeps the award with its code and no country", tip.ErrUnknownCountry, a.CountryCode))
		}
		a.Country = c
	}

	if a.KindText != "" {
		a.Kind, _ = ParseAwardKind(a.KindText) // another type stays AwardKindUnknown, with a finding
	}
	finishAward(&a, src, fieldPositions{amount: r.f[slotAmount].pos, kind: r.f[slotKind].pos, code: r.f[slotCode].pos, desc: r.f[slotDesc].pos,
		noKind: !r.f[slotKind].pos.IsValid()})
	a.Findings = append(notes, a.Findings...)
	return a, nil
}
