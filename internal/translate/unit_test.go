package translate

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cecot/internal/diag"
	"cecot/internal/projecttest"
	"cecot/internal/translation"
)

// TestPlanUnit: one unit's new text changes that unit of the Markdown
// only, byte for byte elsewhere; a text that breaks a promise of the
// original plans nothing and says why at the block's line.
func TestPlanUnit(t *testing.T) {
	for _, tc := range []struct {
		name, anchor, text string
		old, new           string // what changes in content/es/guide.md
	}{
		{"paragraph", "p1", "La guía abre con *énfasis*, `code` y [un enlace](other.md \"La otra página\").",
			"La guía empieza con", "La guía abre con"},
		{"title", "meta.title", `Una "guía"`, `title = "Una guía"`, `title = "Una \"guía\""`},
		{"menu", "meta.menu", "Guía breve", `menu = "Guía"`, `menu = "Guía breve"`},
		{"two-line item", "key-facts.item2", "Segundo dato,\r\nen dos renglones.", "  en dos líneas.", "  en dos renglones."},
		{"cell", "key-facts.cell4", "una prisión", "| una cárcel |", "| una prisión |"},
		{"alt", "key-facts.figure1.alt", "Un mapa", "![Un mapa de la región]", "![Un mapa]"},
		{"footnote", "fn.1", "La nota.", "[^1]: El texto de la nota.", "[^1]: La nota."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := posite(t)
			before := string(fsys["content/es/guide.md"].Data)
			p, err := PlanUnit(fsys, "es", "guide", tc.anchor, tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if got := p.Names(); len(got) != 1 || got[0] != "content/es/guide.md" {
				t.Fatalf("plan writes %q", got)
			}
			if want := strings.Replace(before, tc.old, tc.new, 1); string(p.Files["content/es/guide.md"]) != want {
				t.Errorf("after:\n%s\nwant:\n%s", p.Files["content/es/guide.md"], want)
			}
		})
	}
}

func TestPlanUnitRefuses(t *testing.T) {
	for _, tc := range []struct {
		name, key, anchor, text, want string
	}{
		{"dropped link", "guide", "p1", "La guía empieza con *énfasis* y `code`.", "other.md"},
		{"dropped footnote", "guide", "p3", "Un párrafo sin nota.", "[^1]"},
		{"two blocks", "guide", "p1", "Uno, `code` [un enlace](other.md \"x\").\n\n## Dos", "content/es/guide.md:"},
		{"empty", "guide", "p1", "  \r\n", "empty"},
		{"unknown block", "guide", "p99", "x", "p99"},
		{"no translation", "other", "p1", "Otro.", "content/es/other.md"},
		{"no page", "nothing", "p1", "x", "content/en/nothing.md"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := posite(t)
			p, err := PlanUnit(fsys, "es", tc.key, tc.anchor, tc.text)
			if err == nil {
				t.Fatalf("planned %q", p.Names())
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not name %q", err, tc.want)
			}
			var list diag.List
			var de *diag.Error
			if !errors.As(err, &list) && !errors.As(err, &de) && tc.key == "guide" {
				t.Errorf("error %q is not located", err)
			}
		})
	}
}

// TestPlanString: an interface string's new text changes its line of
// locales/es.toml only; a dropped placeholder, a plural message and an
// unknown one plan nothing.
func TestPlanString(t *testing.T) {
	fsys := posite(t)
	before := string(fsys["locales/es.toml"].Data)
	p, err := PlanString(fsys, "es", "skip", "Saltar al \"contenido\"")
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(before, `skip = "Ir al contenido"`, `skip = "Saltar al \"contenido\""`, 1); string(p.Files["locales/es.toml"]) != want {
		t.Errorf("after:\n%s\nwant:\n%s", p.Files["locales/es.toml"], want)
	}
	for _, tc := range []struct{ id, text, want string }{
		{"reading_time", "{{.Count}} minutos", "plural"},
		{"nothing", "x", "nothing"},
		{"skip", "Ir {{.Nada}}", "locales/es.toml:1:"},
		{"skip", " ", "empty"},
	} {
		if _, err := PlanString(fsys, "es", tc.id, tc.text); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %q: %v, want an error naming %q", tc.id, tc.text, err, tc.want)
		}
	}
}

// TestPlanReviewUnit: on the real submission, an English paragraph
// edited makes its Spanish row changed; reviewing that unit clears it,
// changes only the blocks_from line and leaves the page's other rows.
func TestPlanReviewUnit(t *testing.T) {
	dir := projecttest.Copy(t)
	name := filepath.Join(dir, "content", "en", "submission.md")
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "In February 2025, the governments", "In early 2025, the two governments", 1)
	if err := os.WriteFile(name, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(dir)
	changed := func(fsys fs.FS) []string {
		pa, err := AlignPage(fsys, "es", "submission")
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, u := range pa.Units {
			if u.State == translation.Changed {
				out = append(out, u.Anchor)
			}
		}
		return out
	}
	before := changed(fsys)
	if len(before) != 1 {
		t.Fatalf("changed rows after the edit: %q", before)
	}
	p, err := PlanReviewUnit(fsys, "es", "submission", before[0])
	if err != nil {
		t.Fatal(err)
	}
	old, _ := os.ReadFile(filepath.Join(dir, "content", "es", "submission.md"))
	out := p.Files["content/es/submission.md"]
	// The one changed unit reviewed, the page is up to date: its stamp
	// changes too (translated_from), and nothing else.
	oldRest, oldRec := cutLine(string(old), "blocks_from = ")
	newRest, newRec := cutLine(string(out), "blocks_from = ")
	oldRest, oldStamp := cutLine(oldRest, "translated_from = ")
	newRest, newStamp := cutLine(newRest, "translated_from = ")
	if oldRest != newRest || oldRec == newRec || oldStamp == newStamp {
		t.Errorf("the review changed more than the blocks_from and translated_from lines, or not them")
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "es", "submission.md"), out, 0o644); err != nil {
		t.Fatal(err)
	}
	if after := changed(fsys); len(after) != 0 {
		t.Errorf("changed rows after the review: %q", after)
	}
	if _, err := PlanReviewUnit(fsys, "es", "submission", "meta.title"); err == nil {
		t.Error("a front-matter field was reviewed alone")
	}
}

