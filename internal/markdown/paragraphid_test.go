package markdown

import "testing"

// TestParagraphID: the id a numbered paragraph gets is the one
// ParagraphNumber reads back, and nothing else reads as one.
func TestParagraphID(t *testing.T) {
	for _, n := range []int{1, 7, 12, 300} {
		id := ParagraphID(n)
		if got, ok := ParagraphNumber(id); !ok || got != id[1:] {
			t.Errorf("ParagraphNumber(%q) = %q, %v", id, got, ok)
		}
	}
	for _, id := range []string{"", "p", "pa", "p1a", "key-facts", "P1", "p-1", "h1"} {
		if n, ok := ParagraphNumber(id); ok {
			t.Errorf("ParagraphNumber(%q) = %q, true; want no paragraph", id, n)
		}
	}
	if ParagraphID(7) != "p7" {
		t.Errorf("ParagraphID(7) = %q", ParagraphID(7))
	}
}
