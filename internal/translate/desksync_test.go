package translate

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"cecot/internal/po"
	"cecot/internal/projecttest"
	"cecot/internal/words"
)

// TestDeskSaveKeepsPOInStep: a desk save (PlanUnit, PlanReviewUnit)
// leaves the page's PO file and the sync record as "site po import"
// does, so that the next export changes nothing and the next import
// brings no translation: for a unit edited in place and for a paragraph
// and a list added to the original.
func TestDeskSaveKeepsPOInStep(t *testing.T) {
	fsys := posite(t)
	mustExport(t, fsys)
	quiet := func(what string) {
		t.Helper()
		for name, plan := range map[string]func() (*Plan, error){
			"export": func() (*Plan, error) { return PlanExport(fsys, nil) },
			"import": func() (*Plan, error) { return PlanImport(fsys, nil) },
		} {
			p, err := plan()
			if err != nil {
				t.Fatalf("%s, then %s: %v", what, name, err)
			}
			if name == "import" {
				// Import stamps a page the save made complete; the
				// desk leaves that to its "reviewed" button.
				delete(p.Files, "content/es/submission.md")
			}
			if len(p.Files) > 0 || len(p.Changes) > 0 || len(p.Pending) > 0 {
				t.Errorf("%s, then %s changes %v: %v %v", what, name, p.Names(), p.Changes, p.Pending)
			}
		}
	}
	save := func(anchor, text string) *Plan {
		t.Helper()
		p, err := PlanUnit(fsys, "es", "guide", anchor, text)
		if err != nil {
			t.Fatal(err)
		}
		projecttest.Put(fsys, p.Files)
		return p
	}
	p := save("p1", "La guía abre con *énfasis*, `code` y [un enlace](other.md \"La otra página\"), dicho de otra forma.")
	if got := strings.Join(p.Names(), " "); got != "content/es/.po-sync content/es/guide.md locales/po/pages/es/guide.po" {
		t.Errorf("a save writes %s", got)
	}
	if !strings.Contains(string(fsys["locales/po/pages/es/guide.po"].Data), "dicho de otra forma") {
		t.Error("the PO file does not hold the saved translation")
	}
	quiet("a save in place")

	// A paragraph and a list added to the original of the real
	// submission (which records its blocks), exported (empty
	// entries), then translated at the desk.
	fsys = mapOf(t, projecttest.Copy(t))
	const neighbour = "One of them is the Terrorism Confinement Center, or CECOT.\n"
	en := string(fsys["content/en/submission.md"].Data)
	fsys["content/en/submission.md"] = &fstest.MapFile{Data: []byte(strings.Replace(en, neighbour, neighbour+"\nA paragraph added later.\n\n- one added item\n- another added item\n", 1))}
	mustExport(t, fsys)
	quiet("an export")
	pa, err := AlignPage(fsys, "es", "submission")
	if err != nil {
		t.Fatal(err)
	}
	anchors := map[string]string{}
	for _, u := range pa.Units {
		anchors[u.Original] = u.Anchor
	}
	for _, tc := range []struct{ orig, text string }{
		{"A paragraph added later.", "Un párrafo agregado después."},
		{"another added item", "otro elemento agregado"},
		{"one added item", "un elemento agregado"},
	} {
		p, err := PlanUnit(fsys, "es", "submission", anchors[tc.orig], tc.text)
		if err != nil {
			t.Fatal(err)
		}
		projecttest.Put(fsys, p.Files)
		if !strings.Contains(string(fsys["locales/po/pages/es/submission.po"].Data), tc.text) {
			t.Errorf("the PO file does not hold %q", tc.text)
		}
		quiet("a missing block saved (" + tc.orig + ")")
	}
}

