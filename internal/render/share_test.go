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
