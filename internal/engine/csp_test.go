package engine

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestContentSecurityPolicy reads _headers as Netlify and as Cloudflare
// Pages apply it, and checks every published page against the policies
// it gets: no script at all, no style attribute, no inline style whose
// hash the policy does not name, and stylesheets, images and fonts only
// from the site itself.
func TestContentSecurityPolicy(t *testing.T) {
	for _, baseURL := range []string{"https://example.org/cecot-report/", ""} {
		t.Run("base URL "+baseURL, func(t *testing.T) {
			out := buildProject(t, Options{BaseURL: baseURL}, func(src string) {
				if baseURL == "" {
					removeBaseURL(t, src)
				}
			})
			base := "/"
			if baseURL != "" {
				base = mustParse(t, baseURL).Path
			}
			data, err := os.ReadFile(filepath.Join(out, "_headers"))
			if err != nil {
				t.Fatal(err)
			}
			rules := parseHeaderRules(t, string(data))
			for _, r := range rules {
				if !strings.HasPrefix(r.pattern, base) {
					t.Errorf("_headers: rule %s is outside the base path %s", r.pattern, base)
				}
			}
			pages, inline := 0, 0
			for _, f := range publicFiles(t, out) {
				if path.Ext(f) != ".html" {
					continue
				}
				doc, err := os.ReadFile(filepath.Join(out, f))
				if err != nil {
					t.Fatal(err)
				}
				els := parseHTML(doc)
				for _, p := range requestPaths(pageURL(base, f)) {
					for host, headers := range map[string]map[string][]string{
						"netlify":    netlifyHeaders(rules, p),
						"cloudflare": cloudflareHeaders(rules, p),
					} {
						policies := headers["Content-Security-Policy"]
						if len(policies) == 0 {
							t.Errorf("%s on %s: no Content-Security-Policy", p, host)
						}
						for _, pol := range policies {
							for _, v := range parsePolicy(pol).violations(els, out, f) {
								t.Errorf("%s on %s: %s", p, host, v)
							}
						}
						checkSecurityHeaders(t, p+" on "+host, headers)
					}
				}
				pages++
				for _, el := range els {
					if el.tag == "style" {
						inline++
					}
				}
			}
			if pages < 13 || inline < 2 {
				t.Errorf("checked %d pages with %d inline styles; want the whole site and its single-file editions", pages, inline)
			}
			for _, host := range []string{"netlify", "cloudflare"} {
				asset := base + "assets/css/site.css"
				h := netlifyHeaders(rules, asset)
				if host == "cloudflare" {
					h = cloudflareHeaders(rules, asset)
				}
				if got := h["Cache-Control"]; !slices.Equal(got, []string{"public, max-age=31536000, immutable"}) {
					t.Errorf("%s on %s: Cache-Control %q, want long and immutable", asset, host, got)
				}
			}
			for _, lang := range []string{"en", "es"} {
				feed := base + lang + "/feed.xml"
				_, err := os.Stat(filepath.Join(out, lang, "feed.xml"))
				if baseURL == "" {
					// No base URL, no absolute links: no feed, and no rule for one.
					if err == nil || strings.Contains(string(data), "feed.xml") {
						t.Errorf("%s: a feed or its rule without a base URL", feed)
					}
					continue
				}
				if err != nil {
					t.Fatal(err)
				}
				for host, h := range map[string]map[string][]string{
					"netlify":    netlifyHeaders(rules, feed),
					"cloudflare": cloudflareHeaders(rules, feed),
				} {
					if got := h["Content-Type"]; !slices.Equal(got, []string{"application/atom+xml; charset=utf-8"}) {
						t.Errorf("%s on %s: Content-Type %q, want Atom's", feed, host, got)
					}
				}
			}
		})
	}
}

// checkSecurityHeaders checks the headers every page must have.
func checkSecurityHeaders(t *testing.T, where string, h map[string][]string) {
	t.Helper()
	want := map[string]string{
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy":        "no-referrer",
		"Cache-Control":          "public, max-age=600",
	}
	for name, v := range want {
		if !slices.Equal(h[name], []string{v}) {
			t.Errorf("%s: %s %q, want %q", where, name, h[name], v)
		}
	}
	if pp := h["Permissions-Policy"]; len(pp) != 1 || !strings.Contains(pp[0], "camera=()") {
		t.Errorf("%s: Permissions-Policy %q", where, pp)
	}
}

