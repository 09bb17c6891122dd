package grants

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"

	"github.com/tipkit/tipkit/tip"
)

// A csvSpec says where one value is in a download: the columns that may
// hold it, in the order they are tried (the first non-empty cell wins),
// and whether the header must have the first of them.
type csvSpec struct {
	columns  []string
	required bool
}

// awardCSVColumns are the prime-award download's columns for assistance
// awards that fill an Award (usaspending_assistance_award_columns.txt,
// from usaspending-api's download column lookups). The others are read
// past. The kind is the type's description, else its code; the recipient
// its UEI, else its DUNS number.
var awardCSVColumns = [numSlots]csvSpec{
	slotID:            {[]string{"award_id_fain"}, true},
	slotKey:           {[]string{"assistance_award_unique_key"}, false},
	slotKind:          {[]string{"assistance_type_description", "assistance_type_code"}, false},
	slotAmount:        {[]string{"total_obligated_amount"}, true},
	slotDate:          {[]string{"award_base_action_date"}, true},
	slotFiscalYear:    {[]string{"award_base_action_date_fiscal_year"}, false},
	slotListing:       {[]string{"cfda_numbers_and_titles"}, true},
	slotCode:          {[]string{"primary_place_of_performance_country_code"}, true},
	slotState:         {[]string{"primary_place_of_performance_state_name"}, false},
	slotRecipientID:   {[]string{"recipient_uei", "recipient_duns"}, false},
	slotRecipientName: {[]string{"recipient_name"}, false},
	slotDesc:          {[]string{"prime_award_base_transaction_description"}, false},
}

// ScanAwardCSV returns the awards of a USAspending prime-award download
// for assistance awards (one row per award) as they are read, each with a
// nil error, or a zero Award and a *tip.ParseError for a row that cannot
// be read; reading goes on, up to tip.MaxErrors errors.
//
// The reader is driven by the header: columns may come in any order,
// columns it does not use are read past, and a header without one it needs
// (award_id_fain, total_obligated_amount, award_base_action_date,
// cfda_numbers_and_titles, primary_place_of_performance_country_code), or
// naming a column twice, is an error that ends the read. A UTF-8 byte
// order mark and CRLF line ends are read through. An empty cell is a null
// value. cfda_numbers_and_titles packs the award's listings, number and
// title, several joined by ";": Listing is 19.019 where it is among them
// (with a finding naming the others), else the first. Awards of every
// listing are yielded; ReadAwardCSV keeps those under AssistanceListing.
//
// Amounts are plain decimals ("1095000.00": "1,095,000" is an error),
// dates YYYY-MM-DD. Positions are line:col of the cell, the column in
// bytes. Memory stays flat: only the current row is held.
func ScanAwardCSV(r io.Reader, opts tip.ParseOptions) iter.Seq2[Award, error] {
	return scanCSV(r, opts.SourceOr("award download"), opts.Lax, awardCSVColumns[:], nil, func(c *csvReader, f []rawField) (Award, *tip.ParseError) {
		rec := rawAward{f: [numSlots]rawField(f), pos: c.pos(0), record: c.record}
		return buildAward(&rec, c.src, c.lax)
	})
}

// ReadAwardCSV reads a prime-award download (see ScanAwardCSV) into an
// AwardSet: the awards under AssistanceListing, the others counted, and
// the findings; the error, if any, is a tip.ErrorList. Strict and lax
// differ as for ReadAwardsJSON.
func ReadAwardCSV(r io.Reader, opts tip.ParseOptions) (*AwardSet, error) {
	opts.Source = opts.SourceOr("award download")
	return collectAwards(ScanAwardCSV(r, opts), opts.Source, AwardDownloadCSV)
}

// scanCSV reads a USAspending download whose values are in the columns
// specs names: the header, then each row, its values filled in specs'
// order and passed to build. header, if not nil, is given the columns the
// header has for each spec. A row that cannot be read or built is an
// error, and reading goes on, up to tip.MaxErrors errors.
func scanCSV[T any](r io.Reader, src string, lax bool, specs []csvSpec, header func(cols [][]int), build func(c *csvReader, f []rawField) (T, *tip.ParseError)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		c := newCSVReader(r, src, lax)
		e := &emitter[T]{yield: yield, src: c.src}
		cols, perr := c.readHeader(specs)
		if perr != nil {
			e.fail(perr)
			return
		}
		if header != nil {
			header(cols)
		}
		f := make([]rawField, len(specs))
		for {
			row, perr, more := c.next()
			if perr == nil {
				if !more {
					return // the end of the input
				}
				for s, idx := range cols {
					f[s] = rawField{}
					c.fill(&f[s], row, idx, specs[s])
				}
				var v T
				if v, perr = build(c, f); perr == nil {
					if !e.ok(v) {
						return
					}
					continue
				}
			}
			if !e.fail(perr) || !more {
				return
			}
		}
	}
}

// A csvReader reads a USAspending download with encoding/csv: the header,
// then one row at a time, each problem a positioned error.
type csvReader struct {
	src    string
	lax    bool
	in     *inputTracker
	cr     *csv.Reader
	bom    int
	header []string
	record int // data rows read, the header not counted
	line   int // the line after the last row read, where the next starts
}

