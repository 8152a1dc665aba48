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
// minifier looks ahead at the tokens to come, the writer writes what the
// usual decision gives and takes it back if a later token decides
// otherwise (see compactWriter). Anything that the minifier
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

// compactWriter writes minified HTML from tokens as they come. Where the
// minifier looks ahead at the tokens to come, the writer writes what it
// would write if the decision went the usual way and notes where: a
// space that ends a text, which a block's tag after it takes away
// (pendingSpace), and a </p>, which the next tag may leave out
// (pendingEndP). The next token that decides takes it back out of out
// if need be. Text is kept until the tag after it, since the lexer reads
// text up to the next tag or comment as one token.
type compactWriter struct {
	out []byte
	// textHTML is the HTML of the text token being written, with its
	// entities, not yet minified.
	textHTML    []byte
	omitSpace   bool
	inPre       bool
	unsupported string // why the writer cannot go on, or ""
	attrBuf     []byte
	// pendingSpace is the index in out of the space that ends the last
	// text, while the tokens after it have not decided whether it stays
	// (-1 otherwise), and spaceWait counts those tokens: the minifier
	// looks at no more than maxPeek of them.
	pendingSpace, spaceWait int
	// pendingEndP is the index in out of a </p> that the next token may
	// leave out, or -1.
	pendingEndP int
	// emptyCheck is the name of the normal start tag just written: if
	// its end tag comes next, the element is empty, and a space after
	// it stays.
	emptyCheck string
	// opened is the tag whose attributes are being written, and
	// openedNormal whether it is a normal tag.
	opened       string
	openedNormal bool
	// Whether the first token is a block's start tag before which the
	// minifier drops a </p>, and whether the last one, but for
	// whitespace, is a block's end (see Splice).
	started, blockFirst, blockLast bool
}

// newCompactWriter returns a writer that writes in into's memory, or,
// without, in new memory of size bytes.
func newCompactWriter(into []byte, size int) *compactWriter {
	out := into[:0]
	if cap(out) == 0 {
		out = make([]byte, 0, size)
	}
	return &compactWriter{out: out, textHTML: make([]byte, 0, 512), omitSpace: true, pendingSpace: -1, pendingEndP: -1}
}

// fail marks the page unsupported.
func (w *compactWriter) fail(why string) {
	if w.unsupported == "" {
		w.unsupported = why
	}
}

// tag is a tag the renderer writes, with its traits.
type tag struct {
	name   string
	traits tagTraits
	// endOmitted says that the minifier always leaves its end tag out.
	endOmitted bool
}

// tagOf returns the tag called name, which must be in tags.
func tagOf(name string) tag {
	t, ok := tags[name]
	if !ok {
		panic("markdown: no traits for tag " + name)
	}
	return tag{name: name, traits: t, endOmitted: alwaysOmitted[name]}
}

// The tags the renderer writes, looked up once.
var (
	tagA, tagBlockquote, tagBr, tagCode, tagDel      = tagOf("a"), tagOf("blockquote"), tagOf("br"), tagOf("code"), tagOf("del")
	tagDiv, tagEm, tagFigcaption, tagFigure, tagHr   = tagOf("div"), tagOf("em"), tagOf("figcaption"), tagOf("figure"), tagOf("hr")
	tagImg, tagInput, tagLi, tagOl, tagP, tagPicture = tagOf("img"), tagOf("input"), tagOf("li"), tagOf("ol"), tagOf("p"), tagOf("picture")
	tagPre, tagSource, tagStrong, tagSup, tagTable   = tagOf("pre"), tagOf("source"), tagOf("strong"), tagOf("sup"), tagOf("table")
	tagTbody, tagTd, tagTh, tagThead, tagTr, tagUl   = tagOf("tbody"), tagOf("td"), tagOf("th"), tagOf("thead"), tagOf("tr"), tagOf("ul")
	headings                                         = [...]tag{{}, tagOf("h1"), tagOf("h2"), tagOf("h3"), tagOf("h4"), tagOf("h5"), tagOf("h6")}
)

// start writes a start tag without attributes.
func (w *compactWriter) start(t tag) {
	w.open(t)
	w.close()
}

// open writes the start of a start tag, to be followed by its
// attributes (attr) and close.
func (w *compactWriter) open(t tag) {
	if !w.started {
		w.started, w.blockFirst = true, t.traits&(blockTag|omitPTag) == blockTag|omitPTag
	}
	w.blockLast = t.name == "hr"
	w.flushText()
	w.emptyCheck = ""
	w.decideSpace(t.traits&blockTag != 0, true)
	w.decideEndP(t.traits&omitPTag != 0, true)
	if t.name == "pre" {
		w.inPre = true
	}
	w.tagSpace(t.traits)
	w.out = append(w.out, '<')
	w.out = append(w.out, t.name...)
	w.opened, w.openedNormal = t.name, t.traits == normalTag
}

