package status

import (
	"bytes"
	"cecot/internal/markdown"
	"cecot/internal/pagefile"
	"cecot/internal/projecttest"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"cecot/internal/content"
	"cecot/internal/stamp"
	"cecot/internal/synth"
	"cecot/internal/translate"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const reportBody = `
The report on enforced disappearance.

## Key facts

- One.

## What is asked

Ask.
`

// fixture is a small bilingual site: a translated home, a report whose
// Spanish translation is stale in one section, and a page missing in
// Spanish.
func fixture() fstest.MapFS {
	old := strings.Replace(reportBody, "- One.", "- Uno.", 1)
	return fstest.MapFS{
		"site.toml": {Data: []byte(`defaultLanguage = "en"
[languages.en]
name = "English"
weight = 1
[languages.es]
name = "Español"
weight = 2
`)},
		"content/en/_index.md":  {Data: []byte("+++\ntitle = \"Home\"\n+++\n\nWelcome.\n")},
		"content/es/_index.md":  {Data: []byte("+++\ntitle = \"Inicio\"\ntranslated_from = \"" + stamp.Make([]byte("\n\n\nWelcome.\n"), markdown.Page{}) + "\"\n+++\n\nBienvenida.\n")},
		"content/en/report.md":  {Data: []byte("+++\ntitle = \"Report\"\n+++\n" + reportBody)},
		"content/es/report.md":  {Data: []byte("+++\ntitle = \"Informe\"\nslug = \"informe\"\ntranslated_from = \"" + stamp.Make([]byte("\n\n\n"+old), markdown.Page{}) + "\"\n+++\n\nEl informe sobre la desaparición.\n\n## Datos\n\n- Uno.\n\n## Pedido\n\nPedir.\n")},
		"content/en/about.md":   {Data: []byte("+++\ntitle = \"About\"\n+++\n\nAbout us.\n")},
		"layouts/base.html":     {Data: []byte(`{{define "base"}}<a>{{T "skip"}}</a>{{block "main" .}}{{end}}{{end}}`)},
		"layouts/page.html":     {Data: []byte("{{template \"base\" .}}\n{{define \"main\"}}\n{{with .Versions}}{{range .}}{{.T \"language_menu\"}}{{end}}{{end}}\n{{T \"reading_time\" .ReadingTime}}{{date .Date \"month\"}}{{T \"missing_everywhere\"}}{{end}}")},
		"locales/glossary.toml": {Data: []byte("[[term]]\nen = \"enforced disappearance\"\nes = \"desaparición forzada\"\n")},
		"locales/en.toml": {Data: []byte(`skip = "Skip"
language_menu = "Other languages"
ok = "OK"
unused_here = "Nobody uses this"
date_month = "{{.Month}} {{.Year}}"
month_1 = "January"
[reading_time]
one = "{{.Count}} minute"
other = "{{.Count}} minutes"
`)},
		"locales/es.toml": {Data: []byte(`skip = "Saltar"
language_menu = "Other languages"
ok = "OK" # same
date_month = "{{.Month}} de {{.Year}}"
month_1 = "enero"
only_spanish = "Solo"
[reading_time]
one = "{{.Count}} minuto"
other = "{{.Count}} minutos"
`)},
	}
}

func TestReport(t *testing.T) {
	r, err := Load(fixture())
	if err != nil {
		t.Fatal(err)
	}
	es := r.Languages[0]
	states := map[string]State{}
	for _, p := range es.Pages {
		states[p.Key] = p.State
	}
	want := map[string]State{"_index": Translated, "report": Stale, "about": Missing}
	for k, s := range want {
		if states[k] != s {
			t.Errorf("page %s: %s, want %s", k, states[k], s)
		}
	}
	if r.Clean() {
		t.Error("report with stale and missing pages is clean")
	}
	var text bytes.Buffer
	if err := english.WriteText(&text, r); err != nil {
		t.Fatal(err)
	}
	js, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "report.txt", text.Bytes())
	golden(t, "report.json", append(js, '\n'))
}

// TestStamped checks that stamping the stale page makes it translated.
func TestStamped(t *testing.T) {
	fsys := fixture()
	src, _, err := content.Parse(content.ID{Lang: "en", Key: "report"}, fsys["content/en/report.md"].Data)
	if err != nil {
		t.Fatal(err)
	}
	out, err := pagefile.SetStamp(fsys["content/es/report.md"].Data, stamp.Make(src.Body, markdown.Page{}))
	if err != nil {
		t.Fatal(err)
	}
	fsys["content/es/report.md"] = &fstest.MapFile{Data: out}
	r, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Languages[0].Pages {
		if p.Key == "report" && p.State != Translated {
			t.Errorf("stamped report: %s (%s %v)", p.State, p.Reason, p.Changes)
		}
	}
}