// headerRule is one block of _headers.
type headerRule struct {
	pattern string
	set     [][2]string
	unset   []string
}

func parseHeaderRules(t *testing.T, text string) []headerRule {
	t.Helper()
	var rules []headerRule
	for i, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "\t"):
			rules = append(rules, headerRule{pattern: trimmed})
		case len(rules) == 0:
			t.Fatalf("_headers:%d: header before any path", i+1)
		case strings.HasPrefix(trimmed, "!"):
			r := &rules[len(rules)-1]
			r.unset = append(r.unset, strings.TrimSpace(trimmed[1:]))
		default:
			name, value, ok := strings.Cut(trimmed, ":")
			if !ok {
				t.Fatalf("_headers:%d: %q is not Name: value", i+1, trimmed)
			}
			r := &rules[len(rules)-1]
			r.set = append(r.set, [2]string{strings.TrimSpace(name), strings.TrimSpace(value)})
		}
	}
	return rules
}

// matches reports whether a _headers path pattern matches a request
// path: "*" matches anything, ":name" one segment.
func (r headerRule) matches(p string) bool {
	var re strings.Builder
	re.WriteString("^")
	for i, seg := range strings.Split(r.pattern, "/") {
		if i > 0 {
			re.WriteString("/")
		}
		if strings.HasPrefix(seg, ":") {
			re.WriteString("[^/]+")
			continue
		}
		re.WriteString(strings.ReplaceAll(regexp.QuoteMeta(seg), `\*`, ".*"))
	}
	re.WriteString("$")
	return regexp.MustCompile(re.String()).MatchString(p)
}

// netlifyHeaders applies rules as Netlify does: of the rules that match,
// the last one's value of a header wins; it has no "!" lines.
func netlifyHeaders(rules []headerRule, p string) map[string][]string {
	h := map[string][]string{}
	for _, r := range rules {
		if !r.matches(p) {
			continue
		}
		own := map[string][]string{}
		for _, kv := range r.set {
			own[kv[0]] = append(own[kv[0]], kv[1])
		}
		for k, v := range own {
			h[k] = v
		}
	}
	return h
}

// cloudflareHeaders applies rules as Cloudflare Pages does: every
// matching rule adds its values, in order, and "! Name" first removes
// what earlier rules set.
func cloudflareHeaders(rules []headerRule, p string) map[string][]string {
	h := map[string][]string{}
	for _, r := range rules {
		if !r.matches(p) {
			continue
		}
		for _, name := range r.unset {
			delete(h, name)
		}
		for _, kv := range r.set {
			h[kv[0]] = append(h[kv[0]], kv[1])
		}
	}
	return h
}

// policy is a parsed Content-Security-Policy: directive → sources.
type policy map[string][]string

func parsePolicy(s string) policy {
	p := policy{}
	for _, d := range strings.Split(s, ";") {
		f := strings.Fields(d)
		if len(f) > 0 {
			p[strings.ToLower(f[0])] = f[1:]
		}
	}
	return p
}

// sources returns the sources of directive, or of the first directive
// it falls back to, as CSP Level 3 defines for the ones the site could
// need. ok is false when none is set: then anything goes.
func (p policy) sources(directive string) (srcs []string, ok bool) {
	fallbacks := map[string][]string{
		"style-src-elem": {"style-src", "default-src"},
		"style-src-attr": {"style-src", "default-src"},
		"script-src":     {"default-src"},
		"img-src":        {"default-src"},
		"font-src":       {"default-src"},
		"style-src":      {"default-src"},
		"frame-src":      {"child-src", "default-src"},
		"object-src":     {"default-src"},
		"media-src":      {"default-src"},
		"manifest-src":   {"default-src"},
		"form-action":    nil,
		"base-uri":       nil,
	}
	for _, d := range append([]string{directive}, fallbacks[directive]...) {
		if s, ok := p[d]; ok {
			return s, true
		}
	}
	return nil, false
}

