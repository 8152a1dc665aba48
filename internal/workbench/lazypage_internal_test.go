package workbench

import (
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cecot/internal/projecttest"
	"cecot/internal/synth"
	"cecot/internal/translate"
)

// fullModel is the Source that answers a page's view from the whole
// project's status report and alignment, as the workbench did before
// it answered from the page's own files.
type fullModel struct{ Project }

func (fullModel) Page(fsys fs.FS, lang, key string) (*Page, *Overview, error) {
	o, p, err := load(fsys, lang, key)
	return p, o, err
}

// pageViews are every page's view of every translated language, and one
// of a page the site lacks, in both interface languages, as h shows
// them.
func pageViews(t *testing.T, h *Handler, o *Overview) map[string]string {
	t.Helper()
	paths := []string{Path + "es/no-such-page"}
	for _, l := range o.Languages {
		for _, p := range l.Pages {
			paths = append(paths, Path+l.Lang+"/"+p.Key)
		}
	}
	views := map[string]string{}
	for _, p := range paths {
		for _, ui := range []string{"", "?ui=en", "?ui=es"} {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", p+ui, nil))
			views[p+ui] = rec.Result().Status + "\n" + rec.Body.String()
		}
	}
	return views
}

// sameViews checks that a page's view from its own files (Project) is
// byte for byte the view from the whole project's model (fullModel),
// on a workbench that has answered before (lazy) and on a new one.
func sameViews(t *testing.T, what, dir string, lazy *Handler) map[string]string {
	t.Helper()
	fsys := os.DirFS(dir)
	o, err := Project{}.Overview(fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := pageViews(t, New(Options{FS: fsys, Source: fullModel{}}), o)
	for name, h := range map[string]*Handler{"new": New(Options{FS: fsys}), "used": lazy} {
		got := pageViews(t, h, o)
		for p, w := range want {
			if got[p] != w {
				t.Errorf("%s, %s workbench: %s differs from the full model's:\n%.3000s\nwant\n%.3000s", what, name, p, got[p], w)
			}
		}
	}
	if len(want) < 6 {
		t.Fatalf("%s: only %d views", what, len(want))
	}
	return want
}

// changed fails unless the edits changed the view of page p.
func changed(t *testing.T, before, after map[string]string, p string) {
	t.Helper()
	if before[p] == "" || before[p] == after[p] {
		t.Errorf("%s: the edit does not show", p)
	}
}

func editFile(t *testing.T, dir, name string, change func(string) string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	after := change(string(data))
	if after == string(data) {
		t.Fatalf("%s: the edit changes nothing", name)
	}
	if err := os.WriteFile(p, []byte(after), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestPageViewFromItsOwnFiles: on the real project and on a synthetic
// site with PO files, before and after edits on disk in the original
// and the translation, a page's view made from that page's own files
// equals the one made from the whole project's model, and a workbench
// that answered before sees the edits.
func TestPageViewFromItsOwnFiles(t *testing.T) {
	t.Run("real project", func(t *testing.T) {
		dir := projecttest.Copy(t)
		lazy := New(Options{FS: os.DirFS(dir)})
		before := sameViews(t, "as it is", dir, lazy)
		editFile(t, dir, "content/en/submission.md", func(s string) string {
			return strings.Replace(s, "El Salvador", "El  Salvador", 1) + "\nA paragraph added at the end.\n"
		})
		editFile(t, dir, "content/es/submission.md", func(s string) string {
			return strings.Replace(s, "acuerdo secreto", "acuerdo oculto", 1)
		})
		changed(t, before, sameViews(t, "after edits", dir, lazy), Path+"es/submission?ui=en")
	})
	t.Run("synthetic site", func(t *testing.T) {
		dir := t.TempDir()
		if err := synth.WriteDir(dir, synth.Options{N: 30}); err != nil {
			t.Fatal(err)
		}
		root, err := os.OpenRoot(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer root.Close()
		plan, err := translate.PlanExport(root.FS(), nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := plan.Write(root, "locales/po", "content"); err != nil {
			t.Fatal(err)
		}
		lazy := New(Options{FS: os.DirFS(dir)})
		before := sameViews(t, "as written", dir, lazy)
		o, err := Project{}.Overview(os.DirFS(dir))
		if err != nil {
			t.Fatal(err)
		}
		pages := o.Languages[0].Pages
		// An English paragraph added, one changed, a translation
		// edited and one removed.
		editFile(t, dir, pages[3].Source, func(s string) string { return s + "\nA new paragraph of the original.\n" })
		editFile(t, dir, pages[4].Source, func(s string) string { return strings.Replace(s, "e", "E", 3) })
		editFile(t, dir, pages[5].File, func(s string) string { return strings.Replace(s, "a", "á", 2) })
		if err := os.Remove(filepath.Join(dir, filepath.FromSlash(pages[6].File))); err != nil {
			t.Fatal(err)
		}
		after := sameViews(t, "after edits", dir, lazy)
		for _, p := range pages[3:7] {
			changed(t, before, after, Path+"es/"+p.Key)
		}
	})
}
