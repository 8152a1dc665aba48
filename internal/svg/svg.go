// Package svg makes a contributor's SVG file safe to publish: it reads
// the file with an XML tokenizer and writes a new one holding only what
// the allow-list names (static SVG 1.1 graphics), or refuses the file
// with the reason and the line. A published SVG runs no script, reaches
// no other document and has a size a page can show; what a browser
// would have drawn from the original, it draws from the copy.
//
// It refuses, rather than drops, whatever is active or reaches outside
// the file (scripts, event handlers, animation, foreignObject, links and
// url()s to other files, @import, entity declarations), so that the
// person who added the picture learns of it and the picture never
// changes silently. It drops, without a word, what browsers ignore
// anyway: comments, processing instructions, a DOCTYPE without entity
// declarations, a drawing program's own elements and attributes (other
// namespaces, <metadata>) and unknown names.
//
// The tokenizer is the standard library's encoding/xml in strict mode:
// it is maintained with Go, checks well-formedness, resolves namespace
// prefixes to their URLs (so that names are compared as a browser reads
// them, whatever the prefix), gives CDATA as plain text, knows only
// XML's five entities (so no declared entity is ever expanded) and gives
// the line of each token. Its encoder is not used: the output is written
// here, with fixed prefixes, from the allow-list alone.
package svg

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"cecot/internal/diag"
)

// Error is why a file is refused, at a line of it.
type Error struct {
	Line   int    // 1-based line in the SVG file
	Reason string // "has <script>, which runs code...; remove it"
	// Say is Reason as a catalogue message, for the translator's
	// language; nil where the reason has no message yet.
	Say *diag.Message
}

// Error says the reason with the line.
func (e *Error) Error() string {
	return fmt.Sprintf("cannot be published: line %d %s", e.Line, e.Reason)
}

// Said is the error as a catalogue message (diag.Sayer).
func (e *Error) Said() error {
	return diag.Say("svg_refused_line", e.Error(), "Line", e.Line, "Reason", e.Reasoned())
}

// Reasoned is the reason as a catalogue message: Say, or the English
// Reason, which the catalogue then gives as it is.
func (e *Error) Reasoned() error {
	if e.Say != nil {
		return e.Say
	}
	return diag.Say("svg_reason", e.Reason, "Reason", e.Reason)
}

// Picture is a cleaned SVG file.
type Picture struct {
	Data []byte // the file to publish

	root     []xml.Attr // the <svg> element's attributes, for Size
	rootLine int
}

// Size returns the picture's size in CSS pixels, for a page that shows
// it: its width and height in pixels, or else its viewBox. Every number
// must be finite and the size between 1 and MaxSize pixels.
func (p *Picture) Size() (width, height int, err error) {
	w, h, why := size(p.root)
	if why != nil {
		return 0, 0, &Error{Line: p.rootLine, Reason: why.English, Say: why}
	}
	return w, h, nil
}

// maxDepth bounds the nesting of elements: no drawing is this deep, and
// a browser may give up on a deeper one.
const maxDepth = 500

// Clean reads an SVG file and returns it rebuilt from the allow-list.
// The same input always gives the same output, and
// cleaning the output again changes nothing.
func Clean(data []byte) (*Picture, error) {
	c := &cleaner{dec: xml.NewDecoder(bytes.NewReader(data)), ids: map[string]int{}}
	c.dec.Strict = true
	if err := c.run(); err != nil {
		return nil, err
	}
	if c.root == nil {
		return nil, say("svg_no_root", "is not an SVG file: it has no <svg> element; export it again as SVG")
	}
	if err := c.drawn(); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.Grow(c.body.Len() + 128)
	out.WriteString(`<svg xmlns="` + svgNS + `"`)
	if c.xlink {
		out.WriteString(` xmlns:xlink="` + xlinkNS + `"`)
	}
	out.Write(c.body.Bytes())
	return &Picture{Data: out.Bytes(), root: c.root.Attr, rootLine: c.rootLine}, nil
}

// cleaner is the state of one Clean.
type cleaner struct {
	dec      *xml.Decoder
	body     bytes.Buffer // the output after `<svg xmlns…`
	root     *xml.StartElement
	rootLine int
	// stack holds the names of the open kept elements; skip counts the
	// open elements of a dropped one, whose content is dropped too.
	stack []string
	skip  int
	// open is set while a kept start tag awaits its ">" or "/>".
	open  bool
	xlink bool // an xlink: attribute was written
	// css gathers the text of a kept <style>, checked whole at its end:
	// a comment or CDATA section may split "@import" in two tokens.
	css       strings.Builder
	styleLine int
	// nodes are the kept elements as a tree (path: the open ones), and
	// ids the first with each id: what <use> makes a browser draw.
	nodes []node
	path  []int
	ids   map[string]int
	at    int // the line of the token being read
}

