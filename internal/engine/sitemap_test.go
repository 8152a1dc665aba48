package engine

import (
	"encoding/xml"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// sitemapFile is sitemap.xml as read back.
type sitemapFile struct {
	URLs []struct {
		Loc     string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
		Lastmod string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 lastmod"`
		Links   []struct {
			Rel      string `xml:"rel,attr"`
			Hreflang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"http://www.w3.org/1999/xhtml link"`
	} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
}

func readSitemap(t *testing.T, out string) sitemapFile {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var sm sitemapFile
	if err := xml.Unmarshal(data, &sm); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	return sm
}

// sitemapLocs are the URLs sitemap.xml lists.
func sitemapLocs(t *testing.T, out string) []string {
	var locs []string
	for _, u := range readSitemap(t, out).URLs {
		locs = append(locs, u.Loc)
	}
	return locs
}

// TestSitemap checks sitemap.xml against the pages that were built: it
// lists exactly the indexable pages (those without a noindex robots tag,
// whose canonical URL is their own), with the same hreflang alternates
// as their heads, and every alternate leads back. It does so for the
// real site, and for the real site with a missing translation, whose
// stand-in must stay out.
func TestSitemap(t *testing.T) {
	const base = "https://example.org/cecot-report/"
	tests := []struct {
		name      string
		change    func(src string)
		standIn   string // the published file of a stand-in, which must be left out
		wantPages int
	}{
		{"real site", nil, "", 8},
		{"a translation missing", func(src string) {
			if err := os.Remove(filepath.Join(src, "content/es/about.md")); err != nil {
				t.Fatal(err)
			}
		}, "es/about/index.html", 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := buildProject(t, Options{BaseURL: base}, tt.change)
			// What the built pages say of themselves.
			type head struct {
				lang       string
				alternates map[string]string // hreflang → href
			}
			indexable := map[string]head{} // URL → head
			for _, f := range publicFiles(t, out) {
				if path.Ext(f) != ".html" {
					continue
				}
				data, err := os.ReadFile(filepath.Join(out, f))
				if err != nil {
					t.Fatal(err)
				}
				u := pageURL(base, f)
				h := head{alternates: map[string]string{}}
				noindex, canonical := false, ""
				for _, el := range parseHTML(data) {
					switch {
					case el.tag == "html":
						h.lang = el.attrs["lang"]
					case el.tag == "meta" && el.attrs["name"] == "robots":
						noindex = strings.Contains(el.attrs["content"], "noindex")
					case el.tag == "link" && el.attrs["rel"] == "canonical":
						canonical = el.attrs["href"]
					case el.tag == "link" && el.attrs["rel"] == "alternate" && el.attrs["hreflang"] != "":
						h.alternates[el.attrs["hreflang"]] = el.attrs["href"]
					}
				}
				if f == tt.standIn && !noindex {
					t.Errorf("%s: the stand-in for a missing translation has no noindex", f)
				}
				if noindex || canonical != u {
					continue
				}
				indexable[u] = h
			}
			sm := readSitemap(t, out)
			listed := map[string]map[string]string{}
			for _, e := range sm.URLs {
				if _, dup := listed[e.Loc]; dup {
					t.Errorf("sitemap lists %s twice", e.Loc)
				}
				alts := map[string]string{}
				for _, l := range e.Links {
					if l.Rel != "alternate" {
						t.Errorf("sitemap: %s: link rel %q", e.Loc, l.Rel)
					}
					alts[l.Hreflang] = l.Href
				}
				listed[e.Loc] = alts
				h, ok := indexable[e.Loc]
				if !ok {
					t.Errorf("sitemap lists %s, which is not a built indexable page", e.Loc)
					continue
				}
				if !maps.Equal(alts, h.alternates) {
					t.Errorf("%s: sitemap alternates %v, but the page's head has %v", e.Loc, alts, h.alternates)
				}
			}
			for u := range indexable {
				if _, ok := listed[u]; !ok {
					t.Errorf("%s is indexable but not in the sitemap", u)
				}
			}
			// Alternates are reciprocal: each page a page names as its
			// translation names it back, in its own language.
			for loc, alts := range listed {
				lang := indexable[loc].lang
				if alts[lang] != loc && loc != base {
					t.Errorf("%s: no alternate for itself (%s)", loc, lang)
				}
				for hl, href := range alts {
					if hl == "x-default" {
						if href != base {
							t.Errorf("%s: x-default is %s, want the language chooser %s", loc, href, base)
						}
						continue
					}
					back, ok := listed[href]
					if !ok {
						t.Errorf("%s: alternate %s=%s is not in the sitemap", loc, hl, href)
						continue
					}
					if loc != base && back[lang] != loc {
						t.Errorf("%s: alternate %s=%s does not name it back", loc, hl, href)
					}
				}
			}
			if len(listed) != tt.wantPages+1 {
				t.Errorf("sitemap lists %d URLs, want %d pages and the chooser", len(listed), tt.wantPages)
			}
			if tt.standIn != "" {
				if _, ok := listed[pageURL(base, tt.standIn)]; ok {
					t.Errorf("the stand-in %s is in the sitemap", tt.standIn)
				}
			}
			robots, err := os.ReadFile(filepath.Join(out, "robots.txt"))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(strings.Split(string(robots), "\n"), "Sitemap: "+base+"sitemap.xml") {
				t.Errorf("robots.txt does not name the sitemap:\n%s", robots)
			}
		})
	}
}
