package grants

import (
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/tipkit/tipkit/tip"
)

// The 2021 listing against the embedded record: the matches a reader can
// check by hand, the ambiguities reported as such, and every award
// accounted for.
func TestReconcileDefault(t *testing.T) {
	l, s := Default(), DefaultAwards()
	r := Reconcile(l, s)
	if len(r.Projects) != len(l.Projects) || r.AsOf != l.AsOf {
		t.Fatalf("%d matches for %d projects", len(r.Projects), len(l.Projects))
	}
	find := func(places, implementer string, amount string) ProjectMatch {
		t.Helper()
		for _, m := range r.Projects {
			p := l.Projects[m.Project]
			if p.Places == places && p.Implementer.Key() == implementer && p.Amount.Equal(decimal.RequireFromString(amount)) {
				return m
			}
		}
		t.Fatalf("no project %s %s %s", places, implementer, amount)
		return ProjectMatch{}
	}
	awardID := func(m ProjectMatch) string {
		if m.Award < 0 {
			return ""
		}
		return s.Awards[m.Award].ID
	}
	for _, c := range []struct {
		places, implementer, amount string
		award                       string
		confidence                  MatchConfidence
		ambiguous                   bool
		reason                      string
	}{
		{"Burkina Faso", "Plan International USA", "2075000", "SSJTIP21GR3007", MatchHigh, false, "the amount to the dollar, the only award in Burkina Faso"},
		{"Kenya", "LWOB", "1000000", "SSJTIP21GR3017", MatchHigh, false, "a bilateral project and award; the Eastern Africa project also names Kenya but fits less well"},
		{"Regional – Malaysia and the Philippines", "IJM", "1000000", "SSJTIP21GR3012", MatchHigh, false, "the award's description names Malaysia too"},
		{"The Philippines", "IJM", "1000000", "SSJTIP21GR3005", MatchHigh, false, "the other Philippine award of $1,000,000 names the Philippines only"},
		{"Laos", "TAF", "1000000", "", MatchNone, true, "two Lao awards of $1,000,000 and two such projects: a guess either way"},
		{"Laos", "IOM", "1000000", "", MatchNone, true, "the same tie"},
		{"Regional Project – Guatemala, Honduras, and Mexico", "CHI", "3967000", "SSJTIP21GR3020", MatchHigh, false, "Covenant House International is named in the description"},
	} {
		m := find(c.places, c.implementer, c.amount)
		if got := awardID(m); got != c.award || m.Confidence != c.confidence || m.Ambiguous != c.ambiguous {
			t.Errorf("%s %s: award %q %v ambiguous %v; want %q %v %v (%s)", c.places, c.implementer, got, m.Confidence, m.Ambiguous, c.award, c.confidence, c.ambiguous, c.reason)
		}
	}
	m := find("Laos", "TAF", "1000000")
	if len(m.Candidates) < 2 || m.Candidates[0].Score != m.Candidates[1].Score || !slices.Contains([]string{m.Candidates[0].ID, m.Candidates[1].ID}, "SSJTIP20GR0003") {
		t.Errorf("Laos TAF candidates %+v", m.Candidates)
	}
	for _, m := range r.Projects {
		for _, id := range []string{"IOM", "UNODC"} {
			if l.Projects[m.Project].Places == "Eastern Africa Region – (Burundi, Comoros, Djibouti, Eritrea, Ethiopia, Kenya, Madagascar, Mauritius, Rwanda, Seychelle, Somalia, Tanzania, and Uganda)" &&
				l.Projects[m.Project].Implementer.Key() == id && awardID(m) == "SSJTIP21GR3017" {
				t.Errorf("the Eastern Africa project took Kenya's bilateral award")
			}
		}
	}

	// Every award is matched once, held back by a tie, unmatched, or after
	// the listing's date; no candidate is after the listing's date or
	// lacks place evidence.
	seen := map[int]string{}
	held := map[int]bool{}
	for _, m := range r.Projects {
		if m.Award >= 0 {
			if prev, dup := seen[m.Award]; dup {
				t.Errorf("award %s matched twice (%s)", s.Awards[m.Award].ID, prev)
			}
			seen[m.Award] = l.Projects[m.Project].Places
			if m.Ambiguous || m.Confidence == MatchNone {
				t.Errorf("project %d: award %d, ambiguous %v, %v", m.Project, m.Award, m.Ambiguous, m.Confidence)
			}
		}
		if m.Ambiguous {
			top := m.Candidates[0].Score
			for _, c := range m.Candidates {
				if c.Score == top {
					held[c.Award] = true
				}
			}
		}
		if m.Award < 0 && !m.Ambiguous && len(m.Candidates) > 0 && m.Note == "" {
			t.Errorf("project %d has candidates, no match and no note", m.Project)
		}
		for i, c := range m.Candidates {
			a := s.Awards[c.Award]
			if a.BaseDate.After(l.AsOf) || c.ID != a.ID || len(c.Evidence) != len(c.Reasons) {
				t.Errorf("candidate %+v", c)
			}
			if !slices.ContainsFunc(c.Evidence, func(e string) bool { return e == "country" || e == "named" || e == "global" }) {
				t.Errorf("candidate %s has no place evidence: %v", c.ID, c.Evidence)
			}
			if i > 0 && c.Score > m.Candidates[i-1].Score {
				t.Errorf("candidates of project %d not best first", m.Project)
			}
		}
	}
	after := 0
	for _, a := range s.Awards {
		if a.BaseDate.After(l.AsOf) {
			after++
		}
	}
	matched := len(seen)
	if r.After != after || matched+len(r.Unmatched)+r.After+countHeld(held, seen) != len(s.Awards) {
		t.Errorf("%d matched + %d unmatched + %d after + %d held back != %d awards", matched, len(r.Unmatched), r.After, countHeld(held, seen), len(s.Awards))
	}
}

