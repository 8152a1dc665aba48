package content

import (
	"cmp"
	"slices"
	"strings"
)

// Facts about a page that follow from its file and front matter alone:
// what a build publishes of it and how other pages list it. Layouts,
// the sitemap, feeds and checks all ask here, so they agree.

// Indexable reports whether search engines should index p: not a 404
// page and not a stand-in for a missing translation. The robots meta tag,
// the hreflang alternates, the sitemap and the feeds all follow it.
func (p *Page) Indexable() bool {
	return p.Kind != KindNotFound && !p.Untranslated
}

// StandaloneURL returns the path of p's single-file edition: the page's
// URL with ".html" for its trailing slash ("/es/informe.html").
func (p *Page) StandaloneURL() string {
	return strings.TrimSuffix(p.URL, "/") + ".html"
}

// ReadingTime is the page's reading time in whole minutes, at 200 words
// a minute. Pages that list p show it, so watch mode compares it too.
func (p *Page) ReadingTime() int {
	words := p.Words
	if words == 0 && p.Body != nil { // a page made without counting
		words = CountWords(p.Body)
	}
	return max(1, (words+199)/200)
}

// FeedURL is the path of a language's Atom feed: "/es/feed.xml".
func FeedURL(lang string) string { return "/" + lang + "/feed.xml" }

// FeedPages are the pages of a language's feed: its dated, indexable
// pages, newest first, then in the order sections list them.
func (s *Tree) FeedPages(lang string) []*Page {
	var ps []*Page
	for _, p := range s.Pages {
		if p.Lang == lang && p.Dated() && p.Indexable() {
			ps = append(ps, p)
		}
	}
	slices.SortStableFunc(ps, func(a, b *Page) int {
		if c := b.Date.Time.Compare(a.Date.Time); c != 0 {
			return c
		}
		return ByWeight(a, b)
	})
	return ps
}

// ByWeight is the order in which sections list pages, for
// slices.SortFunc: by weight, lightest first, pages without one (0)
// last, then by key.
func ByWeight(a, b *Page) int {
	if (a.Weight == 0) != (b.Weight == 0) {
		if a.Weight == 0 {
			return 1
		}
		return -1
	}
	return cmp.Or(cmp.Compare(a.Weight, b.Weight), strings.Compare(a.Key, b.Key))
}
