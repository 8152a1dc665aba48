package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTranslatorWorkflow walks the translator's path on a copy of the
// real project: the English page changes, status names the section and
// fails under -strict, the Spanish reader gets a notice, stamping makes
// status clean again, and stamp -new starts a missing page as a draft.
func TestTranslatorWorkflow(t *testing.T) {
	dir := copyProject(t)
	// This is the workflow without PO files (TestPO* cover it with
	// them): with them, an English paragraph added and not translated
	// keeps the page out of date even when stamped.
	if err := os.RemoveAll(filepath.Join(dir, "locales", "po")); err != nil {
		t.Fatal(err)
	}
	// Start from a clean state whatever the real content's is (CI checks
	// that with "site status -strict"): every translation stamped.
	spanish, err := filepath.Glob(filepath.Join(dir, "content", "es", "*.md"))
	if err != nil || len(spanish) == 0 {
		t.Fatalf("no Spanish pages: %v", err)
	}
	if code, _, stderr := runSite(t, append([]string{"stamp", "-src", dir}, spanish...)...); code != 0 {
		t.Fatalf("stamp every Spanish page: exit %d\n%s", code, stderr)
	}
	// Only the pages are asserted: the interface strings are the real
	// project's, which CI checks on its own.
	const clean = "0 out of date, 0 missing"
	code, stdout, stderr := runSite(t, "status", "-src", dir)
	if code != 0 || !strings.Contains(stdout, clean) {
		t.Fatalf("status after stamping everything: exit %d\n%s%s", code, stdout, stderr)
	}

	en := filepath.Join(dir, "content", "en", "recommendations.md")
	src, err := os.ReadFile(en)
	if err != nil {
		t.Fatal(err)
	}
	// A sentence added to the last paragraph: the blocks stay the same,
	// so a stamp can vouch for the translation again (a new block would
	// have to be translated first).
	changed := strings.TrimRight(string(src), "\n") + " One more sentence.\n"
	if err := os.WriteFile(en, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ = runSite(t, "status", "-src", dir, "-strict")
	if code != 1 || !strings.Contains(stdout, "content/es/recommendations.md") {
		t.Fatalf("status -strict after an English change: exit %d\n%s", code, stdout)
	}
	code, stdout, _ = runSite(t, "status", "-src", dir, "-json")
	if code != 0 {
		t.Fatalf("status -json: exit %d", code)
	}
	var rep struct {
		Languages []struct {
			Pages []struct {
				Key, State string
				Changes    []struct{ Title, What string }
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Languages[0].Pages {
		if p.Key != "recommendations" {
			continue
		}
		if p.State != "stale" || len(p.Changes) != 1 || p.Changes[0].What != "changed" {
			t.Errorf("recommendations: %+v", p)
		}
	}

	if code, _, stderr := runSite(t, "build", "-src", dir); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	page, err := os.ReadFile(filepath.Join(dir, "public", "es", "recomendaciones", "index.html"))
	if err != nil || !strings.Contains(string(page), "El original de esta página se actualizó") {
		t.Errorf("the stale Spanish page has no notice (%v)", err)
	}

	es := filepath.Join(dir, "content", "es", "recommendations.md")
	before, _ := os.ReadFile(es)
	code, _, stderr = runSite(t, "stamp", "-src", dir, es)
	if code != 0 {
		t.Fatalf("stamp: exit %d\n%s", code, stderr)
	}
	after, _ := os.ReadFile(es)
	if diff := changedLines(string(before), string(after)); len(diff) != 2 || !strings.HasPrefix(diff[0], "translated_from = ") || !strings.HasPrefix(diff[1], "blocks_from = ") {
		t.Errorf("stamp changed %q, want only the translated_from and blocks_from lines", diff)
	}
	if _, stdout, _ := runSite(t, "status", "-src", dir); !strings.Contains(stdout, clean) {
		t.Errorf("status after stamping:\n%s", stdout)
	}

	// A new English page is missing in Spanish until stamp -new starts it.
	if err := os.WriteFile(filepath.Join(dir, "content", "en", "faq.md"), []byte("+++\ntitle = \"Questions\"\ndescription = \"Answers.\"\n+++\n\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, _ := runSite(t, "status", "-src", dir, "-strict"); code != 1 || !strings.Contains(stdout, "stamp -new content/en/faq.md es") {
		t.Errorf("status with a missing page: exit %d\n%s", code, stdout)
	}
	code, stdout, stderr = runSite(t, "stamp", "-src", dir, "-new", filepath.Join(dir, "content", "en", "faq.md"), "es")
	if code != 0 || !strings.Contains(stdout, "created content/es/faq.md") {
		t.Fatalf("stamp -new: exit %d\n%s%s", code, stdout, stderr)
	}
	draft, _ := os.ReadFile(filepath.Join(dir, "content", "es", "faq.md"))
	if !strings.Contains(string(draft), "draft = true\ntranslated_from = ") {
		t.Errorf("new translation:\n%s", draft)
	}
	if code, _, stderr := runSite(t, "stamp", "-src", dir, "-new", filepath.Join(dir, "content", "en", "faq.md"), "es"); code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("stamp -new over an existing file: exit %d %s", code, stderr)
	}
	if code, _, stderr := runSite(t, "stamp", "-src", dir, filepath.Join(dir, "content", "en", "faq.md")); code != 1 || !strings.Contains(stderr, "is an original") {
		t.Errorf("stamping an original: exit %d %s", code, stderr)
	}
}

// changedLines returns the lines of b that a does not have.
func changedLines(a, b string) []string {
	have := map[string]bool{}
	for _, l := range strings.Split(a, "\n") {
		have[l] = true
	}
	var out []string
	for _, l := range strings.Split(b, "\n") {
		if !have[l] {
			out = append(out, l)
		}
	}
	return out
}

// TestStatusNamesStrayPO checks that status names PO files that nothing
// reads, in the translator's language, and that check warns of them as
// build does (TestBadInput).
func TestStatusNamesStrayPO(t *testing.T) {
	dir := copyProject(t)
	fr := filepath.Join(dir, "locales", "po", "pages", "fr")
	if err := os.MkdirAll(fr, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(fr, "about.po"), []byte("msgid \"\"\nmsgstr \"\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := runSite(t, "status", "-src", dir, "-lang", "es")
	want := "Archivos PO que nada lee:\n  locales/po/pages/fr/: archivos PO del idioma fr, que site.toml no nombra"
	if code != 0 || !strings.Contains(stdout, want) {
		t.Errorf("status: exit %d\n%s\nwant it to say:\n%s", code, stdout, want)
	}
	if code, _, _ := runSite(t, "status", "-src", dir, "-strict"); code != 1 {
		t.Errorf("status -strict with a stray PO file: exit %d, want 1", code)
	}
	_, _, stderr := runSite(t, "check", "-src", dir)
	if want := "site: warning: locales/po/pages/fr/: PO files for language fr, which site.toml does not name"; !strings.Contains(stderr, want) {
		t.Errorf("check:\n%s\nwant a warning: %s", stderr, want)
	}
}
