package engine

import (
	"bytes"
	"fmt"
)

// redirects writes _redirects for Netlify. At the site root, a reader
// whose browser asks for one of the site's languages goes to its home
// (302, so the choice is never cached for good); anyone else gets the
// language chooser, which is also what hosts without language
// conditions serve. Missing pages under a language folder get that
// language's 404 page. Cloudflare Pages reads the same file but skips
// these lines, which use features it does not have, and finds the
// nearest 404.html by itself.
func (s *Site) redirects() ([]byte, error) {
	var b bytes.Buffer
	base := s.Config.BasePath()
	b.WriteString("# Written by cmd/site. Language negotiation at the site root; the chooser\n# there is served to everyone else.\n")
	for _, l := range s.Config.Languages {
		if h := s.Content.Page(l.Code, "_index"); h != nil {
			// "!" forces the rule over the chooser's index.html.
			fmt.Fprintf(&b, "%s  %s  302!  Language=%s\n", base, base+h.URL[1:], l.Code)
		}
	}
	b.WriteString("\n# Each language's own 404 page for its missing addresses.\n")
	for _, l := range s.Config.Languages {
		if p := s.Content.Page(l.Code, "404"); p != nil {
			fmt.Fprintf(&b, "%s%s/*  %s  404\n", base, l.Code, base+p.Out)
		}
	}
	return b.Bytes(), nil
}
