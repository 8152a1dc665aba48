package engine

import (
	"bytes"
	"encoding/xml"

	"cecot/internal/content"
)

// alternate is one hreflang link: a language, or "x-default".
type alternate struct {
	hreflang string
	href     string
}

// appendAlternates appends the hreflang links of an indexable page:
// itself, each real translation, and the language chooser at the root as
// x-default, the same links its head has
// (layouts/partials/alternates.html).
func (s *Site) appendAlternates(alts []alternate, p *content.Page) []alternate {
	alts = append(alts, alternate{p.Lang, s.Config.AbsURL(p.URL)})
	for _, t := range s.Content.Translations(p) {
		if !t.Untranslated {
			alts = append(alts, alternate{t.Lang, s.Config.AbsURL(t.URL)})
		}
	}
	return append(alts, alternate{"x-default", s.Config.AbsURL("/")})
}

// sitemap writes sitemap.xml, with xhtml:link alternates so that search
// engines pair each page with its translations: the language chooser,
// then every indexable page in content order. Only built with a base
// URL, since a sitemap lists absolute URLs only. Each entry is written
// as it is made, into a buffer sized for the whole file, rather than
// listing the entries first: on a large site the sitemap is one of the
// last and largest files made, when the build's memory peaks.
func (s *Site) sitemap() ([]byte, error) {
	var b bytes.Buffer
	b.Grow(sitemapHint(len(s.Content.Pages), len(s.Config.BaseURL)))
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">`)
	var alts []alternate
	if s.Renderer.HasRoot() {
		root := s.Config.AbsURL("/")
		for _, l := range s.Config.Languages {
			if h := s.Content.Page(l.Code, "_index"); h != nil && h.Indexable() {
				alts = append(alts, alternate{l.Code, s.Config.AbsURL(h.URL)})
			}
		}
		alts = append(alts, alternate{"x-default", root})
		writeSitemapURL(&b, root, "", alts)
	}
	for _, p := range s.Content.Pages {
		if p.Indexable() {
			alts = s.appendAlternates(alts[:0], p)
			// lastmod is the page's own lastmod ("2025-06-12", or
			// "2025-06" when only the month is known), never its date:
			// the submission's June 2025 is not when the page last
			// changed. Empty when the page does not say, and then left
			// out rather than guessed.
			writeSitemapURL(&b, s.Config.AbsURL(p.URL), p.Lastmod.ISO(), alts)
		}
	}
	b.WriteString("</urlset>\n")
	return b.Bytes(), nil
}

// sitemapHint is about the size of the sitemap of a site of n pages
// whose base URL is base bytes long: a little less than most pages'
// entries take (three absolute URLs and 150 bytes of tags and dates),
// so that the buffer grows once at most.
func sitemapHint(n, base int) int { return 256 + n*(3*base+150) }

// writeSitemapURL writes one <url> entry of the sitemap.
func writeSitemapURL(b *bytes.Buffer, loc, lastmod string, alts []alternate) {
	b.WriteString("<url><loc>")
	b.Write(appendXMLText(b.AvailableBuffer(), loc))
	b.WriteString("</loc>")
	if lastmod != "" {
		b.WriteString("<lastmod>")
		b.WriteString(lastmod)
		b.WriteString("</lastmod>")
	}
	for _, a := range alts {
		b.WriteString(`<xhtml:link rel="alternate" hreflang="`)
		b.Write(appendXMLText(b.AvailableBuffer(), a.hreflang))
		b.WriteString(`" href="`)
		b.Write(appendXMLText(b.AvailableBuffer(), a.href))
		b.WriteString(`"/>`)
	}
	b.WriteString("</url>")
}
