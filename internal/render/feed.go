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
func (v *PageView) Feed() *FeedLink {
	if v.cfg().BaseURL == "" {
		return nil
	}
	return &FeedLink{URL: v.Rel(content.FeedURL(v.Lang)), Names: map[string]any{"Site": v.Language.Title}}
}
