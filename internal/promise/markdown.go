package promise

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"cecot/internal/invisible"
	"cecot/internal/markdown"
)

// Unit is what kind of text a translated unit of a page is, which says
// what shape it must keep.
type Unit int

// The units.
const (
	Block   Unit = iota // a block's text: a paragraph, list item, quotation or footnote
	Heading             // a heading's text: a Block on one line
	Cell                // a table cell's text: a Block on one line, with no bare |
	Field               // a one-line front-matter field: title, description
	Alt                 // an image's alt text: one line, no [ or ]
	Caption             // an image's caption (its title): one line, no "
)

// Options say what the site allows.
type Options struct {
	// UnsafeHTML is the site's unsafe_html setting: raw HTML and any
	// link scheme are allowed.
	UnsafeHTML bool
}

// parser parses units as the build parses pages, raw HTML kept so that
// it can be found. Units are parsed with ParseText, always with Linkify:
// strayMarks counts a "_" at a Text node's edge, so where the nodes are
// cut matters, and Linkify cuts them as pages always were.
var parser = markdown.New(markdown.Options{UnsafeHTML: true})

// Markdown checks tr, the translation of orig, a unit of kind u. It
// returns nil when tr keeps every promise.
func Markdown(u Unit, orig, tr string, o Options) Problems {
	if strings.TrimSpace(tr) == "" && strings.TrimSpace(orig) != "" {
		return Problems{{Kind: Blank}}
	}
	if r, ok := invisible.Find(tr, u != Block && u != Cell && u != Heading); ok {
		return Problems{{Kind: Invisible, Got: invisible.Describe(r)}}
	}
	switch u {
	case Field, Alt, Caption:
		return field(u, tr)
	}
	var ps Problems
	if (u == Cell || u == Heading) && strings.Contains(tr, "\n") {
		ps = append(ps, &Problem{Kind: OneLine})
	}
	if u == Cell && bareBars(tr) > bareBars(orig) {
		ps = append(ps, &Problem{Kind: TableBar})
	}
	want, err := read(orig)
	if err != nil {
		return append(ps, &Problem{Kind: Structure, Detail: "block"})
	}
	got, err := read(tr)
	if err != nil {
		return append(ps, &Problem{Kind: Structure, Detail: "block"})
	}
	if got.html != "" && !o.UnsafeHTML {
		ps = append(ps, &Problem{Kind: RawHTML, Got: got.html})
	}
	if got.structure != "" && got.structure != want.structure {
		// What else it holds is not comparable: a heading, for
		// one, gets a link to itself.
		return append(Problems{{Kind: Structure, Detail: got.structure}}, ps...)
	}
	if !o.UnsafeHTML {
		got.links = safeOnly(got.links, &ps)
		got.images = safeOnly(got.images, &ps)
	}
	ps = append(ps, compare(want.links, got.links, LinkMissing, LinkExtra)...)
	ps = append(ps, compare(want.images, got.images, ImageMissing, ImageExtra)...)
	ps = append(ps, compare(want.notes, got.notes, NoteMissing, NoteExtra)...)
	ps = append(ps, compare(want.code, got.code, CodeMissing, CodeExtra)...)
	if got.breaks != want.breaks {
		ps = append(ps, &Problem{Kind: Breaks, Want: strconv.Itoa(want.breaks), Got: strconv.Itoa(got.breaks)})
	}
	if got.stray > want.stray {
		ps = append(ps, &Problem{Kind: Emphasis})
	}
	return ps
}

// safeOnly reports the targets that could run script, and returns the
// rest.
func safeOnly(targets []string, ps *Problems) []string {
	var out []string
	for _, t := range targets {
		if !markdown.SafeURL(t) {
			*ps = append(*ps, &Problem{Kind: UnsafeLink, Got: t})
			continue
		}
		out = append(out, t)
	}
	return out
}

// field checks a one-line unit.
func field(u Unit, tr string) Problems {
	var ps Problems
	if strings.ContainsAny(tr, "\n\r") {
		ps = append(ps, &Problem{Kind: OneLine})
	}
	if u == Alt && strings.ContainsAny(tr, "[]") {
		ps = append(ps, &Problem{Kind: AltBrackets})
	}
	if u == Caption && strings.Contains(tr, `"`) {
		ps = append(ps, &Problem{Kind: TitleQuote})
	}
	if (u == Alt || u == Caption) && trailingBackslashes(tr)%2 == 1 {
		ps = append(ps, &Problem{Kind: Backslash})
	}
	return ps
}

// compare reports what of want is not in got, and what of got is not in
// want, each as many times as it is missing or extra; the order may
// change, as a sentence's order does in translation.
func compare(want, got []string, missing, extra Kind) Problems {
	var ps Problems
	left := slices.Clone(got)
	for _, w := range want {
		if i := slices.Index(left, w); i >= 0 {
			left = slices.Delete(left, i, i+1)
			continue
		}
		ps = append(ps, &Problem{Kind: missing, Want: w})
	}
	for _, g := range left {
		ps = append(ps, &Problem{Kind: extra, Got: g})
	}
	return ps
}

