package preview

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cecot/internal/livereload"
)

// TestEditCreateRenameDelete edits a project under a running server and
// checks that each change is served and announced.
func TestEditCreateRenameDelete(t *testing.T) {
	d := startServer(t, newProject(t))
	events := d.events(t)
	waitEvent(t, events, "status", nil)

	code, body := d.get(t, "/en/news/one/")
	if code != 200 || !strings.Contains(body, "first story&rsquo;s text") && !strings.Contains(body, "first story’s text") {
		t.Fatalf("GET /en/news/one/: %d\n%s", code, body)
	}

	t.Run("edit text", func(t *testing.T) {
		save(t, d.dir, "content/en/news/one.md", strings.Replace(fixture["content/en/news/one.md"], "The first story's text.", "Edited words here.", 1))
		r := waitReport(t, d, "content/en/news/one.md")
		waitEvent(t, events, "reload", reloads("/en/news/one/index.html"))
		if _, body := d.get(t, "/en/news/one/"); !strings.Contains(body, "Edited words here.") {
			t.Errorf("edit not served:\n%s", body)
		}
		// Only the page, and its translation (whose TranslatedFrom may be
		// compared with the page's new Source), are rendered again.
		if r.Full || r.Rendered > 2 {
			t.Errorf("editing a page's text rendered %d outputs (full: %v), want at most 2", r.Rendered, r.Full)
		}
	})
	t.Run("edit title", func(t *testing.T) {
		save(t, d.dir, "content/en/news/one.md", strings.Replace(fixture["content/en/news/one.md"], "First story", "Opening story", 1))
		waitEvent(t, events, "reload", reloads("/en/news/index.html"))
		if _, body := d.get(t, "/en/news/"); !strings.Contains(body, "Opening story") {
			t.Errorf("the section does not list the new title:\n%s", body)
		}
		if _, body := d.get(t, "/es/news/one/"); !strings.Contains(body, "Primera noticia") {
			t.Errorf("the translation lost its own title:\n%s", body)
		}
	})
	t.Run("create", func(t *testing.T) {
		save(t, d.dir, "content/en/news/two.md", "+++\ntitle = \"Second story\"\nweight = 2\n+++\n\nSecond text.\n")
		waitEvent(t, events, "reload", reloads("/en/news/two/index.html"))
		if code, body := d.get(t, "/en/news/two/"); code != 200 || !strings.Contains(body, "Second text.") {
			t.Errorf("new page: %d\n%s", code, body)
		}
		if _, body := d.get(t, "/en/news/"); !strings.Contains(body, "Second story") {
			t.Errorf("the section does not list the new page:\n%s", body)
		}
		// The Spanish stand-in appears too, so that the switcher works.
		if code, _ := d.get(t, "/es/news/two/"); code != 200 {
			t.Errorf("stand-in: %d", code)
		}
	})
	t.Run("rename", func(t *testing.T) {
		if err := os.Rename(filepath.Join(d.dir, "content/en/news/two.md"), filepath.Join(d.dir, "content/en/news/three.md")); err != nil {
			t.Fatal(err)
		}
		waitEvent(t, events, "reload", reloads("/en/news/three/index.html"))
		if code, _ := d.get(t, "/en/news/two/"); code != 404 {
			t.Errorf("old name: status %d, want 404", code)
		}
		if code, body := d.get(t, "/en/news/three/"); code != 200 || !strings.Contains(body, "Second text.") {
			t.Errorf("new name: %d", code)
		}
	})
	t.Run("delete", func(t *testing.T) {
		if err := os.Remove(filepath.Join(d.dir, "content/en/news/three.md")); err != nil {
			t.Fatal(err)
		}
		waitEvent(t, events, "reload", reloads("/en/news/three/index.html"))
		if code, _ := d.get(t, "/en/news/three/"); code != 404 {
			t.Errorf("deleted page: status %d, want 404", code)
		}
		if code, _ := d.get(t, "/es/news/three/"); code != 404 {
			t.Errorf("deleted page's stand-in: status %d, want 404", code)
		}
		if _, body := d.get(t, "/en/news/"); strings.Contains(body, "Second story") {
			t.Errorf("the section still lists the deleted page")
		}
	})
	t.Run("new folder", func(t *testing.T) {
		save(t, d.dir, "content/en/events/_index.md", "+++\ntitle = \"Events\"\nweight = 5\n+++\n\nEvents.\n")
		save(t, d.dir, "content/en/events/march.md", "+++\ntitle = \"March\"\n+++\n\nIn March.\n")
		waitEvent(t, events, "reload", reloads("/en/events/march/index.html"))
		if code, _ := d.get(t, "/en/events/march/"); code != 200 {
			t.Errorf("page in a new folder: status %d", code)
		}
		// A new top-level section is in every page's menu.
		if _, body := d.get(t, "/en/about/"); !strings.Contains(body, "Events") {
			t.Errorf("the menu lacks the new section")
		}
	})
	t.Run("served equals built", func(t *testing.T) {
		// Every file was saved whole and its rebuild awaited: what is
		// served now is final.
		compareWithBuild(t, d)
	})
}

