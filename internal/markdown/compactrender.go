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
}

// dangerousURL is goldmark's IsDangerousURL, which lower-cases the URL
// twice per scheme it knows: every scheme it knows ends in a colon, so a
// URL without one (a link to another page) needs no look.
func dangerousURL(url []byte) bool {
	return bytes.IndexByte(url, ':') >= 0 && gmhtml.IsDangerousURL(url)
}

// renderCompact returns doc's minified HTML, in into's memory where it
// fits, and whether it starts and ends with blocks (see Splice), or why
// it cannot.
func renderCompact(doc ast.Node, src, into []byte, unsafe bool) (out []byte, blocks bool, why string) {
	// A mistake of the writer must not stop a build: the page falls
	// back to goldmark's HTML, minified whole, and the differential
	// tests, which count fallbacks, find it.
	defer func() {
		if v := recover(); v != nil {
			out, blocks, why = nil, false, fmt.Sprint("compact writer: ", v)
		}
	}()
	r := &compactRenderer{w: newCompactWriter(into, len(src)*3/2), src: src, unsafe: unsafe}
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

// nodeAttrs writes n's attributes that goldmark's RenderAttributes
// writes with filter, after those written before it, and closes the
// start tag.
func (r *compactRenderer) nodeAttrs(n ast.Node, filter util.BytesFilter) {
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
		r.w.attr(string(a.Name), util.EscapeHTML(v))
	}
	r.w.close()
}

// startWith writes a start tag with n's attributes (nodeAttrs).
func (r *compactRenderer) startWith(t tag, n ast.Node, filter util.BytesFilter) {
	r.w.open(t)
	r.nodeAttrs(n, filter)
}

