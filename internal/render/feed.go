package render

import "cecot/internal/content"

// FeedLink is what a page's head needs to name its language's feed.
type FeedLink struct {
	URL string // relative to the page
	// Names is what the interface string feed_title names: the Site,
	// in the page's language. The feed's own title is the same string.
	Names map[string]any
}

// Feed returns the link to the feed of the page's language, for feed
// readers to discover; nil without a base URL, since a feed's links
// must be absolute and a build writes none.
func (v *PageView) Feed() *FeedLink { return v.j.pass.r.feedLink(v.Lang, v.Rel) }

// feedLink is the link to lang's feed, made relative by rel (a page's
// or a shared fragment's Rel); nil without a base URL.
func (r *Renderer) feedLink(lang string, rel func(string) string) *FeedLink {
	if r.cfg.BaseURL == "" {
		return nil
	}
	return &FeedLink{URL: rel(content.FeedURL(lang)), Names: map[string]any{"Site": r.cfg.Language(lang).Title}}
}
