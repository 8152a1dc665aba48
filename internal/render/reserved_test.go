package render

import (
	"html/template"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"
)

// ReservedIDs finds, without parsing the layouts, the IDs that the
// renderer keeps headings from taking.
func TestReservedIDs(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/base.html":         {Data: []byte(`<main id="main">{{block "main" .}}{{end}}</main>`)},
		"layouts/partials/toc.html": {Data: []byte(`<h2 id="toc-title">{{T "contents"}}</h2><a id="{{.ID}}">`)},
		"layouts/page.html":         {Data: []byte(`<p id="top">`)},
		"layouts/notes.txt":         {Data: []byte(`id="not-a-layout"`)},
		"content/en/_index.md":      {Data: []byte(`id="not-a-layout"`)},
	}
	got := ReservedIDs(fsys)
	if want := []string{"main", "toc-title", "top"}; !slices.Equal(got, want) {
		t.Errorf("ReservedIDs = %q, want %q", got, want)
	}
}

// The real layouts give ReservedIDs exactly the IDs that the renderer
// reserves when it parses them.
func TestReservedIDsAreTheRenderers(t *testing.T) {
	fsys := os.DirFS(filepath.Join("..", ".."))
	r := &Renderer{Inputs: &Inputs{}}
	tmpl, err := loadTemplates(fsys, []string{"en"}, map[string]template.FuncMap{"en": r.funcs(nil)})
	if err != nil {
		t.Fatal(err)
	}
	if got := ReservedIDs(fsys); !slices.Equal(got, tmpl.ids) || len(got) == 0 {
		t.Errorf("ReservedIDs = %q, the renderer reserves %q", got, tmpl.ids)
	}
}
