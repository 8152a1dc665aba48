package engine

import (
	"encoding/xml"
	"strings"
	"time"
	"unicode/utf8"

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
	f := s.atomFeed(lang)
	// Written without indentation, which the minifier removes (see
	// TestFeedIndentMinifiesAway), and with room for the byte the
	// minifier needs after it.
	b := make([]byte, 0, f.sizeHint()+1)
	b = append(b, xml.Header...)
	b = f.appendXML(b)
	return append(b, '\n'), nil
}

// atomFeed is the feed of a language (see feed).
func (s *Site) atomFeed(lang string) *atomFeed {
	l := s.Config.Language(lang)
	// A site whose interface strings have no feed_title (layouts that
	// name no feed) still gets a feed, named after the site.
	title, err := s.Locales.Translator(lang).T("feed_title", map[string]any{"Site": l.Title})
	if err != nil || title == "" {
		title = l.Title
	}
	f := &atomFeed{
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
	return f
}

// appendXML appends the feed as xml.Marshal writes it (proved by
// FuzzFeedXML), without encoding/xml's reflection: the feeds of a
// 2,000-page site took it 30-60 ms of CPU and a few megabytes.
func (f *atomFeed) appendXML(b []byte) []byte {
	b = append(b, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="`...)
	b = appendXMLText(b, f.Lang)
	b = append(b, `">`...)
	b = appendElement(b, "id", f.ID)
	b = appendElement(b, "title", f.Title)
	if f.Subtitle != "" {
		b = appendElement(b, "subtitle", f.Subtitle)
	}
	b = appendLinks(b, f.Links)
	b = appendElement(b, "updated", f.Updated)
	b = append(b, "<author>"...)
	b = appendElement(b, "name", f.Author.Name)
	if f.Author.URI != "" {
		b = appendElement(b, "uri", f.Author.URI)
	}
	b = append(b, "</author>"...)
	for _, e := range f.Entries {
		b = append(b, "<entry>"...)
		b = appendElement(b, "id", e.ID)
		b = appendElement(b, "title", e.Title)
		b = appendLinks(b, e.Links)
		if e.Published != "" {
			b = appendElement(b, "published", e.Published)
		}
		b = appendElement(b, "updated", e.Updated)
		if e.Summary != "" {
			b = appendElement(b, "summary", e.Summary)
		}
		b = append(b, "</entry>"...)
	}
	return append(b, "</feed>"...)
}

// sizeHint is about the length of the feed's XML, so that its buffer
// is made once.
func (f *atomFeed) sizeHint() int {
	n := len(xml.Header) + 256 + len(f.ID) + len(f.Title) + len(f.Subtitle) + len(f.Author.Name) + len(f.Author.URI) + linksHint(f.Links)
	for _, e := range f.Entries {
		n += 128 + len(e.ID) + len(e.Title) + len(e.Published) + len(e.Updated) + len(e.Summary) + linksHint(e.Links)
	}
	return n
}

func linksHint(links []atomLink) int {
	n := 0
	for _, l := range links {
		n += 40 + len(l.Rel) + len(l.Type) + len(l.Hreflang) + len(l.Href)
	}
	return n
}

func appendLinks(b []byte, links []atomLink) []byte {
	for _, l := range links {
		b = append(b, `<link rel="`...)
		b = appendXMLText(b, l.Rel)
		if l.Type != "" {
			b = append(b, `" type="`...)
			b = appendXMLText(b, l.Type)
		}
		if l.Hreflang != "" {
			b = append(b, `" hreflang="`...)
			b = appendXMLText(b, l.Hreflang)
		}
		b = append(b, `" href="`...)
		b = appendXMLText(b, l.Href)
		b = append(b, `"></link>`...)
	}
	return b
}

// appendElement appends <name>text</name>.
func appendElement(b []byte, name, text string) []byte {
	b = append(b, '<')
	b = append(b, name...)
	b = append(b, '>')
	b = appendXMLText(b, text)
	b = append(b, "</"...)
	b = append(b, name...)
	return append(b, '>')
}

// appendXMLText appends s escaped as xml.EscapeText escapes it, for text
// and attribute values alike.
func appendXMLText(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		r, width := utf8.DecodeRuneInString(s[i:])
		i += width
		var esc string
		switch r {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			if !xmlChar(r) || (r == utf8.RuneError && width == 1) {
				esc = "\uFFFD"
				break
			}
			continue
		}
		b = append(b, s[last:i-width]...)
		b = append(b, esc...)
		last = i
	}
	return append(b, s[last:]...)
}

// xmlChar reports whether XML 1.0 allows r in a document (its Char
// production).
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
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
