package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// anchorTransformer makes the text of each heading that has an id a link
// to itself (<h2 id="x"><a class="self" href="#x">…</a></h2>), so that a
// reader can copy the address of a section. The link's name is the
// heading's own text, so it needs no words in any language, and it is
// reached by keyboard like any link.
type anchorTransformer struct{}

func (anchorTransformer) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		h, ok := c.(*ast.Heading)
		if !ok || !h.HasChildren() || containsLink(h) {
			continue
		}
		id, _ := h.AttributeString("id")
		idBytes, _ := id.([]byte)
		if len(idBytes) == 0 {
			continue
		}
		link := ast.NewLink()
		link.Destination = append([]byte("#"), idBytes...)
		link.SetAttributeString("class", []byte("self"))
		for n := h.FirstChild(); n != nil; {
			next := n.NextSibling()
			link.AppendChild(link, n)
			n = next
		}
		h.AppendChild(h, link)
	}
}

// containsLink reports whether n has a link inside, which a link must not.
func containsLink(n ast.Node) bool {
	found := false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && (c.Kind() == ast.KindLink || c.Kind() == ast.KindAutoLink) {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}
