package workbench

import (
	"io"
	"io/fs"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"

	"cecot/internal/translation"
)

// fake is a Source with fixed contents, for testing the pages alone.
type fake struct{ o *Overview }

func (f fake) Overview(fs.FS) (*Overview, error) { return f.o, nil }

func (f fake) Page(_ fs.FS, lang, key string) (*Page, *Overview, error) {
	if l := f.o.Language(lang); l != nil {
		for _, p := range l.Pages {
			if p.Key == key {
				return p, f.o, nil
			}
		}
	}
	return nil, f.o, nil
}

func (f fake) Strings(_ fs.FS, lang string) (*Page, *Overview, error) {
	if f.o.Language(lang) == nil {
		return nil, f.o, nil
	}
	return &Page{Lang: lang, Source: "locales/en.toml", File: "locales/es.toml", State: "stale", Progress: Progress{Translated: 1, Missing: 1},
		Blocks: []Block{
			{Kind: translation.KindString, Name: "toc", Original: "Contents", Translation: "Contenido", State: translation.Translated,
				Source: Pos{"locales/en.toml", 8}, Target: Pos{"locales/es.toml", 7}},
			{Kind: translation.KindString, Name: "brand", Original: "Sent", Translation: "Sent", State: translation.Missing,
				Source: Pos{"locales/en.toml", 9}, Target: Pos{"locales/es.toml", 8}},
		}}, f.o, nil
}

func fakeOverview() *Overview {
	report := &Page{Lang: "es", Key: "report", Title: "Informe", State: "stale",
		Source: "content/en/report.md", File: "content/es/report.md", SourceURL: "/en/report/", URL: "/es/informe/",
		Progress: Progress{Translated: 2, Changed: 1, Missing: 1},
		Blocks: []Block{
			{Kind: translation.KindTitle, Anchor: "meta.title", Name: "title", Original: "The report", Translation: "Informe", State: translation.Translated,
				Source: Pos{"content/en/report.md", 2}, Target: Pos{"content/es/report.md", 2}},
			{Kind: translation.KindParagraph, Name: "p1", Fragment: "p1", TargetFragment: "p1", Original: "In March 2025, about 288 people were sent.",
				Previous: "In February 2025, about 288 people were sent.", HasPrevious: true,
				Translation: "En febrero de 2025 se envió a unas 288 personas.", State: translation.Changed,
				Source: Pos{"content/en/report.md", 7}, Target: Pos{"content/es/report.md", 8}},
			{Kind: translation.KindHeading, Name: "the-secret-agreement", Fragment: "the-secret-agreement", TargetFragment: "el-acuerdo", Original: "The secret agreement",
				Translation: "El acuerdo", State: translation.Translated, Source: Pos{"content/en/report.md", 9}, Target: Pos{"content/es/report.md", 10},
				Glossary: []Term{{Original: "secret agreement", Translation: "acuerdo secreto", Line: 38}}},
			{Kind: translation.KindItem, Fragment: "the-secret-agreement", Original: "A new item <script>alert(1)</script>", State: translation.Missing,
				Source: Pos{"content/en/report.md", 11}},
		}}
	about := &Page{Lang: "es", Key: "about", Title: "About", State: "missing", Source: "content/en/about.md",
		File: "content/es/about.md", SourceURL: "/en/about/", URL: "/es/about/", Progress: Progress{Missing: 3}}
	return &Overview{Default: "en", DefaultName: "English", Languages: []*Language{{
		Lang: "es", Name: "Español", Pages: []*Page{report, about}, StringsFile: "locales/es.toml",
		Strings: Progress{Translated: 40, Missing: 2},
		Tasks:   []Task{{Kind: "image", Pos: Pos{File: "content/es/chart.png"}, Detail: "the original changed since"}},
	}}, Tasks: []Task{{Kind: "string", Pos: Pos{File: "locales/en.toml", Line: 4}, Detail: `unused "old": no layout uses it`}}}
}

func get(t *testing.T, h http.Handler, target string) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	resp := rec.Result()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func contains(t *testing.T, what, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("%s lacks %s", what, w)
		}
	}
}

