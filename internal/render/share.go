package render

import (
	"fmt"
	_ "image/gif"  // share_image may be a GIF,
	_ "image/jpeg" // a JPEG
	_ "image/png"  // or a PNG
	"net/url"
	"strings"
	"sync"
	"unicode"

	_ "golang.org/x/image/webp" // or a WebP

	"cecot/internal/content"
	"cecot/internal/diag"
	"cecot/internal/share"
)

// shareColors are the colours of the site's share images, read once from
// site.toml's themeColor and the stylesheet.
type shareColors struct {
	once   sync.Once
	colors share.Colors
}

func (r *Renderer) shareColors() share.Colors {
	r.colors.once.Do(func() {
		var css []byte
		if a, err := r.assets.Lookup(stylesheet); err == nil {
			css = a.Data
		}
		r.colors.colors = share.SiteColors(r.cfg.ThemeColor, css)
	})
	return r.colors.colors
}

// stylesheet is the site's stylesheet, under assets/, whose palette the
// share images use.
const stylesheet = "css/site.css"

// ShareCard returns the share image that a build draws for p, and its
// path from the site root. It reports false for pages that have none:
// when site.toml turns share images off, for a page that names its own
// image, for 404 pages, which nobody shares, and for stand-ins of
// untranslated pages, which show their original's image.
//
// Nor does a page whose text the card's fonts cannot draw (Arabic,
// Hebrew, Chinese, emoji; see share.Card.Missing): link previews show it
// without an image rather than with empty boxes, and ShareWarning says
// so.
func (r *Renderer) ShareCard(p *content.Page) (share.Card, string, bool) {
	c, ok := r.card(p)
	if !ok {
		return share.Card{}, "", false
	}
	f := r.cardFacts(c)
	if !f.drawable {
		return share.Card{}, "", false
	}
	return c, shareImagePath(p, f.key), true
}

// cardFacts are what a card's text and colours make of it: whether its
// fonts can draw it, and its key.
type cardFacts struct {
	drawable bool
	key      string // when drawable
}

// cardFacts returns c's facts, worked out once until the page is
// rendered (forgetCard): a page's card is asked for by the list of
// outputs, the page's layout and the checks, and each time its glyphs
// were looked up in the fonts and its key hashed again.
func (r *Renderer) cardFacts(c share.Card) cardFacts {
	if f, ok := r.cards.Load(c); ok {
		return f.(cardFacts)
	}
	f := cardFacts{drawable: len(c.Missing()) == 0}
	if f.drawable {
		f.key = c.Key()
	}
	r.cards.Store(c, f)
	return f
}

// forgetCard lets go of the facts of p's card once p is rendered: the
// checks, the list of outputs and the page's layout have asked for
// them, and a build kept them to its end, 200 bytes a page. A later
// render of p (its single-file edition, watch mode) works them out
// again.
func (r *Renderer) forgetCard(p *content.Page) {
	if c, ok := r.card(p); ok {
		r.cards.Delete(c)
	}
}

// card is the share image that p would have, drawable or not.
func (r *Renderer) card(p *content.Page) (share.Card, bool) {
	if !r.cfg.ShareImages || p.ShareImage != "" || p.Kind == content.KindNotFound || p.Untranslated {
		return share.Card{}, false
	}
	site := r.cfg.Title
	if l := r.cfg.Language(p.Lang); l != nil {
		site = l.Title
	}
	title := p.Title
	if title == "" {
		title = site
	}
	return share.Card{Site: site, Title: title, Line: shareLine(p), Colors: r.shareColors()}, true
}

