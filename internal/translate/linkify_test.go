package translate

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"cecot/internal/content"
	"cecot/internal/markdown"
	"cecot/internal/markdowntest"
	"cecot/internal/synth"
)

// The tests here prove that splitting a page into blocks with
// markdown's Parse, which parses without Linkify where Linkify can find
// nothing, gives the same blocks, byte for byte, as with ParseText,
// which always parses with Linkify, as every page was split before.

// sameBlocksWithoutLinkify fails if the blocks of body differ between
// Parse and ParseText. It reports whether the two parses cut the text
// into a different number of Text nodes, which shows that Parse did
// parse without Linkify, and that the blocks do not depend on it.
func sameBlocksWithoutLinkify(t testing.TB, body []byte, numbered bool) bool {
	t.Helper()
	p := &content.Page{Body: body}
	p.Numbered = numbered
	ids := markdown.Page{File: "page.md", Numbered: numbered, Reserved: []string{"main", "toc-title"}}
	got := bodyBlocksParsed(body, p, ids, converter.Parse)
	want := bodyBlocksParsed(body, p, ids, converter.ParseText)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("blocks differ without Linkify (numbered %v)\nmarkdown: %q\nwith:    %+v\nwithout: %+v", numbered, body, want, got)
	}
	return textNodes(t, converter.Parse, body, ids) != textNodes(t, converter.ParseText, body, ids)
}

// textNodes counts the Text nodes of body as parse parses it.
func textNodes(t testing.TB, parse func([]byte, markdown.Page) (ast.Node, error), body []byte, ids markdown.Page) int {
	t.Helper()
	doc, err := parse(body, ids)
	if err != nil {
		return -1
	}
	n := 0
	_ = ast.Walk(doc, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := node.(*ast.Text); ok && entering {
			n++
		}
		return ast.WalkContinue, nil
	})
	return n
}

func TestBlocksWithoutLinkifySpecExamples(t *testing.T) {
	n := 0
	for _, src := range markdowntest.SpecExamples(t) {
		for _, numbered := range []bool{false, true} {
			if sameBlocksWithoutLinkify(t, []byte(src), numbered) {
				n++
			}
		}
	}
	t.Logf("%d parses cut differently without Linkify", n)
	if n < 100 {
		t.Errorf("only %d parses cut differently without Linkify: the test proves little", n)
	}
}

// pageBodies are the bodies of the real site's pages and of two
// synthetic sites, with whether each is numbered.
func pageBodies(t *testing.T) map[string]*content.Page {
	pages := map[string]*content.Page{}
	files, err := filepath.Glob("../../content/*/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no pages in content/: %v", err)
	}
	add := func(name string, data []byte) {
		lang := filepath.Base(filepath.Dir(name))
		key := strings.TrimSuffix(filepath.Base(name), ".md")
		p, _, err := content.Parse(content.ID{Lang: lang, Key: key}, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		pages[name] = p
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		add(f, data)
	}
	for i, opts := range []synth.Options{{N: 40}, {N: 30, Seed: 7}} {
		for name, f := range synth.MapFS(opts) {
			if strings.HasSuffix(name, ".md") && strings.HasPrefix(name, "content/") {
				add(string(rune('a'+i))+"/"+name, f.Data)
			}
		}
	}
	return pages
}

func TestBlocksWithoutLinkifyPages(t *testing.T) {
	n := 0
	for _, p := range pageBodies(t) {
		for _, numbered := range []bool{p.Numbered, !p.Numbered} {
			if sameBlocksWithoutLinkify(t, p.Body, numbered) {
				n++
			}
		}
	}
	t.Logf("%d page parses cut differently without Linkify", n)
	if n == 0 {
		t.Error("no page parsed without Linkify: the test proves little")
	}
}

func FuzzBlocksWithoutLinkify(f *testing.F) {
	for _, s := range []string{
		"# Title\n\nSome *text* and **more**, a [link](x.md \"t\") and `code  `.\n",
		"- a\n- b\n\n  c\n\n1. x\n2. y\n",
		"> quote\n> more\n\n---\n\n```go\nx := 1 < 2\n```\n",
		"| a | b |\n|:-|-:|\n| 1 | 2 |\n\nfoot[^1]\n\n[^1]: note\n",
		"![alt *x*](img.png \"cap\")\n\ntext ![i](j.png) (www) ~x~ _y_\n",
		"a  \nb\\\nc <span>raw</span> &amp; &quot; &lt; &#65;\n\n<div>\nblock\n</div>\n",
		"<irc:x>\n\n![a](b.png) \n\n- ![c](d.png \"e\")\n",
		"a `[^1]` <i title=\"[^2]\">b</i> <irc:x[^3]> [^4]\n\n[^1]: n\n[^2]: n\n[^3]: n\n[^4]: n\n",
	} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, src string, numbered bool) {
		sameBlocksWithoutLinkify(t, []byte(src), numbered)
	})
}

// BenchmarkBodyBlocks splits the pages of a synthetic site into blocks
// as status does, with Parse (without Linkify where it cannot matter)
// and with ParseText (always Linkify, as before).
func BenchmarkBodyBlocks(b *testing.B) {
	var pages []*content.Page
	for name, f := range synth.MapFS(synth.Options{N: 40}) {
		if strings.HasSuffix(name, ".md") && strings.HasPrefix(name, "content/") {
			lang := filepath.Base(filepath.Dir(name))
			p, _, err := content.Parse(content.ID{Lang: lang, Key: strings.TrimSuffix(filepath.Base(name), ".md")}, f.Data)
			if err != nil {
				b.Fatal(err)
			}
			pages = append(pages, p)
		}
	}
	for _, tc := range []struct {
		name  string
		parse func([]byte, markdown.Page) (ast.Node, error)
	}{{"Parse", converter.Parse}, {"ParseText", converter.ParseText}} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, p := range pages {
					bodyBlocksParsed(p.Body, p, markdown.Page{Numbered: p.Numbered}, tc.parse)
				}
			}
		})
	}
}
