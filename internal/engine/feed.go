package engine

import (
	"bytes"
	"encoding/xml"
	"strings"
	"time"

	"cecot/internal/content"
)

// The Atom 1.0 elements of a feed (RFC 4287).
type (
	atomFeed struct {
		XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
		Lang     string      `xml:"xml:lang,attr"`
		ID       string      `xml:"id"`
		Title    string      `xml:"title"`
		Subtitle string      `xml:"subtitle,omitempty"`
		Links    []atomLink  `xml:"link"`
		Updated  string      `xml:"updated"`
		Author   atomAuthor  `xml:"author"`
		Entries  []atomEntry `xml:"entry"`
	}
	atomLink struct {
		Rel      string `xml:"rel,attr"`
		Type     string `xml:"type,attr,omitempty"`
		Hreflang string `xml:"hreflang,attr,omitempty"`
		Href     string `xml:"href,attr"`
	}
	atomAuthor struct {
		Name string `xml:"name"`
		URI  string `xml:"uri,omitempty"`
	}
	atomEntry struct {
		ID        string     `xml:"id"`
		Title     string     `xml:"title"`
		Links     []atomLink `xml:"link"`
		Published string     `xml:"published,omitempty"`
		Updated   string     `xml:"updated"`
		Summary   string     `xml:"summary,omitempty"`
	}
)

// noEntries is the updated time of a feed without entries, which Atom
// requires and which must not be the build's time, or two builds would
// differ.
var noEntries = time.Unix(0, 0).UTC()

// feed makes the Atom feed of a language: its dated pages, newest first,
// each with its title, summary (the description), dates (see
// entryUpdated) and absolute links. IDs are tag URIs made from site.toml's [feeds] id and each page's
// language and file, so they stay the same when the site moves or a
// page's slug changes. The feed's author is the site, by its name: the
// site says nothing of any other.
func (s *Site) feed(lang string) ([]byte, error) {
	l := s.Config.Language(lang)
	// A site whose interface strings have no feed_title (layouts that
	// name no feed) still gets a feed, named after the site.
	title, err := s.Locales.Translator(lang).T("feed_title", map[string]any{"Site": l.Title})
	if err != nil || title == "" {
		title = l.Title
	}
	f := atomFeed{
		Lang:   lang,
		ID:     s.Config.FeedID + lang,
		Title:  title,
		Links:  []atomLink{{Rel: "self", Type: "application/atom+xml", Href: s.Config.AbsURL(content.FeedURL(lang))}},
		Author: atomAuthor{Name: l.Title},
	}
	updated := noEntries
	if home := s.Content.Page(lang, "_index"); home != nil && !home.Untranslated {
		f.Subtitle = home.Description
		f.Links = append(f.Links, atomLink{Rel: "alternate", Type: "text/html", Href: s.Config.AbsURL(home.URL)})
		f.Author.URI = s.Config.AbsURL(home.URL)
	}
	for _, p := range s.Content.FeedPages(lang) {
		changed, ok := entryUpdated(p)
		if !ok {
			continue
		}
		if changed.After(updated) {
			updated = changed
		}
		e := atomEntry{
			ID:      s.Config.FeedID + lang + "/" + p.Key,
			Title:   p.Title,
			Links:   []atomLink{{Rel: "alternate", Type: "text/html", Href: s.Config.AbsURL(p.URL)}},
			Updated: changed.Format(time.RFC3339),
			Summary: p.Description,
		}
		if !p.Date.MonthOnly {
			e.Published = p.Date.Time.UTC().Format(time.RFC3339)
		}
		for _, t := range s.Content.Translations(p) {
			if t.Indexable() {
				e.Links = append(e.Links, atomLink{Rel: "alternate", Type: "text/html", Hreflang: t.Lang, Href: s.Config.AbsURL(t.URL)})
			}
		}
		f.Entries = append(f.Entries, e)
	}
	f.Updated = updated.Format(time.RFC3339)
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	b.WriteString("\n")
	return b.Bytes(), nil
}

// entryUpdated is the time of a page's last change, which Atom requires
// of every entry as a full date and time: the later of its lastmod and
// its date, of those given to the day. Atom has no way to say a month,
// and writing the month's first day would date the page to a day its
// source never gave: a page whose dates are months only is left out,
// until it has a lastmod with a day.
func entryUpdated(p *content.Page) (time.Time, bool) {
	var d time.Time
	for _, c := range []content.Date{p.Date, p.Lastmod} {
		if !c.IsZero() && !c.MonthOnly && c.Time.After(d) {
			d = c.Time
		}
	}
	return d.UTC(), !d.IsZero()
}

// feedName is the file of a language's feed in the site.
func feedName(lang string) string { return strings.TrimPrefix(content.FeedURL(lang), "/") }
