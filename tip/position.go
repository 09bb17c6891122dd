package tip

import (
	"bytes"
	"io"
	"strconv"
	"unicode/utf8"
)

// A Position is a place in a document: a 1-based line and a 1-based byte
// column, as in [encoding/csv.ParseError]. The zero Position means "no
// position" (a value built by hand rather than parsed).
//
// Every parsed model value in tipkit carries a Position. Downstream tests
// that compare parsed values with hand-written ones drop them all with one
// option:
//
//	cmp.Diff(want, got, cmpopts.IgnoreTypes(tip.Position{}))
type Position struct {
	Line int `json:"line"` // 1-based line number
	Col  int `json:"col"`  // 1-based byte column within the line
}

// IsValid reports whether p is a real position (Line > 0).
func (p Position) IsValid() bool { return p.Line > 0 }

// String returns "line:col", "line" when the column is unknown, or "-" for
// the zero Position.
func (p Position) String() string {
	switch {
	case p.Line <= 0:
		return "-"
	case p.Col <= 0:
		return strconv.Itoa(p.Line)
	}
	return strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col)
}

// Before reports whether p comes before q in the document.
func (p Position) Before(q Position) bool {
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// A LineReader reads a document line by line for tipkit's parsers. It
// handles what text copied from web pages and PDFs brings: a UTF-8 byte
// order mark at the start, CRLF and LF line ends mixed in one file, and lines of any length (a 10 MB description is one line, not a
// "token too long" error). It keeps memory flat: only the current line is
// held.
//
// Lines are returned as they are, apart from the line end and the leading
// BOM; invalid UTF-8 and NUL bytes are reported by [CheckText], which
// parsers call on each line so that they can report a position.
type LineReader struct {
	rd   io.Reader
	rbuf []byte // what has been read: rbuf[r:w] is not yet returned
	r, w int
	rerr error  // what the last read returned, once rbuf[r:w] is used up
	buf  []byte // the current line
	own  []byte // holds a line that spans reads
	line int
	err  error
	off  int64 // byte offset of the current line
	next int64 // byte offset of the line after it
}

// NewLineReader returns a LineReader reading from r.
func NewLineReader(r io.Reader) *LineReader {
	return &LineReader{rd: r, rbuf: make([]byte, readSize)}
}

// Reset makes lr read from r as if it were new, keeping its buffer, as
// bufio.Reader.Reset does: a parser that reads many short documents can
// keep one LineReader for all of them.
func (lr *LineReader) Reset(r io.Reader) {
	own := lr.own[:0]
	if cap(own) > 4*readSize {
		own = nil // a long line's buffer is not kept
	}
	rbuf := lr.rbuf
	if rbuf == nil {
		rbuf = make([]byte, readSize)
	}
	*lr = LineReader{rd: r, rbuf: rbuf, own: own}
}

// readSize is the size of a LineReader's buffer: the largest the runtime
// allocates as a small object. A larger one is allocated and freed page by
// page, which costs a short document more than reading it does; a line
// longer than the buffer is put together in LineReader.own.
const readSize = 32 << 10

// Next advances to the next line and reports whether there is one.
//
// It reads as bufio.Reader.ReadSlice('\n') would in a loop over
// bufio.ErrBufferFull, without bufio's bookkeeping, which cost more per
// line than finding the line end: a line is cut at each '\n' of the bytes
// read before the first error, the bytes after the last '\n' are a last
// line, and the error is Err's.
func (lr *LineReader) Next() bool {
	if lr.err != nil {
		return false
	}
	if i := bytes.IndexByte(lr.rbuf[lr.r:lr.w], '\n'); i >= 0 {
		// The whole line sits in the buffer, the common case: use it in
		// place rather than copy it. Capped, so that a caller's append
		// cannot write over the bytes not yet returned.
		end := lr.r + i + 1
		lr.buf = lr.rbuf[lr.r:end:end]
		lr.r = end
	} else {
		lr.own = append(lr.own[:0], lr.rbuf[lr.r:lr.w]...)
		lr.r = lr.w
		for {
			if lr.rerr != nil {
				lr.err = lr.rerr // io.EOF, or the error Err returns
				if len(lr.own) == 0 {
					return false
				}
				break
			}
			lr.fill()
			if i := bytes.IndexByte(lr.rbuf[:lr.w], '\n'); i >= 0 {
				lr.own = append(lr.own, lr.rbuf[:i+1]...)
				lr.r = i + 1
				break
			}
			lr.own = append(lr.own, lr.rbuf[:lr.w]...)
			lr.r = lr.w
		}
		lr.buf = lr.own
	}
	lr.off = lr.next
	lr.next += int64(len(lr.buf))
	lr.line++
	// bytes.TrimRight(buf, "\r\n") without building its cutset per line.
	n := len(lr.buf)
	for n > 0 && (lr.buf[n-1] == '\n' || lr.buf[n-1] == '\r') {
		n--
	}
	lr.buf = lr.buf[:n]
	if lr.line == 1 {
		lr.buf = bytes.TrimPrefix(lr.buf, bom)
	}
	return true
}

// maxEmptyReads is how many reads in a row may return nothing before the
// reader is taken to be broken, as in bufio.
const maxEmptyReads = 100

// fill reads into the whole buffer, everything in it having been used:
// until some bytes come, or an error, which is kept for when they are used
// up.
func (lr *LineReader) fill() {
	lr.r, lr.w = 0, 0
	for range maxEmptyReads {
		n, err := lr.rd.Read(lr.rbuf)
		if n < 0 || n > len(lr.rbuf) {
			panic("tip.LineReader: the reader returned an impossible count from Read")
		}
		lr.w = n
		if err != nil {
			lr.rerr = err
			return
		}
		if n > 0 {
			return
		}
	}
	lr.rerr = io.ErrNoProgress
}

var bom = []byte("\uFEFF")

// Bytes returns the current line without its line end. The slice is valid
// until the next call to Next.
func (lr *LineReader) Bytes() []byte { return lr.buf }

// Text returns the current line as a string.
func (lr *LineReader) Text() string { return string(lr.buf) }

// Line returns the 1-based number of the current line.
func (lr *LineReader) Line() int { return lr.line }

// Offset returns the byte offset of the start of the current line.
func (lr *LineReader) Offset() int64 { return lr.off }

// Err returns the first read error other than io.EOF.
func (lr *LineReader) Err() error {
	if lr.err == io.EOF {
		return nil
	}
	return lr.err
}

// CheckText reports the 1-based byte column of the first invalid UTF-8
// sequence or NUL byte in b, or 0 if b is clean text. A UTF-8 byte order
// mark inside a line is treated as invisible, not as an error.
func CheckText(b []byte) int {
	// utf8.Valid and IndexByte are vectorized; the loop below only runs
	// to find the column of a fault.
	if utf8.Valid(b) && bytes.IndexByte(b, 0) < 0 {
		return 0
	}
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c == 0 {
				return i + 1
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i + 1
		}
		i += n
	}
	return 0
}
