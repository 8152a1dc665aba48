package engine

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"cecot/internal/projecttest"
	"cecot/internal/share"
)

// incrementalFixture is a small bilingual site's content, which the
// real layouts, strings and assets render.
var incrementalFixture = map[string]string{
	"content/en/_index.md":      "+++\ntitle = \"Home\"\ndescription = \"The home page.\"\n+++\n\nWelcome.\n",
	"content/es/_index.md":      "+++\ntitle = \"Inicio\"\ndescription = \"La portada.\"\n+++\n\nBienvenida.\n",
	"content/en/about.md":       "+++\ntitle = \"About\"\ndescription = \"About us.\"\nweight = 2\n+++\n\nWe are a test.\n",
	"content/es/about.md":       "+++\ntitle = \"Acerca de\"\ndescription = \"Quiénes somos.\"\nweight = 2\nslug = \"acerca-de\"\n+++\n\nSomos una prueba.\n",
	"content/en/news/_index.md": "+++\ntitle = \"News\"\ndescription = \"What is new.\"\nweight = 1\n+++\n\nThe news.\n",
	"content/en/news/one.md":    "+++\ntitle = \"First story\"\ndescription = \"The first one.\"\ndate = 2025-06-01\nweight = 1\n+++\n\nThe first story's text.\n",
	"content/es/news/one.md":    "+++\ntitle = \"Primera noticia\"\ndescription = \"La primera.\"\ndate = 2025-06-01\nweight = 1\n+++\n\nEl texto de la primera noticia.\n",
	"content/en/404.md":         "+++\ntitle = \"Page not found\"\n+++\n\nNothing here.\n",
	"content/es/404.md":         "+++\ntitle = \"Página no encontrada\"\n+++\n\nAquí no hay nada.\n",
}

// incrementalEdits are changes of every kind, by file and new text ("%d"
// is the step; "" removes the file): text, titles, weights, slugs,
// params, drafts, standalone editions, pages and translations added and
// removed, sections renamed, links that break and heal, a broken front
// matter, and back to the start.
var incrementalEdits = []struct {
	what  string
	files map[string]string
}{
	{"text", map[string]string{"content/en/about.md": "+++\ntitle = \"About\"\ndescription = \"About us.\"\nweight = 2\n+++\n\nNew text %d.\n"}},
	{"long text", map[string]string{"content/en/news/one.md": "+++\ntitle = \"First story\"\ndescription = \"The first one.\"\ndate = 2025-06-01\nweight = 1\n+++\n\n" + strings.Repeat("Many words here. ", 150) + "%d\n"}},
	{"title", map[string]string{"content/en/news/one.md": "+++\ntitle = \"Story %d\"\ndescription = \"The first one.\"\ndate = 2025-06-01\nweight = 1\n+++\n\nThe first story's text.\n"}},
	{"summary param", map[string]string{"content/en/news/one.md": "+++\ntitle = \"First story\"\ndescription = \"The first one.\"\ndate = 2025-06-01\nweight = 1\n[params]\nsummary = \"Summary %d.\"\n+++\n\nThe first story's text.\n"}},
	{"weight", map[string]string{"content/en/about.md": "+++\ntitle = \"About\"\ndescription = \"About us.\"\nweight = %d\n+++\n\nWe are a test.\n"}},
	{"slug", map[string]string{"content/es/about.md": "+++\ntitle = \"Acerca de\"\ndescription = \"Quiénes somos.\"\nweight = 2\nslug = \"acerca-%d\"\n+++\n\nSomos una prueba.\n"}},
	{"section slug", map[string]string{"content/es/news/_index.md": "+++\ntitle = \"Noticias\"\nslug = \"noticias-%d\"\n+++\n\nLas noticias.\n"}},
	{"section removed", map[string]string{"content/es/news/_index.md": ""}},
	{"draft", map[string]string{"content/en/news/one.md": "+++\ntitle = \"First story\"\ndraft = true\n+++\n\nDraft %d.\n"}},
	{"standalone", map[string]string{"content/en/about.md": "+++\ntitle = \"About\"\nstandalone = true\n+++\n\nStandalone %d.\n"}},
	{"page added", map[string]string{"content/en/news/two.md": "+++\ntitle = \"Two %d\"\nweight = 3\n+++\n\nSee [one](one.md).\n"}},
	{"page removed", map[string]string{"content/en/news/two.md": ""}},
	{"translation added", map[string]string{"content/es/news/two.md": "+++\ntitle = \"Dos %d\"\nslug = \"dos\"\n+++\n\nDos.\n"}},
	{"translation removed", map[string]string{"content/es/news/two.md": "", "content/es/news/one.md": ""}},
	{"home title", map[string]string{"content/es/_index.md": "+++\ntitle = \"Inicio %d\"\ndescription = \"La portada.\"\n+++\n\nBienvenida.\n"}},
	{"link to a page", map[string]string{"content/en/about.md": "+++\ntitle = \"About\"\n+++\n\nRead [the news](news/two.md) (%d).\n"}},
	{"broken front matter", map[string]string{"content/en/about.md": "+++\ntitle = \"About %d\n+++\n\nText.\n"}},
	{"restore", nil},
}

