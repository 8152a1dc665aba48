package content

import "slices"

// Replace puts p, a fresh parse of a page's file, in the place of the
// page with the same language and key, and refreshes the stand-ins that
// show it in other languages. The page keeps its identity, URL, output
// file and parent, so nothing else is recomputed: that is what makes an
// edit in watch mode cheap. It returns the pages it changed, or false,
// changing nothing, when p does not fit in place: a page the site does
// not have yet, or a changed slug or draft flag, which move or remove
// URLs. The caller then assembles the site again.
func (s *Tree) Replace(p *Page) ([]*Page, bool) {
	if !s.Fits(p) {
		return nil, false
	}
	old := s.byKey[p.Lang][p.Key]
	reweighed := old.Weight != p.Weight
	place(old, *p)
	changed := []*Page{old}
	if p.Lang == s.Default {
		for _, lang := range s.Languages {
			if st := s.byKey[lang][p.Key]; lang != p.Lang && st != nil && st.Untranslated {
				standIn := *old
				standIn.Lang, standIn.Untranslated, standIn.Slug = lang, true, ""
				place(st, standIn)
				changed = append(changed, st)
			}
		}
	}
	if reweighed {
		for _, c := range changed {
			if parent := s.byKey[c.Lang][c.Parent]; parent != nil && slices.Contains(s.children[parent], c) {
				sortChildren(s.children[parent])
			}
		}
	}
	return changed, true
}

// place overwrites page dst with src, keeping dst's place in the site.
func place(dst *Page, src Page) {
	src.URL, src.Out, src.Parent = dst.URL, dst.Out, dst.Parent
	*dst = src
}

// Fits reports whether Replace can put p in place.
func (s *Tree) Fits(p *Page) bool {
	old := s.byKey[p.Lang][p.Key]
	return old != nil && !old.Untranslated && old.File == p.File && old.Slug == p.Slug && old.Draft == p.Draft && old.Kind == p.Kind
}
