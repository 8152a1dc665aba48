package translate

import (
	"testing"

	"cecot/internal/markdown"
	"cecot/internal/stamp"
)

// TestSectionsAreAnchors checks that a stamp names each section by the
// anchor the built page gives its heading, also where the heading's ID
// is one the layout reserves ("main") or its source line is not its
// text (a link's target, markup).
func TestSectionsAreAnchors(t *testing.T) {
	body := []byte("Intro.\n\n## Main\n\nText.\n\n## See [the report](report.md)\n\nMore.\n\n## *Key* facts\n\nLast.\n")
	page := markdown.Page{Reserved: []string{"main"}}
	res, err := markdown.New(markdown.Options{}).Convert(body, page)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, h := range res.TOC {
		want = append(want, h.ID)
	}
	var got []string
	for _, s := range stamp.Sections(body, page) {
		if s.ID != stamp.Intro {
			got = append(got, s.ID)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("sections %q, anchors %q", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("section %d is named %q, but the page's anchor is #%s", i+1, got[i], want[i])
		}
	}
}
