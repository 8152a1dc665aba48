package markdown

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"cecot/internal/diag"
)

// linkTransformer resolves links to other Markdown files into the URLs of
// their pages, so that a translator writes the same link in every language,
// and links and images with paths from the site root ("/assets/map.png")
// into the URLs they are published at.
type linkTransformer struct{}

func (linkTransformer) Transform(doc *ast.Document, r text.Reader, pc parser.Context) {
	st := stateOf(pc)
	src := r.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var (
			what   = "link"
			target *[]byte
		)
		switch n := n.(type) {
		case *ast.AutoLink:
			st.result.Links++
			if n.Protocol != nil {
				// Linkify makes "www.example.org" an http:// link;
				// readers on hostile networks are better served by
				// https, which nearly every site has.
				n.Protocol = []byte("https")
			}
			noteUnsafe(st, n.URL(src))
			return ast.WalkContinue, nil
		case *ast.Link:
			st.result.Links++
			target = &n.Destination
		case *ast.Image:
			// The walk may not see what is inside an image: the
			// safe-link check looks at the whole page.
			st.images, st.unsafeLinks = true, true
			if st.page.ResolveImage != nil {
				resolveImage(st, n, src)
				return ast.WalkSkipChildren, nil
			}
			// Images in assets/ have a hash in their published
			// name; the resolver knows it.
			what, target = "image", &n.Destination
		default:
			return ast.WalkContinue, nil
		}
		defer func() { noteUnsafe(st, *target) }()
		dest := string(*target)
		if st.page.ResolveLink == nil || !isPageLink(dest) {
			return ast.WalkContinue, nil
		}
		url, err := st.page.ResolveLink(dest)
		if err != nil {
			q := fmt.Sprintf("%q", dest)
			st.errs.Add(diag.At(st.page.File, lineOf(n, src), "md_"+what, what+" "+q+": "+err.Error(), "Image", q, "Link", q, "Err", err))
			return ast.WalkContinue, nil
		}
		*target = []byte(url)
		return ast.WalkContinue, nil
	})
}

// noteUnsafe notes a link whose destination, as resolved, the safe-link
// check would empty (see safeLinkTransformer): only a page with one
// needs that check's walk. No transformer between the two changes a
// destination; the links the anchors add are #fragments.
func noteUnsafe(st *state, dest []byte) {
	// A scheme ends in a colon, which only a colon or an entity can
	// give once decoded: a link to another page has neither.
	if st.unsafeLinks || bytes.IndexByte(dest, ':') < 0 && bytes.IndexByte(dest, '&') < 0 {
		return
	}
	if !SafeURL(string(dest)) {
		st.unsafeLinks = true
	}
}

// isPageLink reports whether dest names a Markdown file of this site, or
// a path from the site root ("/es/"), which must follow the base URL.
func isPageLink(dest string) bool {
	if strings.Contains(dest, ":") || strings.HasPrefix(dest, "//") {
		return false
	}
	path, _, _ := strings.Cut(dest, "#")
	return strings.HasSuffix(path, ".md") || strings.HasPrefix(path, "/")
}

// numberTransformer numbers the top-level paragraphs of a numbered page
// as UN documents do. Paragraph N gets the anchor #pN and starts with a
// link to itself, so that "paragraph 12" can be cited in any language;
// the link's accessible name says "Paragraph 12" in the page's language.
type numberTransformer struct{}

func (numberTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	st := stateOf(pc)
	n := 0
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		para, ok := c.(*ast.Paragraph)
		if !ok {
			continue
		}
		n++
		if !st.page.Numbered {
			continue
		}
		para.SetAttributeString("id", []byte(ParagraphID(n)))
		para.SetAttributeString("class", []byte("numbered"))
		mark := &paragraphMark{n: n}
		if st.page.ParagraphLabel != nil {
			mark.label = st.page.ParagraphLabel(n)
		}
		para.InsertBefore(para, para.FirstChild(), mark)
		// A space between number and text keeps them apart when copied.
		para.InsertAfter(para, mark, ast.NewString([]byte(" ")))
	}
	st.result.Paragraphs = n
}

// outlineTransformer collects the table of contents and the counts that
// are compared between a page and its translation: one walk over the
// page's blocks.
type outlineTransformer struct{}

func (outlineTransformer) Transform(doc *ast.Document, r text.Reader, pc parser.Context) {
	st := stateOf(pc)
	src := r.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			// IDs come from the text a reader sees, not from the
			// source line with its link targets and markup.
			text := strings.TrimSpace(plainText(n, src))
			id := st.ids.generate(text)
			n.SetAttributeString("id", []byte(id))
			st.result.Headings++
			if n.Level == 2 || n.Level == 3 {
				st.result.TOC = append(st.result.TOC, Heading{Level: n.Level, ID: id, Text: text})
			}
		case *east.Footnote:
			st.result.Footnotes++
		}
		return blocksOnly(n), nil
	})
}

// blocksOnly continues a walk that looks for blocks (headings,
// footnotes) into n's children, unless they are inline
// content, where no block can be: words, emphasis and links are most of a
// page's nodes.
func blocksOnly(n ast.Node) ast.WalkStatus {
	if c := n.FirstChild(); c != nil && c.Type() == ast.TypeInline {
		return ast.WalkSkipChildren
	}
	return ast.WalkContinue
}