// ShareWarning says why p gets no drawn share image although it should
// have one: its text has characters the card's fonts cannot draw. It
// names the line that holds them, and what to do; nil when p's image is
// drawn or it needs none.
func (r *Renderer) ShareWarning(p *content.Page) *diag.Error {
	c, ok := r.card(p)
	if !ok {
		return nil
	}
	if r.cardFacts(c).drawable { // known once per card: no glyph lookups again
		return nil
	}
	missing := c.Missing()
	chars := strings.Join(strings.Split(string(missing), ""), " ")
	const why = "has characters that the share images' fonts cannot draw (%s), so link previews show %s without an image"
	if len((share.Card{Site: c.Site}).Missing()) > 0 {
		lang := fmt.Sprintf("%q", p.Lang)
		return diag.At("site.toml", 0, "share_site_name", fmt.Sprintf("share images: the site's name in language %s "+why+"; to give a page one, set its share_image to an image of your own in assets/", lang, chars, "its pages"),
			"Lang", lang, "Chars", chars)
	}
	line, field := p.Line("title"), "title"
	switch {
	case len((share.Card{Title: c.Title}).Missing()) > 0:
	case p.Params["summary"] != nil:
		line, field = p.Line("params"), "summary"
	default:
		line, field = p.Line("description"), "description"
	}
	return diag.At(p.File, line, "share_"+field, fmt.Sprintf("share image: the %s "+why+"; to have one, set share_image to an image of your own in assets/", field, chars, "the page"), "Chars", chars)
}

// shareLine is the short line of a page's share image: its summary, or
// else its description, up to the end of the first sentence.
func shareLine(p *content.Page) string {
	line := p.Description
	if s, ok := p.Params["summary"].(string); ok && strings.TrimSpace(s) != "" {
		line = s
	}
	line = collapseSpace(line)
	if i := strings.Index(line, ". "); i > 0 {
		line = line[:i+1]
	}
	return line
}

