package images

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
)

// TestSVGIsPublishedCleaned: what a build publishes of a contributor's
// SVG, and inlines in a single-file edition, is svg.Clean's output: a
// drawing program's metadata (which may name its author) is gone; a
// refused SVG is reported at its own line and publishes nothing.
func TestSVGIsPublishedCleaned(t *testing.T) {
	drawing := `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 40 20" inkscape:export-filename="/home/ana/mapa.png">
<metadata><creator>Ana</creator></metadata>
<rect width="40" height="20" fill="#14365d"/>
</svg>
`
	fsys := fstest.MapFS{
		"content/en/map.svg":    {Data: []byte(drawing)},
		"content/en/script.svg": {Data: []byte("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\">\n\n<script>alert(1)</script></svg>")},
	}
	s, warns, err := Load(fsys, Options{Languages: []string{"en"}, Default: "en"})
	if err != nil {
		t.Fatal(err)
	}
	want := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20">` + "\n\n" + `<rect width="40" height="20" fill="#14365d"/>` + "\n</svg>"
	img, err := s.Resolve("content/en/page.md", "en", "map.svg")
	if err != nil {
		t.Fatal(err)
	}
	if img.Width != 40 || img.Height != 20 {
		t.Errorf("size %d × %d, want 40 × 20", img.Width, img.Height)
	}
	if img.Inline == nil || string(img.Inline.Data) != want {
		t.Errorf("inlined %+v, want %s", img.Inline, want)
	}
	files := s.Files()
	if len(files) != 1 || files[0].Name != img.Out || string(files[0].Data) != want {
		t.Fatalf("published %v; want only %s holding %s", files, img.Out, want)
	}
	for _, leak := range []string{"Ana", "/home/", "inkscape"} {
		if bytes.Contains(files[0].Data, []byte(leak)) {
			t.Errorf("published SVG still holds %q", leak)
		}
	}
	if len(warns) != 1 || warns[0].Error() != "content/en/script.svg:3: cannot be published: has <script>: a script runs code in the reader's browser; remove it and export the picture again" {
		t.Errorf("warnings %v", warns)
	}
	if _, err := s.Resolve("content/en/page.md", "en", "script.svg"); err == nil || !strings.Contains(err.Error(), "content/en/script.svg cannot be published: line 3 has <script>") {
		t.Errorf("Resolve(script.svg) = %v", err)
	}
}
