package check

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// doc is what the checks need to know of one HTML file.
type doc struct {
	lang        string
	title       string
	description string
	hasDesc     bool
	ids         map[string]bool
	refs        []ref
	alternates  map[string]string // hreflang → href, from <link rel=alternate>
	canonical   string
	noAlt       []string // src of images without alt text
	emptyLinks  []string // href of links with no text for a reader
	noHref      int      // links without an address
}

// ref is a URL the page refers to.
type ref struct {
	tag, attr, url string
}

// parseDoc reads the parts of an HTML file that the checks look at. It
// uses the HTML5 tokenizer, since the minified output leaves out quotes
// and optional tags that a simpler scanner would trip on.
func parseDoc(data []byte) *doc {
	d := &doc{ids: map[string]bool{}, alternates: map[string]string{}}
	z := html.NewTokenizer(bytes.NewReader(data))
	var (
		inTitle bool
		link    *linkText // the <a> being read, or nil
	)
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return d
		case html.TextToken:
			if inTitle {
				d.title += string(z.Text())
			}
			if link != nil && strings.TrimSpace(string(z.Text())) != "" {
				link.text = true
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch atom.Lookup(name) {
			case atom.Title:
				inTitle = false
			case atom.A:
				if link != nil && !link.text {
					d.emptyLinks = append(d.emptyLinks, link.href)
				}
				link = nil
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs[string(k)] = string(v)
			}
			if id, ok := attrs["id"]; ok {
				d.ids[id] = true
			}
			switch a {
			case atom.Html:
				d.lang = attrs["lang"]
			case atom.Title:
				inTitle = tt == html.StartTagToken
			case atom.Meta:
				if attrs["name"] == "description" {
					d.description, d.hasDesc = attrs["content"], true
				}
			case atom.Link:
				d.addLink(attrs)
			case atom.A:
				if n, ok := attrs["name"]; ok {
					d.ids[n] = true
				}
				href, ok := attrs["href"]
				if ok {
					d.refs = append(d.refs, ref{"a", "href", href})
				}
				if tt == html.StartTagToken {
					link = &linkText{href: href, text: strings.TrimSpace(attrs["aria-label"]) != ""}
				}
				if !ok || strings.TrimSpace(href) == "" {
					d.noHref++
				}
			case atom.Img:
				if src, ok := attrs["src"]; ok {
					d.refs = append(d.refs, ref{"img", "src", src})
				}
				// An empty alt marks a decorative image; only a layout can
				// say so, with role=presentation or aria-hidden. Markdown
				// writes alt="" for ![](photo.jpg), which needs a text.
				alt := attrs["alt"]
				decorative := attrs["role"] == "presentation" || attrs["role"] == "none" || attrs["aria-hidden"] == "true"
				if strings.TrimSpace(alt) == "" && !decorative {
					d.noAlt = append(d.noAlt, attrs["src"])
				}
				if link != nil && strings.TrimSpace(alt) != "" {
					link.text = true
				}
			case atom.Script:
				if src, ok := attrs["src"]; ok {
					d.refs = append(d.refs, ref{"script", "src", src})
				}
			}
		}
	}
}

type linkText struct {
	href string
	text bool
}

func (d *doc) addLink(attrs map[string]string) {
	href, ok := attrs["href"]
	if !ok {
		return
	}
	rels := strings.Fields(attrs["rel"])
	for _, rel := range rels {
		switch rel {
		case "alternate":
			if hl := attrs["hreflang"]; hl != "" {
				d.alternates[hl] = href
			}
		case "canonical":
			d.canonical = href
		}
	}
	d.refs = append(d.refs, ref{"link", "href", href})
}
