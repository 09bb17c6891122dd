package grants

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"unicode/utf8"

	"github.com/tipkit/tipkit/tip"
)

// jsonAwardKeys are the award search API's field names, as USAspending
// writes them, by the value each fills; a value the API does not give has
// none. Other keys ("internal_id", "COVID-19 Obligations", …) are read past.
var jsonAwardKeys = [numSlots]string{
	slotID:          "Award ID",
	slotKey:         "generated_internal_id",
	slotKind:        "Award Type",
	slotAmount:      "Award Amount",
	slotDate:        "Base Obligation Date",
	slotListing:     "CFDA Number",
	slotCode:        "Place of Performance Country Code",
	slotState:       "Place of Performance State Code",
	slotRecipientID: "recipient_id",
	slotDesc:        "Description",
}

// jsonSlot returns the value the key fills, and false for a key the
// reader reads past.
func jsonSlot(key string) (awardSlot, bool) {
	if key == "" {
		return 0, false
	}
	i := slices.Index(jsonAwardKeys[:], key)
	return awardSlot(i), i >= 0
}

// ScanAwardsJSON returns the awards of an award search response as they
// are read: the embedded file's shape, a JSON array of objects with the
// field names USAspending writes ("Award ID", "Award Amount", "Base
// Obligation Date", "CFDA Number", "Place of Performance Country Code", …),
// or the API's whole response, an object whose "results" is that array.
// Each award comes with a nil error; a record that cannot be read comes as
// a zero Award and a *tip.ParseError, and reading goes on, up to
// tip.MaxErrors errors. Malformed JSON ends the read, since nothing after
// it can be trusted. Awards of every listing are yielded, each with its
// Listing; ReadAwardsJSON keeps those under AssistanceListing.
//
// Amounts are read from the number's text ("Award Amount": 1095000.0 is
// 1095000 exactly), never through float64. Dates must be YYYY-MM-DD.
// Positions are line:col, the column in bytes; the award search API writes
// its response on one line, so its columns are byte offsets plus one.
// opts.Errata is not used: codes are not names.
//
// Memory stays flat: only the current record is held.
func ScanAwardsJSON(r io.Reader, opts tip.ParseOptions) iter.Seq2[Award, error] {
	return func(yield func(Award, error) bool) {
		jr := newJSONAwardReader(r, opts.SourceOr("award search"), opts.Lax)
		jr.run(&emitter[Award]{yield: yield, src: jr.src})
	}
}

// ReadAwardsJSON reads an award search response (see ScanAwardsJSON) into
// an AwardSet: the awards under AssistanceListing, the others counted, and
// the findings. Every record that can be read is kept; the error, if any,
// is a tip.ErrorList of *tip.ParseError, each wrapping a documented
// sentinel (see ErrCountryCode). A strict read fails where a lax one
// reports a finding: a code tipkit cannot resolve (tip.ErrUnknownCountry),
// an amount that is not a whole number of cents (tip.ErrAmount).
func ReadAwardsJSON(r io.Reader, opts tip.ParseOptions) (*AwardSet, error) {
	opts.Source = opts.SourceOr("award search")
	return collectAwards(ScanAwardsJSON(r, opts), opts.Source, AwardSearchJSON)
}

type jsonAwardReader struct {
	src    string
	lax    bool
	in     *inputTracker
	dec    *json.Decoder
	bom    int64
	record int
}

func newJSONAwardReader(r io.Reader, src string, lax bool) *jsonAwardReader {
	in := newInputTracker(r, true)
	br, bom := skipBOM(in)
	dec := json.NewDecoder(br)
	dec.UseNumber() // Token would turn a number into a float64, and fail on 1e700
	return &jsonAwardReader{src: src, lax: lax, in: in, dec: dec, bom: int64(bom)}
}

// offset returns the decoder's position as an offset in the input.
func (jr *jsonAwardReader) offset() int64 { return jr.dec.InputOffset() + jr.bom }

func (jr *jsonAwardReader) errAt(off int64, field string, err error) *tip.ParseError {
	e := tip.Errorf(jr.src, jr.in.pos(off), field, err, "")
	e.Record = jr.record
	return e
}

