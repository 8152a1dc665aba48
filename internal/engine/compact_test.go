package engine

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"cecot/internal/content"
	"cecot/internal/render"
	"cecot/internal/synth"
)

// TestCompactPagesEqualMinified renders every page and single-file
// edition of the real site and of a synthetic one both ways: with a
// compact body spliced into the minified layout, as builds do, and
// whole, minified afterwards, as builds did. The bytes must be the same,
// and no page whose layout shows its body may fall back to whole
// minification (the synthetic theme's home and section pages show only
// lists, so there is no body to splice).
func TestCompactPagesEqualMinified(t *testing.T) {
	root, err := os.OpenRoot(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	sites := map[string]fs.FS{
		"real":      root.FS(),
		"synthetic": synth.MapFS(synth.Options{N: 40, Chapter: 4}),
	}
	// The layouts of each site that do not show the page's body.
	noBody := map[string]map[content.Kind]bool{"synthetic": {content.KindHome: true, content.KindSection: true}}
	for name, fsys := range sites {
		t.Run(name, func(t *testing.T) {
			s, err := Load(fsys, Options{})
			if err != nil {
				t.Fatal(err)
			}
			r, ps := s.Renderer, s.pass(render.PassOptions{})
			pages := 0
			for _, p := range s.Content.Pages {
				_, before := r.CompactCounts()
				html, _, err := ps.Page(p, nil)
				if err != nil {
					t.Fatal(err)
				}
				want, err := s.min.html(html)
				if err != nil {
					t.Fatal(err)
				}
				got, err := ps.PageMinified(p, s.min.appendHTML, nil)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s: compact page differs from the minified page\n%s\n%s", p.File, got, want)
				}
				pages++
				if _, after := r.CompactCounts(); after != before && !noBody[name][p.Kind] {
					t.Errorf("%s fell back to whole minification", p.File)
				}
				if !p.Standalone {
					continue
				}
				html, err = ps.Standalone(p, nil)
				if err != nil {
					t.Fatal(err)
				}
				if want, err = s.min.html(html); err != nil {
					t.Fatal(err)
				}
				if got, err = ps.StandaloneMinified(p, s.min.appendHTML, nil); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s: compact single-file edition differs from the minified one", p.File)
				}
				pages++
			}
			compact, fallback := r.CompactCounts()
			if compact+fallback != int64(pages) {
				t.Errorf("%d compact and %d fallbacks for %d pages", compact, fallback, pages)
			}
			t.Logf("%d pages compact, %d fell back", compact, fallback)
		})
	}
}
