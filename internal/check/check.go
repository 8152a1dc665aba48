// Package check finds problems in a built site that a build does not
// stop for: links and #anchors that lead nowhere, hreflang alternates
// that are not returned, pages without a title or description, images
// without alt text, empty links, and translations whose headings, links,
// footnotes or numbered paragraphs do not match their original in
// number. It renders the site into memory, so it needs no output folder.
package check

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"

	"cecot/internal/config"
	"cecot/internal/content"
	"cecot/internal/diag"
	"cecot/internal/engine"
	"cecot/internal/markdown"
)

// Result is what a check found.
type Result struct {
	Errors diag.List
	Pages  int // HTML files checked
	Links  int // internal links followed
}

// memory is a engine.Writer that keeps the site in memory.
type memory struct {
	mu     sync.Mutex
	files  map[string][]byte
	counts map[*content.Page]markdown.Result // without HTML, TOC or warnings
}

// WriteMarkdown keeps the counts of a page's converted Markdown, for the
// comparison of translations with their originals.
func (m *memory) WriteMarkdown(p *content.Page, md *markdown.Result) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.counts[p] = markdown.Result{Headings: md.Headings, Paragraphs: md.Paragraphs, Links: md.Links, Footnotes: md.Footnotes, Images: md.Images, Captions: md.Captions}
}

// WriteFile keeps a copy of a file of the site: Render reuses data's
// memory.
func (m *memory) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = bytes.Clone(data)
	return nil
}

// Site renders s into memory and checks it. An error means the site
// could not be rendered; what the checks found is in the Result.
func Site(ctx context.Context, s *engine.Site) (*Result, error) {
	mem := &memory{files: map[string][]byte{}, counts: map[*content.Page]markdown.Result{}}
	if _, err := s.Render(ctx, mem); err != nil {
		return nil, err
	}
	res := files(s, mem.files, sources(s))
	(&checker{site: s, counts: mem.counts}).structure(res)
	// The render located each image without alt text at its Markdown
	// line; files skips those images, so each is reported once.
	for _, w := range s.Renderer.Warnings() {
		res.Errors.Add(w)
	}
	// An interface string that leaves out a placeholder renders, so
	// the build only warns; a check refuses it.
	for _, w := range s.Locales.Dropped() {
		res.Errors.Add(w)
	}
	res.Errors.Sort()
	return res, nil
}

// files checks the HTML files of a built site, each made from the source
// that srcs names.
func files(s *engine.Site, files map[string][]byte, srcs map[string]source) *Result {
	c := &checker{site: s, files: files, docs: map[string]*doc{}, sources: srcs}
	for name, data := range files {
		if path.Ext(name) == ".html" {
			c.docs[name] = parseDoc(data)
		}
	}
	res := &Result{Pages: len(c.docs)}
	for _, name := range slices.Sorted(maps.Keys(c.docs)) {
		c.page(name, res)
	}
	res.Errors.Sort()
	return res
}

// source is where an output file comes from.
type source struct {
	page *content.Page // nil for a file made from a layout alone
	file string        // the file to name in problems
}

// sources maps each HTML output to the file it is made from.
func sources(s *engine.Site) map[string]source {
	m := map[string]source{
		"index.html": {file: path.Join(config.LayoutsDir, "root.html")},
		"404.html":   {file: path.Join(config.LayoutsDir, "404-root.html")},
	}
	for _, p := range s.Content.Pages {
		file := p.File
		if p.Untranslated {
			// A stand-in shows the original's text and front matter.
			file = s.Content.Page(s.Config.DefaultLanguage, p.Key).File
		}
		m[p.Out] = source{page: p, file: file}
		if p.Standalone {
			m[strings.TrimPrefix(p.StandaloneURL(), "/")] = source{page: p, file: file}
		}
	}
	return m
}

type checker struct {
	site    *engine.Site
	files   map[string][]byte
	docs    map[string]*doc
	sources map[string]source
	// counts are the pages' Markdown counts, as the build converted them.
	counts map[*content.Page]markdown.Result
}

// say is the problem id, reading english, in the page built as name,
// which the message catalogue can say in other languages.
func (c *checker) say(name string, line int, id, english string, pairs ...any) error {
	return c.sayProblem(name, line, diag.Say(id, english, pairs...))
}

func (c *checker) sayProblem(name string, line int, problem *diag.Message) error {
	src := c.sources[name]
	file := src.file
	if file == "" {
		file = name
	}
	return diag.At(file, line, "in_page", fmt.Sprintf("%s (in %s)", problem.English, urlOf(name)), "Problem", problem, "URL", urlOf(name))
}

