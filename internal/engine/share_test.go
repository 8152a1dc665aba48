package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"image"
	"image/png"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"cecot/internal/share"
)

// metas returns a page's <meta property|name=... content=...> values.
func metas(els []element) map[string][]string {
	m := map[string][]string{}
	for _, el := range els {
		if el.tag != "meta" {
			continue
		}
		key := el.attrs["property"]
		if key == "" {
			key = el.attrs["name"]
		}
		if key != "" {
			m[key] = append(m[key], el.attrs["content"])
		}
	}
	return m
}

func readPage(t *testing.T, out, name string) []element {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join(out, name))
	if err != nil {
		t.Fatal(err)
	}
	return parseHTML(doc)
}

// TestShareImageTags builds the real site under a base URL with a path
// and checks each page's link preview tags: absolute og:image under the
// path, its size and type, a localized alt, a large card, and an image
// file that exists, is a 1200×630 PNG and weighs at most 60 KB.
func TestShareImageTags(t *testing.T) {
	const base = "https://example.org/cecot-report/"
	out := buildProject(t, Options{BaseURL: base}, nil)
	alts := map[string]string{"en/submission/index.html": "“", "es/informe/index.html": "«"}
	images := map[string]bool{}
	for name, quote := range alts {
		m := metas(readPage(t, out, name))
		img := m["og:image"]
		if len(img) != 1 || !strings.HasPrefix(img[0], base+"assets/share/") || !strings.HasSuffix(img[0], ".png") {
			t.Fatalf("%s: og:image %q, want one absolute PNG under %s", name, img, base)
		}
		images[img[0]] = true
		for key, want := range map[string]string{"og:image:width": "1200", "og:image:height": "630", "og:image:type": "image/png", "twitter:card": "summary_large_image"} {
			if got := m[key]; len(got) != 1 || got[0] != want {
				t.Errorf("%s: %s %q, want %q", name, key, got, want)
			}
		}
		if alt := m["og:image:alt"]; len(alt) != 1 || !strings.Contains(alt[0], quote) || !strings.Contains(alt[0], m["og:title"][0]) {
			t.Errorf("%s: og:image:alt %q: want the title, quoted in the page's language with %s", name, alt, quote)
		}
		for _, key := range []string{"og:url", "og:image"} {
			if u, err := url.Parse(m[key][0]); err != nil || !u.IsAbs() || !strings.HasPrefix(u.Path, "/cecot-report/") {
				t.Errorf("%s: %s %q is not absolute under the base path", name, key, m[key])
			}
		}
		file := filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(img[0], base)))
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%s: og:image: %v", name, err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil || cfg.Width != 1200 || cfg.Height != 630 || len(data) > 60<<10 {
			t.Errorf("%s: %s: %d×%d, %d bytes, %v", name, img[0], cfg.Width, cfg.Height, len(data), err)
		}
	}
	if len(images) != 2 {
		t.Errorf("the two languages share an image: %v", images)
	}
	// The language chooser at the root has an image of its own.
	root := metas(readPage(t, out, "index.html"))
	if img := root["og:image"]; len(img) != 1 || !strings.HasPrefix(img[0], base+"assets/share/index.") || root["twitter:card"][0] != "summary_large_image" {
		t.Errorf("root: og:image %q, twitter:card %q", img, root["twitter:card"])
	} else if _, err := os.Stat(filepath.Join(out, strings.TrimPrefix(img[0], base))); err != nil {
		t.Errorf("root: %v", err)
	}
	// Its alt text says each language's site name and home title in that
	// language's words, without a list of language names to read aloud
	// first (issue 23).
	alt := root["og:image:alt"]
	if len(alt) != 1 {
		t.Fatalf("root: og:image:alt %q", alt)
	}
	parts := strings.Split(alt[0], " / ")
	if len(parts) != 2 || !strings.HasPrefix(parts[0], "Sent to CECOT: “") || !strings.HasSuffix(parts[0], "”") ||
		!strings.HasPrefix(parts[1], "Enviados al CECOT: «") || !strings.HasSuffix(parts[1], "»") {
		t.Errorf("root: og:image:alt %q, want each language's site name and quoted home title, English then Spanish", alt[0])
	}
	// No drawn image on a 404 page, nor without a base URL (an
	// image in a preview must be an absolute address).
	if m := metas(readPage(t, out, "en/404.html")); m["og:image"] != nil || m["twitter:card"][0] != "summary" {
		t.Errorf("404 page: og:image %q, twitter:card %q", m["og:image"], m["twitter:card"])
	}
}

