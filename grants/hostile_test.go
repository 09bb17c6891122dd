package grants

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/tipkit/tipkit/tip"
)

// The listing records the rows below use.
const (
	kenya  = "Country: Kenya\nImplementer: IOM\nAmount: $5\nEnd Date: 9/30/2023\n"
	uganda = "Country: Uganda\nImplementer: World Vision\nAmount: $6\nEnd Date: 9/30/2024\n"
)

// A failingReader returns its data, then err.
type failingReader struct {
	data string
	err  error
}

func (r *failingReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// Issue 20, the items that concern grants: each row names its item. A
// row gives the input (or reader), and what Parse (strict) and ParseLax
// must return: the projects kept, by implementer, and the sentinels their
// errors wrap, every error of the list accounted for.
func TestHostileInputs(t *testing.T) {
	tests := []struct {
		name      string
		in        func() io.Reader
		strict    []string // implementers of the projects kept
		strictErr []error  // what each error wraps, in order
		lax       []string
		laxErr    []error
		laxRules  []string // findings
	}{
		{
			name:      "item 4: errors stop at tip.MaxErrors, then one ErrTooManyErrors",
			in:        func() io.Reader { return strings.NewReader(strings.Repeat("\xff\n", 10*tip.MaxErrors)) },
			strictErr: append(repeat(tip.ErrEncoding, tip.MaxErrors), tip.ErrTooManyErrors),
			laxErr:    append(repeat(tip.ErrEncoding, tip.MaxErrors), tip.ErrTooManyErrors),
		},
		{
			name: "item 4: bad records each cost an error, until MaxErrors stops the parse",
			in: func() io.Reader {
				return strings.NewReader(strings.Repeat("Country: Kenya\nImplementer: IOM\nAmount: $1,0\n\n", 2*tip.MaxErrors))
			},
			strictErr: append(repeat(tip.ErrAmount, tip.MaxErrors), tip.ErrTooManyErrors),
			laxErr:    append(repeat(tip.ErrAmount, tip.MaxErrors), tip.ErrTooManyErrors),
		},
		{
			name:      "item 6: a read error after a complete record keeps the record",
			in:        func() io.Reader { return iotest.TimeoutReader(strings.NewReader("Africa\n\n" + kenya)) },
			strict:    []string{"IOM"},
			strictErr: []error{iotest.ErrTimeout},
			lax:       []string{"IOM"},
			laxErr:    []error{iotest.ErrTimeout},
		},
		{
			name: "item 6: the line a read error cuts is not data, and nothing is reported missing",
			in: func() io.Reader {
				return &failingReader{"Africa\n\n" + uganda + "\nCountry: Somalia\nImplementer: UNODC\nAmount: $40,552", iotest.ErrTimeout}
			},
			strict:    []string{"World Vision"},
			strictErr: []error{iotest.ErrTimeout},
			lax:       []string{"World Vision"},
			laxErr:    []error{iotest.ErrTimeout},
		},
		{
			name:      "item 6: a reader that fails at once gives its error and nothing else",
			in:        func() io.Reader { return iotest.ErrReader(io.ErrUnexpectedEOF) },
			strictErr: []error{io.ErrUnexpectedEOF},
			laxErr:    []error{io.ErrUnexpectedEOF},
		},
		{
			name: "item 9: lone CR line ends",
			in: func() io.Reader {
				return strings.NewReader(strings.ReplaceAll("Africa\n\n"+kenya+"\n"+uganda, "\n", "\r"))
			},
			strict: []string{"IOM", "World Vision"},
			lax:    []string{"IOM", "World Vision"},
		},
		{
			name:      "item 9: text with no record is an error, not an empty listing",
			in:        func() io.Reader { return strings.NewReader("Africa Kenya Implementer IOM Amount 5 dollars\n") },
			strictErr: []error{tip.ErrSyntax},
			laxErr:    []error{tip.ErrSyntax},
		},
		{
			name: "item 9: blank input is an empty listing",
			in:   func() io.Reader { return strings.NewReader("\r\n \n\t\r") },
		},
		{
			name:      "item 10: an End Date out of range",
			in:        func() io.Reader { return strings.NewReader(strings.Replace(kenya, "2023", "0001", 1)) },
			strictErr: []error{tip.ErrDate},
			laxErr:    []error{tip.ErrDate},
		},
		{
			name:      "item 10: an amount finer than a cent, which Format could not write",
			in:        func() io.Reader { return strings.NewReader(strings.Replace(kenya, "$5", "$1.000000001 million", 1)) },
			strictErr: []error{tip.ErrAmount},
			laxErr:    []error{tip.ErrAmount},
		},
		{
			name:      "item 11: a label that repeats starts a new record; the first is kept",
			in:        func() io.Reader { return strings.NewReader("Africa\n\n" + kenya + uganda) },
			strict:    []string{"IOM"},
			strictErr: []error{tip.ErrDuplicate},
			lax:       []string{"IOM", "World Vision"},
			laxRules:  []string{"grants/repeated-label"},
		},
		{
			name:      "item 12: a nil reader is an error, not a panic",
			in:        func() io.Reader { return nil },
			strictErr: []error{tip.ErrNilReader},
			laxErr:    []error{tip.ErrNilReader},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check := func(mode string, l *Listing, err error, want []string, wantErr []error) {
				t.Helper()
				var got []string
				for _, p := range l.Projects {
					got = append(got, p.Implementer.Key())
				}
				if d := cmp.Diff(want, got); d != "" {
					t.Errorf("%s kept (-want +got):\n%s", mode, d)
				}
				var list tip.ErrorList
				if err != nil && !errors.As(err, &list) {
					t.Fatalf("%s error %v is not a tip.ErrorList", mode, err)
				}
				if len(list) != len(wantErr) {
					t.Fatalf("%s: %d errors, want %d: %v", mode, len(list), len(wantErr), err)
				}
				for i, e := range list {
					if !errors.Is(e, wantErr[i]) {
						t.Errorf("%s error %d = %v, want one wrapping %v", mode, i, e, wantErr[i])
					}
					if (errors.Is(e, iotest.ErrTimeout) || errors.Is(e, io.ErrUnexpectedEOF)) && !errors.Is(e, tip.ErrRead) {
						t.Errorf("%s error %d = %v: a reader's error wraps tip.ErrRead as well as its own", mode, i, e)
					}
				}
			}
			l, err := Parse(tt.in())
			check("Parse", l, err, tt.strict, tt.strictErr)
			l, err = ParseLax(tt.in())
			check("ParseLax", l, err, tt.lax, tt.laxErr)
			var rules []string
			for _, f := range l.Findings {
				if f.Rule != "grants/no-country" {
					rules = append(rules, f.Rule)
				}
			}
			if d := cmp.Diff(tt.laxRules, rules); d != "" {
				t.Errorf("ParseLax findings (-want +got):\n%s", d)
			}
			// Scan yields what ParseLax returns, in order; it stops only
			// for a record with MaxErrors errors, so it yields every bad
			// record of a listing that ParseLax stopped reading.
			var scanned []string
			var scanErrs int
			for p, err := range Scan(tt.in()) {
				if err != nil {
					scanErrs += len(err.(tip.ErrorList))
					continue
				}
				scanned = append(scanned, p.Implementer.Key())
			}
			stopped := len(tt.laxErr) > 0 && tt.laxErr[len(tt.laxErr)-1] == tip.ErrTooManyErrors
			if d := cmp.Diff(tt.lax, scanned); d != "" || (scanErrs != len(tt.laxErr) && !stopped) {
				t.Errorf("Scan: %d errors, want %d; projects (-want +got):\n%s", scanErrs, len(tt.laxErr), d)
			}
		})
	}
}

