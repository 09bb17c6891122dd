package tip

import "strings"

// ByISO2 returns the entity whose ISO 3166-1 alpha-2 code is code ("MM",
// "XK", the withdrawn "AN" and "BU").
//
// Like every By function, it takes the system's current codes and the
// codes an entity held before (Burma's "BU" and "BUR", Sudan's numeric
// 736), in any case, without surrounding spaces, and answers false for a
// code no entity has and for a code two entities have held, rather than
// choose: "CS" was Czechoslovakia's and then Serbia and Montenegro's, "YU"
// and "YUG" both Yugoslavias'. For those, [ByISO4] takes the ISO 3166-3
// code ("CSHH", "CSXX", "YUCS"). A code means different things in
// different systems (4 is Afghanistan's ISO numeric code and nobody's COW
// code; 2 is the United States in COW), which is why each system has its
// own function and [LookupCountry] accepts only letter codes.
func ByISO2(code string) (Country, bool) { return byLetters(loadTable().iso2, code) }

// ByISO3 returns the entity whose ISO 3166-1 alpha-3 code is code ("MMR",
// "XKX", the withdrawn "SCG" and "BUR"). Every entity ISO codes gives its
// [Country.ISO3] back: ByISO3(c.ISO3()) is c, except for the Socialist
// Federal Republic of Yugoslavia, whose "YUG" the Federal Republic held
// too.
func ByISO3(code string) (Country, bool) { return byLetters(loadTable().iso3, code) }

// ByISO4 returns the entity whose ISO 3166-3 four-letter code is code: the
// code of a withdrawn entry, which ISO never reuses ("CSXX" Serbia and
// Montenegro, "CSHH" Czechoslovakia, "YUCS" Yugoslavia, "SUHH" the Soviet
// Union).
func ByISO4(code string) (Country, bool) { return byLetters(loadTable().iso4, code) }

// ByGENC returns the entity whose GENC three-letter code is code: "XKS" is
// Kosovo (ISO's user-assigned "XKX" is not a GENC code), "XWB" the West
// Bank, "AX2" the Guantanamo Bay Naval Base.
func ByGENC(code string) (Country, bool) { return byLetters(loadTable().genc3, code) }

// ByISONumeric returns the entity whose ISO 3166-1 numeric code is n (104
// Burma; 4, as a number, Afghanistan), including withdrawn ones (891
// Serbia and Montenegro, 736 Sudan before 2011).
func ByISONumeric(n int) (Country, bool) { return byNumber(loadTable().numeric, n) }

// ByM49 returns the entity whose UN M49 area code is n. M49 equals ISO
// numeric for every entity that has both; Taiwan (ISO 158) has none.
func ByM49(n int) (Country, bool) { return byNumber(loadTable().m49, n) }

// ByCOW returns the entity that held the Correlates of War state code in
// the calendar year: ByCOW(345, 1995) is Serbia and Montenegro, ByCOW(345,
// 2010) Serbia, ByCOW(260, 1980) Germany (the German Federal Republic). A
// year of a change, which both holders share, is false (345 in 1992 or
// 2006). Year 0 means any year, and answers only for a code one entity
// has ever held: ByCOW(775, 0) is Burma, ByCOW(345, 0) is false.
func ByCOW(code, year int) (Country, bool) {
	var found Country
	for _, h := range loadTable().cow[code] {
		if year != 0 && !h.years.contains(year) || h.c == found {
			continue
		}
		if found != 0 {
			return 0, false
		}
		found = h.c
	}
	return found, found != 0
}

// byLetters looks a letter code up in upper case, without allocating.
func byLetters(m map[string]Country, code string) (Country, bool) {
	code = strings.TrimSpace(code)
	var buf [4]byte
	if len(code) > len(buf) {
		return 0, false
	}
	for i := 0; i < len(code); i++ {
		b := code[i]
		if 'a' <= b && b <= 'z' {
			b -= 'a' - 'A'
		}
		buf[i] = b
	}
	c := m[string(buf[:len(code)])]
	return c, c != 0
}

func byNumber(m map[int]Country, n int) (Country, bool) {
	c := m[n]
	return c, c != 0
}
