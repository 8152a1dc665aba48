package tmplwalk

import (
	"strings"
	"testing"
	"text/template/parse"
)

// TestWalk checks that Walk reaches every field, identifier and string
// of a tree, in the order they are written, wherever they stand.
func TestWalk(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{`{{.A}}`, ".A"},
		{`x{{f .A "s"}}y`, "f .A s"},
		{`{{.A | f .B}}`, ".A f .B"},
		{`{{(f .A).B}}`, "f .A"},
		{`{{if .A}}{{.B}}{{else if .C}}{{.D}}{{else}}{{.E}}{{end}}`, ".A .B .C .D .E"},
		{`{{range $i, $v := .A}}{{$v.B}}{{else}}{{.C}}{{end}}`, ".A $v.B .C"},
		{`{{with .A}}{{.B}}{{end}}`, ".A .B"},
		{`{{template "t" .A}}`, ".A"},
		{`{{template "t"}}`, ""},
		{`{{block "b" .A}}{{.B}}{{end}}`, ".A"},
	} {
		trees, err := parse.Parse("x", c.text, "", "", map[string]any{"f": true})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		Walk(trees["x"].Root, func(n parse.Node) {
			switch n := n.(type) {
			case *parse.FieldNode, *parse.IdentifierNode, *parse.VariableNode:
				got = append(got, n.String())
			case *parse.StringNode:
				got = append(got, n.Text)
			}
		})
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%s: got %q, want %q", c.text, g, c.want)
		}
	}
}
