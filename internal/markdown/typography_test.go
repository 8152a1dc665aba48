package markdown

import (
	"testing"
)

// The tests here prove that converting a page without the typographer
// when typographyMatters says it can substitute nothing (and
// typographyGuard agrees) gives the same result, byte for byte, as
// converting it with the typographer, as every page was before.

// withTypography is c always parsing with the typographer.
func withTypography(c *Converter) *Converter {
	always := *c
	always.noTypography = c.md
	always.noLinkifyNoTypography = c.noLinkify
	return &always
}

// sameWithoutTypography fails if converting src as Convert does gives
// anything else than converting it always with the typographer, compact
// and not, and likewise for its Outline. It reports whether src was
// parsed without the typographer (not parsed again with it after the
// guard's look).
func sameWithoutTypography(t testing.TB, c *Converter, src []byte, p Page) bool {
	t.Helper()
	matters, suspects := typographyMatters(src)
	if matters {
		return false
	}
	always := withTypography(c)
	sameConversions(t, "the typographer", c, always, src, p)
	_, st := c.parseWith(c.noLinkifyNoTypography, src, p, suspects)
	return !st.retypeset
}

func TestTypographyMatters(t *testing.T) {
	for _, tc := range []struct {
		src       string
		want      bool
		suspects  int
		retypeset bool // the guard finds a suspect line parsed as text
	}{
		{"plain *text*, with (marks) ~~and~~ a [link](x.md). - a list\n", false, 0, false},
		{"it's", true, 0, false},
		{`a "quote"`, true, 0, false},
		{"a -- b", true, 0, false},
		{"a --- b", true, 0, false},
		{"a... b", true, 0, false},
		{"<<a>>", true, 0, false},
		{"a >> b", true, 0, false},
		{"| a | b |\n| --- | :-: |\n| c | d |\n", false, 1, false},
		{"| a | b |\n| --- | :-: |\n| -- | - |\n", false, 2, true},
		{"a\n\n--\n", false, 1, true},
		{"a\n--\n", false, 1, false},    // a setext heading's underline
		{"a\n\n---\n", false, 1, false}, // a thematic break
		{"- a\n\n  --\n", false, 1, true},
		{"```\n--\n```\n", false, 1, false},
		{"| a |\n| -- |\n", false, 1, false},
		{"| a | b |\n| -- |\n", false, 1, true}, // not a table: cells differ
		{"> | a |\n> | -- |\n> x -- y\n", true, 0, false},
	} {
		got, suspects := typographyMatters([]byte(tc.src))
		if got != tc.want || len(suspects) != tc.suspects {
			t.Errorf("typographyMatters(%q) = %v with %d suspect lines, want %v with %d", tc.src, got, len(suspects), tc.want, tc.suspects)
		}
		c := New(Options{})
		if !got {
			if _, st := c.parseWith(c.noLinkifyNoTypography, []byte(tc.src), Page{File: "x.md"}, suspects); st.retypeset != tc.retypeset {
				t.Errorf("%q: parsed again with the typographer: %v, want %v", tc.src, st.retypeset, tc.retypeset)
			}
		}
		// What typographyMatters lets through, the typographer indeed
		// leaves alone.
		sameWithoutTypography(t, c, []byte(tc.src), Page{File: "x.md"})
	}
}

func TestNoTypographySpecExamples(t *testing.T) { skipSpecExamples(t, typographySkip) }

func TestNoTypographyRealSite(t *testing.T) { skipRealSite(t, typographySkip) }

func TestNoTypographySyntheticSites(t *testing.T) { skipSyntheticSites(t, typographySkip) }

func FuzzNoTypography(f *testing.F) {
	fuzzSkip(f, typographySkip, []string{
		"# Title\n\nSome *text* and **more**, a [link](x.md \"t\") and `code  `.\n",
		"- a\n- b\n\n  c\n\n1. x\n2. y\n",
		"> quote\n> more\n\n---\n\n```go\nx := 1 < 2\n```\n",
		"| a | b |\n|:-|-:|\n| 1 | 2 |\n\nfoot[^1]\n\n[^1]: note\n",
		"| a | b |\n| --- | --- |\n| -- | - |\n\n--\n\n- --\n",
		"a\n--\n\nb\n---\n\n| -- |\n|--|\n",
		"![alt *x*](img.png \"cap\")\n\ntext ![i](j.png) (www) ~x~ _y_ a<b c>d\n",
		"a  \nb\\\nc <span>raw</span> &amp; &quot; &lt; &#65;\n\n<div>\nblock\n</div>\n",
		"- [ ] task\n- [x] done\n\n~~gone~~ quotes and, dashes - . , < > * [\n",
	})
}