// allowsSelf reports whether directive allows a same-origin URL.
func (p policy) allowsSelf(directive string) bool {
	srcs, ok := p.sources(directive)
	return !ok || slices.Contains(srcs, "'self'")
}

// allowsInline reports whether directive allows inline text, by its hash
// or by 'unsafe-inline' (which browsers ignore when a hash is listed).
func (p policy) allowsInline(directive, text string) bool {
	srcs, ok := p.sources(directive)
	if !ok {
		return true
	}
	sum := sha256.Sum256([]byte(text))
	if slices.Contains(srcs, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'") {
		return true
	}
	hashed := slices.ContainsFunc(srcs, func(s string) bool { return strings.HasPrefix(s, "'sha") })
	return slices.Contains(srcs, "'unsafe-inline'") && !hashed
}

// violations lists what a page, published as file under out, does that
// the policy blocks.
func (p policy) violations(els []element, out, file string) []string {
	var vs []string
	bad := func(format string, args ...any) { vs = append(vs, fmt.Sprintf(format, args...)) }
	sameOrigin := func(ref string) bool {
		u, err := url.Parse(ref)
		return err == nil && !u.IsAbs() && !strings.HasPrefix(ref, "//")
	}
	fetch := func(directive, ref, what string) {
		if strings.HasPrefix(ref, "data:") {
			if srcs, ok := p.sources(directive); ok && !slices.Contains(srcs, "data:") {
				bad("%s %.40s...: %s does not allow data:", what, ref, directive)
			}
			return
		}
		if !sameOrigin(ref) {
			bad("%s %s is not from the site", what, ref)
		} else if !p.allowsSelf(directive) {
			bad("%s %s: %s does not allow 'self'", what, ref, directive)
		}
	}
	for _, el := range els {
		for name, v := range el.attrs {
			switch {
			case strings.HasPrefix(name, "on"):
				bad("<%s %s>: inline event handler", el.tag, name)
			case name == "style" && !p.allowsInline("style-src-attr", v):
				bad("<%s style=%q>: style attribute", el.tag, v)
			case (name == "href" || name == "src") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(v)), "javascript:"):
				bad("<%s %s=%q>: javascript: URL", el.tag, name, v)
			}
		}
		rel := strings.Fields(strings.ToLower(el.attrs["rel"]))
		switch el.tag {
		case "script":
			if dataBlock(el) {
				// Not script: a browser neither runs nor fetches it,
				// so the policy does not apply. It must hold JSON.
				if !json.Valid([]byte(el.text)) {
					bad("<script type=%q> holds no valid JSON", el.attrs["type"])
				}
				continue
			}
			if src, ok := el.attrs["src"]; ok {
				fetch("script-src", src, "script")
			} else if !p.allowsInline("script-src", el.text) {
				bad("inline <script>")
			}
		case "style":
			if !p.allowsInline("style-src-elem", el.text) {
				bad("inline <style> whose hash the policy does not name")
			}
		case "link":
			switch {
			case slices.Contains(rel, "stylesheet"):
				fetch("style-src", el.attrs["href"], "stylesheet")
				vs = append(vs, p.stylesheetViolations(out, file, el.attrs["href"])...)
			case slices.Contains(rel, "icon"):
				fetch("img-src", el.attrs["href"], "icon")
			case slices.Contains(rel, "manifest"):
				fetch("manifest-src", el.attrs["href"], "manifest")
			case slices.Contains(rel, "preload"), slices.Contains(rel, "modulepreload"):
				bad("<link rel=%s>: preloads are not checked; add them to this test", el.attrs["rel"])
			}
		case "img", "source":
			if src, ok := el.attrs["src"]; ok {
				fetch("img-src", src, "image")
			}
		case "iframe", "frame":
			fetch("frame-src", el.attrs["src"], "frame")
		case "object", "embed":
			bad("<%s>: plugins are blocked", el.tag)
		case "audio", "video", "track":
			fetch("media-src", el.attrs["src"], "media")
		case "form":
			if srcs, _ := p.sources("form-action"); slices.Contains(srcs, "'none'") {
				bad("<form>: form-action 'none'")
			}
		case "base":
			if srcs, _ := p.sources("base-uri"); slices.Contains(srcs, "'none'") {
				bad("<base>: base-uri 'none'")
			}
		}
	}
	return vs
}

