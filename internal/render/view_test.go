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
			Weight: 3, Slug: "informe",
		},
		Lang: "es", Key: "report", File: "content/es/report.md", Kind: content.KindSection,
		URL: "/es/informe/", Out: "es/informe/index.html", Parent: "_index",
	}
	v := reflect.ValueOf((&Renderer{cfg: &config.Config{}}).NewPass(nil, PassOptions{}).job(nil).view(p)).Elem()
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
