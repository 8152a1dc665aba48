package translation

import (
	"bytes"
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"cecot/internal/markdown"
)

// RecordField is the front-matter field of a translation that holds its
// Record.
const RecordField = "blocks_from"

// Record is what a translation records of its original: for each of its
// top-level blocks, in order, the kind and signature of the block of the
// original it translates. "site stamp" and "site po import" write it;
// the build reads it (Compose), so that each block of a translation is
// shown beside its own original, whatever the original's author
// inserted, deleted or moved since.
type Record []Item

// kindLetters are the kinds of top-level block, as a record writes them.
var kindLetters = map[string]Kind{"p": KindParagraph, "h": KindHeading, "f": KindFootnote, "b": KindBlock}

// KindBlock is a top-level block that is not a paragraph, a heading or
// a footnote: a list, a table, a quotation, a code block.
const KindBlock Kind = "block"

func letterOf(k Kind) string {
	for l, kk := range kindLetters {
		if kk == k {
			return l
		}
	}
	return "b"
}

// String writes the record as its field holds it: words of a kind
// letter and a signature, "p1a2b…".
func (r Record) String() string {
	words := make([]string, len(r))
	for i, it := range r {
		words[i] = letterOf(it.Kind) + it.Sig.String()
	}
	return strings.Join(words, " ")
}

// ParseRecord reads what String writes.
func ParseRecord(s string) (Record, error) {
	var r Record
	for i, w := range strings.Fields(s) {
		k, ok := kindLetters[w[:1]]
		if !ok {
			return nil, fmt.Errorf("%s: word %d, %q, does not start with p, h, f or b", RecordField, i+1, w)
		}
		sig, err := parseSig(w[1:])
		if err != nil {
			return nil, fmt.Errorf("%s: word %d: %w", RecordField, i+1, err)
		}
		r = append(r, Item{Kind: k, Sig: sig})
	}
	return r, nil
}

// Items returns the top-level blocks of a page's body as Match compares
// them.
func Items(body []byte, blocks []markdown.Block) []Item {
	out := make([]Item, len(blocks))
	for i, b := range blocks {
		out[i] = Item{Kind: blockKind(b.Kind), Sig: SigOf(string(body[b.Start:b.End]))}
	}
	return out
}

func blockKind(k string) Kind {
	switch k {
	case "paragraph":
		return KindParagraph
	case "heading":
		return KindHeading
	case "footnote":
		return KindFootnote
	}
	return KindBlock
}

// RecordOf returns the record of a translation made from an original
// whose body is orig, block for block.
func RecordOf(orig []byte) Record { return Record(Items(orig, markdown.Blocks(orig))) }

// Composed is the body the build converts for a translation.
type Composed struct {
	Body []byte
	// Untranslated are the first lines, in Body, of the blocks that
	// show the original's text because the translation lacks them.
	Untranslated map[int]bool
	// UntranslatedItems are the first lines, in Body, of the list items
	// of translated lists that are still the original's words: a list
	// started from the desk has its other items in the original's
	// language until each is translated.
	UntranslatedItems map[int]bool
	// Changed counts the blocks shown from a translation of an
	// earlier version of their original.
	Changed int
	// Headings counts the original's top-level headings, which Body
	// has at the same places.
	Headings int
	// spans say where each block of Body comes from, in Body's order.
	spans []span
}

// span is a block of a composed body: its first line there, and in the
// file it was taken from.
type span struct {
	line, from int
	original   bool
}

// Source says where line of Body comes from: a line of the original's
// file if original, else of the translation's. Problems found in Body
// are reported there, so that a translator is sent to the line they
// wrote, or to the original's, not to a line of a text no file holds.
func (c *Composed) Source(line int) (original bool, at int) {
	i, _ := slices.BinarySearchFunc(c.spans, line, func(s span, line int) int { return cmp.Compare(s.line, line+1) })
	if i == 0 {
		// Before the first block: the front matter's lines, kept.
		return false, line
	}
	s := c.spans[i-1]
	return s.original, s.from + line - s.line
}

