package markdown

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/tdewolff/minify/v2"
	mhtml "github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/parse/v2"
	gmhtml "github.com/yuin/goldmark/renderer/html"

	"cecot/internal/markdowntest"
	"cecot/internal/synth"
)

// The tests here prove the compact writer right the only way that
// counts: for every input, a compact body must be byte for byte what
// goldmark's HTML gives after tdewolff's minifier with the site's
// settings, the way every page was made before.

// minifyBody minifies a body's HTML as the site minifies a page.
func minifyBody(t testing.TB, html string) string {
	t.Helper()
	m := minify.New()
	m.Add("text/html", HTMLMinifier())
	out, err := m.String("text/html", html)
	if err != nil {
		t.Fatalf("minify: %v", err)
	}
	return out
}

// differ converts src both ways and fails if a compact body differs
// from the minified one. It reports whether the compact writer fell
// back, and why.
func differ(t testing.TB, c *Converter, src []byte, p Page) (fallback string) {
	t.Helper()
	p.Compact = false
	plain, errPlain := c.Convert(src, p)
	p.Compact = true
	compact, errCompact := c.Convert(src, p)
	if (errPlain == nil) != (errCompact == nil) {
		t.Fatalf("errors differ: %v, compact %v\n%q", errPlain, errCompact, src)
	}
	if errPlain != nil {
		return ""
	}
	if !compact.Compact {
		if strings.HasPrefix(compact.CompactFallback, "compact writer: ") {
			t.Fatalf("the compact writer failed on %q: %s", src, compact.CompactFallback)
		}
		if compact.CompactFallback == "" {
			t.Fatalf("a fallback without a reason for %q", src)
		}
		if compact.HTML != plain.HTML {
			t.Fatalf("a fallback's HTML is not goldmark's for %q", src)
		}
		return compact.CompactFallback
	}
	if want := minifyBody(t, plain.HTML); compact.HTML != want {
		t.Fatalf("compact HTML differs from the minified HTML\nmarkdown: %q\ngoldmark: %q\nminified: %q\ncompact:  %q", src, plain.HTML, want, compact.HTML)
	}
	if !compact.Blocks() {
		return ""
	}
	// In a layout like the site's, the spliced page is the minified one.
	for _, layout := range []string{"<main><div class=\"prose\" lang=\"es\">\n%s\n</div></main>", "<p>x %s</article>"} {
		raw := strings.Replace(layout, "%s", BodyMark, 1)
		out, ok := Splice([]byte(minifyBody(t, raw)), compact.HTML)
		ok = ok && MarkPlaced([]byte(raw))
		if want := minifyBody(t, strings.Replace(layout, "%s", plain.HTML, 1)); !ok || string(out) != want {
			t.Fatalf("splice into %q (%v) differs\nmarkdown: %q\nspliced:  %q\nminified: %q", layout, ok, src, out, want)
		}
	}
	return ""
}

// converters are the ways pages are converted: safe and with raw HTML.
func converters() map[string]*Converter {
	return map[string]*Converter{"safe": New(Options{}), "unsafe": New(Options{UnsafeHTML: true})}
}

func TestCompactSpecExamples(t *testing.T) {
	srcs := markdowntest.SpecExamples(t)
	for name, c := range converters() {
		fallbacks := map[string]int{}
		for _, src := range srcs {
			for _, numbered := range []bool{false, true} {
				p := Page{File: "spec.md", Numbered: numbered, ParagraphLabel: func(n int) string { return fmt.Sprintf("Paragraph %d", n) }}
				if why := differ(t, c, []byte(src), p); why != "" {
					fallbacks[why]++
				}
			}
		}
		t.Logf("%s: %d examples (twice), fallbacks %v", name, len(srcs), fallbacks)
		for why := range fallbacks {
			if name == "safe" && why != "data: URL" {
				t.Errorf("%s: a safe page fell back for %q", name, why)
			}
		}
	}
}

// picturePage resolves every image of the site to a responsive picture,
// as the site's images are.
func picturePage(file string) Page {
	return Page{
		File:           file,
		ParagraphLabel: func(n int) string { return fmt.Sprintf("Párrafo %d «n»", n) },
		Reserved:       []string{"main", "toc-title"},
		ResolveLink:    func(dest string) (string, error) { return "../" + strings.TrimSuffix(dest, ".md") + "/", nil },
		ResolveImage: func(dest string) (*Picture, error) {
			return &Picture{Src: "/img/" + dest, Width: 1200, Height: 800,
				Srcset: "/img/a b.480.png 480w, /img/a b.960.png 960w",
				WebP:   "/img/a.480.webp 480w, /img/a.960.webp 960w",
				Sizes:  "(min-width: 40em) 38em, 100vw"}, nil
		},
	}
}

