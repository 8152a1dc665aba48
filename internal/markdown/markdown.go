// Package markdown converts a page's Markdown to HTML with goldmark: GitHub
// Flavored Markdown, footnotes, typographic punctuation, readable heading
// IDs with headings that link to themselves, UN-style numbered paragraphs
// and links between pages that follow each language's URLs.
package markdown

import (
	"bytes"
	"html"
	"strings"
	"unsafe"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"cecot/internal/diag"
)

// Converter turns Markdown into HTML. One Converter is safe for use by
// many goroutines at once.
type Converter struct {
	md goldmark.Markdown
	// noLinkify is md without Linkify, for pages in which Linkify can
	// find nothing (see linkifyMatters): it looks for a link at every space
	// of every paragraph, the largest single cost of parsing the
	// synthetic site, and gives the same HTML when it finds none
	// (TestNoLinkifySameResult).
	noLinkify goldmark.Markdown
	// noTypography and noLinkifyNoTypography are md and noLinkify
	// without the typographer, for pages on which it can substitute
	// nothing (typographyMatters).
	noTypography, noLinkifyNoTypography goldmark.Markdown
	unsafe                              bool
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
	rendererOpts := []renderer.Option{
		// Ahead of goldmark's own image renderer (priority 1000).
		renderer.WithNodeRenderers(util.Prioritized(imageRenderer{}, 100)),
	}
	transformers := []util.PrioritizedValue{
		// Lower runs first: links are counted before numbering
		// adds its own.
		util.Prioritized(linkTransformer{}, 100),
		util.Prioritized(imageTransformer{}, 150),
		util.Prioritized(outlineTransformer{}, 200),
		util.Prioritized(numberTransformer{}, 400),
		util.Prioritized(anchorTransformer{}, 450),
		// After numbering: a block in the original's language keeps
		// its number, and its notice takes none.
		util.Prioritized(untranslatedTransformer{}, 460),
	}
	if opts.UnsafeHTML {
		rendererOpts = append(rendererOpts, gmhtml.WithUnsafe())
	} else {
		// Last, so that it also sees the resolved links.
		transformers = append(transformers, util.Prioritized(safeLinkTransformer{}, 500))
	}
	rendererOpts = append(rendererOpts,
		renderer.WithNodeRenderers(util.Prioritized(markRenderer{}, 100), util.Prioritized(noteRenderer{}, 100),
			// Ahead of goldmark's table renderer (priority 500).
			util.Prioritized(cellRenderer{}, 100)))
	// Without the typographer, a guard looks first at whether the page
	// needs it after all, and the transformers wait for its word.
	unguarded := transformers
	guardedTransformers := []util.PrioritizedValue{util.Prioritized(typographyGuard{}, 0)}
	for _, t := range transformers {
		guardedTransformers = append(guardedTransformers, util.Prioritized(guarded{t.Value.(parser.ASTTransformer)}, t.Priority))
	}
	withExtensions := func(exts []goldmark.Extender, transformers []util.PrioritizedValue) goldmark.Markdown {
		return goldmark.New(
			goldmark.WithExtensions(exts...),
			goldmark.WithParserOptions(parser.WithASTTransformers(transformers...)),
			goldmark.WithRendererOptions(rendererOpts...),
		)
	}
	return &Converter{
		md:                    withExtensions(extensions(), unguarded),
		noLinkify:             withExtensions(extensionsButLinkify(), unguarded),
		noTypography:          withExtensions(withoutTypography(extensions()), guardedTransformers),
		noLinkifyNoTypography: withExtensions(withoutTypography(extensionsButLinkify()), guardedTransformers),
		unsafe:                opts.UnsafeHTML,
	}
}

// typographer is the extension that writes typographic punctuation.
var typographer = extension.NewTypographer(extension.WithTypographicSubstitutions(typography))

