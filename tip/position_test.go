package tip

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

// lineRef is LineReader without its fast paths (no line used in place, the
// line end cut with bytes.TrimRight): the definition Next must agree with.
type lineRef struct {
	r   *bufio.Reader
	buf []byte
	err error
	off int64 // of the current line
	end int64 // of the line after it
}

func (lr *lineRef) next() bool {
	if lr.err != nil {
		return false
	}
	lr.buf = lr.buf[:0]
	for {
		chunk, err := lr.r.ReadSlice('\n')
		lr.buf = append(lr.buf, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			lr.err = err
			if len(lr.buf) == 0 {
				return false
			}
		}
		break
	}
	lr.off, lr.end = lr.end, lr.end+int64(len(lr.buf))
	lr.buf = bytes.TrimRight(lr.buf, "\r\n")
	return true
}

// choppyReader returns its bytes a few at a time, now and then none, and
// then err, with the last bytes or after them. With stall, it returns
// nothing, ever, after its bytes.
type choppyReader struct {
	b     []byte
	r     *rand.Rand
	err   error
	stall bool
}

func (c *choppyReader) Read(p []byte) (int, error) {
	if len(c.b) == 0 {
		if c.stall {
			return 0, nil
		}
		return 0, c.err
	}
	if c.r.IntN(8) == 0 {
		return 0, nil
	}
	n := copy(p[:min(len(p), 1+c.r.IntN(100<<10))], c.b)
	c.b = c.b[n:]
	if len(c.b) == 0 && !c.stall && c.r.IntN(2) == 0 {
		return n, c.err
	}
	return n, nil
}

func TestLineReaderMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	reused := NewLineReader(strings.NewReader(strings.Repeat("some other input\r\n", 5000) + strings.Repeat("y", 300<<10)))
	for reused.Next() {
	}
	pieces := []string{"a", "abc ", "\n", "\r\n", "\r", "\n\n", "\r\r\n", "\ufeff", "\xff", strings.Repeat("x", 70<<10), strings.Repeat("y", 200<<10)}
	for i := 0; i < 300; i++ {
		var b strings.Builder
		for k := r.IntN(30); k >= 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		in := []byte(b.String())
		boom := errors.New("boom")
		for _, end := range []error{io.EOF, boom, nil} {
			seed := r.Uint64()
			lr := NewLineReader(&choppyReader{b: in, r: rand.New(rand.NewPCG(seed, 0)), err: end, stall: end == nil})
			if i%2 == 1 {
				// A LineReader reset after reading another input reads as a new one.
				lr = reused
				lr.Reset(&choppyReader{b: in, r: rand.New(rand.NewPCG(seed, 0)), err: end, stall: end == nil})
			}
			ref := &lineRef{r: bufio.NewReaderSize(&choppyReader{b: in, r: rand.New(rand.NewPCG(seed, 1)), err: end, stall: end == nil}, 64<<10)} // the old size
			for n := 1; ; n++ {
				ok, refOK := lr.Next(), ref.next()
				if ok != refOK {
					t.Fatalf("input %d line %d: Next = %v, reference %v", i, n, ok, refOK)
				}
				if !ok {
					break
				}
				want := ref.buf
				if n == 1 {
					want = bytes.TrimPrefix(want, bom)
				}
				if !bytes.Equal(lr.Bytes(), want) || lr.Text() != string(want) || lr.Line() != n || lr.Offset() != ref.off {
					t.Fatalf("input %d line %d: %q (line %d, offset %d), want %q (offset %d)", i, n, lr.Bytes(), lr.Line(), lr.Offset(), want, ref.off)
				}
				// A caller's append must not change what is still to be read.
				_ = append(lr.Bytes(), "garbage\n"...)
			}
			if wantErr := ref.err; (wantErr == io.EOF) != (lr.Err() == nil) || (wantErr != io.EOF && lr.Err() != wantErr) {
				t.Fatalf("input %d: Err = %v, reference %v", i, lr.Err(), wantErr)
			}
		}
	}
}