func TestPluralFormsMissing(t *testing.T) {
	fsys := fixture()
	fsys["locales/es.toml"] = &fstest.MapFile{Data: []byte("[reading_time]\none = \"{{.Count}} minuto\"\nother = \"{{.Count}} minutos\"\n")}
	r, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, s := range r.Languages[0].Strings {
		if s.Problem == "plural" {
			found = true
			if s.Line != 1 || !strings.Contains(s.Detail, `plural form "many" is missing`) {
				t.Errorf("plural problem %+v", s)
			}
		}
	}
	if !found {
		t.Error("a Spanish plural without the many form is not reported")
	}
}

func TestDraftAndExtra(t *testing.T) {
	fsys := fixture()
	fsys["content/es/about.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Acerca\"\ndraft = true\n+++\n\nA medias.\n")}
	fsys["content/es/solo.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Solo\"\n+++\n\nSolo en español.\n")}
	r, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Languages[0].Pages {
		if p.Key == "about" && (p.State != Missing || !p.Draft || p.File != "content/es/about.md") {
			t.Errorf("draft translation: %+v", p)
		}
	}
	if len(r.Extra) != 1 || r.Extra[0].File != "content/es/solo.md" {
		t.Errorf("extra pages %+v", r.Extra)
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; got:\n%s", name, got)
	}
}

// BenchmarkStatus reports on a synthetic bilingual site of 2,000 pages a
// language, read from memory: the cost of "site status" without the disk.
func BenchmarkStatus(b *testing.B) {
	fsys := synth.MapFS(synth.Options{N: 2000})
	b.ResetTimer()
	for b.Loop() {
		if _, err := Load(fsys); err != nil {
			b.Fatal(err)
		}
	}
}

func TestStaleReasons(t *testing.T) {
	src := "+++\ntitle = \"Home\"\n+++\n\nWelcome.\n"
	for _, c := range []struct {
		name, stamp string
		state       State
		reason      string
	}{
		{"never stamped", "", Stale, "does not record which version"},
		{"unreadable stamp", "translated_from = \"not a hash\"\n", Stale, "cannot be read"},
		{"old page-only stamp, source changed", "translated_from = \"" + content.SourceHash([]byte("Welcome!")) + "\"\n", Stale, "older kind"},
		{"old page-only stamp, source unchanged", "translated_from = \"" + content.SourceHash([]byte("Welcome.")) + "\"\n", Translated, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := fixture()
			fsys["content/en/_index.md"] = &fstest.MapFile{Data: []byte(src)}
			fsys["content/es/_index.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Inicio\"\n" + c.stamp + "+++\n\nBienvenida.\n")}
			r, err := Load(fsys)
			if err != nil {
				t.Fatal(err)
			}
			p := r.Languages[0].Pages[0]
			if p.Key != "_index" || p.State != c.state || !strings.Contains(p.Reason, c.reason) {
				t.Errorf("%s: %s, %q; want %s, %q", p.Key, p.State, p.Reason, c.state, c.reason)
			}
		})
	}
}

// stringProblems lists a language's string problems as "id:problem".
func stringProblems(t *testing.T, fsys fs.FS) (map[string]*String, bool) {
	t.Helper()
	r, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*String{}
	for _, s := range r.Languages[0].Strings {
		out[s.ID+":"+s.Problem] = s
	}
	return out, r.Clean()
}

