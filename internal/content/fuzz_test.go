package content

import (
	"bytes"
	"errors"
	"io/fs"
	"net/url"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"

	"cecot/internal/config"
	"cecot/internal/diag"
)

// FuzzParse checks that any file parses or fails with one located error,
// and that a parsed page keeps its line numbers and a safe slug.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"+++\ntitle = \"Report\"\ndate = 2025-06-01\nslug = \"informe\"\n+++\n\n# Report\n",
		"---\ntitle: Report\ndate: 2025-06-01\nparams:\n  a: 1\n---\nText\n",
		"+++\ntitle = \"x\"\n",
		"---\ntitle: [unclosed\n---\n",
		"+++\ndate = \"yesterday\"\nweight = \"1\"\ntitel = \"x\"\n+++\n",
		"\xef\xbb\xbf+++\r\ntitle = \"BOM\"\r\n+++\r\nbody\r\n",
		"+++\nslug = \"../../etc\"\n+++\n",
		"",
		"no front matter\n",
		"\xff\xfe",
		"+++ \n+++\n",
		"---\n- a\n- b\n---\n",
	} {
		f.Add([]byte(s))
	}
	const file = "content/en/report.md"
	f.Fuzz(func(t *testing.T, src []byte) {
		p, _, err := Parse(ID{Lang: "en", Key: "report"}, src)
		if err != nil {
			var list diag.List
			if errors.As(err, &list) {
				err = list[0]
			}
			var de *diag.Error
			if !errors.As(err, &de) || de.Path != file || de.Line < 0 || de.Line > bytes.Count(src, []byte("\n"))+1 {
				t.Fatalf("error %q is not located in %s within the file", err, file)
			}
			return
		}
		want := bytes.ReplaceAll(bytes.TrimPrefix(src, bom), []byte("\r\n"), []byte("\n"))
		if got, want := bytes.Count(p.Body, []byte("\n")), bytes.Count(want, []byte("\n")); got != want {
			t.Fatalf("body has %d lines, file has %d", got, want)
		}
		if !bytes.HasSuffix(want, bytes.TrimLeft(p.Body, "\n")) {
			t.Fatalf("body %q is not the end of the file", p.Body)
		}
		if checkSlug(p.Slug) != nil {
			t.Fatalf("slug %q accepted", p.Slug)
		}
	})
}

// FuzzURLs gives a page any file name and slug, and checks that a site
// that loads writes every page inside its language's folder, each to its
// own file.
func FuzzURLs(f *testing.F) {
	for _, c := range [][2]string{
		{"report", "informe"},
		{"news/item", ""},
		{"news/_index", "noticias"},
		{"a/b/c", "../x"},
		{"report", "/etc/passwd"},
		{"report", `..\x`},
		{"report", "C:x"},
		{"x", ".hidden"},
		{"_index", "home"},
		{"404", "x"},
	} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, key, slug string) {
		name := config.ContentDir + "/en/" + key + ".md"
		if !fs.ValidPath(name) {
			return
		}
		var fm bytes.Buffer
		if err := toml.NewEncoder(&fm).Encode(map[string]string{"title": "T", "slug": slug}); err != nil {
			return
		}
		fsys := fstest.MapFS{
			config.ContentDir + "/en/_index.md": {Data: []byte("+++\ntitle = \"Home\"\n+++\n")},
			config.ContentDir + "/es/_index.md": {Data: []byte("+++\ntitle = \"Inicio\"\n+++\n")},
			name:                                {Data: []byte("+++\n" + fm.String() + "+++\nText\n")},
		}
		s, _, err := Load(fsys, Options{Languages: []string{"en", "es"}, Default: "en"})
		if err != nil {
			return
		}
		outs := map[string]bool{}
		for _, p := range s.Pages {
			out := strings.TrimPrefix(p.URL, "/")
			if strings.HasSuffix(out, "/") {
				out += "index.html"
			}
			if p.Out != out || !filepath.IsLocal(p.Out) || path.Clean(p.Out) != p.Out ||
				strings.ContainsAny(p.Out, `\:`) || !strings.HasPrefix(p.Out, p.Lang+"/") {
				t.Fatalf("page %s (slug %q) has URL %q and output %q", p.File, p.Slug, p.URL, p.Out)
			}
			if outs[p.Out] {
				t.Fatalf("two pages write %s", p.Out)
			}
			outs[p.Out] = true
		}
	})
}

// FuzzRelURL checks that a relative link, followed from the page that
// holds it, leads to its target, as a browser resolves it.
func FuzzRelURL(f *testing.F) {
	for _, c := range [][2]string{
		{"/en/report/", "/es/informe/"},
		{"/en/", "/en/report/#p1"},
		{"/en/404.html", "/en/"},
		{"/", "/assets/css/site.1.css"},
		{"/en/a/b/", "/en/a:b/"},
		{"/en/report/", "/en/report/"},
	} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, from, target string) {
		if !sitePath(from) || strings.Contains(from, "#") || !sitePath(strings.SplitN(target, "#", 2)[0]) {
			return
		}
		base, err1 := url.Parse("https://example.org" + from)
		want, err2 := url.Parse("https://example.org" + target)
		if err1 != nil || err2 != nil {
			return // not a URL the generator makes
		}
		rel := RelURL(from, target)
		ref, err := url.Parse(rel)
		if err != nil {
			t.Fatalf("RelURL(%q, %q) = %q, which does not parse: %v", from, target, rel, err)
		}
		got := base.ResolveReference(ref)
		if got.String() != want.String() {
			t.Fatalf("RelURL(%q, %q) = %q, which leads to %s", from, target, rel, got)
		}
	})
}

// sitePath reports whether p is a clean path from the site root, as the
// generator makes them: no empty, "." or ".." segments, no query.
func sitePath(p string) bool {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "?%\\") {
		return false
	}
	for _, seg := range strings.Split(strings.TrimSuffix(p[1:], "/"), "/") {
		if seg == "." || seg == ".." || (seg == "" && p != "/") {
			return false
		}
	}
	for _, r := range p {
		if r < ' ' || r == 0x7f {
			return false
		}
	}
	return true
}