func TestOverview(t *testing.T) {
	h := New(Options{FS: fstest.MapFS{}, Source: fake{fakeOverview()}})
	resp, body := get(t, h, Path)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%d\n%s", resp.StatusCode, body)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	// In the language being translated by default.
	contains(t, "the overview", body,
		`<html lang="es">`, "Estado de la traducción", "su original en inglés",
		`<a href="/_status/es/report?ui=es">Informe</a>`, "Desactualizada", "Falta",
		// 2+0+0+40 of 4+3+42
		"<strong>85 %</strong>", "Traducidos: 42 · cambiaron: 1 · faltan: 6 · de 49 bloques.",
		"Traducidos: 2 · cambiaron: 1 · faltan: 1 · de 4 bloques.",
		"Textos de la interfaz", "locales/es.toml",
		`<a href="/_status/?ui=en" lang="en" hreflang="en">English</a>`,
		`<script src="/_site/reload.js" defer></script>`,
		// what else status asks
		"<h3>Además, por hacer</h3>", `<span class="task-kind">Imagen</span> <code class="file">content/es/chart.png</code>: <span lang="en">the original changed since</span>`,
		"Por hacer en el original (inglés)", `<code class="file">locales/en.toml:4</code>: <span lang="en">unused &#34;old&#34;: no layout uses it</span>`,
	)
	_, body = get(t, h, Path+"?ui=en")
	contains(t, "the overview in English", body,
		`<html lang="en">`, "Translation status", "original in English", "<strong>85%</strong>",
		"Translated: 42 · changed: 1 · missing: 6 · of 49 blocks.", "Out of date",
		`<a href="/_status/es/report?ui=en">Informe</a>`,
	)
	if _, body := get(t, h, Path+"?ui=xx"); !strings.Contains(body, `<html lang="es">`) {
		t.Error("an unknown interface language is not ignored")
	}
}

func TestSideBySide(t *testing.T) {
	ed, err := NewEditor("vscode://file/{file}:{line}", "/home/ana/site")
	if err != nil {
		t.Fatal(err)
	}
	h := New(Options{FS: fstest.MapFS{}, Source: fake{fakeOverview()}, Editor: ed, BasePath: func() string { return "/sub/" }})
	resp, body := get(t, h, Path+"es/report")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%d\n%s", resp.StatusCode, body)
	}
	contains(t, "the side-by-side view", body,
		`<html lang="es">`, "<h1>Informe</h1>",
		// the changed row, with its word diff
		`<li class="row changed" id="row-1">`, "Párrafo 1 · #p1", `<span class="badge changed">Cambió</span>`,
		`In <del>February</del><ins>March</ins> 2025, about 288 people were sent.`,
		`<p class="text" lang="es">En febrero de 2025 se envió a unas 288 personas.</p>`,
		// links to the editor and to the preview on both sides
		`<a class="file" href="vscode://file/home/ana/site/content/en/report.md:7" title=""><code>content/en/report.md:7</code></a>`,
		`<a class="file" href="vscode://file/home/ana/site/content/es/report.md:8" title=""><code>content/es/report.md:8</code></a>`,
		`<a href="/sub/en/report/#p1" hreflang="en">`, `<a href="/sub/es/informe/#p1" hreflang="es">`,
		// the glossary miss
		`<li class="row translated gloss" id="row-2">`, `<span class="badge glossary">Glosario</span>`,
		"El original dice «secret agreement». El término acordado en español es «acuerdo secreto»",
		`vscode://file/home/ana/site/locales/glossary.toml:38`,
		// the missing row, escaped, placed after the row before it
		`<li class="row missing" id="row-3">`, `<span class="badge missing">Falta</span>`, "Aún sin traducir.",
		"A new item &lt;script&gt;alert(1)&lt;/script&gt;", `<code>content/es/report.md:10</code>`,
		"go run ./cmd/site stamp content/es/report.md",
	)
	if strings.Contains(body, "<script>alert") {
		t.Error("a block's text is not escaped")
	}
	// Without an editor, file:line is text to copy.
	h = New(Options{FS: fstest.MapFS{}, Source: fake{fakeOverview()}})
	_, body = get(t, h, Path+"es/report?ui=en")
	contains(t, "the view without an editor", body, `<html lang="en">`, `<code class="file">content/en/report.md:7</code>`,
		"Paragraph 1 · #p1", `<span class="badge changed">Changed</span>`, "Not translated yet.")
	// Kinds of block added after the workbench still get a name.
	v := &view{speech: newSpeech("en")}
	var shown strings.Builder
	for _, s := range v.Diff("the governments", "the two governments") {
		shown.WriteString(map[Op]string{Equal: "", Delete: "-", Insert: "+"}[s.Op] + "[" + s.Text + "]")
	}
	if got, want := shown.String(), "[the ]+[two][ ][governments]"; got != want {
		t.Errorf("the diff shows %s, want %s", got, want)
	}
	for _, tc := range []struct {
		b    Block
		want string
	}{
		{Block{Kind: translation.KindAddressee, Anchor: "meta.addressee", Name: "addressee"}, "Addressee"},
		{Block{Kind: translation.KindAddressee, Anchor: "meta.cite.addressee", Name: "cite.addressee"}, "Addressee"},
		{Block{Kind: "subtitle", Anchor: "meta.subtitle", Name: "subtitle"}, "Field · subtitle"},
		{Block{Kind: "sidebar"}, "Block · sidebar"},
		{Block{Kind: translation.KindParagraph, Name: "p12"}, "Paragraph 12"},
		{Block{Kind: translation.KindParagraph, Name: "p12", Fragment: "p12"}, "Paragraph 12 · #p12"},
		{Block{Kind: translation.KindHeading, Name: "key-facts"}, "Heading · #key-facts"},
	} {
		if got := v.BlockName(tc.b); got != tc.want {
			t.Errorf("BlockName(%+v) = %q, want %q", tc.b, got, tc.want)
		}
	}
	// A missing page tells how to start it.
	_, body = get(t, h, Path+"es/about?ui=en")
	contains(t, "a missing page", body, "go run ./cmd/site stamp -new content/en/about.md es")
}

