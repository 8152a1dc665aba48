package render

import (
	"errors"
	"html/template"
	"io"
	"regexp"
	"runtime"
	"testing"
	"testing/fstest"

	"cecot/internal/assets"
	"cecot/internal/diag"
)

// TestGoTemplateErrorWording checks that templateError still reads the
// words Go's template packages use for each kind of mistake in a layout.
// They are not an API: a Go release may reword them. When this test
// fails, look at Go's message it prints and update the expression it
// names in internal/render/templates.go until the layout error is again
// the one wanted.
func TestGoTemplateErrorWording(t *testing.T) {
	r := &Renderer{assets: &assets.Set{}}
	funcs := map[string]template.FuncMap{"en": r.funcs(nil)}
	for _, c := range []struct {
		name   string
		layout string // line 2 of layouts/page.html
		exec   bool   // the mistake shows when the layout runs
		res    []*regexp.Regexp
		want   string
	}{
		{"unclosed action", "{{if .Title}}", false, []*regexp.Regexp{templateErrRE()},
			`layouts/page.html:2: unexpected EOF; actions are written {{...}}, and each if, range, with, define and block ends with {{end}}`},
		{"unknown function", "{{nosuchfunc}}", false, []*regexp.Regexp{templateErrRE()},
			`layouts/page.html:2: function "nosuchfunc" not defined; actions are written {{...}}, and each if, range, with, define and block ends with {{end}}`},
		{"misspelt field", "{{.Titel}}", true, []*regexp.Regexp{templateErrRE(), execRE(), fieldRE()},
			`layouts/page.html:2: {{.Titel}}: a page has no field or method Titel; check the spelling against PageView in internal/render/view.go`},
		{"misspelt field in a block", `{{define "main"}}{{.Titel}}{{end}}{{template "main" .}}`, true, []*regexp.Regexp{templateErrRE(), execRE(), fieldRE()},
			`layouts/page.html:2: {{.Titel}}: a page has no field or method Titel; check the spelling against PageView in internal/render/view.go`},
		{"failing function", `{{dataURL "nope.svg"}}`, true, []*regexp.Regexp{templateErrRE(), execRE()},
			`layouts/page.html:2: {{dataURL "nope.svg"}}: no asset "nope.svg" in assets/; add assets/nope.svg or fix the name`},
		{"branches in different contexts", `{{if .Kind}}<a href="{{else}}<b>{{end}}`, true, nil,
			`layouts/page.html:2: {{if}} branches end in different contexts: {stateURL delimDoubleQuote urlPartNone jsCtxRegexp [] attrURL elementNone <nil>}, {stateText delimNone urlPartNone jsCtxRegexp [] attrNone elementNone <nil>}`},
		{"missing template", `{{template "nope" .}}`, true, nil,
			`layouts/page.html:2: no such template "nope"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"layouts/base.html": {Data: []byte("base")},
				"layouts/page.html": {Data: []byte("line 1\n" + c.layout)},
			}
			tmpl, err := loadTemplates(fsys, []string{"en"}, funcs)
			if c.exec {
				if err != nil {
					t.Fatal(err)
				}
				set, _ := tmpl.lookup("en", "page")
				raw := set.ExecuteTemplate(io.Discard, "page.html", &PageView{j: r.NewPass(nil, PassOptions{}).job(nil)})
				err = templateError(raw)
				checkWording(t, raw, c.res)
			} else if err != nil {
				var list diag.List
				if errors.As(err, &list) && len(list) == 1 {
					err = list[0]
				}
			}
			if err == nil || err.Error() != c.want {
				t.Errorf("layout error\n got %v\nwant %s", err, c.want)
			}
		})
	}
}

// checkWording fails loudly when Go's own message no longer matches an
// expression that templateError reads it with.
func checkWording(t *testing.T, raw error, res []*regexp.Regexp) {
	t.Helper()
	if raw == nil || len(res) == 0 {
		return
	}
	msg := raw.Error()
	for i, re := range res {
		m := re.FindStringSubmatch(msg)
		if m == nil {
			t.Fatalf("Go %s words a template error differently from what internal/render/templates.go expects:\n  %q\ndoes not match %s; update that expression (and the others templateError uses) to read the new wording", runtime.Version(), msg, re)
		}
		if i < len(res)-1 {
			msg = m[len(m)-1] // the rest, which the next expression reads
		}
	}
}
