package grants

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse/parsetest"
	"github.com/tipkit/tipkit/tip/text"
)

// listingSentinels are the errors ParseWith documents: every error it
// returns wraps one of them.
var listingSentinels = []error{tip.ErrSyntax, tip.ErrEncoding, tip.ErrUnknownCountry, tip.ErrAmbiguousCountry, tip.ErrMissing,
	tip.ErrDuplicate, tip.ErrAmount, tip.ErrDate, tip.ErrTooManyErrors}

// Properties, over strict and lax: every error is a positioned
// *tip.ParseError inside the input that wraps a documented sentinel, and
// so is every finding's position; strict success implies lax success with
// the same projects, and lax never keeps fewer; Scan yields what ParseLax
// returns; and Format → ParseLax gives back the projects and the header,
// and formats again to the same bytes.
func FuzzParse(f *testing.F) {
	parsetest.AddCorpus(f, "grants", ".txt")
	seed := readSeed000(f)
	f.Add(seed[:6000])
	f.Add([]byte("Africa\n\nCountries: Kenya\nImplementer: IOM\nAmount: $5\nAmount: x\nEnd Date: 2/30/2023\n\nCountry: Seychelle\n"))
	f.Add([]byte("Global\r\rCountries: Regional – Kenya,\r  Ugnada, and MENA\rImplementer: IOM\rAmount: $5\r"))
	rules := append(AllRuleIDs(), tip.ErratumRule)
	f.Fuzz(func(t *testing.T, in []byte) {
		lines := parsetest.SplitLines(in)
		strict, serr := Parse(bytes.NewReader(in))
		lax, lerr := ParseLax(bytes.NewReader(in))
		lines.CheckResult(t, serr, strict.Findings, listingSentinels, rules)
		lines.CheckResult(t, lerr, lax.Findings, listingSentinels, rules)
		if len(lax.Projects) < len(strict.Projects) {
			t.Fatalf("lax %d projects < strict %d", len(lax.Projects), len(strict.Projects))
		}
		if serr == nil {
			if lerr != nil {
				t.Fatalf("strict ok, lax failed: %v", lerr)
			}
			if d := cmp.Diff(strict.Projects, lax.Projects); d != "" {
				t.Fatalf("strict and lax read the same input to different projects (-strict +lax):\n%s", d)
			}
		}
		var scanned []Project
		for p, err := range Scan(bytes.NewReader(in)) {
			if err == nil {
				scanned = append(scanned, p)
			}
		}
		if !errors.Is(lerr, tip.ErrTooManyErrors) {
			if d := cmp.Diff(lax.Projects, scanned, cmpopts.EquateEmpty()); d != "" {
				t.Fatalf("Scan and ParseLax differ (-ParseLax +Scan):\n%s", d)
			}
		}
		for _, p := range lax.Projects {
			if p.Amount.IsNegative() || !lines.Contains(p.Pos) {
				t.Errorf("project at %v: amount %v", p.Pos, p.Amount)
			}
		}
		// Format → parse is stable.
		var buf bytes.Buffer
		if err := Format(&buf, lax); err != nil {
			t.Fatal(err)
		}
		back, berr := ParseLax(bytes.NewReader(buf.Bytes()))
		if berr != nil && (len(lax.Projects) > 0 || !lax.AsOf.IsZero()) {
			// Only headings that no record follows read as nothing.
			t.Fatalf("reparse of Format output: %v\n%s", berr, buf.String())
		}
		if d := cmp.Diff(lax.Projects, back.Projects, cmpopts.IgnoreTypes(tip.Position{}), cmpopts.EquateEmpty()); d != "" {
			t.Fatalf("format → parse changed the projects (-want +got):\n%s\nformatted:\n%s", d, buf.String())
		}
		if back.AsOf != lax.AsOf || back.ClaimedProjects != lax.ClaimedProjects || back.ClaimedCountries != lax.ClaimedCountries || !back.ClaimedAmount.Equal(lax.ClaimedAmount) {
			t.Fatalf("format → parse changed the header: %+v", back)
		}
		var again bytes.Buffer
		if err := Format(&again, back); err != nil || (berr == nil && again.String() != buf.String()) {
			t.Fatalf("Format(Parse(Format(l))) differs from Format(l): %v\n%s\n---\n%s", err, buf.String(), again.String())
		}
	})
}

