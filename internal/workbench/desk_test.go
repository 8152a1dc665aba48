package workbench_test

import (
	"html"
	"io"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"cecot/internal/pofiles"
	"cecot/internal/translate"
	"cecot/internal/workbench"
)

// deskForm is one row's form of the desk, as the page sends it.
type deskForm struct {
	fields url.Values
	text   string // the field's text
}

var (
	formRe   = regexp.MustCompile(`(?s)<form class="(?:edit|page-action)" method="post" action="([^"]*)">(.*?)</form>`)
	hiddenRe = regexp.MustCompile(`<input type="hidden" name="([a-z]+)" value="([^"]*)">`)
	areaRe   = regexp.MustCompile(`(?s)<textarea[^>]*>(.*?)</textarea>`)
)

// deskForms reads the forms of a desk page, by action and, for a row,
// by the text its field holds first.
func (s *served) deskForms(t testing.TB, path string) (forms []deskForm, actions []string) {
	t.Helper()
	code, body := s.get(t, path, "")
	if code != http.StatusOK {
		t.Fatalf("%s: %d", path, code)
	}
	for _, m := range formRe.FindAllStringSubmatch(body, -1) {
		f := deskForm{fields: url.Values{}}
		for _, h := range hiddenRe.FindAllStringSubmatch(m[2], -1) {
			f.fields.Set(h[1], html.UnescapeString(h[2]))
		}
		if a := areaRe.FindStringSubmatch(m[2]); a != nil {
			f.text = html.UnescapeString(a[1])
		}
		forms = append(forms, f)
		actions = append(actions, html.UnescapeString(m[1]))
	}
	if len(forms) == 0 {
		t.Fatalf("%s has no desk forms", path)
	}
	return forms, actions
}

// rowWith finds the form whose field's text holds s.
func rowWith(t testing.TB, forms []deskForm, s string) deskForm {
	t.Helper()
	for _, f := range forms {
		if strings.Contains(f.text, s) {
			return f
		}
	}
	t.Fatalf("no desk field holds %q", s)
	return deskForm{}
}

// post sends a desk form with the given headers; it does not follow
// redirects.
func (s *served) post(t testing.TB, action string, form url.Values, header map[string]string) (*http.Response, string) {
	t.Helper()
	u := s.url + strings.SplitN(action, "#", 2)[0]
	req, err := http.NewRequest(http.MethodPost, u, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

const submissionDesk = workbench.Path + "es/submission?ui=es"

// TestDeskSave saves one paragraph: the reply sends the browser back to
// its row, and the file's only change is that paragraph.
func TestDeskSave(t *testing.T) {
	dir := newProject(t)
	s := serve(t, dir)
	forms, _ := s.deskForms(t, submissionDesk)
	f := rowWith(t, forms, "Esas cárceles son conocidas")
	before := readFile(t, dir, "content/es/submission.md")
	form := f.fields
	form.Set("text", strings.Replace(f.text, "son conocidas", "son famosas", 1))
	resp, body := s.post(t, workbench.Path+"_save", form, map[string]string{"Origin": s.url, "Sec-Fetch-Site": "same-origin"})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", resp.StatusCode, body)
	}
	loc := resp.Header.Get("Location")
	row := f.fields.Get("row")
	if want := workbench.Path + "es/submission?saved=" + row + "&ui=es#row-" + row; loc != want {
		t.Errorf("save sends the browser to %q, want %q", loc, want)
	}
	// There, the row says it was saved, to the eye and to screen readers.
	if _, body := s.get(t, strings.Split(loc, "#")[0], ""); strings.Count(body, `<p class="saved" role="status">Guardado.</p>`) != 1 {
		t.Error("the saved row does not say so")
	}
	after := readFile(t, dir, "content/es/submission.md")
	if want := strings.Replace(before, "Esas cárceles son conocidas", "Esas cárceles son famosas", 1); after != want {
		t.Errorf("the file changed beyond the paragraph:\n%s", after)
	}
	// The page shown next carries the file's new version.
	forms, _ = s.deskForms(t, submissionDesk)
	if g := rowWith(t, forms, "son famosas"); g.fields.Get("hash") == f.fields.Get("hash") {
		t.Error("the form's file version did not move on")
	}
}

// TestDeskRefusesBrokenPromise: an edit that drops a link is refused,
// with the reason beside the field in the translator's language, the
// text kept, and nothing written.
func TestDeskRefusesBrokenPromise(t *testing.T) {
	dir := newProject(t)
	s := serve(t, dir)
	forms, _ := s.deskForms(t, submissionDesk)
	f := rowWith(t, forms, "(recommendations.md)")
	before := readFile(t, dir, "content/es/submission.md")
	form := f.fields
	dropped := "Las recomendaciones también están en una página aparte, listas para compartir."
	form.Set("text", dropped)
	resp, body := s.post(t, workbench.Path+"_save", form, map[string]string{"Origin": s.url})
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("save: %d", resp.StatusCode)
	}
	for _, want := range []string{"No se guardó", "recommendations.md", `role="alert"`, `aria-invalid="true"`, dropped} {
		if !strings.Contains(body, want) {
			t.Errorf("the refusal does not show %q", want)
		}
	}
	if readFile(t, dir, "content/es/submission.md") != before {
		t.Error("a refused edit was written")
	}
}

