package workbench_test

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"cecot/internal/parsecache"
	"cecot/internal/workbench"
)

// A workbench started again on the parse cache an earlier one saved
// shows the same pages, and after an edit what a workbench with no
// cache shows.
func TestWorkbenchParseCache(t *testing.T) {
	dir := newProject(t)
	keepPO(t, dir, "es")
	cache := filepath.Join(t.TempDir(), parsecache.DirName)
	pages := []string{workbench.Path + "?ui=en", workbench.Path + "es/submission?ui=en", workbench.Path + "strings/es?ui=en"}
	show := func(h *workbench.Handler) []string {
		var bodies []string
		for _, p := range pages {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", p, nil))
			if rec.Code != 200 {
				t.Fatalf("GET %s: %d", p, rec.Code)
			}
			bodies = append(bodies, rec.Body.String())
		}
		return bodies
	}
	started := func() *workbench.Handler {
		return workbench.New(workbench.Options{FS: os.DirFS(dir), Cache: parsecache.Open(cache)})
	}
	same := func(what string, got, want []string) {
		t.Helper()
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: %s differs:\n%.2000s\nwant\n%.2000s", what, pages[i], got[i], want[i])
			}
		}
	}
	first := started()
	want := show(first)
	if err := first.SaveCache(); err != nil {
		t.Fatal(err)
	}
	if shards, _ := filepath.Glob(filepath.Join(cache, "*")); len(shards) == 0 {
		t.Fatal("the workbench saved no cache")
	}
	again := started()
	same("started again", show(again), want)

	replaceIn(t, dir, "content/es/submission.md", "acuerdo secreto", "acuerdo oculto")
	edited := show(again)
	if err := again.SaveCache(); err != nil {
		t.Fatal(err)
	}
	same("after an edit", edited, show(workbench.New(workbench.Options{FS: os.DirFS(dir)})))
	last := started()
	same("after an edit, started again", show(last), edited)
	_ = last.SaveCache() // before the folders are removed
	if edited[1] == want[1] {
		t.Error("the edit does not show")
	}
}
