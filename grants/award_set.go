package grants

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"iter"

	"github.com/tipkit/tipkit/tip"
)

// ReadAwards reads any of the three USAspending formats, told apart by
// content: a JSON value (an award search response) starts with "[" or
// "{"; a CSV header with federal_action_obligation or
// assistance_transaction_unique_key is a transaction download; another CSV
// header an award download. The set's Format says which it was. An input
// that is none of them is an error wrapping tip.ErrSyntax.
func ReadAwards(r io.Reader, opts tip.ParseOptions) (*AwardSet, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	switch f := sniffAwardFormat(br); f {
	case AwardSearchJSON:
		return ReadAwardsJSON(br, opts)
	case AwardDownloadCSV:
		return ReadAwardCSV(br, opts)
	case TransactionDownloadCSV:
		return ReadTransactionCSV(br, opts)
	}
	src := opts.SourceOr("awards")
	var errs tip.ErrorList
	errs.Add(tip.Errorf(src, tip.Position{Line: 1, Col: 1}, "", tip.ErrSyntax,
		"not a USAspending award file: want an award search JSON array, an award download CSV (award_id_fain, total_obligated_amount, …) or a transaction download CSV (federal_action_obligation, …)"))
	return &AwardSet{Source: src}, errs
}

// sniffAwardFormat looks at the start of br, without reading it, and says
// which format it is; AwardFormatUnknown when it is none.
func sniffAwardFormat(br *bufio.Reader) AwardFormat {
	b, _ := br.Peek(br.Size())
	b = bytes.TrimPrefix(b, utf8BOM)
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) == 0 {
		return AwardFormatUnknown
	}
	if b[0] == '[' || b[0] == '{' {
		return AwardSearchJSON
	}
	header, _, _ := bytes.Cut(b, []byte("\n"))
	for _, name := range []string{"federal_action_obligation", "assistance_transaction_unique_key"} {
		if bytes.Contains(header, []byte(name)) {
			return TransactionDownloadCSV
		}
	}
	for _, name := range []string{"total_obligated_amount", "assistance_award_unique_key", "award_id_fain"} {
		if bytes.Contains(header, []byte(name)) {
			return AwardDownloadCSV
		}
	}
	return AwardFormatUnknown
}

// collectAwards gathers what a Scan function yields into a set: the awards
// under AssistanceListing kept, the others counted, the errors listed.
func collectAwards(seq iter.Seq2[Award, error], src string, f AwardFormat) (*AwardSet, error) {
	set := &AwardSet{Source: src, Format: f}
	var errs tip.ErrorList
	for a, err := range seq {
		if err != nil {
			errs.Add(err.(*tip.ParseError))
			continue
		}
		if a.Listing != AssistanceListing {
			set.OtherListings++
			continue
		}
		set.Awards = append(set.Awards, a)
	}
	set.finish()
	return set, errs.Err()
}

// finish adds the findings about the set as a whole (an award ID on two
// records, records under other listings) and gathers every award's
// findings into Findings, sorted.
func (s *AwardSet) finish() {
	// USAspending's key tells awards apart where the FAIN does not (one
	// FAIN under two agencies); without a key, the FAIN.
	first := make(map[string]int, len(s.Awards))
	for i := range s.Awards {
		a := &s.Awards[i]
		key := a.Key
		if key == "" {
			key = a.ID
		}
		if j, dup := first[key]; dup {
			a.Findings = append(a.Findings, tip.Finding{Rule: RuleAwardDuplicate, Severity: tip.Warning, Source: s.Source, Pos: a.Pos, Subject: a.ID,
				Message: fmt.Sprintf("%s: the same award is also at %v: both records are kept and counted", a.ID, s.Awards[j].Pos)})
		} else {
			first[key] = i
		}
		s.Findings = append(s.Findings, a.Findings...)
	}
	if s.OtherListings > 0 {
		s.Findings = append(s.Findings, tip.Finding{Rule: RuleAwardOtherListings, Severity: tip.Info, Source: s.Source,
			Message: fmt.Sprintf("%d %s under assistance listings other than %s read and not kept", s.OtherListings, plural(s.OtherListings, "record was", "records were"), AssistanceListing)})
	}
	tip.SortFindings(s.Findings)
}

// Clone returns a deep copy of s: nothing the copy holds is shared with s,
// so that either can be changed without the other.
func (s *AwardSet) Clone() *AwardSet {
	c := *s
	c.Awards = make([]Award, len(s.Awards))
	for i, a := range s.Awards {
		a.Named = append([]tip.Country(nil), a.Named...)
		a.Findings = append([]tip.Finding(nil), a.Findings...)
		c.Awards[i] = a
	}
	c.Coverage = append([]YearCoverage(nil), s.Coverage...)
	c.Findings = append([]tip.Finding(nil), s.Findings...)
	return &c
}

// plural returns one or many as n is 1 or not.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
