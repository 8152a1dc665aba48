package markdown

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"cecot/internal/markdowntest"
	"cecot/internal/synth"
)

// The tests here prove that parsing a page without Linkify when
// linkifyMatters says it can find nothing gives the same result, byte for
// byte, as parsing it with Linkify, as every page was before.

// withLinkify is c always parsing with Linkify.
func withLinkify(c *Converter) *Converter {
	always := *c
	always.noLinkify = c.md
	always.noLinkifyNoTypography = c.noTypography
	return &always
}

// sameWithoutLinkify fails if converting src without Linkify, as
// Convert does when linkifyMatters(src) is false, gives anything else than
// converting it with Linkify, compact and not, and likewise for its
// Blocks (parsed with blocksParser) and Outline. It reports whether src
// was converted without Linkify.
func sameWithoutLinkify(t testing.TB, c *Converter, src []byte, p Page) bool {
	t.Helper()
	if linkifyMatters(src) {
		return false
	}
	always := withLinkify(c)
	if got, want := Blocks(src), blocksOf(plainParser, src); !reflect.DeepEqual(got, want) {
		t.Errorf("blocks differ without Linkify\nmarkdown: %q\nwith:    %+v\nwithout: %+v", src, want, got)
	}
	sameConversions(t, "Linkify", c, always, src, p)
	return true
}

func TestLinkifyMatters(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"plain *text* (with) ~~marks~~ and a [link](x.md)", false},
		{"see www.example.org", true},
		{"see http://x.org", true},
		{"see https://x.org", true},
		{"see ftp://x.org", true},
		{"write to a@b.org", true},
		{"HTTP://X.ORG and WWW.X.ORG", false}, // Linkify is case-sensitive
		{"a b  \nc", true},
		{"a b \t\r\nc", true},
		{"a b \nc ", false},
		{"a b\t\nc\n  d\n", false},
		{"a b\n\nc  ", true},
		// What hides a footnote reference hides its definition from
		// Blocks: blocksParser must see it.
		{"a `[^1]` b\n\n[^1]: note\n", false},
		{"a <span title=\"[^1]\">b</span>\n\n[^1]: note\n", false},
		{"a <irc:x[^1]> b\n\n[^1]: note\n", false},
		{"a [b [^1]](c.md) d\n\n[^1]: note\n", false},
		{"| a `[^1]` | b |\n| - | - |\n| *c* | d |\n\n[^1]: note\n", false},
	} {
		if got := linkifyMatters([]byte(tc.src)); got != tc.want {
			t.Errorf("linkifyMatters(%q) = %v, want %v", tc.src, got, tc.want)
		}
		// What linkifyMatters lets through, Linkify indeed leaves alone.
		sameWithoutLinkify(t, New(Options{}), []byte(tc.src), Page{File: "x.md"})
	}
}

func TestNoLinkifySpecExamples(t *testing.T) { skipSpecExamples(t, linkifySkip) }

func TestNoLinkifyRealSite(t *testing.T) { skipRealSite(t, linkifySkip) }

func TestNoLinkifySyntheticSites(t *testing.T) { skipSyntheticSites(t, linkifySkip) }

func FuzzNoLinkify(f *testing.F) {
	fuzzSkip(f, linkifySkip, []string{
		"# Title\n\nSome *text* and **more**, a [link](x.md \"t\") and `code  `.\n",
		"- a\n- b\n\n  c\n\n1. x\n2. y\n",
		"> quote\n> more\n\n---\n\n```go\nx := 1 < 2\n```\n",
		"| a | b |\n|:-|-:|\n| 1 | 2 |\n\nfoot[^1]\n\n[^1]: note\n",
		"![alt *x*](img.png \"cap\")\n\ntext ![i](j.png) (www) ~x~ _y_\n",
		"a  \nb\\\nc <span>raw</span> &amp; &quot; &lt; &#65;\n\n<div>\nblock\n</div>\n",
		"- [ ] task\n- [x] done\n\n~~gone~~ \"quotes\" -- and --- ...\n",
		"*a *b* c* ` a ` <x.org> (a *(b)* c)\n\\ x \\* y\n",
		"a `[^1]` <i title=\"[^2]\">b</i> <irc:x[^3]> [^4]\n\n[^1]: n\n[^2]: n\n[^3]: n\n[^4]: n\n",
	})
}

// sameHeadingIDs fails if a page's Result.HeadingIDs, converted as the
// build converts an original (links and images resolved, numbered or
// not), are not the IDs of its Outline.
func sameHeadingIDs(t testing.TB, c *Converter, src []byte, p Page) {
	t.Helper()
	p.HeadingAliases, p.Untranslated = nil, nil
	res, err := c.Convert(src, p)
	if err != nil {
		return
	}
	hs, err := c.Outline(src, p)
	if err != nil {
		t.Fatalf("outline fails where Convert does not: %v\n%q", err, src)
	}
	var want []string
	for _, h := range hs {
		want = append(want, h.ID)
	}
	if !reflect.DeepEqual(res.HeadingIDs, want) {
		t.Errorf("heading IDs differ from the outline's\nmarkdown: %q\nConvert: %q\nOutline: %q", src, res.HeadingIDs, want)
	}
}

func TestHeadingIDsAsOutline(t *testing.T) {
	c := New(Options{})
	var srcs [][]byte
	for _, s := range markdowntest.SpecExamples(t) {
		srcs = append(srcs, []byte(s))
	}
	files, _ := filepath.Glob("../../content/*/*.md")
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, body(src))
	}
	for name, f := range synth.MapFS(synth.Options{N: 40}) {
		if strings.HasSuffix(name, ".md") {
			srcs = append(srcs, body(f.Data))
		}
	}
	srcs = append(srcs, []byte("# A ![b *c*](d.png \"e\")\n\n## A [b](c.md) `d`\n\n# ![x](y.png)\n\n- # in a list\n\n# A\n\n# A\n"))
	for _, src := range srcs {
		for _, numbered := range []bool{false, true} {
			for _, compact := range []bool{false, true} {
				p := picturePage("page.md")
				p.Numbered, p.Compact = numbered, compact
				sameHeadingIDs(t, c, src, p)
			}
		}
	}
}

func FuzzHeadingIDs(f *testing.F) {
	f.Add("# A ![b *c*](d.png \"e\")\n\n## A [b](c.md) `d`\n\n# ![x](y.png)\n\n- # in a list\n\n# A\n\n# p1\n", true)
	c := New(Options{})
	f.Fuzz(func(t *testing.T, src string, numbered bool) {
		p := picturePage("fuzz.md")
		p.Numbered, p.Compact = numbered, true
		sameHeadingIDs(t, c, []byte(src), p)
	})
}
