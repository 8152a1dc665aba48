package markdown

import (
	"bytes"
	"unicode/utf8"

	"github.com/tdewolff/minify/v2"
	mhtml "github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"
)

// HTMLMinifier returns the settings of tdewolff's HTML minifier that the
// site's pages are minified with. A compact page body (Options.Compact)
// is exactly what this minifier makes of the body's HTML, so the two must
// change together: the differential tests compare them.
func HTMLMinifier() *mhtml.Minifier {
	// Document tags stay: <html lang> and <head> must be there for
	// validators and screen readers to find the language and metadata.
	return &mhtml.Minifier{KeepDocumentTags: true, KeepDefaultAttrVals: true}
}

// The compact writer below is tdewolff's HTML minifier (html.Minifier's
// Minify, with HTMLMinifier's settings) run on tokens that the renderer
// hands it, instead of on tokens lexed from HTML text: the same rules, in
// the same order, without writing the HTML and reading it back. Where the
// minifier looks ahead at the tokens to come, the writer keeps tokens in
// a queue until the decision can be made. Anything that the minifier
// would hand to another minifier (scripts, styles, data: URLs) or that
// the renderer has no token for (raw HTML) is unsupported: the page is
// then minified as before.

// tagTraits are tdewolff's traits of a tag (html/table.go), for the tags
// the renderer writes.
type tagTraits uint16

const (
	normalTag tagTraits = 1 << iota
	rawTag
	blockTag
	objectTag
	omitPTag
	keepPTag
)

// tags are the traits of every tag the compact renderer writes, copied
// from tdewolff's tagMap; a tag missing here is unsupported.
var tags = map[string]tagTraits{
	"a":          keepPTag,
	"blockquote": blockTag | omitPTag,
	"br":         blockTag,
	"code":       normalTag,
	"del":        keepPTag,
	"div":        blockTag | omitPTag,
	"em":         normalTag,
	"figcaption": blockTag | omitPTag,
	"figure":     blockTag | omitPTag,
	"h1":         blockTag | omitPTag,
	"h2":         blockTag | omitPTag,
	"h3":         blockTag | omitPTag,
	"h4":         blockTag | omitPTag,
	"h5":         blockTag | omitPTag,
	"h6":         blockTag | omitPTag,
	"hr":         blockTag | omitPTag,
	"img":        objectTag,
	"input":      objectTag,
	"li":         blockTag,
	"ol":         blockTag | omitPTag,
	"p":          blockTag | omitPTag,
	"picture":    normalTag,
	"pre":        blockTag | omitPTag,
	"source":     normalTag,
	"strong":     normalTag,
	"sup":        normalTag,
	"table":      blockTag | omitPTag,
	"tbody":      blockTag,
	"td":         blockTag,
	"th":         blockTag,
	"thead":      blockTag,
	"tr":         blockTag,
	"ul":         blockTag | omitPTag,
	"noscript":   blockTag | keepPTag,
	// Not written by the renderer, but blocks that layouts put bodies in.
	"article": blockTag | omitPTag,
	"aside":   blockTag | omitPTag,
	"footer":  blockTag | omitPTag,
	"header":  blockTag | omitPTag,
	"main":    blockTag | omitPTag,
	"nav":     blockTag | omitPTag,
	"section": blockTag | omitPTag,
}

// attrTraits are tdewolff's traits of an attribute (html/table.go).
type attrTraits uint8

const (
	booleanAttr attrTraits = 1 << iota
	urlAttr
	trimAttr
	plainAttr // not in tdewolff's attrMap: no traits, but known here
)

// attrs are the traits of every attribute the compact renderer writes,
// copied from tdewolff's attrMap; an attribute missing here is
// unsupported.
var attrs = map[string]attrTraits{
	"alt":        plainAttr,
	"aria-label": plainAttr,
	"checked":    booleanAttr,
	"class":      trimAttr,
	"decoding":   trimAttr,
	"disabled":   booleanAttr,
	"height":     trimAttr,
	"href":       urlAttr,
	"id":         plainAttr,
	"lang":       trimAttr,
	"loading":    trimAttr,
	"role":       plainAttr,
	"sizes":      trimAttr,
	"src":        urlAttr,
	"srcset":     trimAttr,
	"start":      trimAttr,
	"title":      plainAttr,
	"type":       trimAttr,
	"width":      trimAttr,
}