// refuse returns the reason to refuse the file at the current token:
// the catalogue's message id, with args as its values A0, A1, ... (a
// reason among them is said in the reader's language too).
func (c *cleaner) refuse(id, format string, args ...any) error {
	return &Error{Line: c.at, Reason: fmt.Sprintf(format, args...), Say: say(id, format, args...)}
}

// say is the message id for format filled with args, as values A0, A1, ...
func say(id, format string, args ...any) *diag.Message {
	var pairs []any
	for i, a := range args {
		pairs = append(pairs, fmt.Sprintf("A%d", i), a)
	}
	return diag.Say(id, fmt.Sprintf(format, args...), pairs...)
}

func (c *cleaner) run() error {
	for {
		// The position before a token is where it starts: its line.
		c.at, _ = c.dec.InputPos()
		tok, err := c.dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return notWellFormed(err)
		}
		if err := c.token(tok); err != nil {
			return err
		}
	}
}

func notWellFormed(err error) error {
	if strings.Contains(err.Error(), "CharsetReader") {
		return say("svg_not_utf8", "is not saved as UTF-8; export it again as UTF-8")
	}
	// The XML reader's words stay: they say what is broken, and where.
	return say("svg_not_well_formed", "is not a well-formed SVG file: %v; export it again", err.Error())
}

func (c *cleaner) token(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.StartElement:
		return c.start(t)
	case xml.EndElement:
		return c.end()
	case xml.CharData:
		return c.text(t)
	case xml.Directive:
		return c.directive(t)
	case xml.ProcInst:
		return c.procInst(t)
	}
	// Comments are dropped.
	return nil
}

// start handles an element's start tag: it refuses the file, drops the
// element with its content, or writes it with its allowed attributes.
func (c *cleaner) start(e xml.StartElement) error {
	if len(c.stack)+c.skip >= maxDepth {
		return c.refuse("svg_deep", "nests elements more than %d deep; simplify the drawing and export it again", maxDepth)
	}
	if c.skip > 0 {
		c.skip++
		return nil
	}
	lower := strings.ToLower(e.Name.Local)
	if why, ok := refused[lower]; ok {
		return c.refuse("svg_element", "has <%s>: %s; remove it and export the picture again", e.Name.Local, whySays(why))
	}
	inSVG := e.Name.Space == svgNS || e.Name.Space == ""
	switch {
	case c.root == nil && (!inSVG || e.Name.Local != "svg"):
		return say("svg_first_not_svg", "is not an SVG file: its first element is not <svg>; export it again as SVG")
	case e.Name.Space == xhtmlNS:
		return c.refuse("svg_html", "has HTML (<%s>) inside the picture; remove it and export the picture again", e.Name.Local)
	case c.root != nil && len(c.stack) == 0:
		return c.refuse("svg_second_root", "has a second top-level element <%s> after </svg>, which browsers refuse to show; export it again", e.Name.Local)
	case !inSVG || !elements[e.Name.Local] || c.inStyle():
		// A drawing program's own element, one no browser draws, or
		// an element inside a stylesheet.
		c.skip = 1
		return nil
	}
	attrs, err := c.attributes(e)
	if err != nil {
		return err
	}
	c.close()
	if c.root == nil {
		root := e.Copy()
		c.root, c.rootLine = &root, c.at
	} else {
		c.body.WriteByte('<')
		c.body.WriteString(e.Name.Local)
	}
	c.body.Write(attrs)
	c.open = true
	c.stack = append(c.stack, e.Name.Local)
	c.record(e.Name.Local, e.Attr)
	if e.Name.Local == "style" {
		c.styleLine = c.at
	}
	return nil
}

// close ends a start tag that awaits its ">".
func (c *cleaner) close() {
	if c.open {
		c.body.WriteByte('>')
		c.open = false
	}
}

// inStyle reports whether the innermost open element is a kept <style>.
func (c *cleaner) inStyle() bool {
	return len(c.stack) > 0 && c.stack[len(c.stack)-1] == "style"
}

// end handles an end tag.
func (c *cleaner) end() error {
	if c.skip > 0 {
		c.skip--
		return nil
	}
	if c.inStyle() && c.css.Len() > 0 {
		css := c.css.String()
		c.css.Reset()
		if why := checkCSS(css); why != nil {
			m := say("svg_style", "has a <style> element: %s", why)
			return &Error{Line: c.styleLine, Reason: m.English, Say: m}
		}
		c.close()
		escape(&c.body, css, false)
	}
	name := c.stack[len(c.stack)-1]
	c.stack = c.stack[:len(c.stack)-1]
	c.path = c.path[:len(c.path)-1]
	if c.open {
		c.body.WriteString("/>")
		c.open = false
		return nil
	}
	c.body.WriteString("</")
	c.body.WriteString(name)
	c.body.WriteByte('>')
	return nil
}

