package cspa

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// An Authority is a kind of assistance or licensing the CSPA bars for a
// listed government (22 U.S.C. 2370c-1(a)), or that its waivers name. The
// zero Authority is unknown.
type Authority uint8

// The authorities.
const (
	AuthorityUnknown Authority = iota
	IMET                       // International Military Education and Training (22 U.S.C. 2347)
	FMF                        // Foreign Military Financing (22 U.S.C. 2763)
	EDA                        // Excess Defense Articles (22 U.S.C. 2321j)
	PKO                        // Peacekeeping Operations (22 U.S.C. 2348), with the exceptions of 2370c-1(c)
	DCS                        // licenses for direct commercial sales of military equipment
	Section333                 // support under 10 U.S.C. 333, which the waivers also name; not in 404(a)
)

// Barred returns the authorities section 404(a) bars, in the statute's
// order, as a new slice each call.
func Barred() []Authority { return []Authority{EDA, IMET, PKO, FMF, DCS} }

// ErrAuthority is wrapped by the error ParseAuthority returns for a wording
// it does not know.
var ErrAuthority = errors.New("unknown authority")

var authorityNames = [...]string{"", "IMET", "FMF", "EDA", "PKO", "DCS", "10 U.S.C. 333"}

var authorityLong = [...]string{"", "International Military Education and Training", "Foreign Military Financing",
	"Excess Defense Articles", "Peacekeeping Operations", "Direct Commercial Sales", "Support under 10 U.S.C. 333"}

// String returns the acronym ("IMET") or "10 U.S.C. 333"; "" for the zero value.
func (a Authority) String() string {
	if int(a) < len(authorityNames) {
		return authorityNames[a]
	}
	return fmt.Sprintf("Authority(%d)", uint8(a))
}

// Name returns the long name: "International Military Education and Training".
func (a Authority) Name() string {
	if int(a) < len(authorityLong) {
		return authorityLong[a]
	}
	return a.String()
}

// authorityRE finds authority mentions in running text; the 405(c) report
// writes "International Military Education Training" without "and", and
// the determinations "10 U.S.C. 331/333".
var authorityRE = []struct {
	a  Authority
	re *regexp.Regexp
}{
	{IMET, regexp.MustCompile(`(?i)\binternational military education (?:and )?training\b|\bIMET\b`)},
	{FMF, regexp.MustCompile(`(?i)\bforeign military financing\b|\bFMF\b`)},
	{EDA, regexp.MustCompile(`(?i)\bexcess defense articles\b|\bEDA\b`)},
	{PKO, regexp.MustCompile(`(?i)\bpeacekeeping operations\b|\bPKO\b`)},
	{DCS, regexp.MustCompile(`(?i)\b(?:licenses for )?direct commercial sales?(?: of military equipment)?\b|\bDCS\b`)},
	{Section333, regexp.MustCompile(`(?i)\b(?:(?:support|assistance) under )?10 U\.?S\.?C\.? (?:§ ?)?(?:331/)?333\b|\bsection 333\b`)},
}

// findAuthorities returns the authorities text mentions, in Authority order.
func findAuthorities(s string) []Authority {
	var out []Authority
	for _, r := range authorityRE {
		if r.re.MatchString(s) {
			out = append(out, r.a)
		}
	}
	return out
}

// ParseAuthority reads an authority by its acronym ("PKO"), its long name
// ("Peacekeeping Operations", "International Military Education Training",
// "licenses for direct commercial sales of military equipment"), both
// ("Peacekeeping Operations (PKO)"), or its statute ("10 U.S.C. 333",
// "section 333", "support under 10 U.S.C. 333"). Case does not matter. It
// reads what String and Name write.
func ParseAuthority(s string) (Authority, error) {
	t := strings.TrimSpace(s)
	if a, ok := parseAuthority(t); ok {
		return a, nil
	}
	// "Peacekeeping Operations (PKO)": a name with its acronym, which must
	// agree.
	if i := strings.LastIndexByte(t, '('); i > 0 && strings.HasSuffix(t, ")") {
		outer, ok1 := parseAuthority(strings.TrimSpace(t[:i]))
		inner, ok2 := parseAuthority(strings.TrimSpace(t[i+1 : len(t)-1]))
		if ok1 && ok2 && outer == inner {
			return outer, nil
		}
	}
	return AuthorityUnknown, fmt.Errorf("cspa: %q: %w", s, ErrAuthority)
}

func parseAuthority(t string) (Authority, bool) {
	for _, r := range authorityRE {
		if loc := r.re.FindStringIndex(t); loc != nil && loc[0] == 0 && loc[1] == len(t) {
			return r.a, true
		}
	}
	return Section333, t == "333"
}

// MarshalText writes String's form.
func (a Authority) MarshalText() ([]byte, error) {
	if a > Section333 {
		return nil, fmt.Errorf("cspa: invalid Authority %d", uint8(a))
	}
	return []byte(a.String()), nil
}

// UnmarshalText reads what ParseAuthority reads; "" gives the zero value.
func (a *Authority) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*a = AuthorityUnknown
		return nil
	}
	v, err := ParseAuthority(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}
