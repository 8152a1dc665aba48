package engine

import (
	"bufio"
	"bytes"
	"slices"
	"strings"
)

// HeadersFile is the name of the file of header rules a build writes at
// the site's root.
const HeadersFile = headersName

// HeaderRules are the rules of a _headers file as Netlify and Cloudflare
// Pages apply them, so that the preview sends with each file exactly the
// headers a host would, from the one _headers a build writes.
type HeaderRules struct {
	rules []headerBlock
}

type headerBlock struct {
	pattern string // "/*", "/assets/*", "/es/informe.single.html"
	ops     []headerLine
}

// headerLine sets a header, or with detach removes what earlier rules set.
type headerLine struct {
	detach      bool
	name, value string
}

// ParseHeaders reads a _headers file: a line that starts without a space
// is a path pattern, indented "Name: value" lines are its headers, and
// "! Name" removes the header an earlier rule gave (Cloudflare's syntax,
// which headers writes). Comments and blank lines are skipped.
func ParseHeaders(data []byte) HeaderRules {
	var r HeaderRules
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		text := strings.TrimSpace(line)
		switch {
		case text == "" || strings.HasPrefix(text, "#"):
		case line[0] != ' ' && line[0] != '\t':
			r.rules = append(r.rules, headerBlock{pattern: text})
		case len(r.rules) == 0:
		case strings.HasPrefix(text, "!"):
			last := &r.rules[len(r.rules)-1]
			last.ops = append(last.ops, headerLine{detach: true, name: strings.TrimSpace(text[1:])})
		default:
			name, value, ok := strings.Cut(text, ":")
			if ok {
				last := &r.rules[len(r.rules)-1]
				last.ops = append(last.ops, headerLine{name: strings.TrimSpace(name), value: strings.TrimSpace(value)})
			}
		}
	}
	return r
}

// For returns the headers sent with a request for path ("/es/informe/"),
// in order: every rule whose pattern matches applies, in the file's order.
func (r HeaderRules) For(path string) [][2]string {
	var hs [][2]string
	for _, rule := range r.rules {
		if !matchPattern(rule.pattern, path) {
			continue
		}
		for _, op := range rule.ops {
			if op.detach {
				kept := hs[:0]
				for _, h := range hs {
					if !strings.EqualFold(h[0], op.name) {
						kept = append(kept, h)
					}
				}
				hs = kept
				continue
			}
			hs = append(hs, [2]string{op.name, op.value})
		}
	}
	return hs
}

// matchPattern reports whether a _headers path pattern matches path: "*"
// stands for any text, slashes included; the rest must be equal.
func matchPattern(pattern, path string) bool {
	prefix, rest, splat := strings.Cut(pattern, "*")
	if !splat {
		return pattern == path
	}
	if !strings.HasPrefix(path, prefix) {
		return false
	}
	path = path[len(prefix):]
	for i := 0; i <= len(path); i++ {
		if matchPattern(rest, path[i:]) {
			return true
		}
	}
	return false
}

// SecurityHeaders are the headers _headers gives every file of the site,
// for responses that are not a file of it (the preview's own pages).
func SecurityHeaders() [][2]string { return slices.Clone(securityHeaders) }
