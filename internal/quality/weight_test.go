package quality

import (
	"bytes"
	"compress/gzip"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The budget of one page with everything it loads: what a reader on a
// slow, metered connection pays to open it.
const (
	maxGzipBytes = 30_000
	maxRequests  = 4
)

var (
	// tagRE finds the elements that make a browser fetch something.
	tagRE = regexp.MustCompile(`(?is)<(link|script|img|iframe|source|video|audio|embed|object|input)\b([^>]*)>`)
	// attrRE reads one attribute, quoted or (as minified) not.
	attrRE = regexp.MustCompile(`(?is)([a-z:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)`)
	// cssURLRE finds what a stylesheet fetches: fonts, images, imports.
	cssURLRE = regexp.MustCompile(`(?i)url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)`)
)

// loads returns the addresses that the HTML document doc makes a browser
// fetch: stylesheets, icons, preloads, scripts, images and frames.
func loads(doc []byte) []string {
	var urls []string
	for _, m := range tagRE.FindAllSubmatch(doc, -1) {
		attrs := map[string]string{}
		for _, a := range attrRE.FindAllSubmatch(m[2], -1) {
			attrs[strings.ToLower(string(a[1]))] = strings.Trim(string(a[2]), `"'`)
		}
		tag := strings.ToLower(string(m[1]))
		switch tag {
		case "link":
			switch rel := " " + strings.ToLower(attrs["rel"]) + " "; {
			case strings.Contains(rel, " stylesheet "), strings.Contains(rel, " icon "),
				strings.Contains(rel, " preload "), strings.Contains(rel, " modulepreload "),
				strings.Contains(rel, " manifest "), strings.Contains(rel, " apple-touch-icon "):
				urls = append(urls, attrs["href"])
			}
		case "object":
			urls = append(urls, attrs["data"])
		case "input":
			if strings.EqualFold(attrs["type"], "image") {
				urls = append(urls, attrs["src"])
			}
		default:
			if src, ok := attrs["src"]; ok {
				urls = append(urls, src)
			}
			if srcset, ok := attrs["srcset"]; ok {
				for _, c := range strings.Split(srcset, ",") {
					if f := strings.Fields(c); len(f) > 0 {
						urls = append(urls, f[0])
					}
				}
			}
		}
	}
	return urls
}

func gzipSize(t *testing.T, data []byte) int {
	t.Helper()
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	if err != nil {
		t.Fatal(err)
	}
	zw.Write(data)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

// resolve turns a reference made from the page file at page into a file
// of the site, or reports why it is not one: it leaves the site, or it
// is inline data that needs no request.
func resolve(page, ref string) (file string, inline bool, err string) {
	switch {
	case ref == "":
		return "", false, "an empty address"
	case strings.HasPrefix(ref, "data:"):
		return "", true, ""
	case strings.HasPrefix(ref, "//"), strings.Contains(strings.SplitN(ref, "/", 2)[0], ":"):
		return "", false, "a request that leaves the site"
	}
	ref, _, _ = strings.Cut(ref, "#")
	ref, _, _ = strings.Cut(ref, "?")
	if strings.HasPrefix(ref, "/") {
		return strings.TrimPrefix(path.Clean(ref), "/"), false, ""
	}
	return path.Join(path.Dir(page), ref), false, ""
}

// TestPageWeight checks that every page, gzip-compressed, with the
// stylesheets, icons and anything else it loads, stays within the budget,
// loads nothing from another site, and loads nothing that is missing.
func TestPageWeight(t *testing.T) {
	pub := builtSite(t)
	heaviest, heaviestPage, heaviestReqs := 0, "", 0
	for _, page := range htmlPages(t, pub) {
		t.Run(page, func(t *testing.T) {
			doc, err := os.ReadFile(filepath.Join(pub, page))
			if err != nil {
				t.Fatal(err)
			}
			total, requests := gzipSize(t, doc), 1
			seen := map[string]bool{}
			var visit func(from string, refs []string)
			visit = func(from string, refs []string) {
				for _, ref := range refs {
					file, inline, problem := resolve(from, ref)
					if problem != "" {
						t.Errorf("%s loads %q: %s", from, ref, problem)
						continue
					}
					if inline || seen[file] {
						continue
					}
					seen[file] = true
					data, err := os.ReadFile(filepath.Join(pub, filepath.FromSlash(file)))
					if err != nil {
						t.Errorf("%s loads %q, which the site does not have", from, ref)
						continue
					}
					requests++
					total += gzipSize(t, data)
					if strings.HasSuffix(file, ".css") {
						var more []string
						for _, m := range cssURLRE.FindAllSubmatch(data, -1) {
							more = append(more, string(m[1])+string(m[2]))
						}
						visit(file, more)
					}
				}
			}
			visit(page, loads(doc))
			if !bytes.Contains(doc, []byte(`rel=icon`)) && !bytes.Contains(doc, []byte(`rel="icon"`)) {
				// Without an icon link, browsers ask for /favicon.ico.
				t.Errorf("no <link rel=icon>: browsers would request /favicon.ico")
			}
			if total >= maxGzipBytes {
				t.Errorf("%d bytes gzip-compressed with what it loads; the budget is under %d", total, maxGzipBytes)
			}
			if requests > maxRequests {
				t.Errorf("%d requests; the budget is %d", requests, maxRequests)
			}
			if strings.HasSuffix(page, ".html") && !strings.HasSuffix(page, "index.html") && !strings.HasSuffix(page, "404.html") && requests != 1 {
				t.Errorf("single-file edition makes %d requests; it must make only the one for itself", requests)
			}
			t.Logf("%d bytes gzip, %d requests", total, requests)
			if total > heaviest {
				heaviest, heaviestPage, heaviestReqs = total, page, requests
			}
		})
	}
	t.Logf("heaviest page: %s, %d bytes gzip-compressed in %d requests", heaviestPage, heaviest, heaviestReqs)
}

func TestLoads(t *testing.T) {
	doc := []byte(`<link rel=stylesheet href=../a.css integrity=x><link rel="icon" href="/i.svg"><link rel=canonical href=https://x/><img src=p.png srcset="p1.png 1x, p2.png 2x"><script src='s.js'></script><a href=z.html>`)
	got := strings.Join(loads(doc), " ")
	want := "../a.css /i.svg p.png p1.png p2.png s.js"
	if got != want {
		t.Errorf("loads = %q, want %q", got, want)
	}
	for _, tc := range []struct{ page, ref, file, problem string }{
		{"en/about/index.html", "../../assets/a.css", "assets/a.css", ""},
		{"en/404.html", "/assets/a.css", "assets/a.css", ""},
		{"index.html", "https://cdn.example/x.css", "", "a request that leaves the site"},
		{"index.html", "//cdn.example/x.css", "", "a request that leaves the site"},
	} {
		file, _, problem := resolve(tc.page, tc.ref)
		if file != tc.file || problem != tc.problem {
			t.Errorf("resolve(%q, %q) = %q, %q; want %q, %q", tc.page, tc.ref, file, problem, tc.file, tc.problem)
		}
	}
}
