package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Untranslated says which top-level blocks of a translation's body are
// the original's text, shown because the translation lacks them: each
// gets the original's language, and each run of them a visible notice
// before it, so that no reader takes it for the translation and screen
// readers read it in the right language.
type Untranslated struct {
	Lines    map[int]bool // the blocks' first lines (see Blocks)
	Lang     string       // the original's language: "en"
	Note     string       // the notice, in the page's language
	PageLang string       // the page's language: "es"
	// Items are the first lines of list items, in lists of the page's
	// language, that are still the original's words: each is marked
	// with the original's language, without a notice of its own.
	Items map[int]bool
}

// untranslatedTransformer marks the blocks Page.Untranslated names.
type untranslatedTransformer struct{}

func (untranslatedTransformer) Transform(doc *ast.Document, r text.Reader, pc parser.Context) {
	u := stateOf(pc).page.Untranslated
	if u == nil || len(u.Lines) == 0 && len(u.Items) == 0 {
		return
	}
	src := r.Source()
	lines := &lineCounter{src: src, line: 1}
	var marked []ast.Node
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if _, ok := n.(*east.FootnoteList); ok {
			for f := n.FirstChild(); f != nil; f = f.NextSibling() {
				if off, ok := firstOffset(f, src); ok && u.Lines[lines.at(off)] {
					markForeign(f, u.Lang)
				}
			}
			continue
		}
		if off, ok := firstOffset(n, src); ok && u.Lines[lines.at(off)] {
			marked = append(marked, n)
			continue
		}
		if len(u.Items) > 0 {
			markItems(n, lines, u)
		}
	}
	for i, n := range marked {
		markForeign(n, u.Lang)
		if m, ok := n.FirstChild().(*paragraphMark); ok {
			// The mark's label is the page's words ("Párrafo 3"),
			// inside a block in the original's language.
			m.lang = u.PageLang
		}
		if i > 0 && n.PreviousSibling() == marked[i-1] {
			// One notice says it for a run of such blocks: a page
			// left in the original's words has one, at its top.
			continue
		}
		doc.InsertBefore(doc, n, &untranslatedNote{text: u.Note, lang: u.Lang})
	}
}

// markItems marks the list items below n that u.Items names.
func markItems(n ast.Node, lines *lineCounter, u *Untranslated) {
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if item, ok := n.(*ast.ListItem); ok && entering {
			if off, ok := firstOffset(item, lines.src); ok && u.Items[lines.at(off)] {
				markForeign(item, u.Lang)
			}
		}
		return ast.WalkContinue, nil
	})
}

// lineCounter gives the 1-based lines of offsets in src, asked in
// increasing order as a walk of the document meets them, counting each
// newline once: a long page is not counted again from its top for each
// block.
type lineCounter struct {
	src           []byte
	counted, line int // line is the line of src[counted]
}

func (c *lineCounter) at(off int) int {
	if off < c.counted {
		c.counted, c.line = 0, 1
	}
	c.line += bytes.Count(c.src[c.counted:off], []byte("\n"))
	c.counted = off
	return c.line
}

func markForeign(n ast.Node, lang string) {
	n.SetAttributeString("lang", []byte(lang))
	class := "untranslated"
	if c, ok := n.AttributeString("class"); ok {
		if b, ok := c.([]byte); ok && len(b) > 0 {
			class = string(b) + " " + class
		}
	}
	n.SetAttributeString("class", []byte(class))
}

// untranslatedNote is the notice before a block in the original's
// language.
type untranslatedNote struct {
	ast.BaseBlock
	text, lang string
}

var kindUntranslatedNote = ast.NewNodeKind("UntranslatedNote")

func (*untranslatedNote) Kind() ast.NodeKind { return kindUntranslatedNote }

func (n *untranslatedNote) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Text": n.text}, nil)
}

// noteRenderer writes the notice: <p class="untranslated-note" role="note">…</p>.
type noteRenderer struct{}

func (noteRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindUntranslatedNote, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<p class="untranslated-note" role="note">`)
			_, _ = w.Write(util.EscapeHTML([]byte(strings.TrimSpace(n.(*untranslatedNote).text))))
			_, _ = w.WriteString("</p>\n")
		}
		return ast.WalkSkipChildren, nil
	})
}