// waitQuiet drains rebuild reports until none come for a while.
func waitQuiet(d *devServer) {
	for {
		select {
		case <-d.reports:
		case <-timeAfter(300):
			return
		}
	}
}

// compareWithBuild checks that the server serves exactly the files that
// a build writes, apart from the reload script's tag.
func compareWithBuild(t *testing.T, d *devServer) {
	t.Helper()
	out := buildTo(t, d.dir)
	built := map[string]bool{}
	err := filepath.WalkDir(out, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		if rel == ".site-build" {
			return nil
		}
		built[rel] = true
		want, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		got, ok := d.store.get(rel)
		if !ok {
			t.Errorf("%s: built but not served", rel)
			return nil
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: served bytes differ from built ones\nserved: %.300s\nbuilt:  %.300s", rel, got, want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	d.store.mu.RLock()
	defer d.store.mu.RUnlock()
	for name := range d.store.files {
		if !built[name] {
			t.Errorf("%s: served but not built", name)
		}
	}
	// Over HTTP, HTML gets the script tag and nothing else.
	code, body := d.get(t, "/en/about/")
	want, _ := os.ReadFile(filepath.Join(out, "en/about/index.html"))
	if code != 200 || body != string(livereload.Inject(want)) {
		t.Errorf("GET /en/about/ is not the built file with the script tag")
	}
}

// TestErrorOverlay breaks a file under a running server, then fixes it.
func TestErrorOverlay(t *testing.T) {
	d := startServer(t, newProject(t))
	events := d.events(t)
	waitEvent(t, events, "status", nil)
	_, good := d.get(t, "/en/about/")

	broken := "+++\ntitle = \"About\nweight = 2\n+++\n\nNew text.\n"
	save(t, d.dir, "content/en/about.md", broken)
	data := waitEvent(t, events, "status", func(data string) bool { return strings.Contains(data, "content/en/about.md") })
	if !strings.Contains(data, `"line":`) {
		t.Errorf("the error names no line: %s", data)
	}
	if code, body := d.get(t, "/en/about/"); code != 200 || body != good {
		t.Errorf("the last good page is not served while the file is broken (status %d)", code)
	}
	// A browser that loads a page now learns of the error at once.
	late := d.events(t)
	waitEvent(t, late, "status", func(data string) bool { return strings.Contains(data, "content/en/about.md") })

	save(t, d.dir, "content/en/about.md", strings.Replace(fixture["content/en/about.md"], "We are a test.", "Fixed text.", 1))
	waitEvent(t, events, "status", func(data string) bool { return strings.Contains(data, `"errors":[]`) })
	waitEvent(t, events, "reload", reloads("/en/about/index.html"))
	if _, body := d.get(t, "/en/about/"); !strings.Contains(body, "Fixed text.") {
		t.Errorf("the fixed page is not served")
	}
}

// TestLayoutError breaks a layout: every page keeps its last good
// version, and the error names the layout's file and line.
func TestLayoutError(t *testing.T) {
	d := startServer(t, newProject(t))
	events := d.events(t)
	waitEvent(t, events, "status", nil)
	_, good := d.get(t, "/en/news/one/")
	orig, err := os.ReadFile(filepath.Join(d.dir, "layouts/page.html"))
	if err != nil {
		t.Fatal(err)
	}
	save(t, d.dir, "layouts/page.html", string(orig)+"\n{{if}}\n")
	waitEvent(t, events, "status", func(data string) bool { return strings.Contains(data, "layouts/page.html") })
	if _, body := d.get(t, "/en/news/one/"); body != good {
		t.Errorf("the last good page is not served while a layout is broken")
	}
	save(t, d.dir, "layouts/page.html", string(orig))
	waitEvent(t, events, "status", func(data string) bool { return strings.Contains(data, `"errors":[]`) })
}