// mapOf reads the project at dir into memory.
func mapOf(t testing.TB, dir string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestDeskSaveRefusesPendingPO: a translation in the PO file that the
// Markdown does not have yet (a Weblate commit not imported) is never
// overwritten by a desk save: the save is refused, in both languages,
// naming the PO file; saving the PO file's own text is allowed.
func TestDeskSaveRefusesPendingPO(t *testing.T) {
	fsys := posite(t)
	mustExport(t, fsys)
	name := "locales/po/pages/es/guide.po"
	f, err := po.Read(name, fsys[name].Data)
	if err != nil {
		t.Fatal(err)
	}
	const fromWeblate = "Primer dato, con palabras **fuertes**, desde Weblate."
	found := false
	for _, e := range f.Entries {
		if strings.HasPrefix(e.ID, "First fact") {
			e.Str, found = []string{fromWeblate}, true
		}
	}
	if !found {
		t.Fatal("no entry for the first item")
	}
	fsys[name] = &fstest.MapFile{Data: f.Bytes()}
	before := string(fsys["content/es/guide.md"].Data)
	_, err = PlanUnit(fsys, "es", "guide", "key-facts.item1", "Primer dato, con palabras **fuertes**, en la mesa.")
	for lang, want := range map[string]string{"en": "not imported yet", "es": "todavía no se importó"} {
		if err == nil || !strings.Contains(words.NewPrinter(lang).Error(err), want) || !strings.Contains(words.NewPrinter(lang).Error(err), name) {
			t.Errorf("in %s: %v", lang, err)
		}
	}
	if string(fsys["content/es/guide.md"].Data) != before {
		t.Fatal("changed")
	}
	p, err := PlanUnit(fsys, "es", "guide", "key-facts.item1", fromWeblate)
	if err != nil {
		t.Fatalf("saving the PO file's own text: %v", err)
	}
	projecttest.Put(fsys, p.Files)
	if e, err := PlanExport(fsys, nil); err != nil || len(e.Files) > 0 {
		t.Errorf("export after saving the PO file's text: %v %v", e, err)
	}
}

// TestPlanStringForms: a plural interface string is saved with one text
// for each of Spanish's CLDR forms (one, many, other): its lines of
// locales/es.toml change and nothing else; an empty form or a dropped
// placeholder plans nothing and says which; with PO files kept, the
// strings' PO entry and the sync record follow, so the next export is
// clean, and a PO translation not imported yet is not overwritten.
func TestPlanStringForms(t *testing.T) {
	fsys := posite(t)
	mustExport(t, fsys)
	before := string(fsys["locales/es.toml"].Data)
	forms := map[string]string{"one": "{{.Count}} minuto para leer", "many": "{{.Count}} de minutos para leer", "other": "{{.Count}} minutos para leer"}
	p, err := PlanStringForms(fsys, "es", "reading_time", forms)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.NewReplacer(`one = "{{.Count}} minuto de lectura"`, `one = "{{.Count}} minuto para leer"`,
		`many = "{{.Count}} de minutos de lectura"`, `many = "{{.Count}} de minutos para leer"`,
		`other = "{{.Count}} minutos de lectura"`, `other = "{{.Count}} minutos para leer"`).Replace(before)
	if got := string(p.Files["locales/es.toml"]); got != want {
		t.Errorf("after:\n%s\nwant:\n%s", got, want)
	}
	if got := strings.Join(p.Names(), " "); got != "content/es/.po-sync locales/es.toml locales/po/strings/es.po" {
		t.Errorf("a save writes %s", got)
	}
	projecttest.Put(fsys, p.Files)
	if e, err := PlanExport(fsys, nil); err != nil || len(e.Files) > 0 {
		t.Errorf("export after a desk save of a plural string: %v %v", e.Names(), err)
	}

	for _, tc := range []struct {
		forms    map[string]string
		en, es   string
		mentions string
	}{
		{map[string]string{"one": "{{.Count}} minuto", "other": "{{.Count}} minutos"}, "plural form", "forma del plural", "many"},
		{map[string]string{"one": "{{.Count}} minuto", "many": "{{.Cuenta}} de minutos", "other": "{{.Count}} minutos"}, "reading_time", "reading_time", "{{.Cuenta}}"},
	} {
		_, err := PlanStringForms(fsys, "es", "reading_time", tc.forms)
		for lang, want := range map[string]string{"en": tc.en, "es": tc.es} {
			if err == nil || !strings.Contains(words.NewPrinter(lang).Error(err), want) || !strings.Contains(words.NewPrinter(lang).Error(err), tc.mentions) {
				t.Errorf("%v in %s: %v", tc.forms, lang, err)
			}
		}
	}

	// A translation in the PO file, not imported yet.
	name := "locales/po/strings/es.po"
	f, err := po.Read(name, fsys[name].Data)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range f.Entries {
		if e.Ctx() == "reading_time" {
			e.Str[0] = "{{.Count}} minuto, desde Weblate"
		}
	}
	fsys[name] = &fstest.MapFile{Data: f.Bytes()}
	_, err = PlanStringForms(fsys, "es", "reading_time", map[string]string{"one": "{{.Count}} minutito", "many": "{{.Count}} de minutos", "other": "{{.Count}} minutos"})
	if err == nil || !strings.Contains(words.NewPrinter("es").Error(err), "todavía no se importó") {
		t.Errorf("a pending PO translation: %v", err)
	}
}

// TestPlanWritesSyncLast: a plan's sync record is written after the
// files it describes, so that a write that fails leaves no record of a
// text the Markdown does not have.
func TestPlanWritesSyncLast(t *testing.T) {
	dir := t.TempDir()
	// The page cannot be written: a folder has its name.
	if err := os.MkdirAll(filepath.Join(dir, "content", "es", "guide.md", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	p := newPlan()
	p.Files[SyncFile("es")] = []byte("guide 1234 abcd\n")
	p.Files["content/es/guide.md"] = []byte("+++\ntitle = \"x\"\n+++\n")
	if err := p.Write(root, "content"); err == nil {
		t.Fatal("writing over a folder did not fail")
	}
	if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(SyncFile("es")))); err == nil {
		t.Error("the sync record was written before the page it describes")
	}
}
