package main

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The SVG is well-formed XML and shows each 2023 tier with the count the
// history holds.
func TestTierMap2023(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run(nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	dec := xml.NewDecoder(bytes.NewReader(out.Bytes()))
	counts := map[string]int{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "g" {
			for _, a := range se.Attr {
				if a.Name.Local == "data-class" {
					counts[a.Value]++
				}
			}
		}
	}
	want := map[string]int{"Tier 1": 30, "Tier 2": 105, "Tier 2 Watch List": 26, "Tier 3": 24, "Special Case": 3}
	for k, n := range want {
		if counts[k] != n {
			t.Errorf("%s: %d tiles, want %d", k, counts[k], n)
		}
	}
	if !strings.Contains(out.String(), "Special Case (3)") {
		t.Error("legend lacks Special Case (3)")
	}
}

// A partial year shows its unknowns as such.
func TestTierMapPartialYear(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"-year", "2018"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), `data-class="Not known (partial data)"`) {
		t.Error("2018 map shows no unknown tiles")
	}
	if code := run([]string{"-year", "1999"}, &out, &errb); code != 2 {
		t.Errorf("1999: exit %d", code)
	}
}

// Renders the SVG to PNG with headless Chromium when it is installed, so a
// person can look at it: TIERMAP_PNG=path keeps the picture.
func TestTierMapRenders(t *testing.T) {
	chrome, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium not installed; the SVG is checked as XML only")
	}
	if testing.Short() {
		t.Skip("-short")
	}
	dir := t.TempDir()
	svg := filepath.Join(dir, "map.svg")
	var errb bytes.Buffer
	if code := run([]string{"-o", svg}, io.Discard, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	png := os.Getenv("TIERMAP_PNG")
	if png == "" {
		png = filepath.Join(dir, "map.png")
	}
	// No network: the machine may have none, and Chromium's background
	// fetches would only slow it down.
	cmd := exec.Command(chrome, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--screenshot="+png, "--window-size=1480,1180", "file://"+svg)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, b)
	}
	b, err := os.ReadFile(png)
	if err != nil || len(b) < 10000 || !bytes.HasPrefix(b, []byte("\x89PNG")) {
		t.Fatalf("no PNG rendered (%d bytes, %v)", len(b), err)
	}
}

// The program writes a file only where -o says, the same SVG it writes to
// standard output, and reports a file it cannot write.
func TestTierMapOutputFile(t *testing.T) {
	var stdout, errb bytes.Buffer
	if code := run(nil, &stdout, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	dir := t.TempDir()
	svg := filepath.Join(dir, "map.svg")
	var none bytes.Buffer
	if code := run([]string{"-o", svg}, &none, &errb); code != 0 || none.Len() != 0 {
		t.Fatalf("-o: exit %d, %d bytes on standard output: %s", code, none.Len(), errb.String())
	}
	if b, err := os.ReadFile(svg); err != nil || !bytes.Equal(b, stdout.Bytes()) {
		t.Errorf("-o wrote %d bytes (%v), standard output has %d", len(b), err, stdout.Len())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the directory, want the one -o names", len(entries))
	}
	if code := run([]string{"-o", filepath.Join(dir, "no such dir", "map.svg")}, &none, &errb); code != 1 {
		t.Errorf("unwritable -o: exit %d, want 1", code)
	}
}
