package tip

import (
	"strings"

	"github.com/tipkit/tipkit/tip/text"
)

// A Bureau is one of the State Department's six regional bureaus, under
// which the TIP Report files its country narratives and the TIP Office files
// its projects. The zero Bureau is unknown: the United States, for one, is
// filed under none.
type Bureau uint8

// The regional bureaus, in the order the documents list them.
const (
	BureauUnknown Bureau = iota
	AF                   // Bureau of African Affairs: "Africa", "Africa (Sub-Saharan)"
	EAP                  // East Asian and Pacific Affairs: "East Asia and the Pacific Islands"
	EUR                  // European and Eurasian Affairs: "Europe and Eurasia"
	NEA                  // Near Eastern Affairs: "Near East (Middle East and North Africa)"
	SCA                  // South and Central Asian Affairs: "South and Central Asia"
	WHA                  // Western Hemisphere Affairs: "Western Hemisphere"
)

var bureauCodes = [...]string{"", "AF", "EAP", "EUR", "NEA", "SCA", "WHA"}

var bureauNames = [...]string{
	"Unknown",
	"Africa",
	"East Asia and the Pacific",
	"Europe and Eurasia",
	"Near East",
	"South and Central Asia",
	"Western Hemisphere",
}

// bureauHeadings are the headings the documents use for the bureaus, in
// the normalized form ParseBureau compares: lower case, single spaces,
// "and" for "&".
var bureauHeadings = []struct {
	heading string
	bureau  Bureau
}{
	{"africa", AF},
	{"africa (sub-saharan)", AF},
	{"sub-saharan africa", AF},
	{"african affairs", AF},
	{"east asia and the pacific islands", EAP},
	{"east asia and pacific", EAP},
	{"east asia and the pacific", EAP},
	{"east asian and pacific affairs", EAP},
	{"europe and eurasia", EUR},
	{"europe", EUR},
	{"european and eurasian affairs", EUR},
	{"near east", NEA},
	{"near east (middle east and north africa)", NEA},
	{"middle east and north africa", NEA},
	{"near eastern affairs", NEA},
	{"south and central asia", SCA},
	{"south and central asian affairs", SCA},
	{"western hemisphere", WHA},
	{"western hemisphere affairs", WHA},
}

// Bureaus returns the six bureaus in order.
func Bureaus() []Bureau { return []Bureau{AF, EAP, EUR, NEA, SCA, WHA} }

// ParseBureau reads a bureau code ("AF", "eap") or a heading as the
// documents write it ("Africa (Sub-Saharan)", "East Asia and the Pacific
// Islands", "Near East (Middle East and North Africa)", "Western
// Hemisphere"); case, spacing and "&" for "and" do not matter. Anything else
// is an error wrapping [ErrUnknownBureau].
func ParseBureau(s string) (Bureau, error) {
	t := strings.ToLower(strings.Join(strings.Fields(text.Clean(s)), " "))
	t = strings.ReplaceAll(t, "&", "and")
	for b := AF; b <= WHA; b++ {
		if strings.EqualFold(t, bureauCodes[b]) {
			return b, nil
		}
	}
	for _, h := range bureauHeadings {
		if t == h.heading {
			return h.bureau, nil
		}
	}
	return BureauUnknown, &detailError{quote: s, err: ErrUnknownBureau}
}

// String returns the code: "AF", "EAP", …; "unknown" for the zero Bureau.
func (b Bureau) String() string {
	if b == BureauUnknown || int(b) >= len(bureauCodes) {
		return "unknown"
	}
	return bureauCodes[b]
}

// Name returns the bureau's region as the TIP Report headings name it:
// "Africa", "East Asia and the Pacific", …
func (b Bureau) Name() string {
	if int(b) >= len(bureauNames) {
		return bureauNames[0]
	}
	return bureauNames[b]
}

// IsValid reports whether b is one of the six bureaus.
func (b Bureau) IsValid() bool { return b >= AF && b <= WHA }

// MarshalText writes the code; the zero Bureau writes "".
func (b Bureau) MarshalText() ([]byte, error) {
	if !b.IsValid() {
		return nil, nil
	}
	return []byte(bureauCodes[b]), nil
}

// UnmarshalText reads what ParseBureau reads; "" gives the zero Bureau.
func (b *Bureau) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*b = BureauUnknown
		return nil
	}
	v, err := ParseBureau(string(text))
	*b = v
	return err
}
