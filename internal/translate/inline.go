package translate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"cecot/internal/markdown"
)

// inline is what a block's text holds, as goldmark reads it on its own.
type inline struct {
	// structure names a block the text makes besides its one
	// paragraph ("a new heading"), or is nil.
	structure  *Message
	rawHTML    bool
	htmlSample string
	links      []string // link and image targets, in order
	stray      int      // emphasis marks left unmatched
}

// inspectInline parses text as the Markdown of one block.
func inspectInline(text string) (*inline, error) {
	src := []byte(text)
	doc, err := converter.Parse(src, markdown.Page{})
	if err != nil {
		return nil, err
	}
	in := &inline{}
	paragraphs := 0
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *ast.Paragraph:
			paragraphs++
			if paragraphs == 2 {
				in.structure = msg("structure_paragraph")
			}
		case *ast.Heading:
			in.structure = msg("structure_heading")
		case *ast.List:
			in.structure = msg("structure_list")
		case *ast.Blockquote:
			in.structure = msg("structure_quote")
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			in.structure = msg("structure_code")
		case *ast.ThematicBreak:
			in.structure = msg("structure_rule")
		case *east.Table:
			in.structure = msg("structure_table")
		case *ast.HTMLBlock:
			in.rawHTML = true
			in.htmlSample = strings.TrimSpace(string(c.Lines().Value(src)))
		default:
			in.structure = msg("structure_block", "Kind", strings.ToLower(c.Kind().String()))
		}
		if in.structure != nil {
			break
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan:
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			in.links = append(in.links, string(n.Destination))
		case *ast.Image:
			in.links = append(in.links, string(n.Destination))
		case *ast.AutoLink:
			in.links = append(in.links, string(n.URL(src)))
		case *ast.RawHTML:
			in.rawHTML = true
			if in.htmlSample == "" {
				var b strings.Builder
				for i := 0; i < n.Segments.Len(); i++ {
					seg := n.Segments.At(i)
					b.Write(seg.Value(src))
				}
				in.htmlSample = b.String()
			}
		case *ast.Text:
			in.stray += strayMarks(string(n.Segment.Value(src)))
		}
		return ast.WalkContinue, nil
	})
	return in, nil
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

func safeLink(l string) bool { return markdown.SafeURL(l) }
