package engine

import (
	"context"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"cecot/internal/browsertest"
	"cecot/internal/render"
)

// page is one rendered HTML file of the real site, before minifying.
type page struct {
	name, lang string
	html       []byte
}

// realPages renders every HTML file of the project's own site.
func realPages(t *testing.T) (*Site, []page) {
	t.Helper()
	site, err := Load(os.DirFS("../.."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var pages []page
	ps := site.pass(render.PassOptions{})
	for _, p := range site.Content.Pages {
		html, _, err := ps.Page(p, nil)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, page{p.Out, p.Lang, html})
		if p.Standalone {
			html, err := ps.Standalone(p, nil)
			if err != nil {
				t.Fatal(err)
			}
			pages = append(pages, page{p.Out + " (single file)", p.Lang, html})
		}
	}
	for _, special := range site.Renderer.SpecialPages() {
		html, err := ps.Special(special.Layout, special.URL, nil)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, page{special.URL, site.Config.DefaultLanguage, html})
	}
	return site, pages
}

// domTree parses an HTML document with the browser's own parser and
// describes the tree it builds: elements with their attributes, and text
// with runs of white space collapsed (the minifier's only change to text
// outside <pre>). Styles and scripts are minified, so only their presence
// counts; so is the viewport's list, whose spaces do not matter. Comments
// are left out.
const domTree = `(html => {
	const doc = new DOMParser().parseFromString(html, 'text/html');
	const out = [doc.compatMode + (doc.doctype ? ' <!doctype ' + doc.doctype.name + '>' : ' no doctype')];
	const walk = (n, depth) => {
		const pad = ' '.repeat(depth);
		if (n.nodeType === Node.ELEMENT_NODE) {
			const viewport = n.localName === 'meta' && n.getAttribute('name') === 'viewport';
			const value = a => viewport ? a.value.replace(/\s*,\s*/g, ',') : a.value.replace(/\s+/g, ' ').trim();
			const attrs = [...n.attributes].map(a => a.name + '=' + JSON.stringify(value(a))).sort();
			out.push(pad + '<' + n.localName + (attrs.length ? ' ' + attrs.join(' ') : '') + '>');
			if (n.localName === 'style' || n.localName === 'script') {
				out.push(pad + ' (' + (n.textContent.trim() ? 'code' : 'empty') + ')');
				return;
			}
			n.childNodes.forEach(c => walk(c, depth + 1));
		} else if (n.nodeType === Node.TEXT_NODE) {
			const text = n.parentElement.closest('pre') ? n.data : n.data.replace(/\s+/g, ' ').trim();
			if (text) out.push(pad + JSON.stringify(text));
		}
	};
	walk(doc.documentElement, 0);
	return out.join('\n');
})`

// essentials reads what every page must keep after minifying.
const essentials = `(html => {
	const doc = new DOMParser().parseFromString(html, 'text/html');
	const q = s => doc.querySelector(s);
	return {
		Mode: doc.compatMode,
		Lang: doc.documentElement.getAttribute('lang') || '',
		Charset: !!q('head > meta[charset="utf-8"]'),
		Viewport: !!q('head > meta[name="viewport"]'),
		Title: (q('head > title') || {}).textContent || '',
		Style: !!q('head > link[rel="stylesheet"][href][integrity], head > style'),
		Main: !!q('body main'),
	};
})`

type pageEssentials struct {
	Mode, Lang, Title string
	Charset, Viewport bool
	Style, Main       bool
}

// TestMinifiedHTML checks the minifier's HTML options on the real site:
// the browser must build the same document from every minified page as
// from the page before minifying, and the page must keep its doctype,
// <html lang>, charset, viewport, title, styles and <main>.
func TestMinifiedHTML(t *testing.T) {
	site, pages := realPages(t)
	ctx := browsertest.New(t, time.Minute)
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			min, err := site.min.Minify("text/html", p.html)
			if err != nil {
				t.Fatal(err)
			}
			if len(min) >= len(p.html) {
				t.Errorf("minifying did not shrink the page: %d → %d bytes", len(p.html), len(min))
			}
			want := evalOn[string](t, ctx, domTree, p.html)
			got := evalOn[string](t, ctx, domTree, min)
			if got != want {
				t.Errorf("the minified page parses to another document:\n%s", lineDiff(want, got))
			}
			e := evalOn[pageEssentials](t, ctx, essentials, min)
			if e.Mode != "CSS1Compat" {
				t.Errorf("minified page renders in %s, not standards mode: doctype lost", e.Mode)
			}
			if e.Lang != p.lang {
				t.Errorf(`<html lang=%q>, want %q`, e.Lang, p.lang)
			}
			if !e.Charset || !e.Viewport || e.Title == "" || !e.Style || !e.Main {
				t.Errorf("minified page lacks some of charset, viewport, title, styles, main: %+v", e)
			}
		})
	}
}

// evalOn calls the JavaScript function fn with the document html.
func evalOn[T any](t *testing.T, ctx context.Context, fn string, html []byte) T {
	t.Helper()
	arg, err := json.Marshal(string(html))
	if err != nil {
		t.Fatal(err)
	}
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](fn+"("+string(arg)+")"))
	if err != nil {
		t.Fatalf("evaluating in the browser: %v", err)
	}
	return v
}

// lineDiff shows the first line where two descriptions differ.
func lineDiff(want, got string) string {
	wl, gl := splitLines(want), splitLines(got)
	for i := range max(len(wl), len(gl)) {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\n want " + w + "\n  got " + g
		}
	}
	return ""
}

func splitLines(s string) []string {
	var lines []string
	start := 0
	for i := range len(s) {
		if s[i] == '\n' {
			lines = append(lines, s[start:i])
			start = i + 1
		}
	}
	return append(lines, s[start:])
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
