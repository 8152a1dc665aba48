package engine

import (
	"slices"
	"strings"
	"testing"
)

func TestInlineStyleHashes(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string
	}{
		{"none", `<p>style</p><link rel=stylesheet href=a.css>`, nil},
		{"one", `<head><style>p{color:red}</style></head>`, []string{StyleHash([]byte("p{color:red}"))}},
		{"raw text kept as is", `<style>a>b{x:"&amp;"}</style>`, []string{StyleHash([]byte(`a>b{x:"&amp;"}`))}},
		{"empty", `<style></style>`, []string{StyleHash(nil)}},
		{"twice the same", `<style>a{}</style><style>a{}</style>`, []string{StyleHash([]byte("a{}"))}},
		{"two", `<style>a{}</style><p>x</p><style>b{}</style>`, []string{StyleHash([]byte("a{}")), StyleHash([]byte("b{}"))}},
		{"upper case", `<STYLE>a{}</STYLE>`, []string{StyleHash([]byte("a{}"))}},
		{"at the very end", `<p>x</p><style>`, []string{StyleHash(nil)}},
		{"escaped in text is not an element", `<p>&lt;style>a{}&lt;/style></p>`, nil},
		{"upper case after other tags", `<p><STYLE>a{}</STYLE>`, []string{StyleHash([]byte("a{}"))}},
		{"unfinished tag at the end", `<p>x</p><style`, nil},
		{"tag at the end", `<p>x</p><sty`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := inlineStyleHashes([]byte(tt.doc)); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestStyleHash(t *testing.T) {
	// The example of the CSP specification: alert('Hello, world.');
	if got, want := StyleHash([]byte("alert('Hello, world.');")), "sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng="; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestRequestPaths(t *testing.T) {
	for _, tt := range []struct {
		file string
		want []string
	}{
		{"/en/submission.html", []string{"/en/submission.html", "/en/submission"}},
		{"/base/es/index.html", []string{"/base/es/", "/base/es/index.html"}},
		{"/sitemap.xml", []string{"/sitemap.xml"}},
	} {
		if got := requestPaths(tt.file); !slices.Equal(got, tt.want) {
			t.Errorf("requestPaths(%q) = %q, want %q", tt.file, got, tt.want)
		}
	}
}

func TestInlineStylePolicy(t *testing.T) {
	got := InlineStylePolicy([]string{"sha256-a", "sha256-b"})
	want := "default-src 'none'; style-src 'sha256-a' 'sha256-b'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
	if got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

// TestHasStyleTag holds hasStyleTag to the plain search it replaced:
// every window that starts at a '<' compared in any case.
func TestHasStyleTag(t *testing.T) {
	plain := func(doc string) bool {
		for i := range len(doc) {
			if doc[i] == '<' && len(doc)-i >= len("<style") && strings.EqualFold(doc[i:i+len("<style")], "<style") {
				return true
			}
		}
		return false
	}
	docs := []string{
		"", "<", "<s", "<S", "<style", "<STYLE", "<StYlE>", "x<styl", "<p><span><sTyle>",
		"<<style", "<s<style", "<S<Style", "<ſtyle", "<\u212atyle", "style", "< style", "<span>Style</span>",
		"<svg><style>a{}</style></svg>", "<p>&lt;style></p>", "<sty", "<SCRIPT><S",
		"y", "Y", "<y", "yle", "<sYle", "<styyle", "xstyle<style", "<styl\u0435", "<st\u00fdle",
	}
	// Every spelling of "<style" in either case, alone and after others.
	for m := range 1 << 5 {
		b := []byte("<style")
		for i := range 5 {
			if m&(1<<i) != 0 {
				b[i+1] -= 'a' - 'A'
			}
		}
		docs = append(docs, string(b), "<s<S"+string(b)+"x", string(b[:5]))
	}
	for _, doc := range docs {
		if got, want := hasStyleTag([]byte(doc)), plain(doc); got != want {
			t.Errorf("hasStyleTag(%q) = %v, want %v", doc, got, want)
		}
	}
}
