package render

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/parse/v2/buffer"

	"cecot/internal/markdown"
)

// testMinify minifies HTML as the site does (engine's minifier, which
// render cannot import).
func testMinify() Minify {
	m := minify.New()
	m.Add("text/html", markdown.HTMLMinifier())
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	return func(dst, html []byte) ([]byte, error) {
		in := append(make([]byte, 0, len(html)+1), html...)
		w := buffer.NewWriter(dst)
		if err := m.Minify("text/html", w, buffer.NewReader(in)); err != nil {
			return nil, err
		}
		return w.Bytes(), nil
	}
}

// fragmentCase is a layout, prefix + fragment + suffix, whose fragment
// has holes: {L} a link, {C} aria-current.
type fragmentCase struct{ prefix, fragment, suffix string }

var fragmentCases = []fragmentCase{
	// The synthetic theme's section navigation.
	{"<div class=\"wrap\">", "\n<nav class=\"section\" aria-label=\"In this section\">\n<h2><a href=\"{L}\">Part 1</a></h2>\n<ul>\n<li><a href=\"{L}\"{C}>One</a></li>\n<li><a href=\"{L}\"{C}>Two</a></li>\n</ul>\n</nav>", "\n<main id=\"main\">\n<p>x</p>\n</main>\n</div>"},
	// The real layouts' menu and footer links.
	{"<header class=\"site-header\"><div class=\"wrap bar\"><a class=\"brand\" href=\"../\">Site</a></div>", "\n<nav class=\"wrap menu\" aria-label=\"Main menu\">\n<ul>\n<li><a href=\"{L}\"{C}>About</a></li>\n</ul>\n</nav>", "\n</header>"},
	{"<footer><div class=\"wrap\"><p>Note", "\n<ul class=\"footer-links\">\n<li><a href=\"{L}\">About</a></li>\n</ul>", "\n<p class=\"print-only\">x</p></div></footer>"},
	// Contexts where the mark is not minified as a tag: the page is
	// minified whole.
	{"<pre>", "\n<nav><a href=\"{L}\">x</a></nav>", "\n</pre>"},
	{"<template><p>a", "<nav><a href=\"{L}\">x</a></nav>", "</template>"},
	{"<!--", "<nav><a href=\"{L}\">x</a></nav>", "-->"},
	{"<script>var a = '", "<nav><a href=\"{L}\">x</a></nav>", "';</script>"},
	{"<a title=\"", "<nav><a href=\"{L}\">x</a></nav>", "\">y</a>"},
	// Fragments that are not bounded by blocks.
	{"<p>text ", "<span><a href=\"{L}\">x</a></span>", " more</p>"},
	{"<p>text ", "<nav><a href=\"{L}\">x</a></nav> tail", " more</p>"},
	{"<ul>", "<li><a href=\"{L}\">x</a></li>", "</ul>"},
	{"<div>", "<div><pre>", " x </pre></div>"},
	{"<div><p>open", "\n<div>\n<p>in <a href=\"{L}\"{C}>x</a>\n</div>\n", " \n<p>after</div>"},
	// Runs of <meta> and <link> tags: the real layouts' asset links in
	// the head, and the contexts around a run.
	{"<!doctype html>\n<html lang=\"en\">\n<head>\n<title>T</title>\n<link rel=\"canonical\" href=\"x\">", "\n<link rel=\"stylesheet\" href=\"{L}\" integrity=\"sha384-a&#43;b\">\n<meta name=\"color-scheme\" content=\"light dark\">\n<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{L}\" title=\"A: b\">\n", "<meta property=\"og:type\" content=\"article\">\n</head>"},
	{"<p>text ", "<link href=\"{L}\"> ", "more</p>"},
	{"<span>a", "\n<link href=\"{L}\">\n<meta name=a content=b>\n", "</span>"},
	{"<template><p>a", "\n<link href=\"{L}\">\n<meta name=a content=b>\n", "</template>"},
	{"<head>", "<link href=\"{L}\"> ", "</link></head>"},
	// Runs that are not spliced: where the minifier keeps spaces, with
	// no whitespace after, and with text or end tags in them.
	{"<span>a", "<link href=\"{L}\">\n<meta name=a content=b>\n", "</span>"},
	{"<pre>", "\n<link href=\"{L}\">\n<meta name=a content=b>\n", "</pre>"},
	{"<head>", "<link href=\"{L}\">", "</link></head>"},
	{"<head>", "<link href=\"{L}\"> x <meta name=a content=b>\n", "</head>"},
	{"<head>", "<link href=\"{L}\"></link>\n", "</head>"},
	{"<head>", "<link href=\"{L}\"><title>x</title>\n", "</head>"},
	// Holes the minifier does not write as the marker's place says.
	{"<div>", "<nav><a href=\"{L}#x\">x</a></nav>", "</div>"},
	{"<div>", "<nav><a title=\"{L}\">x</a></nav>", "</div>"},
	{"<div>", "<nav><a{C}>x</a></nav>", "</div>"},
	{"<div>", "<nav><p>{L}</p></nav>", "</div>"},
}

