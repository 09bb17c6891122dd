package grants

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse/parsetest"
)

// awardSentinelList are the sentinels an award reader's error may wrap.
var awardSentinelList = []error{tip.ErrSyntax, tip.ErrEncoding, tip.ErrAmount, tip.ErrDate, tip.ErrMissing, tip.ErrDuplicate,
	tip.ErrUnknownCountry, tip.ErrTooManyErrors, ErrCountryCode, ErrTooLong}

// checkAwardRead checks the properties every award read has, whatever the
// input: errors positioned inside it and wrapping a documented sentinel,
// at most tip.MaxErrors+1 of them; awards whose values agree with
// themselves; a lax read keeping every award a strict one keeps.
func checkAwardRead(t *testing.T, in []byte, read func([]byte, bool) (*AwardSet, error)) {
	lines := strings.Split(string(in), "\n")
	strict, serr := read(in, false)
	lax, lerr := read(in, true)
	for _, c := range []struct {
		s   *AwardSet
		err error
	}{{strict, serr}, {lax, lerr}} {
		if c.s == nil {
			t.Fatalf("nil set with error %v", c.err)
		}
		if c.err != nil {
			var list tip.ErrorList
			if !errors.As(c.err, &list) || len(list) == 0 || len(list) > tip.MaxErrors+1 {
				t.Fatalf("error %v (%T) is not a tip.ErrorList of 1 to %d", c.err, c.err, tip.MaxErrors+1)
			}
			for _, e := range list {
				// A column may point past a line by its line end: encoding/csv
				// counts it in a quoted field cut by the end of the input.
				if e.Line < 1 || e.Line > len(lines)+1 || e.Line <= len(lines) && e.Col > len(lines[e.Line-1])+2 {
					t.Fatalf("error %v at %v is outside the input (%d lines)", e, e.Pos(), len(lines))
				}
				wraps := 0
				for _, s := range awardSentinelList {
					if errors.Is(e, s) {
						wraps++
					}
				}
				if wraps != 1 {
					t.Fatalf("error %v wraps %d documented sentinels, want 1", e, wraps)
				}
			}
		}
		for _, a := range c.s.Awards {
			if a.Listing != AssistanceListing || a.ID == "" || !a.Amount.Equal(a.Amount.Round(2)) || a.FiscalYear != tip.FiscalYearOf(a.BaseDate) || !a.BaseDate.IsValid() {
				t.Fatalf("award %+v", a)
			}
			if (a.Place == PlaceCountry) != (a.Country != 0 && a.Place != PlaceGlobal) || a.Country != 0 && a.Country.GENC3() != a.CountryCode {
				t.Fatalf("award %s: place %v, country %v, code %q", a.ID, a.Place, a.Country, a.CountryCode)
			}
			if a.Pos.Line < 1 || a.Pos.Line > len(lines) {
				t.Fatalf("award %s at %v", a.ID, a.Pos)
			}
		}
		n := 0
		for _, a := range c.s.Awards {
			n += len(a.Findings)
		}
		if c.s.OtherListings > 0 {
			n++
		}
		if n != len(c.s.Findings) {
			t.Fatalf("%d findings on the awards and the set, %d in Findings", n, len(c.s.Findings))
		}
	}
	// What strict keeps, lax keeps: the same records, at the same places.
	at := map[tip.Position]bool{}
	for _, a := range lax.Awards {
		at[a.Pos] = true
	}
	for _, a := range strict.Awards {
		if !at[a.Pos] {
			t.Fatalf("strict keeps %s at %v, lax does not", a.ID, a.Pos)
		}
	}
	if len(lax.Awards) < len(strict.Awards) {
		t.Fatalf("lax keeps %d awards, strict %d", len(lax.Awards), len(strict.Awards))
	}
}

func FuzzReadAwardsJSON(f *testing.F) {
	parsetest.AddCorpus(f, "awards", ".json")
	head := awards19019[:bytes.Index(awards19019, []byte(`}, {"internal_id": 161363837`))+1]
	f.Add(append(append([]byte(nil), head...), ']'))
	f.Add([]byte("[" + award() + "," + award("Place of Performance Country Code", `"XKS"`) + "]"))
	f.Add([]byte(`{"results": [` + award("Award Amount", "1.5e3") + `], "x": [1]}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		checkAwardRead(t, in, func(b []byte, lax bool) (*AwardSet, error) {
			return ReadAwardsJSON(bytes.NewReader(b), tip.ParseOptions{Lax: lax})
		})
		// Read as ReadAwards reads it, when it is JSON, the same.
		if s, err := ReadAwards(bytes.NewReader(in), tip.ParseOptions{Lax: true}); s.Format == AwardSearchJSON {
			t2, err2 := ReadAwardsJSON(bytes.NewReader(in), tip.ParseOptions{Lax: true})
			if len(s.Awards) != len(t2.Awards) || (err == nil) != (err2 == nil) {
				t.Fatalf("ReadAwards and ReadAwardsJSON differ: %d, %v; %d, %v", len(s.Awards), err, len(t2.Awards), err2)
			}
		}
	})
}

func FuzzReadAwardCSV(f *testing.F) {
	parsetest.AddCorpus(f, "awards", ".csv")
	f.Add(readAwardsTestdata(f, "award_download.csv"))
	f.Add([]byte(csvHead + csvRow("SSJTIP21GR3017", "KEN", "2021-07-30", "1000000.00")))
	f.Fuzz(func(t *testing.T, in []byte) {
		checkAwardRead(t, in, func(b []byte, lax bool) (*AwardSet, error) {
			return ReadAwardCSV(bytes.NewReader(b), tip.ParseOptions{Lax: lax})
		})
		// Every row is an award, a row of another listing or an error.
		rows, errs := 0, 0
		for _, err := range ScanAwardCSV(bytes.NewReader(in), tip.ParseOptions{Lax: true}) {
			if err != nil {
				errs++
			} else {
				rows++
			}
		}
		s, _ := ReadAwardCSV(bytes.NewReader(in), tip.ParseOptions{Lax: true})
		if rows != len(s.Awards)+s.OtherListings {
			t.Fatalf("Scan yields %d awards, Read keeps %d and counts %d others", rows, len(s.Awards), s.OtherListings)
		}
	})
}

func FuzzReadTransactionCSV(f *testing.F) {
	parsetest.AddCorpus(f, "awards", "transaction-amount-grouped.csv")
	f.Add(readAwardsTestdata(f, "transaction_download.csv"))
	f.Add([]byte("award_id_fain,federal_action_obligation,action_date,cfda_number,primary_place_of_performance_country_code\nA,1,2021-07-30,19.019,KEN\nA,-1,2021-08-30,19.019,USA\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		checkAwardRead(t, in, func(b []byte, lax bool) (*AwardSet, error) {
			return ReadTransactionCSV(bytes.NewReader(b), tip.ParseOptions{Lax: lax})
		})
	})
}