// withoutTypography returns exts without the typographer.
func withoutTypography(exts []goldmark.Extender) []goldmark.Extender {
	var out []goldmark.Extender
	for _, e := range exts {
		if e != typographer {
			out = append(out, e)
		}
	}
	return out
}

// extensions are the Markdown syntax pages are written in.
func extensions() []goldmark.Extender {
	return append([]goldmark.Extender{extension.Linkify}, extensionsButLinkify()...)
}

// extensionsButLinkify are extensions without Linkify, which makes
// links of bare URLs and e-mail addresses.
func extensionsButLinkify() []goldmark.Extender {
	return []goldmark.Extender{
		extension.Strikethrough,
		extension.TaskList,
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
		extension.Footnote,
		typographer,
	}
}

// linkifyMatters reports whether parsing src with Linkify could give
// another result than parsing it without. Linkify makes a link only where
// the text goes on with "http:", "https:", "ftp:" or "www." (its default
// settings: no other protocols, and these prefixes checked byte for byte
// before any regular expression), or with an e-mail address, which has
// an "@" (util.FindEmailIndex). Where it finds none, it still cuts the
// text into Text nodes at every space, which the HTML shows in one case
// only: goldmark trims the spaces that end a line from the line's last
// Text node, so of a line ending in two spaces or more, the ones before
// the last cut stay ("a    \n", a hard break, gives "a  <br>").
func linkifyMatters(src []byte) bool {
	if bytes.IndexByte(src, '@') >= 0 || bytes.Contains(src, []byte("http")) ||
		bytes.Contains(src, []byte("ftp:")) || bytes.Contains(src, []byte("www.")) {
		return true
	}
	if spacesEnd(src) {
		return true
	}
	for rest := src; ; {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			return false
		}
		if spacesEnd(rest[:i]) {
			return true
		}
		rest = rest[i+1:]
	}
}

// spacesEnd reports whether line ends with two white-space characters.
func spacesEnd(line []byte) bool {
	n := len(line)
	return n >= 2 && isBlank(line[n-1]) && isBlank(line[n-2])
}

// isBlank says whether goldmark trims c as a space (util.IsSpace), but
// for the line feed.
func isBlank(c byte) bool {
	return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'
}

// plainParser parses pages as Convert does, without its transformers,
// for tools that read a page's text.
var plainParser = goldmark.New(goldmark.WithExtensions(extensions()...))

// blocksParser parses pages for Blocks where Linkify cannot matter
// (linkifyMatters): goldmark's block parsers and those of tables and
// footnotes, and of the inline parsers only those that decide which
// text is a footnote reference (a definition no reference points to is
// dropped): code spans, links, autolinks and raw HTML, which can hide
// one, and the footnotes' own. Emphasis, typographic punctuation,
// strikethrough and task boxes change the inline nodes only, which
// Blocks does not read; parsing them was most of the cost of splitting
// a page, which the build does for every translation and its original
// (TestNoLinkify*).
var blocksParser = goldmark.New(
	goldmark.WithParser(parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(
			util.Prioritized(parser.NewCodeSpanParser(), 100),
			util.Prioritized(parser.NewLinkParser(), 200),
			util.Prioritized(parser.NewAutoLinkParser(), 300),
			util.Prioritized(parser.NewRawHTMLParser(), 400),
		),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)),
	goldmark.WithExtensions(
		extension.Footnote,
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
	),
)

// plainParserFor is the parser Blocks parses src with.
func plainParserFor(src []byte) goldmark.Markdown {
	if linkifyMatters(src) {
		return plainParser
	}
	return blocksParser
}