// attributes returns the allowed attributes of a kept element, written
// out, or refuses the file for one of them.
func (c *cleaner) attributes(e xml.StartElement) ([]byte, error) {
	var b bytes.Buffer
	seen := map[string]bool{}
	for _, a := range e.Attr {
		if isHandler(a.Name.Local) {
			return nil, c.refuse("svg_handler", "has the event handler %s= on <%s>: it runs code in the reader's browser; remove it", a.Name.Local, e.Name.Local)
		}
		var name string
		switch {
		case a.Name.Space == "" && attributes[a.Name.Local]:
			name = a.Name.Local
		case a.Name.Space == xlinkNS && xlinkAttributes[a.Name.Local]:
			name = "xlink:" + a.Name.Local
		case a.Name.Space == xmlNS && xmlAttributes[a.Name.Local]:
			name = "xml:" + a.Name.Local
		default:
			// Namespace declarations (written again by Clean), a
			// drawing program's attributes, unknown names.
			continue
		}
		if seen[name] {
			return nil, c.refuse("svg_attr_twice", "has the attribute %s twice on <%s>, which browsers refuse to show; export it again", name, e.Name.Local)
		}
		seen[name] = true
		v := a.Value
		if a.Name.Local == "href" {
			ref, err := c.reference(v, e.Name.Local)
			if err != nil {
				return nil, err
			}
			v = ref
		} else if why := checkCSS(v); why != nil {
			return nil, c.refuse("svg_attr_css", "has %s=%s on <%s>: %s", name, quote(v), e.Name.Local, why)
		}
		if a.Name.Space == xlinkNS {
			c.xlink = true
		}
		b.WriteByte(' ')
		b.WriteString(name)
		b.WriteString(`="`)
		escape(&b, v, true)
		b.WriteByte('"')
	}
	return b.Bytes(), nil
}

// reference checks an href: only a fragment of this file ("#shape") is
// published. It returns the value without the spaces a browser ignores.
func (c *cleaner) reference(v, elem string) (string, error) {
	ref := strings.TrimSpace(v)
	if strings.HasPrefix(ref, "#") {
		return ref, nil
	}
	lower := strings.ToLower(strings.Join(strings.Fields(ref), ""))
	switch {
	case strings.HasPrefix(lower, "javascript:"), strings.HasPrefix(lower, "vbscript:"):
		return "", c.refuse("svg_link_code", "has a link on <%s> that runs code (%s); remove the link", elem, quote(v))
	case strings.HasPrefix(lower, "data:"):
		return "", c.refuse("svg_data_url", "has a file inside <%s> as a data: URL; remove it, and save that image as its own file beside the page to show it from the Markdown", elem)
	}
	return "", c.refuse("svg_ref_outside", "has <%s> refer to %s, outside the picture; a published picture may only refer to its own parts (\"#id\"): remove the reference, or put what it shows in the picture itself", elem, quote(v))
}

// text handles character data: CDATA sections arrive as text too, and
// are written escaped.
func (c *cleaner) text(t xml.CharData) error {
	if c.skip > 0 || len(c.stack) == 0 || len(t) == 0 {
		return nil // an empty CDATA section is no text
	}
	if c.inStyle() {
		c.css.Write(t)
		return nil
	}
	c.close()
	escape(&c.body, string(t), false)
	return nil
}

// directive handles <!DOCTYPE ...>: dropped, unless it declares
// entities or attributes, which a browser would apply to the picture.
func (c *cleaner) directive(d xml.Directive) error {
	if bytes.ContainsRune(d, '[') {
		return c.refuse("svg_doctype", "declares entities or attributes in its DOCTYPE (<!DOCTYPE … [ … ]>), which this site does not read; export the picture again as plain SVG")
	}
	return nil
}

// procInst handles <?...?>: the XML declaration and other instructions
// are dropped; a stylesheet of another file is refused.
func (c *cleaner) procInst(p xml.ProcInst) error {
	if strings.EqualFold(p.Target, "xml-stylesheet") {
		return c.refuse("svg_xml_stylesheet", "loads a stylesheet from another file (<?xml-stylesheet?>); put the styles in the picture itself or remove the line")
	}
	return nil
}

// escape writes s as XML text or, if attr, as an attribute value in
// double quotes. Tabs and line breaks in an attribute are written as
// references, which keeps them through a parser's normalization.
func escape(b *bytes.Buffer, s string, attr bool) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '"':
			if !attr {
				continue
			}
			rep = "&quot;"
		case '\t':
			if !attr {
				continue
			}
			rep = "&#9;"
		case '\n':
			if !attr {
				continue
			}
			rep = "&#10;"
		case '\r':
			rep = "&#13;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// quote quotes a value for a message, shortened.
func quote(v string) string {
	if r := []rune(v); len(r) > 60 {
		v = string(r[:57]) + "..."
	}
	return fmt.Sprintf("%q", v)
}