var (
	cssURLRE    = regexp.MustCompile(`url\(\s*['"]?([^'")]*)`)
	cssImportRE = regexp.MustCompile(`@import\s+['"]([^'"]+)`)
)

// stylesheetViolations checks what a published stylesheet loads:
// images and fonts from the site only, if the policy allows them.
func (p policy) stylesheetViolations(out, file, href string) []string {
	if strings.HasPrefix(href, "/") {
		return nil // served from the base path; the crawl test checks it exists
	}
	css, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(path.Join(path.Dir(file), href))))
	if err != nil {
		return []string{fmt.Sprintf("stylesheet %s: %v", href, err)}
	}
	var vs []string
	directive := "img-src"
	if strings.Contains(string(css), "@font-face") {
		directive = "font-src"
	}
	for _, m := range cssURLRE.FindAllStringSubmatch(string(css), -1) {
		if strings.HasPrefix(m[1], "data:") || strings.Contains(m[1], "//") || !p.allowsSelf(directive) {
			vs = append(vs, fmt.Sprintf("stylesheet %s loads %s, which %s does not allow", href, m[1], directive))
		}
	}
	for _, m := range cssImportRE.FindAllStringSubmatch(string(css), -1) {
		vs = append(vs, fmt.Sprintf("stylesheet %s imports %s", href, m[1]))
	}
	return vs
}

// TestPolicyViolations makes sure the checker above finds what a strict
// policy blocks.
func TestPolicyViolations(t *testing.T) {
	strict := parsePolicy(ContentSecurityPolicy)
	hashed := parsePolicy(InlineStylePolicy([]string{StyleHash([]byte("p{}"))}))
	tests := []struct {
		name string
		p    policy
		doc  string
		want int
	}{
		{"clean page", strict, `<link rel=stylesheet href=/a.css><link rel=icon href=a.svg><img src=b.png><a href=x>x</a>`, 0},
		{"inline script", strict, `<script>alert(1)</script>`, 1},
		{"script file", strict, `<script src=a.js></script>`, 1},
		{"JSON-LD data block", strict, `<script type="application/ld+json">{"@type":"WebPage"}</script>`, 0},
		{"JSON-LD that is not JSON", strict, `<script type=application/ld+json>alert(1)</script>`, 1},
		{"script of another type", strict, `<script type=module>alert(1)</script>`, 1},
		{"JSON-LD file", strict, `<script type=application/ld+json src=a.js></script>`, 1},
		{"event handler", strict, `<p onclick="x()">`, 1},
		{"style attribute", strict, `<p style="color:red">`, 1},
		{"inline style", strict, `<style>p{}</style>`, 1},
		{"inline style with its hash", hashed, `<style>p{}</style>`, 0},
		{"other inline style", hashed, `<style>a{}</style>`, 1},
		{"hashed policy allows no stylesheet file", hashed, `<link rel=stylesheet href=/a.css>`, 1},
		{"image from elsewhere", strict, `<img src=https://cdn.example/a.png>`, 1},
		{"frame", strict, `<iframe src=a.html></iframe>`, 1},
		{"form", strict, `<form action=x></form>`, 1},
		{"javascript URL", strict, `<a href="javascript:x()">x</a>`, 1},
		{"base", strict, `<base href=/x/>`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.violations(parseHTML([]byte(tt.doc)), t.TempDir(), "x.html"); len(got) != tt.want {
				t.Errorf("%d violations, want %d: %q", len(got), tt.want, got)
			}
		})
	}
}

// dataBlock reports whether a script element is a data block, which
// HTML does not run: only JSON-LD, the one kind the site writes, counts;
// any other type is taken for script, to be safe.
func dataBlock(el element) bool {
	_, hasSrc := el.attrs["src"]
	return !hasSrc && strings.EqualFold(strings.TrimSpace(el.attrs["type"]), "application/ld+json")
}