// Page says how to convert one page.
type Page struct {
	// File names the source in errors: "content/es/report.md".
	File string
	// Numbered gives top-level paragraphs numbers and #pN anchors.
	Numbered bool
	// ParagraphLabel gives numbered paragraph n's link its accessible
	// name in the page's language: "Paragraph 7", "Párrafo 7". Without
	// it a screen reader reads the bare number.
	ParagraphLabel func(n int) string
	// Reserved are IDs that the page's layout uses ("main"), which
	// headings must not take.
	Reserved []string
	// ResolveLink maps a link to another Markdown file ("report.md",
	// "../news/_index.md#top") or to a path from the site root ("/es/")
	// to the URL to use; nil leaves links as they are.
	ResolveLink func(dest string) (string, error)
	// ResolveImage says how to show the image of this site that an
	// image's destination names ("map.png", "/assets/logo.svg"); nil
	// leaves images to ResolveLink.
	ResolveImage func(dest string) (*Picture, error)
	// Compact asks for the body as the site's HTML minifier
	// (HTMLMinifier) leaves it, written directly rather than minified
	// afterwards; Result.Compact says whether it could be.
	Compact bool
	// Into, with Compact, is memory to write the compact body in (its
	// bytes overwritten) where it fits, so that a caller converting one
	// page after another can reuse it: Result.HTML then shares it until
	// Result.Release. May be nil.
	Into []byte
	// Untranslated marks the blocks of a translation that show the
	// original's text; nil for none.
	Untranslated *Untranslated
	// HeadingAliases are, for a translation whose top-level blocks are
	// its original's in the original's order, the IDs the original
	// gives its top-level headings (Outline), in order: each heading
	// of the translation also answers to its original's ID, so that a
	// link to a section, which a translation keeps with the original's
	// target, finds it in every language, whether the heading is
	// translated, renamed or shown in the original's words. Ignored
	// when the counts of headings differ.
	HeadingAliases []string
}

// Heading is an entry of a page's table of contents, or of its Outline.
type Heading struct {
	Level int    // 2 or 3 in a table of contents; 1 to 6 in an Outline
	ID    string // the heading's id, for #fragment links
	Text  string // the heading as plain text
	Line  int    // in an Outline, the 1-based line of the heading in the source
}

// Result is a converted page.
type Result struct {
	HTML string // the page's body
	// Compact says that HTML is minified: Page.Compact was asked for
	// and the page has nothing the compact writer does not know (raw
	// HTML, data: URLs). Otherwise HTML is goldmark's, and
	// CompactFallback says why.
	Compact         bool
	CompactFallback string
	blocks          bool // see Blocks
	// TOC lists the page's level 2 and 3 headings in order.
	TOC []Heading
	// Counts of the page's structure, compared between translations.
	Headings, Paragraphs, Links, Footnotes int
	// Images counts every image, Captions the figures with a caption.
	Images, Captions int
	// Warnings are problems that do not stop the build: images without
	// alt text.
	Warnings []*diag.Error
	// HeadingIDs are the IDs of the page's top-level headings, in
	// order: those of its Outline, when the page was converted with no
	// HeadingAliases and no Untranslated blocks (TestHeadingIDsAsOutline).
	// A translation's headings answer to its original's too, and the
	// build, having converted the original, need not outline it again.
	HeadingIDs []string
	// body is the memory of a compact HTML, which Release hands back.
	body []byte
}

// Release returns the memory of a compact HTML, emptied, for the caller
// to reuse (Page.Into), and empties HTML, which no longer owns it: call
// it once nothing reads HTML. It returns nil for goldmark's HTML.
func (r *Result) Release() []byte {
	b := r.body[:0]
	r.body = nil
	if b != nil {
		r.HTML = ""
	}
	return b
}

// typography writes typographic punctuation as characters rather than
// goldmark's entities: shorter pages, and plain text (for the table of
// contents and heading IDs) that needs no decoding.
var typography = map[extension.TypographicPunctuation]string{
	extension.LeftSingleQuote:  "‘",
	extension.RightSingleQuote: "’",
	extension.LeftDoubleQuote:  "“",
	extension.RightDoubleQuote: "”",
	extension.EnDash:           "–",
	extension.EmDash:           "—",
	extension.Ellipsis:         "…",
	extension.LeftAngleQuote:   "«",
	extension.RightAngleQuote:  "»",
	extension.Apostrophe:       "’",
}

