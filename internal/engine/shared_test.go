package engine

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"cecot/internal/parallel"
	"cecot/internal/render"
	"cecot/internal/synth"
)

// TestSharedFragments renders every output of a synthetic site, whose
// pages show their section's navigation as a shared fragment, once with
// the fragments shared between pages as a build does and once with each
// page rendering its own: the bytes and the pages each render read must
// be the same. Navigations that cannot be shared, because a link is
// printed twice or where the layout's escaping would change it, are
// rendered per page.
func TestSharedFragments(t *testing.T) {
	const nav = `{{with .Section}}<nav><a href="{{$.Rel .URL}}">{{.Title}}</a><ul>{{range .Pages}}<li><a href="{{$.Rel .URL}}"{{$.Current .}}>{{.Title}}</a>LINK{{end}}</ul></nav>{{end}}`
	tests := []struct {
		name          string
		link          string // replaces LINK in nav
		shared, alone int
	}{
		// 2 languages × 10 sections × 2 parts of 3 or 4 pages.
		{"shared", "", 40, 0},
		{"link printed twice", `{{$l := $.Rel .URL}}<a href="{{$l}}">{{$l}}</a>`, 0, 40},
		{"link in a query", `<a href="/?from={{$.Rel .URL}}">x</a>`, 0, 40},
		{"home and menu", `<a href="{{$.Rel $.Home.URL}}">{{len $.Menu}}</a>`, 40, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := synth.MapFS(synth.Options{N: 60, Chapter: 4})
			fsys["layouts/partials/section-nav.html"] = &fstest.MapFile{Data: []byte(strings.ReplaceAll(nav, "LINK", tt.link))}
			s, err := Load(fsys, Options{})
			if err != nil {
				t.Fatal(err)
			}
			outs := s.outputs()
			r := s.pass(render.PassOptions{Share: true})
			results := make([]made, len(outs))
			parallel.For(context.Background(), len(outs), func(i int) {
				d := render.Deps{}
				data, err := s.makeWith(r, outs[i], d)
				results[i] = made{Data: data, Deps: d, Err: err}
			})
			for i, o := range outs {
				deps := render.Deps{}
				want, err := s.makeWith(s.pass(render.PassOptions{}), o, deps)
				if err != nil || results[i].Err != nil {
					t.Fatalf("%s: %v, %v", o.Name, err, results[i].Err)
				}
				if string(results[i].Data) != string(want) {
					t.Errorf("%s: shared fragments give\n%s\nwant\n%s", o.Name, results[i].Data, want)
				}
				if got := results[i].Deps; !maps.Equal(got, deps) {
					t.Errorf("%s: read %v, want %v", o.Name, slices.Collect(maps.Keys(got)), slices.Collect(maps.Keys(deps)))
				}
			}
			if shared, alone := r.SharedFragments(); shared != tt.shared || alone != tt.alone {
				t.Errorf("%d fragments shared, %d rendered per page; want %d and %d", shared, alone, tt.shared, tt.alone)
			}
		})
	}
}
