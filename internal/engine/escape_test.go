package engine

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"

	"cecot/internal/projecttest"
)

// contextsLayout puts front matter and locale text in every context that
// html/template escapes differently: element text, attributes, a URL
// query, a URL, JSON and JavaScript.
const contextsLayout = `<!doctype html>
<html lang="{{.Lang}}">
<title>{{.Title}}</title>
<meta name="description" content="{{.Description}}">
<a id="search" href="/search?q={{.Title}}">search</a>
<a id="link" href="{{.Params.link}}">link</a>
<script type="application/ld+json">{"name": {{.Title}}, "about": {{.Params.summary}}}</script>
<script>var title = {{.Title}};</script>
<p title="{{T "footer_note"}}">{{T "footer_note"}}</p>
{{.Content}}
</html>
`

// injection is what a contributor might write to break out of a context.
type injection struct {
	title, description, summary, link, note, body string
}

// writeEscapeProject copies the real project, puts inj into a page's
// front matter and body and into an interface string, and adds a page
// that shows them in every context.
func writeEscapeProject(t *testing.T, inj injection) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	projecttest.CopyTo(t, dir)
	q := func(s string) string { return "'''" + s + "'''" } // a TOML literal string
	page := func(extra string) string {
		return "+++\ntitle = " + q(inj.title) + "\ndescription = " + q(inj.description) + "\n" + extra +
			"[params]\nsummary = " + q(inj.summary) + "\nlink = " + q(inj.link) + "\n+++\n\n" + inj.body + "\n"
	}
	files := map[string]string{
		"content/en/about.md":    page(""),
		"content/es/about.md":    page(""),
		"content/en/contexts.md": page("layout = \"contexts\"\n"),
		"layouts/contexts.html":  contextsLayout,
		"locales/en.toml.footer": inj.note,
	}
	for name, data := range files {
		if name == "locales/en.toml.footer" {
			p := filepath.Join(dir, "locales", "en.toml")
			old, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			re := regexp.MustCompile(`(?m)^(\[footer_note\]\n(?:description = .*\n)?)other = .*$`)
			note := data
			data = re.ReplaceAllStringFunc(string(old), func(m string) string {
				head, _, _ := strings.Cut(m, "other = ")
				return head + "other = " + q(note)
			})
			name = "locales/en.toml"
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// structure lists the tags and attribute names of an HTML page, which
// text, however odd, must never change.
func structure(page []byte) []string {
	var s []string
	l := html.NewLexer(parse.NewInputBytes(page))
	for {
		tt, _ := l.Next()
		switch tt {
		case html.ErrorToken:
			return s
		case html.StartTagToken, html.EndTagToken:
			s = append(s, string(tt.String())+" "+string(l.Text()))
		case html.AttributeToken:
			s = append(s, "attr "+string(l.Text()))
		}
	}
}

// urls lists the values of a page's href and src attributes.
func urls(page []byte) []string {
	var us []string
	l := html.NewLexer(parse.NewInputBytes(page))
	for {
		tt, _ := l.Next()
		switch tt {
		case html.ErrorToken:
			return us
		case html.AttributeToken:
			if k := string(l.Text()); k == "href" || k == "src" {
				us = append(us, strings.Trim(string(l.AttrVal()), `"'`))
			}
		}
	}
}

// TestEscaping builds the real layouts twice, with plain text and with
// text that tries to break out of every context it lands in, and checks
// that the pages have the same tags and attributes, that the text shows
// as text, and that a javascript: link from front matter is neutralized.
func TestEscaping(t *testing.T) {
	plain := injection{"Plain title", "Plain description", "Plain summary", "https://example.org/", "Plain note", "<p>Plain.</p>\n\nText x [a link](https://example.org/)."}
	evil := injection{
		title:       `<script>alert(1)</script>"'><img src=x onerror=alert(2)>`,
		description: `"><script>alert(3)</script><meta http-equiv="refresh" content="0;url=javascript:alert(4)">`,
		summary:     `</script><script>alert(5)</script>{"a":"\u2028"}`,
		link:        `javascript:alert(6)`,
		note:        `<img src=x onerror=alert(7)>" onmouseover="alert(8)`,
		body:        "<script>alert(9)</script>\n\nText <b onclick=alert(10)>x</b> [a link](jAvAsCrIpT:alert(11)).",
	}
	build := func(inj injection) map[string][]byte {
		src := writeEscapeProject(t, inj)
		out := filepath.Join(filepath.Dir(src), "public")
		if _, err := Build(context.Background(), src, out, Options{}); err != nil {
			t.Fatal(err)
		}
		return readTree(t, out)
	}
	want, got := build(plain), build(evil)
	for name, page := range got {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		if w, g := strings.Join(structure(want[name]), "\n"), strings.Join(structure(page), "\n"); w != g {
			t.Errorf("%s: the text changed the page's tags or attributes:\n%s\nwant:\n%s", name, g, w)
		}
		layoutURLs := map[string]bool{} // such as a standalone page's data: favicon
		for _, u := range urls(want[name]) {
			layoutURLs[u] = true
		}
		for _, u := range urls(page) {
			if layoutURLs[u] {
				continue
			}
			if strings.HasPrefix(u, "mailto:?") {
				continue // the share link, which carries the title encoded
			}
			if scheme, _, ok := strings.Cut(u, ":"); ok && !strings.Contains(scheme, "/") && scheme != "https" {
				t.Errorf("%s links to %q", name, u)
			}
		}
	}
	// What each context looks like after html/template and the minifier.
	page := string(got["en/contexts/index.html"])
	for _, want := range []string{
		`<title>&lt;script>alert(1)&lt;/script>"'>&lt;img src=x onerror=alert(2)></title>`,
		`<meta name=description content='"><script>alert(3)</script><meta http-equiv="refresh" content="0;url=javascript:alert(4)">'>`,
		`href="/search?q=%3cscript%3ealert%281%29%3c%2fscript%3e%22%27%3e%3cimg%20src%3dx%20onerror%3dalert%282%29%3e"`,
		`<a id=link href=#ZgotmplZ>`, // html/template's mark for a URL it refused
		`{"name": "\u003cscript\u003ealert(1)\u003c/script\u003e\"'\u003e\u003cimg src=x onerror=alert(2)\u003e", "about": "\u003c/script\u003e\u003cscript\u003ealert(5)\u003c/script\u003e`,
		`<p title='<img src=x onerror=alert(7)>" onmouseover="alert(8)'>&lt;img src=x onerror=alert(7)>" onmouseover="alert(8)</p>`,
		`<p>Text x <a href>a link</a>.`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("en/contexts/index.html does not contain %s:\n%s", want, page)
		}
	}
}
