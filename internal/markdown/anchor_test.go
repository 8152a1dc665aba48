package markdown

import (
	"strings"
	"testing"
)

func TestHeadingSelfLinks(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"heading", "## The secret agreement\n", `<h2 id="the-secret-agreement"><a href="#the-secret-agreement" class="self">The secret agreement</a></h2>`},
		{"inline markup kept", "### A *short* note\n", `<h3 id="a-short-note"><a href="#a-short-note" class="self">A <em>short</em> note</a></h3>`},
		{"no link inside a link", "## See [this](https://example.org/)\n", `<h2 id="see-this">See <a href="https://example.org/">this</a></h2>`},
	}
	c := New(Options{})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := c.Convert([]byte(tc.src), Page{File: "x.md"})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(string(res.HTML)); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			if len(res.TOC) != 1 || res.TOC[0].ID == "" {
				t.Errorf("TOC = %+v, want the heading", res.TOC)
			}
		})
	}
}
