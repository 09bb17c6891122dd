package grants

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip"
)

// AssistanceListing is the assistance listing (formerly the CFDA number)
// the TIP Office files its grants and cooperative agreements under:
// "International Programs to Combat Human Trafficking". The award readers
// keep the awards under it and count the others.
const AssistanceListing = "19.019"

// These are the errors, besides tip's, that can be returned in
// [tip.ParseError].Err by the award readers (ReadAwardsJSON, ReadAwardCSV,
// ReadTransactionCSV and their Scan forms). The readers also return tip's:
// [tip.ErrSyntax] (malformed JSON or CSV, a truncated file, a value of the
// wrong JSON type, an input that is none of the three formats),
// [tip.ErrAmount] (an amount that is not a plain decimal: "1,095,000"),
// [tip.ErrDate] (a date not written YYYY-MM-DD, or one that does not
// exist), [tip.ErrMissing] (a required field or column absent or null),
// [tip.ErrDuplicate] (a column named twice in a header, a key twice in an
// object), [tip.ErrEncoding] (text that is not UTF-8),
// [tip.ErrUnknownCountry] (a strict read of a well-formed code tipkit's
// country table lacks) and [tip.ErrTooManyErrors].
var (
	// ErrCountryCode: a place-of-performance code that is not three
	// capital letters, as GENC codes are ("AUST", "ke", "K3N").
	ErrCountryCode = errors.New("invalid country code")
	// ErrTooLong: a cell or JSON value longer than MaxAwardCell bytes, or
	// a record longer than MaxAwardRecord bytes. A long cell costs only
	// its record; a long record ends the read, since nothing after it can
	// be found without holding it.
	ErrTooLong = errors.New("too long")
)

// The award readers' bounds, so that hostile input costs bounded memory.
// USAspending's longest cells are descriptions of a few thousand bytes and
// its rows a few kilobytes.
const (
	MaxAwardCell   = 64 << 10 // bytes in one CSV cell or JSON value
	MaxAwardRecord = 16 << 20 // bytes in one CSV record or JSON object
)

// An AwardKind is the assistance type of an award. The zero AwardKind is
// unknown: a record with no type (USAspending has two under 19.019), or one
// of another type, which the reader reports.
type AwardKind uint8

// The award kinds the TIP Office uses, with USAspending's names and codes.
const (
	AwardKindUnknown     AwardKind = iota
	ProjectGrant                   // "PROJECT GRANT (B)", assistance type code 04
	CooperativeAgreement           // "COOPERATIVE AGREEMENT (B)", assistance type code 05
)

var awardKindNames = []string{"unknown", "project grant", "cooperative agreement"}

// awardKindWritten maps what USAspending writes (the type's description,
// with or without its letter, and its code) to the kind.
var awardKindWritten = map[string]AwardKind{
	"PROJECT GRANT (B)": ProjectGrant, "project grant (b)": ProjectGrant, "project grant": ProjectGrant, "04": ProjectGrant,
	"COOPERATIVE AGREEMENT (B)": CooperativeAgreement, "cooperative agreement (b)": CooperativeAgreement, "cooperative agreement": CooperativeAgreement, "05": CooperativeAgreement,
}

// String returns "project grant", "cooperative agreement" or "unknown".
func (k AwardKind) String() string { return enumName(awardKindNames, int(k)) }

// ParseAwardKind reads what String writes and what USAspending writes:
// "PROJECT GRANT (B)", "COOPERATIVE AGREEMENT (B)", the assistance type
// codes "04" and "05", in any case. Anything else is an error wrapping
// tip.ErrSyntax.
func ParseAwardKind(s string) (AwardKind, error) {
	if k, ok := awardKindWritten[s]; ok {
		return k, nil // as USAspending writes it, with no copy made
	}
	if k, ok := awardKindWritten[strings.ToLower(strings.TrimSpace(s))]; ok {
		return k, nil
	}
	k, err := parseEnum(awardKindNames, s, "award kind")
	return AwardKind(k), err
}

// MarshalText writes String's form; the zero kind writes "".
func (k AwardKind) MarshalText() ([]byte, error) { return enumText(awardKindNames, int(k)), nil }

// UnmarshalText reads what ParseAwardKind reads; "" gives the zero kind.
func (k *AwardKind) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*k = AwardKindUnknown
		return nil
	}
	v, err := ParseAwardKind(string(b))
	*k = v
	return err
}

// A PlaceKind says what an award's place-of-performance code means: work
// in the country it names, or not. The zero PlaceKind is unknown.
type PlaceKind uint8