func newCSVReader(r io.Reader, src string, lax bool) *csvReader {
	in := newInputTracker(r, false)
	br, bom := skipBOM(in)
	cr := csv.NewReader(br)
	cr.ReuseRecord = true
	return &csvReader{src: src, lax: lax, in: in, cr: cr, bom: bom, line: 1}
}

// pos returns the position of cell i of the row last read, its column
// counting the byte order mark on line 1.
func (c *csvReader) pos(i int) tip.Position {
	line, col := c.cr.FieldPos(i)
	if line == 1 {
		col += c.bom
	}
	return tip.Position{Line: line, Col: col}
}

func (c *csvReader) errAt(pos tip.Position, field string, err error) *tip.ParseError {
	e := tip.Errorf(c.src, pos, field, err, "")
	e.Record = c.record
	return e
}

// readHeader reads the header row and returns, for each spec, the indexes
// of its columns that the header has, in the spec's order.
func (c *csvReader) readHeader(specs []csvSpec) ([][]int, *tip.ParseError) {
	row, err := c.cr.Read()
	if err != nil {
		if err == io.EOF {
			return nil, c.errAt(tip.Position{Line: 1, Col: 1}, "", fmt.Errorf("%w: no header row: want a USAspending download's header (award_id_fain, …)", tip.ErrMissing))
		}
		perr, _ := c.rowErr(err, len(row))
		return nil, perr
	}
	c.advance(row)
	c.header = make([]string, len(row))
	at := make(map[string]int, len(row))
	for i, name := range row {
		if len(name) > MaxAwardCell {
			return nil, c.errAt(c.pos(i), "", fmt.Errorf("%w: a header cell of %d bytes", ErrTooLong, len(name)))
		}
		name = strings.TrimSpace(name)
		if j, dup := at[name]; dup && name != "" {
			return nil, c.errAt(c.pos(i), name, fmt.Errorf("%w: column %q is named twice in the header (columns %d and %d): which to read is not known", tip.ErrDuplicate, name, j+1, i+1))
		}
		at[name] = i
		c.header[i] = name
	}
	cols := make([][]int, len(specs))
	for s, spec := range specs {
		for _, name := range spec.columns {
			if i, ok := at[name]; ok {
				cols[s] = append(cols[s], i)
			}
		}
		if spec.required && len(cols[s]) == 0 {
			return nil, c.errAt(tip.Position{Line: 1, Col: 1}, spec.columns[0], fmt.Errorf("%w: the header has no column %s, which a USAspending download has (columns may come in any order)", tip.ErrMissing, spec.columns[0]))
		}
	}
	c.cr.FieldsPerRecord = len(row)
	return cols, nil
}

// next reads the next data row. It returns the row; or an error for a row
// that cannot be read; and whether reading may go on (false at the end of
// the input, or after an error nothing can follow).
func (c *csvReader) next() ([]string, *tip.ParseError, bool) {
	c.in.setMark(c.cr.InputOffset() + int64(c.bom))
	row, err := c.cr.Read()
	if err == io.EOF {
		return nil, nil, false
	}
	c.record++
	if err != nil {
		perr, more := c.rowErr(err, len(row))
		if more && len(row) > 0 {
			c.advance(row)
		}
		return nil, perr, more
	}
	c.advance(row)
	for i, cell := range row {
		if len(cell) > MaxAwardCell {
			return nil, c.errAt(c.pos(i), c.header[i], fmt.Errorf("%w: a cell of %d bytes, more than %d (MaxAwardCell)", ErrTooLong, len(cell), MaxAwardCell)), true
		}
	}
	return row, nil, true
}

// advance notes where the row just read ends: its last cell's line, plus
// the line ends inside that cell.
func (c *csvReader) advance(row []string) {
	if len(row) == 0 {
		return
	}
	line, _ := c.cr.FieldPos(len(row) - 1)
	c.line = line + strings.Count(row[len(row)-1], "\n") + 1
}

// rowErr turns what csv.Reader.Read returned (with a row of n cells) into
// a positioned error, and says whether reading may go on: csv goes on
// after a malformed row, not after a failed read.
func (c *csvReader) rowErr(err error, n int) (*tip.ParseError, bool) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		pos := tip.Position{Line: pe.Line, Col: pe.Column}
		if pe.Line == 1 {
			pos.Col += c.bom
		}
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			return c.errAt(pos, "", fmt.Errorf("%w: a row of %d fields where the header has %d: a truncated or broken row", tip.ErrSyntax, n, c.cr.FieldsPerRecord)), true
		}
		return c.errAt(pos, "", fmt.Errorf("%w: %v", tip.ErrSyntax, pe.Err)), true
	}
	if errors.Is(err, ErrTooLong) {
		return c.errAt(tip.Position{Line: c.line, Col: 1}, "", err), false
	}
	return c.errAt(tip.Position{Line: c.line}, "", fmt.Errorf("reading: %w", err)), false
}

// fill sets f from the first non-empty cell of the columns idx, or, when
// all are empty, leaves it unset at the first column's position. Text is
// trimmed of spaces, which USAspending never writes around a value.
func (c *csvReader) fill(f *rawField, row []string, idx []int, spec csvSpec) {
	f.name = spec.columns[0]
	for k, i := range idx {
		if k == 0 {
			f.name, f.pos = c.header[i], c.pos(i)
		}
		if t := strings.TrimSpace(row[i]); t != "" {
			f.name, f.text, f.set, f.pos = c.header[i], t, true, c.pos(i)
			return
		}
	}
}