// TestChangedString: an interface string whose English changed is out
// of date in status and -strict, with its previous text, before the
// export and after it, until the translation is reviewed (issue 19,
// case 3); a misspelt placeholder is reported at its line.
func TestChangedString(t *testing.T) {
	fsys := posite(t)
	mustExport(t, fsys)
	if got, _ := stringProblems(t, fsys); got["skip:changed"] != nil {
		t.Fatalf("changed before any edit: %v", got["skip:changed"])
	}
	projecttest.Replace(t, fsys, "locales/en.toml", `skip = "Skip to content"`, `skip = "Skip to the content"`)
	got, clean := stringProblems(t, fsys)
	if s := got["skip:changed"]; s == nil || s.Previous != "Skip to content" || s.Line != 1 || clean {
		t.Fatalf("after the English edit: %+v, clean %v", got, clean)
	}
	if !strings.Contains(NewPrinter("es").Detail(got["skip:changed"]), `decía "Skip to content" y ahora dice "Skip to the content"`) {
		t.Errorf("Spanish: %s", NewPrinter("es").Detail(got["skip:changed"]))
	}
	mustExport(t, fsys)
	got, clean = stringProblems(t, fsys)
	if s := got["skip:changed"]; s == nil || s.Previous != "Skip to content" || clean {
		t.Fatalf("after export: %+v, clean %v", got, clean)
	}
	// The translator reviews it in the PO file.
	projecttest.Replace(t, fsys, "locales/po/strings/es.po", "#, fuzzy\n#| msgid \"Skip to content\"\nmsgctxt \"skip\"", "msgctxt \"skip\"")
	projecttest.Replace(t, fsys, "locales/po/strings/es.po", `msgstr "Ir al contenido"`, `msgstr "Ir directo al contenido"`)
	mustImport(t, fsys)
	if got, _ = stringProblems(t, fsys); got["skip:changed"] != nil {
		t.Errorf("after review and import: %v", got["skip:changed"])
	}

	projecttest.Replace(t, fsys, "locales/es.toml", `{{.Count}} minutos`, `{{.Cuenta}} minutos`)
	got, clean = stringProblems(t, fsys)
	if s := got["reading_time:placeholder"]; s == nil || s.Line != 3 || clean || !strings.Contains(s.Detail, "unknown placeholder {{.Cuenta}}") {
		t.Errorf("misspelt placeholder: %+v", s)
	}
}

// TestLeftInEnglish: a translation stamped but still in the original's
// words counts as untranslated, in status and in the PO file, unless a
// block is meant to read the same (issue 19, case 8).
func TestLeftInEnglish(t *testing.T) {
	fsys := posite(t)
	en := fsys["content/en/other.md"].Data
	p, _, err := content.Parse(content.ID{Lang: "en", Key: "other"}, en)
	if err != nil {
		t.Fatal(err)
	}
	es, err := pagefile.SetStamp(en, stamp.Make(p.Body, stamp.HeadingIDs(p, nil)))
	if err != nil {
		t.Fatal(err)
	}
	fsys["content/es/other.md"] = &fstest.MapFile{Data: es}
	r, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var other *Page
	for _, pg := range r.Languages[0].Pages {
		if pg.Key == "other" {
			other = pg
		}
	}
	if other == nil || other.State != Missing || other.Blocks.Identical != 2 || !strings.Contains(other.Reason, "reads the same as the original") {
		t.Fatalf("status of a page left in English: %+v", other)
	}
	exp := mustExport(t, fsys)
	po := string(exp.Files["locales/po/pages/es/other.po"])
	if strings.Contains(po, `msgstr "Other`) {
		t.Errorf("export copied the English into msgstr:\n%s", po)
	}
	// Marked as meant to be the same, the title counts as translated.
	projecttest.Replace(t, fsys, "locales/po/pages/es/other.po", "msgctxt \"other#meta.title\"", "#, ignore-same\nmsgctxt \"other#meta.title\"")
	la, err := translate.Align(fsys, "es")
	if err != nil {
		t.Fatal(err)
	}
	if c := la.Page("other").Counts; c.Identical != 1 || c.Translated != 1 {
		t.Errorf("with the title marked: %+v", c)
	}
}

// TestBrokenPromiseInMarkdown: a translation edited in its Markdown that
// drops a footnote mark is reported by status at its line (issue 19,
// case 2, on the Markdown route), and -strict fails.
func TestBrokenPromiseInMarkdown(t *testing.T) {
	fsys := posite(t)
	mustExport(t, fsys)
	projecttest.Replace(t, fsys, "content/es/guide.md", "Un párrafo con una nota.[^1]", "Un párrafo con una nota.")
	r, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	b := r.Languages[0].Broken
	if len(b) != 1 || b[0].File != "content/es/guide.md" || b[0].Line != 34 || r.Clean() ||
		!strings.Contains(b[0].Detail, "p3: the original has the footnote reference [^1] and the translation does not") {
		t.Fatalf("broken: %+v", b)
	}
	var buf strings.Builder
	if err := NewPrinter("es").WriteText(&buf, r); err != nil {
		t.Fatal(err)
	}
	if text := buf.String(); !strings.Contains(text, "content/es/guide.md:34: p3: el original tiene la llamada a nota [^1] y la traducción no") {
		t.Errorf("the Spanish report lacks the broken promise:\n%s", text)
	}
}