// decodeErr turns what the decoder returned into a positioned error.
func (jr *jsonAwardReader) decodeErr(err error) *tip.ParseError {
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &syn):
		return jr.errAt(jr.syntaxErrorAt(), "", fmt.Errorf("%w: %v", tip.ErrSyntax, syn))
	case errors.Is(err, ErrTooLong):
		return jr.errAt(jr.in.mark, "", err)
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return jr.errAt(jr.in.n, "", fmt.Errorf("%w: the JSON ends in the middle of a value: a truncated file?", tip.ErrSyntax))
	}
	return jr.errAt(jr.in.n, "", fmt.Errorf("reading: %w", err))
}

// syntaxErrorAt finds the offset of the byte a syntax error is about in
// the bytes the tracker kept, from where the decoder stands (the start of
// the value it failed to read, or of the token it failed to find): a fresh
// decoder reading from there fails at the same byte and reports it
// exactly; where it does not fail, the fault is the first byte that is not
// white space (text after the value, a missing comma).
func (jr *jsonAwardReader) syntaxErrorAt() int64 {
	from := jr.offset()
	b := jr.in.bytesFrom(from)
	skip := 0
	for skip < len(b) && isJSONSpace(b[skip]) {
		skip++
	}
	var v json.RawMessage
	var syn *json.SyntaxError
	if err := json.NewDecoder(bytes.NewReader(b[skip:])).Decode(&v); errors.As(err, &syn) && syn.Offset > 0 {
		// A fresh decoder's Offset counts the bytes it read, the
		// offending one included.
		return from + int64(skip) + syn.Offset - 1
	}
	return from + int64(skip)
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (jr *jsonAwardReader) run(e *emitter[Award]) {
	tok, err := jr.dec.Token()
	if err == io.EOF {
		e.fail(jr.errAt(0, "", fmt.Errorf("%w: no JSON: want an array of awards, as the award search API returns them", tip.ErrSyntax)))
		return
	}
	if err != nil {
		e.fail(jr.decodeErr(err))
		return
	}
	switch tok {
	case json.Delim('['):
		if !jr.array(e) {
			return
		}
	case json.Delim('{'):
		found := false
		for jr.dec.More() {
			key, err := jr.dec.Token()
			if err != nil {
				e.fail(jr.decodeErr(err))
				return
			}
			if key == "results" {
				start := jr.offset()
				if tok, err := jr.dec.Token(); err != nil || tok != json.Delim('[') {
					e.fail(jr.errAt(start, "results", fmt.Errorf("%w: \"results\" is not an array of awards", tip.ErrSyntax)))
					return
				}
				found = true
				if !jr.array(e) {
					return
				}
				continue
			}
			jr.in.setMark(jr.offset())
			var skip json.RawMessage
			if err := jr.dec.Decode(&skip); err != nil {
				e.fail(jr.decodeErr(err))
				return
			}
		}
		if _, err := jr.dec.Token(); err != nil {
			e.fail(jr.decodeErr(err))
			return
		}
		if !found {
			e.fail(jr.errAt(0, "results", fmt.Errorf("%w: an object with no \"results\": want the award search API's response or its results array", tip.ErrMissing)))
			return
		}
	default:
		e.fail(jr.errAt(0, "", fmt.Errorf("%w: the JSON is not an array of awards (nor the API's response object with one)", tip.ErrSyntax)))
		return
	}
	end := jr.offset()
	if _, err := jr.dec.Token(); err != io.EOF {
		e.fail(jr.errAt(end, "", fmt.Errorf("%w: text after the JSON value", tip.ErrSyntax)))
	}
}

// array reads the elements of the array whose "[" was just read, and its
// "]". It reports whether reading may go on.
func (jr *jsonAwardReader) array(e *emitter[Award]) bool {
	for jr.dec.More() {
		jr.in.setMark(jr.offset())
		var raw json.RawMessage
		if err := jr.dec.Decode(&raw); err != nil {
			perr := jr.decodeErr(err)
			perr.Record = jr.record + 1 // the element being read
			e.fail(perr)
			return false
		}
		jr.record++
		start := jr.offset() - int64(len(raw))
		jr.in.setMark(start)
		a, perr := jr.award(raw, start)
		if perr != nil {
			if !e.fail(perr) {
				return false
			}
			continue
		}
		if !e.ok(a) {
			return false
		}
	}
	if _, err := jr.dec.Token(); err != nil {
		e.fail(jr.decodeErr(err))
		return false
	}
	return true
}

// award reads one element, raw, which starts at offset start: an object
// of the award search API's fields. Its values are decoded one at a time,
// so that each error points at its value.
func (jr *jsonAwardReader) award(raw []byte, start int64) (Award, *tip.ParseError) {
	rec := rawAward{pos: jr.in.pos(start), record: jr.record}
	for s := range rec.f {
		rec.f[s].name = jsonAwardKeys[s]
	}
	if raw[0] != '{' {
		return Award{}, jr.errAt(start, "", fmt.Errorf("%w: an award must be a JSON object, not %s", tip.ErrSyntax, jsonKind(raw)))
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.Token() // "{", valid: raw is one JSON value
	var seen [numSlots]bool
	for d.More() {
		keyStart := start + d.InputOffset()
		for keyStart < start+int64(len(raw)) && isJSONSpaceOrComma(raw[keyStart-start]) {
			keyStart++
		}
		tok, _ := d.Token()
		key, _ := tok.(string)
		var v json.RawMessage
		d.Decode(&v)
		valStart := start + d.InputOffset() - int64(len(v))
		s, ok := jsonSlot(key)
		if !ok {
			continue
		}
		if seen[s] {
			return Award{}, jr.errAt(keyStart, key, fmt.Errorf("%w: %q appears twice in one award", tip.ErrDuplicate, key))
		}
		seen[s] = true
		f := &rec.f[s]
		f.pos = jr.in.pos(valStart)
		if len(v) > MaxAwardCell {
			return Award{}, jr.errAt(valStart, key, fmt.Errorf("%w: a value of %d bytes, more than %d (MaxAwardCell)", ErrTooLong, len(v), MaxAwardCell))
		}
		switch {
		case string(v) == "null":
		case v[0] == '"':
			if !utf8.Valid(v) {
				return Award{}, jr.errAt(valStart, key, fmt.Errorf("%w: the value is not UTF-8 text", tip.ErrEncoding))
			}
			json.Unmarshal(v, &f.text) // valid: a JSON string
			if s == slotAmount {
				return Award{}, jr.errAt(valStart, key, fmt.Errorf("%w: %q is a string: want a JSON number, as the award search API writes amounts", tip.ErrAmount, clip(f.text)))
			}
			f.set = f.text != ""
		case s == slotAmount && (v[0] == '-' || '0' <= v[0] && v[0] <= '9'):
			f.text, f.set = string(v), true // a JSON number: parseAwardAmount reads its text
		default:
			want := "a string"
			if s == slotAmount {
				want = "a number"
			}
			return Award{}, jr.errAt(valStart, key, fmt.Errorf("%w: want %s or null, not %s", tip.ErrSyntax, want, jsonKind(v)))
		}
	}
	return buildAward(&rec, jr.src, jr.lax)
}

func isJSONSpaceOrComma(c byte) bool { return isJSONSpace(c) || c == ',' }

// jsonKind names the kind of a JSON value for an error message.
func jsonKind(v []byte) string {
	switch v[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// An emitter passes what a reader reads to its caller, and stops the read
// once tip.MaxErrors errors have been passed: the next becomes one error
// wrapping tip.ErrTooManyErrors.
type emitter[T any] struct {
	yield func(T, error) bool
	src   string
	errs  int
	done  bool
}

// ok passes v; it reports whether reading may go on.
func (e *emitter[T]) ok(v T) bool {
	if e.done {
		return false
	}
	e.done = !e.yield(v, nil)
	return !e.done
}

// fail passes err; it reports whether reading may go on.
func (e *emitter[T]) fail(err *tip.ParseError) bool {
	if e.done {
		return false
	}
	var zero T
	if e.errs == tip.MaxErrors {
		stop := tip.Errorf(e.src, err.Pos(), "", tip.ErrTooManyErrors, "stopped after %d errors; the input from here on was not read", tip.MaxErrors)
		e.yield(zero, stop)
		e.done = true
		return false
	}
	e.errs++
	e.done = !e.yield(zero, err)
	return !e.done
}
