package workbench_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"cecot/internal/browsertest"
	"cecot/internal/locale"
	"cecot/internal/pofiles"
	"cecot/internal/workbench"
)

// TestForeignHost checks that the preview, workbench included, refuses
// a request that names another host, as a page of another site does
// after pointing its name at 127.0.0.1 (DNS rebinding).
func TestForeignHost(t *testing.T) {
	s := serve(t, newProject(t))
	port := strings.TrimPrefix(s.url, "http://127.0.0.1:")
	for _, path := range []string{workbench.Path, workbench.Path + "es/submission", "/en/submission/", "/_site/events"} {
		if code, _ := s.get(t, path, "rebind.example:"+port); code != http.StatusForbidden {
			t.Errorf("%s with a foreign Host: %d, want 403", path, code)
		}
	}
	if code, _ := s.get(t, workbench.Path, "127.0.0.1:1"); code != http.StatusForbidden {
		t.Errorf("another port in Host: %d, want 403", code)
	}
	for _, host := range []string{"", "localhost:" + port} {
		if code, body := s.get(t, workbench.Path, host); code != http.StatusOK {
			t.Errorf("Host %q: %d\n%s", host, code, body)
		}
	}
}

// TestReadOnly checks that serving the workbench writes nothing: every
// file of the project is the same after its pages are read.
func TestReadOnly(t *testing.T) {
	dir := newProject(t)
	before := snapshot(t, dir)
	s := serve(t, dir)
	paths := []string{workbench.Path + "workbench.css"}
	for _, ui := range []string{"en", "es"} {
		paths = append(paths, workbench.Path+"?ui="+ui, workbench.Path+"strings/es?ui="+ui)
		for _, key := range []string{"_index", "submission", "about", "recommendations", "404"} {
			paths = append(paths, workbench.Path+"es/"+key+"?ui="+ui)
		}
	}
	for _, p := range paths {
		code, body := s.get(t, p, "")
		if code != http.StatusOK {
			t.Errorf("%s: %d\n%s", p, code, body)
		}
		// Every field has its own name.
		if strings.Contains(body, "Field · ") || strings.Contains(body, "Campo · ") {
			t.Errorf("%s names a front-matter field generically", p)
		}
		// A message the workbench lacks shows as its ID in capitals.
		if m := regexp.MustCompile(`\b(KIND|STATE|BADGE|TODO)_[A-Z_]+\b`).FindString(body); m != "" {
			t.Errorf("%s shows %s: a message is missing", p, m)
		}
	}
	after := snapshot(t, dir)
	if len(after) != len(before) {
		t.Errorf("the project had %d files, now %d", len(before), len(after))
	}
	for name, data := range before {
		if after[name] != data {
			t.Errorf("%s changed", name)
		}
	}
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		files[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestOverviewMatchesStatus opens the overview and compares its figures
// with what "site status -json" prints for the same project.
func TestOverviewMatchesStatus(t *testing.T) {
	dir := newProject(t)
	// Some of everything: a missing page and an out-of-date one.
	if err := os.Remove(filepath.Join(dir, "content/es/recommendations.md")); err != nil {
		t.Fatal(err)
	}
	replaceIn(t, dir, "content/en/about.md", "\n\n", "\n\nA new first paragraph.\n\n")
	// A page with no original, and a Spanish string no one uses.
	writeFile(t, dir, "content/es/solo.md", "+++\ntitle = \"Solo\"\ndescription = \"Sin original.\"\n+++\n\nTexto.\n")
	replaceIn(t, dir, "locales/es.toml", "toc = \"Contenido\"\n", "toc = \"Contenido\"\nnadie_lo_usa = \"Nadie\"\n")
	// An interface string missing, one left in English.
	replaceIn(t, dir, "locales/es.toml", "toc = \"Contenido\"\n", "")
	replaceIn(t, dir, "locales/es.toml", "original_link = \"Leer el original\"", "original_link = \"Read the original\"")
	s := serve(t, dir)
	rep := loadStatus(t, dir)
	// The JSON of "site status -json", read back.
	data, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	type counts struct{ Translated, Changed, Missing int }
	var status struct {
		Languages []struct {
			Lang  string
			Pages []struct {
				Key, State, Title string
				Blocks            counts
			}
			Blocks  counts
			Strings []struct{ ID, Problem string }
			PO      []struct{ File string }
			Images  []struct{ Stale bool }
		}
		Unused, Undefined, Extra []struct{ File string }
	}
	if err := json.Unmarshal(data, &status); err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t, 2*time.Minute)
	s.open(t, ctx, workbench.Path+"?ui=en")
	type row struct {
		Key, State, Title, Counts    string
		Translated, Changed, Missing int
	}
	rows := eval[[]row](t, ctx, `[...document.querySelectorAll("tr[data-key]")].map(tr => ({
		key: tr.dataset.key, state: tr.dataset.state, title: tr.querySelector("th a").textContent,
		counts: tr.querySelector(".counts").textContent,
		translated: +tr.dataset.translated, changed: +tr.dataset.changed, missing: +tr.dataset.missing}))`)
	if len(status.Languages) != 1 {
		t.Fatalf("status has %d languages", len(status.Languages))
	}
	pages := status.Languages[0].Pages
	if len(rows) != len(pages) {
		t.Fatalf("the overview lists %d pages, status %d", len(rows), len(pages))
	}
	states := map[string]int{}
	for i, p := range pages {
		r := rows[i]
		states[p.State]++
		if r.Key != p.Key || r.State != p.State || r.Title != p.Title {
			t.Errorf("row %d: %s %s %q; status says %s %s %q", i, r.Key, r.State, r.Title, p.Key, p.State, p.Title)
		}
		want := "Translated: " + strconv.Itoa(r.Translated) + " · changed: " + strconv.Itoa(r.Changed) + " · missing: " + strconv.Itoa(r.Missing)
		if !strings.HasPrefix(r.Counts, want) {
			t.Errorf("row %s shows %q, its figures are %s", r.Key, r.Counts, want)
		}
		if got := (counts{r.Translated, r.Changed, r.Missing}); got != p.Blocks {
			t.Errorf("row %s shows %+v blocks, status %+v", r.Key, got, p.Blocks)
		}
		if p.State == "missing" && (r.Translated+r.Changed != 0 || r.Missing == 0) {
			t.Errorf("missing page %s: %d translated, %d changed, %d missing blocks", p.Key, r.Translated, r.Changed, r.Missing)
		}
		if p.State == "translated" && (r.Changed+r.Missing != 0) {
			t.Errorf("up-to-date page %s: %d changed, %d missing blocks", p.Key, r.Changed, r.Missing)
		}
		if p.State == "stale" && r.Changed+r.Missing == 0 {
			t.Errorf("out-of-date page %s shows no changed or missing block", p.Key)
		}
	}
	if states["missing"] == 0 || states["stale"] == 0 || states["translated"] == 0 {
		t.Errorf("the fixture should have pages in every state: %v", states)
	}
	// The overall figure: the pages' blocks, as status counts them, and
	// the interface strings, every message of the default language's
	// file but those status reports missing, untranslated or wrong.
	def, err := locale.Inspect(os.DirFS(dir), rep.Default)
	if err != nil {
		t.Fatal(err)
	}
	bad := map[string]bool{}
	for _, s := range status.Languages[0].Strings {
		if _, ok := def.Messages[s.ID]; ok && (s.Problem == "missing" || s.Problem == "untranslated" || s.Problem == "plural") {
			bad[s.ID] = true
		}
	}
	if len(bad) != 2 {
		t.Errorf("status reports %d interface strings to translate, want the 2 the test removed", len(bad))
	}
	b := status.Languages[0].Blocks
	want := counts{b.Translated + len(def.Messages) - len(bad), b.Changed, b.Missing + len(bad)}
	got := eval[counts](t, ctx, `(() => { const d = document.querySelector(".overall").dataset;
		return {translated: +d.translated, changed: +d.changed, missing: +d.missing}; })()`)
	if got != want {
		t.Errorf("the overall figure is %+v, status gives %+v", got, want)
	}
	text := eval[string](t, ctx, `document.querySelector(".overall").innerText`)
	if w := fmt.Sprintf("Translated: %d · changed: %d · missing: %d · of %d blocks.", want.Translated, want.Changed, want.Missing, want.Translated+want.Changed+want.Missing); !strings.Contains(text, w) {
		t.Errorf("the overall figure reads %q, want %q", text, w)
	}
	// What else status asks is listed too, one item each.
	l := status.Languages[0]
	tasks := len(l.PO)
	for _, im := range l.Images {
		if im.Stale {
			tasks++
		}
	}
	for _, s := range l.Strings {
		if s.Problem != "missing" && s.Problem != "untranslated" {
			tasks++
		}
	}
	site := len(status.Unused) + len(status.Undefined) + len(status.Extra)
	if tasks == 0 || site == 0 {
		t.Errorf("status finds %d tasks for the language and %d for the original; the fixture makes at least one each", tasks, site)
	}
	if got := eval[[2]int](t, ctx, `[document.querySelectorAll("section.language:first-of-type ul.tasks li").length,
		document.querySelectorAll("#original-tasks ~ ul.tasks li").length]`); got != [2]int{tasks, site} {
		t.Errorf("the overview lists %d tasks for the language and %d for the original; status %d and %d", got[0], got[1], tasks, site)
	}
	// The interface strings' view shows the two as untranslated, each
	// in the model's state: one missing, one identical to the original.
	s.open(t, ctx, workbench.Path+"strings/es?ui=en")
	missing := eval[[]string](t, ctx, `[...document.querySelectorAll("li.row.missing .name, li.row.identical .name")].map(e => e.textContent)`)
	if strings.Join(missing, "|") != "Interface string · toc|Interface string · original_link" {
		t.Errorf("the strings' view marks missing: %q", missing)
	}
}

// TestMissingPage opens the view of a page that has no Spanish file:
// every row is marked missing.
func TestMissingPage(t *testing.T) {
	dir := newProject(t)
	if err := os.Remove(filepath.Join(dir, "content/es/recommendations.md")); err != nil {
		t.Fatal(err)
	}
	s := serve(t, dir)
	ctx := browsertest.New(t, 2*time.Minute)
	s.open(t, ctx, workbench.Path+"es/recommendations?ui=en")
	got := eval[[3]int](t, ctx, `[document.querySelectorAll("li.row").length,
		document.querySelectorAll("li.row.missing").length,
		document.querySelectorAll("li.row.missing .badge.missing").length]`)
	if got[0] < 3 || got[1] != got[0] || got[2] != got[0] {
		t.Errorf("%d rows, %d marked missing, %d with the badge", got[0], got[1], got[2])
	}
	if !eval[bool](t, ctx, `document.body.innerText.includes("stamp -new content/en/recommendations.md es")`) {
		t.Error("the view does not say how to start the translation")
	}
}

// TestGlossaryAndEdits opens the submission's side-by-side view, then
// edits the files on disk while it is open: a Spanish paragraph that
// drops the agreed term is flagged, and an English paragraph edited is
// marked changed with the words that changed, each within the live
// reload's round trip.
func TestGlossaryAndEdits(t *testing.T) {
	dir := newProject(t)
	keepPO(t, dir, "es")
	s := serve(t, dir)
	ctx := browsertest.New(t, 2*time.Minute)
	s.open(t, ctx, workbench.Path+"es/submission?ui=en")
	if n := eval[int](t, ctx, `document.querySelectorAll("li.row.changed, li.row.missing").length`); n != 0 {
		t.Fatalf("the real submission has %d changed or missing rows before any edit", n)
	}

	replaceIn(t, dir, "content/es/submission.md", "mediante la Ley de Enemigos Extranjeros", "mediante una antigua ley de guerra")
	took := poll(t, ctx, "the glossary miss is flagged", `[...document.querySelectorAll("li.row.gloss")].some(li =>
		li.querySelector(".badge.glossary") && li.innerText.includes("una antigua ley de guerra") && li.querySelector(".glossary-miss").innerText.includes("Ley de Enemigos Extranjeros"))`)
	t.Logf("glossary miss shown %v after the save", took)

	replaceIn(t, dir, "content/en/submission.md", "In February 2025, the governments", "In early 2025, the two governments")
	took = poll(t, ctx, "the edited paragraph is marked changed, with its diff", `[...document.querySelectorAll("li.row.changed")].some(li =>
		li.querySelector(".badge.changed") &&
		[...li.querySelectorAll(".original del")].map(e => e.textContent).join(" ").includes("February") &&
		[...li.querySelectorAll(".original ins")].map(e => e.textContent).join(" ").includes("early") &&
		[...li.querySelectorAll(".original ins")].map(e => e.textContent).join(" ").includes("two"))`)
	t.Logf("changed row shown %v after the save", took)
	if n := eval[int](t, ctx, `document.querySelectorAll("li.row.changed").length`); n != 1 {
		t.Errorf("%d rows marked changed, want 1", n)
	}
	// A change is not told by colour alone: deleted words are struck
	// through, inserted ones underlined, and screen readers hear where
	// each starts.
	marks := eval[[4]string](t, ctx, `(() => {
		const del = document.querySelector("li.row.changed del"), ins = document.querySelector("li.row.changed ins");
		return [getComputedStyle(del).textDecorationLine, getComputedStyle(ins).textDecorationLine,
			getComputedStyle(del, "::before").content, getComputedStyle(ins, "::before").content];
	})()`)
	if marks[0] != "line-through" || marks[1] != "underline" || !strings.Contains(marks[2], "deleted") || !strings.Contains(marks[3], "inserted") {
		t.Errorf("diff marks: del %q, ins %q, announced as %s and %s", marks[0], marks[1], marks[2], marks[3])
	}
}

// TestEditWithoutPO edits an English paragraph of a project that keeps
// no PO files: the stamp tells which section changed but not the earlier
// text, so the section's rows are marked changed and say so.
func TestEditWithoutPO(t *testing.T) {
	dir := newProject(t)
	if err := os.RemoveAll(filepath.Join(dir, filepath.FromSlash(pofiles.Dir))); err != nil {
		t.Fatal(err)
	}
	s := serve(t, dir)
	ctx := browsertest.New(t, 2*time.Minute)
	s.open(t, ctx, workbench.Path+"es/submission?ui=en")
	replaceIn(t, dir, "content/en/submission.md", "In February 2025, the governments", "In early 2025, the two governments")
	poll(t, ctx, "the edited section's rows are marked changed", `[...document.querySelectorAll("li.row.changed")].some(li =>
		li.innerText.includes("In early 2025, the two governments") && li.querySelector(".badge.changed") &&
		li.innerText.includes("The earlier text is not known here"))`)
	if n := eval[int](t, ctx, `document.querySelectorAll("li.row.changed del, li.row.changed ins").length`); n != 0 {
		t.Errorf("%d diff marks without an earlier text", n)
	}
}

// TestAccessibility runs axe-core's WCAG 2.1 A and AA rules on the
// overview and the submission's side-by-side view, in both interface
// languages, light and dark, with a changed, a missing and a flagged
// row on the page.
func TestAccessibility(t *testing.T) {
	axe := browsertest.AxeScript(t, repo)
	dir := newProject(t)
	keepPO(t, dir, "es")
	replaceIn(t, dir, "content/es/submission.md", "mediante la Ley de Enemigos Extranjeros", "mediante una antigua ley de guerra")
	replaceIn(t, dir, "content/en/submission.md", "In February 2025, the governments", "In early 2025, the two governments")
	if err := os.Remove(filepath.Join(dir, "content/es/recommendations.md")); err != nil {
		t.Fatal(err)
	}
	// Tasks on the overview: a page with no original, an unused string.
	writeFile(t, dir, "content/es/solo.md", "+++\ntitle = \"Solo\"\ndescription = \"Sin original.\"\n+++\n\nTexto.\n")
	replaceIn(t, dir, "locales/es.toml", "toc = \"Contenido\"\n", "toc = \"Contenido\"\nnadie_lo_usa = \"Nadie\"\n")
	s := serve(t, dir)
	ctx := browsertest.New(t, 3*time.Minute)
	for _, sch := range []string{"light", "dark"} {
		browsertest.ColorScheme(t, ctx, sch)
		for _, p := range []string{workbench.Path, workbench.Path + "?ui=en", workbench.Path + "es/submission", workbench.Path + "es/submission?ui=en", workbench.Path + "es/recommendations", workbench.Path + "strings/es"} {
			t.Run(sch+p, func(t *testing.T) {
				if err := chromedp.Do(ctx, chromedp.Navigate(s.url+p)); err != nil {
					t.Fatal(err)
				}
				browsertest.Axe(t, ctx, axe)
			})
		}
	}
}

// TestNarrowAndShots renders the overview and the submission's view at
// a phone's width and a desktop's: nothing scrolls sideways. With
// $WORKBENCH_SHOTS set to a folder, it saves full-page screenshots there.
func TestNarrowAndShots(t *testing.T) {
	dir := newProject(t)
	keepPO(t, dir, "es")
	replaceIn(t, dir, "content/es/submission.md", "mediante la Ley de Enemigos Extranjeros", "mediante una antigua ley de guerra")
	replaceIn(t, dir, "content/en/submission.md", "In February 2025, the governments", "In early 2025, the two governments")
	s := serve(t, dir)
	ctx := browsertest.New(t, 3*time.Minute)
	shots := os.Getenv("WORKBENCH_SHOTS")
	for _, sch := range []string{"light", "dark"} {
		browsertest.ColorScheme(t, ctx, sch)
		for _, width := range []int64{360, 1280} {
			for name, p := range map[string]string{"overview": workbench.Path, "submission": workbench.Path + "es/submission"} {
				shot := "workbench-" + name + "-" + strconv.Itoa(int(width))
				if sch == "dark" {
					shot += "-dark"
				}
				t.Run(shot, func(t *testing.T) {
					if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800), chromedp.Navigate(s.url+p)); err != nil {
						t.Fatal(err)
					}
					w := eval[[2]int](t, ctx, `[document.documentElement.scrollWidth, document.documentElement.clientWidth]`)
					if w[0] > w[1] {
						t.Errorf("at %d px the page is %d px wide: it scrolls sideways", w[1], w[0])
					}
					if shots == "" {
						return
					}
					png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
					if err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(filepath.Join(shots, shot+".png"), png, 0o644); err != nil {
						t.Fatal(err)
					}
				})
			}
		}
	}
}