// The place kinds.
const (
	PlaceUnknown PlaceKind = iota // no code, or a code tipkit cannot resolve
	PlaceCountry                  // work in the country the code names
	PlaceGlobal                   // global or headquarters work: USA with no state, AUT (UNODC, Vienna)
)

var placeKindNames = []string{"unknown", "country", "global"}

// String returns "country", "global" or "unknown".
func (p PlaceKind) String() string { return enumName(placeKindNames, int(p)) }

// ParsePlaceKind reads what String writes.
func ParsePlaceKind(s string) (PlaceKind, error) {
	k, err := parseEnum(placeKindNames, s, "place kind")
	return PlaceKind(k), err
}

// MarshalText writes String's form; the zero kind writes "".
func (p PlaceKind) MarshalText() ([]byte, error) { return enumText(placeKindNames, int(p)), nil }

// UnmarshalText reads what ParsePlaceKind reads; "" gives the zero kind.
func (p *PlaceKind) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*p = PlaceUnknown
		return nil
	}
	v, err := ParsePlaceKind(string(b))
	*p = v
	return err
}

// An Award is one federal award (a grant or cooperative agreement) as
// USAspending records it. From the award search API:
//
//	{"Award ID": "SSJTIP23GR0017", "Award Amount": 1095000.0, "Award Type": "PROJECT GRANT (B)",
//	 "Base Obligation Date": "2023-08-03", "CFDA Number": "19.019",
//	 "Place of Performance Country Code": "LSO", "Place of Performance State Code": null, …}
//
// becomes ID "SSJTIP23GR0017", Kind ProjectGrant, Amount 1095000 (read
// from the number's text, never through float64), BaseDate 2023-08-03 in
// FY2023, Place PlaceCountry and Country Lesotho. The downloads' columns
// fill the same fields (see ReadAwardCSV and ReadTransactionCSV).
type Award struct {
	ID  string // the FAIN ("Award ID", award_id_fain): "SSJTIP23GR0017"
	Key string // USAspending's award key ("generated_internal_id", assistance_award_unique_key): "ASST_NON_SSJTIP23GR0017_1900"; "" where the input has none

	Kind     AwardKind // "PROJECT GRANT (B)" → ProjectGrant
	KindText string    // the type as written: "PROJECT GRANT (B)"; "" for null

	// Amount is what the government obligated for the award over its
	// life, as of the record: "Award Amount" 1095000.0 → 1095000,
	// total_obligated_amount, or the sum of the transactions'
	// federal_action_obligation. Zero or negative where funds were
	// withdrawn (the reader reports it).
	Amount     decimal.Decimal
	BaseDate   tip.Date       // the base (first) obligation: "2023-08-03"
	FiscalYear tip.FiscalYear // BaseDate's federal fiscal year: FY2023
	Listing    string         // the assistance listing it is filed under: "19.019"

	Place       PlaceKind   // what the code means: work in Country, global or headquarters work, or unknown
	Country     tip.Country // the country the code names (Austria for AUT even though the work is not there); zero for no code or one tipkit cannot resolve
	CountryCode string      // the GENC code as written: "LSO", "XKS", "TCA"; "" for null
	State       string      // "Place of Performance State Code" ("DC"); the downloads give the state's name ("DISTRICT OF COLUMBIA"); "" for none

	RecipientID   string // "recipient_id" ("472c2dc8-…-C", USAspending's recipient hash); downloads: recipient_uei, else recipient_duns
	RecipientName string // the downloads' recipient_name; "" from the search API, which gives none

	Description string        // as written, upper case as USAspending keeps it
	Named       []tip.Country // the countries the description names, in order of first mention: "… IN BANGLADESH, INDIA, AND NEPAL" → Bangladesh, India, Nepal

	Findings []tip.Finding // what the reader found about this award (also in the AwardSet's Findings)
	Pos      tip.Position  // the record's start: the JSON object's "{", or the CSV row's first field
}

// InCountry returns the country the award's work is in, and whether it is
// known: false for global or headquarters work and for an unknown place.
func (a *Award) InCountry() (tip.Country, bool) {
	if a.Place != PlaceCountry {
		return 0, false
	}
	return a.Country, true
}

type jsonAward struct {
	ID            string        `json:"id"`
	Key           string        `json:"key,omitempty"`
	Kind          AwardKind     `json:"kind"`
	Amount        string        `json:"amount"`
	BaseDate      tip.Date      `json:"base_date"`
	FiscalYear    int           `json:"fiscal_year"`
	Listing       string        `json:"listing"`
	Place         PlaceKind     `json:"place"`
	Country       *jsonCountry  `json:"country"`
	CountryCode   string        `json:"country_code"`
	State         string        `json:"state,omitempty"`
	RecipientID   string        `json:"recipient_id,omitempty"`
	RecipientName string        `json:"recipient_name,omitempty"`
	Description   string        `json:"description"`
	Named         []jsonCountry `json:"named_countries,omitempty"`
	Line          int           `json:"line"`
	Col           int           `json:"col"`
}

