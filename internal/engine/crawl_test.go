package engine

import (
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestCrawl publishes the real site under a folder of a plain file
// server and follows every link, asset and anchor from the root, as a
// reader would: with a base URL that has a path (a GitHub Pages project
// site), and with no base URL from a folder the site knows nothing of.
func TestCrawl(t *testing.T) {
	tests := []struct {
		name    string
		baseURL string // "" removes site.toml's
		prefix  string // where the server publishes public/
		// missing are addresses of no page, where the server shows a
		// 404 page as hosts do; its links must work from there.
		missing []string
	}{
		{"base URL with a path", "https://example.org/cecot-report/", "/cecot-report/",
			[]string{"/cecot-report/no/such/page/", "/cecot-report/en/gone/deeper/", "/cecot-report/es/ya-no"}},
		{"no base URL, any folder", "", "/some/folder/", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := buildProject(t, Options{BaseURL: tt.baseURL}, func(src string) {
				if tt.baseURL == "" {
					removeBaseURL(t, src)
				}
			})
			srv := httptest.NewServer(siteServer(out, tt.prefix))
			defer srv.Close()
			c := newCrawler(t, srv.URL, tt.prefix, tt.baseURL)
			c.visit(srv.URL+tt.prefix, http.StatusOK, "start")
			for _, m := range tt.missing {
				c.visit(srv.URL+m, http.StatusNotFound, "a missing address")
			}
			if tt.baseURL != "" {
				c.visit(srv.URL+tt.prefix+"robots.txt", http.StatusOK, "start")
				c.visit(srv.URL+tt.prefix+"sitemap.xml", http.StatusOK, "start")
				for _, loc := range sitemapLocs(t, out) {
					c.follow(srv.URL+tt.prefix+"sitemap.xml", loc)
				}
			}
			c.run()
			c.checkAnchors()
			// Every page must be reachable by links, except the 404 pages,
			// which hosts show at missing addresses.
			for _, f := range publicFiles(t, out) {
				if path.Ext(f) == ".html" && path.Base(f) != "404.html" && !c.seen[srv.URL+pageURL(tt.prefix, f)] {
					t.Errorf("%s: no link leads to it", f)
				}
			}
			t.Logf("crawled %d pages and %d other files", c.pages, len(c.seen)-c.pages)
			if c.pages < 10 {
				t.Errorf("crawled only %d pages", c.pages)
			}
		})
	}
}

// TestCrawlFindsBrokenLinks makes sure that the crawler above can fail:
// a site with a link to no page, a link to a missing anchor and a link
// that escapes the site's folder must make it report each of them.
func TestCrawlFindsBrokenLinks(t *testing.T) {
	out := buildProject(t, Options{}, func(src string) {
		removeBaseURL(t, src)
		p := filepath.Join(src, "content/en/about.md")
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		data = append(data, "\n[gone](/en/no-such-page/), [anchor](submission.md#no-such-id), [up](../../../x)\n"...)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	})
	srv := httptest.NewServer(siteServer(out, "/f/"))
	defer srv.Close()
	c := newCrawler(t, srv.URL, "/f/", "")
	var problems []string
	c.errorf = func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	c.visit(srv.URL+"/f/", http.StatusOK, "start")
	c.run()
	c.checkAnchors()
	for _, want := range []string{"/f/en/no-such-page/ (linked from", "link to #no-such-id", "outside the site's folder"} {
		found := false
		for _, p := range problems {
			found = found || strings.Contains(p, want)
		}
		if !found {
			t.Errorf("no report containing %q; reports:\n%s", want, strings.Join(problems, "\n"))
		}
	}
}

// removeBaseURL empties the baseURL of site.toml in a project copy.
func removeBaseURL(t *testing.T, src string) {
	t.Helper()
	p := filepath.Join(src, "site.toml")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	data = regexp.MustCompile(`(?m)^baseURL = .*$`).ReplaceAll(data, []byte(`baseURL = ""`))
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// siteServer serves the folder out under prefix with http.FileServer. At
// a missing address it shows a 404 page as static hosts do: the
// language's own under its folder, else the one at the root.
func siteServer(out, prefix string) http.Handler {
	files := http.FileServer(http.Dir(out))
	site := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Join(out, filepath.FromSlash(path.Clean("/"+r.URL.Path)))
		if _, err := os.Stat(name); err == nil {
			files.ServeHTTP(w, r)
			return
		}
		notFound := "404.html"
		if lang, _, ok := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/"); ok {
			if _, err := os.Stat(filepath.Join(out, lang, "404.html")); err == nil {
				notFound = lang + "/404.html"
			}
		}
		data, err := os.ReadFile(filepath.Join(out, notFound))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write(data)
	})
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), site))
	return mux
}

// crawler follows links within the published site.
type crawler struct {
	t       *testing.T
	errorf  func(format string, args ...any) // reports a broken link
	client  *http.Client
	server  string   // the test server's URL
	prefix  string   // the site's folder on the server
	base    *url.URL // the site's base URL, or nil
	queue   []visit
	seen    map[string]bool
	ids     map[string][]string // page URL → its ids
	anchors []anchor
	pages   int
}

type visit struct{ url, from string }

// anchor is a link to a fragment of a page, checked once all pages are
// known.
type anchor struct{ page, id, from string }

