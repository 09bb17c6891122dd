package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
)

// cells returns a row's cells, in column order, "" for unknown. A row
// whose keep is false has only its Always columns: an entity that did not
// exist that year has nothing else.
func cells[R any](cols []column[R], r *R, keep bool) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		if keep || c.Always {
			out[i] = c.Cell(r)
		}
	}
	return out
}

// records returns the table's rows as cells; keep says whether a row has
// more than its Always columns.
func (t *table[R]) records(keep func(*R) bool) [][]string {
	out := make([][]string, len(t.Rows))
	for i := range t.Rows {
		out[i] = cells(t.Columns, &t.Rows[i], keep(&t.Rows[i]))
	}
	return out
}

// header returns the column names.
func (t *table[R]) header() []string {
	out := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		out[i] = c.Name
	}
	return out
}

// writeCSV writes the header and the records; an empty cell is unknown.
func writeCSV(w io.Writer, head []string, recs [][]string) error {
	cw := csv.NewWriter(w)
	cw.Write(head)
	for _, r := range recs {
		cw.Write(r)
	}
	cw.Flush()
	return cw.Error()
}

// jsonValue is a cell as JSON: null for unknown, a number for an integer
// or number column, a boolean for a boolean one, a string otherwise and
// for money, which no reader should turn into a float.
func jsonValue[R any](c column[R], v string) (json.RawMessage, error) {
	if v == "" {
		return json.RawMessage("null"), nil
	}
	switch {
	case c.Decimal:
	case c.Type == "integer":
		n, err := strconv.Atoi(v)
		if err != nil {
			return nil, err
		}
		return json.Marshal(n)
	case c.Type == "number":
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return nil, err
		}
		return json.Marshal(f)
	case c.Type == "boolean":
		b, err := strconv.ParseBool(v)
		if err != nil {
			return nil, err
		}
		return json.Marshal(b)
	}
	return json.Marshal(v)
}

// jsonObject writes one record as a JSON object whose keys are the
// column names, in column order.
func jsonObject[R any](cols []column[R], rec []string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, c := range cols {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(c.Name)
		v, err := jsonValue(c, rec[i])
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// writeJSON writes the records as one JSON array of objects, one object a
// line; lines (JSON Lines) writes the objects alone, one a line.
func writeJSON[R any](w io.Writer, cols []column[R], recs [][]string, lines bool) error {
	bw := bufio.NewWriter(w)
	if !lines {
		bw.WriteString("[\n")
	}
	for i, rec := range recs {
		obj, err := jsonObject(cols, rec)
		if err != nil {
			return err
		}
		bw.Write(obj)
		if !lines && i < len(recs)-1 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
	}
	if !lines {
		bw.WriteString("]\n")
	}
	return bw.Flush()
}
