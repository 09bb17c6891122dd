package grants

import (
	"bytes"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The embedded pages are copies of the seeds the tests read; a copy that
// drifts would make DefaultPages disagree with every pinned figure.
func TestDefaultPagesMatchSeeds(t *testing.T) {
	seeds := map[string]string{
		"data/pages/001_programs.md":       seed001,
		"data/pages/002_programs_2018.txt": seed002,
		"data/pages/004_announcements.txt": seed004,
	}
	if len(seeds) != len(embeddedPages) {
		t.Fatalf("%d embedded pages, %d seeds to compare", len(embeddedPages), len(seeds))
	}
	for _, e := range embeddedPages {
		want, err := os.ReadFile(seeds[e.file])
		if err != nil {
			t.Fatal(err)
		}
		got, err := pageFS.ReadFile(e.file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s", e.file, seeds[e.file])
		}
	}
}

func TestDefaultPages(t *testing.T) {
	pages := DefaultPages()
	want := []struct {
		name                        string
		programs, highlights, facts int
	}{
		{"seed 001", 5, 13, 1},
		{"seed 002", 6, 11, 1},
		{"seed 004", 0, 0, 5},
	}
	if len(pages) != len(want) {
		t.Fatalf("DefaultPages: %d pages, want %d", len(pages), len(want))
	}
	for i, w := range want {
		p := pages[i]
		if p.Name != w.name || len(p.Page.Programs) != w.programs || len(p.Page.Highlights) != w.highlights || len(p.Page.Facts) != w.facts {
			t.Errorf("page %d = %s: %d programs, %d highlights, %d facts; want %s: %d, %d, %d",
				i, p.Name, len(p.Page.Programs), len(p.Page.Highlights), len(p.Page.Facts), w.name, w.programs, w.highlights, w.facts)
		}
		for _, f := range p.Page.Findings {
			if f.Source != p.Name {
				t.Errorf("%s: finding source %q", p.Name, f.Source)
			}
		}
	}
	if d := cmp.Diff(pages, DefaultPages()); d != "" {
		t.Errorf("two calls of DefaultPages differ (-first +second):\n%s", d)
	}
}