type tokenKind uint8

const (
	startTag tokenKind = iota
	endTag
	textToken
	commentToken
)

// token is one HTML token as tdewolff's lexer would give it.
type token struct {
	kind   tokenKind
	name   string    // of a tag
	traits tagTraits // of a tag
	attrs  []attr    // of a start tag
	// Text is the writer's arena from start to end: its HTML, with
	// entities; data is that text with whitespace and entities
	// replaced, once prepared.
	start, end int
	prepared   bool
	data       []byte
}

// attr is an attribute with its value as written between double quotes.
type attr struct {
	name string
	val  []byte
}

// compactWriter writes minified HTML from tokens.
type compactWriter struct {
	out   []byte
	queue []token
	// The text and attributes of the queued tokens: text is appended to
	// the arena only by the last token, so each text token's bytes are
	// one range of it. Both are emptied when the queue is.
	arena       []byte
	attrArena   []attr
	omitSpace   bool
	inPre       bool
	unsupported string // why the writer cannot go on, or ""
	attrBuf     []byte
	// Whether the first token is a block's start tag before which the
	// minifier drops a </p>, and whether the last one, but for
	// whitespace, is a block's end (see Splice).
	started, blockFirst, blockLast bool
}

func newCompactWriter(size int) *compactWriter {
	return &compactWriter{out: make([]byte, 0, size), arena: make([]byte, 0, 512), omitSpace: true}
}

// fail marks the page unsupported.
func (w *compactWriter) fail(why string) {
	if w.unsupported == "" {
		w.unsupported = why
	}
}

// start queues a start tag with its attributes.
func (w *compactWriter) start(name string, as ...attr) {
	t, ok := tags[name]
	if !ok {
		w.fail("tag " + name)
		return
	}
	if !w.started {
		w.started, w.blockFirst = true, t&(blockTag|omitPTag) == blockTag|omitPTag
	}
	w.blockLast = name == "hr"
	n := len(w.attrArena)
	w.attrArena = append(w.attrArena, as...)
	w.queue = append(w.queue, token{kind: startTag, name: name, traits: t, attrs: w.attrArena[n:len(w.attrArena):len(w.attrArena)]})
	w.run(false)
}

// end queues an end tag.
func (w *compactWriter) end(name string) {
	t, ok := tags[name]
	if !ok {
		w.fail("tag " + name)
		return
	}
	w.blockLast = t&blockTag != 0
	w.queue = append(w.queue, token{kind: endTag, name: name, traits: t})
	w.run(false)
}

// comment queues a comment, which the minifier drops.
func (w *compactWriter) comment() {
	w.started, w.blockLast = true, false
	w.queue = append(w.queue, token{kind: commentToken})
}

// textToken returns the text token being written, the last one queued:
// the lexer reads text up to the next tag or comment as one token.
func (w *compactWriter) lastText() *token {
	if n := len(w.queue); n > 0 && w.queue[n-1].kind == textToken {
		return &w.queue[n-1]
	}
	w.queue = append(w.queue, token{kind: textToken, start: len(w.arena), end: len(w.arena)})
	return &w.queue[len(w.queue)-1]
}

// text appends HTML text to the text being written.
func (w *compactWriter) text(b []byte) {
	if len(b) == 0 {
		return
	}
	t := w.lastText()
	w.arena = append(w.arena, b...)
	w.wrote(t)
}

func (w *compactWriter) textString(s string) {
	if len(s) == 0 {
		return
	}
	t := w.lastText()
	w.arena = append(w.arena, s...)
	w.wrote(t)
}

// wrote notes that the arena grew by t's new text. A text token with no
// text is dropped: the lexer never makes one, and it would stand between
// tokens that the rules look at together (<code></code>).
func (w *compactWriter) wrote(t *token) {
	if t.start == len(w.arena) {
		w.queue = w.queue[:len(w.queue)-1]
		return
	}
	if !parse.IsAllWhitespace(w.arena[t.end:]) {
		w.started, w.blockLast = true, false
	}
	t.end = len(w.arena)
}

