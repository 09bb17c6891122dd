package tip

import "strconv"

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