// contents is what a unit's text holds.
type contents struct {
	// structure names the block the text makes other than one
	// paragraph ("heading", "list"), or is "".
	structure string
	html      string   // a sample of raw HTML, or ""
	links     []string // link targets, in order
	images    []string // image sources, in order
	notes     []string // footnote references, "[^label]", in order
	code      []string // inline code, in order
	breaks    int      // hard line breaks
	stray     int      // emphasis marks left unmatched
}

// noteRef finds what may be footnote references: "[^label]". It is
// compiled when first used, not at every start of the program.
var noteRef = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[\^([^\]\s]+)\]`) })

// read parses text as the Markdown of one unit. goldmark makes "[^1]" a
// footnote reference only when the page defines [^1]; a unit is read
// with a definition for every label it could refer to, so that a
// reference counts as the page would show it.
func read(text string) (*contents, error) {
	c := &contents{}
	src := []byte(text)
	doc, err := parser.ParseText(src, markdown.Page{})
	if err != nil {
		return nil, err
	}
	c.blocks(doc, src)
	c.inline(doc, src)
	labels := map[string]bool{}
	var defs strings.Builder
	defs.WriteString(text)
	defs.WriteString("\n\n")
	for _, m := range noteRef().FindAllStringSubmatch(text, -1) {
		if !labels[m[1]] {
			labels[m[1]] = true
			defs.WriteString("[^" + m[1] + "]: x\n")
		}
	}
	if len(labels) == 0 {
		return c, nil
	}
	withDefs := []byte(defs.String())
	doc, err = parser.ParseText(withDefs, markdown.Page{})
	if err != nil {
		return nil, err
	}
	c.notes = footnoteRefs(doc)
	return c, nil
}

// blocks finds what blocks text makes besides one paragraph.
func (c *contents) blocks(doc ast.Node, src []byte) {
	paragraphs := 0
	for n := doc.FirstChild(); n != nil && c.structure == ""; n = n.NextSibling() {
		switch n.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			paragraphs++
			if paragraphs == 2 {
				c.structure = "paragraph"
			}
		case *ast.Heading:
			c.structure = "heading"
		case *ast.List:
			c.structure = "list"
		case *ast.Blockquote:
			c.structure = "quote"
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			c.structure = "code"
		case *ast.ThematicBreak:
			c.structure = "rule"
		case *east.Table:
			c.structure = "table"
		case *east.FootnoteList:
			c.structure = "footnote"
		case *ast.HTMLBlock:
			c.html = strings.TrimSpace(string(n.Lines().Value(src)))
			c.structure = "html"
		case *ast.LinkReferenceDefinition:
			c.structure = "definition"
		default:
			c.structure = "block"
		}
	}
	if paragraphs == 0 && c.structure == "" && strings.TrimSpace(string(src)) != "" {
		// Text that makes no block at all is a footnote's
		// definition, which the page would move to its end.
		c.structure = "footnote"
	}
}

// inline collects a unit's links, images, code, breaks and raw HTML.
func (c *contents) inline(doc ast.Node, src []byte) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan:
			c.code = append(c.code, codeText(n, src))
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			c.links = append(c.links, string(n.Destination))
		case *ast.Image:
			c.images = append(c.images, string(n.Destination))
		case *ast.AutoLink:
			c.links = append(c.links, string(n.URL(src)))
		case *ast.RawHTML:
			if c.html == "" {
				var b strings.Builder
				for i := 0; i < n.Segments.Len(); i++ {
					seg := n.Segments.At(i)
					b.Write(seg.Value(src))
				}
				c.html = b.String()
			}
		case *ast.Text:
			if n.HardLineBreak() {
				c.breaks++
			}
			c.stray += strayMarks(string(n.Segment.Value(src)))
		}
		return ast.WalkContinue, nil
	})
}

// codeText is an inline code span's text.
func codeText(n *ast.CodeSpan, src []byte) string {
	var b strings.Builder
	for k := n.FirstChild(); k != nil; k = k.NextSibling() {
		if t, ok := k.(*ast.Text); ok {
			b.Write(t.Segment.Value(src))
		}
	}
	return b.String()
}

// footnoteRefs returns the footnote references of doc, "[^label]", in
// order.
func footnoteRefs(doc ast.Node) []string {
	labels := map[int]string{}
	var refs []int
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *east.Footnote:
			labels[n.Index] = string(n.Ref)
		case *east.FootnoteLink:
			refs = append(refs, n.Index)
		}
		return ast.WalkContinue, nil
	})
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = "[^" + labels[r] + "]"
	}
	return out
}

// strayMarks counts the emphasis marks in text that goldmark left as
// text: "*" not escaped, and "_" at the edge of a word.
func strayMarks(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' {
			i++
			continue
		}
		if c == '*' {
			n++
		}
		if c == '_' {
			before, _ := utf8.DecodeLastRuneInString(s[:i])
			after, _ := utf8.DecodeRuneInString(s[i+1:])
			if i == 0 || i == len(s)-1 || !isWordRune(before) || !isWordRune(after) {
				n++
			}
		}
	}
	return n
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// bareBars counts the | in s that are not escaped; in a table, even one
// in code splits the cell (GitHub Flavored Markdown).
func bareBars(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return n
}

// trailingBackslashes counts the \ at the end of s: an odd number
// escapes what follows s in the page ("]" after alt text).
func trailingBackslashes(s string) int {
	return len(s) - len(strings.TrimRight(s, "\\"))
}
