package tiers

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tipkit/tipkit/tip"
)

// TestCorrect applies one row of a corrections table to a hand-made 2023
// in which Montenegro is printed on two tiers, as seed 003 prints it: each
// change, and each way a row stops fitting the data, which must be an
// error rather than a silent no-op.
func TestCorrect(t *testing.T) {
	mne, dom := tip.MustLookupCountry("Montenegro"), tip.MustLookupCountry("Dominican Republic")
	seed := []Placement{
		{Country: mne, Name: "Montenegro", Year: 2023, Tier: Tier2, Source: SeedSource, Pos: tip.Position{Line: 900, Col: 7}},
		{Country: mne, Name: "Montenegro", Year: 2023, Tier: Tier2WatchList, Source: SeedSource, Pos: tip.Position{Line: 950, Col: 7}},
	}
	type placed struct {
		Country tip.Country
		Tier    Tier
		Basis   Basis
		Source  string
		Line    int
	}
	tests := []struct {
		name    string
		row     string
		want    []placed // the year's placements after the change
		finding string   // the finding's place and message
		wantErr error
	}{
		{name: "drop keeps the other tier",
			row:     "2023|drop|Tier 2|Montenegro||evidence",
			want:    []placed{{mne, Tier2WatchList, BasisUnknown, SeedSource, 950}},
			finding: "seed 003:900:7: 2023: Montenegro is printed on Tier 2 and on Tier 2 Watch List; the history keeps the Tier 2 Watch List placement only"},
		{name: "take reads the file's row with its basis and place",
			row:     "2023|take years/2023.txt|Tier 2 Watch List|Dominican Republic||evidence",
			want:    []placed{{mne, Tier2, BasisUnknown, SeedSource, 900}, {mne, Tier2WatchList, BasisUnknown, SeedSource, 950}, {dom, Tier2WatchList, BasisTranscribed, "years/2023.txt", 155}},
			finding: "years/2023.txt:155:19: 2023: Dominican Republic is missing from seed 003; the history places it on Tier 2 Watch List, as years/2023.txt does"},
		{name: "add at the row",
			row:     "2023|add|Tier 2|Dominican Republic|observed|evidence",
			want:    []placed{{mne, Tier2, BasisUnknown, SeedSource, 900}, {mne, Tier2WatchList, BasisUnknown, SeedSource, 950}, {dom, Tier2, BasisObserved, "corrections.txt", 1}},
			finding: "corrections.txt:1:17: 2023: Dominican Republic is missing from seed 003; the history places it on Tier 2"},

		{name: "drop of a tier the country is not on", row: "2023|drop|Tier 3|Montenegro||evidence", wantErr: tip.ErrMissing},
		{name: "drop of a country placed once", row: "2023|drop|Tier 2|Dominican Republic||evidence", wantErr: tip.ErrMissing},
		{name: "drop with a basis", row: "2023|drop|Tier 2|Montenegro|observed|evidence", wantErr: ErrBasis},
		{name: "take from a file with no basis", row: "2023|take years/1999.txt|Tier 2 Watch List|Dominican Republic||evidence", wantErr: tip.ErrMissing},
		{name: "take of a row the file does not have", row: "2023|take years/2023.txt|Tier 3|Dominican Republic||evidence", wantErr: tip.ErrMissing},
		{name: "take of a country already placed", row: "2023|take years/2023.txt|Tier 2 Watch List|Montenegro||evidence", wantErr: tip.ErrDuplicate},
		{name: "add with no basis", row: "2023|add|Tier 2|Dominican Republic||evidence", wantErr: ErrBasis},
		{name: "add of a country already placed", row: "2023|add|Tier 2|Montenegro|observed|evidence", wantErr: tip.ErrDuplicate},
		{name: "merge of rows not there", row: "2023|merge Serbia + Montenegro|Tier 2|Serbia and Montenegro|observed|evidence", wantErr: tip.ErrMissing},
		{name: "an unknown change", row: "2023|swap|Tier 2|Montenegro||evidence", wantErr: tip.ErrSyntax},
		{name: "a year the history lacks", row: "2024|drop|Tier 2|Montenegro||evidence", wantErr: tip.ErrMissing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &builder{h: &History{Years: []Year{{Year: 2023, Placements: append([]Placement(nil), seed...), Sources: []string{SeedSource}}}}}
			if err := b.readBasis(); err != nil {
				t.Fatal(err)
			}
			err := b.correct("corrections.txt", []byte(tt.row))
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("correct(%q) = %v, want an error wrapping %v", tt.row, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("correct(%q): %v", tt.row, err)
			}
			var got []placed
			for _, p := range b.h.Years[0].Placements {
				got = append(got, placed{p.Country, p.Tier, p.Basis, p.Source, p.Pos.Line})
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("correct(%q) placements mismatch (-want +got):\n%s", tt.row, d)
			}
			if len(b.h.Findings) != 1 {
				t.Fatalf("correct(%q): %d findings, want 1", tt.row, len(b.h.Findings))
			}
			f := b.h.Findings[0]
			if got := f.Source + ":" + f.Pos.String() + ": " + f.Message; got != tt.finding || f.Rule != string(RuleCorrection) || !strings.Contains(f.Citation, "evidence") {
				t.Errorf("correct(%q) finding = %s %q [%s], want %s %q", tt.row, f.Rule, got, f.Citation, RuleCorrection, tt.finding)
			}
		})
	}
}
