package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// goldmark's typographer is an inline parser for ' " - . , < > * [, so
// it is called, and the text cut, at every comma and full stop of every
// paragraph: about a tenth of converting a synthetic page. It makes
// something only where the rest of a line starts with "--", "...", "<<",
// ">>" or a quote; elsewhere it gives the same result as no typographer,
// but for where Text nodes are cut, which no output shows: a cut is
// always before one of its trigger characters, none of which is white
// space, so the spaces trimmed from the end of a line are the same
// (unlike Linkify's cuts, see linkifyMatters). Convert and Outline
// therefore parse without it when src has none of these, which
// TestNoTypography* prove against parsing with it.

// typographyMatters reports whether the typographer could substitute
// something in src. When it cannot tell from the text alone, it returns
// false with the lines where it could (suspects): lines made of table
// delimiter characters only ("| --- | :-: |"), which are nearly always
// a table's delimiter row, never parsed as inline text, but may be a
// paragraph's "--" or a table cell's. typographyGuard then looks at the
// parsed page.
func typographyMatters(src []byte) (matters bool, suspects []text.Segment) {
	if bytes.IndexByte(src, '\'') >= 0 || bytes.IndexByte(src, '"') >= 0 ||
		bytes.Contains(src, []byte("...")) || bytes.Contains(src, []byte("<<")) || bytes.Contains(src, []byte(">>")) {
		return true, nil
	}
	for from := 0; ; {
		i := bytes.Index(src[from:], []byte("--"))
		if i < 0 {
			return false, suspects
		}
		line := lineAround(src, from+i)
		if !delimiterRowLike(line.Value(src)) {
			return true, nil
		}
		suspects = append(suspects, line)
		from = line.Stop
	}
}

// lineAround returns the line of src that holds byte i, with its line
// feed.
func lineAround(src []byte, i int) text.Segment {
	start := bytes.LastIndexByte(src[:i], '\n') + 1
	stop := len(src)
	if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
		stop = i + j + 1
	}
	return text.NewSegment(start, stop)
}

// delimiterRowLike reports whether line holds only the characters of a
// table's delimiter row.
func delimiterRowLike(line []byte) bool {
	for _, c := range line {
		switch c {
		case '|', ':', '-', ' ', '\t', '\r', '\n':
		default:
			return false
		}
	}
	return true
}

// typographyGuard runs first of the transformers of a page parsed
// without the typographer. If a suspect line (typographyMatters) was
// parsed as inline text, where the typographer might have made
// something, it marks the page for parsing again with the typographer
// (state.retypeset), and the other transformers leave it alone (guarded).
type typographyGuard struct{}

func (typographyGuard) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	st := stateOf(pc)
	if len(st.suspects) > 0 && inlineOn(doc, st.suspects) {
		st.retypeset = true
	}
}

// inlineOn reports whether a block under n has its lines parsed as
// inline text (every block that is not raw, as goldmark's parser has it)
// on one of lines.
func inlineOn(n ast.Node, lines []text.Segment) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() != ast.TypeBlock {
			// A block's children are all inline or all blocks.
			return false
		}
		if !c.IsRaw() && overlaps(c.Lines(), lines) {
			return true
		}
		if inlineOn(c, lines) {
			return true
		}
	}
	return false
}

// overlaps reports whether a segment of block shares a byte with one of
// lines.
func overlaps(block *text.Segments, lines []text.Segment) bool {
	for i := range block.Len() {
		s := block.At(i)
		for _, l := range lines {
			if s.Start < l.Stop && l.Start < s.Stop {
				return true
			}
		}
	}
	return false
}

// guarded is a transformer that does nothing to a page marked for
// parsing again (typographyGuard): its work, and the links it resolves,
// would be thrown away.
type guarded struct{ parser.ASTTransformer }

func (g guarded) Transform(doc *ast.Document, r text.Reader, pc parser.Context) {
	if stateOf(pc).retypeset {
		return
	}
	g.ASTTransformer.Transform(doc, r, pc)
}
