package text

import (
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
)

// readAll returns the lines lr gives and its error.
func readAll(lr *LineReader) ([]string, error) {
	var lines []string
	for lr.Next() {
		if lr.Line() != len(lines)+1 {
			return lines, errors.New("Line() out of step")
		}
		lines = append(lines, lr.Text())
	}
	return lines, lr.Err()
}

func TestLineReader(t *testing.T) {
	long := strings.Repeat("x", 1<<20) // longer than any buffer
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"LF", "a\nb\n", []string{"a", "b"}},
		{"CRLF", "a\r\nb\r\n", []string{"a", "b"}},
		{"lone CR, as old Mac files end lines (issue 20, item 9)", "a\rb\rc", []string{"a", "b", "c"}},
		{"mixed ends", "a\r\nb\nc\rd", []string{"a", "b", "c", "d"}},
		{"CR CR LF is an empty line between", "a\r\r\nb", []string{"a", "", "b"}},
		{"LF CR is two ends", "a\n\rb", []string{"a", "", "b"}},
		{"no last line end", "a\nb", []string{"a", "b"}},
		{"blank lines kept", "\n\na\n\n", []string{"", "", "a", ""}},
		{"BOM dropped at the start", "\ufeffTier 1\n", []string{"Tier 1"}},
		{"BOM alone", "\ufeff", []string{""}},
		{"BOM kept after the start", "a\n\ufeffb\n", []string{"a", "\ufeffb"}},
		{"long line is one line", "a\n" + long + "\nb", []string{"a", long, "b"}},
		{"invalid bytes returned as they are", "\xff\x00\n", []string{"\xff\x00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Whole, and a byte at a time, which splits every CRLF.
			for _, r := range []io.Reader{strings.NewReader(tt.in), iotest.OneByteReader(strings.NewReader(tt.in))} {
				got, err := readAll(NewLineReader(r))
				if err != nil {
					t.Fatalf("Err = %v", err)
				}
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("lines of %.40q mismatch (-want +got):\n%s", tt.in, diff)
				}
			}
		})
	}
}

// A reader's error keeps its identity, and the partial line it cut off is
// not a line (issue 20, item 6: "• Nigeria" cut after "Niger" must not
// become Niger).
func TestLineReaderErrors(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name     string
		r        io.Reader
		want     []string
		wantErr  error // one the error must wrap, besides ErrRead
		wantLine int   // Line() after the error
	}{
		{"error mid-line drops the partial line", io.MultiReader(strings.NewReader("Tier 1\n• Niger"), iotest.ErrReader(boom)), []string{"Tier 1"}, boom, 1},
		{"error after a line end loses nothing", io.MultiReader(strings.NewReader("a\nb\n"), iotest.ErrReader(boom)), []string{"a", "b"}, boom, 2},
		{"error after a CR, before its LF", io.MultiReader(strings.NewReader("a\r"), iotest.ErrReader(boom)), []string{"a"}, boom, 1},
		{"immediate error", iotest.ErrReader(boom), nil, boom, 0},
		{"timeout cuts the last line", iotest.TimeoutReader(strings.NewReader("a\nbc")), []string{"a"}, iotest.ErrTimeout, 1},
		{"data returned with the error", iotest.DataErrReader(io.MultiReader(strings.NewReader("a\nb"), iotest.ErrReader(boom))), []string{"a"}, boom, 1},
		{"a reader that never returns", &emptyReader{}, nil, io.ErrNoProgress, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lr := NewLineReader(tt.r)
			got, err := readAll(lr)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("lines mismatch (-want +got):\n%s", diff)
			}
			if !errors.Is(err, ErrRead) || !errors.Is(err, tt.wantErr) {
				t.Errorf("Err = %v, want one wrapping ErrRead and %v", err, tt.wantErr)
			}
			if lr.Line() != tt.wantLine {
				t.Errorf("Line() = %d after the error, want %d", lr.Line(), tt.wantLine)
			}
			if lr.Next() || lr.Err() != err {
				t.Errorf("Next after an error: the reader went on, or its error changed")
			}
		})
	}
}

type emptyReader struct{}

func (*emptyReader) Read([]byte) (int, error) { return 0, nil }

// A nil reader is an error, not a panic (issue 20, item 12).
func TestLineReaderNil(t *testing.T) {
	lr := NewLineReader(nil)
	if lr.Next() {
		t.Fatal("Next on a nil reader = true")
	}
	if err := lr.Err(); !errors.Is(err, ErrNilReader) {
		t.Errorf("Err = %v, want ErrNilReader", err)
	}
}

// The line after the end of the input is never returned twice, and a
// line's bytes may be kept by the caller until the next Next.
func TestLineReaderBytes(t *testing.T) {
	lr := NewLineReader(strings.NewReader("first\nsecond"))
	lr.Next()
	first := lr.Bytes()
	if string(first) != "first" {
		t.Fatalf("Bytes = %q", first)
	}
	_ = append(first, "garbage"...) // a caller's append must not change what is to come
	lr.Next()
	if lr.Text() != "second" || lr.Next() || lr.Next() || lr.Err() != nil {
		t.Errorf("after the last line: %q, Err %v", lr.Text(), lr.Err())
	}
}

// lineEnds is the definition the reader implements.
var lineEnds = regexp.MustCompile(`\r\n|\r|\n`)

// wantLines splits in by lineEnds, as LineReader must read it.
func wantLines(in string) []string {
	if in == "" {
		return nil
	}
	lines := lineEnds.Split(in, -1)
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1] // a last line end ends a line, it does not start one
	}
	lines[0] = strings.TrimPrefix(lines[0], "\ufeff")
	return lines
}

// FuzzLineReader checks, for any input delivered in pieces of any size,
// that the lines are the input split at each line end, the BOM dropped.
func FuzzLineReader(f *testing.F) {
	f.Add("\ufeffa\r\nb\rc\n\nd", uint8(1))
	f.Add("x\r", uint8(3))
	f.Add(strings.Repeat("long line ", 1000)+"\r\n", uint8(200))
	f.Fuzz(func(t *testing.T, in string, chunk uint8) {
		r := &chunkReader{s: in, n: int(chunk) + 1}
		got, err := readAll(NewLineReader(r))
		if err != nil {
			t.Fatalf("Err = %v", err)
		}
		if diff := cmp.Diff(wantLines(in), got); diff != "" {
			t.Errorf("lines of %q in pieces of %d mismatch (-want +got):\n%s", in, r.n, diff)
		}
	})
}

// A chunkReader returns s n bytes at a time.
type chunkReader struct {
	s string
	n int
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if r.s == "" {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), r.n)], r.s)
	r.s = r.s[n:]
	return n, nil
}

// BenchmarkLineReader reads lines of the length a listing has.
func BenchmarkLineReader(b *testing.B) {
	in := strings.Repeat("Implementer: International Organization for Migration (IOM)\r\n", 20000)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		lr := NewLineReader(strings.NewReader(in))
		for lr.Next() {
		}
	}
}