// Compose returns what the build shows for a translation whose body is
// tr and whose record is rec, of an original whose body is orig: for
// each block of the original, in the original's order, the block of the
// translation that Match pairs with it, else the original's own block,
// marked. So the translation's paragraph N is always the translation of
// the original's paragraph N, or that paragraph itself, never the
// translation of another. Blocks of the translation whose original is
// gone are left out. It fails when the record does not describe tr: it
// names another number of blocks, or blocks of other kinds.
func Compose(orig, tr []byte, rec Record) (*Composed, error) {
	tb := markdown.Blocks(tr)
	if err := recordFits(tb, rec); err != nil {
		return nil, err
	}
	ob := markdown.Blocks(orig)
	return compose(orig, ob, tr, tb, Match(rec, Items(orig, ob))), nil
}

// ComposePositional composes a translation, tr, that records no blocks
// and has its original's blocks, orig, of the same kinds in the same
// order: each block is read as the translation of the original's block
// at its place (a page made by "site stamp -new", which copies the
// original block for block, records nothing). It is nil if the blocks
// differ. It is Compose of the record that reading makes, with each body
// parsed once rather than twice (the build composes every translation
// that records no blocks this way, and the four parses were a fifth of
// building a large site).
func ComposePositional(orig, tr []byte) *Composed {
	ob, tb := markdown.Blocks(orig), markdown.Blocks(tr)
	if !samePlan(ob, tb) {
		return nil
	}
	// Match of a record with the very items it records pairs each
	// block with itself (equal texts are paired in order): no need to
	// sign the blocks to know it.
	pairs := make([]Pair, len(ob))
	for i := range pairs {
		pairs[i] = Pair{Old: i, Exact: true}
	}
	return compose(orig, ob, tr, tb, pairs)
}

// recordFits reports how rec does not describe the blocks tb of a
// translation, if it does not.
func recordFits(tb []markdown.Block, rec Record) error {
	if len(tb) != len(rec) {
		return &RecordError{Blocks: len(tb), Recorded: len(rec)}
	}
	for i, b := range tb {
		if blockKind(b.Kind) != rec[i].Kind {
			return &RecordError{Blocks: len(tb), Recorded: len(rec), Line: b.Line, Kind: blockKind(b.Kind), Want: rec[i].Kind}
		}
	}
	return nil
}

// compose is Compose of a record that fits tb, with the bodies' blocks
// given and the record matched with the original's blocks (pairs).
func compose(orig []byte, ob []markdown.Block, tr []byte, tb []markdown.Block, pairs []Pair) *Composed {
	c := &Composed{Untranslated: map[int]bool{}}
	english := leftInOriginal(orig, ob, tr, tb, pairs)
	// Most bodies are as long as the translation.
	body := make([]byte, 0, len(tr)+2)
	if len(ob) > 0 {
		// Keep the lines before the first block (the front matter's,
		// left blank), so that lines stay where they were.
		body = append(body, tr[:min(len(tr), firstStart(tb, len(tr)))]...)
	}
	// lines counts the lines of body[:counted]: each block's first line
	// is counted from the last's, not from the top of body again.
	lines, counted := 0, 0
	for i, p := range pairs {
		if ob[i].Kind == "heading" {
			c.Headings++
		}
		var text []byte
		lines += lineCount(body[counted:])
		counted = len(body)
		at := lines + 1
		if p.Old >= 0 && !(english && readsAsOriginal(tr[tb[p.Old].Start:tb[p.Old].End], orig[ob[i].Start:ob[i].End])) {
			text = tr[tb[p.Old].Start:tb[p.Old].End]
			c.spans = append(c.spans, span{line: at, from: tb[p.Old].Line})
			for _, k := range originalItems(text, orig[ob[i].Start:ob[i].End]) {
				if c.UntranslatedItems == nil {
					c.UntranslatedItems = map[int]bool{}
				}
				c.UntranslatedItems[at+k] = true
			}
			if !p.Exact {
				c.Changed++
			}
		} else {
			text = orig[ob[i].Start:ob[i].End]
			c.spans = append(c.spans, span{line: at, from: ob[i].Line, original: true})
			c.Untranslated[at] = true
		}
		body = append(body, text...)
		switch {
		case endsWithBlankLine(body):
		case len(body) > 0 && body[len(body)-1] == '\n':
			body = append(body, '\n')
		default:
			body = append(body, '\n', '\n')
		}
	}
	c.Body = body
	return c
}

