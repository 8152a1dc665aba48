package markdown

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// paragraphMark is the number at the start of a numbered paragraph: a
// link to the paragraph itself. goldmark's links cannot carry an
// aria-label, and a screen reader would read a bare "7", so the mark is
// a node of its own with its own renderer.
type paragraphMark struct {
	ast.BaseInline
	n     int    // the paragraph's number
	label string // its accessible name in the page's language, or ""
	lang  string // that language, when the paragraph is in another, or ""
}

var kindParagraphMark = ast.NewNodeKind("ParagraphMark")

func (*paragraphMark) Kind() ast.NodeKind { return kindParagraphMark }

func (m *paragraphMark) Dump(src []byte, level int) {
	ast.DumpHelper(m, src, level, map[string]string{"N": strconv.Itoa(m.n), "Label": m.label}, nil)
}

// ParagraphID is the id of numbered paragraph n: "p7". It is the same in
// every language, so a link to a paragraph works in all of them. It and
// ParagraphNumber are the one place such an id is made and read.
func ParagraphID(n int) string { return paragraphPrefix + strconv.Itoa(n) }

const paragraphPrefix = "p"

// ParagraphNumber returns the number of the numbered paragraph that id
// names, as written ("p12": "12"), and whether id names one at all.
func ParagraphNumber(id string) (string, bool) {
	n, ok := strings.CutPrefix(id, paragraphPrefix)
	if !ok || n == "" {
		return "", false
	}
	for _, c := range n {
		if c < '0' || c > '9' {
			return "", false
		}
	}
	return n, true
}

// markRenderer writes a paragraph mark:
// <a href="#p7" class="pnum" aria-label="Paragraph 7">7</a>.
type markRenderer struct{}

func (markRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindParagraphMark, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		m := n.(*paragraphMark)
		num := strconv.Itoa(m.n)
		_, _ = w.WriteString(`<a href="#` + ParagraphID(m.n) + `" class="pnum"`)
		if m.label != "" {
			_, _ = w.WriteString(` aria-label="`)
			_, _ = w.Write(util.EscapeHTML([]byte(m.label)))
			_ = w.WriteByte('"')
		}
		if m.lang != "" {
			_, _ = w.WriteString(` lang="` + string(util.EscapeHTML([]byte(m.lang))) + `"`)
		}
		_, _ = w.WriteString(">" + num + "</a>")
		return ast.WalkSkipChildren, nil
	})
}