func TestStringsView(t *testing.T) {
	h := New(Options{FS: fstest.MapFS{}, Source: fake{fakeOverview()}})
	_, body := get(t, h, Path)
	contains(t, "the overview", body, `<a href="/_status/strings/es?ui=es">Textos de la interfaz</a>`)
	resp, body := get(t, h, Path+"strings/es?ui=en")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%d\n%s", resp.StatusCode, body)
	}
	contains(t, "the strings' view", body, "<h1>Interface strings</h1>", "Interface string · toc",
		`<li class="row missing" id="row-1">`, "It reads the same as the original",
		`<code class="file">locales/es.toml:8</code>`, "ends its line with # same")
	if strings.Contains(body, "Preview") || strings.Contains(body, "stamp") {
		t.Error("the strings' view links to the preview or tells to stamp")
	}
	if resp, _ := get(t, h, Path+"strings/fr"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("strings of an unknown language: %d", resp.StatusCode)
	}
}

func TestNotFoundAndMethods(t *testing.T) {
	h := New(Options{FS: fstest.MapFS{}, Source: fake{fakeOverview()}})
	for _, p := range []string{Path + "es/nothing", Path + "fr/report", Path + "es/", Path + "es/../report"} {
		if resp, _ := get(t, h, p); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", p, resp.StatusCode)
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, Path, nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", rec.Code)
	}
	resp, body := get(t, h, Path+"workbench.css")
	if ct := resp.Header.Get("Content-Type"); ct != "text/css; charset=utf-8" || !strings.Contains(body, "del") {
		t.Errorf("stylesheet: %s", ct)
	}
}

// TestMessages checks that the workbench says everything in each of its
// languages: every message of English is in every other file, and no
// file has a message English lacks.
func TestMessages(t *testing.T) {
	read := func(lang string) map[string]any {
		data, err := fs.ReadFile(messageFiles, "messages/"+lang+".toml")
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := toml.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		return m
	}
	en := read("en")
	for _, l := range uiLangs {
		m := read(l.Code)
		for _, id := range slices.Sorted(maps.Keys(en)) {
			if _, ok := m[id]; !ok {
				t.Errorf("messages/%s.toml lacks %q", l.Code, id)
			}
		}
		for _, id := range slices.Sorted(maps.Keys(m)) {
			if _, ok := en[id]; !ok {
				t.Errorf("messages/%s.toml has %q, which en.toml lacks", l.Code, id)
			}
		}
	}
	// Every message the templates and code use exists.
	for _, l := range uiLangs {
		w := newSpeech(l.Code)
		for _, id := range slices.Sorted(maps.Keys(en)) {
			if _, isPlural := en[id].(map[string]any); isPlural {
				continue
			}
			if s := w.T(id); s == strings.ToUpper(id) {
				t.Errorf("%s: %q does not localize", l.Code, id)
			}
		}
	}
}
