package render

import (
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"cecot/internal/content"
)

// FuzzResolve checks that a link in a page's Markdown, whatever it says,
// resolves only to a page of the same language or to an error.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"report.md", "news/item.md#p2", "../report.md", "../../es/_index.md", "/etc/passwd",
		"./news/../report.md", "news/_index.md", `..\es\report.md`, "report.md#", "%2e%2e/report.md",
	} {
		f.Add(s)
	}
	page := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("+++\ntitle = \"" + title + "\"\n+++\n")}
	}
	site, _, err := content.Load(fstest.MapFS{
		"content/en/_index.md":      page("Home"),
		"content/en/report.md":      page("Report"),
		"content/en/news/_index.md": page("News"),
		"content/en/news/item.md":   page("Item"),
		"content/es/_index.md":      page("Inicio"),
		"content/es/report.md":      page("Informe"),
	}, content.Options{Languages: []string{"en", "es"}, Default: "en"})
	if err != nil {
		f.Fatal(err)
	}
	j := (&Renderer{}).NewPass(site, PassOptions{}).job(nil)
	from := site.Page("en", "news/item")
	f.Fuzz(func(t *testing.T, dest string) {
		target, frag, err := j.resolve(from, dest)
		if err != nil {
			if target != nil {
				t.Fatalf("resolve(%q) gave both a page and an error", dest)
			}
			return
		}
		if target.Lang != from.Lang {
			t.Fatalf("resolve(%q) left the language: %s", dest, target.File)
		}
		if file, _, _ := strings.Cut(dest, "#"); path.Base(strings.TrimSuffix(file, ".md")) != path.Base(target.Key) {
			t.Fatalf("resolve(%q) = %s, which the link does not name", dest, target.File)
		}
		if !strings.HasSuffix(dest, "#"+frag) && frag != "" {
			t.Fatalf("resolve(%q) made up fragment %q", dest, frag)
		}
	})
}
