package workbench_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"cecot/internal/browsertest"
	"cecot/internal/workbench"
)

// fieldWith is JavaScript for the desk's textarea whose text holds s.
func fieldWith(s string) string {
	return `[...document.querySelectorAll("form.edit textarea")].find(t => t.value.includes(` + strconv.Quote(s) + `))`
}

// typeInto replaces old with text in the field that holds old, as
// typing does, and presses its save button.
func typeInto(t testing.TB, ctx contextT, old, text string) {
	t.Helper()
	eval[bool](t, ctx, `(() => { const f = `+fieldWith(old)+`; f.focus(); f.value = f.value.replace(`+strconv.Quote(old)+`, `+strconv.Quote(text)+`);
		f.dispatchEvent(new Event("input", {bubbles: true})); f.form.querySelector("button[type=submit]").click(); return true; })()`)
}

// TestDeskInBrowser edits a paragraph in the desk, saves it, and sees
// the change in the Spanish preview; the file's only change is that
// paragraph. An edit that drops a link is refused beside its field;
// "reviewed" clears the page's out-of-date state.
func TestDeskInBrowser(t *testing.T) {
	dir := newProject(t)
	replaceIn(t, dir, "content/en/submission.md", "In February 2025, the governments", "In early 2025, the two governments")
	s := serve(t, dir)
	ctx := browsertest.New(t, 3*time.Minute)
	before := readFile(t, dir, "content/es/submission.md")

	s.open(t, ctx, workbench.Path+"es/submission?ui=es")
	typeInto(t, ctx, "Esas cárceles son conocidas", "Esas cárceles son famosas")
	poll(t, ctx, "the desk comes back to the saved row", `location.hash.startsWith("#row-") && !!(`+fieldWith("son famosas")+`)`)
	if after, want := readFile(t, dir, "content/es/submission.md"), strings.Replace(before, "son conocidas", "son famosas", 1); after != want {
		t.Errorf("the file changed beyond the paragraph:\n%s", after)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+"/es/informe/")); err != nil {
		t.Fatal(err)
	}
	poll(t, ctx, "the Spanish preview shows the saved paragraph", `(() => { if (!document.body.innerText.includes("son famosas")) { location.reload(); return false; } return true; })()`)

	// A dropped link: refused, said beside the field, nothing written.
	s.open(t, ctx, workbench.Path+"es/submission?ui=es")
	saved := readFile(t, dir, "content/es/submission.md")
	typeInto(t, ctx, "[una página aparte](recommendations.md)", "una página aparte")
	poll(t, ctx, "the refusal is shown beside the field", `(() => { const p = document.querySelector("form.edit .problem");
		return !!p && p.offsetParent !== null && p.innerText.includes("No se guardó") && p.innerText.includes("recommendations.md") &&
			p.closest("form").querySelector("textarea").value.includes("una página aparte"); })()`)
	if readFile(t, dir, "content/es/submission.md") != saved {
		t.Error("a refused edit was written")
	}

	// Reviewed, in one click.
	s.open(t, ctx, workbench.Path+"es/submission?ui=en")
	if st := eval[string](t, ctx, `document.querySelector(".overall .state").className`); !strings.Contains(st, "stale") {
		t.Fatalf("the page's state is %q before review", st)
	}
	eval[bool](t, ctx, `(() => { document.querySelector("form.page-action button").click(); return true; })()`)
	poll(t, ctx, "reviewed clears the out-of-date state", `!!document.querySelector(".overall .state.translated") && !document.querySelector("form.page-action")`)
}

// TestDeskPluralAndListInBrowser: a plural interface string is edited
// form by form, each field named by its form and the numbers it is for,
// and the Spanish preview shows the saved form; the first item saved of
// a list new in the original brings the whole list, whose other item
// waits in its own field in the original's words.
func TestDeskPluralAndListInBrowser(t *testing.T) {
	dir := newProject(t)
	const neighbour = "One of them is the Terrorism Confinement Center, or CECOT.\n"
	replaceIn(t, dir, "content/en/submission.md", neighbour, neighbour+"\n- a first added fact\n- a second added fact\n")
	s := serve(t, dir)
	ctx := browsertest.New(t, 3*time.Minute)

	s.open(t, ctx, workbench.Path+"strings/es?ui=es")
	if got := eval[string](t, ctx, `document.querySelector("textarea[name=form-other]").labels[0].innerText`); got != "Forma «other», para números como 0, 2, 3" {
		t.Errorf("the other form's label: %q", got)
	}
	eval[bool](t, ctx, `(() => { const f = document.querySelector("textarea[name=form-other]"); f.focus();
		f.value = f.value.replace("minutos de lectura", "minutos para leer"); f.form.querySelector("button[type=submit]").click(); return true; })()`)
	poll(t, ctx, "the plural string is saved", `!!document.querySelector("p.saved[role=status]")`)
	if got := readFile(t, dir, "locales/es.toml"); !strings.Contains(got, `other = "{{.Count}} minutos para leer"`) {
		t.Errorf("locales/es.toml:\n%s", got)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+"/es/informe/")); err != nil {
		t.Fatal(err)
	}
	poll(t, ctx, "the Spanish preview shows the saved form", `(() => { if (!document.body.innerText.includes("minutos para leer")) { location.reload(); return false; } return true; })()`)

	s.open(t, ctx, workbench.Path+"es/submission?ui=es")
	eval[bool](t, ctx, `(() => { const f = [...document.querySelectorAll("form.edit textarea")].filter(t => t.value === "")[1]; f.focus();
		f.value = "un segundo dato agregado"; f.form.querySelector("button[type=submit]").click(); return true; })()`)
	poll(t, ctx, "the other item waits in its field", `!!(`+fieldWith("a first added fact")+`) && !!document.querySelector("p.saved[role=status]")`)
	if got := readFile(t, dir, "content/es/submission.md"); !strings.Contains(got, "- a first added fact\n- un segundo dato agregado\n") {
		t.Errorf("the list is not in the translation:\n%s", got)
	}
}