var key = parser.NewContextKey()

// state carries a conversion's options into the AST transformers and
// their findings back out.
type state struct {
	page   Page
	result *Result
	ids    *ids
	errs   diag.List
	// suspects are the lines on which a page parsed without the
	// typographer may need it (typographyMatters), and retypeset says
	// that it does: the page is parsed again with it.
	suspects  []text.Segment
	retypeset bool
	// images says that linkTransformer met an image, and unsafeLinks
	// a destination that safeLinkTransformer would empty (or an image,
	// whose inside that walk may skip): without them, the image and
	// safe-link transformers have nothing to do and need not walk the
	// page.
	images, unsafeLinks bool
}

// Convert converts src, the body of page p.
func (c *Converter) Convert(src []byte, p Page) (*Result, error) {
	doc, st := c.parseForBuild(src, p)
	res := st.result
	res.HeadingIDs = topHeadingIDs(doc)
	if p.Compact {
		if err := st.errs.Err(); err != nil {
			return nil, err
		}
		out, blocks, why := renderCompact(doc, src, p.Into, c.unsafe)
		if why == "" {
			// out is not written again until Release: the string
			// shares it.
			res.HTML, res.Compact, res.blocks, res.body = unsafe.String(unsafe.SliceData(out), len(out)), true, blocks, out
			return res, nil
		}
		res.CompactFallback = why
	}
	// A page's HTML is about 1.6 times its Markdown: one allocation of
	// the right size, and the string needs no copy.
	var buf strings.Builder
	buf.Grow(len(src) * 7 / 4)
	if err := c.md.Renderer().Render(&buf, src, doc); err != nil {
		st.errs.Add(diag.Errorf(p.File, 0, "markdown: %v", err))
	}
	if err := st.errs.Err(); err != nil {
		return nil, err
	}
	res.HTML = buf.String()
	return res, nil
}

// Parse parses src, the body of page p, as Convert does, and returns its
// syntax tree, with heading IDs (and, on a numbered page, paragraph IDs)
// set as the built page has them, without rendering it. Tools that work
// on a page's blocks, such as translation files, use it so that they
// split a page exactly as the build does. Like Convert, it parses
// without Linkify where Linkify can find nothing (linkifyMatters): the
// blocks, their lines and IDs are the same, but a paragraph's text may
// be cut into fewer Text nodes. Tools that read the Text nodes use
// ParseText.
func (c *Converter) Parse(src []byte, p Page) (ast.Node, error) {
	md := c.md
	if !linkifyMatters(src) {
		md = c.noLinkify
	}
	return c.parse(md, src, p)
}

// ParseText is Parse always with Linkify, whose Text nodes are cut where
// pages were always cut: at every space and at every character that may
// start a link.
func (c *Converter) ParseText(src []byte, p Page) (ast.Node, error) {
	return c.parse(c.md, src, p)
}

// parseForBuild parses src, the body of page p, for Convert and Outline:
// without Linkify (linkifyMatters) or the typographer (typographyMatters)
// where they cannot change the result. It returns the syntax tree and
// the state of the conversion, whose errors the caller checks.
func (c *Converter) parseForBuild(src []byte, p Page) (ast.Node, *state) {
	linkify := linkifyMatters(src)
	typography, suspects := typographyMatters(src)
	var md goldmark.Markdown
	switch {
	case typography && linkify:
		md = c.md
	case typography:
		md = c.noLinkify
	case linkify:
		md = c.noTypography
	default:
		md = c.noLinkifyNoTypography
	}
	doc, st := c.parseWith(md, src, p, suspects)
	if st.retypeset {
		md = c.noLinkify
		if linkify {
			md = c.md
		}
		doc, st = c.parseWith(md, src, p, nil)
	}
	return doc, st
}