// TestDeskConflict: a file changed on disk since the form was loaded
// is not written over; both versions are shown.
func TestDeskConflict(t *testing.T) {
	dir := newProject(t)
	s := serve(t, dir)
	forms, _ := s.deskForms(t, submissionDesk)
	f := rowWith(t, forms, "Esas cárceles son conocidas")
	replaceIn(t, dir, "content/es/submission.md", "Esas cárceles son conocidas", "Esas cárceles, otro editor, son conocidas")
	before := readFile(t, dir, "content/es/submission.md")
	form := f.fields
	form.Set("text", strings.Replace(f.text, "son conocidas", "son famosas", 1))
	resp, body := s.post(t, workbench.Path+"_save", form, map[string]string{"Origin": s.url})
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("save over a changed file: %d", resp.StatusCode)
	}
	for _, want := range []string{"el archivo cambió", "otro editor", "son famosas", "Guardar mi versión encima"} {
		if !strings.Contains(body, want) {
			t.Errorf("the conflict does not show %q", want)
		}
	}
	if readFile(t, dir, "content/es/submission.md") != before {
		t.Fatal("a conflicting edit was written")
	}
	// Choosing one's own version saves it, with the file's new version.
	m := hiddenRe.FindAllStringSubmatch(body, -1)
	for _, h := range m {
		if h[1] == "hash" && h[2] != f.fields.Get("hash") {
			form.Set("hash", h[2])
		}
	}
	if resp, body := s.post(t, workbench.Path+"_save", form, map[string]string{"Origin": s.url}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("saving one's own version: %d\n%s", resp.StatusCode, body)
	}
	if !strings.Contains(readFile(t, dir, "content/es/submission.md"), "Esas cárceles son famosas") {
		t.Error("one's own version was not written")
	}
}

