package grants

import (
	"bytes"
	"embed"
	"sync"
)

//go:embed data/pages/*.md data/pages/*.txt
var pageFS embed.FS

// An EmbeddedPage is one TIP Office program or announcement page that tipkit
// carries, parsed.
type EmbeddedPage struct {
	Name  string       // "seed 001", the name findings and positions refer to
	File  string       // the embedded file: "data/pages/001_programs.md"
	About string       // what the page is
	Page  *ProgramPage // the page as ParseProgramPage reads it
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
		p, err := ParseProgramPage(bytes.NewReader(b))
		if err != nil {
			panic("grants: embedded page " + e.file + ": " + err.Error())
		}
		for i := range p.Findings {
			p.Findings[i].Source = e.name
		}
		out = append(out, EmbeddedPage{Name: e.name, File: e.file, About: e.about, Page: p})
	}
	return out
})

// DefaultPages returns the three program and announcement pages tipkit
// embeds (seeds 001, 002 and 004; see data/pages/PROVENANCE.md), parsed once
// on first use. Each page's findings carry its Name as their Source. The
// pages are shared: treat them as read-only.
func DefaultPages() []EmbeddedPage {
	return defaultPages()
}