func newCrawler(t *testing.T, server, prefix, baseURL string) *crawler {
	c := &crawler{
		t:      t,
		errorf: t.Errorf,
		server: server,
		prefix: prefix,
		seen:   map[string]bool{},
		ids:    map[string][]string{},
		// A redirect means a link that is not the page's own address.
		client: &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }},
	}
	if baseURL != "" {
		c.base = mustParse(t, baseURL)
	}
	return c
}

// follow checks a link found on page from and queues its target.
func (c *crawler) follow(from, raw string) {
	c.t.Helper()
	if raw == "" {
		c.errorf("%s: empty link", from)
		return
	}
	ref, err := url.Parse(raw)
	if err != nil {
		c.errorf("%s: link %q: %v", from, raw, err)
		return
	}
	switch ref.Scheme {
	case "", "http", "https":
	case "mailto", "tel", "data":
		// data: is inline (the single-file edition's icon): nothing to fetch.
		return
	default:
		c.errorf("%s: link %q: scheme %s", from, raw, ref.Scheme)
		return
	}
	var target *url.URL
	if ref.IsAbs() {
		if c.base == nil || ref.Host != c.base.Host {
			return // another site
		}
		if !strings.HasPrefix(ref.Path, c.base.Path) {
			c.errorf("%s: link %q leaves the base URL %s", from, raw, c.base)
			return
		}
		target = mustParse(c.t, c.server+c.prefix+strings.TrimPrefix(ref.Path, c.base.Path))
		target.Fragment = ref.Fragment
	} else {
		target = mustParse(c.t, from).ResolveReference(ref)
	}
	if !strings.HasPrefix(target.Path, c.prefix) {
		c.errorf("%s: link %q leads to %s, outside the site's folder %s", from, raw, target.Path, c.prefix)
		return
	}
	if target.Fragment != "" {
		page := *target
		page.Fragment = ""
		c.anchors = append(c.anchors, anchor{page.String(), target.Fragment, from})
	}
	target.Fragment = ""
	c.queue = append(c.queue, visit{target.String(), from})
}

func (c *crawler) run() {
	for len(c.queue) > 0 {
		v := c.queue[0]
		c.queue = c.queue[1:]
		c.visit(v.url, http.StatusOK, v.from)
	}
}

// wantTypes are the media types a host must send for each extension; ""
// is a folder's index.html.
var wantTypes = map[string][]string{
	"":      {"text/html"},
	".html": {"text/html"},
	".css":  {"text/css"},
	".svg":  {"image/svg+xml"},
	".xml":  {"text/xml", "application/xml"},
	".txt":  {"text/plain"},
}

// visit fetches u once and follows its links.
func (c *crawler) visit(u string, status int, from string) {
	t := c.t
	t.Helper()
	if c.seen[u] {
		return
	}
	c.seen[u] = true
	resp, err := c.client.Get(u)
	if err != nil {
		c.errorf("%s (linked from %s): %v", u, from, err)
		return
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != status {
		c.errorf("%s (linked from %s): status %d, want %d", u, from, resp.StatusCode, status)
		return
	}
	p := mustParse(t, u).Path
	ext := path.Ext(p)
	if strings.HasSuffix(p, "/") || status == http.StatusNotFound {
		ext = ""
	}
	mt, params, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	want, known := wantTypes[ext]
	if !known {
		c.errorf("%s: a file of an unexpected type was published", u)
	} else if !slices.Contains(want, mt) {
		c.errorf("%s: Content-Type %q, want %s", u, mt, want[0])
	}
	if strings.HasPrefix(mt, "text/") && params["charset"] != "" && !strings.EqualFold(params["charset"], "utf-8") {
		c.errorf("%s: charset %s", u, params["charset"])
	}
	switch mt {
	case "text/html":
		c.pages++
		c.page(u, body)
	case "text/css":
		for _, m := range cssURL.FindAllSubmatch(body, -1) {
			c.follow(u, strings.Trim(string(m[1]), `"' `))
		}
	}
}

// cssURL finds url(...) references in a stylesheet.
var cssURL = regexp.MustCompile(`url\(([^)]*)\)`)

// page records a page's ids and follows its links.
func (c *crawler) page(u string, body []byte) {
	var ids []string
	for _, el := range parseHTML(body) {
		if id, ok := el.attrs["id"]; ok {
			if slices.Contains(ids, id) {
				c.errorf("%s: id %q appears twice", u, id)
			}
			ids = append(ids, id)
		}
		for _, link := range urlsOf(el) {
			c.follow(u, link)
		}
	}
	c.ids[u] = ids
}

// checkAnchors checks that every link to a fragment finds its id.
func (c *crawler) checkAnchors() {
	for _, a := range c.anchors {
		ids, ok := c.ids[a.page]
		if !ok {
			continue // not a page, or already reported broken
		}
		if !slices.Contains(ids, a.id) {
			c.errorf("%s: link to #%s: %s has no such id", a.from, a.id, a.page)
		}
	}
}

// TestPublicIsReadable checks that every folder and file of a built site
// can be read by everyone, as a web server running as another user must.
func TestPublicIsReadable(t *testing.T) {
	out := buildProject(t, Options{}, nil)
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		want := os.FileMode(0o004)
		if d.IsDir() {
			want |= 0o001
		}
		if info.Mode().Perm()&want != want {
			t.Errorf("%s: mode %v, not readable by a web server running as another user", p, info.Mode().Perm())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
