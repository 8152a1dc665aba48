package render

import (
	"strings"
	"testing"
)

// spaceTexts have white space at either end, in runs, of other kinds
// than ' ' (Unicode's too), invalid UTF-8, and none.
var spaceTexts = []string{
	"", " ", "  ", "one", "two words", " lead", "trail ", "two  spaces", "tab\there", "new\nline",
	"nbsp\u00a0here", "em\u2003space", "next\u0085line", "bad\xffbyte here", "\xff", "end.\n", "ñandú año. Otra frase",
}

// TestCollapseSpace compares collapseSpace with what it stands for.
func TestCollapseSpace(t *testing.T) {
	for _, s := range spaceTexts {
		checkCollapseSpace(t, s)
	}
}

// FuzzCollapseSpace is TestCollapseSpace for any text.
func FuzzCollapseSpace(f *testing.F) {
	for _, s := range spaceTexts {
		f.Add(s)
	}
	f.Fuzz(checkCollapseSpace)
}

func checkCollapseSpace(t *testing.T, s string) {
	if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
		t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
	}
}

// TestShareLinksEscapeOnce checks that the share links, which escape the
// title and the page's URL once each, say what escaping each link's text
// whole says.
func TestShareLinksEscapeOnce(t *testing.T) {
	page := "https://example.org/es/informe/"
	for _, title := range []string{"", "Informe", "Año 2025: ¿qué pasó?", "a+b & c=d", "100% sure #1", "  spaced  out "} {
		want := []string{
			"https://wa.me/?text=" + queryEscape(title+" "+page),
			"https://t.me/share/url?url=" + queryEscape(page) + "&text=" + queryEscape(title),
			"mailto:?subject=" + queryEscape(title) + "&body=" + queryEscape(page),
		}
		links := shareLinks(title, page)
		if len(links) != len(want) {
			t.Fatalf("%d links, want %d", len(links), len(want))
		}
		for i, l := range links {
			if l.URL != want[i] {
				t.Errorf("title %q: link %d is %s, want %s", title, i, l.URL, want[i])
			}
		}
	}
}