// memFiles is a Writer that keeps a build's files.
type memFiles struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (w *memFiles) WriteFile(name string, data []byte) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.files[name] = slices.Clone(data)
	return nil
}

// incrementalProject is the real layouts, strings and assets with the
// fixture's content, in memory.
func incrementalProject(t *testing.T) fstest.MapFS {
	t.Helper()
	root := os.DirFS(projecttest.Root(t))
	fsys := fstest.MapFS{}
	for _, dir := range []string{"layouts", "locales", "assets"} {
		err := fs.WalkDir(root, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(root, p)
			fsys[p] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := fs.ReadFile(root, "site.toml")
	if err != nil {
		t.Fatal(err)
	}
	// site.toml's source names a page the fixture does not have.
	fsys["site.toml"] = &fstest.MapFile{Data: regexp.MustCompile(`(?m)^source = .*\n`).ReplaceAll(cfg, nil)}
	for name, text := range incrementalFixture {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

// TestIncrementalEqualsBuild applies random sequences of edits to a
// project and checks after each rebuild that Incremental holds exactly
// the files a build of the project writes, or, while the project has
// errors, that it reports them.
func TestIncrementalEqualsBuild(t *testing.T) {
	steps := 24
	if testing.Short() {
		steps = 8
	}
	for seed := range uint64(2) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			fsys := incrementalProject(t)
			opts := Options{Shares: share.NewCache(t.TempDir())}
			e := NewIncremental(fsys, opts)
			e.Rebuild(context.Background(), nil)
			rng := rand.New(rand.NewPCG(seed, 2))
			for i := range steps {
				ed := incrementalEdits[rng.IntN(len(incrementalEdits))]
				files := ed.files
				if files == nil { // restore
					files = map[string]string{"content/en/news/two.md": "", "content/es/news/two.md": ""}
					for name, text := range incrementalFixture {
						files[name] = text
					}
				}
				var paths []string
				for name, text := range files {
					paths = append(paths, name)
					if text == "" {
						delete(fsys, name)
						continue
					}
					if strings.Contains(text, "%d") {
						text = fmt.Sprintf(text, i)
					}
					fsys[name] = &fstest.MapFile{Data: []byte(text)}
				}
				slices.Sort(paths)
				ch := e.Rebuild(context.Background(), paths)
				step := fmt.Sprintf("step %d (%s, full %v, %d rendered)", i, ed.what, ch.Full, ch.Rendered)
				want, err := buildInMemory(fsys, opts)
				if err != nil {
					if e.Err() == nil {
						t.Fatalf("%s: the build fails but Incremental reports no error: %v", step, err)
					}
					continue
				}
				if err := e.Err(); err != nil {
					t.Fatalf("%s: the build succeeds but Incremental reports: %v", step, err)
				}
				if err := sameOutputs(e, want); err != nil {
					t.Fatalf("%s: %v", step, err)
				}
			}
		})
	}
}

// buildInMemory returns the files a build of fsys writes.
func buildInMemory(fsys fs.FS, opts Options) (map[string][]byte, error) {
	site, err := Load(fsys, opts)
	if err != nil {
		return nil, err
	}
	w := &memFiles{files: map[string][]byte{}}
	if _, err := site.Render(context.Background(), w); err != nil {
		return nil, err
	}
	return w.files, nil
}

// sameOutputs reports the first difference between the files e holds
// and want.
func sameOutputs(e *Incremental, want map[string][]byte) error {
	for _, name := range slices.Sorted(maps.Keys(want)) {
		out := e.outputs[name]
		switch {
		case out == nil:
			return fmt.Errorf("%s is built but Incremental does not have it", name)
		case !bytes.Equal(out.data, want[name]):
			return fmt.Errorf("%s differs\nincremental: %s\nbuilt:       %s", name, clip(out.data), clip(want[name]))
		}
	}
	for name := range e.outputs {
		if _, ok := want[name]; !ok {
			return fmt.Errorf("%s is in Incremental but not built", name)
		}
	}
	return nil
}

// clip shortens a file for an error message; binary files say their size.
func clip(data []byte) string {
	if bytes.HasPrefix(data, []byte("\x89PNG")) {
		return fmt.Sprintf("(%d bytes)", len(data))
	}
	if len(data) > 2000 {
		return string(data[:2000]) + "…"
	}
	return string(data)
}