// body returns a page's Markdown after its front matter.
func body(src []byte) []byte {
	for _, fence := range []string{"+++\n", "---\n"} {
		if bytes.HasPrefix(src, []byte(fence)) {
			if _, b, ok := bytes.Cut(src[len(fence):], []byte("\n"+fence)); ok {
				return b
			}
		}
	}
	return src
}

func TestCompactRealSite(t *testing.T) {
	files, err := filepath.Glob("../../content/*/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no pages in content/: %v", err)
	}
	c := New(Options{})
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, numbered := range []bool{false, true} {
			for _, p := range []Page{{File: f}, picturePage(f)} {
				p.Numbered = numbered
				if why := differ(t, c, body(src), p); why != "" {
					t.Errorf("%s fell back: %s", f, why)
				}
			}
		}
	}
}

func TestCompactSyntheticSites(t *testing.T) {
	c := New(Options{})
	for _, opts := range []synth.Options{{N: 40}, {N: 30, Seed: 7}} {
		for name, f := range synth.MapFS(opts) {
			if !strings.HasSuffix(name, ".md") {
				continue
			}
			p := picturePage(name)
			p.Numbered = strings.Contains(name, "part-01")
			if why := differ(t, c, body(f.Data), p); why != "" {
				t.Errorf("%s fell back: %s", name, why)
			}
		}
	}
}

// TestCompactInto converts the pages of a synthetic site one after
// another in the same memory, as a build does (Page.Into): each body
// must be the one converted in new memory, the memory must be the one
// given where the body fits, and Release must leave HTML empty. The
// memory is overwritten after each page, so that a body that kept a part
// of the page before it would differ.
func TestCompactInto(t *testing.T) {
	c := New(Options{})
	var into []byte
	reused := 0
	site := synth.MapFS(synth.Options{N: 20})
	for _, name := range slices.Sorted(maps.Keys(site)) {
		if !strings.HasSuffix(name, ".md") {
			continue
		}
		f := site[name]
		p := picturePage(name)
		p.Compact = true
		want, err := c.Convert(body(f.Data), p)
		if err != nil || !want.Compact {
			t.Fatalf("%s: %v %s", name, err, want.CompactFallback)
		}
		p.Into = into
		got, err := c.Convert(body(f.Data), p)
		if err != nil {
			t.Fatal(err)
		}
		if got.HTML != want.HTML {
			t.Fatalf("%s: converted into used memory:\n%s\nwant\n%s", name, got.HTML, want.HTML)
		}
		// The writer may write a space and a </p> that the next
		// token, or the end of the page, takes back out: the body
		// surely fits where those fit too.
		fits := cap(into) >= len(got.HTML)+len(" </p>")
		if fits && unsafe.StringData(got.HTML) != unsafe.SliceData(into) {
			t.Errorf("%s: the body fits in Into (%d bytes of %d) but was not written there", name, len(got.HTML), cap(into))
		}
		if fits {
			reused++
		}
		into = got.Release()
		if got.HTML != "" || len(into) != 0 {
			t.Fatalf("%s: after Release HTML is %d bytes, the memory %d", name, len(got.HTML), len(into))
		}
		for i := range into[:cap(into)] {
			into[:cap(into)][i] = '#'
		}
	}
	if reused == 0 {
		t.Error("no page was converted in the memory of the one before")
	}
}

func FuzzCompact(f *testing.F) {
	seeds := []string{
		"# Title\n\nSome *text* and **more**, a [link](x.md \"t\") and `code  `.\n",
		"- a\n- b\n\n  c\n\n1. x\n2. y\n",
		"> quote\n> more\n\n---\n\n```go\nx := 1 < 2\n```\n",
		"| a | b |\n|:-|-:|\n| 1 | 2 |\n\nfoot[^1]\n\n[^1]: note\n",
		"![alt *x*](img.png \"cap\")\n\ntext ![i](j.png) www.example.org\n",
		"a  \nb\\\nc <span>raw</span> &amp; &quot; &lt; &#65;\n\n<div>\nblock\n</div>\n",
		"- [ ] task\n- [x] done\n\n~~gone~~ \"quotes\" -- and --- ...\n",
		"*a *b* c* ` a ` <http://x.org> <a@b.c>\n",
	}
	fuzzConvert(f, seeds, func(t testing.TB, c *Converter, src []byte, p Page) { differ(t, c, src, p) })
}

