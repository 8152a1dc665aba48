package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// goldmark's style attributes would break a strict Content-Security-Policy,
// and the align attribute is obsolete in HTML5: aligned table cells get a
// class ("align-right"), which both renderers write from the cell's
// alignment. It is not set as an attribute of the cell: goldmark gives a
// node its first attribute with room for ten, 400 bytes for every
// aligned cell of every page.

// alignClasses are the classes of aligned cells, by alignment.
var alignClasses = func() (cs [east.AlignNone][]byte) {
	for a := range east.AlignNone {
		cs[a] = []byte("align-" + a.String())
	}
	return cs
}()

// alignClass returns the class of cell n, or nil.
func alignClass(n *east.TableCell) []byte {
	if n.Alignment >= 0 && n.Alignment < east.AlignNone {
		return alignClasses[n.Alignment]
	}
	return nil
}

// cellTag returns the tag of cell n and the attributes goldmark's
// renderer writes for it.
func cellTag(n *east.TableCell) (string, util.BytesFilter) {
	if n.Parent().Kind() == east.KindTableHeader {
		return "th", extension.TableThCellAttributeFilter
	}
	return "td", extension.TableTdCellAttributeFilter
}

// cellRenderer writes table cells as goldmark's table renderer does with
// TableCellAlignNone, with the class of an aligned cell first.
type cellRenderer struct{}

func (cellRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTableCell, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		n := node.(*east.TableCell)
		tag, filter := cellTag(n)
		if !entering {
			_, _ = w.WriteString("</" + tag + ">\n")
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString("<" + tag)
		if class := alignClass(n); class != nil {
			_, _ = w.WriteString(` class="`)
			_, _ = w.Write(class)
			_ = w.WriteByte('"')
		}
		if n.Attributes() != nil {
			gmhtml.RenderAttributes(w, n, filter)
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	})
}