func repeat(err error, n int) []error {
	errs := make([]error, n)
	for i := range errs {
		errs[i] = err
	}
	return errs
}

// Issue 20 item 7: what Default and DefaultPages return is the caller's
// own. Every field of one result is overwritten, through every slice and
// pointer; the next result still equals a fresh parse of the embedded
// bytes.
func TestDefaultsCannotBeCorrupted(t *testing.T) {
	fresh, err := ParseWith(bytes.NewReader(listing2021), tip.ParseOptions{Source: ListingSource, Lax: true})
	if err != nil {
		t.Fatal(err)
	}
	l := Default()
	scribble(reflect.ValueOf(l))
	if l.Projects[0].Countries[0] == fresh.Projects[0].Countries[0] {
		t.Fatal("scribble changed nothing")
	}
	if d := cmp.Diff(fresh, Default()); d != "" {
		t.Errorf("Default after a caller wrote into its copy (-fresh +got):\n%s", d)
	}

	pages := DefaultPages()
	want := make([]*ProgramPage, len(pages))
	for i, e := range pages {
		b, _ := pageFS.ReadFile(e.File)
		if want[i], err = ParseProgramPageWith(bytes.NewReader(b), tip.ParseOptions{Source: e.Name, Lax: true}); err != nil {
			t.Fatal(err)
		}
	}
	scribble(reflect.ValueOf(pages))
	for i, e := range DefaultPages() {
		if d := cmp.Diff(want[i], e.Page); d != "" {
			t.Errorf("DefaultPages()[%d] after a caller wrote into its copy (-fresh +got):\n%s", i, d)
		}
	}
}

