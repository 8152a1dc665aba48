package check

import (
	"io/fs"
	"net/url"
	"path"
	"strings"
	"testing"
	"unicode/utf8"

	"cecot/internal/config"
	"cecot/internal/engine"
)

// FuzzResolve checks the link checker's reading of a URL against a
// browser's: a link it counts as internal names a clean path inside the
// built site, the one a browser would fetch.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"report/#facts", "#main", "../en/", "/site/en/", "https://example.org/site/es/informe/",
		"../../assets/site.css", "", ".", "..", "../../../../etc/passwd", "/site/../x",
		"https://example.org/site/../../x", "%2e%2e/x", "/other/", "mailto:a@example.org", "//example.org/site/en/",
		"x.png?v=1", "./", "en/..", "https://example.org/site",
	} {
		f.Add("en/report/index.html", s)
	}
	const base = "https://example.org/site/"
	c := &checker{site: &engine.Site{Config: &config.Config{BaseURL: base}}}
	f.Fuzz(func(t *testing.T, name, raw string) {
		if !fs.ValidPath(name) || name == "." || strings.ContainsAny(name, "?#%\\") || !utf8.ValidString(raw) {
			return
		}
		target, _, internal := c.resolve(name, raw)
		if !internal {
			return
		}
		if path.Clean(target) != target || target == "." || target == ".." || strings.HasPrefix(target, "../") || strings.HasPrefix(target, "/") {
			t.Fatalf("resolve(%q, %q) = %q, not a path in the site", name, raw, target)
		}
		from, err := url.Parse(base + name)
		if err != nil {
			return
		}
		ref, err := url.Parse(strings.TrimSpace(raw))
		if err != nil || strings.Contains(raw, "%") {
			return // browsers also read %2e as a dot; Go's URL package does not
		}
		if strings.Contains(ref.Path, "//") {
			return // the checker, like most servers, reads a//b as a/b
		}
		got := from.ResolveReference(ref)
		p, ok := strings.CutPrefix(got.Path, "/site/")
		if got.Host != "example.org" || !ok {
			t.Fatalf("resolve(%q, %q) = %q, but a browser leaves the site for %s", name, raw, target, got)
		}
		if p == "" || strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		if p != target && p != target+"/index.html" {
			t.Fatalf("resolve(%q, %q) = %q, but a browser fetches %s", name, raw, target, got)
		}
	})
}
