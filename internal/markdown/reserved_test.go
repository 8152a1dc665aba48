package markdown

import (
	"slices"
	"testing"
	"testing/fstest"
)

// ReservedIDs finds, without parsing the layouts, the IDs they write
// literally, in .html files under the folder it is given only.
func TestReservedIDs(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/base.html":         {Data: []byte(`<main id="main">{{block "main" .}}{{end}}</main>`)},
		"layouts/partials/toc.html": {Data: []byte(`<h2 id="toc-title">{{T "contents"}}</h2><a id="{{.ID}}">`)},
		"layouts/page.html":         {Data: []byte(`<p id="top">`)},
		"layouts/notes.txt":         {Data: []byte(`id="not-a-layout"`)},
		"content/en/_index.md":      {Data: []byte(`id="not-a-layout"`)},
	}
	got := ReservedIDs(fsys, "layouts")
	if want := []string{"main", "toc-title", "top"}; !slices.Equal(got, want) {
		t.Errorf("ReservedIDs = %q, want %q", got, want)
	}
	if got := ReservedIDs(fsys, "missing"); len(got) != 0 {
		t.Errorf("ReservedIDs of a missing folder = %q, want none", got)
	}
}
