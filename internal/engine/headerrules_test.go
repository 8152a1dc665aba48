package engine

import (
	"os"
	"slices"
	"testing"
)

// TestHeaderRules reads the golden site's _headers as a host does: each
// path gets the security headers once, with the policy and caching its
// rules give it.
func TestHeaderRules(t *testing.T) {
	data, err := os.ReadFile("testdata/golden/_headers")
	if err != nil {
		t.Fatal(err)
	}
	rules := ParseHeaders(data)
	base := SecurityHeaders()
	inline := InlineStylePolicy([]string{"sha256-mZ0I42wL9H/L9QPt3kHEsdrjQ1bUK5W/gB1zm1SykrU="})
	with := func(hs [][2]string, name, value string) [][2]string {
		var out [][2]string
		for _, h := range hs {
			if h[0] != name {
				out = append(out, h)
			}
		}
		return append(out, [2]string{name, value})
	}
	for _, tc := range []struct {
		path string
		want [][2]string
	}{
		{"/fixture/", base},
		{"/fixture/en/report/", base},
		{"/fixture/assets/favicon.6cbadf02aa.svg", with(base, "Cache-Control", "public, max-age=31536000, immutable")},
		{"/fixture/en/feed.xml", append(slices.Clone(base), [2]string{"Content-Type", "application/atom+xml; charset=utf-8"})},
		{"/fixture/en/report.html", with(base, "Content-Security-Policy", inline)},
		{"/fixture/es/informe", with(base, "Content-Security-Policy", inline)},
		{"/elsewhere", nil},
	} {
		if got := rules.For(tc.path); !slices.Equal(got, tc.want) {
			t.Errorf("For(%s) =\n%q\nwant\n%q", tc.path, got, tc.want)
		}
	}
}

func TestMatchPattern(t *testing.T) {
	for _, tc := range []struct {
		pattern, path string
		want          bool
	}{
		{"/*", "/", true},
		{"/*", "/a/b.svg", true},
		{"/a/*", "/a/", true},
		{"/a/*", "/ab", false},
		{"/a/*.svg", "/a/b/c.svg", true},
		{"/a/*.svg", "/a/b/c.png", false},
		{"/a", "/a", true},
		{"/a", "/a/", false},
	} {
		if got := matchPattern(tc.pattern, tc.path); got != tc.want {
			t.Errorf("matchPattern(%q, %q) = %v", tc.pattern, tc.path, got)
		}
	}
}
