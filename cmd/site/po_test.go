package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"cecot/internal/browsertest"
)

// TestPORealSite exports the real site's PO files, checks them with GNU
// gettext's msgfmt, and checks that an import then changes nothing.
func TestPORealSite(t *testing.T) {
	dir := copyProject(t)
	if code, _, stderr := runSite(t, "po", "export", "-src", dir); code != 0 {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	exported := readTree(t, dir)
	var poFiles []string
	for name := range exported {
		if strings.HasPrefix(name, "locales/po/") && (strings.HasSuffix(name, ".po") || strings.HasSuffix(name, ".pot")) {
			poFiles = append(poFiles, name)
		}
	}
	sort.Strings(poFiles)
	if len(poFiles) < 4 {
		t.Fatalf("export wrote only %q", poFiles)
	}
	code, stdout, stderr := runSite(t, "po", "import", "-src", dir)
	if code != 0 || !strings.Contains(stdout, "nothing to change") {
		t.Fatalf("import after export: exit %d\n%s%s", code, stdout, stderr)
	}
	assertSameTree(t, exported, readTree(t, dir))
	if _, err := exec.LookPath("msgfmt"); err != nil {
		browsertest.Missing(t, "GNU gettext's msgfmt", "apt-get install gettext")
	}
	for _, name := range poFiles {
		out, err := exec.Command("msgfmt", "--check", "-o", os.DevNull, filepath.Join(dir, name)).CombinedOutput()
		if err != nil {
			t.Errorf("msgfmt --check %s: %v\n%s", name, err, out)
		}
	}
}

// TestPOEditOneMsgstr: one msgstr edited in the Spanish PO file changes
// exactly that paragraph of the built Spanish page.
func TestPOEditOneMsgstr(t *testing.T) {
	dir := copyProject(t)
	if code, _, stderr := runSite(t, "po", "export", "-src", dir); code != 0 {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	build := func(out string) string {
		t.Helper()
		if code, _, stderr := runSite(t, "build", "-src", dir, "-out", out); code != 0 {
			t.Fatalf("build: exit %d\n%s", code, stderr)
		}
		data, err := os.ReadFile(filepath.Join(out, "es", "informe", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	before := build(filepath.Join(t.TempDir(), "public"))
	name := filepath.Join(dir, "locales", "po", "pages", "es", "submission.po")
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	entry := regexp.MustCompile(`(#\. Paragraph \(p3\)\.\n#: [^\n]*\nmsgctxt "submission"\nmsgid "[^\n]*"\nmsgstr ")([^\n]*)"`)
	m := entry.FindStringSubmatch(string(data))
	if m == nil {
		t.Fatalf("no entry for #p3 in %s", name)
	}
	edited := entry.ReplaceAllString(string(data), `${1}Párrafo editado en el PO."`)
	if err := os.WriteFile(name, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := runSite(t, "po", "import", "-src", dir); code != 0 || !strings.Contains(stdout, "submission (p3)") {
		t.Fatalf("import: exit %d\n%s%s", code, stdout, stderr)
	}
	after := build(filepath.Join(t.TempDir(), "public"))
	pb, pa := blocksOf(before), blocksOf(after)
	if len(pb) != len(pa) {
		t.Fatalf("%d paragraphs before, %d after", len(pb), len(pa))
	}
	var changed []string
	for i := range pb {
		if pb[i] != pa[i] {
			changed = append(changed, pa[i])
		}
	}
	if len(changed) != 1 || !strings.HasPrefix(changed[0], `<p id=p3 `) || !strings.Contains(changed[0], "Párrafo editado en el PO.") {
		t.Fatalf("changed paragraphs: %q", changed)
	}
	// Nothing else of the page changed but the reading time, which
	// counts words.
	rest := strings.Replace(after, changed[0], "", 1)
	if !sameButReadingTime(strings.Replace(before, pbAt(pb, pa), "", 1), rest) {
		t.Errorf("more than the paragraph changed")
	}
}

// blocksOf splits a built page at the start of each paragraph, heading
// and list item (minified HTML leaves out their end tags).
func blocksOf(html string) []string {
	starts := regexp.MustCompile(`<(?:p|h[1-6]|li|footer)[ >]`).FindAllStringIndex(html, -1)
	var out []string
	for i, s := range starts {
		end := len(html)
		if i+1 < len(starts) {
			end = starts[i+1][0]
		}
		out = append(out, html[s[0]:end])
	}
	return out
}

func pbAt(pb, pa []string) string {
	for i := range pb {
		if pb[i] != pa[i] {
			return pb[i]
		}
	}
	return ""
}

func sameButReadingTime(a, b string) bool {
	rt := regexp.MustCompile(`\d+ minutos? de lectura`)
	return rt.ReplaceAllString(a, "") == rt.ReplaceAllString(b, "")
}

// TestPOImportRefusesBrokenPlaceholders: an interface string whose
// placeholder is misspelt, dropped or unclosed is refused at its PO
// line (issue 19, case 4), and nothing is written.
func TestPOImportRefusesBrokenPlaceholders(t *testing.T) {
	dir := copyProject(t)
	if code, _, stderr := runSite(t, "po", "export", "-src", dir); code != 0 {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	name := filepath.Join(dir, "locales", "po", "strings", "es.po")
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ bad, want string }{
		{`Párrafo {{.Numero}}`, `unknown placeholder {{.Numero}}; this text can use only {{.Number}}`},
		{`Párrafo`, `the placeholder {{.Number}} of the original is missing`},
		{`Párrafo {{.Number`, `placeholder syntax: unclosed action`},
	} {
		bad := strings.Replace(string(data), `msgstr "Párrafo {{.Number}}"`, `msgstr "`+c.bad+`"`, 1)
		if bad == string(data) {
			t.Fatal("no paragraph_label entry to break")
		}
		if err := os.WriteFile(name, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		before := readTree(t, dir)
		code, _, stderr := runSite(t, "po", "import", "-src", dir)
		re := regexp.MustCompile(`site: error: locales/po/strings/es\.po:\d+: message "paragraph_label": ` + regexp.QuoteMeta(c.want))
		if code != 1 || !re.MatchString(stderr) || !strings.Contains(stderr, "nothing was written") {
			t.Errorf("%s: exit %d\n%s", c.bad, code, stderr)
		}
		assertSameTree(t, before, readTree(t, dir))
	}
}

// TestPOBadImport: bad PO input exits with status 1, names the PO file's
// line, and writes nothing.
func TestPOBadImport(t *testing.T) {
	dir := copyProject(t)
	if code, _, stderr := runSite(t, "po", "export", "-src", dir); code != 0 {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	name := filepath.Join(dir, "locales", "po", "pages", "es", "submission.po")
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(data), `msgstr "El acuerdo secreto"`, `msgstr "## El acuerdo secreto"`, 1)
	if bad == string(data) {
		t.Fatal("no heading entry to break")
	}
	if err := os.WriteFile(name, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, dir)
	code, _, stderr := runSite(t, "po", "import", "-src", dir)
	if code != 1 || !regexp.MustCompile(`site: error: locales/po/pages/es/submission\.po:\d+: msgctxt "submission" \(the-secret-agreement\): the translation makes a new heading`).MatchString(stderr) || !strings.Contains(stderr, "nothing was written") {
		t.Errorf("exit %d\n%s", code, stderr)
	}
	assertSameTree(t, before, readTree(t, dir))
	if code, _, stderr := runSite(t, "po", "import", "-src", dir, "xx"); code != 1 || !strings.Contains(stderr, `language "xx"`) {
		t.Errorf("unknown language: exit %d\n%s", code, stderr)
	}
}

// TestPOMatchesMsgmerge: after an edit of the original, export writes
// byte for byte what GNU msgmerge --previous makes of the old PO file and
// the new template.
func TestPOMatchesMsgmerge(t *testing.T) {
	if _, err := exec.LookPath("msgmerge"); err != nil {
		browsertest.Missing(t, "GNU gettext's msgmerge", "apt-get install gettext")
	}
	dir := copyProject(t)
	if code, _, stderr := runSite(t, "po", "export", "-src", dir); code != 0 {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	po := filepath.Join(dir, "locales", "po", "pages", "es", "submission.po")
	old := filepath.Join(t.TempDir(), "old.po")
	data, err := os.ReadFile(po)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(old, data, 0o644); err != nil {
		t.Fatal(err)
	}
	en := filepath.Join(dir, "content", "en", "submission.md")
	src, err := os.ReadFile(en)
	if err != nil {
		t.Fatal(err)
	}
	p := regexp.MustCompile(`(?m)^These prisons are \w+`)
	if !p.Match(src) {
		t.Fatal("no paragraph to edit in content/en/submission.md")
	}
	if err := os.WriteFile(en, p.ReplaceAll(src, []byte("These prisons are widely known")), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runSite(t, "po", "export", "-src", dir); code != 0 {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	merged, err := exec.Command("msgmerge", "--quiet", "--no-wrap", "--previous", "-o", "-", old, filepath.Join(dir, "locales", "po", "pages", "submission.pot")).Output()
	if err != nil {
		t.Fatal(err)
	}
	ours, err := os.ReadFile(po)
	if err != nil {
		t.Fatal(err)
	}
	if string(merged) != string(ours) {
		t.Errorf("msgmerge wrote\n%s\nexport wrote\n%s", merged, ours)
	}
	if !strings.Contains(string(ours), "#, fuzzy\n#| msgctxt \"submission\"\n#| msgid \"These prisons are") {
		t.Errorf("no fuzzy entry with the earlier text:\n%s", ours)
	}
}

// weblateEdit edits a PO file through translate-toolkit, the library
// Weblate reads and writes PO files with: a new translation of one
// message, and another marked fuzzy.
const weblateEdit = `
import sys
from translate.storage import factory
store = factory.getobject(sys.argv[1])
for u in store.units:
    if "(p2)." in u.getnotes("developer"):
        u.target = "Traducción nueva, hecha en Weblate, de un párrafo que en el original es largo, para que la línea se divida al guardar."
    if "(p1)." in u.getnotes("developer"):
        u.markfuzzy(True)
store.save()
`

// TestPOWeblateEdit: a PO file saved by translate-toolkit, as Weblate
// saves it (long lines wrapped, its header kept), reads as needing an
// import, which carries the new translation; the fuzzy one keeps the page
// out of date.
func TestPOWeblateEdit(t *testing.T) {
	python := pythonWith(t, "translate.storage.factory", "translate-toolkit")
	dir := copyProject(t)
	if code, _, stderr := runSite(t, "po", "export", "-src", dir); code != 0 {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	po := filepath.Join(dir, "locales", "po", "pages", "es", "submission.po")
	if out, err := exec.Command(python, "-c", weblateEdit, po).CombinedOutput(); err != nil {
		t.Fatalf("translate-toolkit: %v\n%s", err, out)
	}
	code, stdout, _ := runSite(t, "status", "-src", dir, "-strict")
	if code != 1 || !strings.Contains(stdout, `submission (p2): the PO file has a translation that content/es/submission.md does not; run "go run ./cmd/site po import es"`) {
		t.Errorf("status -strict after a Weblate commit: exit %d\n%s", code, stdout)
	}
	if code, _, stderr := runSite(t, "po", "import", "-src", dir); code != 0 {
		t.Fatalf("import: exit %d\n%s", code, stderr)
	}
	page, _ := os.ReadFile(filepath.Join(dir, "content", "es", "submission.md"))
	if !strings.Contains(string(page), "\nTraducción nueva, hecha en Weblate, de un párrafo que en el original es largo, para que la línea se divida al guardar.\n") {
		t.Errorf("imported page:\n%s", page)
	}
	if code, _, stderr := runSite(t, "po", "export", "-src", dir); code != 0 {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	code, stdout, _ = runSite(t, "status", "-src", dir)
	if !strings.Contains(stdout, "content/en/submission.md:") || !strings.Contains(stdout, "(p1) changed") || strings.Contains(stdout, "PO files out of step") {
		t.Errorf("status after import and export: exit %d\n%s", code, stdout)
	}
}

// TestPODryRun: -n says what would be written and writes nothing.
func TestPODryRun(t *testing.T) {
	dir := copyProject(t)
	if err := os.RemoveAll(filepath.Join(dir, "locales", "po")); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, dir)
	code, stdout, stderr := runSite(t, "po", "export", "-n", "-src", dir, "es")
	if code != 0 || !strings.Contains(stdout, "site: would write locales/po/pages/es/submission.po\n") {
		t.Errorf("export -n: exit %d\n%s%s", code, stdout, stderr)
	}
	assertSameTree(t, before, readTree(t, dir))
}

// TestStatusChangedString: after an English interface string changes,
// "status -strict" fails and names it with its previous text, before and
// after the export, until the translation is reviewed (issue 19, case 3).
func TestStatusChangedString(t *testing.T) {
	dir := copyProject(t)
	if code, _, stderr := runSite(t, "po", "export", "-src", dir); code != 0 {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	if code, stdout, _ := runSite(t, "status", "-src", dir, "-strict", "-lang", "en"); code != 0 {
		t.Fatalf("status -strict before the edit: exit %d\n%s", code, stdout)
	}
	en := filepath.Join(dir, "locales", "en.toml")
	data, _ := os.ReadFile(en)
	edited := strings.Replace(string(data), `other = "Read more"`, `other = "Read further"`, 1)
	if err := os.WriteFile(en, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, step := range []string{"before export", "after export"} {
		code, stdout, _ := runSite(t, "status", "-src", dir, "-strict", "-lang", "en")
		if code != 1 || !regexp.MustCompile(`locales/es\.toml:\d+: changed "read_more": the original changed since this was translated: it was "Read more", it is now "Read further"`).MatchString(stdout) {
			t.Errorf("%s: exit %d\n%s", step, code, stdout)
		}
		if code, _, stderr := runSite(t, "po", "export", "-src", dir); code != 0 {
			t.Fatalf("export: exit %d\n%s", code, stderr)
		}
	}
}

// pythonWith returns a Python that can import module, which Debian's
// package pkg provides; without one the test is skipped, or fails in CI.
func pythonWith(t *testing.T, module, pkg string) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", "import "+module).Run() == nil {
			return p
		}
	}
	browsertest.Missing(t, "Python's "+module, "apt-get install "+pkg)
	return ""
}

// resave loads each PO file named on the command line and saves it
// again, through polib (what Poedit-style scripts and many tools use) or
// translate-toolkit (what Weblate and Pootle use).
const resave = `
import sys
lib, names = sys.argv[1], sys.argv[2:]
for name in names:
    if lib == "polib":
        import polib
        polib.pofile(name, wrapwidth=0).save(name)
    else:
        from translate.storage import factory
        store = factory.getobject(name)
        store.save()
`

// TestPORoundTripThroughTools: every PO file and template that export
// writes for the real project reads and saves back byte for byte
// through polib and through translate-toolkit, so that a translator's
// tool leaves no noise in a diff, and an export after it finds nothing to
// change.
func TestPORoundTripThroughTools(t *testing.T) {
	for _, c := range []struct{ module, pkg, lib string }{
		{"polib", "python3-polib", "polib"},
		{"translate.storage.factory", "translate-toolkit", "translate-toolkit"},
	} {
		t.Run(c.lib, func(t *testing.T) {
			python := pythonWith(t, c.module, c.pkg)
			dir := copyProject(t)
			if code, _, stderr := runSite(t, "po", "export", "-src", dir); code != 0 {
				t.Fatalf("export: exit %d\n%s", code, stderr)
			}
			before := readTree(t, dir)
			var names []string
			for name := range before {
				if strings.HasSuffix(name, ".po") || strings.HasSuffix(name, ".pot") {
					names = append(names, filepath.Join(dir, filepath.FromSlash(name)))
				}
			}
			if len(names) < 3 {
				t.Fatalf("export wrote only %d PO files", len(names))
			}
			if out, err := exec.Command(python, append([]string{"-c", resave, c.lib}, names...)...).CombinedOutput(); err != nil {
				t.Fatalf("%s: %v\n%s", c.lib, err, out)
			}
			assertSameTree(t, before, readTree(t, dir))
			if code, stdout, stderr := runSite(t, "po", "export", "-src", dir, "-n"); code != 0 || !strings.Contains(stdout, "in step") {
				t.Errorf("export after %s: exit %d\n%s%s", c.lib, code, stdout, stderr)
			}
		})
	}
}

// TestGlossaryTBXReadsInTranslateToolkit: the glossary that export
// writes as TBX is read by translate-toolkit, as Weblate reads it, term
// for term with its Spanish form and note.
func TestGlossaryTBXReadsInTranslateToolkit(t *testing.T) {
	python := pythonWith(t, "translate.storage.factory", "translate-toolkit")
	dir := copyProject(t)
	if code, _, stderr := runSite(t, "po", "export", "-src", dir); code != 0 {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	const read = `
import sys
from translate.storage import factory
for u in factory.getobject(sys.argv[1]).units:
    print(u.source + " => " + u.target + " | " + u.getnotes())
`
	out, err := exec.Command(python, "-c", read, filepath.Join(dir, "locales", "po", "glossary.tbx")).CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, want := range []string{
		"Alien Enemies Act => Ley de Enemigos Extranjeros | ",
		"CECOT => CECOT | Acronym of the Spanish name",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("translate-toolkit read\n%s\nwithout %q", out, want)
		}
	}
}
