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
		// 2 languages × 10 sections × 2 parts of 3 or 4 pages; and
		// base.html's alternates and language links, shared in each of
		// the 64 folders of pages.
		{"shared", "", 40 + 128, 0},
		{"link printed twice", `{{$l := $.Rel .URL}}<a href="{{$l}}">{{$l}}</a>`, 128, 40},
		{"link in a query", `<a href="/?from={{$.Rel .URL}}">x</a>`, 128, 40},
		{"home and menu", `<a href="{{$.Rel $.Home.URL}}">{{len $.Menu}}</a>`, 40 + 128, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := synth.MapFS(synth.Options{N: 60, Chapter: 4})
			fsys["layouts/partials/section-nav.html"] = &fstest.MapFile{Data: []byte(strings.ReplaceAll(nav, "LINK", tt.link))}
			if shared, alone := sharedAgainstAlone(t, fsys); shared != tt.shared || alone != tt.alone {
				t.Errorf("%d fragments shared, %d rendered per page; want %d and %d", shared, alone, tt.shared, tt.alone)
			}
		})
	}
}

// sharedAgainstAlone renders every output of the site in fsys with the
// fragments shared between pages and with each page rendering its own,
// fails unless the bytes and the pages each render read are the same,
// or when a fragment was rendered more than once for its folder (twice
// with holes, to check them) or held after its folder was done, and
// returns how many fragments were shared and rendered per page.
func sharedAgainstAlone(t *testing.T, fsys fstest.MapFS) (shared, alone int) {
	t.Helper()
	s, err := Load(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	outs := s.outputs()
	r := s.pass(render.PassOptions{Share: true, Renders: rendersOf(outs)})
	results := make([]made, len(outs))
	parallel.For(context.Background(), len(outs), func(i int) {
		d := render.Deps{}
		data, err := s.makeWith(r, outs[i], d, nil)
		results[i] = made{Data: data, Deps: d, Err: err}
	})
	for i, o := range outs {
		deps := render.Deps{}
		want, err := s.makeWith(s.pass(render.PassOptions{}), o, deps, nil)
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
	shared, alone = r.SharedFragments()
	// A fragment is rendered once for its folder, with holes; one that
	// has holes also alone for the first page, to check it against.
	if keys, renders, holed := r.FragmentRenders(); renders != keys+holed {
		t.Errorf("%d renders of %d fragments, %d with holes; want %d", renders, keys, holed, keys+holed)
	}
	if held, late := r.FragmentsHeld(); held != 0 || late != 0 {
		t.Errorf("%d fragments held after the last page, %d made again after their folder was done; want none", held, late)
	}
	return shared, alone
}

// TestSharedFragmentsLetGo makes a synthetic site's outputs one after
// another in a build's order and checks that the pass holds only the
// shared fragments of the folders under way (the folder of pages and
// the folders above it, whose pages come between its subfolders'), not
// those of every folder so far: no more for a site four times the
// size, and none made twice. A page made once more after all makes its
// fragments again, and the same bytes.
func TestSharedFragmentsLetGo(t *testing.T) {
	var most []int
	for _, n := range []int{60, 240} {
		s, err := Load(synth.MapFS(synth.Options{N: n, Chapter: 4}), Options{})
		if err != nil {
			t.Fatal(err)
		}
		outs := s.outputs()
		ps := s.pass(render.PassOptions{Share: true, Renders: rendersOf(outs)})
		m, last := 0, -1
		data := make([][]byte, len(outs))
		for _, i := range slowFirst(outs) {
			if data[i], err = s.makeWith(ps, outs[i], nil, nil); err != nil {
				t.Fatalf("%s: %v", outs[i].Name, err)
			}
			held, _ := ps.FragmentsHeld()
			m = max(m, held)
			if outs[i].layout {
				last = i
			}
		}
		keys, _, _ := ps.FragmentRenders()
		held, late := ps.FragmentsHeld()
		t.Logf("N=%d: %d fragments, at most %d held", n, keys, m)
		if held != 0 || late != 0 {
			t.Errorf("N=%d: %d fragments held after the last page, %d made again; want none", n, held, late)
		}
		most = append(most, m)
		again, err := s.makeWith(ps, outs[last], nil, nil)
		if _, late := ps.FragmentsHeld(); err != nil || string(again) != string(data[last]) || late == 0 {
			t.Errorf("N=%d: %s made again: %v, the same bytes %t, %d fragments made again; want the same bytes from fragments made again", n, outs[last].Name, err, string(again) == string(data[last]), late)
		}
	}
	// The bench theme's three partials in a folder of pages, two in
	// each folder above it (the sections', the parts', the homes').
	if most[0] != most[1] || most[1] > 3+2+2+2 {
		t.Errorf("at most %d and %d fragments held at once; want the same, at most 9", most[0], most[1])
	}
}

// TestSharedVersions checks the fragments that show a page's other
// languages (the synthetic theme's alternates and language links) as
// TestSharedFragments does the section navigation: with stand-ins for
// missing translations among the pages of a folder, with the switcher's
// Versions, without a base URL, and with a version's URL printed where
// no hole can stand for it.
func TestSharedVersions(t *testing.T) {
	const versions = `{{with .Versions}}<ul>{{range .}}<li><a href="{{$.Rel .URL}}" hreflang="{{.Lang}}">{{.Language.Name}}</a>{{if .Untranslated}}*{{end}}</li>{{end}}</ul>{{end}}`
	tests := []struct {
		name          string
		edit          func(fstest.MapFS)
		shared, alone int
	}{
		{"every page translated", func(fstest.MapFS) {}, 40 + 128, 0},
		// Two of a folder's four pages missing in Spanish: in both
		// languages, the folder's pages share each of its three
		// fragments with the pages like them, in two fragments
		// instead of one.
		{"stand-ins", func(fsys fstest.MapFS) {
			delete(fsys, "content/es/appendix/part-01/page-00010.md")
			delete(fsys, "content/es/appendix/part-01/page-00020.md")
		}, 40 + 128 + 6, 0},
		// One missing: that page is alone like it in its folder, in
		// both languages, and renders its three fragments alone.
		{"switcher of versions", func(fsys fstest.MapFS) {
			delete(fsys, "content/es/appendix/part-01/page-00010.md")
			fsys["layouts/partials/languages.html"] = &fstest.MapFile{Data: []byte(versions)}
		}, 40 + 128, 6},
		{"no base URL", func(fsys fstest.MapFS) {
			fsys["site.toml"].Data = []byte(strings.Replace(string(fsys["site.toml"].Data), `baseURL = "https://example.org/"`, "", 1))
		}, 40 + 128, 0},
		{"URL printed", func(fsys fstest.MapFS) {
			fsys["layouts/partials/languages.html"] = &fstest.MapFile{Data: []byte(`{{range .Translations}}<a href="{{$.Rel .URL}}">{{.URL}}</a>{{end}}`)}
		}, 40 + 64, 64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := synth.MapFS(synth.Options{N: 60, Chapter: 4})
			for _, f := range []string{"content/es/appendix/part-01/page-00010.md", "content/es/appendix/part-01/page-00020.md", "layouts/partials/languages.html"} {
				if fsys[f] == nil {
					t.Fatalf("the synthetic site has no %s", f)
				}
			}
			tt.edit(fsys)
			if shared, alone := sharedAgainstAlone(t, fsys); shared != tt.shared || alone != tt.alone {
				t.Errorf("%d fragments shared, %d rendered per page; want %d and %d", shared, alone, tt.shared, tt.alone)
			}
		})
	}
}

// TestSharedRealLayouts checks the real layouts' shared fragments (the
// menus, the language switcher, the hreflang alternates) on a synthetic
// site as TestSharedFragments does: the same bytes and reads as each
// page rendering its own, and every fragment shared but the home pages'
// five, each the only page of its folder. A partial that asks for a hole
// it does not print (the alternates once tested .Permalink, a hole, to
// know whether there is a base URL) is rendered by every page alone:
// 62 more.
func TestSharedRealLayouts(t *testing.T) {
	shared, alone := sharedAgainstAlone(t, realLayouts(t, synth.MapFS(synth.Options{N: 60, Chapter: 4})))
	if shared != 62*5 || alone != 2*5 {
		t.Errorf("%d fragments shared, %d rendered per page; want 310 and 10", shared, alone)
	}
}