// MarshalJSON writes the award with the conventions of Project: snake_case
// names, the amount as a string with two decimals ("1095000.00", never a
// float), the date in ISO form, the fiscal year as a number, countries as
// ISO3 codes with names. Findings are left to the AwardSet.
func (a Award) MarshalJSON() ([]byte, error) {
	j := jsonAward{ID: a.ID, Key: a.Key, Kind: a.Kind, Amount: tip.FormatAmount(a.Amount), BaseDate: a.BaseDate, FiscalYear: int(a.FiscalYear),
		Listing: a.Listing, Place: a.Place, CountryCode: a.CountryCode, State: a.State, RecipientID: a.RecipientID, RecipientName: a.RecipientName,
		Description: a.Description, Line: a.Pos.Line, Col: a.Pos.Col}
	if a.Country != 0 {
		j.Country = &jsonCountry{a.Country.ISO3(), a.Country.Name()}
	}
	for _, c := range a.Named {
		j.Named = append(j.Named, jsonCountry{c.ISO3(), c.Name()})
	}
	return json.Marshal(j)
}

// An AwardFormat is one of the USAspending formats the award readers read.
// The zero AwardFormat is unknown.
type AwardFormat uint8

// The formats.
const (
	AwardFormatUnknown     AwardFormat = iota
	AwardSearchJSON                    // the award search API's results: a JSON array of objects ("Award ID", "Award Amount", …)
	AwardDownloadCSV                   // the prime-award download for assistance awards: one row per award
	TransactionDownloadCSV             // the assistance transaction download: one row per action
)

var awardFormatNames = []string{"unknown", "award search JSON", "award download CSV", "transaction download CSV"}

// String returns "award search JSON", "award download CSV", "transaction
// download CSV" or "unknown".
func (f AwardFormat) String() string { return enumName(awardFormatNames, int(f)) }

// ParseAwardFormat reads what String writes.
func ParseAwardFormat(s string) (AwardFormat, error) {
	k, err := parseEnum(awardFormatNames, s, "award format")
	return AwardFormat(k), err
}

// MarshalText writes String's form; the zero format writes "".
func (f AwardFormat) MarshalText() ([]byte, error) { return enumText(awardFormatNames, int(f)), nil }

// UnmarshalText reads what ParseAwardFormat reads; "" gives the zero format.
func (f *AwardFormat) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*f = AwardFormatUnknown
		return nil
	}
	v, err := ParseAwardFormat(string(b))
	*f = v
	return err
}

// An AwardSet is the awards read from one input: those under
// AssistanceListing, in input order, with what the reader found.
type AwardSet struct {
	Source string      // the name positions and findings carry: "awards-19.019.json"
	Format AwardFormat // what the input was
	Awards []Award     // the awards under 19.019, in input order (transactions: by first row)

	// OtherListings counts the records read that belong to other
	// assistance listings (rows of a transaction download, awards of an
	// award download or search), which are not kept.
	OtherListings int

	// Coverage says, per fiscal year, how much of the year's awards the
	// set holds. DefaultAwards states it (see DefaultAwardCoverage); a set
	// read from a caller's file has none, since a reader cannot know what a
	// download left out. A year with no statement is CoverageUnknown.
	Coverage []YearCoverage

	// Findings are what the reader found, sorted by position: every
	// award's findings and those about the input as a whole.
	Findings []tip.Finding
}

// enumName returns names[i], or names[0] (the unknown value's name) for
// an index outside the table.
func enumName(names []string, i int) string {
	if i <= 0 || i >= len(names) {
		return names[0]
	}
	return names[i]
}

// enumText is MarshalText's form: the name, or nothing for the zero value
// (which an absent JSON field decodes back to).
func enumText(names []string, i int) []byte {
	if i <= 0 || i >= len(names) {
		return nil
	}
	return []byte(names[i])
}

// parseEnum finds s among names[1:] in any case; an unknown name is an
// error wrapping tip.ErrSyntax that lists the names.
func parseEnum(names []string, s, what string) (int, error) {
	t := strings.TrimSpace(s)
	for i, n := range names[1:] {
		if strings.EqualFold(t, n) {
			return i + 1, nil
		}
	}
	return 0, fmt.Errorf("%w: %s %q: want one of %q", tip.ErrSyntax, what, s, names[1:])
}
