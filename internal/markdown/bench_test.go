package markdown

import (
	"bytes"
	"testing"

	"cecot/internal/synth"
)

// BenchmarkConvert converts one page of the synthetic benchmark site
// (~600 words, headings, a list, a table, footnotes and a link), the
// unit of work that a build repeats for every page:
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
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := conv.Convert(body, page); err != nil {
			b.Fatal(err)
		}
	}
}
