package tip

import (
	"bytes"
	"strings"
)

// A Row is one row of a table written as tipkit writes its embedded data:
// fields separated by "|", one row a line.
type Row struct {
	Fields []string // as written, not trimmed
	Pos    Position // of the row's first byte
}

// ReadRows reads such a table from b, calling fn for each row in order:
//
//	# Year|Country|Grade|Source
//	2018|Hong Kong|A|State Dept memorandum of justification (2018)
//
// Lines starting with "#" and blank lines are not rows. A row whose number
// of fields is not len(header) is a *ParseError (ErrSyntax) naming the
// header; src names the table in errors. ReadRows stops at fn's first
// error and returns it.
func ReadRows(b []byte, src string, header []string, fn func(Row) error) error {
	lr := NewLineReader(bytes.NewReader(b))
	for lr.Next() {
		t := lr.Text()
		if strings.HasPrefix(t, "#") || strings.TrimSpace(t) == "" {
			continue
		}
		r := Row{Fields: strings.Split(t, "|"), Pos: Position{Line: lr.Line(), Col: 1}}
		if len(r.Fields) != len(header) {
			return Errorf(src, r.Pos, "", ErrSyntax, "want %s, got %d fields", strings.Join(header, "|"), len(r.Fields))
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return lr.Err()
}
