package svg

import (
	"strings"

	"cecot/internal/diag"
)

// checkCSS says why a stylesheet, a style attribute or another
// attribute's value cannot be published, or nil if it can. CSS may draw
// the picture but reach no other document: url() must name a part of
// this file ("url(#gradient)"), and nothing may import, load or run
// anything. The text is read as a browser's CSS parser would see it:
// case does not matter, and backslash escapes, which could spell "url"
// or "import" with other characters, are refused outright (no drawing
// program writes them in a picture's styles).
func checkCSS(v string) *diag.Message {
	lower := strings.ToLower(v)
	switch {
	case strings.Contains(lower, "expression("), strings.Contains(lower, "-moz-binding"), strings.Contains(lower, "behavior"):
		return say("css_code", "expression, -moz-binding and behavior run code; remove that style")
	case !strings.ContainsAny(lower, `\@(`):
		return nil // the common case: no function, rule or escape
	case strings.Contains(lower, `\`):
		return say("css_escape", "a backslash escape in styles can hide a reference to another file; write the styles without escapes")
	case strings.Contains(lower, "@import"):
		return say("css_import", "@import loads another stylesheet; put the styles in the picture itself")
	}
	for _, f := range []string{"image-set(", "image(", "cross-fade(", "src("} {
		if strings.Contains(lower, f) {
			return say("css_loads", "%s() loads another file; remove that style", strings.TrimSuffix(f, "("))
		}
	}
	for rest := lower; ; {
		i := strings.Index(rest, "url(")
		if i < 0 {
			return nil
		}
		rest = rest[i+len("url("):]
		arg := strings.TrimLeft(rest, " \t\r\n\f\"'")
		if !strings.HasPrefix(arg, "#") {
			return say("css_url", "url() may only name a part of the picture itself, as url(#id); remove the reference to another file")
		}
	}
}
