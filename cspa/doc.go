// Package cspa models the Child Soldiers Prevention Act (CSPA): the list
// of governments the TIP Report names each year, the child-soldier
// definition, the assistance the Act bars in the following fiscal year,
// and the waivers that lift it, wholly or in part.
//
// The TIP Report prints the list as bullets after an introducing line:
//
//	The 2023 CSPA List Includes Governments of the following countries:
//
//	  • Afghanistan
//	  • Democratic Republic of the Congo
//	  • Türkiye
//
// ParseList reads it into a List of tip.Country values with positions.
// Parse405c reads the annual report under section 405(c): the countries in
// violation (Section 1), those for which nothing was planned (Section 2),
// the waivers with their date and authorities (Section 3: "waive in part …
// with respect to Somalia and Yemen to allow for the provision of IMET and
// PKO assistance and support provided pursuant to 10 U.S.C. 333"), and the
// assistance provided under them to the cent (Section 5).
//
// The list of report year Y bars assistance in fiscal year Y+1, which
// starts on October 1 of Y. Prohibited applies that rule:
//
//	d := cspa.Default()
//	for _, r := range d.Prohibited(tip.MustLookupCountry("Russia"), 2023) {
//		fmt.Println(r.Authority, r.Lift) // DCS lifted in part: solely for the International Space Station
//	}
//
// Default embeds the lists of 2010–2025 with each year's status (full,
// partial, not found), so a country missing from a partial list is
// "unknown", not "not listed".
package cspa
