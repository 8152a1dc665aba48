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

func (anchorTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	aliases := headingAliases(doc, stateOf(pc))
	k := -1
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		h, ok := c.(*ast.Heading)
		if ok {
			k++
		}
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
		if k < len(aliases) && aliases[k] != "" {
			// The original's ID, on the link inside the heading: an
			// element may have one id, and a fragment finds any.
			link.SetAttributeString("id", []byte(aliases[k]))
		}
		for n := h.FirstChild(); n != nil; {
			next := n.NextSibling()
			link.AppendChild(link, n)
			n = next
		}
		h.AppendChild(h, link)
	}
}

// headingAliases returns the page's HeadingAliases that the top-level
// headings of doc take, by heading: "" where the original's ID is the
// heading's own, or another element's (a heading's, a numbered
// paragraph's, one the layout uses). None when doc has another number
// of top-level headings than the original.
func headingAliases(doc *ast.Document, st *state) []string {
	want := st.page.HeadingAliases
	if len(want) == 0 {
		return nil
	}
	var heads []*ast.Heading
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*ast.Heading); ok {
			heads = append(heads, h)
		}
	}
	if len(heads) != len(want) {
		return nil
	}
	out := make([]string, len(heads))
	for k, h := range heads {
		a := want[k]
		id, _ := h.AttributeString("id")
		if own, _ := id.([]byte); a == "" || a == string(own) || st.ids.used[a] || st.ids.numbered && isParagraphID(a) {
			continue
		}
		st.ids.used[a] = true
		out[k] = a
	}
	return out
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
