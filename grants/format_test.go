package grants

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip"
)

// Format then Parse gives back the projects, and the formatted listing is
// clean: the strict parser accepts it where the seed's mess was fixed
// (only the region terms that name no country remain errors).
func TestFormatRoundTrip(t *testing.T) {
	l := Default()
	var buf bytes.Buffer
	if err := Format(&buf, l); err != nil {
		t.Fatal(err)
	}
	back, err := ParseLax(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(l.Projects, back.Projects, cmpopts.IgnoreTypes(tip.Position{})); d != "" {
		t.Errorf("round trip (-want +got):\n%s", d)
	}
	if d := cmp.Diff(l.Sections, back.Sections); d != "" {
		t.Errorf("sections (-want +got):\n%s", d)
	}
	if back.AsOf != l.AsOf || back.ClaimedProjects != 110 || !back.ClaimedAmount.Equal(l.ClaimedAmount) {
		t.Errorf("header: %v %d %v", back.AsOf, back.ClaimedProjects, back.ClaimedAmount)
	}
	var again bytes.Buffer
	Format(&again, back)
	if again.String() != buf.String() {
		t.Error("Format(Parse(Format(l))) differs from Format(l)")
	}
}

func TestFormatByHand(t *testing.T) {
	l := &Listing{Projects: []Project{{
		Section: "Africa", Countries: []tip.Country{tip.MustLookupCountry("Congo, Republic of the"), tip.MustLookupCountry("Gabon")},
		Label: "Regional Project", Implementer: Implementer{Name: "World Vision"}, Amount: tip.MustParseUSD("$1,000.50"), EndDate: tip.MustParseDate("2024-09-30"),
	}}}
	var buf bytes.Buffer
	Format(&buf, l)
	want := "Africa\n\nCountries: Regional Project – (COG, Gabon)\nImplementer: World Vision\nAmount: $1,000.50\nEnd Date: 9/30/2024\n\n"
	if buf.String() != want {
		t.Errorf("Format = %q\nwant     %q", buf.String(), want)
	}
	back, err := Parse(strings.NewReader(buf.String()))
	if err != nil || len(back.Projects) != 1 || len(back.Projects[0].Countries) != 2 {
		t.Errorf("Parse(Format) = %v, %v", back, err)
	}
}

// Format refuses what Parse would not read back as the same value (issue
// 20 item 10), and says which project.
func TestFormatRefuses(t *testing.T) {
	ok := Project{Section: "Africa", Places: "Kenya", Countries: []tip.Country{tip.MustLookupCountry("Kenya")},
		Implementer: Implementer{Name: "World Vision"}, Amount: tip.MustParseUSD("$5"), EndDate: tip.MustParseDate("9/30/2023")}
	tests := []struct {
		name string
		edit func(*Listing)
		want error
	}{
		{"item 10: amount finer than a cent", func(l *Listing) { l.Projects[0].Amount = decimal.RequireFromString("1.005") }, tip.ErrAmount},
		{"negative amount", func(l *Listing) { l.Projects[0].Amount = decimal.NewFromInt(-5) }, tip.ErrAmount},
		{"item 10: End Date in year 1", func(l *Listing) { l.Projects[0].EndDate = tip.MakeDate(1, 9, 30) }, tip.ErrDate},
		{"as-of date in year 1", func(l *Listing) { l.AsOf = tip.MakeDate(1, 10, 1) }, tip.ErrDate},
		{"claimed amount finer than a cent", func(l *Listing) {
			l.AsOf, l.ClaimedAmount = tip.MustParseDate("2021-10-01"), decimal.RequireFromString("0.001")
		}, tip.ErrAmount},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := &Listing{Projects: []Project{ok}}
			if err := Format(io.Discard, l); err != nil {
				t.Fatalf("Format of a good listing: %v", err)
			}
			tt.edit(l)
			if err := Format(io.Discard, l); !errors.Is(err, tt.want) {
				t.Errorf("Format error %v, want %v", err, tt.want)
			}
		})
	}
}
