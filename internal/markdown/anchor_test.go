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

// A translation's headings also answer to their original's IDs, on
// their link to themselves: not where the ID is the heading's own or
// another element's, nor when the headings are not the original's.
func TestHeadingAliases(t *testing.T) {
	const src = "## El acuerdo secreto\n\nTexto.\n\n## Main\n\n## Las recomendaciones\n"
	tests := []struct {
		name    string
		aliases []string
		want    []string // the headings' HTML
	}{
		{"aliases", []string{"the-secret-agreement", "main", "las-recomendaciones"}, []string{
			`<h2 id="el-acuerdo-secreto"><a href="#el-acuerdo-secreto" class="self" id="the-secret-agreement">El acuerdo secreto</a></h2>`,
			`<h2 id="main-1"><a href="#main-1" class="self">Main</a></h2>`,
			`<h2 id="las-recomendaciones"><a href="#las-recomendaciones" class="self">Las recomendaciones</a></h2>`,
		}},
		{"another number of headings", []string{"the-secret-agreement"}, []string{
			`<h2 id="el-acuerdo-secreto"><a href="#el-acuerdo-secreto" class="self">El acuerdo secreto</a></h2>`,
		}},
	}
	c := New(Options{})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := c.Convert([]byte(src), Page{File: "x.md", Reserved: []string{"main"}, HeadingAliases: tc.aliases})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(res.HTML, w) {
					t.Errorf("no %s in\n%s", w, res.HTML)
				}
			}
		})
	}
}
