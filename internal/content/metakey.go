package content

import "crypto/sha256"

// MetaKey is what other pages may read of a page: everything but its
// body, and of the body only the reading time, which lists show. Two
// versions of a page with equal keys look the same from every other page,
// so watch mode renders only the page's own outputs again when an edit
// leaves its key alone. TestMetaKeyCoversPage fails when Page or
// FrontMatter gains a field that the key does not cover.
type MetaKey struct {
	Lang, Key, File, URL, Out, Parent string
	Kind                              Kind
	Untranslated                      bool
	ReadingTime                       int

	Title, Description, Date, Lastmod string
	Draft, Numbered, Standalone       bool
	Weight                            int
	Slug, Layout                      string
	TranslatedFrom, BlocksFrom        string
	ShareImage, ShareImageAlt         string
	// FrontMatter is a hash of the front matter as written (Parse sets
	// it), which covers Params and the line where each key is set.
	FrontMatter [sha256.Size]byte
}

// MetaKey returns p's MetaKey.
func (p *Page) MetaKey() MetaKey {
	return MetaKey{
		Lang: p.Lang, Key: p.Key, File: p.File, URL: p.URL, Out: p.Out, Parent: p.Parent,
		Kind: p.Kind, Untranslated: p.Untranslated, ReadingTime: p.ReadingTime(),
		Title: p.Title, Description: p.Description,
		Date: dateKey(p.Date), Lastmod: dateKey(p.Lastmod),
		Draft: p.Draft, Numbered: p.Numbered, Standalone: p.Standalone, Weight: p.Weight,
		Slug: p.Slug, Layout: p.Layout, TranslatedFrom: p.TranslatedFrom, BlocksFrom: p.BlocksFrom,
		ShareImage: p.ShareImage, ShareImageAlt: p.ShareImageAlt,
		FrontMatter: p.hash,
	}
}

// dateKey is a date as MetaKey compares it: the day (always midnight
// UTC) and whether only the month was given.
func dateKey(d Date) string {
	if d.IsZero() {
		return ""
	}
	if d.MonthOnly {
		return d.ISO() + " month"
	}
	return d.ISO()
}
