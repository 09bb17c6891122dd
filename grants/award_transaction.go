package grants

import (
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip"
)

// A Transaction is one action on an award, one row of USAspending's
// assistance transaction download: the base obligation (modification "0")
// or a later amendment, which may add money or withdraw it.
type Transaction struct {
	Key          string          // assistance_transaction_unique_key; "" if the download has no such column
	AwardKey     string          // assistance_award_unique_key: "ASST_NON_SSJTIP23GR0017_1900"
	AwardID      string          // award_id_fain: "SSJTIP23GR0017"
	Modification string          // modification_number: "0" for the base action
	Obligation   decimal.Decimal // federal_action_obligation: "1095000.00"; negative where funds are withdrawn
	Date         tip.Date        // action_date
	FiscalYear   tip.FiscalYear  // Date's federal fiscal year
	Listing      string          // cfda_number: "19.019"
	ListingTitle string          // cfda_title
	Kind         AwardKind       // from assistance_type_description, else assistance_type_code
	KindText     string          // as written: "PROJECT GRANT (B)"; "" for none
	Country      tip.Country     // from the GENC code; zero for none, or (lax) for one tipkit cannot resolve
	CountryCode  string          // primary_place_of_performance_country_code as written; "" for none
	State        string          // primary_place_of_performance_state_name; "" for none

	RecipientID   string // recipient_uei, else recipient_duns
	RecipientName string // recipient_name

	Description      string // transaction_description: this action's
	AwardDescription string // prime_award_base_transaction_description: the award's

	Findings []tip.Finding // what the reader found about this row: an amount rounded to the cent (lax), a fiscal-year column that disagrees with the date
	Pos      tip.Position  // the row's first cell
}

// The values of a transaction row.
const (
	txKey = iota
	txAwardKey
	txAwardID
	txModification
	txObligation
	txDate
	txFiscalYear
	txListing
	txListingTitle
	txCode
	txState
	txKind
	txRecipientID
	txRecipientName
	txDesc
	txAwardDesc
	numTxSlots
)

// transactionCSVColumns are the transaction download's columns that fill
// a Transaction (usaspending_assistance_transaction_columns.txt); the
// others are read past.
var transactionCSVColumns = [numTxSlots]csvSpec{
	txKey:           {[]string{"assistance_transaction_unique_key"}, false},
	txAwardKey:      {[]string{"assistance_award_unique_key"}, false},
	txAwardID:       {[]string{"award_id_fain"}, true},
	txModification:  {[]string{"modification_number"}, false},
	txObligation:    {[]string{"federal_action_obligation"}, true},
	txDate:          {[]string{"action_date"}, true},
	txFiscalYear:    {[]string{"action_date_fiscal_year"}, false},
	txListing:       {[]string{"cfda_number"}, true},
	txListingTitle:  {[]string{"cfda_title"}, false},
	txCode:          {[]string{"primary_place_of_performance_country_code"}, true},
	txState:         {[]string{"primary_place_of_performance_state_name"}, false},
	txKind:          {[]string{"assistance_type_description", "assistance_type_code"}, false},
	txRecipientID:   {[]string{"recipient_uei", "recipient_duns"}, false},
	txRecipientName: {[]string{"recipient_name"}, false},
	txDesc:          {[]string{"transaction_description"}, false},
	txAwardDesc:     {[]string{"prime_award_base_transaction_description"}, false},
}

// ScanTransactionCSV returns the rows of a USAspending assistance
// transaction download as they are read, each a Transaction with a nil
// error, or a zero Transaction and a *tip.ParseError for a row that cannot
// be read; reading goes on, up to tip.MaxErrors errors. The header rules
// are ScanAwardCSV's; the columns it needs are award_id_fain,
// federal_action_obligation, action_date, cfda_number and
// primary_place_of_performance_country_code. Rows of every listing are
// yielded, each with its Listing.
//
// A strict read fails on a code tipkit cannot resolve and on an amount
// that is not a whole number of cents; a lax one keeps the row (the code
// with no Country; the amount rounded, with a finding). The quirks of an
// award (a null code, USA with no state, a zero amount, …) are judged per
// award, not per row: see ReadTransactionCSV.
//
// Memory stays flat, and the strings of a Transaction share the row's
// memory: a caller that keeps many should copy what it keeps
// (strings.Clone).
func ScanTransactionCSV(r io.Reader, opts tip.ParseOptions) iter.Seq2[Transaction, error] {
	return scanTransactions(r, opts, nil)
}

