package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// alignAttrs gives aligned cells their class as an attribute, as pages
// had it before cellRenderer, and every cell a data- attribute, which
// goldmark writes after it.
type alignAttrs struct{}

func (alignAttrs) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*east.TableCell); ok && entering {
			if c.Alignment != east.AlignNone {
				c.SetAttributeString("class", []byte("align-"+c.Alignment.String()))
			}
			c.SetAttributeString("data-x", []byte("1"))
		}
		return ast.WalkContinue, nil
	})
}

// dataAttrs gives every cell the data- attribute alone.
type dataAttrs struct{}

func (dataAttrs) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*east.TableCell); ok && entering {
			c.SetAttributeString("data-x", []byte("1"))
		}
		return ast.WalkContinue, nil
	})
}

// TestCellRenderer holds cellRenderer to goldmark's own table renderer
// with the class set as an attribute of the cell.
func TestCellRenderer(t *testing.T) {
	table := extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone))
	stock := goldmark.New(goldmark.WithExtensions(table),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(alignAttrs{}, 100))))
	ours := goldmark.New(goldmark.WithExtensions(table),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(dataAttrs{}, 100))),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(cellRenderer{}, 100))))
	for _, src := range []string{
		"| a | b | c | d |\n|:--|--:|:-:|---|\n| 1 | 2 | 3 | 4 |\n| 5 |\n",
		"| only |\n|---|\n",
		"a | b\n:-: | -\n`x` | *y*\n",
	} {
		var want, got bytes.Buffer
		if err := stock.Convert([]byte(src), &want); err != nil {
			t.Fatal(err)
		}
		if err := ours.Convert([]byte(src), &got); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%q:\ngot  %q\nwant %q", src, got.String(), want.String())
		}
		if !bytes.Contains(want.Bytes(), []byte("<t")) {
			t.Errorf("%q: no table", src)
		}
	}
}
