package status

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"cecot/internal/content"
	"cecot/internal/pagefile"
	"cecot/internal/po"
	"cecot/internal/pofiles"
	"cecot/internal/projecttest"
	"cecot/internal/stamp"
	"cecot/internal/translate"
)

// The PO round trip as status sees it: what export and import leave
// behind is in step, and what they cannot settle is a PO problem.

// posite is translate's fixture site of PO tests, read into memory.
func posite(t testing.TB) fstest.MapFS { return projecttest.MapFS(t, "../translate/testdata/posite") }

func mustExport(t *testing.T, fsys fstest.MapFS) *translate.Plan {
	t.Helper()
	p, err := translate.PlanExport(fsys, nil)
	if err != nil {
		t.Fatal(err)
	}
	projecttest.Put(fsys, p.Files)
	return p
}

func mustImport(t *testing.T, fsys fstest.MapFS) *translate.Plan {
	t.Helper()
	p, err := translate.PlanImport(fsys, nil)
	if err != nil {
		t.Fatal(err)
	}
	projecttest.Put(fsys, p.Files)
	return p
}

// TestEnglishEditBecomesFuzzy: an edit of the original marks the entry
// fuzzy, with the text it was translated from in #| msgid, and the page
// out of date in status and in Align, naming the block.
func TestEnglishEditBecomesFuzzy(t *testing.T) {
	fsys := posite(t)
	mustExport(t, fsys)
	projecttest.Replace(t, fsys, "content/en/guide.md", "> A quoted paragraph.", "> A quoted paragraph, amended.")
	p := mustExport(t, fsys)
	f, err := po.Read("es.po", p.Files["locales/po/pages/es/guide.po"])
	if err != nil {
		t.Fatal(err)
	}
	var fuzzy []*po.Entry
	for _, e := range f.Entries {
		if e.Fuzzy() {
			fuzzy = append(fuzzy, e)
		}
	}
	if len(fuzzy) != 1 {
		t.Fatalf("%d fuzzy entries, want 1:\n%s", len(fuzzy), p.Files["locales/po/pages/es/guide.po"])
	}
	e := fuzzy[0]
	if e.Ctx() != "guide" || e.ID != "A quoted paragraph, amended." || e.PrevID == nil || *e.PrevID != "A quoted paragraph." || e.Str[0] != "Un párrafo citado." {
		t.Errorf("fuzzy entry %+v", e)
	}
	r, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	pg := r.Languages[0].Pages[0]
	if pg.State != Stale || !strings.Contains(pg.Reason, "content/en/guide.md:18 (key-facts.quote1) changed") {
		t.Errorf("status: %+v", pg)
	}
	if len(r.Languages[0].PO) != 0 {
		t.Errorf("PO problems right after an export: %v", r.Languages[0].PO)
	}
	// The translator updates the entry (as Poedit does: new msgstr,
	// fuzzy and #| gone) and imports: the page is up to date again.
	projecttest.Replace(t, fsys, "locales/po/pages/es/guide.po", "#, fuzzy\n#| msgctxt \"guide\"\n#| msgid \"A quoted paragraph.\"\n", "")
	projecttest.Replace(t, fsys, "locales/po/pages/es/guide.po", `msgstr "Un párrafo citado."`, `msgstr "Un párrafo citado, corregido."`)
	r, _ = Load(fsys)
	if probs := r.Languages[0].PO; len(probs) != 1 || probs[0].Problem != "import" || !strings.Contains(probs[0].Detail, `run "go run ./cmd/site po import es"`) {
		t.Errorf("before the import, status says %v", probs)
	}
	imp := mustImport(t, fsys)
	if got := string(imp.Files["content/es/guide.md"]); !strings.Contains(got, "> Un párrafo citado, corregido.\n") {
		t.Errorf("imported page:\n%s", got)
	}
	r, _ = Load(fsys)
	if pg := r.Languages[0].Pages[0]; pg.State != Translated || len(r.Languages[0].PO) != 0 {
		t.Errorf("after the import: %+v %v", pg, r.Languages[0].PO)
	}
}

