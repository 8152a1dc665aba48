package render

import (
	"strconv"
	"strings"

	"cecot/internal/config"
	"cecot/internal/content"
)

// Shared fragments of a page's other languages. The hreflang alternates
// and the language switcher differ from page to page only by the page's
// own URLs in each language; a layout that calls them with shared gets
// them rendered once for a folder of pages whose translations are in the
// same languages, with holes for those URLs. What the partial sees of the
// other languages is a VersionView.

// VersionView is a page in another language, as a shared fragment sees
// it: its language, and its URLs, which in a fragment rendered for many
// pages stand for each page's own.
type VersionView struct {
	Lang     string
	Language *config.Language
	// Untranslated reports a stand-in for a missing translation.
	Untranslated bool
	f            *FragmentView
	page         *PageView // the page in that language; nil in a fragment for many pages
}

// URL is the page's path from the site root, to pass to Rel. In a
// fragment for many pages it only has a meaning for Rel: printed, it
// keeps the fragment from being shared.
func (v *VersionView) URL() string {
	if v.page != nil {
		return v.page.URL
	}
	return v.f.nonce + "v" + v.Lang + "u"
}

// Permalink is the page's absolute URL, or "" without a base URL.
func (v *VersionView) Permalink() string {
	if v.page != nil {
		return v.page.Permalink
	}
	if v.f.Site().BaseURL == "" {
		return ""
	}
	return v.f.hole(hole{kind: holeVersionPermalink, lang: v.Lang})
}

// versionFact is what the pages that share a fragment have in common
// about one of their other languages.
type versionFact struct {
	lang         string
	untranslated bool
}

// versionsKey says in which other languages page p exists (others), and where as
// a stand-in: pages share fragments only with pages that agree. A page
// that search engines do not index says so too.
func versionsKey(p *content.Page, others []*content.Page) string {
	var b strings.Builder
	if !p.Indexable() {
		b.WriteString("!")
	}
	for _, t := range others {
		b.WriteString(t.Lang)
		if t.Untranslated {
			b.WriteString("*")
		}
		b.WriteString(",")
	}
	return b.String()
}

// parseVersionsKey reads versionsKey's key back.
func parseVersionsKey(key string) (facts []versionFact, indexable bool) {
	key, noindex := strings.CutPrefix(key, "!")
	for _, s := range strings.Split(strings.TrimSuffix(key, ","), ",") {
		if s == "" {
			continue
		}
		lang, untranslated := strings.CutSuffix(s, "*")
		facts = append(facts, versionFact{lang: lang, untranslated: untranslated})
	}
	return facts, !noindex
}

// Translations are the current page in the other languages that really
// have it, for hreflang alternates, as PageView.Translations.
func (f *FragmentView) Translations() []*VersionView { return f.versionViews(false) }

// Versions are the current page in every other language, including
// stand-ins, for the language switcher, as PageView.Versions.
func (f *FragmentView) Versions() []*VersionView { return f.versionViews(true) }

// versionViews are the current page's other languages, stand-ins too if
// all. Like PageView's, they record that the render read those pages.
func (f *FragmentView) versionViews(all bool) []*VersionView {
	if f.page != nil {
		var pages []*PageView
		if all {
			pages = f.page.Versions()
		} else {
			pages = f.page.Translations()
		}
		vs := make([]*VersionView, len(pages))
		for i, p := range pages {
			vs[i] = &VersionView{Lang: p.Lang, Language: p.Language, Untranslated: p.Untranslated, f: f, page: p}
		}
		return vs
	}
	// Each page reads its own when the holes are filled in.
	if all {
		f.readsVersions = true
	} else {
		f.readsTranslations = true
	}
	var vs []*VersionView
	for _, fact := range f.versions {
		if fact.untranslated && !all {
			continue
		}
		vs = append(vs, &VersionView{Lang: fact.lang, Language: f.Site().Language(fact.lang), Untranslated: fact.untranslated, f: f})
	}
	return vs
}

// Indexable reports whether search engines may index the current page.
func (f *FragmentView) Indexable() bool {
	if f.page != nil {
		return f.page.Indexable
	}
	return f.indexable
}

// Permalink is the current page's absolute URL, or "" without a base URL.
func (f *FragmentView) Permalink() string {
	if f.page != nil {
		return f.page.Permalink
	}
	if f.Site().BaseURL == "" {
		return ""
	}
	return f.hole(hole{kind: holePermalink})
}

// Abs returns the absolute URL of target, a path from the site root, or
// "" when the site has no base URL.
func (f *FragmentView) Abs(target string) string { return f.Site().AbsURL(target) }

// versionLink returns the hole for a link from the current page to its
// version in another language, when target is that version's URL in a
// fragment for many pages.
func (f *FragmentView) versionLink(target string) (string, bool) {
	rest, ok := strings.CutPrefix(target, f.nonce+"v")
	lang, ok2 := strings.CutSuffix(rest, "u")
	if !ok || !ok2 || f.nonce == "" {
		return "", false
	}
	return f.hole(hole{kind: holeVersionLink, lang: lang}), true
}

// urlSafe reports whether s prints the same wherever a layout puts it:
// every escaper of html/template leaves these characters as they are, in
// text, in attributes and in URLs, and a URL's only scheme is http or
// https (html/template filters others out of a link). Holes are filled in
// only with such text; a page with other characters in its URLs renders
// the fragment alone.
func urlSafe(s string) bool {
	rest, ok := strings.CutPrefix(s, "https://")
	if !ok {
		rest, ok = strings.CutPrefix(s, "http://")
	}
	if ok {
		// The host may name a port: "localhost:1313".
		host, path, _ := strings.Cut(rest, "/")
		s = strings.Replace(host, ":", "", 1) + "/" + path
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("/.-_~", c) >= 0) {
			return false
		}
	}
	return true
}

// versionOf returns page v in lang, or nil.
func (j *job) versionOf(v *PageView, lang string) *content.Page {
	for _, t := range v.otherLanguages() {
		if t.Lang == lang {
			return t
		}
	}
	return nil
}

// fillVersion returns what a hole about v's own URLs holds for page v.
func (j *job) fillVersion(h hole, v *PageView) (string, bool) {
	var s string
	switch h.kind {
	case holePermalink:
		s = v.Permalink
	case holeVersionPermalink, holeVersionLink:
		t := j.versionOf(v, h.lang)
		if t == nil {
			return "", false
		}
		if h.kind == holeVersionLink {
			s = v.Rel(t.URL)
		} else {
			s = j.pass.r.cfg.AbsURL(t.URL)
		}
	default:
		panic("render: not a version hole: " + strconv.Itoa(int(h.kind)))
	}
	return s, urlSafe(s)
}
