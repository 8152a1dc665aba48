package preview

import (
	"net/http"
	"strings"
	"testing"
)

// TestStatusPage checks that the preview serves the translator's
// workbench: its overview links to each page's side-by-side view,
// follows edits on disk, and shows the project's problems when it
// cannot be read. internal/workbench tests the workbench itself.
func TestStatusPage(t *testing.T) {
	d := startServer(t, newProject(t))
	code, body := d.get(t, StatusPath)
	if code != http.StatusOK {
		t.Fatalf("%s: %d\n%s", StatusPath, code, body)
	}
	for _, want := range []string{
		`<a href="/_status/es/news/_index?ui=es">News</a>`, // missing in Spanish
		`<a href="/_status/es/about?ui=es">Acerca de</a>`,
		`<script src="/_site/reload.js" defer></script>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("status page lacks %s", want)
		}
	}
	if _, body := d.get(t, StatusPath+"es/news/_index"); !strings.Contains(body, "stamp -new content/en/news/_index.md es") {
		t.Errorf("the missing page's view does not say how to start it:\n%s", body)
	}
	writeFile(t, d.dir, "content/es/news/_index.md", "+++\ntitle = \"Noticias\"\ndescription = \"Lo nuevo.\"\n+++\n\nNoticias.\n")
	if _, body := d.get(t, StatusPath); !strings.Contains(body, `<a href="/_status/es/news/_index?ui=es">Noticias</a>`) {
		t.Error("status page does not follow a new translation")
	}
	if code, _ := d.get(t, strings.TrimSuffix(StatusPath, "/")); code != http.StatusOK {
		t.Errorf("%s without its slash: %d after redirect", StatusPath, code)
	}
	writeFile(t, d.dir, "site.toml", "defaultLanguage = \"en\"\n[languages.en\n")
	code, body = d.get(t, StatusPath)
	if code != http.StatusInternalServerError || !strings.Contains(body, "site.toml:") {
		t.Errorf("broken project: %d\n%s", code, body)
	}
}