// TestDeskForbidden: a POST from another origin, from another site by
// the browser's word, or without the token, gets 403 and writes nothing.
func TestDeskForbidden(t *testing.T) {
	dir := newProject(t)
	before := snapshot(t, dir)
	s := serve(t, dir)
	forms, _ := s.deskForms(t, submissionDesk)
	f := rowWith(t, forms, "Esas cárceles son conocidas")
	good := func() url.Values {
		v := url.Values{}
		for k := range f.fields {
			v.Set(k, f.fields.Get(k))
		}
		v.Set("text", "Escrito por otro sitio.")
		return v
	}
	noToken, badToken, badLang, badKey := good(), good(), good(), good()
	noToken.Del("token")
	badToken.Set("token", strings.Repeat("0", 64))
	badLang.Set("lang", "en")
	badKey.Set("key", "../../site")
	for _, tc := range []struct {
		name   string
		action string
		form   url.Values
		header map[string]string
	}{
		{"other origin", "_save", good(), map[string]string{"Origin": "http://evil.example"}},
		{"cross-site", "_save", good(), map[string]string{"Sec-Fetch-Site": "cross-site"}},
		{"same-site", "_save", good(), map[string]string{"Sec-Fetch-Site": "same-site"}},
		{"null origin, no fetch metadata", "_save", good(), map[string]string{"Origin": "null"}},
		{"null origin, cross-site", "_save", good(), map[string]string{"Origin": "null", "Sec-Fetch-Site": "cross-site"}},
		{"no token", "_save", noToken, map[string]string{"Origin": s.url}},
		{"wrong token", "_save", badToken, map[string]string{"Origin": s.url}},
		{"the original", "_save", badLang, map[string]string{"Origin": s.url}},
		{"outside content", "_save", badKey, map[string]string{"Origin": s.url}},
		{"review, other origin", "_review", good(), map[string]string{"Origin": "http://evil.example"}},
		{"start, no token", "_start", noToken, nil},
	} {
		resp, body := s.post(t, workbench.Path+tc.action, tc.form, tc.header)
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s: %d, want 403\n%s", tc.name, resp.StatusCode, body)
		}
	}
	// A GET never writes, whatever it asks.
	s.get(t, workbench.Path+"_save?"+good().Encode(), "")
	after := snapshot(t, dir)
	for name, data := range before {
		if after[name] != data {
			t.Errorf("%s changed", name)
		}
	}
	if len(after) != len(before) {
		t.Errorf("the project had %d files, now %d", len(before), len(after))
	}
}

// TestDeskReviewAndStart: "reviewed" stamps a stale page as site stamp
// does, and a missing page is started from its original.
func TestDeskReviewAndStart(t *testing.T) {
	dir := newProject(t)
	if err := os.Remove(dir + "/content/es/recommendations.md"); err != nil {
		t.Fatal(err)
	}
	replaceIn(t, dir, "content/en/submission.md", "In February 2025, the governments", "In early 2025, the two governments")
	replaceIn(t, dir, "content/en/submission.md", "These prisons are notorious", "These prisons are infamous")
	s := serve(t, dir)
	state := func(key string) string {
		for _, l := range loadStatus(t, dir).Languages {
			for _, p := range l.Pages {
				if l.Lang == "es" && p.Key == key {
					return string(p.State)
				}
			}
		}
		return ""
	}
	if st := state("submission"); st != "stale" {
		t.Fatalf("the edited submission is %q", st)
	}
	// One unit first: its row is no longer changed.
	forms, _ := s.deskForms(t, submissionDesk)
	if _, body := s.get(t, submissionDesk, ""); strings.Count(body, `<li class="row changed`) != 2 || !strings.Contains(body, `formaction="`+workbench.Path+`_reviewunit`) {
		t.Fatal("the edited paragraphs' rows are not the two changed rows, with a reviewed button")
	}
	unit := rowWith(t, forms, "En febrero de 2025")
	if resp, body := s.post(t, workbench.Path+"_reviewunit", unit.fields, map[string]string{"Origin": s.url}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("unit reviewed: %d\n%s", resp.StatusCode, body)
	}
	if _, body := s.get(t, submissionDesk, ""); strings.Count(body, `<li class="row changed`) != 1 || strings.Contains(body, "In early 2025, the two governments</ins>") {
		t.Error("the reviewed unit's row is still changed, or another row is no longer")
	}
	// Then the whole page.
	if st := state("submission"); st != "stale" {
		t.Fatalf("with one row changed, the submission is %q", st)
	}
	forms, actions := s.deskForms(t, submissionDesk)
	review := -1
	for i, a := range actions {
		if a == workbench.Path+"_review" {
			review = i
		}
	}
	if review < 0 {
		t.Fatal("the stale page has no reviewed button")
	}
	if resp, body := s.post(t, actions[review], forms[review].fields, map[string]string{"Origin": s.url}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("reviewed: %d\n%s", resp.StatusCode, body)
	}
	if st := state("submission"); st != "translated" {
		t.Errorf("after reviewed, the submission is %q", st)
	}

	forms, actions = s.deskForms(t, workbench.Path+"es/recommendations?ui=en")
	if actions[0] != workbench.Path+"_start" {
		t.Fatalf("the missing page's first form is %s", actions[0])
	}
	if resp, body := s.post(t, actions[0], forms[0].fields, map[string]string{"Origin": s.url}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("start: %d\n%s", resp.StatusCode, body)
	}
	if data := readFile(t, dir, "content/es/recommendations.md"); !strings.Contains(data, "draft = true") {
		t.Errorf("the started page is not a draft:\n%s", data)
	}
}