// collapseSpace is strings.Join(strings.Fields(s), " "): s with its
// runs of white space made one space, and none at either end. A text
// with nothing to collapse (the usual description) is returned as it
// is, without the list of its words and their copy: a page's share line
// is worked out for the list of outputs, the checks and its layout.
func collapseSpace(s string) string {
	space := true // a space at the start is one too many
	for _, r := range s {
		isSpace := unicode.IsSpace(r)
		if isSpace && (space || r != ' ') {
			return strings.Join(strings.Fields(s), " ")
		}
		space = isSpace
	}
	if space && s != "" { // a space at the end
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// shareImagePath names a page's drawn image after its URL, with the
// card's key as fingerprint: "/assets/share/es/informe.1a2b3c4d5e.png".
// Under assets/ it is cached for good, as other fingerprinted files.
func shareImagePath(p *content.Page, key string) string {
	return "/assets/share/" + strings.Trim(p.URL, "/") + "." + key[:10] + ".png"
}

// RootCard returns the share image of the language chooser at the site
// root, which speaks every language at once: the languages' names, the
// site's name in each, and each home page's title in c. It is kept with
// the default language's home page, whose outputs include it, and
// reports false when share images are off or there is no home page.
func (r *Renderer) RootCard(c *content.Tree) (share.Card, string, bool) {
	return r.NewPass(c, PassOptions{}).job(nil).rootCard()
}

// rootCard is RootCard, recording the home pages it read.
func (j *job) rootCard() (share.Card, string, bool) {
	r := j.pass.r
	if !r.cfg.ShareImages {
		return share.Card{}, "", false
	}
	var names, sites, titles []string
	for _, l := range r.cfg.Languages {
		h := j.pass.content.Page(l.Code, "_index")
		if h == nil || h.Untranslated {
			continue
		}
		j.read(h)
		names = append(names, l.Name)
		sites = append(sites, l.Title)
		titles = append(titles, h.Title)
	}
	if len(names) == 0 {
		return share.Card{}, "", false
	}
	// Each language's text on lines of its own.
	c := share.Card{Site: strings.Join(names, " · "), Title: strings.Join(sites, "\n"), Line: strings.Join(titles, "\n"), Colors: r.shareColors()}
	f := r.cardFacts(c)
	if !f.drawable {
		return share.Card{}, "", false // no empty boxes (see ShareCard)
	}
	return c, "/assets/share/index." + f.key[:10] + ".png", true
}

// RootShareImage is the share image of the language chooser (see
// RootCard); nil without a base URL or when there is none. The layout
// describes it with each home page's ImageNames.
func (v *PageView) RootShareImage() *ShareImage {
	_, at, ok := v.j.rootCard()
	if !ok || v.cfg().BaseURL == "" {
		return nil
	}
	return &ShareImage{URL: v.Abs(at), Width: share.Width, Height: share.Height, Type: share.MediaType}
}

// ImageNames is what the language chooser's share image shows of a home
// page, for the interface string root_image_alt: the site's name in the
// page's language (Site) and the page's title (Title). The layout says
// it for each language in that language's words, and leaves out the
// languages' names, which read aloud first would say nothing.
func (v *PageView) ImageNames() map[string]any {
	title := v.Title
	if title == "" {
		title = v.Language.Title
	}
	return map[string]any{"Site": v.Language.Title, "Title": title}
}

// ShareImage is the image that link previews show for a page.
type ShareImage struct {
	URL           string // absolute
	Width, Height int
	Type          string // media type
	// Alt describes an image that the front matter names; for a drawn
	// image, the layout says what it shows with the interface string
	// share_image_alt and Shows.
	Alt string
	// Shows is what a drawn image shows, for share_image_alt: Site,
	// Title and Line.
	Shows map[string]any
}

// ShareImage returns the page's share image: the one its front matter
// names, or the one drawn for it; nil without a base URL, since link
// previews need an absolute URL, and for pages without one. It is
// worked out once per view: the layout's link preview tags and the
// page's JSON-LD both ask for it.
func (v *PageView) ShareImage() (*ShareImage, error) {
	m := v.memo()
	if !m.shareDone {
		m.share, m.shareErr = v.shareImage()
		m.shareDone = true
	}
	return m.share, m.shareErr
}

// shareImage is ShareImage, worked out.
func (v *PageView) shareImage() (*ShareImage, error) {
	if v.cfg().BaseURL == "" {
		return nil, nil
	}
	p := v.Page
	if p.Untranslated {
		if orig := v.j.pass.content.Page(v.cfg().DefaultLanguage, p.Key); orig != nil {
			v.j.read(orig)
			p = orig
		}
	}
	if p.ShareImage != "" {
		return v.ownShareImage(p)
	}
	// p is read: it is the page itself or, for a stand-in, the
	// original, read above.
	c, at, ok := v.j.pass.r.ShareCard(p)
	if !ok {
		return nil, nil
	}
	return &ShareImage{URL: v.Abs(at), Width: share.Width, Height: share.Height, Type: share.MediaType,
		Shows: map[string]any{"Site": c.Site, "Title": c.Title, "Line": c.Line}}, nil
}

// ownShareImage is the image that p's front matter names, a file under
// assets/, with the size read from the file. A build has checked it
// (CheckPage); the error is for a page rendered without that check.
func (v *PageView) ownShareImage(p *content.Page) (*ShareImage, error) {
	a, cfg, err := v.j.pass.r.ownShareImageFile(p.ShareImage)
	if err != nil {
		return nil, shareImageError(p, err)
	}
	alt := p.ShareImageAlt
	if alt == "" {
		alt = p.Title
	}
	return &ShareImage{URL: v.Abs("/" + a.Out), Width: cfg.Width, Height: cfg.Height, Type: a.MediaType, Alt: alt}, nil
}

// ShareLink is a link that passes the page on in a messaging app or by
// email.
type ShareLink struct {
	Name  string // the service, as readers know it; "" for email
	URL   string
	Email bool // the layout names it in the page's language (share_email)
}

// ShareLinks are links that share the page on WhatsApp, on Telegram and
// by email, in the page's language: plain links to each service's own
// share address with the page's title and URL, no script, nothing loaded
// from another site and no tracking parameters. None without a base URL,
// since a shared link must be absolute.
func (v *PageView) ShareLinks() []ShareLink {
	page := v.Permalink
	if page == "" {
		return nil
	}
	return shareLinks(v.Title, page)
}

func shareLinks(title, page string) []ShareLink {
	// Each escaped once: queryEscape escapes byte by byte, so the
	// WhatsApp text, title + " " + page, escapes to the two with %20
	// between them.
	t, p := queryEscape(title), queryEscape(page)
	return []ShareLink{
		{Name: "WhatsApp", URL: "https://wa.me/?text=" + t + "%20" + p},
		{Name: "Telegram", URL: "https://t.me/share/url?url=" + p + "&text=" + t},
		{URL: "mailto:?subject=" + t + "&body=" + p, Email: true},
	}
}

// queryEscape escapes s for a query value, with spaces as %20: mailto:
// URLs (RFC 6068) and some apps read "+" as a plus sign.
func queryEscape(s string) string {
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}
