package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"cecot/internal/projecttest"
)

// The thirteen cases of issue 19 ("What goes wrong today") and the
// tests that guard each. The tests here work on a copy of the real
// project and, where a case concerns them, assert both the PO files and
// the built Spanish page: each #pN the translation of the English #pN or
// the English text itself, marked lang="en" with its notice
// (assertPairs).
//
//	 1. An inserted English paragraph shifts every translation after it:
//	    TestInsertedParagraphKeepsTranslations; the "insert" runs of
//	    TestEnglishEditsKeepTranslations (against msgmerge) and
//	    TestImportFollowsOriginal.
//	 2. A msgstr that drops or adds a footnote mark: TestFootnoteMarksInPO;
//	    translate.TestBadInput ("dropped/added/renamed footnote"),
//	    status.TestBrokenPromiseInMarkdown and
//	    check.TestTranslationsBreakingPromises (the Markdown route).
//	 3. A changed interface string: TestStatusChangedString,
//	    status.TestChangedString, workbench.TestChangedStringInWorkbench.
//	 4. Placeholders: TestPOImportRefusesBrokenPlaceholders,
//	    locale.TestPlaceholders, check.TestDroppedPlaceholder.
//	 5. A hard line break: TestHardLineBreakThroughPO,
//	    translate.TestHardLineBreakKept.
//	 6. A fuzzy msgstr: TestFuzzyNotPublished,
//	    translate.TestFuzzyIsNotImported.
//	 7. Status's advice after an English typo fix:
//	    TestStatusAdviceLeadsToClean.
//	 8. A page left in English after stamp -new:
//	    TestEnglishLeftIsNotTranslated, status.TestLeftInEnglish;
//	    on the built page, TestEnglishLeftIsMarked and
//	    translation.TestComposeLeftInOriginal.
//	 9. A new page through PO files alone: TestNewPageThroughPO,
//	    translate.TestImportFrontMatterAndNewPage,
//	    translate.TestImportSlugOfTwoNewPages.
//	10. An emptied msgstr: TestEmptiedMsgstr,
//	    translate.TestImportEmptiedMsgstr, translate.FuzzImport.
//	11. The Markdown route of TRANSLATING.md and TRADUCIR.md:
//	    TestTranslatingMarkdownRoute.
//	12. A renamed heading, fuzzy with its old text in "#|":
//	    TestRenamedHeadingShowsOldText; the "rename heading" runs of
//	    TestEnglishEditsKeepTranslations and TestImportFollowsOriginal.
//	13. Messages in the translator's language: words.TestToolMessages,
//	    words.TestSystemErrorsInSpanish, words.TestMoreSystemErrors,
//	    words.TestPOSyntaxInSpanish, status.TestReportSpanish, the
//	    TestBuildSpeaksSpanish tests; here, the Spanish refusals of
//	    TestNewPageThroughPO and TestEmptiedMsgstr.

// assertPairs builds the project in dir and checks the Spanish report
// against the English: each numbered paragraph #pN of /es/informe/ is
// either the translation, as the PO file poName holds it (translated,
// not fuzzy), of the English #pN, or the English #pN itself, marked
// lang="en" with its notice. It returns which paragraphs are marked.
func assertPairs(t *testing.T, dir, poName string) (marked []bool) {
	t.Helper()
	return assertPairsWith(t, dir, translationsIn(t, poName))
}

// translationsIn returns the finished translations of a PO file, by the
// gist of their msgid.
func translationsIn(t *testing.T, poName string) map[string]string {
	t.Helper()
	want := map[string]string{}
	for _, e := range readPO(t, poName).Entries {
		if e.Translated() && !e.Fuzzy() && !e.Obsolete {
			want[gist(e.ID)] = gist(e.Str[0])
		}
	}
	return want
}

// assertPairsWith is assertPairs with the translations given: an English
// paragraph's gist → its translation's.
func assertPairsWith(t *testing.T, dir string, want map[string]string) (marked []bool) {
	t.Helper()
	if code, _, stderr := runSite(t, "build", "-src", dir); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	enHTML, _ := os.ReadFile(filepath.Join(dir, "public", "en", "submission", "index.html"))
	esHTML, _ := os.ReadFile(filepath.Join(dir, "public", "es", "informe", "index.html"))
	enGists, _ := numberedParagraphs(t, string(enHTML))
	esGists, marked := numberedParagraphs(t, string(esHTML))
	if len(enGists) != len(esGists) || len(enGists) == 0 {
		t.Fatalf("%d English paragraphs, %d Spanish", len(enGists), len(esGists))
	}
	for n := range enGists {
		switch {
		case marked[n] && esGists[n] != enGists[n]:
			t.Errorf("#p%d is marked English but is not the English #p%d", n+1, n+1)
		case !marked[n] && esGists[n] != want[enGists[n]]:
			t.Errorf("#p%d is %.40q, not the translation of the English #p%d (%.40q)", n+1, esGists[n], n+1, enGists[n])
		}
	}
	if slices.Contains(marked, true) != strings.Contains(string(esHTML), "class=untranslated-note") {
		t.Errorf("English paragraphs %v, but a notice: %v", marked, !slices.Contains(marked, true))
	}
	return marked
}

// assertMarked checks that the paragraphs marked English (as assertPairs
// returns them) are those numbered english (#p3 is 3), and no other.
func assertMarked(t *testing.T, marked []bool, english ...int) {
	t.Helper()
	for n, m := range marked {
		if m != slices.Contains(english, n+1) {
			t.Errorf("#p%d marked English: %v", n+1, m)
		}
	}
}