// TestShareImagesOff: site.toml's switch leaves out the drawn images and
// their tags, but a page's own image, named in its front matter, stays.
func TestShareImagesOff(t *testing.T) {
	const base = "https://example.org/"
	out := buildProject(t, Options{BaseURL: base}, func(src string) {
		replaceInFile(t, filepath.Join(src, "site.toml"), "[share]\nimages = true", "[share]\nimages = false")
		replaceInFile(t, filepath.Join(src, "content/es/submission.md"), "+++\ntitle", "+++\nshare_image = \"images/cover.png\"\nshare_image_alt = \"Una portada\"\ntitle")
		var img bytes.Buffer
		if err := png.Encode(&img, image.NewGray(image.Rect(0, 0, 600, 315))); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(src, "assets/images"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(src, "assets/images/cover.png"), img.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	})
	if _, err := os.Stat(filepath.Join(out, "assets/share")); !os.IsNotExist(err) {
		t.Errorf("assets/share/ exists with images off: %v", err)
	}
	if m := metas(readPage(t, out, "en/submission/index.html")); m["og:image"] != nil || m["twitter:card"][0] != "summary" {
		t.Errorf("images off: og:image %q, twitter:card %q", m["og:image"], m["twitter:card"])
	}
	m := metas(readPage(t, out, "es/informe/index.html"))
	if img := m["og:image"]; len(img) != 1 || !strings.HasPrefix(img[0], base+"assets/images/cover.") || m["og:image:alt"][0] != "Una portada" ||
		m["og:image:type"][0] != "image/png" || m["og:image:width"][0] != "600" || m["og:image:height"][0] != "315" || m["twitter:card"][0] != "summary_large_image" {
		t.Errorf("own image: %v", m)
	}
}

func replaceInFile(t *testing.T, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s has no %q", file, old)
	}
	if err := os.WriteFile(file, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestShareImagesDeterministic: two builds, the second from the cache
// folder the first filled, give byte-identical images.
func TestShareImagesDeterministic(t *testing.T) {
	cache := t.TempDir()
	a := readTree(t, buildProject(t, Options{BaseURL: "https://example.org/"}, nil))
	b := readTree(t, buildProject(t, Options{BaseURL: "https://example.org/", Shares: share.NewCache(cache)}, nil))
	c := readTree(t, buildProject(t, Options{BaseURL: "https://example.org/", Shares: share.NewCache(cache)}, nil))
	n := 0
	for name, data := range a {
		if strings.HasPrefix(name, "assets/share/") {
			n++
			if !bytes.Equal(data, b[name]) || !bytes.Equal(data, c[name]) {
				t.Errorf("%s differs between builds", name)
			}
		}
	}
	if n < 8 {
		t.Errorf("%d share images, want one per page and language", n)
	}
	cached, _ := filepath.Glob(filepath.Join(cache, "*.png"))
	if len(cached) != n {
		t.Errorf("the cache holds %d images, want %d", len(cached), n)
	}
}

// ldThing is the part of the pages' JSON-LD that the test reads.
type ldThing struct {
	Context           string     `json:"@context"`
	Type              string     `json:"@type"`
	Name              string     `json:"name"`
	Description       string     `json:"description"`
	InLanguage        string     `json:"inLanguage"`
	URL               string     `json:"url"`
	DatePublished     string     `json:"datePublished"`
	DateModified      string     `json:"dateModified"`
	Audience          *ldThing   `json:"audience"`
	Contributor       []*ldThing `json:"contributor"`
	IsBasedOn         *ldThing   `json:"isBasedOn"`
	TranslationOfWork *ldThing   `json:"translationOfWork"`
	WorkTranslation   []*ldThing `json:"workTranslation"`
	Author            any        `json:"author"`
	Publisher         any        `json:"publisher"`
}

// structuredData returns the JSON-LD blocks of a page, parsed.
func structuredData(t *testing.T, els []element) []ldThing {
	t.Helper()
	var things []ldThing
	for _, el := range els {
		if el.tag == "script" && el.attrs["type"] == "application/ld+json" {
			var th ldThing
			if err := json.Unmarshal([]byte(el.text), &th); err != nil {
				t.Fatalf("JSON-LD does not parse: %v\n%s", err, el.text)
			}
			things = append(things, th)
		}
	}
	return things
}

// TestStructuredData: one JSON-LD block on each indexable page, which
// parses, says what the page says and names the other language's version.
// The pages are dated by when they were last modified, never by the
// submission's month, which dates the document they are based on
// (issue 23).
func TestStructuredData(t *testing.T) {
	const base = "https://example.org/cecot-report/"
	out := buildProject(t, Options{BaseURL: base}, nil)
	en := structuredData(t, readPage(t, out, "en/submission/index.html"))
	es := structuredData(t, readPage(t, out, "es/informe/index.html"))
	if len(en) != 1 || len(es) != 1 {
		t.Fatalf("%d and %d JSON-LD blocks, want one each", len(en), len(es))
	}
	e, s := en[0], es[0]
	if e.Context != "https://schema.org" || e.Type != "Article" || e.InLanguage != "en" || e.URL != base+"en/submission/" || e.Name == "" || e.Description == "" {
		t.Errorf("English: %+v", e)
	}
	if len(e.WorkTranslation) != 1 || e.WorkTranslation[0].URL != base+"es/informe/" || e.WorkTranslation[0].InLanguage != "es" {
		t.Errorf("English: workTranslation %+v, want the Spanish page", e.WorkTranslation)
	}
	if s.TranslationOfWork == nil || s.TranslationOfWork.URL != e.URL || s.TranslationOfWork.Name != e.Name || s.InLanguage != "es" {
		t.Errorf("Spanish: translationOfWork %+v, want the English page", s.TranslationOfWork)
	}
	if e.Author != nil || e.Publisher != nil || s.Author != nil || s.Publisher != nil {
		t.Error("an author or publisher that the content does not name")
	}
	addressee := map[string]string{
		"en": "UN Special Rapporteur on the Human Rights of Migrants",
		"es": "Relatoría Especial de las Naciones Unidas sobre los derechos humanos de los migrantes",
	}
	for _, file := range []string{"en/index.html", "es/index.html", "en/submission/index.html", "es/informe/index.html",
		"en/recommendations/index.html", "es/recomendaciones/index.html", "en/about/index.html", "es/acerca-de/index.html"} {
		things := structuredData(t, readPage(t, out, file))
		if len(things) != 1 {
			t.Fatalf("%s: %d JSON-LD blocks", file, len(things))
		}
		p := things[0]
		// The site does not know when it first published a page.
		if p.DatePublished != "" || p.DateModified == "" || strings.HasPrefix(p.DateModified, "2025-06") {
			t.Errorf("%s: datePublished %q, dateModified %q; want only the page's last update", file, p.DatePublished, p.DateModified)
		}
		for _, other := range append(p.WorkTranslation, p.TranslationOfWork) {
			if other != nil && other.DatePublished != "" {
				t.Errorf("%s: the other language's page has datePublished %q", file, other.DatePublished)
			}
		}
		// The submission, dated to a month, is what the page is based on.
		r := p.IsBasedOn
		if r == nil {
			t.Errorf("%s: no isBasedOn", file)
			continue
		}
		if r.Type != "Report" || r.Name != documentName || r.DatePublished != "2025-06" || r.InLanguage != "en" {
			t.Errorf("%s: isBasedOn %+v, want the Report %q of 2025-06, in English", file, r, documentName)
		}
		if r.Audience == nil || r.Audience.Name != addressee[p.InLanguage] {
			t.Errorf("%s: the report's audience %+v, want its addressee %q", file, r.Audience, addressee[p.InLanguage])
		}
		var names []string
		for _, c := range r.Contributor {
			if c.Type != "Organization" {
				t.Errorf("%s: contributor %+v is not an Organization", file, c)
			}
			names = append(names, c.Name)
		}
		if !slices.Equal(names, partners) {
			t.Errorf("%s: contributors %q, want the partners %q", file, names, partners)
		}
	}
	home := structuredData(t, readPage(t, out, "es/index.html"))
	if len(home) != 1 || home[0].Type != "WebPage" || home[0].TranslationOfWork == nil {
		t.Errorf("Spanish home: %+v", home)
	}
	if nf := structuredData(t, readPage(t, out, "es/404.html")); len(nf) != 0 {
		t.Errorf("404 page has JSON-LD: %+v", nf)
	}
}

// TestStructuredDataSource: a site.toml source that names no page, or a
// page that describes no document, stops the build with an error that
// says where to look.
func TestStructuredDataSource(t *testing.T) {
	for _, tc := range []struct{ name, change, want string }{
		{"no page", `source = "submision"`, `site.toml: source = "submision": there is no page content/en/submision.md`},
		{"no citation", `source = "about"`, `site.toml: source = "about": content/en/about.md has no [params.cite] with a title`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := copyProject(t, func(src string) {
				replaceInFile(t, filepath.Join(src, "site.toml"), `source = "submission"`, tc.change)
			})
			_, err := Build(t.Context(), src, filepath.Join(t.TempDir(), "public"), Options{BaseURL: "https://example.org/"})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("build: %v; want an error saying %q", err, tc.want)
			}
		})
	}
}

