package render

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"cecot/internal/config"
	"cecot/internal/content"
)

// TestViewCopiesPageFields checks that every field PageView copies to its
// top level holds the page's value, so that layouts see the same thing
// whichever of the two they reach.
func TestViewCopiesPageFields(t *testing.T) {
	p := &content.Page{
		FrontMatter: content.FrontMatter{
			Title: "Informe", Description: "Resumen", Date: content.Date{Time: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), MonthOnly: true},
			Weight: 3, Slug: "informe", Lastmod: content.Date{Time: time.Date(2025, 7, 2, 0, 0, 0, 0, time.UTC)},
			Numbered: true, Standalone: true, Params: map[string]any{"menu": "Informe"},
		},
		Lang: "es", Key: "report", File: "content/es/report.md", Kind: content.KindSection,
		URL: "/es/informe/", Out: "es/informe/index.html", Parent: "_index",
	}
	cfg := &config.Config{BaseURL: "https://example.org/"}
	view := (&Renderer{cfg: cfg}).NewPass(nil, PassOptions{}).job(nil).view(p)
	v := reflect.ValueOf(view).Elem()
	page := reflect.ValueOf(p).Elem()
	copied := 0
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if f.Anonymous || !f.IsExported() {
			continue
		}
		want := page.FieldByName(f.Name)
		if !want.IsValid() {
			continue
		}
		copied++
		if want.IsZero() {
			t.Errorf("test page has no %s; give it one", f.Name)
		}
		if got := v.Field(i).Interface(); !reflect.DeepEqual(got, want.Interface()) {
			t.Errorf("view %s = %v, page has %v", f.Name, got, want.Interface())
		}
	}
	if copied == 0 {
		t.Error("no copied fields found")
	}
	// The facts worked out when the view is made, as the page's own
	// methods and the configuration give them.
	facts := []struct {
		name      string
		got, want any
	}{
		{"Permalink", view.Permalink, "https://example.org/es/informe/"},
		{"Indexable", view.Indexable, p.Indexable()},
		{"Dated", view.Dated, p.Dated()},
		{"StandaloneURL", view.StandaloneURL, p.StandaloneURL()},
		{"Site", view.Site, cfg},
	}
	for _, f := range facts {
		if f.got != f.want {
			t.Errorf("view %s = %v, want %v", f.name, f.got, f.want)
		}
	}
	p.Standalone, p.Date, p.Kind = false, content.Date{}, content.KindNotFound
	view = view.j.view(p)
	if view.StandaloneURL != "" || view.Dated || view.Indexable {
		t.Errorf("a 404 page without a date or a single-file edition: StandaloneURL %q, Dated %v, Indexable %v", view.StandaloneURL, view.Dated, view.Indexable)
	}
}

func TestCountWords(t *testing.T) {
	for _, text := range []string{
		"", " ", "one", "  two words ", "tab\tand\nnew\r\nlines\v\f.",
		"no\u00a0break space", "ñandú año", "\u2003em\u2003space\u0085next", "x\xffy z",
	} {
		if got, want := content.CountWords([]byte(text)), len(strings.Fields(text)); got != want {
			t.Errorf("%q: %d words, strings.Fields finds %d", text, got, want)
		}
	}
}
