package render

import (
	"errors"
	"html/template"
	"strings"
	"testing"
	"testing/fstest"
)

// TestFoldMessages checks that the constant calls of T are written into
// each language's layouts as their messages, escaped as T's result was
// in every context, and that the calls that are not constant are left
// to run: with data, with a value piped in, or failing.
func TestFoldMessages(t *testing.T) {
	calls := map[string]int{}
	tr := func(lang string) func(string, ...any) (string, error) {
		return func(id string, args ...any) (string, error) {
			calls[lang+" "+id]++
			if id == "missing" {
				return "", errors.New("no message " + id)
			}
			msg := lang + `:<"&'+ ` + id
			for _, a := range args {
				msg += " " + a.(string)
			}
			return msg, nil
		}
	}
	funcs := map[string]template.FuncMap{"en": {"T": tr("en")}, "es": {"T": tr("es")}}
	layout := `<p title="{{T "a"}}">{{T "b"}}</p><a href="/{{T "c"}}">{{if T "d"}}{{T "e" "x"}}{{end}}</a>` +
		`{{with "y" | T "f"}}{{.}}{{end}}<script>var s = {{T "g"}};</script>{{block "x" .}}{{T "h"}}{{end}}`
	fsys := fstest.MapFS{
		"layouts/base.html": {Data: []byte(`{{define "base"}}<b>{{T "i"}}</b>{{end}}`)},
		"layouts/page.html": {Data: []byte(layout + `{{template "base"}}`)},
	}
	tmpl, err := loadTemplates(fsys, []string{"en", "es"}, funcs)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"a", "b", "c", "d", "g", "h", "i"} {
		if calls["en "+id] != 1 || calls["es "+id] != 1 {
			t.Errorf("T %q folded %d, %d times in en, es; want once each", id, calls["en "+id], calls["es "+id])
		}
	}
	clear(calls)
	got := map[string]string{}
	for _, lang := range []string{"en", "es"} {
		set, _ := tmpl.lookup(lang, "page")
		var b strings.Builder
		if err := set.ExecuteTemplate(&b, "page.html", nil); err != nil {
			t.Fatal(err)
		}
		got[lang] = b.String()
	}
	if len(calls) != 4 || calls["en e"] != 1 || calls["en f"] != 1 || calls["es e"] != 1 || calls["es f"] != 1 {
		t.Errorf("calls at execution %v; want only T e and f, the ones with data, once a language", calls)
	}
	for _, lang := range []string{"en", "es"} {
		// The same layout with T called at execution.
		want := template.Must(template.New("").Funcs(template.FuncMap{"T": tr(lang)}).Parse(
			`{{define "base"}}<b>{{T "i"}}</b>{{end}}` + layout + `{{template "base"}}`))
		var w strings.Builder
		if err := want.Execute(&w, nil); err != nil {
			t.Fatal(err)
		}
		if got[lang] != w.String() {
			t.Errorf("%s:\ngot  %s\nwant %s", lang, got[lang], w.String())
		}
	}
	// A message T cannot give fails where it did, at execution.
	fsys["layouts/page.html"] = &fstest.MapFile{Data: []byte("line 1\n" + `{{T "missing"}}`)}
	if tmpl, err = loadTemplates(fsys, []string{"en"}, funcs); err != nil {
		t.Fatal(err)
	}
	set, _ := tmpl.lookup("en", "page")
	err = templateError(set.ExecuteTemplate(&strings.Builder{}, "page.html", nil))
	if err == nil || !strings.HasPrefix(err.Error(), "layouts/page.html:2:") {
		t.Errorf("got %v; want the error at layouts/page.html:2", err)
	}
}
