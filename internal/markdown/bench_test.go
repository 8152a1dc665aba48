package markdown

import (
	"bytes"
	"cecot/internal/cputime"
	"testing"

	"github.com/tdewolff/minify/v2"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"cecot/internal/synth"
)

// BenchmarkConvert converts one page of the synthetic benchmark site
// (~600 words, headings, a list, a table, footnotes and a link), the
// unit of work that a build repeats for every page: to goldmark's HTML
// (html), to that HTML minified as pages were before (minified), and to
// compact HTML, the same bytes written directly (compact):
//
//	go test -run '^$' -bench Convert -count 10 ./internal/markdown
func BenchmarkConvert(b *testing.B) {
	src := synth.MapFS(synth.Options{N: 10})["content/en/findings/part-01/page-00001.md"].Data
	_, body, ok := bytes.Cut(src[3:], []byte("+++\n"))
	if !ok {
		b.Fatal("no front matter in the synthetic page")
	}
	conv := New(Options{})
	page := Page{File: "page.md", ResolveLink: func(dest string) (string, error) { return dest, nil }}
	m := minify.New()
	m.Add("text/html", HTMLMinifier())
	for _, mode := range []string{"html", "minified", "compact"} {
		b.Run(mode, func(b *testing.B) {
			p := page
			p.Compact = mode == "compact"
			b.ReportAllocs()
			b.SetBytes(int64(len(body)))
			cpu := cputime.Used()
			for b.Loop() {
				res, err := conv.Convert(body, p)
				if err != nil {
					b.Fatal(err)
				}
				if mode == "minified" {
					if _, err := m.Bytes("text/html", []byte(res.HTML)); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(cputime.Used()-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}

// BenchmarkWriteBody writes one parsed synthetic page, the part of
// Convert that the compact writer replaces: goldmark's HTML renderer
// followed by tdewolff's minifier (as pages were made before), against
// the compact writer. cpu-ns/op is CPU time from rusage.
func BenchmarkWriteBody(b *testing.B) {
	src := synth.MapFS(synth.Options{N: 10})["content/en/findings/part-01/page-00001.md"].Data
	_, body, _ := bytes.Cut(src[3:], []byte("+++\n"))
	conv := New(Options{})
	page := Page{File: "page.md", ResolveLink: func(dest string) (string, error) { return dest, nil }}
	st := &state{page: page, result: &Result{}, ids: newIDs(false, nil)}
	ctx := parser.NewContext()
	ctx.Set(key, st)
	doc := conv.md.Parser().Parse(text.NewReader(body), parser.WithContext(ctx))
	m := minify.New()
	m.Add("text/html", HTMLMinifier())
	b.Run("goldmark+minify", func(b *testing.B) {
		b.ReportAllocs()
		cpu := cputime.Used()
		for b.Loop() {
			var sb bytes.Buffer
			if err := conv.md.Renderer().Render(&sb, body, doc); err != nil {
				b.Fatal(err)
			}
			if _, err := m.Bytes("text/html", sb.Bytes()); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(cputime.Used()-cpu)/float64(b.N), "cpu-ns/op")
	})
	b.Run("compact", func(b *testing.B) {
		b.ReportAllocs()
		cpu := cputime.Used()
		for b.Loop() {
			if _, _, why := renderCompact(doc, body, nil, false); why != "" {
				b.Fatal(why)
			}
		}
		b.ReportMetric(float64(cputime.Used()-cpu)/float64(b.N), "cpu-ns/op")
	})
}