// TestSplice checks Splice against minifying whole pages: for layouts
// that place the body in every kind of context, a splice it allows must
// give the minified page byte for byte, and the site's own kind of
// layout must allow it.
func TestSplice(t *testing.T) {
	layouts := []struct {
		layout string
		splice bool // whether a body of blocks must splice
	}{
		{"<main>\n<div class=\"prose\" lang=\"es\">\n%s\n</div>\n<p>after</p></main>", true},
		{"<article><p>open paragraph\n%s</div>", true},
		{"<ul><li>item %s\n</li></ul>", true},
		{"<p>text %s  \n</section> tail", true},
		{"%s", true},
		{"<div>%s</div>", true},
		{"<pre>\n%s\n</pre>", false},
		{"<template><div>%s</div></template>", false},
		{"<a href=x>\n%s\n</a>", false},
		{"<div>\n%s\ntext after</div>", false},
		{"<div>%s<!-- c --></div>", false},
		{"<div>%s %s</div>", false},
		{"<div>%s</span></div>", false},
		{"<noscript>%s</noscript>", false},
		{"<script>%s</script>", false},
	}
	srcs := []string{
		"para *one*\n\npara two ",
		"# Heading\n\ntext",
		"- a\n- b\n",
		"text\n\n---\n",
		"> quote",
		"```\ncode\n```\n",
		"a[^1]\n\n[^1]: note",
		"| a |\n|---|\n| b |\n",
		"![pic](p.png \"caption\")",
		"",
		"<!-- comment -->\n\ntext",
		"text\n\n<div>raw</div>",
	}
	c := New(Options{})
	spliced := 0
	for _, l := range layouts {
		for _, src := range srcs {
			plain, err := c.Convert([]byte(src), Page{File: "x.md"})
			if err != nil {
				t.Fatal(err)
			}
			compact, err := c.Convert([]byte(src), Page{File: "x.md", Compact: true})
			if err != nil {
				t.Fatal(err)
			}
			page := func(body string) string { return strings.ReplaceAll(l.layout, "%s", body) }
			raw := page(BodyMark)
			min := minifyBody(t, raw)
			out, ok := Splice([]byte(min), compact.HTML)
			ok = ok && MarkPlaced([]byte(raw)) && compact.Blocks()
			want := minifyBody(t, page(plain.HTML))
			if ok {
				spliced++
				if string(out) != want {
					t.Errorf("layout %q, body %q: spliced\n%q\nminified\n%q", l.layout, src, out, want)
				}
			} else if l.splice && compact.Blocks() {
				t.Errorf("layout %q, body %q: no splice", l.layout, src)
			}
		}
	}
	if spliced == 0 {
		t.Fatal("nothing spliced")
	}
}