// TestConflict: a block changed in both the PO file and the Markdown
// since the last export is reported by both commands, which write
// nothing.
func TestConflict(t *testing.T) {
	fsys := posite(t)
	mustExport(t, fsys)
	projecttest.Replace(t, fsys, "locales/po/pages/es/guide.po", `msgstr "Un párrafo citado."`, `msgstr "Un párrafo citado (PO)."`)
	projecttest.Replace(t, fsys, "content/es/guide.md", "> Un párrafo citado.", "> Un párrafo citado (Markdown).")
	for name, plan := range map[string]func() (*translate.Plan, error){
		"export": func() (*translate.Plan, error) { return translate.PlanExport(fsys, nil) },
		"import": func() (*translate.Plan, error) { return translate.PlanImport(fsys, nil) },
	} {
		p, err := plan()
		if p != nil || err == nil || !strings.Contains(err.Error(), "locales/po/pages/es/guide.po:") || !strings.Contains(err.Error(), "changed in both the PO file and content/es/guide.md:20") {
			t.Errorf("%s: plan %v, error %v", name, p, err)
		}
	}
	r, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if probs := r.Languages[0].PO; len(probs) != 1 || probs[0].Problem != "conflict" || r.Clean() {
		t.Errorf("status: %v", probs)
	}
}

// TestRealContentRoundTrip: on the project's own pages, an export and an
// import leave every file as it was, and what export writes reads back.
func TestRealContentRoundTrip(t *testing.T) {
	fsys := fstest.MapFS{}
	root := filepath.Join("..", "..")
	for _, dir := range []string{"content", "locales", "layouts"} {
		if err := copyInto(fsys, root, dir); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(filepath.Join(root, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	fsys["site.toml"] = &fstest.MapFile{Data: data}
	// From the Markdown alone: whether the committed PO files are up to
	// date is for "site status -strict" to say.
	for name := range fsys {
		if strings.HasPrefix(name, pofiles.Dir+"/") || strings.HasSuffix(name, "/.po-sync") {
			delete(fsys, name)
		}
	}
	before := map[string]string{}
	for name, f := range fsys {
		before[name] = string(f.Data)
	}
	mustExport(t, fsys)
	if p := mustImport(t, fsys); len(p.Files) != 0 {
		t.Errorf("import after export writes %q", p.Names())
	}
	if p := mustExport(t, fsys); len(p.Files) != 0 {
		t.Errorf("a second export writes %q", p.Names())
	}
	for name, data := range before {
		if string(fsys[name].Data) != data {
			t.Errorf("%s changed", name)
		}
	}
	r, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range r.Languages {
		if len(l.PO) > 0 {
			t.Errorf("%s: status finds the fresh PO files out of step: %v", l.Lang, l.PO)
		}
	}
}

// TestWrappedPOFileIsInStep: Poedit and Weblate wrap long lines; a PO
// file that differs only so is not out of step.
func TestWrappedPOFileIsInStep(t *testing.T) {
	fsys := posite(t)
	mustExport(t, fsys)
	projecttest.Replace(t, fsys, "locales/po/pages/es/guide.po", `msgstr "Lo que dice la guía, en una frase."`, "msgstr \"\"\n\"Lo que dice la guía, \"\n\"en una frase.\"")
	r, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if probs := r.Languages[0].PO; len(probs) != 0 {
		t.Errorf("a wrapped line reads as out of step: %v", probs)
	}
}

// TestStampVouches: an English edit that a translator reviews in the
// Markdown and stamps ("site stamp") is up to date, though the PO file
// recorded the earlier English: the stamp is newer.
func TestStampVouches(t *testing.T) {
	fsys := posite(t)
	mustExport(t, fsys)
	projecttest.Replace(t, fsys, "content/en/guide.md", "> A quoted paragraph.", "> A quoted paragraph!")
	en, _, err := content.Parse(content.ID{Lang: "en", Key: "guide"}, fsys["content/en/guide.md"].Data)
	if err != nil {
		t.Fatal(err)
	}
	stamped, err := pagefile.SetStamp(fsys["content/es/guide.md"].Data, stamp.Make(en.Body, stamp.HeadingIDs(en, nil)))
	if err != nil {
		t.Fatal(err)
	}
	fsys["content/es/guide.md"] = &fstest.MapFile{Data: stamped}
	p := mustExport(t, fsys)
	if es := string(p.Files["locales/po/pages/es/guide.po"]); strings.Contains(es, "fuzzy") || !strings.Contains(es, `msgid "A quoted paragraph!"`) {
		t.Errorf("es.po after a stamped edit:\n%s", es)
	}
	r, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if pg := r.Languages[0].Pages[0]; pg.State != Translated || len(r.Languages[0].PO) != 0 {
		t.Errorf("status: %+v %v", pg, r.Languages[0].PO)
	}
}

func copyInto(fsys fstest.MapFS, root, dir string) error {
	return filepath.WalkDir(filepath.Join(root, dir), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
		return nil
	})
}
