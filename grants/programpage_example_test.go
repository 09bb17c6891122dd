package grants_test

import (
	"fmt"
	"strings"

	"github.com/tipkit/tipkit/grants"
	"github.com/tipkit/tipkit/tip"
)

// The 2018 PDF text of the program page: letter-spaced headings, wrapped
// lines, a program list with » bullets, and a headline figure.
func ExampleParseProgramPage() {
	const page = `INTERNATIONAL PROGRAMS TO COMBAT TRAFFICKING IN PERSONS
Since 2001, the TIP Office has funded over 960 awards totaling more than $300 million
in more than 90 countries.
 » Bilateral and Regional: Multi-year projects that build capacity.
 » Emergency Victim Assistance: Short-term funding for victims.
`
	p, err := grants.ParseProgramPage(strings.NewReader(page))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, pr := range p.Programs {
		fmt.Printf("%s (%s) at %v\n", pr.Label, pr.Type, pr.Pos)
	}
	for _, f := range p.Facts {
		fmt.Printf("%s: %s %s, %d %s since %d\n", f.Kind, f.Qualifier, f.Amount, f.Count, f.CountOf, f.Since)
	}
	// Output:
	// Bilateral and Regional (bilateral-regional) at 4:2
	// Emergency Victim Assistance (eva) at 5:2
	// total: more than 300000000, 960 awards since 2001
}

// A lax parse reads what a strict one refuses, and notes it: here a
// program type tipkit does not know, and a misprinted country read through
// the errata.
func ExampleParseProgramPageWith() {
	const page = `# PROGRAMS
**Space Program:** rockets.

The following examples highlight the work of our grantees.

## PROTECTING CHILDREN
In **Tongo**, a grantee trains teachers.
`
	_, err := grants.ParseProgramPage(strings.NewReader(page))
	fmt.Println("strict:", err)
	p, err := grants.ParseProgramPageWith(strings.NewReader(page), tip.ParseOptions{Source: "programs.md", Lax: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("lax:", p.Highlights[0].Countries)
	for _, f := range p.Findings {
		fmt.Println(f.Pos, f.Rule)
	}
	// Output:
	// strict: page:2:1: unknown program type "Space Program" (and 1 more error)
	// lax: [Tonga]
	// 2:1 grants/program-type
	// 7:1 tip/erratum
}

// Highlights name their countries in bold (markdown) or in the opening
// phrase (PDF text); a paragraph may name several, or none.
func ExampleParseHighlights() {
	const page = `# INTERNATIONAL PROGRAMS TO COMBAT TRAFFICKING IN PERSONS
The following examples highlight the work of our grantees.

## PROVIDING AND EXPANDING VICTIM SERVICES
In **Ecuador, Colombia, and Peru**, a grantee is training shelter staff.

In the Democratic Republic of the Congo, a grantee supports survivors.

An NGO working in Africa and Asia is building referral networks.
`
	hs, err := grants.ParseHighlights(strings.NewReader(page))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, h := range hs {
		var codes []string
		for _, c := range h.Countries {
			codes = append(codes, c.ISO3())
		}
		fmt.Printf("%v %s [%s]\n", h.Pos, h.Theme, strings.Join(codes, " "))
	}
	// Output:
	// 5:1 PROVIDING AND EXPANDING VICTIM SERVICES [ECU COL PER]
	// 7:1 PROVIDING AND EXPANDING VICTIM SERVICES [COD]
	// 9:1 PROVIDING AND EXPANDING VICTIM SERVICES []
}

// Every dollar figure on the embedded pages is a typed fact with its
// position, or a finding.
func ExampleDefaultPages() {
	for _, e := range grants.DefaultPages() {
		for _, f := range e.Page.Facts {
			fmt.Printf("%s:%v %-5s %s %s\n", e.Name, f.Pos, f.Kind, f.Qualifier, f.Amount)
		}
	}
	// Output:
	// seed 001:7:656 total more than 265000000
	// seed 002:13:27 total more than 300000000
	// seed 004:12:117 award  600000
	// seed 004:15:134 prize  250000
	// seed 004:15:428 prize  20000
	// seed 004:19:119 total over 18000000
	// seed 004:22:71 award a total of 5000000
}

// Both pages' wordings read to one value.
func ExampleParseProgramType() {
	for _, s := range []string{"Global, Research, and Innovation", "Research and Innovation", "PROGRAM TO END MODERN SLAVERY (PEMS)", "cpc"} {
		p, err := grants.ParseProgramType(s)
		fmt.Printf("%-38q %-9s %s %v\n", s, p, p.Name(), err)
	}
	// Output:
	// "Global, Research, and Innovation"     research  Research and Innovation <nil>
	// "Research and Innovation"              research  Research and Innovation <nil>
	// "PROGRAM TO END MODERN SLAVERY (PEMS)" pems      Program to End Modern Slavery <nil>
	// "cpc"                                  cpc       Child Protection Compact Partnerships <nil>
}