// linkValues are the links a {L} hole may get; the first are plain, the
// others not, and refuse the fragment.
var linkValues = []string{"./", "../page-2/", "../../es/sec/#top", "https://example.org/", "a b", "data:x,y", "x&amp;y", ""}

// TestFragmentSpliceEqualsWhole checks that a page minified with a
// fragment's mark, with the fragment minified once and spliced in, is the
// page minified whole, for every case and fill, or that the splice is
// refused.
func TestFragmentSpliceEqualsWhole(t *testing.T) {
	spliced := 0
	for _, c := range fragmentCases {
		for li := range linkValues {
			for _, current := range []bool{false, true} {
				if checkFragmentSplice(t, c, linkValues[li], linkValues[(li+1)%len(linkValues)], current) {
					spliced++
				}
			}
		}
	}
	t.Logf("%d of %d spliced", spliced, len(fragmentCases)*len(linkValues)*2)
	if spliced == 0 {
		t.Error("no case was spliced")
	}
}

// TestTagRunSpliced checks that runs of tags are spliced where they can
// be, and not where the minifier would keep a space in them or read
// past them.
func TestTagRunSpliced(t *testing.T) {
	for i, c := range fragmentCases {
		if !strings.Contains(c.fragment, "<link") {
			continue
		}
		want := i < 5+slices.IndexFunc(fragmentCases, func(c fragmentCase) bool { return strings.Contains(c.fragment, "<link") })
		if got := checkFragmentSplice(t, c, "../x/", "./", false); got != want {
			t.Errorf("%q %q %q: spliced %v, want %v", c.prefix, c.fragment, c.suffix, got, want)
		}
	}
}

// FuzzFragmentSplice is TestFragmentSpliceEqualsWhole on any layout and
// fragment.
func FuzzFragmentSplice(f *testing.F) {
	for i, c := range fragmentCases {
		f.Add(c.prefix, c.fragment, c.suffix, linkValues[i%len(linkValues)], "../x/", i%2 == 0)
	}
	f.Fuzz(func(t *testing.T, prefix, fragment, suffix, link, other string, current bool) {
		if strings.Contains(prefix+fragment+suffix+link+other, "hole") || strings.Contains(prefix+fragment+suffix+link+other, "data-frag") {
			return // the nonce and the marks are random in builds
		}
		checkFragmentSplice(t, fragmentCase{prefix, fragment, suffix}, link, other, current)
	})
}

// checkFragmentSplice checks one fill of c and reports whether it was
// spliced. The current page is the one of the first link hole, or no
// page with current false.
func checkFragmentSplice(t *testing.T, c fragmentCase, link, other string, current bool) bool {
	t.Helper()
	minify := testMinify()
	nonce := "holeabc123n"
	var holes []hole
	var out strings.Builder
	rest := c.fragment
	for {
		i := strings.IndexByte(rest, '{')
		if i < 0 || len(rest) < i+3 || rest[i+2] != '}' || rest[i+1] != 'L' && rest[i+1] != 'C' {
			out.WriteString(rest)
			break
		}
		out.WriteString(rest[:i])
		// Every hole is about page /p/ (a link from it or to it).
		h := hole{target: "/p/"}
		if rest[i+1] == 'C' {
			h.current = true
		} else {
			h.page, h.link, h.other = "/p/", link, other
		}
		out.WriteString(nonce + strconv.Itoa(len(holes)) + "x")
		holes = append(holes, h)
		rest = rest[i+3:]
	}
	placed, ok := placeHoles([]byte(out.String()), nonce, holes)
	if !ok {
		return false
	}
	fr := &fragment{out: []byte(out.String()), holes: placed}
	page := &PageView{URL: "/q/"}
	if current {
		page.URL = "/p/"
	}
	j := &job{pass: &Pass{r: &Renderer{}, frags: &fragments{nonce: nonce}}, min: minify}
	filled, ok := fr.fill(j, page)
	if !ok {
		return false
	}
	whole, err := minify(nil, []byte(c.prefix+filled+c.suffix))
	if err != nil {
		return false
	}
	mark, ok := j.markFragment(fr, page)
	if !ok {
		return false
	}
	m, err := minify(nil, []byte(c.prefix+string(mark)+c.suffix))
	if err != nil {
		return false
	}
	got, ok := j.spliceFragments(nil, m, 0)
	if !ok {
		return false
	}
	if !bytes.Equal(got, whole) {
		t.Errorf("prefix %q fragment %q suffix %q link %q other %q current %v:\nspliced %s\nwhole   %s", c.prefix, c.fragment, c.suffix, link, other, current, got, whole)
	}
	return true
}