// TestPlanUnitMissing: on the real submission, a paragraph, a list and
// a table added to the original are missing from the translation.
// Saving the paragraph puts it after its neighbour's translation,
// records it in blocks_from and leaves every other line as it was.
// Saving one item of the list (a cell of the table) starts the whole
// block from the original at its place: that unit translated, the
// others in English, counted untranslated (identical) and each saved
// in place afterwards.
func TestPlanUnitMissing(t *testing.T) {
	dir := projecttest.Copy(t)
	const neighbour = "One of them is the Terrorism Confinement Center, or CECOT.\n"
	name := filepath.Join(dir, "content", "en", "submission.md")
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	added := "\nA paragraph added for a test.\n\n- one item\n- another item\n\n| Where | When |\n| --- | --- |\n| here | now |\n"
	edited := strings.Replace(string(data), neighbour, neighbour+added, 1)
	if err := os.WriteFile(name, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(dir)
	states := func() map[string]translation.State {
		t.Helper()
		pa, err := AlignPage(fsys, "es", "submission")
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]translation.State{}
		for _, u := range pa.Units {
			out[u.Anchor] = u.State
		}
		return out
	}
	var missing []string
	pa, err := AlignPage(fsys, "es", "submission")
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range pa.Units {
		if u.State == translation.Missing {
			missing = append(missing, u.Anchor)
		}
	}
	if len(missing) != 7 {
		t.Fatalf("missing rows: %q", missing)
	}
	trName := filepath.Join(dir, "content", "es", "submission.md")
	save := func(anchor, text string) (old, out string) {
		t.Helper()
		before, _ := os.ReadFile(trName)
		p, err := PlanUnit(fsys, "es", "submission", anchor, text)
		if err != nil {
			t.Fatal(err)
		}
		out = string(p.Files["content/es/submission.md"])
		if err := os.WriteFile(trName, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return string(before), out
	}
	old, out := save(missing[0], "Un párrafo agregado para una prueba.")
	oldRest, oldRec := cutLine(old, "blocks_from = ")
	newRest, newRec := cutLine(out, "blocks_from = ")
	esNeighbour := "o CECOT.\n"
	if want := strings.Replace(oldRest, esNeighbour, esNeighbour+"\nUn párrafo agregado para una prueba.\n", 1); newRest != want {
		t.Errorf("after:\n%s\nwant:\n%s", newRest, want)
	}
	if len(strings.Fields(newRec)) != len(strings.Fields(oldRec))+1 {
		t.Errorf("blocks_from does not record one more block:\n%s\n%s", oldRec, newRec)
	}

	item1, item2 := missing[1], missing[2]
	old, out = save(item2, "otro dato")
	oldRest, oldRec = cutLine(old, "blocks_from = ")
	newRest, newRec = cutLine(out, "blocks_from = ")
	para := "Un párrafo agregado para una prueba.\n"
	if want := strings.Replace(oldRest, para, para+"\n- one item\n- otro dato\n", 1); newRest != want {
		t.Errorf("the list is not started from the original at its place:\n%s\nwant:\n%s", newRest, want)
	}
	if len(strings.Fields(newRec)) != len(strings.Fields(oldRec))+1 {
		t.Errorf("blocks_from does not record the list:\n%s\n%s", oldRec, newRec)
	}
	st := states()
	if st[item1] != translation.Identical || st[item2] != translation.Translated {
		t.Errorf("after saving the second item: %s is %s (want identical), %s is %s (want translated)", item1, st[item1], item2, st[item2])
	}
	old, out = save(item1, "un dato")
	if want := strings.Replace(old, "- one item\n", "- un dato\n", 1); out != want {
		t.Errorf("the first item, saved in place:\n%s\nwant:\n%s", out, want)
	}

	cell := missing[5] // "here"
	_, out = save(cell, "aquí")
	if !strings.Contains(out, "- otro dato\n\n| Where | When |\n| --- | --- |\n| aquí | now |\n") {
		t.Errorf("the table is not started after the list:\n%s", out)
	}
	st = states()
	for _, a := range missing {
		want := translation.Translated
		if a == missing[3] || a == missing[4] || a == missing[6] {
			want = translation.Identical
		}
		if st[a] != want {
			t.Errorf("%s is %s, want %s", a, st[a], want)
		}
	}
}