// TestDeskStrings saves an interface string: its line of
// locales/es.toml changes and nothing else; one that drops a
// placeholder is refused beside its field.
func TestDeskStrings(t *testing.T) {
	dir := newProject(t)
	s := serve(t, dir)
	const view = workbench.Path + "strings/es?ui=en"
	forms, _ := s.deskForms(t, view)
	before := readFile(t, dir, "locales/es.toml")
	f := rowWith(t, forms, "Párrafo {{.Number}}")
	form := f.fields
	form.Set("text", "Sin número")
	resp, body := s.post(t, workbench.Path+"_save", form, map[string]string{"Origin": s.url})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "{{.Number}}") || !strings.Contains(body, "Not saved") {
		t.Errorf("a dropped placeholder: %d", resp.StatusCode)
	}
	if readFile(t, dir, "locales/es.toml") != before {
		t.Fatal("a refused string was written")
	}
	form.Set("text", "Párr. {{.Number}}")
	resp, body = s.post(t, workbench.Path+"_save", form, map[string]string{"Origin": s.url})
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), workbench.Path+"strings/es?saved=") {
		t.Fatalf("save: %d %s\n%s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	if want := strings.Replace(before, `paragraph_label = "Párrafo {{.Number}}"`, `paragraph_label = "Párr. {{.Number}}"`, 1); readFile(t, dir, "locales/es.toml") != want {
		t.Errorf("locales/es.toml changed beyond the string:\n%s", readFile(t, dir, "locales/es.toml"))
	}
}

