package markdown

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// compactRenderer walks a converted page's tree and hands the tokens that
// goldmark's HTML renderer (with this package's own node renderers) would
// write to a compactWriter, so that the result is the page's HTML as the
// site's minifier leaves it. A node it does not know makes the page
// unsupported.
type compactRenderer struct {
	w      *compactWriter
	src    []byte
	unsafe bool
	sink   textSink
	attrs  []attr // nodeAttrs's, reused
}

// dangerousURL is goldmark's IsDangerousURL, which lower-cases the URL
// twice per scheme it knows: every scheme it knows ends in a colon, so a
// URL without one (a link to another page) needs no look.
func dangerousURL(url []byte) bool {
	return bytes.IndexByte(url, ':') >= 0 && gmhtml.IsDangerousURL(url)
}

// renderCompact returns doc's minified HTML and whether it starts and
// ends with blocks (see Splice), or why it cannot.
func renderCompact(doc ast.Node, src []byte, unsafe bool) (out []byte, blocks bool, why string) {
	// A mistake of the writer must not stop a build: the page falls
	// back to goldmark's HTML, minified whole, and the differential
	// tests, which count fallbacks, find it.
	defer func() {
		if v := recover(); v != nil {
			out, blocks, why = nil, false, fmt.Sprint("compact writer: ", v)
		}
	}()
	r := &compactRenderer{w: newCompactWriter(len(src) * 3 / 2), src: src, unsafe: unsafe}
	r.sink.w = r.w
	_ = ast.Walk(doc, r.node)
	out = r.w.finish()
	if r.w.unsupported != "" {
		return nil, false, r.w.unsupported
	}
	return out, r.w.blockFirst && r.w.blockLast, ""
}

// writeEscaped writes v as text as goldmark's Writer.Write writes it:
// backslash escapes and entities resolved, HTML's special characters
// escaped. Most text has none of these, and goldmark's writer, which
// looks at each byte twice, would copy it unchanged.
func (r *compactRenderer) writeEscaped(v []byte) {
	if !hasAny(v, &writeChanges) {
		r.w.text(v)
		return
	}
	r.sink.begin()
	gmhtml.DefaultWriter.Write(&r.sink, v)
	r.sink.done()
}

// writeRaw writes v as text as goldmark's Writer.RawWrite writes it.
func (r *compactRenderer) writeRaw(v []byte) {
	if !hasAny(v, &rawWriteChanges) {
		r.w.text(v)
		return
	}
	r.sink.begin()
	gmhtml.DefaultWriter.RawWrite(&r.sink, v)
	r.sink.done()
}

// rawWriteChanges are the bytes that goldmark's Writer.RawWrite does not
// copy as they are (util.EscapeHTMLByte), and writeChanges those that
// Writer.Write may not: also the backslash of an escape (the NUL and the
// ampersand of an entity are among the first).
var rawWriteChanges, writeChanges = func() (raw, write [256]bool) {
	for c := range 256 {
		raw[c] = util.EscapeHTMLByte(byte(c)) != nil
	}
	write = raw
	write['\\'], write[0], write['&'] = true, true, true
	return raw, write
}()

// hasAny reports whether v holds a byte of set.
func hasAny(v []byte, set *[256]bool) bool {
	for _, c := range v {
		if set[c] {
			return true
		}
	}
	return false
}

// escaped returns v as goldmark's Writer.Write writes it, for an
// attribute.
func escaped(v []byte) []byte {
	var s byteSink
	gmhtml.DefaultWriter.Write(&s, v)
	return s.buf
}

// byteSink is a util.BufWriter over a byte slice.
type byteSink struct{ buf []byte }

func (s *byteSink) Write(p []byte) (int, error) { s.buf = append(s.buf, p...); return len(p), nil }
func (s *byteSink) WriteString(p string) (int, error) {
	s.buf = append(s.buf, p...)
	return len(p), nil
}
func (s *byteSink) WriteByte(c byte) error { s.buf = append(s.buf, c); return nil }
func (s *byteSink) WriteRune(r rune) (int, error) {
	n := len(s.buf)
	s.buf = utf8.AppendRune(s.buf, r)
	return len(s.buf) - n, nil
}
func (s *byteSink) Available() int { return 1 << 20 }
func (s *byteSink) Buffered() int  { return len(s.buf) }
func (s *byteSink) Flush() error   { return nil }

