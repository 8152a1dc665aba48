package content

import "testing"

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