// TestDeskSaveMissing translates a paragraph newly added to the
// original, which the translation lacks: its row has a field, and saving
// it puts the paragraph at its place in the original's order, as "site
// po import" does, records it in blocks_from and, the page complete,
// stamps it, and changes nothing else; the built pages then pair it
// under the same #pN.
func TestDeskSaveMissing(t *testing.T) {
	dir := newProject(t)
	const (
		before = "One of them is the Terrorism Confinement Center, or CECOT.\n"
		added  = "This paragraph was added to the page for a test of [the recommendations](recommendations.md)."
		esPrev = "Una de ellas es el Centro de Confinamiento del Terrorismo, o CECOT.\n"
		esText = "Este párrafo se agregó a la página para una prueba de [las recomendaciones](recommendations.md)."
	)
	replaceIn(t, dir, "content/en/submission.md", before, before+"\n"+added+"\n")
	s := serve(t, dir)
	forms, _ := s.deskForms(t, submissionDesk)
	var f *deskForm
	for i := range forms {
		if forms[i].text == "" && forms[i].fields.Get("anchor") != "" {
			if f != nil {
				t.Fatalf("two empty fields: %v and %v", f.fields, forms[i].fields)
			}
			f = &forms[i]
		}
	}
	if f == nil {
		t.Fatal("the missing paragraph has no field")
	}
	esBefore := readFile(t, dir, "content/es/submission.md")
	form := f.fields
	// A translation that drops the link is refused beside the field,
	// in Spanish, and nothing is written.
	form.Set("text", "Este párrafo se agregó a la página para una prueba.")
	resp, body := s.post(t, workbench.Path+"_save", form, map[string]string{"Origin": s.url, "Sec-Fetch-Site": "same-origin"})
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("save without the link: %d", resp.StatusCode)
	}
	for _, want := range []string{"No se guardó", "recommendations.md", `role="alert"`, `aria-invalid="true"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the refusal does not show %q", want)
		}
	}
	if readFile(t, dir, "content/es/submission.md") != esBefore {
		t.Fatal("a refused translation was written")
	}
	form.Set("text", esText)
	resp, body = s.post(t, workbench.Path+"_save", form, map[string]string{"Origin": s.url, "Sec-Fetch-Site": "same-origin"})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", resp.StatusCode, body)
	}
	after := readFile(t, dir, "content/es/submission.md")
	recRe := regexp.MustCompile(`(?m)^blocks_from = "([^"]*)"\n`)
	oldRec, newRec := recRe.FindStringSubmatch(esBefore), recRe.FindStringSubmatch(after)
	if oldRec == nil || newRec == nil {
		t.Fatalf("no blocks_from record:\n%s", after)
	}
	// Every other byte as it was: the paragraph after its neighbour,
	// one more word in the record, at the same place, and, the page
	// now translated from the original as it is, its stamp.
	stampRe := regexp.MustCompile(`(?m)^translated_from = "[^"]*"\n`)
	want := strings.Replace(esBefore, esPrev, esPrev+"\n"+esText+"\n", 1)
	if got := stampRe.ReplaceAllString(recRe.ReplaceAllString(after, ""), ""); got != stampRe.ReplaceAllString(recRe.ReplaceAllString(want, ""), "") {
		t.Errorf("the file changed beyond the new paragraph:\n%s", after)
	}
	if stampRe.FindString(after) == stampRe.FindString(esBefore) {
		t.Errorf("the page, now complete, is not stamped from the original as it is:\n%s", after)
	}
	o, n := strings.Fields(oldRec[1]), strings.Fields(newRec[1])
	if len(n) != len(o)+1 || !strings.HasPrefix(n[4], "p") || strings.Join(append(append([]string{}, n[:4]...), n[5:]...), " ") != oldRec[1] {
		t.Errorf("blocks_from does not record the new paragraph fourth-placed:\n%s\n%s", oldRec[1], newRec[1])
	}
	// The built pages pair it: the same #pN in both languages.
	waitFor(t, s, "/es/informe/", "Este párrafo se agregó")
	_, en := s.get(t, "/en/submission/", "")
	_, es := s.get(t, "/es/informe/", "")
	idRe := func(text string) *regexp.Regexp {
		return regexp.MustCompile(`<p id="?(p\d+)"?[^>]*>(?:<a [^>]*>\d+</a>)? ` + regexp.QuoteMeta(text))
	}
	me, ms := idRe("This paragraph was added").FindStringSubmatch(en), idRe("Este párrafo se agregó").FindStringSubmatch(es)
	if me == nil || ms == nil || me[1] != ms[1] {
		t.Errorf("the paragraph's ids do not pair: %v %v", me, ms)
	}
	// And the row is translated, its field holding the text.
	forms, _ = s.deskForms(t, submissionDesk)
	rowWith(t, forms, esText)
}

// waitFor polls the served site until path shows text.
func waitFor(t testing.TB, s *served, path, text string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if _, body := s.get(t, path, ""); strings.Contains(body, html.EscapeString(text)) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s never showed %q", path, text)
}

