package preview

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"cecot/internal/engine"
)

// memWriter keeps a build's files in memory.
type memWriter struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (w *memWriter) WriteFile(name string, data []byte) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.files[name] = slices.Clone(data)
	return nil
}

// built returns what a build of the project writes, or its error.
func built(t *testing.T, dir string) (map[string][]byte, error) {
	t.Helper()
	site, err := engine.Load(os.DirFS(dir), engine.Options{})
	if err != nil {
		return nil, err
	}
	w := &memWriter{files: map[string][]byte{}}
	if _, err := site.Render(context.Background(), w); err != nil {
		return nil, err
	}
	return w.files, nil
}

// edit is a change to the fixture project, by file and new contents
// ("" removes the file).
type edit struct {
	what  string
	files map[string]string
}

// edits are changes of every kind: text, titles, weights, slugs, drafts,
// standalone editions, pages and translations added and removed,
// sections renamed, and links that break and heal.
var edits = []edit{
	{"text", map[string]string{"content/en/about.md": "+++\ntitle = \"About\"\ndescription = \"About us.\"\nweight = 2\n+++\n\nNew text %d.\n"}},
	{"title", map[string]string{"content/en/news/one.md": "+++\ntitle = \"Story %d\"\ndescription = \"The first one.\"\ndate = 2025-06-01\nweight = 1\n+++\n\nThe first story's text.\n"}},
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
	{"top-level page", map[string]string{"content/en/contact.md": "+++\ntitle = \"Contact %d\"\nweight = 9\n+++\n\nWrite to us.\n"}},
	{"home title", map[string]string{"content/es/_index.md": "+++\ntitle = \"Inicio %d\"\ndescription = \"La portada.\"\n+++\n\nBienvenida.\n"}},
	{"link to a page", map[string]string{"content/en/about.md": "+++\ntitle = \"About\"\n+++\n\nRead [the news](news/two.md) (%d).\n"}},
	{"restore", fixture},
}

// TestServedEqualsBuild applies random sequences of edits through the
// server, on disk, and checks after each that the served site is what a
// build of the project makes, or, while the project has errors, that the
// errors are reported. engine's TestIncrementalEqualsBuild checks
// engine.Incremental itself; this checks the glue around it: the watch
// paths, the store, and that the preview adds nothing but the reload
// script.
func TestServedEqualsBuild(t *testing.T) {
	steps := 20
	if testing.Short() {
		steps = 8
	}
	for seed := range uint64(2) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			dir := newProject(t)
			srv, _ := newServer(t, dir, Options{})
			rng := rand.New(rand.NewPCG(seed, 1))
			for i := range steps {
				e := edits[rng.IntN(len(edits))]
				var paths []string
				for name, data := range e.files {
					paths = append(paths, name)
					if strings.Contains(data, "%d") {
						data = fmt.Sprintf(data, i)
					}
					if data == "" {
						os.Remove(filepath.Join(dir, filepath.FromSlash(name)))
						continue
					}
					writeFile(t, dir, name, data)
				}
				if e.what == "restore" {
					os.Remove(filepath.Join(dir, "content/en/news/two.md"))
					os.Remove(filepath.Join(dir, "content/es/news/two.md"))
					os.Remove(filepath.Join(dir, "content/en/contact.md"))
					paths = append(paths, "content/en/news/two.md", "content/es/news/two.md", "content/en/contact.md")
				}
				r := srv.Rebuild(context.Background(), paths, time.Now())
				t.Logf("step %d %s full=%v rendered=%d err=%v took=%v", i, e.what, r.Full, r.Rendered, r.Err != nil, r.Sent.Sub(r.Start))
				want, err := built(t, dir)
				if err != nil {
					if r.Err == nil {
						t.Fatalf("step %d (%s): the build fails but the server reports no error: %v", i, e.what, err)
					}
					continue
				}
				if r.Err != nil {
					t.Fatalf("step %d (%s): the build succeeds but the server reports: %v", i, e.what, r.Err)
				}
				sameFiles(t, fmt.Sprintf("step %d (%s)", i, e.what), srv, want)
			}
		})
	}
}

func sameFiles(t *testing.T, step string, srv *Server, want map[string][]byte) {
	t.Helper()
	if err := diffFiles(srv, want); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
}

// diffFiles reports the first difference between the served files and
// want.
func diffFiles(srv *Server, want map[string][]byte) error {
	srv.store.mu.RLock()
	defer srv.store.mu.RUnlock()
	for name, data := range want {
		got, ok := srv.store.files[name]
		switch {
		case !ok:
			return fmt.Errorf("%s is built but not served", name)
		case string(got) != string(data):
			return fmt.Errorf("%s differs\nserved: %s\nbuilt:  %s", name, got, data)
		}
	}
	for name := range srv.store.files {
		if _, ok := want[name]; !ok {
			return fmt.Errorf("%s is served but not built", name)
		}
	}
	return nil
}
