package markdown

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// safeSchemes are the URL schemes a link or image of a page may use,
// unless the site allows raw HTML. Everything else, javascript:, vbscript:,
// data: and file: among them, is dropped: an allow-list cannot be fooled
// by a scheme nobody thought of.
var safeSchemes = []string{"http", "https", "mailto", "tel"}

// safeLinkTransformer empties the destination of every link and image
// whose scheme is not one of safeSchemes, and turns such autolinks into
// plain text. goldmark drops the best-known dangerous schemes itself; this
// is the second line of defence, and the one that decides.
type safeLinkTransformer struct{}

func (safeLinkTransformer) Transform(doc *ast.Document, r text.Reader, pc parser.Context) {
	if !stateOf(pc).unsafeLinks {
		return
	}
	src := r.Source()
	var autolinks []*ast.AutoLink
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if !SafeURL(string(n.Destination)) {
				n.Destination = nil
			}
		case *ast.Image:
			if !SafeURL(string(n.Destination)) {
				n.Destination = nil
			}
		case *ast.AutoLink:
			if !SafeURL(string(n.URL(src))) {
				autolinks = append(autolinks, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range autolinks {
		n.Parent().ReplaceChild(n.Parent(), n, ast.NewString(n.Label(src)))
	}
}

// SafeURL reports whether a link to u cannot run script or smuggle in a
// document: it has no scheme (a path or #fragment), or one of http, https,
// mailto and tel. The scheme is read the way browsers read it, after
// HTML entities and Markdown backslash escapes are decoded (goldmark
// decodes those of reference links only when it writes them) and leading
// and trailing control characters and spaces and every tab and newline are
// dropped, so "&#106;ava\tscript:" counts as javascript:.
func SafeURL(u string) bool {
	return safeInBrowser(unescapePunct.Replace(html.UnescapeString(u)))
}

// safeInBrowser is SafeURL for a URL as a browser reads it from an
// attribute, with entities already decoded.
func safeInBrowser(u string) bool {
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	u = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	scheme, _, ok := strings.Cut(u, ":")
	if !ok || !isScheme(scheme) {
		return true // no scheme: relative to the page
	}
	for _, s := range safeSchemes {
		if strings.EqualFold(scheme, s) {
			return true
		}
	}
	return false
}

// isScheme reports whether s is a URL scheme: a letter, then letters,
// digits, "+", "-" or ".". Otherwise the colon belongs to a path.
func isScheme(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case i > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.'):
		default:
			return false
		}
	}
	return true
}

// unescapePunct undoes Markdown's backslash escapes of the characters
// that matter to a scheme.
var unescapePunct = strings.NewReplacer(`\:`, ":", `\\`, `\`, `\&`, "&", `\#`, "#", `\;`, ";")