// TestDeskSaveMissingList starts a list newly added to the original
// from the desk: saving its second item puts the whole list at its
// place, that item translated and the first in the original's words,
// whose row then holds them to be translated in place; the built page
// shows the list where the original has it.
func TestDeskSaveMissingList(t *testing.T) {
	dir := newProject(t)
	const before = "One of them is the Terrorism Confinement Center, or CECOT.\n"
	replaceIn(t, dir, "content/en/submission.md", before, before+"\n- a first added fact\n- a second added fact\n")
	s := serve(t, dir)
	forms, _ := s.deskForms(t, submissionDesk)
	var empty []deskForm
	for _, f := range forms {
		if f.text == "" && f.fields.Get("anchor") != "" {
			empty = append(empty, f)
		}
	}
	if len(empty) != 2 {
		t.Fatalf("the two items of the missing list have %d empty fields", len(empty))
	}
	form := empty[1].fields
	form.Set("text", "un segundo dato agregado")
	resp, body := s.post(t, workbench.Path+"_save", form, map[string]string{"Origin": s.url, "Sec-Fetch-Site": "same-origin"})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", resp.StatusCode, body)
	}
	after := readFile(t, dir, "content/es/submission.md")
	const esPrev = "Una de ellas es el Centro de Confinamiento del Terrorismo, o CECOT.\n"
	if !strings.Contains(after, esPrev+"\n- a first added fact\n- un segundo dato agregado\n") {
		t.Errorf("the list is not started at its place:\n%s", after)
	}
	waitFor(t, s, "/es/informe/", "un segundo dato agregado")
	_, es := s.get(t, "/es/informe/", "")
	// The item still in the original's words is marked as such.
	if !regexp.MustCompile(`CECOT\.\s*<ul><li lang=en class=untranslated>a first added fact(</li>)?\s*<li>un segundo dato agregado`).MatchString(es) {
		t.Errorf("the Spanish page does not show the list, with its English item marked lang=en:\n%s", es)
	}
	// The first item's row holds the original's words, to translate in
	// place; saving it changes that line only.
	forms, _ = s.deskForms(t, submissionDesk)
	first := rowWith(t, forms, "a first added fact").fields
	first.Set("text", "un primer dato agregado")
	if resp, body := s.post(t, workbench.Path+"_save", first, map[string]string{"Origin": s.url, "Sec-Fetch-Site": "same-origin"}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save the first item: %d\n%s", resp.StatusCode, body)
	}
	if got, want := readFile(t, dir, "content/es/submission.md"), strings.Replace(after, "- a first added fact\n", "- un primer dato agregado\n", 1); got != want {
		t.Errorf("saving the first item:\n%s\nwant:\n%s", got, want)
	}
}

// TestDeskSaveThenExport: in a project that keeps its PO files, a desk
// save writes the paragraph, its PO entry and the sync record as "site
// po import" would, so the next "site po export" has nothing to carry
// and nothing in conflict.
func TestDeskSaveThenExport(t *testing.T) {
	dir := newProject(t)
	keepPO(t, dir, "es")
	s := serve(t, dir)
	forms, _ := s.deskForms(t, submissionDesk)
	f := rowWith(t, forms, "Esas cárceles son conocidas")
	form := f.fields
	form.Set("text", strings.Replace(f.text, "son conocidas", "son famosas", 1))
	if resp, body := s.post(t, workbench.Path+"_save", form, map[string]string{"Origin": s.url, "Sec-Fetch-Site": "same-origin"}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", resp.StatusCode, body)
	}
	if po := readFile(t, dir, pofiles.Page("es", "submission")); !strings.Contains(po, "Esas cárceles son famosas") {
		t.Error("the PO file does not hold the saved paragraph")
	}
	plan, err := translate.PlanExport(os.DirFS(dir), []string{"es"})
	if err != nil {
		t.Fatalf("export after a desk save: %v", err)
	}
	if len(plan.Files) > 0 || len(plan.Changes) > 0 {
		t.Errorf("export after a desk save changes %v: %v", plan.Names(), plan.Changes)
	}
}