// textSink is a util.BufWriter that appends to the text being written,
// for goldmark's text writers, which escape text as its HTML renderer
// does. Begin with begin and end with done.
type textSink struct {
	w *compactWriter
	t *token
}

func (s *textSink) begin() { s.t = s.w.lastText() }
func (s *textSink) done()  { s.w.wrote(s.t) }

func (s *textSink) Write(p []byte) (int, error) {
	s.w.arena = append(s.w.arena, p...)
	return len(p), nil
}

func (s *textSink) WriteString(p string) (int, error) {
	s.w.arena = append(s.w.arena, p...)
	return len(p), nil
}

func (s *textSink) WriteByte(c byte) error {
	s.w.arena = append(s.w.arena, c)
	return nil
}

func (s *textSink) WriteRune(r rune) (int, error) {
	n := len(s.w.arena)
	s.w.arena = utf8.AppendRune(s.w.arena, r)
	return len(s.w.arena) - n, nil
}

func (s *textSink) Available() int { return 1 << 20 }
func (s *textSink) Buffered() int  { return 0 }
func (s *textSink) Flush() error   { return nil }

// textOf returns the HTML of text token t.
func (w *compactWriter) textOf(t *token) []byte { return w.arena[t.start:t.end] }

// finish writes what is queued as if the input ended, and returns the
// minified HTML.
func (w *compactWriter) finish() []byte {
	w.run(true)
	return w.out
}

// run processes queued tokens while the decisions they need can be made
// from the tokens queued so far, or, at eof, all of them. The last token
// may be text still being written, so it waits unless at eof.
func (w *compactWriter) run(eof bool) {
	i := 0
	for i < len(w.queue) && w.unsupported == "" {
		if !eof && i == len(w.queue)-1 && w.queue[i].kind == textToken {
			break
		}
		n, ok := w.step(w.queue[i:], eof)
		if !ok {
			break
		}
		i += n
	}
	if i > 0 {
		rest := copy(w.queue, w.queue[i:])
		clear(w.queue[rest:])
		w.queue = w.queue[:rest]
		if rest == 0 {
			w.arena, w.attrArena = w.arena[:0], w.attrArena[:0]
		}
	}
}

// lookahead limits, as tdewolff's minifier has them.
const maxPeek = 100

// step processes the first token of q, if the tokens after it decide
// what to write, and returns how many tokens it consumed.
func (w *compactWriter) step(q []token, eof bool) (int, bool) {
	t := &q[0]
	switch t.kind {
	case commentToken:
		return 1, true
	case textToken:
		return w.stepText(q, eof)
	case endTag:
		return w.stepEnd(q, eof)
	default:
		return w.stepStart(q, eof)
	}
}

// peekEnd says whether a token after q[0] is missing for a decision.
func waiting(q []token, i int, eof bool) bool { return i >= len(q) && !eof }

func (w *compactWriter) stepText(q []token, eof bool) (int, bool) {
	t := &q[0]
	if w.inPre {
		w.out = append(w.out, w.textOf(t)...)
		return 1, true
	}
	// A step that must wait is taken again: the replacement is made
	// once, and nothing else changes before the decision.
	if !t.prepared {
		t.data = parse.ReplaceMultipleWhitespaceAndEntities(w.textOf(t), mhtml.EntitiesMap, mhtml.TextRevEntitiesMap)
		t.prepared = true
	}
	data := t.data
	if w.omitSpace && parse.IsWhitespace(data[0]) {
		data = data[1:]
	}
	omit := false
	switch {
	case len(data) == 0:
		omit = true
	case parse.IsWhitespace(data[len(data)-1]):
		omit = true
		for i := 0; ; i++ {
			if maxPeek < i {
				omit = false
				break
			}
			if 1+i >= len(q) {
				if !eof {
					return 0, false
				}
				data = data[:len(data)-1]
				omit = false
				break
			}
			next := &q[1+i]
			if next.kind == textToken && !parse.IsAllWhitespace(w.textOf(next)) {
				break
			}
			if next.kind == startTag || next.kind == endTag {
				if next.traits&blockTag != 0 {
					data = data[:len(data)-1]
					omit = false
					break
				}
				if next.kind == startTag {
					break
				}
			}
		}
	}
	w.omitSpace = omit
	w.out = append(w.out, data...)
	return 1, true
}

