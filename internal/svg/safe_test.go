package svg

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// denied are names that must never reach a published picture, checked
// apart from the allow-list: a second opinion on Clean's output.
var denied = []string{
	"script", "foreignobject", "handler", "listener", "iframe", "object", "embed",
	"animate", "animatecolor", "animatemotion", "animatetransform", "set", "discard",
}

// checkSafe reports the first thing on the deny side in a published
// picture: it must parse as SVG (strict XML, no entity but XML's own,
// an <svg> root in the SVG namespace), hold no declaration, comment,
// CDATA or processing instruction, no denied element, no event handler,
// no reference but to its own parts, and no CSS that imports or loads.
func checkSafe(data []byte) error {
	for _, s := range []string{"<!", "<?"} {
		if bytes.Contains(data, []byte(s)) {
			return fmt.Errorf("contains %q", s)
		}
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	depth, roots := 0, 0
	var inStyle bool
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("does not parse: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
				if t.Name.Local != "svg" {
					return fmt.Errorf("root is <%s>", t.Name.Local)
				}
			}
			depth++
			if t.Name.Space != svgNS {
				return fmt.Errorf("<%s> in namespace %q", t.Name.Local, t.Name.Space)
			}
			for _, d := range denied {
				if strings.EqualFold(t.Name.Local, d) {
					return fmt.Errorf("has <%s>", t.Name.Local)
				}
			}
			inStyle = t.Name.Local == "style"
			for _, a := range t.Attr {
				if err := checkAttr(a, depth == 1); err != nil {
					return fmt.Errorf("<%s>: %v", t.Name.Local, err)
				}
			}
		case xml.EndElement:
			depth--
			inStyle = false
		case xml.CharData:
			if inStyle {
				if err := checkStyle(string(t)); err != nil {
					return fmt.Errorf("<style>: %v", err)
				}
			}
		case xml.Comment, xml.ProcInst, xml.Directive:
			return fmt.Errorf("has %T", t)
		}
	}
	if roots != 1 {
		return fmt.Errorf("has %d root elements", roots)
	}
	return nil
}

func checkAttr(a xml.Attr, root bool) error {
	name := a.Name.Local
	switch a.Name.Space {
	case "", xlinkNS, xmlNS:
	case "xmlns":
		if !root || name != "xlink" || a.Value != xlinkNS {
			return fmt.Errorf("declares namespace %s=%q", name, a.Value)
		}
		return nil
	default:
		return fmt.Errorf("attribute %s in namespace %q", name, a.Name.Space)
	}
	if a.Name.Space == "" && name == "xmlns" {
		if !root || a.Value != svgNS {
			return fmt.Errorf("declares default namespace %q", a.Value)
		}
		return nil
	}
	if strings.HasPrefix(strings.ToLower(name), "on") {
		return fmt.Errorf("event handler %s", name)
	}
	if strings.EqualFold(name, "href") {
		if !strings.HasPrefix(a.Value, "#") {
			return fmt.Errorf("href %q", a.Value)
		}
		return nil // a fragment of this file, whatever it says
	}
	return checkStyle(a.Value)
}

func checkStyle(v string) error {
	lower := strings.ToLower(v)
	for _, bad := range []string{"@import", `\`, "expression(", "image-set(", "-moz-binding"} {
		if strings.Contains(lower, bad) {
			return fmt.Errorf("%q contains %q", v, bad)
		}
	}
	for rest := lower; ; {
		i := strings.Index(rest, "url(")
		if i < 0 {
			return nil
		}
		rest = rest[i+4:]
		if !strings.HasPrefix(strings.TrimLeft(rest, " \t\r\n\f'\""), "#") {
			return fmt.Errorf("%q has url() to another document", v)
		}
	}
}
