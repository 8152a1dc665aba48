package quality

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"cecot/internal/engine"
)

// root is the project folder, two levels up from this package.
const root = "../.."

// builtSite builds the real site into a temporary folder and returns
// that folder.
func builtSite(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := engine.Build(context.Background(), root, out, engine.Options{}); err != nil {
		t.Fatalf("building the site: %v", err)
	}
	return out
}

// htmlPages lists the HTML files of a built site as slash paths from its
// root ("en/submission/index.html"), sorted.
func htmlPages(t *testing.T, pub string) []string {
	t.Helper()
	var pages []string
	err := fs.WalkDir(os.DirFS(pub), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(pages)
	if len(pages) == 0 {
		t.Fatal("the built site has no HTML pages")
	}
	return pages
}

// urlPath is the address a page file is served at: "en/about/index.html"
// is "/en/about/".
func urlPath(file string) string {
	return "/" + strings.TrimSuffix(file, "index.html")
}
