package text_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing/iotest"

	"github.com/tipkit/tipkit/tip/text"
)

// A LineReader takes whatever a copy from a web page brings: a BOM, CRLF,
// LF and lone CR mixed; Invalid finds the column of a bad byte.
func ExampleLineReader() {
	lr := text.NewLineReader(strings.NewReader("\ufeffTier 1\r\n  • Chile\r  • Ch\xffile\n"))
	for lr.Next() {
		fmt.Printf("%d %q bad at %d\n", lr.Line(), lr.Text(), text.Invalid(lr.Bytes()))
	}
	fmt.Println(lr.Err())
	// Output:
	// 1 "Tier 1" bad at 0
	// 2 "  • Chile" bad at 0
	// 3 "  • Ch\xffile" bad at 9
	// <nil>
}

// A read error stops the reader. The line it cut short is not returned (a
// "Niger" that was going to be "Nigeria"), and the error still answers
// errors.Is for what the reader returned.
func ExampleLineReader_Err() {
	r := io.MultiReader(strings.NewReader("Tier 2\n• Niger"), iotest.ErrReader(iotest.ErrTimeout))
	lr := text.NewLineReader(r)
	for lr.Next() {
		fmt.Printf("%d %q\n", lr.Line(), lr.Text())
	}
	err := lr.Err()
	fmt.Printf("line %d: %v\n", lr.Line()+1, err)
	fmt.Println(errors.Is(err, text.ErrRead), errors.Is(err, iotest.ErrTimeout))
	// Output:
	// 1 "Tier 2"
	// line 2: read error: timeout
	// true true
}

func ExampleClean() {
	fmt.Printf("%q\n", text.Clean("Antigua\u00a0and\u202fBarbuda\u200b\t"))
	fmt.Printf("%q\n", strings.TrimSpace(text.Clean("\u00a0Côte d’Ivoire –\u2003")))
	// Output:
	// "Antigua and Barbuda "
	// "Côte d’Ivoire –"
}

func ExampleCutBullet() {
	for _, line := range []string{"  • Chile", "\u00a0-\u00a0Turkey\u00a0 ", "(3) Mali", "Tier 1"} {
		item, col, ok := text.CutBullet(line)
		fmt.Printf("%q %d %v\n", item, col, ok)
	}
	// Output:
	// "Chile" 7 true
	// "Turkey" 6 true
	// "Mali" 5 true
	// "" 0 false
}

// IsNameLine tells a list of bare names from the prose around it; the
// caller still looks each name up.
func ExampleIsNameLine() {
	for _, s := range []string{"Canada", "Countries whose governments fully meet the minimum standards.", "The 2023 CSPA List Includes Governments of the following countries:"} {
		fmt.Println(text.IsNameLine(s))
	}
	// Output:
	// true
	// false
	// false
}

// ReadRows reads the "|" tables tipkit's embedded data is kept in; a
// malformed row is a *RowError with its line, for the caller to position.
func ExampleReadRows() {
	const table = `# Year|Country|Grade|Source
2018|Hong Kong|A|State Dept memorandum of justification (2018)
2019|Iraq|A
`
	err := text.ReadRows([]byte(table), []string{"Year", "Country", "Grade", "Source"}, func(r text.Row) error {
		fmt.Println(r.Line, r.Fields[1])
		return nil
	})
	var re *text.RowError
	if errors.As(err, &re) {
		fmt.Printf("waivers.txt:%d: %v\n", re.Line, re)
	}
	// Output:
	// 2 Hong Kong
	// waivers.txt:3: want Year|Country|Grade|Source, got 3 fields
}

func ExampleInvalid() {
	fmt.Println(text.Invalid([]byte("Countries: Kenya")), text.Invalid([]byte("Countries: K\x00enya")), text.Invalid([]byte("Amount: \xff")))
	// Output:
	// 0 13 9
}

func ExampleIsDash() {
	for _, r := range "-–—‐−_" {
		fmt.Printf("%U %v\n", r, text.IsDash(r))
	}
	// Output:
	// U+002D true
	// U+2013 true
	// U+2014 true
	// U+2010 true
	// U+2212 true
	// U+005F false
}
