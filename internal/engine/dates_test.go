package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSitemapLastmod checks that a sitemap entry's <lastmod> is the
// page's own lastmod, as precise as its front matter gives it, and never
// its date: the fixture's report is dated June 2025 but was last updated
// in July 2025 (a month in English, a day in Spanish). A page that does
// not say when it was updated gets no <lastmod> rather than a guess.
func TestSitemapLastmod(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, fixture, out, Options{})
	want := map[string]string{
		"https://example.org/fixture/":                     "",
		"https://example.org/fixture/en/":                  "",
		"https://example.org/fixture/en/news/":             "",
		"https://example.org/fixture/en/news/first/":       "2025-05-20",
		"https://example.org/fixture/en/news/second/":      "",
		"https://example.org/fixture/en/report/":           "2025-07",
		"https://example.org/fixture/es/":                  "",
		"https://example.org/fixture/es/noticias/":         "",
		"https://example.org/fixture/es/noticias/primera/": "",
		"https://example.org/fixture/es/informe/":          "2025-07-15",
	}
	sm := readSitemap(t, out)
	if len(sm.URLs) != len(want) {
		t.Errorf("sitemap lists %d URLs, want %d", len(sm.URLs), len(want))
	}
	for _, u := range sm.URLs {
		w, ok := want[u.Loc]
		if !ok {
			t.Errorf("unexpected URL %s", u.Loc)
			continue
		}
		if u.Lastmod != w {
			t.Errorf("%s: lastmod %q, want %q", u.Loc, u.Lastmod, w)
		}
	}
}

// TestMonthDates checks the fixture's month-precision date everywhere a
// page shows it: the <time> element names the month in the page's
// language with a datetime of year and month only, and no output
// invents the first of the month. A full date still shows as itself.
func TestMonthDates(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, fixture, out, Options{})
	for file, want := range map[string]string{
		"en/report/index.html":     `<time datetime=2025-06>June 2025</time>`,
		"es/informe/index.html":    `<time datetime=2025-06>junio de 2025</time>`,
		"en/news/first/index.html": `<time datetime=2025-05-20>May 2025</time>`,
	} {
		data, err := os.ReadFile(filepath.Join(out, file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("%s: no %s", file, want)
		}
	}
	for _, f := range publicFiles(t, out) {
		data, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		for _, invented := range []string{"2025-06-01", "2025-07-01"} {
			if strings.Contains(string(data), invented) {
				t.Errorf("%s says %s, a day its front matter never gave", f, invented)
			}
		}
	}
}