// leftInOriginal reports whether a translation is its original's text
// wherever it has words: every block of the original that has letters
// is either lacking from the translation or reads there word for word
// as in the original. That is a page made with "site stamp -new" and
// left untranslated, or one whose units were all emptied; the build
// shows each of its blocks as the original's, marked, as it shows a
// block the translation lacks, so that it is never taken for Spanish.
//
// A page with some of its blocks translated keeps the others as they
// are: a block may be meant to read as the original (a name, which the
// glossary or a PO entry's ignore-same flag says, and the build knows
// neither), and status lists those that are not.
func leftInOriginal(orig []byte, ob []markdown.Block, tr []byte, tb []markdown.Block, pairs []Pair) bool {
	words := false
	for i, p := range pairs {
		o := orig[ob[i].Start:ob[i].End]
		if !bytes.ContainsFunc(o, unicode.IsLetter) {
			continue
		}
		words = true
		if p.Old >= 0 && !readsAsOriginal(tr[tb[p.Old].Start:tb[p.Old].End], o) {
			return false
		}
	}
	return words
}

// readsAsOriginal reports whether a block of a translation, tr, is its
// original's block, orig, word for word. A block without letters
// ("288", a date) reads the same in every language and is the
// translation's own, as the model counts it (internal/translate's
// same.go).
func readsAsOriginal(tr, orig []byte) bool {
	return bytes.Equal(bytes.TrimSpace(tr), bytes.TrimSpace(orig)) && bytes.ContainsFunc(tr, unicode.IsLetter)
}

// samePlan reports whether two bodies' blocks are as many and of the
// same kinds, in the same order.
func samePlan(ob, tb []markdown.Block) bool {
	if len(ob) != len(tb) {
		return false
	}
	for i := range ob {
		if ob[i].Kind != tb[i].Kind {
			return false
		}
	}
	return true
}

// RecordError is a record that does not describe its translation.
type RecordError struct {
	Blocks, Recorded int
	Line             int  // of the first block of another kind, or 0
	Kind, Want       Kind // that block's kind, and the record's
}

func (e *RecordError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s: the block at line %d is a %s, but the record says a %s: the blocks changed since the translation was stamped", RecordField, e.Line, e.Kind, e.Want)
	}
	return fmt.Sprintf("%s: the translation has %d blocks, but the record names %d: blocks were added or removed since it was stamped", RecordField, e.Blocks, e.Recorded)
}

func firstStart(bs []markdown.Block, def int) int {
	if len(bs) == 0 {
		return def
	}
	return bs[0].Start
}

func lineCount(b []byte) int {
	n := 0
	for _, c := range b {
		if c == '\n' {
			n++
		}
	}
	return n
}

func endsWithBlankLine(b []byte) bool {
	return len(b) >= 2 && b[len(b)-1] == '\n' && b[len(b)-2] == '\n'
}

// listItem matches a list item's first line: "- text", "  * text",
// "1. text", "2) text". It is compiled when first used, not at every
// start of the program.
var listItem = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^ *(?:[-*+]|[0-9]{1,9}[.)])[ \t]+\S`) })

// originalItems returns the line offsets, in tr, of the list items of
// block tr that are lines of block orig as they are: items still in the
// original's words. A block that is not a list has none.
func originalItems(tr, orig []byte) []int {
	if !listItem().Match(tr) {
		return nil
	}
	have := map[string]bool{}
	for _, l := range strings.Split(string(orig), "\n") {
		if listItem().MatchString(l) {
			have[l] = true
		}
	}
	var out []int
	for k, l := range strings.Split(string(tr), "\n") {
		// An item without letters ("- 288") is the same in every
		// language, as the model counts it (see same.go).
		if have[l] && listItem().MatchString(l) && strings.IndexFunc(l, unicode.IsLetter) >= 0 {
			out = append(out, k)
		}
	}
	return out
}