// Properties of the header: readHeader never reads past the line, its
// errors are at columns of the line; a header it reads without error,
// written again by Format's header, reads back to the same claims.
func FuzzHeader(f *testing.F) {
	f.Add("As of October 1, 2021, the TIP Office manages 110 bilateral, regional, and global anti-trafficking projects in over 95 countries worth more than $245 million in total.")
	f.Add("As of February 30, 2021, the TIP Office manages 1 projects in 2 countries worth $1.2.3")
	f.Add("As of May 9, 2020, the TIP Office manages 99999999999999999999 projects in more than 3 countries worth over $1,000.5 billion")
	f.Fuzz(func(t *testing.T, line string) {
		if text.Invalid([]byte(line)) > 0 || strings.ContainsAny(line, "\r\n") {
			return // the scanner gives readHeader lines of text
		}
		var l Listing
		ok, errs := readHeader(line, tip.Position{Line: 1, Col: 1}, "listing", &l)
		for _, e := range errs {
			if e.Col < 1 || e.Col > len(line) {
				t.Errorf("%v: column outside the line", e)
			}
		}
		if !ok || len(errs) > 0 || l.AsOf.IsZero() {
			return
		}
		h, err := header(&l)
		if err != nil {
			t.Fatalf("header(%+v): %v", l, err)
		}
		var back Listing
		if ok, errs := readHeader(h, tip.Position{Line: 1, Col: 1}, "listing", &back); !ok || len(errs) > 0 {
			t.Fatalf("header %q reads back with %v", h, errs)
		}
		if back.AsOf != l.AsOf || back.ClaimedProjects != l.ClaimedProjects || back.ClaimedCountries != l.ClaimedCountries || !back.ClaimedAmount.Equal(l.ClaimedAmount) {
			t.Fatalf("%q → %q: %+v, want %+v", line, h, back, l)
		}
	})
}

// BenchmarkScan runs the streaming parser over seed 000 repeated 1, 10,
// 100 and 1000 times: MB/s that stays flat or rises across the family
// shows the parser is linear. ns/record and allocs/record are per record.
func BenchmarkScan(b *testing.B) {
	in := readSeed000(b)
	for _, n := range []int{1, 10, 100, 1000} {
		data := bytes.Repeat(in, n)
		b.Run(fmt.Sprintf("seedx%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			records := 0
			for b.Loop() {
				records += scanAll(b, data)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(records), "ns/record")
		})
	}
}

// scanAll scans a listing that must read without error, and returns its
// number of records.
func scanAll(b *testing.B, data []byte) int {
	records := 0
	for _, err := range Scan(bytes.NewReader(data)) {
		if err != nil {
			b.Fatal(err)
		}
		records++
	}
	return records
}

// BenchmarkParseLax is the whole-listing reader, findings and all, on the
// same inputs: what ParseLax costs beyond Scan.
func BenchmarkParseLax(b *testing.B) {
	in := readSeed000(b)
	for _, n := range []int{1, 1000} {
		data := bytes.Repeat(in, n)
		b.Run(fmt.Sprintf("seedx%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParseLax(bytes.NewReader(data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkReadFloor is what any reader of the listing pays before it
// parses anything, on seed 000 ×1000: lines read (text.LineReader),
// checked for invalid text, cleaned of odd spaces and made strings. Scan's
// MB/s over this one's is the share of its time spent parsing.
func BenchmarkReadFloor(b *testing.B) {
	data := bytes.Repeat(readSeed000(b), 1000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		lr := text.NewLineReader(bytes.NewReader(data))
		n := 0
		for lr.Next() {
			if text.Invalid(lr.Bytes()) > 0 {
				b.Fatal("invalid text in seed 000")
			}
			n += len(strings.TrimSpace(text.Clean(string(lr.Bytes()))))
		}
		if n == 0 {
			b.Fatal("nothing read")
		}
	}
}

// BenchmarkScanPeer compares Scan with the regex-per-line Python script of
// testdata/peer (see its README) on the same bytes, seed 000 ×1000, in the
// same run: each side's best pass (the script's of five, Scan's of its
// passes before and after the script's). The requirement is Scan at least
// 5× the script. Skipped without python3.
func BenchmarkScanPeer(b *testing.B) {
	python, err := exec.LookPath("python3")
	if err != nil {
		b.Skip("no python3")
	}
	const reps = 1000
	data := bytes.Repeat(readSeed000(b), reps)
	b.SetBytes(int64(len(data)))
	best := time.Duration(1 << 62)
	scan := func() {
		t0 := time.Now()
		if scanAll(b, data) != 84*reps {
			b.Fatal("records lost")
		}
		best = min(best, time.Since(t0))
	}
	for b.Loop() {
		scan()
	}
	b.StopTimer()
	out, err := exec.Command(python, filepath.Join("testdata", "peer", "grants_peer.py"), seed000, strconv.Itoa(reps)).Output()
	if err != nil {
		b.Fatalf("peer: %v", err)
	}
	// Scan again after the script's passes, so that a machine whose load
	// changes meanwhile gives both sides a chance at the quiet moments.
	for range 3 {
		scan()
	}
	// The script prints: records, total, best seconds, characters read.
	f := strings.Fields(string(out))
	if len(f) != 4 || f[0] != strconv.Itoa(84*reps) || f[3] != strconv.Itoa(utf8.RuneCount(data)) {
		b.Fatalf("peer printed %q", out)
	}
	secs, err := strconv.ParseFloat(f[2], 64)
	if err != nil {
		b.Fatal(err)
	}
	mb := float64(len(data)) / 1e6
	b.ReportMetric(mb/best.Seconds(), "scan-MB/s")
	b.ReportMetric(mb/secs, "peer-MB/s")
	b.ReportMetric(secs/best.Seconds(), "scan/peer")
}
