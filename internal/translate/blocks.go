package translate

import (
	"bytes"
	"cecot/internal/tomlline"
	"cecot/internal/translation"
	"fmt"
	"iter"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"cecot/internal/content"
	"cecot/internal/markdown"
	"cecot/internal/stamp"
)

// frontFields are the translatable front-matter fields: kind, key, and
// the table the key sits in ("" for the top level). The rest of the
// front matter (slug, weight, dates, the citation's English title) is not
// translated.
var frontFields = []struct {
	kind  translation.Kind
	key   string
	table string
}{
	{translation.KindTitle, "title", ""},
	{translation.KindDescription, "description", ""},
	{translation.KindSummary, "summary", "params"},
	{translation.KindMenu, "menu", "params"},
	{translation.KindAddressee, "addressee", "params.cite"},
}

// block is one translatable text of a page: a front-matter field, or a
// block of its Markdown whose text is one message.
type block struct {
	Kind translation.Kind `json:"kind"`
	// Anchor names the block within its page, the same in every
	// language: "meta.title", a heading's ID ("the-secret-agreement"),
	// "p7" for the seventh top-level paragraph, and for the rest the
	// section's anchor, the kind and a count ("key-facts.item2",
	// "_.quote1" before any heading, "fn.1" for footnote [^1],
	// "key-facts.figure1.alt" and "key-facts.figure1.title" for a
	// figure's alt text and caption, "meta.cite.addressee"). With the
	// page's key it is the PO entry's msgctxt: "submission#p7".
	Anchor string `json:"anchor"`
	// ID is the id of the nearest element of the built page to link to
	// (#ID): the heading's own, the paragraph's on a numbered page, else
	// the heading of its section; "" for front matter and the top.
	ID string `json:"id,omitempty"`
	// Text is the block's text as Markdown: inline markup (emphasis,
	// code, links with their targets) kept as written, lines of a
	// multi-line block joined with "\n", without indentation or quote
	// markers.
	Text string `json:"text"`
	Line int    `json:"line"` // 1-based line in the page's file

	// ctx is the block's msgctxt in PO files (see messageContexts).
	ctx string

	// Where Text is in the file, for import.
	start, end int    // byte range of Text's first to last character
	cont       string // what each continuation line starts with
	frontKey   string // the front-matter key, for fields
	frontLine  int    // the field's 0-based line, or -1 when absent
	frontTable string // the field's table: "", "params", "params.cite"
}

// pageFile is a page's file split into blocks, with what editing needs.
type pageFile struct {
	path   string
	src    []byte // the file, BOM removed, line endings made "\n"
	crlf   bool   // the file had "\r\n" line endings
	bom    bool
	format string // front matter: "toml", "yaml" or ""
	page   *content.Page
	blocks []block
	ids    markdown.Page // what names its headings (HeadingIDs)
}

var converter = markdown.New(markdown.Options{UnsafeHTML: true})

// readPageFile parses a page's file into its translatable blocks, in
// order: the front-matter fields title, description, summary and menu
// where present, then the Markdown's blocks as goldmark parses them. Code
// blocks, raw HTML, and paragraphs that are only a URL are not blocks.
// reserved are the IDs the layouts use (markdown.ReservedIDs), which
// headings do not take.
func readPageFile(path, lang, key string, data []byte, reserved []string) (*pageFile, error) {
	pf, err := readPageFront(path, lang, key, data, reserved)
	if err != nil {
		return nil, err
	}
	pf.findBlocks(key)
	return pf, nil
}

// findBlocks finds the page's blocks, with their messages' contexts
// under key.
func (pf *pageFile) findBlocks(key string) {
	pf.blocks = append(pf.frontBlocks(), bodyBlocks(pf.src, pf.page, pf.ids)...)
	messageContexts(key, pf.blocks)
}

// readPageFront is readPageFile without the blocks, which are most of
// its work (goldmark's parse of the body) and which the parse cache on
// disk keeps (see parseCache.parsed).
func readPageFront(path, lang, key string, data []byte, reserved []string) (*pageFile, error) {
	p, _, err := content.Parse(content.ID{Lang: lang, Key: key}, data)
	if err != nil {
		return nil, err
	}
	return pageFront(path, data, p, reserved), nil
}

