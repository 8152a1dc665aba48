package render

import (
	"html/template"
	"strings"
	"unicode"

	"cecot/internal/config"
	"cecot/internal/content"
	"cecot/internal/markdown"
	"cecot/internal/stamp"
)

// PageView is what a layout sees as "." for a page.
type PageView struct {
	*content.Page
	// The fields that lists and navigation read most, copied from Page
	// to the top level. text/template finds a field of an embedded
	// struct with reflect's breadth-first FieldByName, which allocates
	// on every evaluation: with a section's page list on every page that
	// was a third of a build's allocations. A top-level field is found by
	// a plain scan. They always hold the page's own values.
	Lang, Key, URL     string
	Kind               content.Kind
	Title, Description string
	Date               content.Date
	// Language is the page's language as site.toml describes it, which
	// every layout reads several times: a field, not a method, as
	// text/template calls methods through reflection.
	Language *config.Language
	// Facts that layouts read on every page and that cost next to
	// nothing to work out, set when the view is made: as fields they
	// are found by a plain scan, where a method is looked up by name,
	// its type built and the call made through reflection at every
	// evaluation. None records a page as read.
	//
	// Site is the site's configuration.
	Site *config.Config
	// Permalink is the page's absolute URL, or "" without a base URL.
	Permalink string
	// Indexable reports whether search engines may index the page
	// (content.Page.Indexable), Dated whether it has a date.
	Indexable, Dated bool
	// StandaloneURL is the path of the page's single-file edition, or
	// "" when it has none.
	StandaloneURL string
	// Front matter that layouts read, copied from content.Page's
	// embedded FrontMatter, which text/template reaches only with a
	// search of the embedded structs that allocates.
	Params   map[string]any
	Lastmod  content.Date
	Numbered bool
	// Content is the page's Markdown as HTML; empty in lists.
	Content template.HTML
	// TOC lists the page's level 2 and 3 headings.
	TOC []markdown.Heading
	md  *markdown.Result
	j   *job // the render the view is part of
	// once is what the view worked out once, made when first asked
	// for: the page's own view asks, the many views of lists do not,
	// and are the smaller for it.
	once *viewOnce
}

// viewOnce is what a view works out once.
type viewOnce struct {
	// others are the page in the other languages, and versionsKey what
	// shared fragments need of them (otherLanguages).
	others      []*content.Page
	versionsKey string
	othersDone  bool
	// share is the page's share image (ShareImage).
	share     *ShareImage
	shareErr  error
	shareDone bool
	// home and translations are Home and Translations, which the
	// layout and the JSON-LD both ask for.
	home                       *PageView
	translations               []*PageView
	homeDone, translationsDone bool
}

// memo returns v's viewOnce, made if it has none yet.
func (v *PageView) memo() *viewOnce {
	if v.once == nil {
		v.once = &viewOnce{}
	}
	return v.once
}

// otherLanguages returns the page in every other language, stand-ins
// too, without recording them as read, and sets v's versionsKey.
func (v *PageView) otherLanguages() []*content.Page {
	m := v.memo()
	if !m.othersDone {
		m.others = v.j.pass.content.Translations(v.Page)
		m.versionsKey = versionsKey(v.Page, m.others)
		m.othersDone = true
	}
	return m.others
}

// Paragraphs is the number of the page's top-level paragraphs.
func (v *PageView) Paragraphs() int {
	if v.md == nil {
		return 0
	}
	return v.md.Paragraphs
}

// view is the view of a page without its content, as lists show it. It
// records that the render read p.
func (j *job) view(p *content.Page) *PageView {
	j.read(p)
	cfg := j.pass.r.cfg
	v := &PageView{
		Page: p, j: j,
		Lang: p.Lang, Key: p.Key, URL: p.URL, Kind: p.Kind,
		Title: p.Title, Description: p.Description, Date: p.Date,
		Language: cfg.Language(p.Lang), Site: cfg, Permalink: cfg.AbsURL(p.URL),
		Indexable: p.Indexable(), Dated: p.Dated(),
		Params: p.Params, Lastmod: p.Lastmod, Numbered: p.Numbered,
	}
	if p.Standalone {
		v.StandaloneURL = p.StandaloneURL()
	}
	return v
}

// viewWith is the view of a page with its converted Markdown.
func (j *job) viewWith(p *content.Page, md *markdown.Result) *PageView {
	v := j.view(p)
	v.Content, v.TOC, v.md = template.HTML(md.HTML), md.TOC, md
	return v
}

// cfg is the site's configuration.
func (v *PageView) cfg() *config.Config { return v.j.pass.r.cfg }

// Languages are all of the site's languages, in order.
func (v *PageView) Languages() []config.Language { return v.cfg().Languages }

// T looks up an interface string in the page's language. Layouts
// normally use the function T; this method serves pages that speak
// several languages, such as the language chooser.
func (v *PageView) T(id string, args ...any) (string, error) {
	return v.j.pass.r.translators[v.Lang].T(id, args...)
}

// Rel returns a link from this page to target, a path from the site root.
// Links are relative, so the site works from any folder; on 404 pages,
// which a host shows at any address, they start from the base path.
func (v *PageView) Rel(target string) string {
	if v.Kind == content.KindNotFound || strings.HasSuffix(v.URL, "/404.html") {
		return v.cfg().BasePath() + strings.TrimPrefix(target, "/")
	}
	return content.RelURL(v.URL, target)
}