// scanTransactions is ScanTransactionCSV, setting *kindColumn, once the
// header is read, to whether the download has an award type column.
func scanTransactions(r io.Reader, opts tip.ParseOptions, kindColumn *bool) iter.Seq2[Transaction, error] {
	var header func([][]int)
	if kindColumn != nil {
		header = func(cols [][]int) { *kindColumn = len(cols[txKind]) > 0 }
	}
	return scanCSV(r, opts.SourceOr("transaction download"), opts.Lax, transactionCSVColumns[:], header, func(c *csvReader, f []rawField) (Transaction, *tip.ParseError) {
		return c.transaction((*[numTxSlots]rawField)(f))
	})
}

// transaction understands one row's values.
func (c *csvReader) transaction(f *[numTxSlots]rawField) (Transaction, *tip.ParseError) {
	fail := func(s int, err error) *tip.ParseError { return c.errAt(f[s].pos, f[s].name, err) }
	for s := range f {
		if f[s].set {
			if err := checkAwardText(f[s].text); err != nil {
				return Transaction{}, fail(s, err)
			}
		}
	}
	for _, s := range []int{txAwardID, txObligation, txDate, txListing} {
		if !f[s].set {
			return Transaction{}, fail(s, fmt.Errorf("%w: no %s; a transaction needs its award ID, obligation, date and listing", tip.ErrMissing, f[s].name))
		}
	}
	t := Transaction{
		Key: f[txKey].text, AwardKey: f[txAwardKey].text, AwardID: f[txAwardID].text, Modification: f[txModification].text,
		ListingTitle: f[txListingTitle].text, KindText: f[txKind].text, CountryCode: f[txCode].text, State: f[txState].text,
		RecipientID: f[txRecipientID].text, RecipientName: f[txRecipientName].text,
		Description: f[txDesc].text, AwardDescription: f[txAwardDesc].text, Pos: c.pos(0),
	}
	note := func(s int, rule, msg string) {
		t.Findings = append(t.Findings, tip.Finding{Rule: rule, Severity: tip.Warning, Source: c.src, Pos: f[s].pos, Subject: t.AwardID, Message: t.AwardID + ": " + msg})
	}
	var cents string
	var err error
	if t.Obligation, cents, err = parseAwardAmount(f[txObligation].text, c.lax); err != nil {
		return Transaction{}, fail(txObligation, err)
	}
	if cents != "" {
		note(txObligation, RuleAwardCents, cents)
	}
	if t.Date, err = parseAwardDate(f[txDate].text); err != nil {
		return Transaction{}, fail(txDate, err)
	}
	t.FiscalYear = tip.FiscalYearOf(t.Date)
	if fy := f[txFiscalYear]; fy.set {
		if n, err := strconv.Atoi(fy.text); err != nil || tip.FiscalYear(n) != t.FiscalYear {
			note(txFiscalYear, RuleAwardFiscalYear, fmt.Sprintf("%s says %q, but %s is in %v: the date is taken", fy.name, clip(fy.text), t.Date, t.FiscalYear))
		}
	}
	listings, err := parseListings(f[txListing].text)
	if err != nil {
		return Transaction{}, fail(txListing, err)
	}
	t.Listing = listings[0]
	if t.CountryCode != "" {
		if err := checkGENCForm(t.CountryCode); err != nil {
			return Transaction{}, fail(txCode, err)
		}
		cc, ok := countryOfGENC(t.CountryCode)
		if !ok && !c.lax {
			return Transaction{}, fail(txCode, fmt.Errorf("%w: GENC code %s names no entity of tipkit's country table (the 191 of the TIP Reports); a lax read keeps the row with its code and no country", tip.ErrUnknownCountry, t.CountryCode))
		}
		t.Country = cc
	}
	if t.KindText != "" {
		t.Kind, _ = ParseAwardKind(t.KindText)
	}
	return t, nil
}