// pageFront is readPageFront of data, the file of page p as
// content.Parse parsed it.
func pageFront(path string, data []byte, p *content.Page, reserved []string) *pageFile {
	pf := &pageFile{path: path, page: p, ids: stamp.HeadingIDs(p, reserved)}
	src := data
	if b, ok := bytes.CutPrefix(src, []byte("\xef\xbb\xbf")); ok {
		src, pf.bom = b, true
	}
	if bytes.Contains(src, []byte("\r\n")) {
		src, pf.crlf = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")), true
	}
	pf.src = src
	pf.format = frontFormat(src)
	return pf
}

func frontFormat(src []byte) string {
	switch {
	case bytes.HasPrefix(src, []byte("+++\n")):
		return "toml"
	case bytes.HasPrefix(src, []byte("---\n")):
		return "yaml"
	}
	return ""
}

// frontBlocks returns the page's translatable front-matter fields.
func (pf *pageFile) frontBlocks() []block {
	var out []block
	for _, f := range frontFields {
		var val string
		switch f.table {
		case "":
			val = pf.page.Title
			if f.kind == translation.KindDescription {
				val = pf.page.Description
			}
		default:
			table := pf.page.Params
			if rest, ok := strings.CutPrefix(f.table, "params."); ok {
				table, _ = table[rest].(map[string]any)
			}
			s, _ := table[f.key].(string)
			val = strings.TrimSpace(s)
		}
		if val == "" {
			continue
		}
		anchor := "meta." + f.key
		if f.kind == translation.KindAddressee {
			anchor = "meta.cite." + f.key
		}
		line := pf.frontKeyLine(f.key, f.table)
		out = append(out, block{Kind: f.kind, Anchor: anchor, Text: val, Line: line + 1,
			frontKey: f.key, frontLine: line, frontTable: f.table})
	}
	return out
}

// frontKeyLine returns the 0-based line of key in the front matter, in
// table ("" for the top level, "params", "params.cite"), or -1.
func (pf *pageFile) frontKeyLine(key, table string) int {
	delim := "+++"
	if pf.format == "yaml" {
		delim = "---"
	}
	// In YAML, the tables are the keys of the lines above at less
	// indentation.
	type level struct {
		indent int
		name   string
	}
	var stack []level
	current := ""
	for i, line := range linesAfterFirst(pf.src) {
		trimmed := strings.TrimSpace(line)
		if trimmed == delim {
			break
		}
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if pf.format == "toml" {
			if strings.HasPrefix(trimmed, "[") {
				current = strings.Trim(strings.SplitN(trimmed, "#", 2)[0], "[] \t")
				continue
			}
			if current == table && tomlline.IsKey(trimmed, key) {
				return i
			}
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " \t"))
		for len(stack) > 0 && stack[len(stack)-1].indent >= indent {
			stack = stack[:len(stack)-1]
		}
		var names []string
		for _, l := range stack {
			names = append(names, l.name)
		}
		if strings.Join(names, ".") == table && strings.HasPrefix(trimmed, key+":") {
			return i
		}
		if name, rest, ok := strings.Cut(trimmed, ":"); ok && strings.TrimSpace(rest) == "" {
			stack = append(stack, level{indent, strings.TrimSpace(name)})
		}
	}
	return -1
}

// linesAfterFirst yields the lines of src after the first with their
// 0-based numbers, as strings.Split(src, "\n") has them, without
// splitting the whole file: the front matter is at its top, and its
// fields are looked up one by one.
func linesAfterFirst(src []byte) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		rest := src
		for i := 0; ; i++ {
			line, after, found := bytes.Cut(rest, []byte("\n"))
			if i > 0 && !yield(i, string(line)) {
				return
			}
			if !found {
				return
			}
			rest = after
		}
	}
}

// bodyBlocks returns the blocks of a page's Markdown, located in src, the
// whole file.
func bodyBlocks(src []byte, p *content.Page, ids markdown.Page) []block {
	return bodyBlocksParsed(src, p, ids, converter.Parse)
}

// bodyBlocksParsed is bodyBlocks with the body parsed by parse
// (TestBlocksWithoutLinkify compares Parse with ParseText).
func bodyBlocksParsed(src []byte, p *content.Page, ids markdown.Page, parse func([]byte, markdown.Page) (ast.Node, error)) []block {
	body := p.Body
	delta := len(src) - len(body) // body offset + delta = file offset
	doc, err := parse(body, ids)
	if err != nil {
		return nil // only link resolving fails, and there is none here
	}
	w := &blockWalker{src: src, body: body, delta: delta, numbered: p.Numbered, section: "_", counts: map[string]int{}}
	w.walk(doc)
	return w.blocks
}

