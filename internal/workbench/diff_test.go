package workbench

import (
	"strings"
	"testing"
)

func TestWordDiff(t *testing.T) {
	for _, tc := range []struct {
		old, new string
		want     string // [-deleted-] {+inserted+}
	}{
		{"same text", "same text", "same text"},
		{"", "new text", "{+new text+}"},
		{"old text", "", "[-old text-]"},
		{"In February 2025, the governments agreed.", "In March 2025, the governments agreed.",
			"In [-February-]{+March+} 2025, the governments agreed."},
		{"about 288 people", "about 300 people", "about [-288-]{+300+} people"},
		{"They were sent.", "They were sent to CECOT.", "They were sent{+ to CECOT+}."},
		{"a change of one letter: trial", "a change of one letter: trials",
			"a change of one letter: [-trial-]{+trials+}"},
		{"Relatoría Especial", "Relator Especial", "[-Relatoría-]{+Relator+} Especial"},
	} {
		var b strings.Builder
		for _, s := range WordDiff(tc.old, tc.new) {
			switch s.Op {
			case Equal:
				b.WriteString(s.Text)
			case Delete:
				b.WriteString("[-" + s.Text + "-]")
			case Insert:
				b.WriteString("{+" + s.Text + "+}")
			}
		}
		if got := b.String(); got != tc.want {
			t.Errorf("WordDiff(%q, %q)\n got %s\nwant %s", tc.old, tc.new, got, tc.want)
		}
	}
}

// TestWordDiffSpells checks that the old text is the equal and deleted
// spans, and the new the equal and inserted ones, for texts with many
// distinct words, beyond the surrogate range of token numbers.
func TestWordDiffSpells(t *testing.T) {
	var a, b strings.Builder
	for i := range 60000 {
		w := strings.Repeat("x", i%7+1) + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676%26))
		a.WriteString(w + " ")
		if i%1000 == 0 {
			b.WriteString("changed ")
		} else {
			b.WriteString(w + " ")
		}
	}
	var gotOld, gotNew strings.Builder
	for _, s := range WordDiff(a.String(), b.String()) {
		if s.Op != Insert {
			gotOld.WriteString(s.Text)
		}
		if s.Op != Delete {
			gotNew.WriteString(s.Text)
		}
	}
	if gotOld.String() != a.String() || gotNew.String() != b.String() {
		t.Error("the spans do not spell the two texts")
	}
}
