// Package markdown converts a page's Markdown to HTML with goldmark: GitHub
// Flavored Markdown, footnotes, typographic punctuation, readable heading
// IDs, UN-style numbered paragraphs and links between pages that follow
// each language's URLs.
package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"cecot/internal/diag"
)

// Converter turns Markdown into HTML. One Converter is safe for use by
// many goroutines at once.
type Converter struct {
	md goldmark.Markdown
}

// Options configure a Converter.
type Options struct {
	// UnsafeHTML passes raw HTML and every link scheme through;
	// otherwise raw HTML is dropped, and links and images whose scheme
	// is not http, https, mailto or tel are emptied (see SafeURL).
	UnsafeHTML bool
}

// New returns a Converter.
func New(opts Options) *Converter {
	var rendererOpts []renderer.Option
	transformers := []util.PrioritizedValue{
		// Higher runs first: links are counted before
		// numbering adds its own.
		util.Prioritized(linkTransformer{}, 400),
		util.Prioritized(outlineTransformer{}, 300),
		util.Prioritized(tableAlignTransformer{}, 200),
		util.Prioritized(numberTransformer{}, 100),
	}
	if opts.UnsafeHTML {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	} else {
		// Last, so that it also sees the resolved links.
		transformers = append(transformers, util.Prioritized(safeLinkTransformer{}, 50))
	}
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.Linkify,
			extension.Strikethrough,
			extension.TaskList,
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
			extension.Footnote,
			extension.Typographer,
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(transformers...),
		),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	return &Converter{md: md}
}

// Page says how to convert one page.
type Page struct {
	// File names the source in errors: "content/es/report.md".
	File string
	// Numbered gives top-level paragraphs numbers and #pN anchors.
	Numbered bool
	// ResolveLink maps a link to another Markdown file ("report.md",
	// "../news/_index.md#top") or to a path from the site root ("/es/")
	// to the URL to use; nil leaves links as they are.
	ResolveLink func(dest string) (string, error)
}

// Heading is an entry of a page's table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Result is a converted page.
type Result struct {
	HTML []byte
	// TOC lists the page's level 2 and 3 headings in order.
	TOC []Heading
	// Counts of the page's structure, compared between translations.
	Headings, Paragraphs, Links, Footnotes int
}

var key = parser.NewContextKey()

// state carries a conversion's options into the AST transformers and
// their findings back out.
type state struct {
	page   Page
	result *Result
	errs   diag.List
}

// Convert converts src, the body of page p.
func (c *Converter) Convert(src []byte, p Page) (*Result, error) {
	res := &Result{}
	st := &state{page: p, result: res}
	ctx := parser.NewContext(parser.WithIDs(newIDs()))
	ctx.Set(key, st)
	doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/4)
	if err := c.md.Renderer().Render(&buf, src, doc); err != nil {
		st.errs.Add(diag.Errorf(p.File, 0, "markdown: %v", err))
	}
	if err := st.errs.Err(); err != nil {
		return nil, err
	}
	res.HTML = buf.Bytes()
	return res, nil
}

func stateOf(pc parser.Context) *state { return pc.Get(key).(*state) }

// lineOf returns the 1-based source line where n starts, as near as the
// AST records it.
func lineOf(n ast.Node, src []byte) int {
	for ; n != nil; n = n.Parent() {
		if t, ok := n.(*ast.Text); ok {
			return bytes.Count(src[:t.Segment.Start], []byte("\n")) + 1
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return bytes.Count(src[:n.Lines().At(0).Start], []byte("\n")) + 1
		}
		if c := n.FirstChild(); c != nil {
			if t, ok := c.(*ast.Text); ok {
				return bytes.Count(src[:t.Segment.Start], []byte("\n")) + 1
			}
		}
	}
	return 0
}

// plainText returns the text of n and its descendants, without markup.
func plainText(n ast.Node, src []byte) string {
	var buf bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			buf.Write(c.Segment.Value(src))
			if c.SoftLineBreak() {
				buf.WriteByte(' ')
			}
		case *ast.String:
			buf.Write(c.Value)
		case *ast.CodeSpan:
			// its Text children are visited next
		}
		return ast.WalkContinue, nil
	})
	return buf.String()
}
