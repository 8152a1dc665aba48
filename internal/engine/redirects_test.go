package engine

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestRedirects checks _redirects of the real site under a base path:
// language negotiation at the root only, as a temporary redirect to a
// home that exists, and 404 rules that name built 404 pages; every path
// under the base path.
func TestRedirects(t *testing.T) {
	const base = "/cecot-report/"
	out := buildProject(t, Options{BaseURL: "https://example.org" + base}, nil)
	data, err := os.ReadFile(filepath.Join(out, "_redirects"))
	if err != nil {
		t.Fatal(err)
	}
	exists := func(p string) bool {
		rel := strings.TrimPrefix(p, base)
		if rel == "" || strings.HasSuffix(rel, "/") {
			rel += "index.html"
		}
		_, err := os.Stat(filepath.Join(out, filepath.FromSlash(rel)))
		return err == nil
	}
	var langs []string
	for i, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		where := "_redirects:" + strconv.Itoa(i+1)
		if len(f) < 3 || !strings.HasPrefix(f[0], base) || !strings.HasPrefix(f[1], base) {
			t.Errorf("%s: %q: want from, to and status under %s", where, line, base)
			continue
		}
		if !exists(f[1]) {
			t.Errorf("%s: %s is not a built page", where, f[1])
		}
		switch f[2] {
		case "302!":
			if f[0] != base || len(f) != 4 || !strings.HasPrefix(f[3], "Language=") {
				t.Errorf("%s: %q: redirects only at the root, by language", where, line)
				continue
			}
			lang := strings.TrimPrefix(f[3], "Language=")
			if f[1] != base+lang+"/" {
				t.Errorf("%s: %q: Language=%s leads to %s", where, line, lang, f[1])
			}
			langs = append(langs, lang)
		case "404":
			if !strings.HasSuffix(f[0], "/*") || !strings.HasSuffix(f[1], "/404.html") {
				t.Errorf("%s: %q: want a folder's missing pages to its 404 page", where, line)
			}
		default:
			t.Errorf("%s: %q: unexpected status", where, line)
		}
	}
	if !slices.Equal(langs, []string{"en", "es"}) {
		t.Errorf("root redirects for %v, want en and es", langs)
	}
	// With no language matching, the host serves the chooser.
	if !exists(base) {
		t.Error("no language chooser at the root")
	}
}