// The Atom elements the feed test reads (RFC 4287).
type (
	atomFeedT struct {
		XMLName xml.Name     `xml:"http://www.w3.org/2005/Atom feed"`
		Lang    string       `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
		ID      string       `xml:"http://www.w3.org/2005/Atom id"`
		Title   string       `xml:"http://www.w3.org/2005/Atom title"`
		Updated string       `xml:"http://www.w3.org/2005/Atom updated"`
		Author  []string     `xml:"http://www.w3.org/2005/Atom author>name"`
		Links   []atomLinkT  `xml:"http://www.w3.org/2005/Atom link"`
		Entries []atomEntryT `xml:"http://www.w3.org/2005/Atom entry"`
	}
	atomLinkT struct {
		Rel      string `xml:"rel,attr"`
		Href     string `xml:"href,attr"`
		Hreflang string `xml:"hreflang,attr"`
	}
	atomEntryT struct {
		ID      string      `xml:"http://www.w3.org/2005/Atom id"`
		Title   string      `xml:"http://www.w3.org/2005/Atom title"`
		Updated string      `xml:"http://www.w3.org/2005/Atom updated"`
		Summary string      `xml:"http://www.w3.org/2005/Atom summary"`
		Links   []atomLinkT `xml:"http://www.w3.org/2005/Atom link"`
	}
)

func readFeed(t *testing.T, out, name string) atomFeedT {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, name))
	if err != nil {
		t.Fatal(err)
	}
	var f atomFeedT
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatalf("%s is not Atom: %v", name, err)
	}
	return f
}

// TestFeeds: each language's feed is Atom with the required elements,
// its dated pages newest first with summaries and absolute links, no
// stand-ins, and IDs that stay the same when the site moves; every page
// names its language's feed.
func TestFeeds(t *testing.T) {
	const base = "https://example.org/cecot-report/"
	out := buildProject(t, Options{BaseURL: base}, func(src string) {
		// A page that only English has: its Spanish stand-in stays out.
		if err := os.WriteFile(filepath.Join(src, "content/en/later.md"), []byte("+++\ntitle = \"Later\"\ndescription = \"A later page.\"\ndate = 2025-07-01\n+++\n\nText.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	})
	// The stand-in shows its original's share image, and, not being
	// indexed, has no structured data.
	standIn, orig := readPage(t, out, "es/later/index.html"), readPage(t, out, "en/later/index.html")
	if a, b := metas(standIn)["og:image"], metas(orig)["og:image"]; len(a) != 1 || len(b) != 1 || a[0] != b[0] {
		t.Errorf("stand-in og:image %q, original's %q", a, b)
	}
	if ld := structuredData(t, standIn); len(ld) != 0 {
		t.Errorf("stand-in has JSON-LD: %+v", ld)
	}
	moved := buildProject(t, Options{BaseURL: "https://elsewhere.example/"}, nil)
	for _, lang := range []string{"en", "es"} {
		name := lang + "/feed.xml"
		f := readFeed(t, out, name)
		if f.Lang != lang || f.ID == "" || f.Title == "" || len(f.Author) == 0 || f.Updated == "" {
			t.Errorf("%s: lang %q, id %q, title %q, author %q, updated %q", name, f.Lang, f.ID, f.Title, f.Author, f.Updated)
		}
		if len(f.Entries) < 2 {
			t.Fatalf("%s: %d entries", name, len(f.Entries))
		}
		ids := map[string]bool{}
		for i, e := range f.Entries {
			if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
				t.Errorf("%s: entry %d updated %q: %v", name, i, e.Updated, err)
			}
			if !strings.HasPrefix(e.ID, "tag:") || ids[e.ID] || e.Title == "" || e.Summary == "" {
				t.Errorf("%s: entry %+v", name, e)
			}
			ids[e.ID] = true
			if len(e.Links) == 0 || !strings.HasPrefix(e.Links[0].Href, base+lang+"/") {
				t.Errorf("%s: entry %s links %+v", name, e.ID, e.Links)
			}
		}
		// Dated 2025-07-01, after every other page: first.
		if lang == "en" && f.Entries[0].Title != "Later" {
			t.Errorf("en: first entry %q, want the newest page", f.Entries[0].Title)
		}
		if lang == "es" {
			for _, e := range f.Entries {
				if e.Title == "Later" {
					t.Error("es: the stand-in of an untranslated page is in the feed")
				}
			}
		}
		// IDs stay when the base URL changes; links follow it.
		g := readFeed(t, moved, name)
		if g.ID != f.ID || g.Entries[len(g.Entries)-1].ID != f.Entries[len(f.Entries)-1].ID {
			t.Errorf("%s: IDs changed with the base URL: %q, %q", name, g.ID, f.ID)
		}
		if !strings.HasPrefix(g.Entries[0].Links[0].Href, "https://elsewhere.example/") {
			t.Errorf("%s: links did not follow the base URL: %q", name, g.Entries[0].Links[0].Href)
		}
	}
	// Autodiscovery: every page of a language names its feed, with a
	// title in the language.
	titles := map[string]string{"en": "feed", "es": "canal"}
	for _, f := range publicFiles(t, out) {
		lang, _, _ := strings.Cut(f, "/")
		if path.Ext(f) != ".html" || titles[lang] == "" {
			continue
		}
		found := false
		for _, el := range readPage(t, out, f) {
			if el.tag == "link" && el.attrs["rel"] == "alternate" && el.attrs["type"] == "application/atom+xml" {
				found = true
				u := path.Join(path.Dir("/"+f), el.attrs["href"])
				if abs, ok := strings.CutPrefix(el.attrs["href"], "/cecot-report/"); ok {
					u = "/" + abs // a 404 page's links start from the base path
				}
				if u != "/"+lang+"/feed.xml" || !strings.Contains(el.attrs["title"], titles[lang]) {
					t.Errorf("%s: feed link %q (%s), title %q", f, el.attrs["href"], u, el.attrs["title"])
				}
			}
		}
		standalone := path.Base(f) != "index.html" && path.Base(f) != "404.html"
		if found == standalone {
			t.Errorf("%s: names a feed: %v; want every page but the single-file editions to", f, found)
		}
	}
}

// TestShareLinks: under each article, links to WhatsApp, Telegram and
// email that carry the page's title and absolute URL, encoded, in the
// page's language; none in the single-file edition.
func TestShareLinks(t *testing.T) {
	const base = "https://example.org/cecot-report/"
	out := buildProject(t, Options{BaseURL: base}, nil)
	for _, tc := range []struct{ page, url, email string }{
		{"en/submission/index.html", base + "en/submission/", "Email"},
		{"es/informe/index.html", base + "es/informe/", "Correo electrónico"},
	} {
		doc, err := os.ReadFile(filepath.Join(out, tc.page))
		if err != nil {
			t.Fatal(err)
		}
		m := metas(parseHTML(doc))
		title := m["og:title"][0]
		links := shareLinksOf(t, doc)
		if len(links) != 3 {
			t.Fatalf("%s: share links %v", tc.page, links)
		}
		check := func(name, raw string, want map[string]string) {
			u, err := url.Parse(raw)
			if err != nil {
				t.Fatalf("%s: %s link %q: %v", tc.page, name, raw, err)
			}
			q := u.Query()
			if len(q) != len(want) {
				t.Errorf("%s: %s link has parameters %v, want only %v", tc.page, name, q, want)
			}
			for k, v := range want {
				if q.Get(k) != v {
					t.Errorf("%s: %s link: %s = %q, want %q", tc.page, name, k, q.Get(k), v)
				}
			}
			if strings.Contains(u.RawQuery, "+") {
				t.Errorf("%s: %s link encodes spaces as +: %s", tc.page, name, raw)
			}
		}
		check("WhatsApp", links["WhatsApp"], map[string]string{"text": title + " " + tc.url})
		check("Telegram", links["Telegram"], map[string]string{"url": tc.url, "text": title})
		check("email", links[tc.email], map[string]string{"subject": title, "body": tc.url})
		if !strings.HasPrefix(links["WhatsApp"], "https://wa.me/?") || !strings.HasPrefix(links["Telegram"], "https://t.me/share/url?") || !strings.HasPrefix(links[tc.email], "mailto:?") {
			t.Errorf("%s: share links %v", tc.page, links)
		}
	}
	for _, edition := range []string{"en/submission.html", "es/informe.html"} {
		if doc, _ := os.ReadFile(filepath.Join(out, edition)); bytes.Contains(doc, []byte("wa.me")) || bytes.Contains(doc, []byte(`class=share`)) {
			t.Errorf("%s: the single-file edition has share links", edition)
		}
	}
	css, _ := os.ReadFile(filepath.Join(projectDir, "assets/css/site.css"))
	if _, print, _ := strings.Cut(string(css), "@media print"); !strings.Contains(print, ".share") {
		t.Error("the print stylesheet does not hide .share")
	}
}

// shareLinksOf returns the links of a page's share block by their text.
func shareLinksOf(t *testing.T, doc []byte) map[string]string {
	t.Helper()
	_, block, ok := bytes.Cut(doc, []byte("<div class=share>"))
	if !ok {
		t.Fatal("no share block")
	}
	block, _, _ = bytes.Cut(block, []byte("</div>"))
	links := map[string]string{}
	for _, part := range strings.Split(string(block), "<a href=")[1:] {
		href, rest, _ := strings.Cut(part, ">")
		text, _, _ := strings.Cut(rest, "<")
		links[text] = strings.ReplaceAll(strings.Trim(href, `"`), "&amp;", "&")
	}
	return links
}

