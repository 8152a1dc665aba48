package engine

import (
	"bytes"
	"encoding/xml"

	"cecot/internal/content"
)

// A sitemap entry: a page's URL, when it was last updated and its
// language alternates. Only built with a base URL, since a sitemap lists
// absolute URLs only.
type sitemapEntry struct {
	loc string
	// lastmod is the page's own lastmod ("2025-06-12", or "2025-06"
	// when only the month is known), never its date: the submission's
	// June 2025 is not when the page last changed. Empty when the page
	// does not say, and then left out rather than guessed.
	lastmod    string
	alternates []alternate
}

// alternate is one hreflang link: a language, or "x-default".
type alternate struct {
	hreflang string
	href     string
}

// alternates are the hreflang links of an indexable page: itself, each
// real translation, and the language chooser at the root as x-default,
// the same links its head has (layouts/partials/alternates.html).
func (s *Site) alternates(p *content.Page) []alternate {
	alts := []alternate{{p.Lang, s.Config.AbsURL(p.URL)}}
	for _, t := range s.Content.Translations(p) {
		if !t.Untranslated {
			alts = append(alts, alternate{t.Lang, s.Config.AbsURL(t.URL)})
		}
	}
	return append(alts, alternate{"x-default", s.Config.AbsURL("/")})
}

// sitemapEntries lists the language chooser, then every indexable page
// in content order.
func (s *Site) sitemapEntries() []sitemapEntry {
	var entries []sitemapEntry
	if s.Renderer.HasRoot() {
		root := sitemapEntry{loc: s.Config.AbsURL("/")}
		for _, l := range s.Config.Languages {
			if h := s.Content.Page(l.Code, "_index"); h != nil && h.Indexable() {
				root.alternates = append(root.alternates, alternate{l.Code, s.Config.AbsURL(h.URL)})
			}
		}
		root.alternates = append(root.alternates, alternate{"x-default", root.loc})
		entries = append(entries, root)
	}
	for _, p := range s.Content.Pages {
		if p.Indexable() {
			entries = append(entries, sitemapEntry{loc: s.Config.AbsURL(p.URL), lastmod: p.Lastmod.ISO(), alternates: s.alternates(p)})
		}
	}
	return entries
}

// sitemap writes sitemap.xml, with xhtml:link alternates so that search
// engines pair each page with its translations.
func (s *Site) sitemap() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">`)
	for _, e := range s.sitemapEntries() {
		b.WriteString("<url><loc>")
		xml.EscapeText(&b, []byte(e.loc))
		b.WriteString("</loc>")
		if e.lastmod != "" {
			b.WriteString("<lastmod>" + e.lastmod + "</lastmod>")
		}
		for _, a := range e.alternates {
			b.WriteString(`<xhtml:link rel="alternate" hreflang="`)
			xml.EscapeText(&b, []byte(a.hreflang))
			b.WriteString(`" href="`)
			xml.EscapeText(&b, []byte(a.href))
			b.WriteString(`"/>`)
		}
		b.WriteString("</url>")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes(), nil
}
