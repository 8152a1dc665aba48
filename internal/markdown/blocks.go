package markdown

import (
	"bytes"
	"sort"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// Block is one top-level block of a page's Markdown: a paragraph, a
// heading, a list, a table, a quotation, a code block, a footnote's
// definition. Translations are kept in step with their original block
// by block (package translation).
type Block struct {
	// Kind is "paragraph", "heading", "footnote" or "block" for the rest.
	Kind string
	// Start and End are the block's bytes in the source, from the start
	// of its first line to the start of the next block's (blank lines
	// after it included).
	Start, End int
	Line       int // 1-based line of its first line
}

// Blocks splits src, a page's Markdown body, into its top-level blocks,
// as goldmark parses them. Together they cover src from the first
// block's first line to the end. A thematic break, which has no text to
// place it by, goes with the block before it.
func Blocks(src []byte) []Block {
	// The build splits every translation and its original: without
	// Linkify where it cannot matter (TestNoLinkify*).
	return blocksOf(plainParserFor(src), src)
}

// blocksOf is Blocks with src parsed by md.
func blocksOf(md goldmark.Markdown, src []byte) []Block {
	doc := md.Parser().Parse(text.NewReader(src))
	type start struct {
		off  int
		kind string
	}
	var starts []start
	add := func(n ast.Node, kind string) {
		if off, ok := firstOffset(n, src); ok {
			starts = append(starts, start{lineStart(src, off), kind})
		}
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n.(type) {
		case *east.FootnoteList:
			for f := n.FirstChild(); f != nil; f = f.NextSibling() {
				add(f, "footnote")
			}
		case *ast.Paragraph:
			add(n, "paragraph")
		case *ast.Heading:
			add(n, "heading")
		default:
			add(n, "block")
		}
	}
	sort.SliceStable(starts, func(i, j int) bool { return starts[i].off < starts[j].off })
	var out []Block
	line, counted := 1, 0 // the line of src[counted:], counted from the last block's start
	for i, s := range starts {
		if i > 0 && s.off == starts[i-1].off {
			continue
		}
		end := len(src)
		for j := i + 1; j < len(starts); j++ {
			if starts[j].off > s.off {
				end = starts[j].off
				break
			}
		}
		// Counted on from the block before, not from the top: counting
		// from the top for every block was quadratic in a long page.
		line += bytes.Count(src[counted:s.off], []byte("\n"))
		counted = s.off
		out = append(out, Block{Kind: s.kind, Start: s.off, End: end, Line: line})
	}
	return out
}

// firstOffset returns where the first text of n is in src.
func firstOffset(n ast.Node, src []byte) (int, bool) {
	if f, ok := n.(*ast.FencedCodeBlock); ok {
		// The fence is the line before the code, or the line of
		// its info string.
		if f.Info != nil {
			return f.Info.Segment.Start, true
		}
		if f.Lines().Len() > 0 {
			s := lineStart(src, f.Lines().At(0).Start)
			if s > 0 {
				return s - 1, true
			}
		}
		return 0, false
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start, true
	}
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start, true
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if off, ok := firstOffset(c, src); ok {
			return off, true
		}
	}
	return 0, false
}

// lineStart returns the offset of the start of the line off is on.
func lineStart(src []byte, off int) int { return bytes.LastIndexByte(src[:off], '\n') + 1 }
