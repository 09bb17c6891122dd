package text

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// These are the errors a [LineReader] reports through [LineReader.Err].
// Package tip lists them among its sentinels (tip.ErrRead and
// tip.ErrNilReader are the same values), so a parser's *tip.ParseError that
// wraps one answers errors.Is for either name.
var (
	// ErrRead: the io.Reader failed. The error wraps the reader's own
	// error as well, so errors.Is(err, iotest.ErrTimeout) holds for a
	// reader that timed out.
	ErrRead = errors.New("read error")
	// ErrNilReader: the io.Reader given is nil. The standard library
	// panics here; a parser that promises positioned errors reports it.
	ErrNilReader = errors.New("nil reader")
)

// A LineReader reads a document line by line. It takes what text copied
// from web pages, PDFs and old word processors brings:
//
//   - a UTF-8 byte order mark at the start, which is dropped;
//   - LF, CRLF and a lone CR (old Mac files) as line ends, mixed in one
//     file;
//   - lines of any length: a 10 MB description is one line, not a "token
//     too long" error.
//
// Memory stays flat: only the current line is held. Lines are returned as
// they are, apart from the line end and the leading BOM; [Invalid] finds
// what in a line is not text, so that a parser can report its column.
//
// When [LineReader.Next] returns false, [LineReader.Err] says why: nil at
// the end of the input, else an error wrapping [ErrRead] and the reader's
// own error, or [ErrNilReader]. The bytes after the last line end that a
// read error cut off are not returned as a line: a line is only data once
// its end is known. The error is at line [LineReader.Line]+1.
type LineReader struct {
	r       *bufio.Reader // nil for a nil io.Reader
	line    []byte        // the current line, without its end: in r's buffer, or in long
	long    []byte        // holds a line that spans reads of r's buffer
	afterCR bool          // the last line ended with a CR: an LF next ends nothing more
	n       int           // the current line's 1-based number
	err     error         // why reading stopped: io.EOF at the end of the input
}

// NewLineReader returns a LineReader reading from r. A nil r gives a
// reader whose Next returns false and whose Err is [ErrNilReader].
func NewLineReader(r io.Reader) *LineReader {
	if r == nil {
		return &LineReader{err: ErrNilReader}
	}
	return &LineReader{r: bufio.NewReader(r)}
}

var bom = []byte("\uFEFF")

// Next advances to the next line and reports whether there is one.
func (lr *LineReader) Next() bool {
	if lr.err != nil {
		return false
	}
	lr.long = lr.long[:0]
	for {
		chunk, err := lr.buffered()
		if err != nil {
			lr.stop(err)
			// At the end of the input, the bytes after the last line end
			// are a last line; cut off by an error, they are not.
			if err == io.EOF && len(lr.long) > 0 {
				lr.line = lr.long
				return lr.advance()
			}
			return false
		}
		if lr.afterCR {
			// The LF of a CRLF, which may come in the next read.
			lr.afterCR = false
			if chunk[0] == '\n' {
				lr.r.Discard(1)
				continue
			}
		}
		i := lineEnd(chunk)
		if i < 0 {
			lr.long = append(lr.long, chunk...)
			lr.r.Discard(len(chunk))
			continue
		}
		if len(lr.long) == 0 {
			// The whole line is in the buffer, as most are: used in place,
			// capped so that a caller's append cannot reach what is to come.
			// Nothing reads into the buffer before the next call.
			lr.line = chunk[:i:i]
		} else {
			lr.long = append(lr.long, chunk[:i]...)
			lr.line = lr.long
		}
		lr.afterCR = chunk[i] == '\r'
		lr.r.Discard(i + 1)
		return lr.advance()
	}
}

// lineEnd returns the index of the first CR or LF in b, or -1 if it has
// neither. Two vectorized searches cost less than one bytes.IndexAny, which
// tests a byte at a time. The LF is looked for first, since nearly every
// file has one a line: a lone-CR file pays a search of the buffer (4 KiB)
// a line, which keeps it linear.
func lineEnd(b []byte) int {
	lf := bytes.IndexByte(b, '\n')
	if lf < 0 {
		return bytes.IndexByte(b, '\r')
	}
	if cr := bytes.IndexByte(b[:lf], '\r'); cr >= 0 {
		return cr
	}
	return lf
}

// buffered returns the bytes read and not yet used, reading more when
// there are none.
func (lr *LineReader) buffered() ([]byte, error) {
	if lr.r.Buffered() == 0 {
		if _, err := lr.r.Peek(1); err != nil {
			return nil, err
		}
	}
	return lr.r.Peek(lr.r.Buffered())
}

// stop records why reading stopped.
func (lr *LineReader) stop(err error) {
	if err != io.EOF {
		err = fmt.Errorf("%w: %w", ErrRead, err)
	}
	lr.err = err
}

// advance counts the line just read.
func (lr *LineReader) advance() bool {
	lr.n++
	if lr.n == 1 {
		lr.line = bytes.TrimPrefix(lr.line, bom)
	}
	return true
}

// Bytes returns the current line without its line end. The slice is valid
// until the next call to Next.
func (lr *LineReader) Bytes() []byte { return lr.line }

// Text returns the current line as a string.
func (lr *LineReader) Text() string { return string(lr.line) }

// Line returns the 1-based number of the current line; once Next has
// returned false, that of the last line read (0 if none was).
func (lr *LineReader) Line() int { return lr.n }

// Err returns nil if the input was read to its end, and otherwise why it
// was not: an error wrapping [ErrRead] and the reader's own error, or
// [ErrNilReader].
func (lr *LineReader) Err() error {
	if lr.err == io.EOF {
		return nil
	}
	return lr.err
}
