package render

import (
	"encoding/json"
	"html/template"

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
	IsPartOf          *thing   `json:"isPartOf,omitempty"`
	TranslationOfWork *thing   `json:"translationOfWork,omitempty"`
	WorkTranslation   []*thing `json:"workTranslation,omitempty"`
}

// StructuredData is the page's schema.org description as JSON-LD, for a
// <script type="application/ld+json"> data block: an Article for a dated
// page, a CollectionPage for a section, a WebPage otherwise, with its
// name, description, language, URL, dates as precise as the front matter
// gives them (date, and lastmod if set), share image, the site it is part of, and its other language
// versions: translationOfWork names the original, workTranslation the
// translations. It says nothing the content does not: no author or
// publisher. Empty for pages that are not indexed (404 pages and
// stand-ins for missing translations).
func (v *PageView) StructuredData() (template.JS, error) {
	if !v.Indexable() {
		return "", nil
	}
	t := v.thing(v.Page)
	t.Context = "https://schema.org"
	if img, err := v.ShareImage(); err != nil {
		return "", err
	} else if img != nil {
		t.Image = img.URL
	}
	if home := v.Home(); home != nil {
		t.IsPartOf = &thing{Type: "WebSite", Name: v.Language().Title, URL: home.Permalink(), InLanguage: v.Lang}
	}
	def := v.r.Config.DefaultLanguage
	for _, tr := range v.Translations() {
		other := v.thing(tr.Page)
		if tr.Lang == def {
			t.TranslationOfWork = other
		} else if v.Lang == def {
			t.WorkTranslation = append(t.WorkTranslation, other)
		}
	}
	// json.Marshal escapes <, > and &, so no text can close the element.
	data, err := json.Marshal(t)
	if err != nil {
		return "", err
	}
	return template.JS(data), nil
}

// thing describes p as an item: its type, name, description, language,
// URL and date.
func (v *PageView) thing(p *content.Page) *thing {
	t := &thing{Type: "WebPage", Name: p.Title, Description: p.Description, InLanguage: p.Lang, URL: v.Abs(p.URL)}
	switch {
	case p.Kind == content.KindSection:
		t.Type = "CollectionPage"
	case p.Kind == content.KindPage && p.Dated():
		t.Type = "Article"
		t.Headline = p.Title
	}
	// As precise as the front matter: "2025-06" for a month.
	t.DatePublished = p.Date.ISO()
	t.DateModified = p.Lastmod.ISO()
	return t
}