// close ends the start tag that open began.
func (w *compactWriter) close() {
	w.out = append(w.out, '>')
	if w.openedNormal {
		w.emptyCheck = w.opened
	}
}

// tagSpace sets omitSpace as a tag of traits t does, written.
func (w *compactWriter) tagSpace(t tagTraits) {
	if t&objectTag != 0 {
		w.omitSpace = false
	} else if t&blockTag != 0 {
		w.omitSpace = true
	}
}

// alwaysOmitted are the end tags the minifier always leaves out.
var alwaysOmitted = map[string]bool{
	"thead": true, "tbody": true, "tfoot": true, "tr": true, "th": true, "td": true,
	"option": true, "dd": true, "dt": true, "li": true, "rb": true, "rt": true, "rtc": true, "rp": true,
}

// end writes an end tag.
func (w *compactWriter) end(t tag) {
	w.blockLast = t.traits&blockTag != 0
	w.flushText()
	if w.emptyCheck == t.name {
		w.omitSpace = false
	}
	w.emptyCheck = ""
	block := t.traits&blockTag != 0
	if !w.decideSpace(block, block) {
		w.spaceWaits()
	}
	if w.pendingEndP >= 0 && t.traits&keepPTag == 0 && !block {
		// The minifier leaves the </p> out but keeps the omitSpace
		// of the token before it, which the whitespace between may
		// have needed: never seen in a rendered page.
		w.fail("</p> before </" + t.name + ">")
		return
	}
	w.decideEndP(t.traits&keepPTag == 0, true)
	if t.name == "pre" {
		w.inPre = false
	}
	if t.endOmitted {
		return
	}
	w.tagSpace(t.traits)
	if t.name == "p" {
		w.pendingEndP = len(w.out)
	}
	w.out = append(w.out, "</"...)
	w.out = append(w.out, t.name...)
	w.out = append(w.out, '>')
}

// comment writes a comment, which the minifier drops: it decides a
// pending </p> (which stays), not a pending space.
func (w *compactWriter) comment() {
	w.started, w.blockLast = true, false
	w.flushText()
	w.emptyCheck = ""
	w.spaceWaits()
	w.decideEndP(false, true)
}

// decideSpace settles a pending space if decided, leaving it out if
// block, and reports whether it was decided. A block's tag after it
// takes the space away; text or a start tag keeps it.
func (w *compactWriter) decideSpace(block, decided bool) bool {
	if w.pendingSpace < 0 || !decided {
		return false
	}
	if block {
		w.out = append(w.out[:w.pendingSpace], w.out[w.pendingSpace+1:]...)
	}
	w.pendingSpace = -1
	return true
}

// spaceWaits counts a token that does not decide a pending space.
func (w *compactWriter) spaceWaits() {
	if w.pendingSpace < 0 {
		return
	}
	w.spaceWait++
	if w.spaceWait > maxPeek {
		// The minifier gives up looking and keeps the space, with
		// another omitSpace for the tokens it passed over.
		w.fail("space before more than maxPeek tokens")
	}
}

// decideEndP settles a pending </p> if decided, leaving it out if omit.
func (w *compactWriter) decideEndP(omit, decided bool) {
	if w.pendingEndP < 0 || !decided {
		return
	}
	if omit {
		// Only whitespace, written as nothing, is after it.
		w.out = w.out[:w.pendingEndP]
	}
	w.pendingEndP = -1
}

// text appends HTML text to the text being written.
func (w *compactWriter) text(b []byte) {
	if len(b) == 0 {
		return
	}
	n := len(w.textHTML)
	w.textHTML = append(w.textHTML, b...)
	w.wrote(n)
}

func (w *compactWriter) textString(s string) {
	if len(s) == 0 {
		return
	}
	n := len(w.textHTML)
	w.textHTML = append(w.textHTML, s...)
	w.wrote(n)
}

// wrote notes that the text grew from n.
func (w *compactWriter) wrote(n int) {
	if !parse.IsAllWhitespace(w.textHTML[n:]) {
		w.started, w.blockLast = true, false
	}
}

// textSink is a util.BufWriter that appends to the text being written,
// for goldmark's text writers, which escape text as its HTML renderer
// does. Begin with begin and end with done.
type textSink struct {
	w *compactWriter
	n int
}

func (s *textSink) begin() { s.n = len(s.w.textHTML) }
func (s *textSink) done() {
	if len(s.w.textHTML) > s.n {
		s.w.wrote(s.n)
	}
}

func (s *textSink) Write(p []byte) (int, error) {
	s.w.textHTML = append(s.w.textHTML, p...)
	return len(p), nil
}