// scribble overwrites every exported field reachable from v.
func scribble(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			scribble(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				scribble(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			scribble(v.Index(i))
		}
	case reflect.String:
		v.SetString("scribbled")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(-7)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(77)
	case reflect.Bool:
		v.SetBool(!v.Bool())
	}
}

// Issue 20 item 5: a lax parse reports a name that is no country without
// working out spelling suggestions (a finding's message has none); only an
// error that is shown asks for them (UnknownCountryError.Suggestions is
// called by its Error method alone).
func TestNoSuggestionsUnlessShown(t *testing.T) {
	in := "Africa\n\nCountry: Tanzanya\nImplementer: IOM\nAmount: $5\nEnd Date: 9/30/2023\n"
	l, _ := ParseLax(strings.NewReader(in))
	if len(l.Findings) == 0 || strings.Contains(l.Findings[0].Message, "did you mean") {
		t.Errorf("findings %v: want one, with no suggestions", l.Findings)
	}
	_, err := Parse(strings.NewReader(in))
	var u *tip.UnknownCountryError
	if !errors.As(err, &u) || !strings.Contains(err.Error(), "did you mean") {
		t.Errorf("Parse error %v: want an UnknownCountryError that suggests", err)
	}
}

// The program pages take the nil reader and the too many errors alike.
func TestHostilePages(t *testing.T) {
	if _, err := ParseProgramPage(nil); !errors.Is(err, tip.ErrNilReader) {
		t.Errorf("ParseProgramPage(nil) error %v, want ErrNilReader", err)
	}
	_, err := ParseProgramPage(strings.NewReader(strings.Repeat("\xff\n", 1000)))
	var list tip.ErrorList
	if !errors.As(err, &list) || len(list) != tip.MaxErrors+1 || !errors.Is(list[len(list)-1], tip.ErrTooManyErrors) {
		t.Errorf("1000 invalid lines: %d errors, want %d and ErrTooManyErrors last", len(list), tip.MaxErrors+1)
	}
	// A lax parse notes at most MaxErrors findings, and counts the rest.
	p, err := ParseProgramPageWith(strings.NewReader(strings.Repeat("It cost $5 to print. ", 1000)), tip.ParseOptions{Lax: true})
	dropped := 0
	for _, f := range p.Findings {
		if f.Rule == "grants/too-many-findings" {
			dropped++
			if !strings.HasPrefix(f.Message, "900 more") {
				t.Errorf("finding %q: want 900 more", f.Message)
			}
		}
	}
	if err != nil || len(p.Findings) != tip.MaxErrors+1 || dropped != 1 {
		t.Errorf("1000 unread figures: %d findings, %v", len(p.Findings), err)
	}
	// Issue 20 item 4: page chrome is kept up to MaxErrors lines and the
	// rest counted, so that a million lines of it cost no memory per line.
	p, err = ParseProgramPage(strings.NewReader(strings.Repeat("|\n", 1000)))
	var notes []string
	for _, f := range p.Findings {
		notes = append(notes, f.Rule+": "+f.Message)
	}
	want := []string{"grants/skipped-not-kept: 900 more lines of page chrome were skipped and not kept, after 100"}
	if err != nil || len(p.Skipped) != tip.MaxErrors || !slices.Equal(notes, want) {
		t.Errorf("1000 lines of chrome: %d kept, findings %q, %v; want %d kept and %q", len(p.Skipped), notes, err, tip.MaxErrors, want)
	}
}

// What the copies of issue 20 item 7 cost a caller, once the embedded
// files are parsed: Default and DefaultPages against a parse of the
// listing.
func BenchmarkDefault(b *testing.B) {
	b.Run("Default", func(b *testing.B) {
		Default()
		b.ReportAllocs()
		for b.Loop() {
			Default()
		}
	})
	b.Run("DefaultPages", func(b *testing.B) {
		DefaultPages()
		b.ReportAllocs()
		for b.Loop() {
			DefaultPages()
		}
	})
	b.Run("ParseLax", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			ParseWith(bytes.NewReader(listing2021), tip.ParseOptions{Source: ListingSource, Lax: true})
		}
	})
}