// ReadTransactionCSV reads a transaction download (see
// ScanTransactionCSV) and gathers its rows under 19.019 into awards, one
// per assistance_award_unique_key (else per FAIN), in the order of their
// first rows; rows under other listings are counted in OtherListings. An
// award's Amount is the sum of its rows' obligations; its BaseDate the
// earliest action date (the base transaction, modification "0", where
// dates tie); its place, kind and recipient the latest row's, as
// USAspending's award summaries take them; its Description the award's
// base description, else the base row's. Each award is then judged as the
// other readers judge theirs, and carries its rows' findings. Memory grows
// with the awards, not the rows.
func ReadTransactionCSV(r io.Reader, opts tip.ParseOptions) (*AwardSet, error) {
	src := opts.SourceOr("transaction download")
	opts.Source = src
	set := &AwardSet{Source: src, Format: TransactionDownloadCSV}
	var errs tip.ErrorList
	type gathered struct {
		a            Award
		base, latest Transaction
		findings     []tip.Finding
	}
	var gs []*gathered
	byKey := make(map[string]*gathered)
	kindColumn := false
	for t, err := range scanTransactions(r, opts, &kindColumn) {
		if err != nil {
			errs.Add(err.(*tip.ParseError))
			continue
		}
		if t.Listing != AssistanceListing {
			set.OtherListings++
			continue
		}
		t = cloneTransaction(t)
		key := t.AwardKey
		if key == "" {
			key = t.AwardID
		}
		g := byKey[key]
		if g == nil {
			g = &gathered{a: Award{ID: t.AwardID, Key: t.AwardKey, Listing: AssistanceListing, Amount: decimal.Zero, Pos: t.Pos}, base: t, latest: t}
			byKey[key] = g
			gs = append(gs, g)
		}
		g.a.Amount = g.a.Amount.Add(t.Obligation)
		if before(t, g.base) {
			g.base = t
		}
		if before(g.latest, t) {
			g.latest = t
		}
		g.findings = append(g.findings, t.Findings...)
	}
	for _, g := range gs {
		a, b, l := &g.a, &g.base, &g.latest
		a.BaseDate, a.FiscalYear = b.Date, b.FiscalYear
		a.Kind, a.KindText = l.Kind, l.KindText
		a.Country, a.CountryCode, a.State = l.Country, l.CountryCode, l.State
		a.RecipientID, a.RecipientName = l.RecipientID, l.RecipientName
		a.Description = l.AwardDescription
		if a.Description == "" {
			a.Description = b.Description
		}
		finishAward(a, src, fieldPositions{noKind: !kindColumn})
		a.Findings = append(g.findings, a.Findings...)
		set.Awards = append(set.Awards, *a)
	}
	set.finish()
	return set, errs.Err()
}

// before reports whether transaction s comes before t: by action date,
// then by modification number (numerically where both are numbers).
func before(s, t Transaction) bool {
	if c := s.Date.Compare(t.Date); c != 0 {
		return c < 0
	}
	m, err1 := strconv.Atoi(s.Modification)
	n, err2 := strconv.Atoi(t.Modification)
	if err1 == nil && err2 == nil {
		return m < n
	}
	return s.Modification < t.Modification
}

// cloneTransaction copies the strings of t that share its row's memory,
// so that keeping t does not keep the row.
func cloneTransaction(t Transaction) Transaction {
	for _, s := range []*string{&t.Key, &t.AwardKey, &t.AwardID, &t.Modification, &t.Listing, &t.ListingTitle, &t.KindText,
		&t.CountryCode, &t.State, &t.RecipientID, &t.RecipientName, &t.Description, &t.AwardDescription} {
		*s = strings.Clone(*s)
	}
	t.Findings = append([]tip.Finding(nil), t.Findings...)
	for i := range t.Findings {
		t.Findings[i].Subject = t.AwardID
	}
	return t
}