// nodeAttrs returns n's attributes that goldmark's RenderAttributes
// writes with filter, after the ones given.
// The slice returned is the renderer's, until the next call: start copies
// it.
func (r *compactRenderer) nodeAttrs(n ast.Node, filter util.BytesFilter, extra ...attr) []attr {
	as := append(r.attrs[:0], extra...)
	defer func() { r.attrs = as[:0] }()
	for _, a := range n.Attributes() {
		if !filter.Contains(a.Name) && !bytes.HasPrefix(a.Name, []byte("data-")) {
			continue
		}
		var v []byte
		switch typed := a.Value.(type) {
		case []byte:
			v = typed
		case string:
			v = []byte(typed)
		}
		as = append(as, attr{name: string(a.Name), val: util.EscapeHTML(v)})
	}
	return as
}

var headings = [...]string{"", "h1", "h2", "h3", "h4", "h5", "h6"}

func (r *compactRenderer) node(n ast.Node, entering bool) (ast.WalkStatus, error) {
	w := r.w
	if w.unsupported != "" {
		return ast.WalkStop, nil
	}
	switch n := n.(type) {
	case *ast.Document:
	case *ast.LinkReferenceDefinition:
		return ast.WalkSkipChildren, nil
	case *ast.Heading:
		if entering {
			w.start(headings[n.Level], r.nodeAttrs(n, gmhtml.HeadingAttributeFilter)...)
		} else {
			w.end(headings[n.Level])
			w.textString("\n")
		}
	case *ast.Blockquote:
		if entering {
			w.start("blockquote", r.nodeAttrs(n, gmhtml.BlockquoteAttributeFilter)...)
			if n.Attributes() == nil {
				w.textString("\n")
			}
		} else {
			w.end("blockquote")
			w.textString("\n")
		}
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		if !entering {
			w.end("code")
			w.end("pre")
			w.textString("\n")
			break
		}
		w.start("pre")
		var as []attr
		if f, ok := n.(*ast.FencedCodeBlock); ok {
			if lang := f.Language(r.src); lang != nil {
				as = []attr{{name: "class", val: append([]byte("language-"), escaped(lang)...)}}
			}
		}
		w.start("code", as...)
		lines := n.Lines()
		for i := range lines.Len() {
			line := lines.At(i)
			r.writeRaw(line.Value(r.src))
		}
	case *ast.HTMLBlock:
		if r.unsafe {
			w.fail("raw HTML")
			break
		}
		if entering || n.HasClosure() {
			w.comment()
			w.textString("\n")
		}
	case *ast.List:
		tag := "ul"
		if n.IsOrdered() {
			tag = "ol"
		}
		if entering {
			var as []attr
			if n.IsOrdered() && n.Start != 1 {
				as = append(as, attr{name: "start", val: []byte(strconv.Itoa(n.Start))})
			}
			w.start(tag, r.nodeAttrs(n, gmhtml.ListAttributeFilter, as...)...)
			w.textString("\n")
		} else {
			w.end(tag)
			w.textString("\n")
		}
	case *ast.ListItem:
		if entering {
			w.start("li", r.nodeAttrs(n, gmhtml.ListItemAttributeFilter)...)
			if fc := n.FirstChild(); fc != nil {
				if _, ok := fc.(*ast.TextBlock); !ok {
					w.textString("\n")
				}
			}
		} else {
			w.end("li")
			w.textString("\n")
		}
	case *ast.Paragraph:
		if entering {
			w.start("p", r.nodeAttrs(n, gmhtml.ParagraphAttributeFilter)...)
		} else {
			w.end("p")
			w.textString("\n")
		}
	case *untranslatedNote:
		if entering {
			w.start("p", attr{name: "class", val: []byte("untranslated-note")}, attr{name: "role", val: []byte("note")})
			w.text(util.EscapeHTML([]byte(strings.TrimSpace(n.text))))
			w.end("p")
			w.textString("\n")
		}
		return ast.WalkSkipChildren, nil
	case *ast.TextBlock:
		if !entering && n.NextSibling() != nil && n.FirstChild() != nil {
			w.textString("\n")
		}
	case *ast.ThematicBreak:
		if entering {
			w.start("hr", r.nodeAttrs(n, gmhtml.ThematicAttributeFilter)...)
			w.textString("\n")
		}
	case *ast.AutoLink:
		if !entering {
			break
		}
		url := util.URLEscape(n.URL(r.src), false)
		var href []byte
		if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(url), []byte("mailto:")) {
			href = append(href, "mailto:"...)
		}
		if r.unsafe || !dangerousURL(url) {
			href = append(href, util.EscapeHTML(url)...)
		}
		w.start("a", r.nodeAttrs(n, gmhtml.LinkAttributeFilter, attr{name: "href", val: href})...)
		w.text(util.EscapeHTML(n.Label(r.src)))
		w.end("a")
	case *ast.CodeSpan:
		if !entering {
			w.end("code")
			break
		}
		w.start("code", r.nodeAttrs(n, gmhtml.CodeAttributeFilter)...)
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			t, ok := c.(*ast.Text)
			if !ok {
				w.fail("code span child " + c.Kind().String())
				break
			}
			v := t.Segment.Value(r.src)
			if bytes.HasSuffix(v, []byte("\n")) {
				r.writeRaw(v[:len(v)-1])
				w.textString(" ")
			} else {
				r.writeRaw(v)
			}
		}
		return ast.WalkSkipChildren, nil
	case *ast.Emphasis:
		tag := "em"
		if n.Level == 2 {
			tag = "strong"
		}
		if entering {
			w.start(tag, r.nodeAttrs(n, gmhtml.EmphasisAttributeFilter)...)
		} else {
			w.end(tag)
		}
	case *ast.Link:
		if !entering {
			w.end("a")
			break
		}
		dest := util.URLEscape(n.Destination, true)
		var href []byte
		if r.unsafe || !dangerousURL(dest) {
			href = util.EscapeHTML(dest)
		}
		as := []attr{{name: "href", val: href}}
		if n.Title != nil {
			as = append(as, attr{name: "title", val: escaped(n.Title)})
		}
		w.start("a", r.nodeAttrs(n, gmhtml.LinkAttributeFilter, as...)...)
	case *ast.Image:
		if entering {
			r.image(n)
		}
		return ast.WalkSkipChildren, nil
	case *Figure:
		if entering {
			w.start("figure")
			break
		}
		if img, ok := n.FirstChild().(*ast.Image); ok && len(img.Title) > 0 {
			w.start("figcaption")
			w.text(util.EscapeHTML(img.Title))
			w.end("figcaption")
		}
		w.end("figure")
		w.textString("\n")
	case *paragraphMark:
		if !entering {
			break
		}
		as := []attr{{name: "href", val: []byte("#" + ParagraphID(n.n))}, {name: "class", val: []byte("pnum")}}
		if n.label != "" {
			as = append(as, attr{name: "aria-label", val: util.EscapeHTML([]byte(n.label))})
		}
		if n.lang != "" {
			as = append(as, attr{name: "lang", val: util.EscapeHTML([]byte(n.lang))})
		}
		w.start("a", as...)
		w.textString(strconv.Itoa(n.n))
		w.end("a")
		return ast.WalkSkipChildren, nil
	case *ast.RawHTML:
		if !entering {
			return ast.WalkSkipChildren, nil
		}
		if r.unsafe {
			w.fail("raw HTML")
			break
		}
		w.comment()
		return ast.WalkSkipChildren, nil
	case *ast.Text:
		if !entering {
			break
		}
		v := n.Segment.Value(r.src)
		if n.IsRaw() {
			r.writeRaw(v)
			break
		}
		r.writeEscaped(v)
		if n.HardLineBreak() {
			w.start("br")
			w.textString("\n")
		} else if n.SoftLineBreak() {
			w.textString("\n")
		}
	case *ast.String:
		if !entering {
			break
		}
		switch {
		case n.IsCode():
			w.text(n.Value)
		case n.IsRaw():
			r.writeRaw(n.Value)
		default:
			r.writeEscaped(n.Value)
		}
	case *east.Strikethrough:
		if entering {
			w.start("del", r.nodeAttrs(n, extension.StrikethroughAttributeFilter)...)
		} else {
			w.end("del")
		}
	case *east.TaskCheckBox:
		if entering {
			as := []attr{{name: "disabled"}, {name: "type", val: []byte("checkbox")}}
			if n.IsChecked {
				as = append([]attr{{name: "checked"}}, as...)
			}
			w.start("input", as...)
			w.textString(" ")
		}
	case *east.Table:
		if entering {
			w.start("table", r.nodeAttrs(n, extension.TableAttributeFilter)...)
			w.textString("\n")
		} else {
			w.end("table")
			w.textString("\n")
		}
	case *east.TableHeader:
		if entering {
			w.start("thead", r.nodeAttrs(n, extension.TableHeaderAttributeFilter)...)
			w.textString("\n")
			w.start("tr")
			w.textString("\n")
		} else {
			w.end("tr")
			w.textString("\n")
			w.end("thead")
			w.textString("\n")
			if n.NextSibling() != nil {
				w.start("tbody")
				w.textString("\n")
			}
		}
	case *east.TableRow:
		if entering {
			w.start("tr", r.nodeAttrs(n, extension.TableRowAttributeFilter)...)
			w.textString("\n")
		} else {
			w.end("tr")
			w.textString("\n")
			if n.Parent().LastChild() == n {
				w.end("tbody")
				w.textString("\n")
			}
		}
	case *east.TableCell:
		tag, filter := "td", extension.TableTdCellAttributeFilter
		if n.Parent().Kind() == east.KindTableHeader {
			tag, filter = "th", extension.TableThCellAttributeFilter
		}
		if entering {
			w.start(tag, r.nodeAttrs(n, filter)...)
		} else {
			w.end(tag)
			w.textString("\n")
		}
	case *east.FootnoteLink:
		if !entering {
			break
		}
		is := strconv.Itoa(n.Index)
		id := "fnref"
		if n.RefIndex > 0 {
			id += strconv.Itoa(n.RefIndex)
		}
		w.start("sup", attr{name: "id", val: []byte(id + ":" + is)})
		w.start("a", attr{name: "href", val: []byte("#fn:" + is)}, attr{name: "class", val: []byte("footnote-ref")}, attr{name: "role", val: []byte("doc-noteref")})
		w.textString(is)
		w.end("a")
		w.end("sup")
	case *east.FootnoteBacklink:
		if !entering {
			break
		}
		is := strconv.Itoa(n.Index)
		ref := "#fnref"
		if n.RefIndex > 0 {
			ref += strconv.Itoa(n.RefIndex)
		}
		w.textString("&#160;")
		w.start("a", attr{name: "href", val: []byte(ref + ":" + is)}, attr{name: "class", val: []byte("footnote-backref")}, attr{name: "role", val: []byte("doc-backlink")})
		w.textString("&#x21a9;&#xfe0e;")
		w.end("a")
	case *east.Footnote:
		if entering {
			w.start("li", r.nodeAttrs(n, gmhtml.ListItemAttributeFilter, attr{name: "id", val: []byte("fn:" + strconv.Itoa(n.Index))})...)
			w.textString("\n")
		} else {
			w.end("li")
			w.textString("\n")
		}
	case *east.FootnoteList:
		if entering {
			w.start("div", r.nodeAttrs(n, gmhtml.GlobalAttributeFilter, attr{name: "class", val: []byte("footnotes")}, attr{name: "role", val: []byte("doc-endnotes")})...)
			w.textString("\n")
			w.start("hr")
			w.textString("\n")
			w.start("ol")
			w.textString("\n")
		} else {
			w.end("ol")
			w.textString("\n")
			w.end("div")
			w.textString("\n")
		}
	default:
		w.fail("node " + n.Kind().String())
		return ast.WalkStop, nil
	}
	return ast.WalkContinue, nil
}