// TestDeskAccessibility runs axe-core on every desk view: a page's forms,
// a refused edit, a conflict, a missing page's start button, in both
// interface languages and colour schemes; and at 360 px nothing scrolls
// sideways.
func TestDeskAccessibility(t *testing.T) {
	axe := browsertest.AxeScript(t, repo)
	dir := newProject(t)
	replaceIn(t, dir, "content/en/submission.md", "In February 2025, the governments", "In early 2025, the two governments")
	removeFile(t, dir, "content/es/recommendations.md")
	s := serve(t, dir)
	ctx := browsertest.New(t, 5*time.Minute)
	check := func(t *testing.T) {
		browsertest.Axe(t, ctx, axe)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 800)); err != nil {
			t.Fatal(err)
		}
		w := eval[[2]int](t, ctx, `[document.documentElement.scrollWidth, document.documentElement.clientWidth]`)
		if w[0] > w[1] {
			t.Errorf("at %d px the page is %d px wide: it scrolls sideways", w[1], w[0])
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
			t.Fatal(err)
		}
	}
	for _, sch := range []string{"light", "dark"} {
		browsertest.ColorScheme(t, ctx, sch)
		for _, ui := range []string{"en", "es"} {
			t.Run(sch+"/"+ui+"/page", func(t *testing.T) {
				s.open(t, ctx, workbench.Path+"es/submission?ui="+ui)
				check(t)
			})
			t.Run(sch+"/"+ui+"/saved", func(t *testing.T) {
				s.open(t, ctx, workbench.Path+"es/submission?ui="+ui)
				typeInto(t, ctx, "Esas cárceles son", "Esas cárceles son")
				poll(t, ctx, "the saved row", `!!document.querySelector("p.saved[role=status]")`)
				check(t)
			})
			t.Run(sch+"/"+ui+"/refused", func(t *testing.T) {
				s.open(t, ctx, workbench.Path+"es/submission?ui="+ui)
				typeInto(t, ctx, "[una página aparte](recommendations.md)", "una página aparte")
				poll(t, ctx, "the refusal", `!!document.querySelector("form.edit .problem")`)
				check(t)
				// With $DESK_SHOTS set to a folder, the refused row is
				// saved there as a picture, for the translators' guides.
				if dir := os.Getenv("DESK_SHOTS"); dir != "" && sch == "light" {
					eval[bool](t, ctx, `(() => { document.querySelector("form.edit .problem").closest("li.row").id = "shot"; return true; })()`)
					png, err := chromedp.Run(ctx, chromedp.Screenshot("#shot"))
					if err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(filepath.Join(dir, "desk-refused-"+ui+".png"), png, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			})
			t.Run(sch+"/"+ui+"/conflict", func(t *testing.T) {
				s.open(t, ctx, workbench.Path+"es/submission?ui="+ui)
				// The file changes while the translator types: the page
				// does not reload over the unsaved words.
				eval[bool](t, ctx, `(() => { const f = `+fieldWith("Esas cárceles")+`; f.value += " Editado."; return true; })()`)
				replaceIn(t, dir, "content/es/submission.md", "Una de ellas", "Una de ellas ("+sch+ui+")")
				<-s.rebuilt
				time.Sleep(300 * time.Millisecond)
				eval[bool](t, ctx, `(() => { const f = `+fieldWith("Editado.")+`; f.form.querySelector("button[type=submit]").click(); return true; })()`)
				poll(t, ctx, "the conflict", `!!document.querySelector("form.edit .problem.conflict")`)
				check(t)
			})
			t.Run(sch+"/"+ui+"/plural", func(t *testing.T) {
				s.open(t, ctx, workbench.Path+"strings/es?ui="+ui)
				if !eval[bool](t, ctx, `!!document.querySelector("form.edit fieldset.forms textarea[name=form-many]")`) {
					t.Fatal("no field for the plural form many")
				}
				check(t)
			})
			t.Run(sch+"/"+ui+"/plural-refused", func(t *testing.T) {
				s.open(t, ctx, workbench.Path+"strings/es?ui="+ui)
				eval[bool](t, ctx, `(() => { const f = document.querySelector("textarea[name=form-many]"); f.value = ""; f.form.querySelector("button[type=submit]").click(); return true; })()`)
				poll(t, ctx, "the refusal", `!!document.querySelector("form.edit .problem")`)
				check(t)
			})
			t.Run(sch+"/"+ui+"/start", func(t *testing.T) {
				s.open(t, ctx, workbench.Path+"es/recommendations?ui="+ui)
				if !eval[bool](t, ctx, `!!document.querySelector("form.page-action button")`) {
					t.Fatal("no start button")
				}
				check(t)
			})
		}
	}
}

type contextT = context.Context

func removeFile(t testing.TB, dir, name string) {
	t.Helper()
	if err := os.Remove(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
		t.Fatal(err)
	}
}
