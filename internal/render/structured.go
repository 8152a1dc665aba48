package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"

	"cecot/internal/config"
	"cecot/internal/content"
)

// thing is a schema.org item as JSON-LD: only what the page states.
type thing struct {
	Context           string   `json:"@context,omitempty"`
	Type              string   `json:"@type"`
	Name              string   `json:"name,omitempty"`
	Headline          string   `json:"headline,omitempty"`
	Description       string   `json:"description,omitempty"`
	InLanguage        string   `json:"inLanguage,omitempty"`
	URL               string   `json:"url,omitempty"`
	DatePublished     string   `json:"datePublished,omitempty"`
	DateModified      string   `json:"dateModified,omitempty"`
	Image             string   `json:"image,omitempty"`
	Audience          *thing   `json:"audience,omitempty"`
	Contributor       []*thing `json:"contributor,omitempty"`
	IsBasedOn         *thing   `json:"isBasedOn,omitempty"`
	IsPartOf          *thing   `json:"isPartOf,omitempty"`
	TranslationOfWork *thing   `json:"translationOfWork,omitempty"`
	WorkTranslation   []*thing `json:"workTranslation,omitempty"`
}

// StructuredData is the page's schema.org description as JSON-LD, for a
// <script type="application/ld+json"> data block: an Article for a dated
// page, a CollectionPage for a section, a WebPage otherwise, with its
// name, description, language, URL, the date it was last modified
// (lastmod) if the front matter gives one, share image, the site it is
// part of, the document it is based on, and its other language
// versions: translationOfWork names the original, workTranslation the
// translations. A page's date is the date of the document it
// summarizes, not of the page, so it is the datePublished of that
// document (isBasedOn, see basedOn), never of the page: the site does
// not know when it first published a page. It says nothing the content
// does not: no author or publisher. Empty for pages that are not
// indexed (404 pages and stand-ins for missing translations).
func (v *PageView) StructuredData() (template.JS, error) {
	if !v.Indexable {
		return "", nil
	}
	t := v.thing(v.Page)
	t.Context = "https://schema.org"
	img, err := v.ShareImage()
	if err != nil {
		return "", err
	} else if img != nil {
		t.Image = img.URL
	}
	if t.IsBasedOn, err = v.basedOn(); err != nil {
		return "", err
	}
	if home := v.Home(); home != nil {
		t.IsPartOf = &thing{Type: "WebSite", Name: v.Language.Title, URL: home.Permalink, InLanguage: v.Lang}
	}
	def := v.cfg().DefaultLanguage
	for _, tr := range v.Translations() {
		other := v.thing(tr.Page)
		if tr.Lang == def {
			t.TranslationOfWork = other
		} else if v.Lang == def {
			t.WorkTranslation = append(t.WorkTranslation, other)
		}
	}
	return marshalJS(t)
}

// marshalJS is json.Marshal(t) as template.JS. The JSON is written into
// a pooled buffer and copied once, into the string, where Marshal's
// slice was a copy of its own: a page's JSON-LD is a kilobyte or two.
// An Encoder escapes <, > and & as Marshal does, so no text can close
// the element, and ends the JSON with a newline, left out.
func marshalJS(t *thing) (template.JS, error) {
	buf := layoutBufs.Get().(*bytes.Buffer)
	defer putLayoutBuf(buf)
	buf.Reset()
	if err := json.NewEncoder(buf).Encode(t); err != nil {
		return "", err
	}
	return template.JS(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))), nil
}

// thing describes p as an item: its type, name, description, language,
// URL and the date it was last modified.
func (v *PageView) thing(p *content.Page) *thing {
	t := &thing{Type: "WebPage", Name: p.Title, Description: p.Description, InLanguage: p.Lang, URL: v.Abs(p.URL)}
	switch {
	case p.Kind == content.KindSection:
		t.Type = "CollectionPage"
	case p.Kind == content.KindPage && p.Dated():
		t.Type = "Article"
		t.Headline = p.Title
	}
	t.DateModified = p.Lastmod.ISO()
	return t
}

// basedOn is the document that the page summarizes, as a Report: the
// one its own [params.cite] describes, or else the one that describes
// the page that site.toml's source names, in the page's language (see
// Pass.source). Nil when there is none; an error when site.toml's source
// names a page that does not describe a document.
func (v *PageView) basedOn() (*thing, error) {
	if cite, _ := v.Page.Params["cite"].(map[string]any); cite != nil {
		return citedReport(v.Page, cite), nil
	}
	src := v.j.pass.source(v.Lang)
	if src.page != nil {
		v.j.read(src.page)
		if src.page == v.Page && src.report == nil {
			return nil, nil // the source page itself, without a document
		}
	}
	return src.report, src.err
}

// sourceDoc is the document that site.toml's source page describes in
// one language, for the pages that describe none of their own.
type sourceDoc struct {
	page   *content.Page // the source page, nil when there is none
	report *thing        // the document, nil when the page describes none
	err    error
}

// source returns the document that site.toml's source page describes
// in lang, worked out once per pass: every page without a [params.cite]
// of its own is based on it. A page's JSON-LD only reads the report.
func (ps *Pass) source(lang string) *sourceDoc {
	if s, ok := ps.sources.Load(lang); ok {
		return s.(*sourceDoc)
	}
	s := &sourceDoc{}
	if key := ps.r.cfg.Source; key != "" {
		if s.page = ps.content.Page(lang, key); s.page == nil {
			s.err = fmt.Errorf("%s: source = %q: there is no page %s; name the page whose [params.cite] describes the document the site is based on", config.File, key, content.ID{Lang: lang, Key: key}.File())
		} else {
			cite, _ := s.page.Params["cite"].(map[string]any)
			if s.report = citedReport(s.page, cite); s.report == nil {
				s.err = fmt.Errorf("%s: source = %q: %s has no [params.cite] with a title; give it one, or name the page that has", config.File, key, s.page.File)
			}
		}
	}
	got, _ := ps.sources.LoadOrStore(lang, s)
	return got.(*sourceDoc)
}

// citedReport is the document that p's [params.cite] describes: its
// name (title), language (lang), date (p's date, as precise as its front
// matter: "2025-06"), addressee (as its audience) and partners (as
// contributors, organizations). Nil when cite has no title.
func citedReport(p *content.Page, cite map[string]any) *thing {
	name, _ := cite["title"].(string)
	if name == "" {
		return nil
	}
	t := &thing{Type: "Report", Name: name, DatePublished: p.Date.ISO()}
	t.InLanguage, _ = cite["lang"].(string)
	if to, _ := cite["addressee"].(string); to != "" {
		t.Audience = &thing{Type: "Audience", Name: to}
	}
	partners, _ := cite["partners"].([]any)
	for _, o := range partners {
		if o, _ := o.(string); o != "" {
			t.Contributor = append(t.Contributor, &thing{Type: "Organization", Name: o})
		}
	}
	return t
}