// altWarnings counts the images without alt text that the render found
// in the Markdown file.
func (c *checker) altWarnings(file string) int {
	n := 0
	for _, w := range c.site.Renderer.Warnings() {
		if w.Path == file && strings.Contains(w.Err.Error(), "alt text") {
			n++
		}
	}
	return n
}

// page checks one HTML file.
func (c *checker) page(name string, res *Result) {
	d := c.docs[name]
	src := c.sources[name]
	if strings.TrimSpace(d.title) == "" {
		res.Errors.Add(c.say(name, 1, "check_no_title", "page has no title; add title = \"...\" to the front matter"))
	}
	if strings.TrimSpace(d.description) == "" {
		res.Errors.Add(c.say(name, 1, "check_no_description", "page has no description; add description = \"...\" to the front matter: one or two sentences that search engines and shared links show"))
	}
	// Images of the page's Markdown without alt text are reported where
	// the render found them, at their line (see Site); only those of a
	// layout are left to report here.
	if c.site.Renderer != nil && len(d.noAlt) <= c.altWarnings(src.file) {
		d.noAlt = nil
	}
	for _, img := range d.noAlt {
		res.Errors.Add(c.say(name, c.lineOf(src, img), "check_no_alt", fmt.Sprintf("image %s has no alt text; describe it in the brackets: ![what it shows](%s)", img, img), "Image", img))
	}
	for _, href := range d.emptyLinks {
		res.Errors.Add(c.say(name, c.lineOf(src, href), "check_no_link_text", fmt.Sprintf("link to %q has no text; write the link text in the brackets: [text](%s)", href, href), "Quoted", fmt.Sprintf("%q", href), "Href", href))
	}
	if d.noHref > 0 {
		res.Errors.Add(c.say(name, 0, "check_no_href", fmt.Sprintf("%d links have no address", d.noHref), "Count", d.noHref))
	}
	for _, r := range d.refs {
		target, frag, internal := c.resolve(name, r.url)
		if !internal {
			continue
		}
		res.Links++
		if err := c.follow(name, target, frag); err != nil {
			ref := fmt.Sprintf("%s %s=%q", r.tag, r.attr, r.url)
			res.Errors.Add(c.sayProblem(name, c.lineOf(src, r.url), diag.Say("check_broken_ref", ref+": "+err.English, "Ref", ref, "Problem", err)))
		}
	}
	c.alternates(name, d, res)
}

// resolve turns a URL found in file name into the output file it names
// and its fragment, as a browser resolves it from the page's address.
// internal is false for other sites, other schemes, and paths outside the
// site's base path.
func (c *checker) resolve(name, raw string) (target, frag string, internal bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", "", false
	}
	if u.Scheme != "" || u.Host != "" {
		base, err := url.Parse(c.site.Config.BaseURL)
		if c.site.Config.BaseURL == "" || err != nil || !strings.EqualFold(u.Scheme, base.Scheme) || !strings.EqualFold(u.Host, base.Host) {
			return "", "", false
		}
	}
	basePath := c.site.Config.BasePath()
	// Resolved and cleaned as browsers do, so that ".." segments cannot
	// climb out of the site unnoticed.
	abs := (&url.URL{Path: basePath + name}).ResolveReference(u).Path
	// Browsers also read "%2e%2e" as "..", which ResolveReference keeps.
	if clean := path.Clean(abs); strings.HasSuffix(abs, "/") && clean != "/" {
		abs = clean + "/"
	} else {
		abs = clean
	}
	p, ok := strings.CutPrefix(abs, basePath)
	if !ok {
		return "", "", false
	}
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return p, u.Fragment, true
}

// follow checks that target exists and has an element with ID frag; it
// returns what is wrong, or nil.
func (c *checker) follow(from, target, frag string) *diag.Message {
	if _, ok := c.files[target]; !ok {
		if _, ok := c.files[target+"/index.html"]; ok {
			target += "/index.html"
		} else {
			return diag.Say("check_no_page", fmt.Sprintf("no such page or file in the built site (%s)", urlOf(target)), "URL", urlOf(target))
		}
	}
	if frag == "" {
		return nil
	}
	d := c.docs[target]
	if d == nil {
		return nil
	}
	if !d.ids[frag] {
		id := fmt.Sprintf("%q", frag)
		if target == from {
			return diag.Say("check_no_anchor_here", fmt.Sprintf("no heading or element with id %s on this page", id), "ID", id)
		}
		return diag.Say("check_no_anchor", fmt.Sprintf("no heading or element with id %s on %s", id, urlOf(target)), "ID", id, "URL", urlOf(target))
	}
	return nil
}