type blockWalker struct {
	src, body []byte
	delta     int
	numbered  bool
	section   string // anchor of the current section: a heading ID, or "_"
	sectionID string // its id in the page
	counts    map[string]int
	paras     int
	blocks    []block
}

func (w *blockWalker) walk(doc ast.Node) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			id := attr(n, "id")
			w.section, w.sectionID = id, id
			w.add(block{Kind: translation.KindHeading, Anchor: id, ID: id}, n)
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			w.textBlock(n)
			return ast.WalkSkipChildren, nil
		case *east.TableCell:
			w.add(block{Kind: translation.KindCell, Anchor: w.next("cell"), ID: w.sectionID}, n)
			return ast.WalkSkipChildren, nil
		case *markdown.Figure:
			// An image alone in its paragraph: its alt text and its
			// caption (the title) are the messages.
			w.image(block{Anchor: w.next("figure"), ID: w.sectionID}, n)
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// next returns the anchor of the next block of kind in this section.
func (w *blockWalker) next(kind string) string {
	k := w.section + "." + kind
	w.counts[k]++
	return k + strconv.Itoa(w.counts[k])
}

// textBlock adds a paragraph or a list item's text, naming it by where
// it is.
func (w *blockWalker) textBlock(n ast.Node) {
	b := block{ID: w.sectionID}
	if n.Parent() != nil && n.Parent().Kind() == ast.KindDocument {
		w.paras++
		b.Kind, b.Anchor = translation.KindParagraph, markdown.ParagraphID(w.paras)
		if w.numbered {
			b.ID = b.Anchor
		}
	} else {
		switch c := container(n).(type) {
		case *east.Footnote:
			b.Kind, b.Anchor = translation.KindFootnote, "fn."+string(c.Ref)
			w.counts[b.Anchor]++
			if k := w.counts[b.Anchor]; k > 1 {
				b.Anchor += "." + strconv.Itoa(k)
			}
		case *ast.Blockquote:
			b.Kind, b.Anchor = translation.KindQuote, w.next("quote")
		default:
			b.Kind, b.Anchor = translation.KindItem, w.next("item")
		}
	}
	if onlyURL(n) {
		return
	}
	if w.image(b, n) {
		return
	}
	w.add(b, n)
}

// container returns the nearest list item, blockquote or footnote
// around n.
func container(n ast.Node) ast.Node {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.(type) {
		case *ast.ListItem, *ast.Blockquote, *east.Footnote:
			return p
		}
	}
	return nil
}

// onlyURL reports whether a text block holds nothing but a bare URL,
// which is not translated.
func onlyURL(n ast.Node) bool {
	kids := contentChildren(n)
	return len(kids) == 1 && kids[0].Kind() == ast.KindAutoLink
}

// contentChildren returns n's inline children without the paragraph
// number that numbering adds and blank text.
func contentChildren(n ast.Node) []ast.Node {
	var out []ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if l, ok := c.(*ast.Link); ok && attr(l, "class") == "pnum" {
			c = c.NextSibling() // and the space after it
			continue
		}
		out = append(out, c)
	}
	return out
}

// imageLine is an image alone in its paragraph: ![alt](target "title").
// It is compiled when first used, not at every start of the program.
var imageLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^!\[((?:[^\]\\]|\\.)*)\]\((\S+?)(?:\s+"((?:[^"\\]|\\.)*)")?\)$`)
})

// image adds the alt text and title of an image that stands alone in its
// paragraph (a figure) as blocks of their own, so that the translator
// never sees its file name. It reports whether n was such an image.
func (w *blockWalker) image(b block, n ast.Node) bool {
	kids := contentChildren(n)
	if len(kids) != 1 || kids[0].Kind() != ast.KindImage || n.Lines().Len() != 1 {
		return false
	}
	seg := n.Lines().At(0)
	start := seg.Start + w.delta
	line := string(w.src[start : seg.Stop+w.delta])
	m := imageLine().FindStringSubmatchIndex(strings.TrimRight(line, " \t\n"))
	if m == nil {
		return false
	}
	lineNo := bytes.Count(w.src[:start], []byte("\n")) + 1
	alt := b
	alt.Kind, alt.Anchor, alt.Text, alt.Line = translation.KindAlt, b.Anchor+".alt", line[m[2]:m[3]], lineNo
	alt.start, alt.end = start+m[2], start+m[3]
	w.blocks = append(w.blocks, alt)
	if m[6] >= 0 && m[7] > m[6] {
		title := b
		title.Kind, title.Anchor, title.Text, title.Line = translation.KindImageTitle, b.Anchor+".title", line[m[6]:m[7]], lineNo
		title.start, title.end = start+m[6], start+m[7]
		w.blocks = append(w.blocks, title)
	}
	return true
}