// A paragraph shown in the original's language keeps its mark's label
// in the page's: the label says "Párrafo 2" and is marked lang="es"
// inside the block marked lang="en", in both writers.
func TestUntranslatedParagraphLabel(t *testing.T) {
	src := []byte("Primero.\n\nSecond, not translated.\n\nTercero.\n")
	p := Page{
		File:           "content/es/x.md",
		Numbered:       true,
		ParagraphLabel: func(n int) string { return fmt.Sprintf("Párrafo %d", n) },
		Untranslated:   &Untranslated{Lines: map[int]bool{3: true}, Lang: "en", Note: "Sin traducir.", PageLang: "es"},
	}
	c := New(Options{})
	if why := differ(t, c, src, p); why != "" {
		t.Fatalf("fell back: %s", why)
	}
	res, err := c.Convert(src, p)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<p id="p2" class="numbered untranslated" lang="en"><a href="#p2" class="pnum" aria-label="Párrafo 2" lang="es">2</a>`,
		`<a href="#p1" class="pnum" aria-label="Párrafo 1">1</a>`,
	} {
		if !strings.Contains(res.HTML, want) {
			t.Errorf("missing %s in\n%s", want, res.HTML)
		}
	}
}

// A list item still in the original's words is marked with its
// language, in both writers, and gets no notice of its own.
func TestUntranslatedListItem(t *testing.T) {
	src := []byte("Peticiones:\n\n- Pedir una respuesta.\n- Ask for an answer.\n")
	p := Page{File: "content/es/x.md", Untranslated: &Untranslated{Items: map[int]bool{4: true}, Lang: "en", Note: "Sin traducir.", PageLang: "es"}}
	c := New(Options{})
	if why := differ(t, c, src, p); why != "" {
		t.Fatalf("fell back: %s", why)
	}
	res, err := c.Convert(src, p)
	if err != nil {
		t.Fatal(err)
	}
	if want := `<li lang="en" class="untranslated">Ask for an answer.</li>`; !strings.Contains(res.HTML, want) {
		t.Errorf("missing %s in\n%s", want, res.HTML)
	}
	if strings.Contains(res.HTML, "untranslated-note") || strings.Count(res.HTML, "untranslated") != 1 {
		t.Errorf("marked more than the one item:\n%s", res.HTML)
	}
}

// TestWriteChanges holds writeEscaped's and writeRaw's shortcut to
// goldmark's writers: text without a byte of writeChanges (or
// rawWriteChanges) is written unchanged, and every byte of the sets does
// change something in some text.
func TestWriteChanges(t *testing.T) {
	write := func(raw bool, v []byte) string {
		var s byteSink
		if raw {
			gmhtml.DefaultWriter.RawWrite(&s, v)
		} else {
			gmhtml.DefaultWriter.Write(&s, v)
		}
		return string(s.buf)
	}
	for _, raw := range []bool{false, true} {
		set := &writeChanges
		if raw {
			set = &rawWriteChanges
		}
		var plain []byte
		for c := range 256 {
			if !set[c] {
				plain = append(plain, byte(c))
				continue
			}
			changes := false
			for _, v := range [][]byte{{'a', byte(c), 'b'}, {byte(c), '*'}, {byte(c), 'a', 'm', 'p', ';'}} {
				changes = changes || write(raw, v) != string(v)
			}
			if !changes {
				t.Errorf("raw %v: byte %q is in the set but changes no text", raw, byte(c))
			}
		}
		// All the bytes outside the set, in one text and around each
		// other: written as they are.
		for i := range plain {
			v := append(append([]byte{}, plain[i:]...), plain[:i]...)
			if got := write(raw, v); got != string(v) {
				t.Errorf("raw %v: %q written as %q", raw, v, got)
			}
		}
	}
}

// TestCompactWriterLookahead drives the compact writer with token
// sequences that put its look-ahead decisions (a text's last space, a
// </p>, an empty element) far from the tokens that settle them, which
// rendered pages rarely do, and compares each with minifying the same
// HTML; a sequence the writer declines must be one the test expects.
func TestCompactWriterLookahead(t *testing.T) {
	type tok struct{ kind, v string } // kind: "<", "</", "t" (text), "!" (comment)
	repeat := func(n int, ts ...tok) []tok {
		var out []tok
		for range n {
			out = append(out, ts...)
		}
		return out
	}
	seq := func(parts ...[]tok) []tok {
		var out []tok
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	start := func(name string) tok { return tok{"<", name} }
	end := func(name string) tok { return tok{"</", name} }
	txt := func(s string) tok { return tok{"t", s} }
	com := tok{"!", ""}
	cases := []struct {
		name     string
		toks     []tok
		fallback bool
	}{
		{"space before inline ends then a block", seq([]tok{start("p"), start("em"), start("strong"), txt("a ")}, []tok{end("strong"), txt(" \n"), end("em"), com, end("p")}), false},
		{"space before inline ends then text", seq([]tok{start("p"), start("em"), txt("a ")}, []tok{end("em"), txt(" \n "), com, txt("b"), end("p")}), false},
		{"space before inline ends then a start tag", []tok{start("p"), start("em"), txt("a ")}, false},
		{"space at the end", []tok{start("p"), start("em"), txt("a "), end("em"), txt("\n")}, false},
		{"space before maxPeek tokens then a block", seq([]tok{start("p"), txt("a ")}, repeat(maxPeek, end("em")), []tok{end("p")}), false},
		{"space before more than maxPeek tokens", seq([]tok{start("p"), txt("a ")}, repeat(maxPeek+1, end("em")), []tok{end("p")}), true},
		{"space before maxPeek tokens at the end", seq([]tok{start("p"), txt("a ")}, repeat(maxPeek, com)), false},
		{"</p> then whitespace and a block", []tok{start("p"), txt("a"), end("p"), txt("\n \n"), start("h2"), txt("b"), end("h2")}, false},
		{"</p> then whitespace and an end", []tok{start("li"), start("p"), txt("a"), end("p"), txt("\n"), end("li"), txt("\n")}, false},
		{"</p> then a comment", []tok{start("p"), txt("a"), end("p"), txt("\n"), com, start("p"), txt("b")}, false},
		{"</p> then an inline start", []tok{start("p"), txt("a"), end("p"), start("em"), txt("b"), end("em")}, false},
		{"</p> then </a>", []tok{start("a"), start("p"), txt("a"), end("p"), end("a")}, false},
		{"</p> then whitespace and </em>", []tok{txt("x"), start("em"), start("p"), txt("a"), end("p"), txt(" "), end("em"), txt("b")}, true},
		{"empty code then a space", []tok{start("p"), txt("a "), start("code"), end("code"), txt(" b"), end("p")}, false},
		{"code with a comment then a space", []tok{start("p"), start("code"), com, end("code"), txt(" b"), end("p")}, false},
		{"pre keeps its spaces", []tok{txt("a "), start("pre"), start("code"), txt("  x  \n\n"), end("code"), end("pre"), txt(" b ")}, false},
	}
	for _, c := range cases {
		w := newCompactWriter(nil, 0)
		var html strings.Builder
		for _, tk := range c.toks {
			switch tk.kind {
			case "<":
				w.start(tagOf(tk.v))
				html.WriteString("<" + tk.v + ">")
			case "</":
				w.end(tagOf(tk.v))
				html.WriteString("</" + tk.v + ">")
			case "t":
				w.textString(tk.v)
				html.WriteString(tk.v)
			case "!":
				w.comment()
				html.WriteString("<!-- c -->")
			}
		}
		got := string(w.finish())
		if w.unsupported != "" {
			if !c.fallback {
				t.Errorf("%s: declined (%s)", c.name, w.unsupported)
			}
			continue
		}
		if c.fallback {
			t.Errorf("%s: written, expected to be declined", c.name)
		}
		if want := minifyBody(t, html.String()); got != want {
			t.Errorf("%s: %q\nwritten  %q\nminified %q", c.name, html.String(), got, want)
		}
	}
}

// TestTextUnchanged holds textUnchanged to tdewolff's text rewrite:
// over every text of up to four bytes drawn from white space, entities'
// bytes and letters, a text it calls unchanged must come back from
// parse.ReplaceMultipleWhitespaceAndEntities as it was, and each kind of
// text it sends to the rewrite must be one the rewrite changes.
func TestTextUnchanged(t *testing.T) {
	alphabet := []byte(" \n\t\r\f&a;#x1")
	changedSome := map[string]bool{}
	var texts func(prefix []byte, n int)
	texts = func(prefix []byte, n int) {
		if len(prefix) > 0 {
			in := append([]byte{}, prefix...)
			out := parse.ReplaceMultipleWhitespaceAndEntities(append([]byte{}, prefix...), mhtml.EntitiesMap, mhtml.TextRevEntitiesMap)
			same := string(out) == string(in)
			if textUnchanged(in) {
				if !same {
					t.Errorf("%q: called unchanged, rewritten %q", in, out)
				}
			} else if !same {
				changedSome[string(in[:1])] = true
			}
		}
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			texts(append(prefix, c), n-1)
		}
	}
	texts(nil, 4)
	for _, first := range []string{"\t", "\r", "\f", " ", "\n"} {
		if !changedSome[first] {
			t.Errorf("no text starting with %q that the rewrite changes", first)
		}
	}
	for _, s := range []string{"&amp;a", "&#x31;a", "a  b", "a \nb", "a\n\nb", "a\tb"} {
		if textUnchanged([]byte(s)) {
			t.Errorf("%q called unchanged", s)
		}
	}
	for _, s := range []string{"a b\nc", "", "«é» — x"} {
		if !textUnchanged([]byte(s)) {
			t.Errorf("%q not called unchanged", s)
		}
	}
}
