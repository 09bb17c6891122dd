package tip

import (
	"strconv"
	"strings"
)

// A CountryKind says what sort of entity a [Country] is: a state, a
// dependency, another area, or a state that no longer exists. The zero
// CountryKind is unknown.
type CountryKind uint8

// The kinds of data/world.csv's kind column.
const (
	KindUnknown    CountryKind = iota
	KindState                  // a state the United States recognizes: "Burma", "Holy See", "Kosovo", "Niue"
	KindDependency             // a dependency or area of special sovereignty: "Aruba", "Hong Kong", "Guam"
	KindOther                  // an area with no sovereign the United States recognizes: "Taiwan", "Antarctica", "West Bank"
	KindHistorical             // an entity that no longer exists: "Serbia and Montenegro", "Soviet Union"
)

var kindNames = [...]string{"unknown", "state", "dependency", "other", "historical"}

// ParseCountryKind reads "state", "dependency", "other" or "historical"
// (any case). Anything else is an error wrapping [ErrSyntax].
func ParseCountryKind(s string) (CountryKind, error) {
	for k := KindState; k <= KindHistorical; k++ {
		if strings.EqualFold(strings.TrimSpace(s), kindNames[k]) {
			return k, nil
		}
	}
	return KindUnknown, &detailError{msg: strconv.Quote(s) + ` (want "state", "dependency", "other" or "historical")`, err: ErrSyntax}
}

// String returns "state", "dependency", "other", "historical", or
// "unknown" for the zero CountryKind and any value outside the list.
func (k CountryKind) String() string {
	if int(k) >= len(kindNames) {
		return kindNames[0]
	}
	return kindNames[k]
}

// IsValid reports whether k is one of the four kinds.
func (k CountryKind) IsValid() bool { return k >= KindState && k <= KindHistorical }

// MarshalText writes String's form; the zero CountryKind writes "".
func (k CountryKind) MarshalText() ([]byte, error) {
	if !k.IsValid() {
		return nil, nil
	}
	return []byte(k.String()), nil
}

// UnmarshalText reads what ParseCountryKind reads; "" gives the zero
// CountryKind.
func (k *CountryKind) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*k = KindUnknown
		return nil
	}
	v, err := ParseCountryKind(string(text))
	*k = v
	return err
}