// add appends the block of node n, whose lines hold its text.
func (w *blockWalker) add(b block, n ast.Node) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	var parts []string
	// Space inside the block stays: two spaces at the end of a line
	// are a hard line break, which the translation must keep.
	first, last := lines.At(0), lines.At(lines.Len()-1)
	if lines.Len() == 1 {
		first = trimSeg(first, w.body)
		last = first
	} else {
		first = trimLeft(first, w.body)
		first.Stop = lineEnd(first, w.body)
		last = trimSeg(last, w.body)
	}
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		switch i {
		case 0:
			seg = first
		case lines.Len() - 1:
			seg = last
		default:
			seg.Stop = lineEnd(seg, w.body)
		}
		parts = append(parts, strings.TrimRight(string(seg.Value(w.body)), "\n"))
	}
	b.Text = strings.Join(parts, "\n")
	if strings.TrimSpace(b.Text) == "" {
		return
	}
	b.start, b.end = first.Start+w.delta, last.Stop+w.delta
	b.Line = bytes.Count(w.src[:b.start], []byte("\n")) + 1
	b.cont = w.contPrefix(lines)
	w.blocks = append(w.blocks, b)
}

// trimLeft drops the spaces and tabs before a segment.
func trimLeft(s text.Segment, src []byte) text.Segment {
	for s.Start < s.Stop && (src[s.Start] == ' ' || src[s.Start] == '\t') {
		s.Start++
	}
	return s
}

// lineEnd returns where the line of segment s ends, before its line
// break: goldmark leaves a hard break's trailing spaces out of the
// segment.
func lineEnd(s text.Segment, src []byte) int {
	end := s.Start
	for end < len(src) && src[end] != '\n' {
		end++
	}
	return end
}

// trimSeg drops spaces, tabs and the line break around a segment.
func trimSeg(s text.Segment, src []byte) text.Segment {
	for s.Start < s.Stop && (src[s.Start] == ' ' || src[s.Start] == '\t') {
		s.Start++
	}
	for s.Stop > s.Start && (src[s.Stop-1] == ' ' || src[s.Stop-1] == '\t' || src[s.Stop-1] == '\n') {
		s.Stop--
	}
	return s
}

// contPrefix returns what a continuation line of the block starts with:
// the second line's indentation or quote markers, or the first line's
// made into spaces but for its ">" markers.
func (w *blockWalker) contPrefix(lines *text.Segments) string {
	lineStart := func(off int) int { return bytes.LastIndexByte(w.src[:off], '\n') + 1 }
	if lines.Len() > 1 {
		s := lines.At(1).Start + w.delta
		return string(w.src[lineStart(s):s])
	}
	s := lines.At(0).Start + w.delta
	return strings.Map(func(r rune) rune {
		if r == '>' {
			return r
		}
		return ' '
	}, string(w.src[lineStart(s):s]))
}

func attr(n ast.Node, name string) string {
	v, ok := n.AttributeString(name)
	if !ok {
		return ""
	}
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return fmt.Sprint(v)
}

// messageContexts gives each block its msgctxt. A message is known by
// its text (msgid), as gettext knows it, never by its place: a
// front-matter field's context names the field ("submission#meta.title"),
// since a title and a menu entry of the same words may be translated
// apart; every block of the body has the page's key ("submission"), so
// that inserting, deleting or moving a paragraph changes no other
// message's identity, and msgmerge, Weblate and Crowdin, which match
// msgctxt and msgid exactly, keep their translations. A text that
// occurs again in the page takes "#2", "#3"... after the key.
func messageContexts(key string, blocks []block) {
	seen := map[string]int{}
	for i := range blocks {
		b := &blocks[i]
		if b.frontKey != "" {
			b.ctx = fieldContext(key, b.Anchor)
			continue
		}
		seen[b.Text]++
		b.ctx = key
		if n := seen[b.Text]; n > 1 {
			b.ctx = key + "#" + strconv.Itoa(n)
		}
	}
}

// msgKey is a message's identity, as gettext keys it: msgctxt, EOT,
// msgid.
func msgKey(ctx, id string) string { return ctx + "\x04" + id }

// syncKey is where the sync record keeps a message: its context and a
// short hash of its msgid.
func syncKey(ctx, id string) string { return ctx + " " + hashText(id) }