// TestShareImagesUndrawable: a page whose text the share images' fonts
// cannot draw (Arabic, Hebrew, Chinese, emoji) gets no drawn image, and
// so no empty boxes, and the build warns at the line that holds the text;
// the other pages keep theirs.
func TestShareImagesUndrawable(t *testing.T) {
	const base = "https://example.org/"
	titles := map[string]string{
		"content/en/about.md":           "تقرير عن سجن CECOT",
		"content/es/about.md":           "דוח על CECOT",
		"content/en/recommendations.md": "关于CECOT的建议",
		"content/es/recommendations.md": "Recomendaciones 🙂",
	}
	src := copyProject(t, func(src string) {
		for file, title := range titles {
			p := filepath.Join(src, filepath.FromSlash(file))
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.SplitN(string(data), "\n", 3)
			if !strings.HasPrefix(lines[1], "title = ") {
				t.Fatalf("%s: line 2 is %q, not the title", file, lines[1])
			}
			lines[1] = fmt.Sprintf("title = %q", title)
			if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	})
	out := filepath.Join(filepath.Dir(src), "public")
	res, err := Build(context.Background(), src, out, Options{BaseURL: base})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	warned := map[string]string{}
	for _, w := range res.Warnings {
		if strings.Contains(w.Error(), "share image") {
			warned[w.Path] = w.Error()
		}
	}
	for file := range titles {
		w, ok := warned[file]
		if !ok || !strings.HasPrefix(w, file+":2: share image: the title has characters that the share images' fonts cannot draw (") {
			t.Errorf("%s: warning %q, want one at its title's line", file, w)
		}
	}
	if len(warned) != len(titles) {
		t.Errorf("warnings for %d files, want %d: %v", len(warned), len(titles), warned)
	}
	for _, page := range []string{"en/about/index.html", "es/acerca-de/index.html", "en/recommendations/index.html", "es/recomendaciones/index.html"} {
		if _, err := os.Stat(filepath.Join(out, page)); err != nil {
			t.Errorf("%s: %v", page, err)
			continue
		}
		if m := metas(readPage(t, out, page)); m["og:image"] != nil || m["twitter:card"][0] != "summary" {
			t.Errorf("%s: og:image %q, twitter:card %q; want no image", page, m["og:image"], m["twitter:card"])
		}
	}
	if m := metas(readPage(t, out, "en/submission/index.html")); len(m["og:image"]) != 1 {
		t.Errorf("a page in English lost its image: %v", m["og:image"])
	}
	// The language chooser lists the home pages' titles, which did not
	// change: it keeps its image.
	if m := metas(readPage(t, out, "index.html")); len(m["og:image"]) != 1 {
		t.Errorf("root: og:image %q", m["og:image"])
	}
	shares, _ := filepath.Glob(filepath.Join(out, "assets", "share", "*", "*.png"))
	for _, s := range shares {
		for _, name := range []string{"about", "acerca-de", "recommendations", "recomendaciones"} {
			if strings.HasPrefix(filepath.Base(s), name+".") {
				t.Errorf("a drawn image of an undrawable page: %s", s)
			}
		}
	}
	if len(shares) == 0 {
		t.Error("no drawn images at all")
	}
}

// TestShareImagesLinkedFromCache: a build with a cache folder puts the
// cached share images into the site by hard link rather than reading and
// writing them again, with the mode of the site's other files, and the
// links survive the next build, which replaces the site.
func TestShareImagesLinkedFromCache(t *testing.T) {
	cache := t.TempDir()
	opts := Options{BaseURL: "https://example.org/", Shares: share.NewCache(cache)}
	src := copyProject(t, nil)
	out := filepath.Join(filepath.Dir(src), "public")
	for range 2 {
		if _, err := Build(context.Background(), src, out, opts); err != nil {
			t.Fatal(err)
		}
	}
	cached := map[string]os.FileInfo{}
	entries, _ := os.ReadDir(cache)
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		cached[e.Name()] = info
	}
	var pngs []string
	_ = filepath.WalkDir(filepath.Join(out, "assets", "share"), func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".png") {
			pngs = append(pngs, p)
		}
		return err
	})
	if len(pngs) < 8 || len(cached) < len(pngs) {
		t.Fatalf("%d share images, %d cached", len(pngs), len(cached))
	}
	for _, p := range pngs {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != 0o644 {
			t.Errorf("%s has mode %v, want 0644", p, info.Mode().Perm())
		}
		linked := false
		for _, c := range cached {
			linked = linked || os.SameFile(info, c)
		}
		if !linked && runtime.GOOS != "windows" {
			t.Errorf("%s is a copy, not a link to the cache", p)
		}
	}
}

// A file that cannot be linked as it is, here because its mode is not
// the site's, is copied, with the site's mode.
func TestLinkFileCopiesWhatItCannotLink(t *testing.T) {
	src := filepath.Join(t.TempDir(), "a.png")
	if err := os.WriteFile(src, []byte("\x89PNG data"), 0o600); err != nil {
		t.Fatal(err)
	}
	w := newDirWriter(t.TempDir())
	size, err := w.LinkFile("assets/share/a.png", src, nil)
	if err != nil || size != 9 {
		t.Fatalf("LinkFile = %d, %v", size, err)
	}
	dst := filepath.Join(w.root, "assets", "share", "a.png")
	a, _ := os.Stat(src)
	b, err := os.Stat(dst)
	if err != nil || os.SameFile(a, b) || b.Mode().Perm() != 0o644 {
		t.Errorf("copy: %v, same file %v, mode %v", err, os.SameFile(a, b), b.Mode().Perm())
	}
	if data, _ := os.ReadFile(dst); string(data) != "\x89PNG data" {
		t.Errorf("copied %q", data)
	}
}
