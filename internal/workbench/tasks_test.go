package workbench_test

import (
	"io"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"cecot/internal/workbench"
)

// TestTasksInSpanish checks that what else status asks (here a page with
// no original and an unused interface string) is said in the
// workbench's language, with the same file:line, as "site status -lang"
// says it.
func TestTasksInSpanish(t *testing.T) {
	dir := newProject(t)
	writeFile(t, dir, "content/es/solo.md", "+++\ntitle = \"Solo\"\ndescription = \"Solo en español.\"\n+++\n\nTexto.\n")
	writeFile(t, dir, "locales/es.toml", "solo_aqui = \"Nadie\"\n"+readFile(t, dir, "locales/es.toml"))
	h := workbench.New(workbench.Options{FS: os.DirFS(dir)})
	get := func(target string) string {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		body, _ := io.ReadAll(rec.Result().Body)
		return string(body)
	}
	contains := func(what, body string, wants ...string) {
		t.Helper()
		for _, w := range wants {
			if !strings.Contains(body, w) {
				t.Errorf("%s lacks %s", what, w)
			}
		}
	}
	body := get(workbench.Path + "?ui=es")
	contains("the Spanish overview", body,
		`<code class="file">content/es/solo.md</code>: <span lang="es">no existe content/en/solo.md; si es una traducción, dele el mismo nombre de archivo que a su original</span>`,
		`<span lang="es">sin uso &#34;solo_aqui&#34;: locales/en.toml no lo tiene, así que nunca se muestra; bórrelo</span>`,
	)
	body = get(workbench.Path + "?ui=en")
	contains("the English overview", body,
		`<code class="file">content/es/solo.md</code>: <span lang="en">there is no content/en/solo.md; if it is a translation, give it the same file name as its original</span>`,
		`<span lang="en">unused &#34;solo_aqui&#34;: locales/en.toml does not have it, so it is never shown; remove it</span>`,
	)
}

// TestChangedStringInWorkbench: an interface string whose English
// changed since it was translated is out of date in the workbench, with
// the English it was translated from (issue 19, case 3).
func TestChangedStringInWorkbench(t *testing.T) {
	dir := newProject(t)
	keepPO(t, dir, "es")
	replaceIn(t, dir, "locales/en.toml", `other = "Read more"`, `other = "Read further"`)
	h := workbench.New(workbench.Options{FS: os.DirFS(dir)})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", workbench.Path+"strings/es?ui=en", nil))
	body, _ := io.ReadAll(rec.Result().Body)
	for _, want := range []string{`<li class="row changed"`, "<p class=\"text\" lang=\"en\" id=\"o-", "\">Read <del>more</del><ins>further</ins></p>"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("the strings' view lacks %s", want)
		}
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", workbench.Path+"?ui=es", nil))
	body, _ = io.ReadAll(rec.Result().Body)
	if want := `el original cambió después de hacer esta traducción: decía &#34;Read more&#34;`; !strings.Contains(string(body), want) {
		t.Errorf("the overview lacks %s", want)
	}
}

// TestBrokenPromiseInWorkbench: a translated paragraph whose link was
// dropped in the Markdown is a task in the workbench, at its line, in the
// translator's language.
func TestBrokenPromiseInWorkbench(t *testing.T) {
	dir := newProject(t)
	replaceIn(t, dir, "content/es/submission.md", "[una página aparte](recommendations.md)", "una página aparte")
	h := workbench.New(workbench.Options{FS: os.DirFS(dir)})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", workbench.Path+"?ui=es", nil))
	body, _ := io.ReadAll(rec.Result().Body)
	if want := `el original enlaza a &#34;recommendations.md&#34; y la traducción no`; !strings.Contains(string(body), want) {
		t.Errorf("the overview lacks %s", want)
	}
	if want := `<code class="file">content/es/submission.md:66</code>`; !strings.Contains(string(body), want) {
		t.Errorf("the overview lacks %s", want)
	}
}
