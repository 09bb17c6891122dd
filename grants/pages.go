package grants

import (
	"bytes"
	"embed"
	"slices"
	"sync"

	"github.com/tipkit/tipkit/tip"
)

//go:embed data/pages/*.md data/pages/*.txt
var pageFS embed.FS

// An EmbeddedPage is one TIP Office program or announcement page that tipkit
// carries, parsed.
type EmbeddedPage struct {
	Name  string       // "seed 001", the name findings and positions refer to
	File  string       // the embedded file: "data/pages/001_programs.md"
	About string       // what the page is
	Page  *ProgramPage // the page as ParseProgramPageWith reads it, laxly
}

var embeddedPages = []struct{ name, file, about string }{
	{"seed 001", "data/pages/001_programs.md", "TIP Office program page (current wording, markdown)"},
	{"seed 002", "data/pages/002_programs_2018.txt", "TIP Office program page (2018 PDF wording)"},
	{"seed 004", "data/pages/004_announcements.txt", "TIP Office award announcements"},
}

var defaultPages = sync.OnceValue(func() []EmbeddedPage {
	out := make([]EmbeddedPage, 0, len(embeddedPages))
	for _, e := range embeddedPages {
		b, err := pageFS.ReadFile(e.file)
		if err != nil {
			panic("grants: embedded page missing: " + err.Error()) // a build defect, not an input error
		}
		p, err := ParseProgramPageWith(bytes.NewReader(b), tip.ParseOptions{Source: e.name, Lax: true})
		if err != nil {
			panic("grants: embedded page " + e.file + ": " + err.Error())
		}
		out = append(out, EmbeddedPage{Name: e.name, File: e.file, About: e.about, Page: p})
	}
	return out
})

// DefaultPages returns the three program and announcement pages tipkit
// embeds (seeds 001, 002 and 004; see data/pages/PROVENANCE.md), read laxly,
// each page's findings carrying its Name as their Source. The pages are
// parsed once, on first use, and each call returns a deep copy of them, so
// that what one caller changes no other caller sees.
func DefaultPages() []EmbeddedPage {
	pages := slices.Clone(defaultPages())
	for i := range pages {
		pages[i].Page = pages[i].Page.clone()
	}
	return pages
}

// clone returns a copy of p that shares no slice with it. Strings and
// decimal.Decimal values are immutable, so they are shared.
func (p *ProgramPage) clone() *ProgramPage {
	c := *p
	c.Programs = slices.Clone(p.Programs)
	c.Highlights = slices.Clone(p.Highlights)
	for i := range c.Highlights {
		h := &c.Highlights[i]
		h.Places = slices.Clone(h.Places)
		h.Countries = slices.Clone(h.Countries)
	}
	c.Facts = slices.Clone(p.Facts)
	for i := range c.Facts {
		f := &c.Facts[i]
		f.Recipients = slices.Clone(f.Recipients)
		f.Countries = slices.Clone(f.Countries)
	}
	c.Other = slices.Clone(p.Other)
	c.Skipped = slices.Clone(p.Skipped)
	c.Findings = slices.Clone(p.Findings)
	return &c
}
