package translate

import (
	"fmt"
	"path"
	"strings"

	"cecot/internal/content"
	"cecot/internal/po"
	"cecot/internal/translation"
	"cecot/internal/words"
)

// A page's slug, the last segment of its URL, is a message too, so that
// a translator working only in PO files can give a new page its address
// in their language and publish it (issue 19, case 9). Its msgid is the
// original's segment ("submission"), its msgstr the translation's
// ("informe"); import writes it as the translation's slug, checked as
// the build checks slugs (content.CheckSlug, and no other page at the
// same URL), each problem at the msgstr's line. Only a regular page has
// one: a home, a section's list page and the 404 page take their URLs
// from their folders.

// kindSlug is the slug message's kind, in notes; the slug is not a unit
// of the translation's model (its text is not shown on the page).
const kindSlug translation.Kind = "slug"

const slugAnchor = "meta.slug"

// segment is the last segment of page p's URL: its slug, else its
// file's name.
func segment(p *content.Page) string {
	if p.Slug != "" {
		return p.Slug
	}
	return path.Base(p.Key)
}

// slugSlot returns the slot of the page's slug message; ok is false for
// a page that has none.
func (s *pageSync) slugSlot() (sl slot, ok bool) {
	if s.orig.page.Kind != content.KindPage {
		return slot{}, false
	}
	ctx := fieldContext(s.key, slugAnchor)
	line := s.orig.frontKeyLine("slug", "")
	sl = slot{ctx: ctx, b: block{Kind: kindSlug, Anchor: slugAnchor, Text: segment(s.orig.page), Line: max(line+1, 1),
		ctx: ctx, frontKey: "slug", frontLine: line}}
	if s.tr != nil {
		tl := s.tr.frontKeyLine("slug", "")
		sl.t = &block{Kind: kindSlug, Anchor: slugAnchor, Text: segment(s.tr.page), Line: max(tl+1, 1),
			ctx: ctx, frontKey: "slug", frontLine: tl}
		sl.draft = s.tr.page.Draft
	}
	sl.e = s.entries[msgKey(ctx, sl.b.Text)]
	if sl.e == nil && s.pofile != nil {
		// The original's slug changed: its entry, by its context.
		for _, e := range s.pofile.Entries {
			if !e.Obsolete && e.Ctx() == ctx {
				sl.e = e
				break
			}
		}
	}
	return sl, true
}

// isSlugEntry reports whether e is the page's slug message.
func (s *pageSync) isSlugEntry(e *po.Entry) bool {
	return s.orig.page.Kind == content.KindPage && e.Ctx() == fieldContext(s.key, slugAnchor)
}

// messages returns the page's slots with its slug's after the
// front-matter fields: what export and import go through, in the PO
// file's order.
func (s *pageSync) messages() []slot {
	slots := s.slots()
	sl, ok := s.slugSlot()
	if !ok {
		return slots
	}
	i := 0
	for i < len(slots) && slots[i].b.frontKey != "" {
		i++
	}
	out := append(append(append([]slot(nil), slots[:i]...), sl), slots[i:]...)
	return out
}

// checkSlug checks the slug a PO file gives the translation of page
// key: a valid slug, and no other page of the language at the URL it
// makes. Problems are at the msgstr's line.
func (pr *Project) checkSlug(s *pageSync, e *po.Entry, slug string) error {
	name := fieldContext(s.key, slugAnchor)
	if err := content.CheckSlug(slug); err != nil {
		return words.At(s.poPath, e.StrLine, "po_slug", "Block", name, "Slug", fmt.Sprintf("%q", slug), "Err", err)
	}
	cur := pr.site.Page(s.lang, s.key)
	if cur == nil || cur.URL == "" {
		return nil
	}
	url := path.Join(path.Dir(strings.TrimSuffix(cur.URL, "/")), slug) + "/"
	for _, p := range pr.site.Pages {
		if p.Lang == s.lang && p.Key != s.key && p.URL == url {
			return words.At(s.poPath, e.StrLine, "po_slug_url", "Block", name, "URL", url, "Other", p.File)
		}
	}
	if other, taken := pr.slugURLs[url]; taken && other != s.trFile() {
		return words.At(s.poPath, e.StrLine, "po_slug_url", "Block", name, "URL", url, "Other", other)
	}
	if pr.slugURLs == nil {
		pr.slugURLs = map[string]string{}
	}
	pr.slugURLs[url] = s.trFile()
	return nil
}