// alternates checks that every hreflang alternate of a page exists, is in
// that language, and names the page back.
func (c *checker) alternates(name string, d *doc, res *Result) {
	self := d.alternates[d.lang]
	if len(d.alternates) > 0 && self == "" {
		res.Errors.Add(c.say(name, 0, "check_hreflang_self", fmt.Sprintf("hreflang alternates do not include the page itself (%s)", d.lang), "Lang", d.lang))
	}
	for _, lang := range slices.Sorted(maps.Keys(d.alternates)) {
		href := d.alternates[lang]
		if lang == "x-default" || lang == d.lang {
			continue
		}
		target, _, ok := c.resolve(name, href)
		td := c.docs[target]
		if !ok || td == nil {
			continue // follow has reported a missing target
		}
		if td.lang != lang {
			res.Errors.Add(c.say(name, 0, "check_hreflang_lang", fmt.Sprintf("hreflang %q alternate %s is a page in %q", lang, href, td.lang),
				"Lang", fmt.Sprintf("%q", lang), "Href", href, "Other", fmt.Sprintf("%q", td.lang)))
		}
		if back := td.alternates[d.lang]; back != self {
			res.Errors.Add(c.say(name, 0, "check_hreflang_back", fmt.Sprintf("hreflang %q alternate %s does not link back: its %q alternate is %q, not %q", lang, href, d.lang, back, self),
				"Lang", fmt.Sprintf("%q", lang), "Href", href, "Own", fmt.Sprintf("%q", d.lang), "Back", fmt.Sprintf("%q", back), "Self", fmt.Sprintf("%q", self)))
		}
	}
}

// lineOf finds the line of a page's Markdown that holds a link to raw,
// or 0 when the link comes from a layout.
func (c *checker) lineOf(src source, raw string) int {
	if src.page == nil || raw == "" {
		return 0
	}
	body := src.page.Body
	if src.page.Untranslated {
		body = c.site.Content.Page(c.site.Config.DefaultLanguage, src.page.Key).Body
	}
	u, err := url.Parse(raw)
	if err != nil {
		return 0
	}
	var needles []string
	if u.Fragment != "" {
		needles = append(needles, "#"+u.Fragment+")")
	}
	if seg := path.Base(strings.TrimSuffix(u.Path, "/")); seg != "." && seg != "/" && seg != ".." {
		needles = append(needles, seg+".md", seg)
	}
	needles = append(needles, raw)
	lines := strings.Split(string(body), "\n")
	for _, n := range needles {
		for i, l := range lines {
			if strings.Contains(l, "](") && strings.Contains(l, n) {
				return i + 1
			}
		}
	}
	return 0
}

// structure compares each translation's Markdown with its original's:
// headings, links, footnotes, images and their captions and, on
// numbered pages, paragraphs, so that
// nothing is left out and #pN anchors mean the same in every language.
func (c *checker) structure(res *Result) {
	def := c.site.Config.DefaultLanguage
	for _, t := range c.site.Content.Pages {
		if t.Lang == def || t.Untranslated {
			continue
		}
		src := c.site.Content.Page(def, t.Key)
		if src == nil {
			continue
		}
		// A page that failed to render has no counts; the build
		// reported it.
		tm, ok := c.counts[t]
		if !ok {
			continue
		}
		sm, ok := c.counts[src]
		if !ok {
			continue
		}
		type count struct {
			what   string
			tr, or int
		}
		counts := []count{
			{"headings", tm.Headings, sm.Headings},
			{"links", tm.Links, sm.Links},
			{"footnotes", tm.Footnotes, sm.Footnotes},
			{"images", tm.Images, sm.Images},
			{"image captions", tm.Captions, sm.Captions},
		}
		if src.Numbered || t.Numbered {
			counts = append(counts, count{"numbered paragraphs", tm.Paragraphs, sm.Paragraphs})
		}
		for _, n := range counts {
			if n.tr != n.or {
				what := diag.Say("count_"+strings.ReplaceAll(n.what, " ", "_"), n.what)
				res.Errors.Add(diag.At(t.File, 0, "check_count", fmt.Sprintf("has %d %s, but its original %s has %d; translate every one, no more and no fewer", n.tr, n.what, src.File, n.or),
					"Have", n.tr, "What", what, "Original", src.File, "Want", n.or))
			}
		}
	}
}

// urlOf is the site path of an output file: "/es/informe/".
func urlOf(name string) string {
	if name == "index.html" {
		return "/"
	}
	if strings.HasSuffix(name, "/index.html") {
		return "/" + strings.TrimSuffix(name, "index.html")
	}
	return "/" + name
}
