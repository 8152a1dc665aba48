package share

import (
	"bytes"
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
)

// Colors are the colours of a card, taken from the site's (see
// SiteColors).
type Colors struct {
	Background color.RGBA // the whole card: the site's theme colour
	Title      color.RGBA // the title: the text colour on the accent
	Text       color.RGBA // the site's name and the short line
	Rule       color.RGBA // the band along the top edge
}

// String lists the colours in hex, for Key.
func (c Colors) String() string {
	h := func(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }
	return h(c.Background) + " " + h(c.Title) + " " + h(c.Text) + " " + h(c.Rule)
}

// The colours of a site whose stylesheet names none of its own.
var (
	defaultBackground = color.RGBA{0x14, 0x36, 0x5d, 255}
	defaultTitle      = color.RGBA{0xff, 0xff, 0xff, 255}
	defaultRule       = color.RGBA{0xc2, 0x41, 0x0c, 255}
)

// withDefaults fills in colours left zero.
func (c Colors) withDefaults() Colors {
	if c.Background.A == 0 {
		c.Background = defaultBackground
	}
	if c.Title.A == 0 {
		c.Title = defaultTitle
	}
	if c.Text.A == 0 {
		c.Text = blend(c.Background, c.Title, 4, 5)
	}
	if c.Rule.A == 0 {
		c.Rule = defaultRule
	}
	return c
}

// SiteColors makes a card's colours from the site's: the background is
// the theme colour (site.toml's themeColor; the stylesheet's --accent
// without one), the title is in the colour the stylesheet sets on the
// accent (--on-accent), the site's name and the short line in a blend of
// the two, and the band at the top in the focus colour (--focus). The
// stylesheet's custom properties are read from its first :root rule
// outside any @media block, its light scheme. Colours that cannot be
// read fall back to the defaults.
func SiteColors(themeColor string, stylesheet []byte) Colors {
	vars := rootVariables(stylesheet)
	var c Colors
	c.Background, _ = parseHex(themeColor)
	if c.Background.A == 0 {
		c.Background, _ = parseHex(vars["--accent"])
	}
	c.Title, _ = parseHex(vars["--on-accent"])
	c.Rule, _ = parseHex(vars["--focus"])
	return c.withDefaults()
}

// rootVariables returns the custom properties of the first top-level
// :root rule of a stylesheet.
func rootVariables(stylesheet []byte) map[string]string {
	vars := map[string]string{}
	p := css.NewParser(parse.NewInput(bytes.NewReader(stylesheet)), false)
	depth, inRoot, done := 0, false, false
	for {
		gt, _, data := p.Next()
		switch gt {
		case css.ErrorGrammar:
			return vars
		case css.BeginAtRuleGrammar:
			depth++
		case css.EndAtRuleGrammar:
			depth--
		case css.BeginRulesetGrammar:
			var sel strings.Builder
			for _, v := range p.Values() {
				sel.Write(v.Data)
			}
			inRoot = depth == 0 && !done && strings.TrimSpace(sel.String()) == ":root"
		case css.EndRulesetGrammar:
			if inRoot {
				done = true
			}
			inRoot = false
		case css.CustomPropertyGrammar:
			if inRoot {
				var v strings.Builder
				for _, t := range p.Values() {
					v.Write(t.Data)
				}
				vars[string(data)] = strings.TrimSpace(v.String())
			}
		}
	}
}

// parseHex reads a colour written #rgb or #rrggbb.
func parseHex(s string) (color.RGBA, bool) {
	s = strings.TrimSpace(s)
	h, ok := strings.CutPrefix(s, "#")
	if !ok {
		return color.RGBA{}, false
	}
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 {
		return color.RGBA{}, false
	}
	n, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return color.RGBA{}, false
	}
	return color.RGBA{uint8(n >> 16), uint8(n >> 8), uint8(n), 255}, true
}