// parseWith parses src, the body of page p, with md, and returns its
// syntax tree and the conversion's state.
func (c *Converter) parseWith(md goldmark.Markdown, src []byte, p Page, suspects []text.Segment) (ast.Node, *state) {
	st := &state{page: p, result: &Result{}, ids: newIDs(p.Numbered, p.Reserved), suspects: suspects}
	ctx := parser.NewContext()
	ctx.Set(key, st)
	return md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx)), st
}

// parse parses src, the body of page p, with md, as Parse does.
func (c *Converter) parse(md goldmark.Markdown, src []byte, p Page) (ast.Node, error) {
	st := &state{page: p, result: &Result{}, ids: newIDs(p.Numbered, p.Reserved)}
	ctx := parser.NewContext()
	ctx.Set(key, st)
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	if err := st.errs.Err(); err != nil {
		return nil, err
	}
	return doc, nil
}

// Outline returns the headings at the top level of src, the body of
// page p (not those in block quotes or lists), in order, with the IDs
// the built page gives them. Only p's Numbered and Reserved matter.
// Tools that name a page's sections without rendering it, such as
// translation stamps, use it so that the names they give are the page's
// anchors.
func (c *Converter) Outline(src []byte, p Page) ([]Heading, error) {
	// The build asks for the outline of every original that has a
	// translation: without Linkify or the typographer where they cannot
	// matter, as Convert.
	doc, st := c.parseForBuild(src, Page{File: p.File, Numbered: p.Numbered, Reserved: p.Reserved})
	if err := st.errs.Err(); err != nil {
		return nil, err
	}
	var hs []Heading
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok {
			continue
		}
		hs = append(hs, Heading{Level: h.Level, ID: headingID(h), Text: strings.TrimSpace(plainText(h, src)), Line: headingLine(h, src)})
	}
	return hs, nil
}

// headingID is the id a heading was given.
func headingID(h *ast.Heading) string {
	id, _ := h.AttributeString("id")
	idBytes, _ := id.([]byte)
	return string(idBytes)
}

// topHeadingIDs are the IDs of doc's top-level headings, in order.
func topHeadingIDs(doc ast.Node) []string {
	var ids []string
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			ids = append(ids, headingID(h))
		}
	}
	return ids
}

// headingLine returns the 1-based source line of a heading.
func headingLine(h *ast.Heading, src []byte) int {
	if l := h.Lines(); l.Len() > 0 {
		return bytes.Count(src[:l.At(0).Start], []byte("\n")) + 1
	}
	// An empty heading ("##") has no text to place it by: it is the
	// first line that starts with "#" after the block before it.
	from := 0
	for prev := h.PreviousSibling(); prev != nil; prev = prev.PreviousSibling() {
		if l := prev.Lines(); l != nil && l.Len() > 0 {
			from = l.At(l.Len() - 1).Stop
			break
		}
	}
	line := bytes.Count(src[:from], []byte("\n")) + 1
	for _, text := range strings.SplitAfter(string(src[from:]), "\n") {
		if strings.HasPrefix(strings.TrimLeft(text, " "), "#") {
			return line
		}
		line++
	}
	return 0
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

// plainText returns the text of n and its descendants as a reader sees
// it: without markup or raw HTML, with escapes and entities resolved.
func plainText(n ast.Node, src []byte) string {
	var buf bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(src)
			if !c.IsRaw() {
				v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
			}
			buf.Write(v)
			if c.SoftLineBreak() {
				buf.WriteByte(' ')
			}
		case *ast.String:
			if c.IsCode() {
				buf.WriteString(html.UnescapeString(string(c.Value)))
			} else {
				buf.Write(c.Value)
			}
		case *ast.AutoLink:
			buf.Write(c.Label(src))
		}
		return ast.WalkContinue, nil
	})
	return buf.String()
}
