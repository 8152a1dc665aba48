package engine

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// ContentSecurityPolicy is the policy of every page: the site loads its
// stylesheet and images from itself and nothing else; no script runs,
// no inline style applies, nothing may frame it or receive a form.
const ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// InlineStylePolicy is the policy of a page that inlines its styles, such
// as the single-file edition: ContentSecurityPolicy, with style-src
// allowing exactly the given inline styles by their hashes
// ("sha256-...") instead of files, and img-src allowing data: URLs, in
// which such a page inlines its icon so as to make no other request.
func InlineStylePolicy(hashes []string) string {
	srcs := make([]string, len(hashes))
	for i, h := range hashes {
		srcs[i] = "'" + h + "'"
	}
	p := strings.Replace(ContentSecurityPolicy, "style-src 'self'", "style-src "+strings.Join(srcs, " "), 1)
	return strings.Replace(p, "img-src 'self'", "img-src 'self' data:", 1)
}

// securityHeaders go with every file.
var securityHeaders = [][2]string{
	{"Content-Security-Policy", ContentSecurityPolicy},
	{"Referrer-Policy", "no-referrer"},
	{"X-Content-Type-Options", "nosniff"},
	{"Permissions-Policy", "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"},
	// Pages change when the site is rebuilt: a short cache keeps them
	// fresh while sparing slow connections repeated downloads.
	{"Cache-Control", "public, max-age=600"},
}

// headers writes _headers, the header rules of Netlify and Cloudflare
// Pages. styles maps each HTML file with inline styles to their hashes.
//
// A path that matches several rules gets the headers of all of them:
// Cloudflare joins two values of one header with a comma, which for two
// Content-Security-Policies means both apply, so a more specific rule
// first removes the general value with "! Name". Netlify skips that
// line, having no such syntax, and uses the last matching rule's value.
func (s *Site) headers(styles map[string][]string) []byte {
	var b bytes.Buffer
	base := s.Config.BasePath()
	b.WriteString("# Written by cmd/site: headers for Netlify and Cloudflare Pages.\n")
	b.WriteString(base + "*\n")
	for _, h := range securityHeaders {
		fmt.Fprintf(&b, "  %s: %s\n", h[0], h[1])
	}
	b.WriteString("\n# Assets have their content's hash in their names: they never change.\n")
	fmt.Fprintf(&b, "%sassets/*\n  ! Cache-Control\n  Cache-Control: public, max-age=31536000, immutable\n", base)
	if s.Config.BaseURL != "" {
		// Hosts guess a type from ".xml" (text/xml or application/xml);
		// feed readers and browsers recognize Atom by its own type.
		b.WriteString("\n# Atom feeds, by their own type.\n")
		for _, lang := range s.Config.Codes() {
			fmt.Fprintf(&b, "%s%s\n  ! Content-Type\n  Content-Type: application/atom+xml; charset=utf-8\n", base, feedName(lang))
		}
	}
	names := slices.Sorted(maps.Keys(styles))
	if len(names) > 0 {
		b.WriteString("\n# Pages with inline styles allow exactly those, by their hashes.\n")
	}
	for _, name := range names {
		policy := InlineStylePolicy(styles[name])
		for _, p := range requestPaths(base + name) {
			fmt.Fprintf(&b, "%s\n  ! Content-Security-Policy\n  Content-Security-Policy: %s\n", p, policy)
		}
	}
	return b.Bytes()
}

// requestPaths are the paths a host may serve a file under: its own,
// its folder's for an index.html, and without ".html" for Cloudflare
// Pages, which redirects "/a.html" to "/a".
func requestPaths(file string) []string {
	dir, base := path.Split(file)
	if base == "index.html" {
		return []string{dir, file}
	}
	if p, ok := strings.CutSuffix(file, ".html"); ok {
		return []string{file, p}
	}
	return []string{file}
}

// inlineStyleHashes returns the Content-Security-Policy hashes
// ("sha256-...") of the text of every <style> element of an HTML file,
// once each. Browsers hash the element's text exactly as it is in the
// file, so this must run on the final, minified bytes.
func inlineStyleHashes(doc []byte) []string {
	// Most pages have no inline style: spare them the tokenizer.
	if !hasStyleTag(doc) {
		return nil
	}
	var (
		hashes  []string
		text    []byte
		inStyle bool
	)
	done := func() {
		if !inStyle {
			return
		}
		if h := StyleHash(text); !slices.Contains(hashes, h) {
			hashes = append(hashes, h)
		}
		inStyle, text = false, nil
	}
	z := html.NewTokenizer(bytes.NewReader(doc))
	for {
		switch z.Next() {
		case html.ErrorToken:
			done()
			return hashes
		case html.StartTagToken:
			done()
			name, _ := z.TagName()
			inStyle = string(name) == "style"
		case html.TextToken:
			if inStyle {
				text = append(text, z.Raw()...)
			}
		case html.EndTagToken:
			done()
		}
	}
}

// hasStyleTag reports whether doc contains "<style" in any ASCII case, as
// HTML tag names are. It looks for the tag's 'y' in either case, which
// pages hold several times fewer of than '<' (2 to 6 times in the real
// and the synthetic sites), and compares the rest only around those.
func hasStyleTag(doc []byte) bool {
	const tag, at = "<style", 3 // tag[at] is the 'y'
	for _, y := range []byte{'y', 'Y'} {
		for i := at; i < len(doc); i++ {
			j := bytes.IndexByte(doc[i:], y)
			if j < 0 {
				break
			}
			i += j
			if doc[i-at] == '<' && i-at+len(tag) <= len(doc) && bytes.EqualFold(doc[i-at:i-at+len(tag)], []byte(tag)) {
				return true
			}
		}
	}
	return false
}

// StyleHash returns the Content-Security-Policy source of an inline
// style's text: "sha256-" and its base64 SHA-256.
func StyleHash(text []byte) string {
	sum := sha256.Sum256(text)
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}
