package check

import (
	"strings"
	"testing"

	"cecot/internal/engine"
	"cecot/internal/markdown"
	"cecot/internal/render"
	"cecot/internal/stamp"
)

// TestTranslationStates renders a site with a translated page, a stale
// one and a missing one with the real layouts, and checks what readers
// and search engines get for each.
func TestTranslationStates(t *testing.T) {
	report := "\nThe report.\n\n## Facts\n\nOne fact.\n"
	old := strings.Replace(report, "One fact.", "An older fact.", 1)
	pages := map[string]string{
		"en/_index.md": pageFile("Home", "", "\nWelcome.\n"),
		"es/_index.md": pageFile("Inicio", "translated_from = \""+stamp.Make([]byte("\n\n\n\n\nWelcome.\n"), markdown.Page{})+"\"\n", "\nBienvenida.\n"),
		"en/report.md": pageFile("Report", "numbered = true\n", report),
		"es/report.md": pageFile("Informe", "numbered = true\nslug = \"informe\"\ntranslated_from = \""+stamp.Make([]byte("\n\n\n\n"+old), markdown.Page{})+"\"\n", "\nEl informe.\n\n## Datos\n\nUn dato.\n"),
		"en/about.md":  pageFile("About", "", "\nAbout us: [facts](report.md#facts), [the first](report.md#p1).\n"),
		"en/404.md":    pageFile("Not found", "", "\nGone.\n"),
		"es/404.md":    pageFile("No encontrada", "", "\nNo está.\n"),
	}
	s, err := engine.Load(projectFS(t, pages), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	html := func(lang, key string) string {
		t.Helper()
		p := s.Content.Page(lang, key)
		out, _, err := s.Renderer.NewPass(s.Content, render.PassOptions{}).Page(p, nil)
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	has := func(t *testing.T, doc string, want ...string) {
		t.Helper()
		for _, w := range want {
			if !strings.Contains(doc, w) {
				t.Errorf("missing %s", w)
			}
		}
	}
	hasNot := func(t *testing.T, doc string, unwanted ...string) {
		t.Helper()
		for _, w := range unwanted {
			if strings.Contains(doc, w) {
				t.Errorf("has %s", w)
			}
		}
	}

	t.Run("translated", func(t *testing.T) {
		doc := html("es", "_index")
		hasNot(t, doc, `class="notice"`, `noindex`)
		has(t, doc, `hreflang="en" href="https://example.org/en/"`, `hreflang="es" href="https://example.org/es/"`)
	})
	t.Run("stale", func(t *testing.T) {
		doc := html("es", "report")
		has(t, doc,
			`<p class="notice" role="note">El original de esta página se actualizó después de hacer esta traducción. <a href="../../en/report/" hreflang="en">Leer el original</a></p>`,
			`hreflang="en" href="https://example.org/en/report/"`, `rel="canonical"`)
		hasNot(t, html("en", "report"), `class="notice"`)
	})
	t.Run("stamped", func(t *testing.T) {
		fixed := map[string]string{}
		for k, v := range pages {
			fixed[k] = v
		}
		fixed["es/report.md"] = pageFile("Informe", "numbered = true\nslug = \"informe\"\ntranslated_from = \""+stamp.Make([]byte("\n\n\n\n"+report), markdown.Page{})+"\"\n", "\nEl informe.\n\n## Datos\n\nUn dato.\n")
		s2, err := engine.Load(projectFS(t, fixed), engine.Options{})
		if err != nil {
			t.Fatal(err)
		}
		out, _, err := s2.Renderer.NewPass(s2.Content, render.PassOptions{}).Page(s2.Content.Page("es", "report"), nil)
		if err != nil {
			t.Fatal(err)
		}
		hasNot(t, string(out), `class="notice"`)
	})
	t.Run("missing with fallback", func(t *testing.T) {
		standIn := s.Content.Page("es", "about")
		if !standIn.Untranslated || standIn.URL != "/es/about/" || standIn.Indexable() {
			t.Fatalf("stand-in %+v, indexable %v", standIn, standIn.Indexable())
		}
		doc := html("es", "about")
		has(t, doc,
			`<html lang="es"`,
			`<h1 lang="en">About</h1>`,
			`<div class="prose" lang="en">`,
			`<li lang="en"><a href="./" aria-current="page">About</a></li>`,
			`<p class="notice" role="note">Esta página todavía no se ha traducido al español.`,
			`<a href="../../en/about/" hreflang="en">Leer el original</a>`,
			`<meta name="robots" content="noindex">`,
			`About us: <a href="../../en/report/#facts">facts</a>, <a href="../informe/#p1">the first</a>.`)
		hasNot(t, doc, `rel="alternate" hreflang`, `rel="canonical"`)
		// The English page names no Spanish alternate, but its language
		// switcher leads to the stand-in, which exists.
		en := html("en", "about")
		hasNot(t, en, `hreflang="es" href="https://`)
		has(t, en, `<a href="../../es/about/" hreflang="es" lang="es">Español</a>`)
	})
	t.Run("switcher never leads nowhere", func(t *testing.T) {
		for _, p := range s.Content.Pages {
			for _, v := range s.Content.Translations(p) {
				if s.Content.Page(v.Lang, v.Key) == nil || v.URL == "" {
					t.Errorf("%s: version in %s has no page", p.File, v.Lang)
				}
			}
		}
		res, err := Site(t.Context(), s)
		if err != nil {
			t.Fatal(err)
		}
		if res.Errors != nil {
			t.Errorf("check found problems:\n%v", res.Errors)
		}
	})
}
