package workbench

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"cecot/internal/diag"
	"cecot/internal/words"
)

// broken is a Source whose project cannot be read.
type broken struct{ err error }

func (b broken) Overview(fs.FS) (*Overview, error)                    { return nil, b.err }
func (b broken) Page(fs.FS, string, string) (*Page, *Overview, error) { return nil, nil, b.err }
func (b broken) Strings(fs.FS, string) (*Page, *Overview, error)      { return nil, nil, b.err }

// TestProblemLanguage checks that a problem the translator tools have
// words for is shown in the workbench's language, at the same file:line.
func TestProblemLanguage(t *testing.T) {
	err := diag.List{&diag.Error{Path: "locales/po/pages/es/about.po", Line: 12,
		Err: &words.Message{ID: "po_twice", Data: map[string]any{"Ctx": `"about#p1"`, "Line": 8}}}}
	h := New(Options{FS: fstest.MapFS{}, Source: broken{err}})
	_, body := get(t, h, Path+"?ui=es")
	contains(t, "the problem page in Spanish", body,
		`locales/po/pages/es/about.po:12: msgctxt &#34;about#p1&#34; aparece dos veces (también en la línea 8); deje una sola entrada`)
	_, body = get(t, h, Path+"?ui=en")
	contains(t, "the problem page in English", body,
		`locales/po/pages/es/about.po:12: msgctxt &#34;about#p1&#34; is used twice (also at line 8); keep one entry`)
}
