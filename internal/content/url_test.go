package content

import (
	"strings"
	"testing"
)

func TestRelURL(t *testing.T) {
	for _, c := range [][3]string{
		{"/en/report/", "/es/informe/", "../../es/informe/"},
		{"/en/report/", "/en/report/", "./"},
		{"/en/", "/en/report/", "report/"},
		{"/en/report/", "/en/", "../"},
		{"/", "/en/", "en/"},
		{"/en/report/", "/assets/css/site.1.css", "../../assets/css/site.1.css"},
		{"/en/404.html", "/en/", "./"},
		{"/en/report/", "/en/report/#p1", "#p1"},
		{"/en/a/b/", "/en/a/c/", "../c/"},
	} {
		if got := RelURL(c[0], c[1]); got != c[2] {
			t.Errorf("RelURL(%q,%q)=%q want %q", c[0], c[1], got, c[2])
		}
	}
}

// relURLBefore is RelURL as it was written first, with strings.Split and
// Join: FuzzRelURLSame holds the faster one to it.
func relURLBefore(from, target string) string {
	if !strings.HasPrefix(target, "/") {
		return target
	}
	target, frag, hasFrag := strings.Cut(target, "#")
	fromDir := from[:strings.LastIndexByte(from, '/')+1]
	if target == from && hasFrag {
		return "#" + frag
	}
	var fromSegs []string
	if d := strings.Trim(fromDir, "/"); d != "" {
		fromSegs = strings.Split(d, "/")
	}
	toSegs := strings.Split(strings.TrimPrefix(target, "/"), "/")
	common := 0
	for common < len(fromSegs) && common < len(toSegs)-1 && fromSegs[common] == toSegs[common] {
		common++
	}
	var b strings.Builder
	for range len(fromSegs) - common {
		b.WriteString("../")
	}
	b.WriteString(strings.Join(toSegs[common:], "/"))
	rel := b.String()
	first, _, _ := strings.Cut(rel, "/")
	if rel == "" || strings.Contains(first, ":") {
		rel = "./" + rel
	}
	if hasFrag {
		rel += "#" + frag
	}
	return rel
}

func FuzzRelURLSame(f *testing.F) {
	for _, s := range [][2]string{
		{"/en/report/", "/es/informe/"}, {"/en/report/", "/en/report/"}, {"/", "/en/"},
		{"/en/404.html", "/en/"}, {"/en/report/", "/en/report/#p1"}, {"/en/a/b/", "/en/a/c/"},
		{"//a//b/", "/a//b/c:d/x#y"}, {"a", "/"}, {"/x/", "/x"}, {"/a:b/", "/a:b/c"}, {"", "/#"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, from, target string) {
		if got, want := RelURL(from, target), relURLBefore(from, target); got != want {
			t.Errorf("RelURL(%q, %q) = %q, before %q", from, target, got, want)
		}
	})
}