// alwaysOmitted are the end tags the minifier always leaves out.
var alwaysOmitted = map[string]bool{
	"thead": true, "tbody": true, "tfoot": true, "tr": true, "th": true, "td": true,
	"option": true, "dd": true, "dt": true, "li": true, "rb": true, "rt": true, "rtc": true, "rp": true,
}

func (w *compactWriter) stepEnd(q []token, eof bool) (int, bool) {
	t := &q[0]
	if t.name == "pre" {
		w.inPre = false
	}
	omit := alwaysOmitted[t.name]
	if t.name == "p" {
		for i := 1; ; i++ {
			if waiting(q, i, eof) {
				return 0, false
			}
			if i >= len(q) {
				omit = true
				break
			}
			next := &q[i]
			if next.kind == textToken && parse.IsAllWhitespace(w.textOf(next)) {
				continue
			}
			omit = next.kind == endTag && next.traits&keepPTag == 0 || next.kind == startTag && next.traits&omitPTag != 0
			break
		}
	}
	if !omit {
		if t.traits&objectTag != 0 {
			w.omitSpace = false
		} else if t.traits&blockTag != 0 {
			w.omitSpace = true
		}
		w.out = append(w.out, "</"...)
		w.out = append(w.out, t.name...)
		w.out = append(w.out, '>')
	}
	return 1, true
}

func (w *compactWriter) stepStart(q []token, eof bool) (int, bool) {
	t := &q[0]
	normal := t.traits == normalTag
	if normal && waiting(q, 1, eof) {
		return 0, false
	}
	if t.name == "pre" {
		w.inPre = true
	}
	if t.traits&objectTag != 0 {
		w.omitSpace = false
	} else if t.traits&blockTag != 0 {
		w.omitSpace = true
	}
	w.out = append(w.out, '<')
	w.out = append(w.out, t.name...)
	for _, a := range t.attrs {
		w.writeAttr(t, a)
	}
	w.out = append(w.out, '>')
	if normal && len(q) > 1 && q[1].kind == endTag && q[1].name == t.name {
		w.omitSpace = false
	}
	return 1, true
}

func (w *compactWriter) writeAttr(t *token, a attr) {
	traits, ok := attrs[a.name]
	if !ok {
		w.fail("attribute " + a.name)
		return
	}
	val := parse.Copy(a.val)
	if traits&trimAttr != 0 {
		val = parse.ReplaceMultipleWhitespaceAndEntities(val, mhtml.EntitiesMap, nil)
		val = parse.TrimWhitespace(val)
	} else {
		val = parse.ReplaceEntities(val, mhtml.EntitiesMap, nil)
	}
	if len(val) == 0 && (a.name == "class" || a.name == "id") {
		return
	}
	if a.name == "type" && (t.name == "a" || t.name == "source") {
		val = minify.Mediatype(val)
	}
	if traits&urlAttr != 0 {
		val = parse.TrimWhitespace(val)
		if 5 < len(val) {
			if parse.EqualFold(val[:4], []byte("http")) {
				if val[4] == ':' {
					parse.ToLower(val[:4])
				} else if (val[4] == 's' || val[4] == 'S') && val[5] == ':' {
					parse.ToLower(val[:5])
				}
			} else if parse.EqualFold(val[:5], []byte("data:")) {
				// The minifier rewrites data: URLs with the
				// minifier of their media type.
				w.fail("data: URL")
				return
			}
		}
	}
	w.out = append(w.out, ' ')
	w.out = append(w.out, a.name...)
	if len(val) > 0 && traits&booleanAttr == 0 {
		w.out = append(w.out, '=')
		w.out = append(w.out, phtml.EscapeAttrVal(&w.attrBuf, val, '"', false)...)
	}
}

