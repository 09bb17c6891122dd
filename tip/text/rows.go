package text

import (
	"bytes"
	"fmt"
	"strings"
)

// A Row is one row of a table written as tipkit writes its embedded data:
// fields separated by "|", one row a line.
type Row struct {
	Line   int      // 1-based line of the row
	Fields []string // as written, not trimmed
}

// A RowError reports a row whose number of fields is not the header's:
// "want Year|Country|Grade|Source, got 3 fields". Callers wrap it into
// their positioned errors.
type RowError struct {
	Line   int      // 1-based line of the row
	Header []string // the fields a row must have
	Got    int      // the number of fields it has
}

// Error says what the row should have been.
func (e *RowError) Error() string {
	return fmt.Sprintf("want %s, got %d fields", strings.Join(e.Header, "|"), e.Got)
}

// ReadRows reads such a table from b, calling fn for each row in order:
//
//	# Year|Country|Grade|Source
//	2018|Hong Kong|A|State Dept memorandum of justification (2018)
//
// Lines starting with "#" and blank lines are not rows. A row whose number
// of fields is not len(header) stops the reading with a [*RowError]; so
// does fn's first error, which ReadRows returns as it is.
func ReadRows(b []byte, header []string, fn func(Row) error) error {
	lr := NewLineReader(bytes.NewReader(b))
	for lr.Next() {
		t := lr.Text()
		if strings.HasPrefix(t, "#") || strings.TrimSpace(t) == "" {
			continue
		}
		r := Row{Line: lr.Line(), Fields: strings.Split(t, "|")}
		if len(r.Fields) != len(header) {
			return &RowError{Line: r.Line, Header: header, Got: len(r.Fields)}
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return lr.Err()
}