// Abs returns the absolute URL of target, a path from the site root, or ""
// when the site has no base URL.
func (v *PageView) Abs(target string) string { return v.cfg().AbsURL(target) }

// AssetRef is what a layout needs to load an asset.
type AssetRef struct {
	URL       string // relative to the page
	Integrity string // for the integrity attribute
}

// Asset returns the link to an asset, by its name under assets/.
func (v *PageView) Asset(name string) (AssetRef, error) { return v.j.pass.r.assetRef(name, v.Rel) }

// assetRef is the link to the asset name, made relative by rel (a
// page's or a shared fragment's Rel).
func (r *Renderer) assetRef(name string, rel func(string) string) (AssetRef, error) {
	a, err := r.assets.Lookup(name)
	if err != nil {
		return AssetRef{}, err
	}
	return AssetRef{URL: rel("/" + a.Out), Integrity: a.Integrity}, nil
}

// Pages are the pages a section lists, without their content.
func (v *PageView) Pages() []*PageView {
	v.j.read(v.Page) // a list depends on which pages its section has
	return v.j.views(v.j.pass.content.Children(v.Page))
}

// Section is the section that lists the page (for a regular page, the
// list page of its folder), or nil for a home page: for navigation
// between the pages of one section.
func (v *PageView) Section() *PageView {
	s := v.j.pass.content.Page(v.Lang, v.Parent)
	if s == nil {
		return nil
	}
	return v.j.view(s)
}

// Translations are the page in the other languages that really have it,
// for hreflang alternates. Stand-ins for missing translations are left out.
func (v *PageView) Translations() []*PageView {
	m := v.memo()
	if !m.translationsDone {
		m.translations, m.translationsDone = v.translations(), true
	}
	return m.translations
}

// translations is Translations, worked out.
func (v *PageView) translations() []*PageView {
	var ts []*content.Page
	for _, t := range v.otherLanguages() {
		if !t.Untranslated {
			ts = append(ts, t)
		}
	}
	return v.j.views(ts)
}

// Versions are the page in every other language, including stand-ins,
// for the language switcher: every language has every URL.
func (v *PageView) Versions() []*PageView {
	return v.j.views(v.otherLanguages())
}

// Original is the default-language page that a stand-in shows, or nil.
func (v *PageView) Original() *PageView {
	if !v.Untranslated {
		return nil
	}
	return v.j.view(v.j.pass.content.Page(v.cfg().DefaultLanguage, v.Key))
}

// TitleOriginal is the default-language page in whose words this page's
// title is: a stand-in's original, or the original of a translation
// whose title reads exactly as the original's (a page made with "site
// stamp -new" and left in English); nil otherwise. Layouts give the
// heading that page's language, so that screen readers read it in
// English. A title without letters reads the same in every language.
func (v *PageView) TitleOriginal() *PageView {
	if o := v.Original(); o != nil {
		return o
	}
	def := v.cfg().DefaultLanguage
	if v.Lang == def {
		return nil
	}
	src := v.j.pass.content.Page(def, v.Key)
	if src == nil {
		return nil
	}
	v.j.read(src)
	if src.Title != v.Title || !strings.ContainsFunc(v.Title, unicode.IsLetter) {
		return nil
	}
	return v.j.view(src)
}

// Stale is the default-language page that this translation was made
// from, when that page has changed since the translation was last
// stamped; nil otherwise, and for pages with no stamp to compare.
func (v *PageView) Stale() *PageView {
	if v.Untranslated || v.Lang == v.cfg().DefaultLanguage || v.TranslatedFrom == "" {
		return nil
	}
	src := v.j.pass.content.Page(v.cfg().DefaultLanguage, v.Key)
	if src == nil {
		return nil
	}
	if stamp.From(v.Page, src) {
		return nil
	}
	return v.j.view(src)
}

// Home is the home page of the page's language, or nil.
func (v *PageView) Home() *PageView {
	m := v.memo()
	if !m.homeDone {
		m.home, m.homeDone = v.home(), true
	}
	return m.home
}

// home is Home, worked out.
func (v *PageView) home() *PageView {
	h := v.j.pass.content.Page(v.Lang, "_index")
	if h == nil {
		return nil
	}
	return v.j.view(h)
}

// Homes are the home pages of every language, for the language chooser.
func (v *PageView) Homes() []*PageView {
	var hs []*content.Page
	for _, l := range v.cfg().Languages {
		if h := v.j.pass.content.Page(l.Code, "_index"); h != nil {
			hs = append(hs, h)
		}
	}
	return v.j.views(hs)
}

// NotFound is the 404 page of the page's language, or nil.
func (v *PageView) NotFound() *PageView {
	p := v.j.pass.content.Page(v.Lang, "404")
	if p == nil {
		return nil
	}
	return v.j.view(p)
}

// Menu are the pages listed on the home page of the page's language: the
// site's main sections and pages.
func (v *PageView) Menu() []*PageView {
	h := v.j.pass.content.Page(v.Lang, "_index")
	if h == nil {
		return nil
	}
	v.j.read(h) // the menu depends on which pages the home lists
	return v.j.views(v.j.pass.content.Children(h))
}

// views are the views of ps, each recorded as read.
func (j *job) views(ps []*content.Page) []*PageView {
	vs := make([]*PageView, len(ps))
	for i, p := range ps {
		vs[i] = j.view(p)
	}
	return vs
}