// image writes an image as renderImage does.
func (r *compactRenderer) image(img *ast.Image) {
	w := r.w
	var pic *Picture
	if v, ok := img.Attribute(pictureAttr); ok {
		pic, _ = v.(*Picture)
	}
	_, lazy := img.Attribute(lazyAttr)
	esc := func(name, value string) attr { return attr{name: name, val: util.EscapeHTML([]byte(value))} }
	if pic != nil && pic.WebP != "" {
		w.start("picture")
		w.start("source", attr{name: "type", val: []byte("image/webp")}, esc("srcset", pic.WebP), esc("sizes", pic.Sizes))
	}
	as := make([]attr, 0, 9)
	if pic != nil {
		as = append(as, esc("src", pic.Src))
	} else {
		as = append(as, esc("src", string(util.URLEscape(img.Destination, true))))
	}
	as = append(as, esc("alt", plainText(img, r.src)))
	if _, inFigure := img.Parent().(*Figure); len(img.Title) > 0 && !inFigure {
		as = append(as, esc("title", string(img.Title)))
	}
	if pic != nil {
		as = append(as, esc("width", strconv.Itoa(pic.Width)), esc("height", strconv.Itoa(pic.Height)))
		if pic.Srcset != "" {
			as = append(as, esc("srcset", pic.Srcset), esc("sizes", pic.Sizes))
		}
	}
	if lazy {
		as = append(as, esc("loading", "lazy"), esc("decoding", "async"))
	}
	w.start("img", as...)
	if pic != nil && pic.WebP != "" {
		w.end("picture")
	}
}
