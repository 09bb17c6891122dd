package grants

import (
	"errors"
	"strconv"
	"strings"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/text"
)

// A ProgramType is one of the kinds of programming the TIP Office funds, as
// its program pages list them. The zero ProgramType is unknown.
type ProgramType uint8

// The program types. Both pages' wordings parse to the same value: seed 001
// (markdown) writes "Research and Innovation", seed 002 (the 2018 PDF)
// "Global, Research, and Innovation".
const (
	ProgramUnknown              ProgramType = iota
	BilateralRegional                       // "Bilateral and Regional"
	ChildProtectionCompact                  // "Child Protection Compact Partnerships", "CPC"
	TrainingTechnicalAssistance             // "Training and Technical Assistance"
	EmergencyVictimAssistance               // "Emergency Victim Assistance"
	ResearchInnovation                      // "Research and Innovation"; 2018: "Global, Research, and Innovation"
	EndModernSlavery                        // "Program to End Modern Slavery", "PEMS"
)

var programNames = [...]string{
	"unknown",
	"Bilateral and Regional",
	"Child Protection Compact Partnerships",
	"Training and Technical Assistance",
	"Emergency Victim Assistance",
	"Research and Innovation",
	"Program to End Modern Slavery",
}

var programCodes = [...]string{"", "bilateral-regional", "cpc", "tta", "eva", "research", "pems"}

// programWordings are the pages' wordings of the program types,
// normalized. (A slice, not a map, so that importing the package builds
// nothing.)
var programWordings = []struct {
	wording string
	program ProgramType
}{
	{"bilateral and regional", BilateralRegional},
	{"bilateral and regional projects", BilateralRegional},
	{"child protection compact partnerships", ChildProtectionCompact},
	{"child protection compact (cpc) partnerships", ChildProtectionCompact},
	{"child protection compact partnership", ChildProtectionCompact},
	{"cpc", ChildProtectionCompact},
	{"cpc partnerships", ChildProtectionCompact},
	{"training and technical assistance", TrainingTechnicalAssistance},
	{"emergency victim assistance", EmergencyVictimAssistance},
	{"research and innovation", ResearchInnovation},
	{"global, research, and innovation", ResearchInnovation},
	{"global, research and innovation", ResearchInnovation},
	{"program to end modern slavery", EndModernSlavery},
	{"program to end modern slavery (pems)", EndModernSlavery},
	{"pems", EndModernSlavery},
}

// ParseProgramType reads a program type as the pages word it ("Bilateral
// and Regional", "Global, Research, and Innovation", "PROGRAM TO END MODERN
// SLAVERY (PEMS)"), or its code (String's form). Case and spacing do not
// matter. Anything else is an error wrapping [ErrProgramType].
func ParseProgramType(s string) (ProgramType, error) {
	key := strings.ToLower(strings.Join(strings.Fields(text.Clean(s)), " "))
	key = strings.TrimRight(key, ":. ")
	key = strings.ReplaceAll(key, "&", "and")
	for _, w := range programWordings {
		if w.wording == key {
			return w.program, nil
		}
	}
	for p, code := range programCodes {
		if p > 0 && key == code {
			return ProgramType(p), nil
		}
	}
	return ProgramUnknown, &programError{s}
}

// ErrProgramType is wrapped by the error ParseProgramType returns for a
// wording it does not know.
var ErrProgramType = errors.New("unknown program type")

type programError struct{ s string }

func (e *programError) Error() string { return "unknown program type " + strconv.Quote(e.s) }
func (e *programError) Unwrap() error { return ErrProgramType }

// String returns a short stable code: "bilateral-regional", "cpc", "tta",
// "eva", "research", "pems"; "unknown" for the zero value.
func (p ProgramType) String() string {
	if p == ProgramUnknown || int(p) >= len(programCodes) {
		return "unknown"
	}
	return programCodes[p]
}

// Name returns the program's name as the current page words it.
func (p ProgramType) Name() string {
	if int(p) >= len(programNames) {
		return programNames[0]
	}
	return programNames[p]
}

// MarshalText writes String's code; the zero value writes "".
func (p ProgramType) MarshalText() ([]byte, error) {
	if p == ProgramUnknown || int(p) >= len(programCodes) {
		return nil, nil
	}
	return []byte(programCodes[p]), nil
}

// UnmarshalText reads what ParseProgramType reads; "" gives the zero value.
func (p *ProgramType) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*p = ProgramUnknown
		return nil
	}
	v, err := ParseProgramType(string(b))
	*p = v
	return err
}

// A Program is one entry of a page's list of programming types.
//
//	**Bilateral and Regional:** Multi-year bilateral and regional projects …   (seed 001)
//	 »  Global, Research, and Innovation: Multi-year projects that …           (seed 002)
type Program struct {
	Type        ProgramType  // ResearchInnovation
	Label       string       // "Global, Research, and Innovation", as written
	Description string       // the text after the label
	Pos         tip.Position // the entry's first line
}