func countHeld(held map[int]bool, matched map[int]string) int {
	n := 0
	for a := range held {
		if _, ok := matched[a]; !ok {
			n++
		}
	}
	return n
}

// Reconcile on small records: each rule on its own.
func TestReconcileRules(t *testing.T) {
	project := func(places string, amount int64, end string) Project {
		p := Project{Places: places, Amount: decimal.New(amount, 0), EndDate: tip.MustParseDate(end), Implementer: Implementer{Name: "International Organization for Migration", Acronym: "IOM"}}
		for _, name := range strings.Split(places, ", ") {
			if c, err := tip.LookupCountry(name); err == nil {
				p.Countries = append(p.Countries, c)
			}
		}
		return p
	}
	l := &Listing{AsOf: tip.MustParseDate("2021-10-01")}
	l.Projects = []Project{
		project("Kenya", 1000000, "9/30/2023"),   // 0: one exact award
		project("Nepal", 500000, "9/30/2023"),    // 1: awarded after the listing's date only
		project("Ghana", 750000, "9/30/2018"),    // 2: ended before its award began
		project("Peru", 600000, "9/30/2023"),     // 3: two equal awards: ambiguous
		project("", 800000, "9/30/2023"),         // 4: global, exact
		project("Jordan", 400000, "9/30/2023"),   // 5: only the implementer named, near no amount
		project("Morocco", 950000, "9/30/2023"),  // 6: near amount only
		project("Tunisia", 1000000, "9/30/2023"), // 7: no award in Tunisia
	}
	s := readSet(t,
		award("Award ID", `"K"`, "Award Amount", "1000000.0", "Base Obligation Date", `"2021-01-10"`, "Place of Performance Country Code", `"KEN"`),
		award("Award ID", `"N"`, "Award Amount", "500000.0", "Base Obligation Date", `"2022-01-10"`, "Place of Performance Country Code", `"NPL"`),
		award("Award ID", `"G"`, "Award Amount", "750000.0", "Base Obligation Date", `"2019-01-10"`, "Place of Performance Country Code", `"GHA"`),
		award("Award ID", `"P1"`, "Award Amount", "600000.0", "Base Obligation Date", `"2021-01-10"`, "Place of Performance Country Code", `"PER"`),
		award("Award ID", `"P2"`, "Award Amount", "600000.0", "Base Obligation Date", `"2021-01-10"`, "Place of Performance Country Code", `"PER"`),
		award("Award ID", `"U"`, "Award Amount", "800000.0", "Base Obligation Date", `"2021-01-10"`, "Place of Performance Country Code", `"USA"`),
		award("Award ID", `"J"`, "Award Amount", "100.0", "Base Obligation Date", `"2021-01-10"`, "Place of Performance Country Code", `"JOR"`, "Description", `"IOM WILL HELP"`),
		award("Award ID", `"M"`, "Award Amount", "1000000.0", "Base Obligation Date", `"2021-01-10"`, "Place of Performance Country Code", `"MAR"`),
	)
	r := Reconcile(l, s)
	want := []struct {
		award      string
		confidence MatchConfidence
		ambiguous  bool
		candidates int
	}{
		{"K", MatchHigh, false, 1},
		{"", MatchNone, false, 0},
		{"", MatchNone, false, 0},
		{"", MatchNone, true, 2},
		{"U", MatchMedium, false, 1},
		{"J", MatchLow, false, 1},
		{"M", MatchLow, false, 1},
		{"", MatchNone, false, 0},
	}
	for i, w := range want {
		m := r.Projects[i]
		got := ""
		if m.Award >= 0 {
			got = s.Awards[m.Award].ID
		}
		if got != w.award || m.Confidence != w.confidence || m.Ambiguous != w.ambiguous || len(m.Candidates) != w.candidates {
			t.Errorf("project %d (%s): %q %v ambiguous %v, %d candidates; want %q %v %v %d", i, l.Projects[i].Places, got, m.Confidence, m.Ambiguous, len(m.Candidates), w.award, w.confidence, w.ambiguous, w.candidates)
		}
	}
	if r.After != 1 || len(r.Unmatched) != 1 || s.Awards[r.Unmatched[0]].ID != "G" {
		t.Errorf("after %d, unmatched %v", r.After, r.Unmatched)
	}
}
