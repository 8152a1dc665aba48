package preview

import (
	"net/http"
	"strings"
	"testing"
)

// TestStatusPage checks the translation status page: the table with links
// to each page in both languages, following edits on disk, and the
// project's problems when it cannot be read.
func TestStatusPage(t *testing.T) {
	d := startServer(t, newProject(t))
	code, body := d.get(t, StatusPath)
	if code != http.StatusOK {
		t.Fatalf("%s: %d", StatusPath, code)
	}
	for _, want := range []string{
		`<a href="/en/news/">/en/news/</a>`, // missing in Spanish: the stand-in's URL
		`<a href="/es/news/">/es/news/</a>`,
		`stamp -new content/en/news/_index.md es`,
		`<a href="/es/acerca-de/">/es/acerca-de/</a>`,
		`<script src="/_site/reload.js" defer></script>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("status page lacks %s", want)
		}
	}
	writeFile(t, d.dir, "content/es/news/_index.md", "+++\ntitle = \"Noticias\"\ndescription = \"Lo nuevo.\"\n+++\n\nNoticias.\n")
	if _, body := d.get(t, StatusPath); strings.Contains(body, "stamp -new content/en/news/_index.md") {
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
