package engine

import (
	"context"
	"crypto/sha512"
	"encoding/base64"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"cecot/internal/synth"
)

// TestSynthSite builds a small synthetic site, the one the benchmarks
// build at scale, and checks that its pages have the features of the
// Hugo benchmark site they are compared with.
func TestSynthSite(t *testing.T) {
	dir := t.TempDir()
	src, out := filepath.Join(dir, "src"), filepath.Join(dir, "public")
	if err := synth.WriteDir(src, synth.Options{N: 10}); err != nil {
		t.Fatal(err)
	}
	res, err := Build(context.Background(), src, out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) > 0 {
		t.Errorf("warnings: %v", res.Warnings)
	}
	// Per language: home, 10 sections, 10 parts, 10 pages; plus the root
	// redirect, the stylesheet, sitemap.xml, robots.txt, _redirects,
	// _headers and each language's feed.xml.
	if res.Pages["en"] != 31 || res.Pages["es"] != 31 || res.Files != 70 {
		t.Errorf("pages %v, files %d; want 31 per language, 70 files", res.Pages, res.Files)
	}
	read := func(name string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	tests := []struct {
		file string
		want []string
	}{
		{"es/findings/part-01/page-00001/index.html", []string{
			`<html lang=es>`,
			`<title>Estudio de mercado anual 1 · Informe anual</title>`,
			`<meta name=description content="`,
			`<link rel=canonical href=https://example.org/es/findings/part-01/page-00001/>`,
			`<link rel=alternate hreflang=en href=https://example.org/en/findings/part-01/page-00001/>`,
			`<a class=skip href=#main>Saltar al contenido</a>`,
			`<nav class=langs aria-label="Otros idiomas"><ul><li><a href=../../../../en/findings/part-01/page-00001/ hreflang=en lang=en>English</a>`,
			`<nav class=section aria-label="En esta sección"><h2><a href=../>Hallazgos: parte 1</a></h2>`,
			`<a href=./ aria-current=page>Estudio de mercado anual 1</a>`,
			`<time datetime=2024-01-01>1 de enero de 2024</time> · 4 minutos de lectura`,
			`<a href=../../../policy/part-01/page-00004/>`,
			`<table>`, `class=align-right`, `role=doc-noteref`,
		}},
		{"en/findings/index.html", []string{
			`<title>Findings · Annual Report</title>`,
			`<ul class=list><li><a href=part-01/>Findings: part 1</a>: Part 1 · Findings.`,
		}},
		{"en/index.html", []string{`<title>Annual Report</title>`, `<a href=findings/>Findings</a>`}},
		{"index.html", []string{`<meta http-equiv=refresh content="0; url=https://example.org/en/">`}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got := read(tt.file)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("lacks %s", w)
				}
			}
		})
	}
	css := regexp.MustCompile(`href=(\.\./)*(assets/css/main\.[0-9a-f]+\.css) integrity=(sha384-[A-Za-z0-9+/=]+)`).FindStringSubmatch(read("en/findings/part-01/page-00001/index.html"))
	if css == nil {
		t.Fatal("no fingerprinted stylesheet with integrity")
	}
	got := read(css[2])
	if strings.Contains(got, "\n") || !strings.Contains(got, "nav.section") {
		t.Errorf("stylesheet not minified: %.80q", got)
	}
	// Browsers refuse a stylesheet whose bytes do not match the hash.
	sum := sha512.Sum384([]byte(got))
	if want := "sha384-" + base64.StdEncoding.EncodeToString(sum[:]); css[3] != want {
		t.Errorf("integrity %s, but the published file hashes to %s", css[3], want)
	}
}