// TestDeskPluralString: a plural interface string has one field per
// Spanish plural form, each labelled with its form and numbers that take
// it in the translator's language; saving them changes the message's
// lines of locales/es.toml only; an empty form is refused beside the
// fields, in Spanish, and nothing is written.
func TestDeskPluralString(t *testing.T) {
	dir := newProject(t)
	s := serve(t, dir)
	const view = workbench.Path + "strings/es?ui=es"
	_, body := s.get(t, view, "")
	for _, want := range []string{
		`<legend>Traducción al español: Texto de la interfaz · reading_time</legend>`,
		"Forma «one», para números como 1</label>",
		"Forma «many», para números como 1\u202f000\u202f000, 2\u202f000\u202f000, 1\u202f000\u202f000\u202f000</label>",
		"Forma «other», para números como 0, 2, 3</label>",
		`name="form-many"`,
		`{{.Count}} de minutos de lectura</textarea>`,
	} {
		if !strings.Contains(body, html.EscapeString(want)) && !strings.Contains(body, want) {
			t.Errorf("the strings' desk lacks %q", want)
		}
	}
	forms, _ := s.deskForms(t, view)
	f := rowWith(t, forms, "{{.Count}} minuto de lectura")
	if f.fields.Get("anchor") != "reading_time" {
		t.Fatalf("the first plural field is not reading_time's: %v", f.fields)
	}
	before := readFile(t, dir, "locales/es.toml")
	form := f.fields
	form.Set("form-one", "{{.Count}} minuto para leer")
	form.Set("form-many", "")
	form.Set("form-other", "{{.Count}} minutos para leer")
	resp, body := s.post(t, workbench.Path+"_save", form, map[string]string{"Origin": s.url})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "escríbalo para: many") || !strings.Contains(body, "minuto para leer</textarea>") {
		t.Errorf("an empty form: %d, or the refusal does not say so beside the kept fields", resp.StatusCode)
	}
	if readFile(t, dir, "locales/es.toml") != before {
		t.Fatal("a refused string was written")
	}
	form.Set("form-many", "{{.Count}} de minutos para leer")
	resp, body = s.post(t, workbench.Path+"_save", form, map[string]string{"Origin": s.url})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", resp.StatusCode, body)
	}
	want := strings.NewReplacer(`one = "{{.Count}} minuto de lectura"`, `one = "{{.Count}} minuto para leer"`,
		`many = "{{.Count}} de minutos de lectura"`, `many = "{{.Count}} de minutos para leer"`,
		`other = "{{.Count}} minutos de lectura"`, `other = "{{.Count}} minutos para leer"`).Replace(before)
	if got := readFile(t, dir, "locales/es.toml"); got != want {
		t.Errorf("locales/es.toml changed beyond the message:\n%s", got)
	}
	waitFor(t, s, "/es/informe/", "minutos para leer")
}

// TestDeskAddsMissingStrings: an interface string locales/es.toml lacks,
// simple or plural, has its fields in the desk, and saving them adds it
// to the file, every other line as it was.
func TestDeskAddsMissingStrings(t *testing.T) {
	dir := newProject(t)
	es := readFile(t, dir, "locales/es.toml")
	plural := regexp.MustCompile(`(?s)\n\[reading_time\]\n.*?\n\n`).FindString(es)
	const simple = "toc = \"Contenido\"\n"
	if plural == "" || !strings.Contains(es, simple) {
		t.Fatalf("locales/es.toml has no [reading_time] table or toc line:\n%s", es)
	}
	es = strings.Replace(strings.Replace(es, plural, "\n", 1), simple, "", 1)
	writeFile(t, dir, "locales/es.toml", es)
	s := serve(t, dir)
	const view = workbench.Path + "strings/es?ui=en"
	forms, _ := s.deskForms(t, view)
	var toc, rt *deskForm
	for i := range forms {
		switch forms[i].fields.Get("anchor") {
		case "toc":
			toc = &forms[i]
		case "reading_time":
			rt = &forms[i]
		}
	}
	if toc == nil || rt == nil {
		t.Fatal("a string missing from locales/es.toml has no field")
	}
	toc.fields.Set("text", "Contenido")
	if resp, body := s.post(t, workbench.Path+"_save", toc.fields, map[string]string{"Origin": s.url}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save toc: %d\n%s", resp.StatusCode, body)
	}
	forms, _ = s.deskForms(t, view)
	for i := range forms {
		if forms[i].fields.Get("anchor") == "reading_time" {
			rt = &forms[i]
		}
	}
	rt.fields.Set("form-one", "{{.Count}} minuto de lectura")
	rt.fields.Set("form-many", "{{.Count}} de minutos de lectura")
	rt.fields.Set("form-other", "{{.Count}} minutos de lectura")
	if resp, body := s.post(t, workbench.Path+"_save", rt.fields, map[string]string{"Origin": s.url}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save reading_time: %d\n%s", resp.StatusCode, body)
	}
	got := readFile(t, dir, "locales/es.toml")
	table := "\n[reading_time]\none = \"{{.Count}} minuto de lectura\"\nmany = \"{{.Count}} de minutos de lectura\"\nother = \"{{.Count}} minutos de lectura\"\n"
	if rest := strings.Replace(strings.Replace(got, simple, "", 1), table, "", 1); rest != es {
		t.Errorf("locales/es.toml changed beyond the two strings:\n%s", got)
	}
}

