package render

import (
	"sort"

	"cecot/internal/content"
)

// FeedURL is the path of a language's Atom feed: "/es/feed.xml".
func FeedURL(lang string) string { return "/" + lang + "/feed.xml" }

// FeedPages are the pages of a language's feed: its dated pages, newest
// first (then by weight and key, as sections list them), without 404
// pages and stand-ins for missing translations.
func FeedPages(c *content.Tree, lang string) []*content.Page {
	var ps []*content.Page
	for _, p := range c.Pages {
		if p.Lang == lang && p.Dated() && Indexable(p) {
			ps = append(ps, p)
		}
	}
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if !a.Date.Time.Equal(b.Date.Time) {
			return a.Date.Time.After(b.Date.Time)
		}
		if (a.Weight == 0) != (b.Weight == 0) {
			return b.Weight == 0
		}
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		return a.Key < b.Key
	})
	return ps
}

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
	if v.r.Config.BaseURL == "" {
		return nil
	}
	return &FeedLink{URL: v.Rel(FeedURL(v.Lang)), Names: map[string]any{"Site": v.Language().Title}}
}
