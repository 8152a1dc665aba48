package engine

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"cecot/internal/projecttest"
)

// The tests in crawl_test.go, csp_test.go and sitemap_test.go build the
// real site, as a maintainer deploys it, and check it the way a host and
// a browser see it.

// projectDir is the repository root, which holds the real site.
const projectDir = "../.."

// buildProject builds a copy of the real site into a fresh folder and
// returns it. change, when not nil, edits the copy first.
func buildProject(t *testing.T, opts Options, change func(src string)) string {
	t.Helper()
	src := copyProject(t, change)
	out := filepath.Join(filepath.Dir(src), "public")
	if _, err := Build(context.Background(), src, out, opts); err != nil {
		t.Fatalf("build: %v", err)
	}
	return out
}

// copyProject copies the real project's sources into a temporary folder,
// lets change edit them, and returns the folder.
func copyProject(t *testing.T, change func(src string)) string {
	t.Helper()
	src := filepath.Join(t.TempDir(), "src")
	projecttest.CopyTo(t, src)
	if change != nil {
		change(src)
	}
	return src
}

// element is one HTML start tag with its attributes.
type element struct {
	tag   string
	attrs map[string]string
	text  string // the text of a <style> or <script>
}

// parseHTML lists the elements of an HTML document.
func parseHTML(doc []byte) []element {
	var els []element
	z := html.NewTokenizer(bytes.NewReader(doc))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return els
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			el := element{tag: string(name), attrs: map[string]string{}}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				el.attrs[string(k)] = string(v)
			}
			els = append(els, el)
		case html.TextToken:
			if n := len(els); n > 0 && (els[n-1].tag == "style" || els[n-1].tag == "script") {
				els[n-1].text += string(z.Raw())
			}
		}
	}
}

// linkAttrs are the attributes that hold a URL.
var linkAttrs = []string{"href", "src", "action", "formaction", "poster", "data"}

// urlsOf returns every URL an element points at, in attributes and in
// the meta tags that hold one (og:url).
func urlsOf(el element) []string {
	var urls []string
	for _, a := range linkAttrs {
		if v, ok := el.attrs[a]; ok {
			urls = append(urls, v)
		}
	}
	if v, ok := el.attrs["srcset"]; ok {
		for _, part := range strings.Split(v, ",") {
			if f := strings.Fields(part); len(f) > 0 {
				urls = append(urls, f[0])
			}
		}
	}
	if el.tag == "meta" && strings.HasSuffix(el.attrs["property"], ":url") {
		urls = append(urls, el.attrs["content"])
	}
	return urls
}

// publicFiles lists the files of a built site, slash-separated.
func publicFiles(t *testing.T, out string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// pageURL is the path a host serves a published HTML file under:
// "en/index.html" → base + "en/".
func pageURL(base, file string) string {
	if file == "index.html" || strings.HasSuffix(file, "/index.html") {
		return base + strings.TrimSuffix(file, "index.html")
	}
	return base + file
}

// mustParse parses a URL or fails the test.
func mustParse(t *testing.T, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