// replaceMsgstr sets the msgstr of the entry whose msgid starts with
// prefix in the PO file name, and returns the msgstr it had.
func replaceMsgstr(t *testing.T, name, prefix, str string) string {
	t.Helper()
	f := readPO(t, name)
	for _, e := range f.Entries {
		if !e.Obsolete && strings.HasPrefix(e.ID, prefix) {
			old := e.Str[0]
			e.Str = []string{str}
			if err := os.WriteFile(name, f.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			return old
		}
	}
	t.Fatalf("%s has no msgid starting %q", name, prefix)
	return ""
}

func entryStr(t *testing.T, name, prefix string) (str string, fuzzy bool) {
	t.Helper()
	for _, e := range readPO(t, name).Entries {
		if !e.Obsolete && strings.HasPrefix(e.ID, prefix) {
			return e.Str[0], e.Fuzzy()
		}
	}
	t.Fatalf("%s has no msgid starting %q", name, prefix)
	return "", false
}

// TestEmptiedMsgstr (issue 19, case 10): a translator who empties a
// msgstr means "not translated any more", as gettext reads it. Status
// says so (not "changed in the Markdown"), in English and Spanish;
// export keeps it empty instead of putting the old text back; import
// takes the paragraph's translation out, so that the Spanish page shows
// the English text, marked, with its notice, and status lists it as not
// translated (under a heading that says so, not only "the original
// changed"); export then writes the empty msgstr. Translating it again
// in the PO file brings the page back, in step.
func TestEmptiedMsgstr(t *testing.T) {
	dir := copyProject(t)
	page := filepath.Join(dir, "content", "es", "submission.md")
	name := filepath.Join(dir, "locales", "po", "pages", "es", "submission.po")
	const prisons = "These prisons are"
	was := replaceMsgstr(t, name, prisons, "")

	code, stdout, _ := runSite(t, "status", "-src", dir, "-lang", "en")
	if code != 0 || !strings.Contains(stdout, "submission (p3): its msgstr in the PO file was emptied") || strings.Contains(stdout, "changed in the Markdown") {
		t.Errorf("status after the msgstr was emptied: exit %d\n%s", code, stdout)
	}
	if _, stdout, _ := runSite(t, "status", "-src", dir, "-lang", "es"); !strings.Contains(stdout, "submission (p3): su msgstr se vació en el archivo PO") {
		t.Errorf("status -lang es:\n%s", stdout)
	}
	if code, _, stderr := runSite(t, "po", "export", "-src", dir, "-n", "es"); code != 0 {
		t.Fatalf("po export -n: exit %d\n%s", code, stderr)
	}
	code, stdout, stderr := runSite(t, "po", "import", "-src", dir, "es")
	if code != 0 || !strings.Contains(stdout, "content/es/submission.md:30: submission (p3): translation taken out") {
		t.Fatalf("po import: exit %d\n%s%s", code, stdout, stderr)
	}
	md, _ := os.ReadFile(page)
	if strings.Contains(string(md), was) {
		t.Errorf("the Markdown keeps the emptied translation:\n%s", md)
	}
	if code, stdout, stderr := runSite(t, "po", "export", "-src", dir, "es"); code != 0 || !strings.Contains(stdout, "in step") {
		t.Fatalf("po export after the import: exit %d\n%s%s", code, stdout, stderr)
	}
	if str, fuzzy := entryStr(t, name, prisons); str != "" || fuzzy {
		t.Errorf("after export, the msgstr is %q (fuzzy %v), want empty", str, fuzzy)
	}
	code, stdout, _ = runSite(t, "status", "-src", dir, "-strict", "-lang", "en")
	if code != 1 || !strings.Contains(stdout, "content/en/submission.md:27 (p3) not translated") || strings.Contains(stdout, "PO files out of step") {
		t.Errorf("status -strict after the import: exit %d\n%s", code, stdout)
	}
	// The English did not change: the heading the page is listed under
	// must also say that parts are still to translate.
	if !strings.Contains(stdout, "or parts are still to translate.") {
		t.Errorf("status after the import lists the page under a heading that only speaks of a changed original:\n%s", stdout)
	}
	if code, stdout, stderr := runSite(t, "check", "-src", dir); code != 0 {
		t.Errorf("check after the import: exit %d\n%s%s", code, stdout, stderr)
	}
	assertMarked(t, assertPairs(t, dir, name), 3)

	replaceMsgstr(t, name, prisons, was)
	if code, stdout, stderr := runSite(t, "po", "import", "-src", dir, "es"); code != 0 {
		t.Fatalf("po import of the translation again: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, stdout, _ := runSite(t, "status", "-src", dir, "-strict"); code != 0 {
		t.Errorf("status -strict once translated again: exit %d\n%s", code, stdout)
	}
	assertMarked(t, assertPairs(t, dir, name))
}

// TestNewPageThroughPO (issue 19, case 9): a translator who works only
// in PO files publishes a new page. Export gives its PO file a message
// for the page's slug, its Spanish URL; a partial import makes a draft,
// which the build does not publish in Spanish; a slug that is not one
// or that another page has is refused at its msgstr line, in English
// and Spanish, and nothing is written; the complete translation is
// imported with its slug and published (no draft), each #pN the
// translation of the English #pN, and status -strict is clean.
func TestNewPageThroughPO(t *testing.T) {
	dir := copyProject(t)
	en := filepath.Join(dir, "content", "en", "transfers.md")
	if err := os.WriteFile(en, []byte("+++\ntitle = \"The transfers\"\ndescription = \"How people were sent to El Salvador.\"\nnumbered = true\n+++\n\n"+
		"In February 2025 the two governments made a secret agreement.\n\nPeople were then sent to CECOT, where they have had no contact with the outside world.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := runSite(t, "po", "export", "-src", dir, "es"); code != 0 || !strings.Contains(stdout, "locales/po/pages/es/transfers.po: new PO file, 5 messages") {
		t.Fatalf("po export: exit %d\n%s%s", code, stdout, stderr)
	}
	name := filepath.Join(dir, "locales", "po", "pages", "es", "transfers.po")
	po := readPO(t, name)
	var slugLine int
	for _, e := range po.Entries {
		if e.Ctx() == "transfers#meta.slug" && e.ID == "transfers" && !e.Translated() {
			slugLine = e.StrLine
		}
	}
	if slugLine == 0 {
		data, _ := os.ReadFile(name)
		t.Fatalf("no untranslated slug message in the new PO file:\n%s", data)
	}
	translations := map[string]string{
		"The transfers":                        "Los traslados",
		"How people were sent to El Salvador.": "Cómo se envió a las personas a El Salvador.",
		"In February 2025 the two governments made a secret agreement.":                          "En febrero de 2025 los dos gobiernos cerraron un acuerdo secreto.",
		"People were then sent to CECOT, where they have had no contact with the outside world.": "Luego se envió a personas al CECOT, donde no han tenido contacto con el exterior.",
	}
	for id, str := range translations {
		replaceMsgstr(t, name, id, str)
	}
	page := filepath.Join(dir, "content", "es", "transfers.md")
	if code, stdout, stderr := runSite(t, "po", "import", "-src", dir, "es"); code != 0 {
		t.Fatalf("po import without the slug: exit %d\n%s%s", code, stdout, stderr)
	}
	if md, _ := os.ReadFile(page); !strings.Contains(string(md), "draft = true") {
		t.Errorf("a new page without its slug is not a draft:\n%s", md)
	}
	if code, _, stderr := runSite(t, "build", "-src", dir); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	if esHTML, _ := os.ReadFile(filepath.Join(dir, "public", "es", "transfers", "index.html")); strings.Contains(string(esHTML), "Los traslados") {
		t.Errorf("the draft is published")
	}

	for _, c := range []struct{ slug, lang, want string }{
		{"Los-Traslados", "en", `transfers#meta.slug: the slug "Los-Traslados": use lower-case letters, digits and hyphens only`},
		{"trás", "es", `transfers#meta.slug: el slug "trás": 'á' no se permite en una URL`},
		{"informe", "en", `transfers#meta.slug: with this slug the page would have the same URL /es/informe/ as content/es/submission.md; write another slug`},
		{"informe", "es", `transfers#meta.slug: con este slug la página tendría la misma URL /es/informe/ que content/es/submission.md`},
	} {
		replaceMsgstr(t, name, "transfers", c.slug)
		before := readTree(t, dir)
		code, _, stderr := runSite(t, "po", "import", "-src", dir, "-lang", c.lang, "es")
		at := fmt.Sprintf("site: error: locales/po/pages/es/transfers.po:%d: ", slugLine)
		if code != 1 || !strings.Contains(stderr, at+c.want) {
			t.Errorf("slug %q: exit %d\n%s\nwant %s", c.slug, code, stderr, at+c.want)
		}
		assertSameTree(t, before, readTree(t, dir))
	}

	replaceMsgstr(t, name, "transfers", "traslados")
	if code, stdout, stderr := runSite(t, "po", "import", "-src", dir, "es"); code != 0 {
		t.Fatalf("po import of the slug: exit %d\n%s%s", code, stdout, stderr)
	}
	md, _ := os.ReadFile(page)
	if strings.Contains(string(md), "draft") || !strings.Contains(string(md), `slug = "traslados"`) {
		t.Errorf("the complete page:\n%s", md)
	}
	if code, stdout, stderr := runSite(t, "po", "export", "-src", dir, "es"); code != 0 || !strings.Contains(stdout, "in step") {
		t.Errorf("po export after the import: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, stdout, _ := runSite(t, "status", "-src", dir, "-strict"); code != 0 {
		t.Errorf("status -strict: exit %d\n%s", code, stdout)
	}
	if code, _, stderr := runSite(t, "build", "-src", dir); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	enHTML, _ := os.ReadFile(filepath.Join(dir, "public", "en", "transfers", "index.html"))
	esHTML, err := os.ReadFile(filepath.Join(dir, "public", "es", "traslados", "index.html"))
	if err != nil {
		t.Fatalf("the page is not published at its Spanish URL: %v", err)
	}
	enGists, _ := numberedParagraphs(t, string(enHTML))
	esGists, marked := numberedParagraphs(t, string(esHTML))
	if len(enGists) != 2 || len(esGists) != 2 {
		t.Fatalf("%d English paragraphs, %d Spanish", len(enGists), len(esGists))
	}
	for n := range enGists {
		var want string
		for id, str := range translations {
			if gist(id) == enGists[n] {
				want = gist(str)
			}
		}
		if marked[n] || esGists[n] != want {
			t.Errorf("#p%d is %.40q (English: %v), not the translation of the English #p%d", n+1, esGists[n], marked[n], n+1)
		}
	}
	if !strings.Contains(string(esHTML), "<title>Los traslados") {
		t.Errorf("the Spanish page's title is not the translation")
	}
}

// TestInsertedParagraphKeepsTranslations (issue 19, case 1): an English
// paragraph inserted after "In February 2025…" in the report. Export
// keeps every other translation with its own original, none fuzzy, and
// leaves only the new paragraph untranslated; the built Spanish #p3 is
// the new English paragraph, marked, and every other #pN the
// translation of the English #pN. Import, with or without the new
// paragraph translated in the PO file, never asks to add a block by
// hand; once it is translated, the page is up to date, #p3 is its
// translation and #p4 the translation of "These prisons…".
func TestInsertedParagraphKeepsTranslations(t *testing.T) {
	dir := copyProject(t)
	en := filepath.Join(dir, "content", "en", "submission.md")
	name := filepath.Join(dir, "locales", "po", "pages", "es", "submission.po")
	before := map[string]string{} // msgid → msgstr
	for _, e := range readPO(t, name).Entries {
		if !e.Obsolete && e.Translated() && !e.Fuzzy() {
			before[e.Ctx()+"\x04"+e.ID] = e.Str[0]
		}
	}
	const inserted = "Relatives of the people sent there say they have had no news since the transfer, and lawyers could not visit them."
	editBlocks(t, en, func(blocks []string) []string {
		at := -1
		for i, b := range blocks {
			if strings.HasPrefix(b, "In February 2025") {
				at = i + 1
			}
		}
		if at < 0 {
			t.Fatal(`no paragraph "In February 2025…" in content/en/submission.md`)
		}
		return append(blocks[:at:at], append([]string{inserted}, blocks[at:]...)...)
	})

	if code, _, stderr := runSite(t, "po", "export", "-src", dir, "es"); code != 0 {
		t.Fatalf("po export: exit %d\n%s", code, stderr)
	}
	for _, e := range readPO(t, name).Entries {
		key := e.Ctx() + "\x04" + e.ID
		switch {
		case e.Obsolete:
			t.Errorf("%s:%d: obsolete entry %.50q", name, e.Line, e.ID)
		case e.ID == inserted:
			if e.Translated() || e.Fuzzy() {
				t.Errorf("%s:%d: the new paragraph has %q (fuzzy %v), want it untranslated", name, e.Line, e.Str[0], e.Fuzzy())
			}
		case e.Fuzzy():
			t.Errorf("%s:%d: %.50q is fuzzy: no other text changed", name, e.Line, e.ID)
		case before[key] != e.Str[0]:
			t.Errorf("%s:%d: %.50q has %.50q, before the insertion %.50q", name, e.Line, e.ID, e.Str[0], before[key])
		}
	}
	if code, stdout, stderr := runSite(t, "po", "import", "-src", dir, "es"); code != 0 || strings.Contains(stdout+stderr, "by hand") {
		t.Fatalf("po import with the new paragraph untranslated: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, _ := runSite(t, "status", "-src", dir, "-strict")
	if code != 1 || !strings.Contains(stdout, "content/en/submission.md:27 (p3) not translated") {
		t.Errorf("status -strict: exit %d\n%s", code, stdout)
	}
	assertMarked(t, assertPairs(t, dir, name), 3)

	const translated = "Los familiares de las personas enviadas allí dicen que no tienen noticias desde el traslado, y los abogados no pudieron visitarlas."
	replaceMsgstr(t, name, inserted, translated)
	if code, stdout, stderr := runSite(t, "po", "import", "-src", dir, "es"); code != 0 || strings.Contains(stdout+stderr, "by hand") {
		t.Fatalf("po import of the new paragraph: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, stdout, _ := runSite(t, "status", "-src", dir, "-strict"); code != 0 {
		t.Errorf("status -strict once translated: exit %d\n%s", code, stdout)
	}
	assertMarked(t, assertPairs(t, dir, name))
	esHTML, _ := os.ReadFile(filepath.Join(dir, "public", "es", "informe", "index.html"))
	es, _ := numberedParagraphs(t, string(esHTML))
	if es[2] != gist(translated) || !strings.HasPrefix(es[3], "esascárceles") {
		t.Errorf("#p3 %.40q, #p4 %.40q", es[2], es[3])
	}
}

// editFile replaces old with new in the file name, which must hold it.
func editFile(t *testing.T, name, old, new string) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not hold %q", name, old)
	}
	if err := os.WriteFile(name, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestFootnoteMarksInPO (issue 19, case 2): a msgstr that drops a
// footnote mark, adds one or renames it is refused at its PO line and
// nothing is written; the built page keeps the footnote, each #pN the
// translation of the English #pN; and the next import, the msgstr put
// right, is not stuck.
func TestFootnoteMarksInPO(t *testing.T) {
	dir := copyProject(t)
	en := filepath.Join(dir, "content", "en", "submission.md")
	es := filepath.Join(dir, "content", "es", "submission.md")
	editFile(t, en, "incommunicado", "incommunicado[^1]")
	editFile(t, es, "incomunicada", "incomunicada[^1]")
	for name, note := range map[string]string{en: "[^1]: As the June 2025 submission calls it.", es: "[^1]: Así la llama la presentación de junio de 2025."} {
		data, _ := os.ReadFile(name)
		if err := os.WriteFile(name, append(data, "\n"+note+"\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := runSite(t, "stamp", "-src", dir, es); code != 0 {
		t.Fatalf("stamp: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runSite(t, "po", "export", "-src", dir, "es"); code != 0 {
		t.Fatalf("po export: exit %d\n%s", code, stderr)
	}
	name := filepath.Join(dir, "locales", "po", "pages", "es", "submission.po")
	var msgid, good string
	var line int
	for _, e := range readPO(t, name).Entries {
		if strings.Contains(e.ID, "incommunicado[^1]") {
			msgid, good, line = e.ID, e.Str[0], e.StrLine
		}
	}
	if !strings.Contains(good, "[^1]") {
		t.Fatalf("no entry with the footnote mark in %s", name)
	}
	want := translationsIn(t, name)
	for _, c := range []struct{ bad, says string }{
		{strings.Replace(good, "[^1]", "", 1), "the original has the footnote reference [^1] and the translation does not"},
		{good + " Y otra.[^2]", "the translation has the footnote reference [^2], which the original does not"},
		{strings.Replace(good, "[^1]", "[^2]", 1), "the original has the footnote reference [^1] and the translation does not"},
	} {
		replaceMsgstr(t, name, msgid, c.bad)
		before := readTree(t, dir)
		code, _, stderr := runSite(t, "po", "import", "-src", dir, "es")
		at := fmt.Sprintf("site: error: locales/po/pages/es/submission.po:%d: ", line)
		if code != 1 || !strings.Contains(stderr, at) || !strings.Contains(stderr, c.says) || !strings.Contains(stderr, "nothing was written") {
			t.Errorf("msgstr %.60q: exit %d\n%s", c.bad, code, stderr)
		}
		assertSameTree(t, before, readTree(t, dir))
		assertPairsWith(t, dir, want)
		esHTML, _ := os.ReadFile(filepath.Join(dir, "public", "es", "informe", "index.html"))
		if strings.Contains(string(esHTML), "[^") || !strings.Contains(string(esHTML), "Así la llama la presentación de junio de 2025.") {
			t.Errorf("the built page lost its footnote or prints a mark")
		}
	}
	replaceMsgstr(t, name, msgid, good)
	if code, stdout, stderr := runSite(t, "po", "import", "-src", dir, "es"); code != 0 || !strings.Contains(stdout, "nothing to change") {
		t.Errorf("import, the msgstr put right: exit %d\n%s%s", code, stdout, stderr)
	}
}

// TestHardLineBreakThroughPO (issue 19, case 5): an English paragraph
// given a hard line break (two spaces at the end of a line) is exported
// with it in the msgid; the translator keeps it in the msgstr, and import
// writes it back, so the built #p1 breaks the line as the English does.
func TestHardLineBreakThroughPO(t *testing.T) {
	dir := copyProject(t)
	en := filepath.Join(dir, "content", "en", "submission.md")
	editFile(t, en, "In February 2025, ", "In February 2025,  \n")
	if code, _, stderr := runSite(t, "po", "export", "-src", dir, "es"); code != 0 {
		t.Fatalf("po export: exit %d\n%s", code, stderr)
	}
	name := filepath.Join(dir, "locales", "po", "pages", "es", "submission.po")
	f := readPO(t, name)
	found := false
	for _, e := range f.Entries {
		if strings.HasPrefix(e.ID, "In February 2025,  \n") && e.Fuzzy() {
			found = true
			e.Str = []string{strings.Replace(e.Str[0], "En febrero de 2025, ", "En febrero de 2025,  \n", 1)}
			e.SetFuzzy(false)
			e.PrevContext, e.PrevID = nil, nil
		}
	}
	if !found {
		data, _ := os.ReadFile(name)
		t.Fatalf("no fuzzy msgid with the hard line break:\n%s", data)
	}
	if err := os.WriteFile(name, f.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(name); !strings.Contains(string(data), `"En febrero de 2025,  \n"`) {
		t.Fatalf("the msgstr lost its hard line break:\n%s", data)
	}
	if code, stdout, stderr := runSite(t, "po", "import", "-src", dir, "es"); code != 0 {
		t.Fatalf("po import: exit %d\n%s%s", code, stdout, stderr)
	}
	if md, _ := os.ReadFile(filepath.Join(dir, "content", "es", "submission.md")); !strings.Contains(string(md), "\nEn febrero de 2025,  \nlos gobiernos") {
		t.Errorf("the Markdown lost the hard line break:\n%s", md)
	}
	if code, stdout, _ := runSite(t, "status", "-src", dir, "-strict"); code != 0 {
		t.Errorf("status -strict: exit %d\n%s", code, stdout)
	}
	assertPairs(t, dir, name)
	esHTML, _ := os.ReadFile(filepath.Join(dir, "public", "es", "informe", "index.html"))
	if !strings.Contains(string(esHTML), "En febrero de 2025,<br>") {
		t.Errorf("the built #p2 has no line break")
	}
}

// TestFuzzyNotPublished (issue 19, case 6): a msgstr marked fuzzy (in
// Poedit, "Needs work") is not imported: the Markdown and the built
// #p3 keep the finished translation, the PO file keeps the draft, and
// status -strict names it; once the mark is removed it is imported.
func TestFuzzyNotPublished(t *testing.T) {
	dir := copyProject(t)
	name := filepath.Join(dir, "locales", "po", "pages", "es", "submission.po")
	want := translationsIn(t, name)
	f := readPO(t, name)
	for _, e := range f.Entries {
		if strings.HasPrefix(e.ID, "These prisons are") {
			e.Str = []string{"Borrador a medias de este párrafo."}
			e.SetFuzzy(true)
		}
	}
	if err := os.WriteFile(name, f.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "content", "es", "submission.md")
	before, _ := os.ReadFile(page)
	code, stdout, stderr := runSite(t, "po", "import", "-src", dir, "es")
	if code != 0 || !strings.Contains(stdout+stderr, "submission (p3): the PO file's translation is marked fuzzy") {
		t.Errorf("po import: exit %d\n%s%s", code, stdout, stderr)
	}
	if after, _ := os.ReadFile(page); string(after) != string(before) {
		t.Errorf("a fuzzy msgstr changed the page")
	}
	if code, _, stderr := runSite(t, "po", "export", "-src", dir, "es"); code != 0 {
		t.Fatalf("po export: exit %d\n%s", code, stderr)
	}
	if str, fuzzy := entryStr(t, name, "These prisons are"); str != "Borrador a medias de este párrafo." || !fuzzy {
		t.Errorf("export made the draft %q (fuzzy %v)", str, fuzzy)
	}
	if code, stdout, _ := runSite(t, "status", "-src", dir, "-strict"); code != 1 || !strings.Contains(stdout, "marked fuzzy") {
		t.Errorf("status -strict: exit %d\n%s", code, stdout)
	}
	assertPairsWith(t, dir, want)

	f = readPO(t, name)
	for _, e := range f.Entries {
		if strings.HasPrefix(e.ID, "These prisons are") {
			e.SetFuzzy(false)
		}
	}
	if err := os.WriteFile(name, f.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := runSite(t, "po", "import", "-src", dir, "es"); code != 0 {
		t.Fatalf("po import, reviewed: exit %d\n%s%s", code, stdout, stderr)
	}
	assertPairs(t, dir, name)
	if esHTML, _ := os.ReadFile(filepath.Join(dir, "public", "es", "informe", "index.html")); !strings.Contains(string(esHTML), "Borrador a medias de este párrafo.") {
		t.Errorf("the reviewed translation is not published")
	}
}

// TestEnglishLeftIsNotTranslated (issue 19, case 8): a page created with
// stamp -new and left in English is not "translated and up to date":
// status lists it as not translated and -strict fails, and export leaves
// its msgstrs empty instead of copying the English into them.
func TestEnglishLeftIsNotTranslated(t *testing.T) {
	dir := copyProject(t)
	en := filepath.Join(dir, "content", "en", "transfers.md")
	if err := os.WriteFile(en, []byte("+++\ntitle = \"The transfers\"\ndescription = \"How people were sent to El Salvador.\"\n+++\n\nPeople were sent to CECOT, where they have had no contact with the outside world.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runSite(t, "stamp", "-src", dir, "-new", en, "es"); code != 0 {
		t.Fatalf("stamp -new: exit %d\n%s", code, stderr)
	}
	page := filepath.Join(dir, "content", "es", "transfers.md")
	md, _ := os.ReadFile(page)
	if err := os.WriteFile(page, []byte(strings.Replace(string(md), "draft = true\n", "", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := runSite(t, "status", "-src", dir, "-strict")
	missing, translated, _ := strings.Cut(stdout, "Translated and up to date")
	translated, _, _ = strings.Cut(translated, "\n\n")
	if code != 1 || !strings.Contains(missing, "Missing") || !strings.Contains(missing, "content/es/transfers.md") || strings.Contains(translated, "transfers") ||
		!strings.Contains(missing, "p1 (content/en/transfers.md:6) reads the same as the original") || strings.Contains(missing, "stamp -new") {
		t.Errorf("status -strict: exit %d\n%s", code, stdout)
	}
	if code, _, stderr := runSite(t, "po", "export", "-src", dir, "es"); code != 0 {
		t.Fatalf("po export: exit %d\n%s", code, stderr)
	}
	for _, e := range readPO(t, filepath.Join(dir, "locales", "po", "pages", "es", "transfers.po")).Entries {
		if e.Translated() && !e.Obsolete && e.Ctx() != "transfers#meta.slug" {
			t.Errorf("export copied the English into msgstr: %q", e.Str[0])
		}
	}
}

// TestEnglishLeftIsMarked: a page made with stamp -new and published
// without being translated shows the English text on the Spanish page;
// as the invariant asks, each numbered paragraph is then the English
// #pN marked lang="en", under a visible notice, as a block the
// translation lacks is, and its title, still English, is too.
// Translating one paragraph makes the page the
// translator's: the others are theirs to translate, and status lists
// them.
func TestEnglishLeftIsMarked(t *testing.T) {
	dir := copyProject(t)
	en := filepath.Join(dir, "content", "en", "transfers.md")
	text := "+++\ntitle = \"The transfers\"\ndescription = \"How people were sent to El Salvador.\"\nnumbered = true\n+++\n\n" +
		"People were sent to CECOT, where they have had no contact with the outside world.\n\n## Since then\n\nTheir relatives have had no news of them.\n"
	if err := os.WriteFile(en, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runSite(t, "stamp", "-src", dir, "-new", en, "es"); code != 0 {
		t.Fatalf("stamp -new: exit %d\n%s", code, stderr)
	}
	page := filepath.Join(dir, "content", "es", "transfers.md")
	editFile(t, page, "draft = true\n", "")
	paragraphs := func() (gists []string, english []bool, html string) {
		t.Helper()
		if code, _, stderr := runSite(t, "build", "-src", dir); code != 0 {
			t.Fatalf("build: exit %d\n%s", code, stderr)
		}
		data, _ := os.ReadFile(filepath.Join(dir, "public", "es", "transfers", "index.html"))
		gists, english = numberedParagraphs(t, string(data))
		return gists, english, string(data)
	}
	gists, english, html := paragraphs()
	if len(gists) != 2 || !english[0] || !english[1] || strings.Count(html, "class=untranslated-note") != 1 ||
		!strings.Contains(html, `<h2 id=since-then lang=en class=untranslated>`) || !strings.Contains(html, `<h1 lang=en>The transfers</h1>`) {
		t.Errorf("the page left in English: paragraphs %q, marked %v\n%s", gists, english, html)
	}

	editFile(t, page, "People were sent to CECOT, where they have had no contact with the outside world.",
		"Enviaron a personas al CECOT, donde no han tenido contacto con el mundo exterior.")
	gists, english, html = paragraphs()
	if len(gists) != 2 || english[0] || english[1] || strings.Contains(html, "untranslated") {
		t.Errorf("the page begun in Spanish: paragraphs %q, marked %v\n%s", gists, english, html)
	}
	// The page has no PO file yet: status does not say one shows it.
	if _, stdout, _ := runSite(t, "status", "-src", dir, "-lang", "en"); !strings.Contains(stdout, "parts still to translate or review: meta.title") ||
		!strings.Contains(stdout, "p2 (content/en/transfers.md:11) reads the same as the original") || strings.Contains(stdout, "PO file shows") {
		t.Errorf("status does not list the paragraph left in English, or names a PO file:\n%s", stdout)
	}
	if _, stdout, _ := runSite(t, "status", "-src", dir, "-lang", "es"); !strings.Contains(stdout, "partes que falta traducir o revisar: meta.title") || strings.Contains(stdout, "archivo PO indica") {
		t.Errorf("status -lang es:\n%s", stdout)
	}
}

// TestSectionLinkKeepsItsTarget: a link to a section of another page
// keeps, in the translation, the original's target (as import and
// check require), and finds its section on the Spanish page, whose
// headings answer to their original's IDs as well as to their own:
// while the heading is translated, and once its msgstr is emptied and
// the page shows it in English. check reports no broken link either
// time; before, the Spanish page had no #the-secret-agreement.
func TestSectionLinkKeepsItsTarget(t *testing.T) {
	dir := copyProject(t)
	for lang, text := range map[string]string{"en": "See [the agreement](submission.md#the-secret-agreement).", "es": "Vea [el acuerdo](submission.md#the-secret-agreement)."} {
		name := filepath.Join(dir, "content", lang, "about.md")
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, append(data, "\n"+text+"\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"stamp", "-src", dir, filepath.Join(dir, "content", "es", "about.md")}, {"po", "export", "-src", dir, "es"}} {
		if code, stdout, stderr := runSite(t, args...); code != 0 {
			t.Fatalf("%s: exit %d\n%s%s", args[0], code, stdout, stderr)
		}
	}
	sections := func(when string) {
		t.Helper()
		if code, stdout, stderr := runSite(t, "check", "-src", dir); code != 0 {
			t.Errorf("check, %s: exit %d\n%s%s", when, code, stdout, stderr)
		}
		if code, _, stderr := runSite(t, "build", "-src", dir); code != 0 {
			t.Fatalf("build, %s: exit %d\n%s", when, code, stderr)
		}
		about, _ := os.ReadFile(filepath.Join(dir, "public", "es", "acerca-de", "index.html"))
		report, _ := os.ReadFile(filepath.Join(dir, "public", "es", "informe", "index.html"))
		if !strings.Contains(string(about), `href=../informe/#the-secret-agreement>el acuerdo</a>`) || !strings.Contains(string(report), "id=the-secret-agreement") {
			t.Errorf("%s: the link or its section is missing", when)
		}
	}
	sections("translated")
	if html, _ := os.ReadFile(filepath.Join(dir, "public", "es", "informe", "index.html")); !strings.Contains(string(html), "<h2 id=el-acuerdo-secreto>") {
		t.Errorf("the translated heading lost its own id")
	}
	name := filepath.Join(dir, "locales", "po", "pages", "es", "submission.po")
	replaceMsgstr(t, name, "The secret agreement", "")
	if code, stdout, stderr := runSite(t, "po", "import", "-src", dir, "es"); code != 0 {
		t.Fatalf("po import: exit %d\n%s%s", code, stdout, stderr)
	}
	sections("emptied")
	if html, _ := os.ReadFile(filepath.Join(dir, "public", "es", "informe", "index.html")); !strings.Contains(string(html), "<h2 id=the-secret-agreement lang=en class=untranslated>") {
		t.Errorf("the emptied heading is not shown in English, marked")
	}
}

// TestTranslatingMarkdownRoute (issue 19, case 11): a translator follows
// the Markdown route of TRANSLATING.md and TRADUCIR.md, steps 4 to 6,
// command by command, after editing a paragraph of the Spanish report:
// CI's status -strict is then clean, the files changed are the ones
// step 6 says to commit, and the built #pN pairs are right.
func TestTranslatingMarkdownRoute(t *testing.T) {
	for _, doc := range []string{"TRANSLATING.md", "TRADUCIR.md"} {
		t.Run(doc, func(t *testing.T) {
			text, err := os.ReadFile(filepath.Join(projecttest.Root(t), doc))
			if err != nil {
				t.Fatal(err)
			}
			steps := string(text)
			start := strings.Index(steps, "\n## 4. ")
			end := strings.Index(steps[start+1:], "\n## ") + start + 1
			for strings.HasPrefix(steps[end:], "\n## 5.") || strings.HasPrefix(steps[end:], "\n## 6.") {
				end = strings.Index(steps[end+1:], "\n## ") + end + 1
			}
			if start < 0 || end <= start {
				t.Fatalf("%s has no steps 4 to 6", doc)
			}
			steps = steps[start:end]
			pagePath := regexp.MustCompile(`content/es/[a-z-]+\.md`)
			var commands [][]string
			var committed []string
			for _, line := range strings.Split(steps, "\n") {
				line = strings.TrimSpace(pagePath.ReplaceAllString(line, "content/es/submission.md"))
				if args, ok := strings.CutPrefix(line, "go run ./cmd/site "); ok {
					commands = append(commands, strings.Fields(args))
				}
				if files, ok := strings.CutPrefix(line, "git add "); ok {
					committed = strings.Fields(files)
				}
			}
			if len(commands) < 3 || len(committed) == 0 {
				t.Fatalf("%s, steps 4 to 6: commands %q, commit %q", doc, commands, committed)
			}

			dir := copyProject(t)
			page := filepath.Join(dir, "content", "es", "submission.md")
			editFile(t, page, "Esas cárceles son conocidas", "Esas cárceles son bien conocidas")
			before := readTree(t, dir)
			for _, args := range commands {
				cmd := append([]string{args[0], "-src", dir}, args[1:]...)
				if len(args) > 1 && strings.HasPrefix(args[1], "content/") {
					cmd = []string{args[0], "-src", dir, filepath.Join(dir, args[1])}
				}
				if code, stdout, stderr := runSite(t, cmd...); code != 0 {
					t.Fatalf("%s: site %s: exit %d\n%s%s", doc, strings.Join(args, " "), code, stdout, stderr)
				}
			}
			after := readTree(t, dir)
			for name, data := range after {
				if before[name] == data || strings.HasPrefix(name, ".cache/") || strings.HasPrefix(name, "public/") {
					continue // unchanged, or what git ignores (.gitignore)
				}
				ok := false
				for _, c := range committed {
					if name == c || strings.HasPrefix(name, strings.TrimSuffix(c, "/")+"/") {
						ok = true
					}
				}
				if !ok {
					t.Errorf("%s: %s changed, but step 6 does not say to commit it", doc, name)
				}
			}
			if code, stdout, _ := runSite(t, "status", "-src", dir, "-strict"); code != 0 {
				t.Errorf("%s: CI's status -strict: exit %d\n%s", doc, code, stdout)
			}
			name := filepath.Join(dir, "locales", "po", "pages", "es", "submission.po")
			if str, _ := entryStr(t, name, "These prisons are"); !strings.HasPrefix(str, "Esas cárceles son bien conocidas") {
				t.Errorf("%s: the PO file has %q", doc, str)
			}
			assertPairs(t, dir, name)
		})
	}
}

// TestRenamedHeadingShowsOldText (issue 19, case 12): an English heading
// renamed is exported fuzzy with its translation and the earlier English
// in "#| msgid", which Poedit shows beside the new text; the built page
// keeps every #pN pair; once the translator reviews it in the PO file,
// import writes the new heading and the page is up to date.
func TestRenamedHeadingShowsOldText(t *testing.T) {
	dir := copyProject(t)
	editFile(t, filepath.Join(dir, "content", "en", "submission.md"), "## The secret agreement\n", "## The secret deal\n")
	if code, _, stderr := runSite(t, "po", "export", "-src", dir, "es"); code != 0 {
		t.Fatalf("po export: exit %d\n%s", code, stderr)
	}
	name := filepath.Join(dir, "locales", "po", "pages", "es", "submission.po")
	data, _ := os.ReadFile(name)
	if want := "#, fuzzy\n#| msgctxt \"submission\"\n#| msgid \"The secret agreement\"\nmsgctxt \"submission\"\nmsgid \"The secret deal\"\nmsgstr \"El acuerdo secreto\"\n"; !strings.Contains(string(data), want) {
		t.Errorf("the renamed heading's entry is not\n%s\nin\n%s", want, data)
	}
	assertPairs(t, dir, name)
	f := readPO(t, name)
	for _, e := range f.Entries {
		if e.ID == "The secret deal" {
			e.Str = []string{"El trato secreto"}
			e.SetFuzzy(false)
			e.PrevContext, e.PrevID = nil, nil
		}
	}
	if err := os.WriteFile(name, f.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := runSite(t, "po", "import", "-src", dir, "es"); code != 0 {
		t.Fatalf("po import: exit %d\n%s%s", code, stdout, stderr)
	}
	if md, _ := os.ReadFile(filepath.Join(dir, "content", "es", "submission.md")); !strings.Contains(string(md), "\n## El trato secreto\n") {
		t.Errorf("the heading was not imported:\n%s", md)
	}
	if code, stdout, _ := runSite(t, "status", "-src", dir, "-strict"); code != 0 {
		t.Errorf("status -strict: exit %d\n%s", code, stdout)
	}
	assertMarked(t, assertPairs(t, dir, name))
}

// TestStampClearsReviewedPO: "site stamp" on the command line marks a
// page reviewed as the desk's button does. After an English edit and an
// export, which makes the edited message fuzzy, stamping the Spanish
// page leaves its PO entry reviewed too, so that status -strict is clean
// and a second export has nothing to change (before, the PO file kept
// the fuzzy mark and status listed it out of step).
func TestStampClearsReviewedPO(t *testing.T) {
	dir := copyProject(t)
	en := filepath.Join(dir, "content", "en", "submission.md")
	data, err := os.ReadFile(en)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "These prisons are notorious", "These prisons are infamous", 1)
	if edited == string(data) {
		t.Fatal("the English page no longer says what the test edits")
	}
	if err := os.WriteFile(en, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := runSite(t, "po", "export", "-src", dir, "es"); code != 0 {
		t.Fatalf("po export: exit %d\n%s%s", code, stdout, stderr)
	}
	if str, fuzzy := entryStr(t, filepath.Join(dir, "locales", "po", "pages", "es", "submission.po"), "These prisons are infamous"); str == "" || !fuzzy {
		t.Fatalf("after the export the edited message is %q (fuzzy %v), want its old translation, fuzzy", str, fuzzy)
	}
	if code, stdout, stderr := runSite(t, "stamp", "-src", dir, filepath.Join(dir, "content", "es", "submission.md")); code != 0 {
		t.Fatalf("stamp: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, fuzzy := entryStr(t, filepath.Join(dir, "locales", "po", "pages", "es", "submission.po"), "These prisons are infamous"); fuzzy {
		t.Error("after stamp the PO entry is still fuzzy")
	}
	if code, stdout, _ := runSite(t, "status", "-src", dir, "-strict", "-lang", "en"); code != 0 {
		t.Errorf("status -strict after stamp: exit %d\n%s", code, stdout)
	}
	if code, stdout, stderr := runSite(t, "po", "export", "-src", dir, "-n", "es"); code != 0 || !strings.Contains(stdout, "in step") {
		t.Errorf("po export -n after stamp: exit %d\n%s%s", code, stdout, stderr)
	}
}
