package markdown

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"cecot/internal/markdowntest"
	"cecot/internal/synth"
)

// Convert leaves an extension out of a page's parse where a look at the
// source says it cannot change anything: Linkify (linkifyMatters) and
// the typographer (typographyMatters). A skip's proof, same, fails if
// converting src as Convert does gives anything else than converting it
// always with the extension, and reports whether src was parsed without
// it. The tests below run each proof over the same inputs.
type skip struct {
	what string // "Linkify"
	same func(t testing.TB, c *Converter, src []byte, p Page) bool
}

var (
	linkifySkip    = skip{"Linkify", sameWithoutLinkify}
	typographySkip = skip{"the typographer", sameWithoutTypography}
)

// sameConversions fails if c's Outline and Convert (compact and not) of
// src differ from always's, a converter that never leaves out what.
func sameConversions(t testing.TB, what string, c, always *Converter, src []byte, p Page) {
	t.Helper()
	gotOutline, gotErr := c.Outline(src, p)
	wantOutline, wantErr := always.Outline(src, p)
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !reflect.DeepEqual(gotOutline, wantOutline) {
		t.Errorf("outline differs without %s\nmarkdown: %q\nwith:    %+v, %v\nwithout: %+v, %v", what, src, wantOutline, wantErr, gotOutline, gotErr)
	}
	for _, compact := range []bool{false, true} {
		p.Compact = compact
		want, wantErr := always.Convert(src, p)
		got, gotErr := c.Convert(src, p)
		if fmt.Sprint(wantErr) != fmt.Sprint(gotErr) {
			t.Errorf("errors differ without %s (compact %v): %v, with it %v\n%q", what, compact, gotErr, wantErr, src)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("result differs without %s (compact %v)\nmarkdown: %q\nwith:    %+v\nwithout: %+v", what, compact, src, want, got)
		}
	}
}

// skipSpecExamples proves s on goldmark's spec and extension examples,
// with every converter, numbered and not; at least half of the
// conversions must leave the extension out, or the proof says little.
func skipSpecExamples(t *testing.T, s skip) {
	srcs := markdowntest.SpecExamples(t)
	for name, c := range converters() {
		n := 0
		for _, src := range srcs {
			for _, numbered := range []bool{false, true} {
				p := Page{File: "spec.md", Numbered: numbered, ParagraphLabel: func(n int) string { return fmt.Sprintf("Paragraph %d", n) }}
				if s.same(t, c, []byte(src), p) {
					n++
				}
			}
		}
		t.Logf("%s: %d of %d conversions without %s", name, n, 2*len(srcs), s.what)
		if n < len(srcs) {
			t.Errorf("%s: only %d conversions without %s: the test proves little", name, n, s.what)
		}
	}
}

// skipRealSite proves s on every page of the real site, numbered and
// not, with links and pictures resolved and not.
func skipRealSite(t *testing.T, s skip) {
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
				s.same(t, c, body(src), p)
			}
		}
	}
}

// skipSyntheticSites proves s on two synthetic sites; at least half of
// their pages must leave the extension out.
func skipSyntheticSites(t *testing.T, s skip) {
	c := New(Options{})
	n, pages := 0, 0
	for _, opts := range []synth.Options{{N: 40}, {N: 30, Seed: 7}} {
		for name, f := range synth.MapFS(opts) {
			if !strings.HasSuffix(name, ".md") {
				continue
			}
			pages++
			p := picturePage(name)
			p.Numbered = strings.Contains(name, "part-01")
			if s.same(t, c, body(f.Data), p) {
				n++
			}
		}
	}
	t.Logf("%d of %d synthetic pages converted without %s", n, pages, s.what)
	if n == 0 || n < pages/2 {
		t.Errorf("only %d of %d synthetic pages converted without %s", n, pages, s.what)
	}
}

// fuzzConvert runs check on fuzzed Markdown, from seeds, with safe and
// unsafe HTML, numbered and not, as a page with pictures resolved.
func fuzzConvert(f *testing.F, seeds []string, check func(t testing.TB, c *Converter, src []byte, p Page)) {
	for _, src := range seeds {
		f.Add(src, false, false)
	}
	cs := []*Converter{New(Options{}), New(Options{UnsafeHTML: true})}
	f.Fuzz(func(t *testing.T, src string, numbered, unsafe bool) {
		c := cs[0]
		if unsafe {
			c = cs[1]
		}
		p := picturePage("fuzz.md")
		p.Numbered = numbered
		check(t, c, []byte(src), p)
	})
}

// fuzzSkip proves s on fuzzed Markdown (fuzzConvert).
func fuzzSkip(f *testing.F, s skip, seeds []string) {
	fuzzConvert(f, seeds, func(t testing.TB, c *Converter, src []byte, p Page) { s.same(t, c, src, p) })
}
