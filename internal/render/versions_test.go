package render

import (
	"html/template"
	"strings"
	"testing"
)

// TestURLSafe holds urlSafe to its promise: text it accepts prints
// unchanged wherever a layout may put a hole, so that filling a hole in
// gives what the layout would have printed.
func TestURLSafe(t *testing.T) {
	const layout = `{{.}}|<a href="{{.}}" title="{{.}}" data-x={{.}}>{{.}}</a>|<link href="/x/{{.}}">|<meta content="{{.}}">`
	tmpl := template.Must(template.New("").Parse(layout))
	for _, s := range []string{
		"https://example.org/es/informe/",
		"../../en/report-2/",
		"./",
		"/en/a_b~c.d-f/",
		"http://localhost:1313/es/",
		"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
	} {
		if !urlSafe(s) {
			t.Errorf("urlSafe(%q) = false", s)
			continue
		}
		var b strings.Builder
		if err := tmpl.Execute(&b, s); err != nil {
			t.Fatal(err)
		}
		if want := strings.ReplaceAll(layout, "{{.}}", s); b.String() != want {
			t.Errorf("%q printed as\n%s\nwant\n%s", s, b.String(), want)
		}
	}
	for _, s := range []string{"/a b/", "/a&b/", "/ñ/", `/"/`, "/a+b/", "/a=b/", "/a%20b/", "/a?b=c/", "/a#b", "javascript:x", "a:b/", "/a'b/", "/<b>/"} {
		if urlSafe(s) {
			t.Errorf("urlSafe(%q) = true", s)
		}
	}
}