// The splice. A layout places a page's body in a block of its own:
// "<div class=prose>\n{{.Content}}\n</div>". The page is rendered with
// BodyMark in the body's place and minified (the layout's part is the
// only part left to minify), and the compact body then takes the place
// of the minified mark. That gives the bytes that minifying the whole
// page gives when:
//
//   - the body starts with the start tag of a block that ends an open
//     paragraph (as the mark's <div> does), so whatever comes before it
//     in the layout is minified alike: a space before it is dropped, a
//     </p> before it is left out;
//   - the body ends with a block's end (or <hr>), and the layout goes on
//     with only whitespace and the end tag of a block that does not keep
//     a </p> (</div>, not </a>), or ends: the body's last </p> is then
//     left out and the whitespace dropped, as at the end of the input,
//     which is what the compact writer assumes;
//   - the mark is minified to exactly its minified form, once: not in
//     <pre> (where its space would stay), nor in a <template> (where its
//     </p> would stay), nor in a script or style.
//
// Splice checks each of these; where one fails, the caller minifies the
// whole page as before.

// BodyMark stands in a layout for a compact body; see Splice.
const BodyMark = `<div data-compact-body><p> </p></div>`

// bodyMarkMinified is BodyMark as the minifier leaves it outside <pre>
// and <template>.
const bodyMarkMinified = `<div data-compact-body><p></div>`

// Blocks reports whether a compact body starts with a block's start tag
// and ends with a block's end, as Splice needs.
func (r *Result) Blocks() bool { return r.Compact && r.blocks }

// MarkPlaced reports whether raw, a layout rendered with BodyMark in the
// place of a body, has the mark once, followed by what Splice needs.
// It is asked before raw is minified, which may change raw in place.
func MarkPlaced(raw []byte) bool {
	at := bytes.Index(raw, []byte(BodyMark))
	return at >= 0 && !bytes.Contains(raw[at+len(BodyMark):], []byte(BodyMark)) && blockEndFollows(raw[at+len(BodyMark):])
}

// Splice returns the minified page: min, the minification of a layout
// rendered with BodyMark in the place of body (for which MarkPlaced
// held), with body, compact and of blocks (Result.Blocks), in the mark's
// place. It reports false when that would not be what minifying the
// page with body gives; see above. It writes into min's array when min
// has the room.
func Splice(min []byte, body string) ([]byte, bool) {
	mat := bytes.Index(min, []byte(bodyMarkMinified))
	if mat < 0 || bytes.Contains(min[mat+len(bodyMarkMinified):], []byte("data-compact-body")) || bytes.Contains(min[:mat], []byte("data-compact-body")) {
		return nil, false
	}
	n := len(min) - len(bodyMarkMinified) + len(body)
	if cap(min) < n {
		out := make([]byte, 0, n)
		out = append(out, min[:mat]...)
		out = append(out, body...)
		return append(out, min[mat+len(bodyMarkMinified):]...), true
	}
	// In place: the caller left room after the minified layout.
	out := min[:n]
	copy(out[mat+len(body):], min[mat+len(bodyMarkMinified):])
	copy(out[mat:], body)
	return out, true
}

// blockEndFollows reports whether rest, what a layout has after the
// body, is whitespace and then the end tag of a block that does not keep
// a </p> before it, or nothing but whitespace.
func blockEndFollows(rest []byte) bool {
	i := 0
	for i < len(rest) && parse.IsWhitespace(rest[i]) {
		i++
	}
	if i == len(rest) {
		return true
	}
	if !bytes.HasPrefix(rest[i:], []byte("</")) {
		return false
	}
	j := i + 2
	for j < len(rest) && (rest[j] >= 'a' && rest[j] <= 'z' || rest[j] >= '0' && rest[j] <= '9') {
		j++
	}
	if j == len(rest) || rest[j] != '>' && !parse.IsWhitespace(rest[j]) {
		return false
	}
	t, ok := tags[string(rest[i+2:j])]
	return ok && t&blockTag != 0 && t&keepPTag == 0
}