// TestDeskReviewedAgreesWithPO: after an English edit, exported, the
// PO file holds the edited paragraph's message fuzzy. Marking the unit
// reviewed on the desk, then the whole page, leaves the page, its PO
// file and the model in agreement: status finds the page translated
// with no PO file out of step, the message is no longer fuzzy, and an
// export changes nothing.
func TestDeskReviewedAgreesWithPO(t *testing.T) {
	for _, whole := range []bool{false, true} {
		name := "unit"
		if whole {
			name = "page"
		}
		t.Run(name, func(t *testing.T) {
			dir := newProject(t)
			replaceIn(t, dir, "content/en/submission.md", "These prisons are notorious", "These prisons are infamous")
			keepPO(t, dir, "es")
			poFile := pofiles.Page("es", "submission")
			if po := readFile(t, dir, poFile); !strings.Contains(po, "#, fuzzy\n#| msgctxt \"submission\"\n#| msgid \"These prisons are notorious") {
				t.Fatalf("the export did not make the edited message fuzzy:\n%s", po)
			}
			s := serve(t, dir)
			forms, actions := s.deskForms(t, submissionDesk)
			action, fields := workbench.Path+"_reviewunit", rowWith(t, forms, "Esas cárceles son conocidas").fields
			if whole {
				for i, a := range actions {
					if a == workbench.Path+"_review" {
						action, fields = a, forms[i].fields
					}
				}
			}
			if resp, body := s.post(t, action, fields, map[string]string{"Origin": s.url}); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("reviewed: %d\n%s", resp.StatusCode, body)
			}
			po := readFile(t, dir, poFile)
			if strings.Contains(po, "#| msgid \"These prisons are notorious") || !strings.Contains(po, "msgid \"These prisons are infamous") {
				t.Errorf("the PO file still holds the reviewed message fuzzy:\n%s", po)
			}
			assertSubmissionInStep(t, dir, "reviewed")
			plan, err := translate.PlanExport(os.DirFS(dir), []string{"es"})
			if err != nil {
				t.Fatal(err)
			}
			if len(plan.Files) > 0 || len(plan.Changes) > 0 {
				t.Errorf("export after reviewed changes %v: %v", plan.Names(), plan.Changes)
			}
		})
	}
}

// TestDeskSaveOfEveryChangedUnit: after an English edit, saving a new
// translation of the one changed unit on the desk leaves the page up to
// date in the model: status finds it translated, the workbench shows no
// changed row, and once the PO files are exported for the edited
// English, its message is not fuzzy and status -strict's PO check is
// clean.
func TestDeskSaveOfEveryChangedUnit(t *testing.T) {
	for _, exported := range []bool{false, true} {
		name := "before export"
		if exported {
			name = "after export"
		}
		t.Run(name, func(t *testing.T) {
			dir := newProject(t)
			replaceIn(t, dir, "content/en/submission.md", "These prisons are notorious", "These prisons are infamous")
			if exported {
				keepPO(t, dir, "es")
			}
			s := serve(t, dir)
			forms, _ := s.deskForms(t, submissionDesk)
			f := rowWith(t, forms, "Esas cárceles son conocidas")
			f.fields.Set("text", strings.Replace(f.text, "son conocidas", "son tristemente célebres", 1))
			if resp, body := s.post(t, workbench.Path+"_save", f.fields, map[string]string{"Origin": s.url}); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("save: %d\n%s", resp.StatusCode, body)
			}
			if _, body := s.get(t, submissionDesk, ""); strings.Contains(body, `<li class="row changed`) {
				t.Error("after the save, the desk still shows a changed row")
			}
			keepPO(t, dir, "es")
			if po := readFile(t, dir, pofiles.Page("es", "submission")); !strings.Contains(po, "msgid \"These prisons are infamous") || strings.Contains(po, "#| msgid \"These prisons are notorious") {
				t.Errorf("the PO file does not hold the saved message up to date:\n%s", po)
			}
			assertSubmissionInStep(t, dir, "the save and export")
		})
	}
}