// attrString writes an attribute whose value is s, escaped.
func (r *compactRenderer) attrString(name, s string) {
	r.w.attr(name, util.EscapeHTML([]byte(s)))
}

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
			r.startWith(headings[n.Level], n, gmhtml.HeadingAttributeFilter)
		} else {
			w.end(headings[n.Level])
			w.textString("\n")
		}
	case *ast.Blockquote:
		if entering {
			r.startWith(tagBlockquote, n, gmhtml.BlockquoteAttributeFilter)
			if n.Attributes() == nil {
				w.textString("\n")
			}
		} else {
			w.end(tagBlockquote)
			w.textString("\n")
		}
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		if !entering {
			w.end(tagCode)
			w.end(tagPre)
			w.textString("\n")
			break
		}
		w.start(tagPre)
		w.open(tagCode)
		if f, ok := n.(*ast.FencedCodeBlock); ok {
			if lang := f.Language(r.src); lang != nil {
				w.attr("class", append([]byte("language-"), escaped(lang)...))
			}
		}
		w.close()
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
		t := tagUl
		if n.IsOrdered() {
			t = tagOl
		}
		if entering {
			w.open(t)
			if n.IsOrdered() && n.Start != 1 {
				w.attr("start", strconv.AppendInt(nil, int64(n.Start), 10))
			}
			r.nodeAttrs(n, gmhtml.ListAttributeFilter)
			w.textString("\n")
		} else {
			w.end(t)
			w.textString("\n")
		}
	case *ast.ListItem:
		if entering {
			r.startWith(tagLi, n, gmhtml.ListItemAttributeFilter)
			if fc := n.FirstChild(); fc != nil {
				if _, ok := fc.(*ast.TextBlock); !ok {
					w.textString("\n")
				}
			}
		} else {
			w.end(tagLi)
			w.textString("\n")
		}
	case *ast.Paragraph:
		if entering {
			r.startWith(tagP, n, gmhtml.ParagraphAttributeFilter)
		} else {
			w.end(tagP)
			w.textString("\n")
		}
	case *untranslatedNote:
		if entering {
			w.open(tagP)
			w.attr("class", []byte("untranslated-note"))
			w.attr("role", []byte("note"))
			w.close()
			w.text(util.EscapeHTML([]byte(strings.TrimSpace(n.text))))
			w.end(tagP)
			w.textString("\n")
		}
		return ast.WalkSkipChildren, nil
	case *ast.TextBlock:
		if !entering && n.NextSibling() != nil && n.FirstChild() != nil {
			w.textString("\n")
		}
	case *ast.ThematicBreak:
		if entering {
			r.startWith(tagHr, n, gmhtml.ThematicAttributeFilter)
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
		w.open(tagA)
		w.attr("href", href)
		r.nodeAttrs(n, gmhtml.LinkAttributeFilter)
		w.text(util.EscapeHTML(n.Label(r.src)))
		w.end(tagA)
	case *ast.CodeSpan:
		if !entering {
			w.end(tagCode)
			break
		}
		r.startWith(tagCode, n, gmhtml.CodeAttributeFilter)
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
		t := tagEm
		if n.Level == 2 {
			t = tagStrong
		}
		if entering {
			r.startWith(t, n, gmhtml.EmphasisAttributeFilter)
		} else {
			w.end(t)
		}
	case *ast.Link:
		if !entering {
			w.end(tagA)
			break
		}
		dest := util.URLEscape(n.Destination, true)
		var href []byte
		if r.unsafe || !dangerousURL(dest) {
			href = util.EscapeHTML(dest)
		}
		w.open(tagA)
		w.attr("href", href)
		if n.Title != nil {
			w.attr("title", escaped(n.Title))
		}
		r.nodeAttrs(n, gmhtml.LinkAttributeFilter)
	case *ast.Image:
		if entering {
			r.image(n)
		}
		return ast.WalkSkipChildren, nil
	case *Figure:
		if entering {
			w.start(tagFigure)
			break
		}
		if img, ok := n.FirstChild().(*ast.Image); ok && len(img.Title) > 0 {
			w.start(tagFigcaption)
			w.text(util.EscapeHTML(img.Title))
			w.end(tagFigcaption)
		}
		w.end(tagFigure)
		w.textString("\n")
	case *paragraphMark:
		if !entering {
			break
		}
		w.open(tagA)
		w.attr("href", []byte("#"+ParagraphID(n.n)))
		w.attr("class", []byte("pnum"))
		if n.label != "" {
			r.attrString("aria-label", n.label)
		}
		if n.lang != "" {
			r.attrString("lang", n.lang)
		}
		w.close()
		w.textString(strconv.Itoa(n.n))
		w.end(tagA)
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
			w.start(tagBr)
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
			r.startWith(tagDel, n, extension.StrikethroughAttributeFilter)
		} else {
			w.end(tagDel)
		}
	case *east.TaskCheckBox:
		if entering {
			w.open(tagInput)
			if n.IsChecked {
				w.attr("checked", nil)
			}
			w.attr("disabled", nil)
			w.attr("type", []byte("checkbox"))
			w.close()
			w.textString(" ")
		}
	case *east.Table:
		if entering {
			r.startWith(tagTable, n, extension.TableAttributeFilter)
			w.textString("\n")
		} else {
			w.end(tagTable)
			w.textString("\n")
		}
	case *east.TableHeader:
		if entering {
			r.startWith(tagThead, n, extension.TableHeaderAttributeFilter)
			w.textString("\n")
			w.start(tagTr)
			w.textString("\n")
		} else {
			w.end(tagTr)
			w.textString("\n")
			w.end(tagThead)
			w.textString("\n")
			if n.NextSibling() != nil {
				w.start(tagTbody)
				w.textString("\n")
			}
		}
	case *east.TableRow:
		if entering {
			r.startWith(tagTr, n, extension.TableRowAttributeFilter)
			w.textString("\n")
		} else {
			w.end(tagTr)
			w.textString("\n")
			if n.Parent().LastChild() == n {
				w.end(tagTbody)
				w.textString("\n")
			}
		}
	case *east.TableCell:
		name, filter := cellTag(n)
		t := tagTd
		if name == "th" {
			t = tagTh
		}
		if entering {
			w.open(t)
			if class := alignClass(n); class != nil {
				w.attr("class", class)
			}
			r.nodeAttrs(n, filter)
		} else {
			w.end(t)
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
		w.open(tagSup)
		w.attr("id", []byte(id+":"+is))
		w.close()
		w.open(tagA)
		w.attr("href", []byte("#fn:"+is))
		w.attr("class", []byte("footnote-ref"))
		w.attr("role", []byte("doc-noteref"))
		w.close()
		w.textString(is)
		w.end(tagA)
		w.end(tagSup)
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
		w.open(tagA)
		w.attr("href", []byte(ref+":"+is))
		w.attr("class", []byte("footnote-backref"))
		w.attr("role", []byte("doc-backlink"))
		w.close()
		w.textString("&#x21a9;&#xfe0e;")
		w.end(tagA)
	case *east.Footnote:
		if entering {
			w.open(tagLi)
			w.attr("id", []byte("fn:"+strconv.Itoa(n.Index)))
			r.nodeAttrs(n, gmhtml.ListItemAttributeFilter)
			w.textString("\n")
		} else {
			w.end(tagLi)
			w.textString("\n")
		}
	case *east.FootnoteList:
		if entering {
			w.open(tagDiv)
			w.attr("class", []byte("footnotes"))
			w.attr("role", []byte("doc-endnotes"))
			r.nodeAttrs(n, gmhtml.GlobalAttributeFilter)
			w.textString("\n")
			w.start(tagHr)
			w.textString("\n")
			w.start(tagOl)
			w.textString("\n")
		} else {
			w.end(tagOl)
			w.textString("\n")
			w.end(tagDiv)
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
	if pic != nil && pic.WebP != "" {
		w.start(tagPicture)
		w.open(tagSource)
		w.attr("type", []byte("image/webp"))
		r.attrString("srcset", pic.WebP)
		r.attrString("sizes", pic.Sizes)
		w.close()
	}
	w.open(tagImg)
	if pic != nil {
		r.attrString("src", pic.Src)
	} else {
		w.attr("src", util.EscapeHTML(util.URLEscape(img.Destination, true)))
	}
	r.attrString("alt", plainText(img, r.src))
	if _, inFigure := img.Parent().(*Figure); len(img.Title) > 0 && !inFigure {
		w.attr("title", util.EscapeHTML(img.Title))
	}
	if pic != nil {
		r.attrString("width", strconv.Itoa(pic.Width))
		r.attrString("height", strconv.Itoa(pic.Height))
		if pic.Srcset != "" {
			r.attrString("srcset", pic.Srcset)
			r.attrString("sizes", pic.Sizes)
		}
	}
	if lazy {
		w.attr("loading", []byte("lazy"))
		w.attr("decoding", []byte("async"))
	}
	w.close()
	if pic != nil && pic.WebP != "" {
		w.end(tagPicture)
	}
}
