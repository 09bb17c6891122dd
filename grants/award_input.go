package grants

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sort"

	"github.com/tipkit/tipkit/tip"
)

// An inputTracker sits between an award reader's input and the decoder
// (encoding/json or encoding/csv) reading it. It does two things the
// decoders do not:
//
//   - It bounds a record: once the bytes read since the current record's
//     start (mark) pass MaxAwardRecord, Read fails with an error wrapping
//     ErrTooLong. A decoder asks for more input only when the record it is
//     reading is not complete in what it holds, so this is the record's
//     length, give or take one buffer.
//   - For JSON, whose decoder reports byte offsets, it remembers where
//     lines start, so that an offset can be given as line:col, and keeps
//     the bytes read since the current record's start, so that a syntax
//     error can be found in them (encoding/json's SyntaxError.Offset drifts
//     by the white space its Token calls skip). Only what follows the
//     current record's start is kept (setMark drops the rest), so a file
//     of any length costs one record.
type inputTracker struct {
	r     io.Reader
	n     int64 // bytes read so far
	mark  int64 // offset where the current record starts
	lines bool  // whether to record line starts and keep the bytes

	line   int     // the line that starts at base
	base   int64   // offset where line starts
	starts []int64 // offsets of the lines after it, ascending

	kept      []byte // the bytes read from keptStart on
	keptStart int64
}

func newInputTracker(r io.Reader, lines bool) *inputTracker {
	return &inputTracker{r: r, lines: lines, line: 1}
}

// errRecordTooLong is what Read returns past the bound; the reader turns
// it into a positioned error.
var errRecordTooLong = fmt.Errorf("%w: a record longer than %d bytes (MaxAwardRecord)", ErrTooLong, MaxAwardRecord)

func (t *inputTracker) Read(p []byte) (int, error) {
	room := MaxAwardRecord - (t.n - t.mark)
	if room <= 0 {
		return 0, errRecordTooLong
	}
	if int64(len(p)) > room {
		p = p[:room] // so that no single read carries a record past the bound
	}
	n, err := t.r.Read(p)
	if n < 0 || n > len(p) {
		return 0, io.ErrNoProgress // a broken reader; never index with its count
	}
	if t.lines {
		t.kept = append(t.kept, p[:n]...)
		for i, b := 0, p[:n]; ; {
			j := bytes.IndexByte(b[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			t.starts = append(t.starts, t.n+int64(i))
		}
	}
	t.n += int64(n)
	return n, err
}

// setMark records that a record starts at off, and forgets the line
// starts before it, which no position will be asked for again.
func (t *inputTracker) setMark(off int64) {
	t.mark = off
	if !t.lines {
		return
	}
	if drop := off - t.keptStart; drop > 0 && drop <= int64(len(t.kept)) {
		t.kept = t.kept[:copy(t.kept, t.kept[drop:])]
		t.keptStart = off
	}
	k := sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off })
	if k > 0 {
		t.line += k
		t.base = t.starts[k-1]
		t.starts = append(t.starts[:0], t.starts[k:]...)
	}
}

// pos returns the 1-based line and byte column of offset off, which must
// not be before the last mark.
func (t *inputTracker) pos(off int64) tip.Position {
	k := sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off })
	line, start := t.line, t.base
	if k > 0 {
		line, start = t.line+k, t.starts[k-1]
	}
	if off < start {
		off = start
	}
	return tip.Position{Line: line, Col: int(off-start) + 1}
}

// bytesFrom returns the bytes read from offset off on, which must not be
// before the last mark.
func (t *inputTracker) bytesFrom(off int64) []byte {
	i := off - t.keptStart
	if i < 0 || i > int64(len(t.kept)) {
		return nil
	}
	return t.kept[i:]
}

var utf8BOM = []byte("\uFEFF")

// skipBOM returns a buffered reader over r with a leading UTF-8 byte order
// mark skipped, and the mark's length: decoders do not expect one, and
// spreadsheets write one.
func skipBOM(r io.Reader) (*bufio.Reader, int) {
	br := bufio.NewReader(r)
	if b, _ := br.Peek(len(utf8BOM)); bytes.Equal(b, utf8BOM) {
		br.Discard(len(utf8BOM))
		return br, len(utf8BOM)
	}
	return br, 0
}
