package engine

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

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
		"real":         root.FS(),
		"synthetic":    synth.MapFS(synth.Options{N: 40, Chapter: 4}),
		"real layouts": realLayouts(t, synth.MapFS(synth.Options{N: 40, Chapter: 4})),
	}
	// The layouts of each site that do not show the page's body.
	noBody := map[string]map[content.Kind]bool{"synthetic": {content.KindHome: true, content.KindSection: true}}
	// The sites whose layouts have shared fragments that pages share:
	// each must splice some minified (render.FragmentsSpliced).
	sharing := map[string]bool{"synthetic": true, "real layouts": true}
	for name, fsys := range sites {
		t.Run(name, func(t *testing.T) {
			// Without the bodies in memory, as builds load: each page's
			// body is read into a buffer that the next page reuses.
			s, err := load(fsys, Options{}, true)
			if err != nil {
				t.Fatal(err)
			}
			// Fragments are shared, as in builds: pages get them minified
			// once, spliced in (render's minfrag.go).
			r, ps := s.Renderer, s.pass(render.PassOptions{Share: true})
			pages := 0
			// Each page is made in the memory of the one before, as
			// Render makes them, and that memory is then overwritten: a
			// page whose bytes shared memory with what later pages read
			// (a fragment spliced in) would spoil them.
			var buf []byte
			reuse := func(got []byte) {
				for i := range got {
					got[i] = '#'
				}
				buf = got[:0]
			}
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
				got, err := ps.PageMinified(buf, p, s.min.appendHTML, nil)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s: compact page differs from the minified page\n%s\n%s", p.File, got, want)
				}
				reuse(got)
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
				if got, err = ps.StandaloneMinified(buf, p, s.min.appendHTML, nil); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s: compact single-file edition differs from the minified one", p.File)
				}
				reuse(got)
				pages++
			}
			compact, fallback := r.CompactCounts()
			if compact+fallback != int64(pages) {
				t.Errorf("%d compact and %d fallbacks for %d pages", compact, fallback, pages)
			}
			t.Logf("%d pages compact, %d fell back, %d shared fragments spliced minified", compact, fallback, r.FragmentsSpliced())
			if sharing[name] && r.FragmentsSpliced() == 0 {
				t.Error("no shared fragment was spliced minified")
			}
		})
	}
}

// realLayouts returns fsys, a synthetic site, with the repository's
// layouts, locales, assets and site.toml in place of its own, and the
// repository's report pages, which the layouts cite (as sitebench
// -layouts real builds it).
func realLayouts(t *testing.T, fsys fstest.MapFS) fstest.MapFS {
	t.Helper()
	repo := os.DirFS(filepath.Join("..", ".."))
	for name := range fsys {
		for _, dir := range []string{"layouts/", "locales/", "assets/"} {
			if strings.HasPrefix(name, dir) {
				delete(fsys, name)
			}
		}
	}
	err := fs.WalkDir(repo, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		top, _, _ := strings.Cut(name, "/")
		switch {
		case d.IsDir() && name != "." && top != "layouts" && top != "locales" && top != "assets" && top != "content":
			return fs.SkipDir
		case d.IsDir():
			return nil
		case top == "content" && !slices.Contains([]string{"submission.md", "about.md", "recommendations.md"}, path.Base(name)):
			return nil
		case top == "content" || top == "layouts" || top == "locales" || top == "assets":
		default:
			if name != "site.toml" {
				return nil
			}
		}
		data, err := fs.ReadFile(repo, name)
		if err != nil {
			return err
		}
		fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// html minifies a whole HTML file that the caller made and hands over, as
// minifyFile does: the whole-file minification that the compact pages
// (appendHTML on a page made in pieces) must match byte for byte.
func (m *minifier) html(data []byte) ([]byte, error) {
	return m.minifyFile("index.html", data)
}
