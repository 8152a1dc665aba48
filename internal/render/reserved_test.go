package render

import (
	"html/template"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"cecot/internal/config"
	"cecot/internal/markdown"
)

// The real layouts give markdown.ReservedIDs exactly the IDs that the
// renderer reserves when it parses them.
func TestReservedIDsAreTheRenderers(t *testing.T) {
	fsys := os.DirFS(filepath.Join("..", ".."))
	r := &Renderer{}
	tmpl, err := loadTemplates(fsys, []string{"en"}, map[string]template.FuncMap{"en": r.funcs(nil)})
	if err != nil {
		t.Fatal(err)
	}
	if got := markdown.ReservedIDs(fsys, config.LayoutsDir); !slices.Equal(got, tmpl.ids) || len(got) == 0 {
		t.Errorf("ReservedIDs = %q, the renderer reserves %q", got, tmpl.ids)
	}
}