func (s *textSink) WriteString(p string) (int, error) {
	s.w.textHTML = append(s.w.textHTML, p...)
	return len(p), nil
}

func (s *textSink) WriteByte(c byte) error {
	s.w.textHTML = append(s.w.textHTML, c)
	return nil
}

func (s *textSink) WriteRune(r rune) (int, error) {
	n := len(s.w.textHTML)
	s.w.textHTML = utf8.AppendRune(s.w.textHTML, r)
	return len(s.w.textHTML) - n, nil
}

func (s *textSink) Available() int { return 1 << 20 }
func (s *textSink) Buffered() int  { return 0 }
func (s *textSink) Flush() error   { return nil }

// finish writes the text being written and settles what is pending as
// at the end of the input, and returns the minified HTML.
func (w *compactWriter) finish() []byte {
	w.flushText()
	w.decideSpace(true, true)
	w.decideEndP(true, true)
	return w.out
}

// textKinds sorts bytes for textUnchanged: 1 for a space and a line
// feed, which tdewolff's text rewrite leaves alone where they stand
// alone, 2 for the bytes it may change wherever they are: the ampersand
// of an entity, and the other white space (tabs and form feeds become
// spaces, carriage returns line feeds).
var textKinds = func() (k [256]uint8) {
	for c := range 256 {
		switch {
		case c == ' ' || c == '\n':
			k[c] = 1
		case c == '&' || parse.IsWhitespace(byte(c)):
			k[c] = 2
		}
	}
	return k
}()

// textUnchanged reports whether parse.ReplaceMultipleWhitespaceAndEntities
// gives text back as it is: when text has no entity, and white space only
// as single spaces and line feeds. Most of a page's text is so, and this
// look is cheaper than the rewrite's.
func textUnchanged(text []byte) bool {
	prev := uint8(0)
	for _, c := range text {
		k := textKinds[c]
		if k == 2 || k&prev != 0 {
			return false
		}
		prev = k
	}
	return true
}

// lookahead limits, as tdewolff's minifier has them.
const maxPeek = 100

// flushText writes the text token being written, now that the token
// after it has come (or the input ended).
func (w *compactWriter) flushText() {
	if len(w.textHTML) == 0 {
		return
	}
	raw := w.textHTML
	w.textHTML = w.textHTML[:0]
	blank := parse.IsAllWhitespace(raw)
	if blank {
		w.spaceWaits()
		// Whitespace after a </p> leaves its fate to the token after.
	} else {
		w.decideSpace(false, true)
		w.decideEndP(false, true)
	}
	w.emptyCheck = ""
	if w.inPre {
		w.out = append(w.out, raw...)
		return
	}
	data := raw
	if !textUnchanged(raw) {
		data = parse.ReplaceMultipleWhitespaceAndEntities(raw, mhtml.EntitiesMap, mhtml.TextRevEntitiesMap)
	}
	if w.omitSpace && parse.IsWhitespace(data[0]) {
		data = data[1:]
	}
	if len(data) == 0 {
		w.omitSpace = true
		return
	}
	w.out = append(w.out, data...)
	if parse.IsWhitespace(data[len(data)-1]) {
		// Written, unless a block's tag comes before any text or
		// start tag.
		w.pendingSpace, w.spaceWait, w.omitSpace = len(w.out)-1, 0, true
		return
	}
	w.omitSpace = false
}

// attrChanges are the bytes that the rewrites of an attribute's value
// below may change in place (entities, whitespace, letters lowered),
// but for the media type of a type attribute: a value without them is
// left as it is, and need not be copied first.
var attrChanges = func() (set [256]bool) {
	for c := range 256 {
		set[c] = c == '&' || parse.IsWhitespace(byte(c)) || c >= 'A' && c <= 'Z'
	}
	return set
}()

// attr writes an attribute of the start tag being written, val as
// written between double quotes.
func (w *compactWriter) attr(name string, val []byte) {
	traits, ok := attrs[name]
	if !ok {
		w.fail("attribute " + name)
		return
	}
	if name == "type" || hasAny(val, &attrChanges) {
		// Rewritten in place below: val may be the page's.
		val = parse.Copy(val)
	}
	if traits&trimAttr != 0 {
		val = parse.ReplaceMultipleWhitespaceAndEntities(val, mhtml.EntitiesMap, nil)
		val = parse.TrimWhitespace(val)
	} else {
		val = parse.ReplaceEntities(val, mhtml.EntitiesMap, nil)
	}
	if len(val) == 0 && (name == "class" || name == "id") {
		return
	}
	if name == "type" && (w.opened == "a" || w.opened == "source") {
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
	w.out = append(w.out, name...)
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
