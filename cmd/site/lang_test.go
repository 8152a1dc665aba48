package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestMain keeps the tests' output English whatever the locale of the
// computer that runs them; the tests of -lang set their own.
func TestMain(m *testing.M) {
	getenv = func(string) string { return "" }
	os.Exit(m.Run())
}

// withEnv runs f with the environment env.
func withEnv(t *testing.T, env map[string]string, f func()) {
	t.Helper()
	defer func(old func(string) string) { getenv = old }(getenv)
	getenv = func(k string) string { return env[k] }
	f()
}

// TestCommandLanguage checks that status, stamp and po speak the
// language -lang names, or else the environment's, and that -json does
// not change with it.
func TestCommandLanguage(t *testing.T) {
	dir := copyProject(t)
	// A page missing in Spanish, so that status has something to say.
	if err := os.WriteFile(filepath.Join(dir, "content", "en", "faq.md"), []byte("+++\ntitle = \"Questions\"\ndescription = \"Answers.\"\n+++\n\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const (
		spanish = "para empezar: go run ./cmd/site stamp -new content/en/faq.md es"
		english = "to start: go run ./cmd/site stamp -new content/en/faq.md es"
	)
	for _, c := range []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"default", nil, nil, english},
		{"flag es", nil, []string{"-lang", "es"}, spanish},
		{"flag en", map[string]string{"LANG": "es_MX.UTF-8"}, []string{"-lang", "en"}, english},
		{"LANG", map[string]string{"LANG": "es_MX.UTF-8"}, nil, spanish},
		{"LC_MESSAGES", map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "es_AR.UTF-8"}, nil, spanish},
		{"LC_ALL", map[string]string{"LANG": "es_MX.UTF-8", "LC_ALL": "C"}, nil, english},
		{"other language", map[string]string{"LANG": "fr_FR.UTF-8"}, nil, english},
	} {
		t.Run(c.name, func(t *testing.T) {
			withEnv(t, c.env, func() {
				code, stdout, stderr := runSite(t, append([]string{"status", "-src", dir, "-strict"}, c.args...)...)
				if code != 1 || !strings.Contains(stdout, c.want) {
					t.Errorf("exit %d, want 1 and %q in:\n%s", code, c.want, stdout)
				}
				notClean := "some pages or strings are missing or out of date"
				if c.want == spanish {
					notClean = "faltan páginas o textos, o están desactualizados"
				}
				if !strings.Contains(stderr, "site: error: "+notClean) {
					t.Errorf("stderr lacks %q:\n%s", notClean, stderr)
				}
			})
		})
	}

	code, _, stderr := runSite(t, "status", "-src", dir, "-lang", "fr")
	if code != 2 || !strings.Contains(stderr, `-lang "fr": name en or es`) {
		t.Errorf("-lang fr: exit %d, want 2\n%s", code, stderr)
	}

	_, enJSON, _ := runSite(t, "status", "-src", dir, "-json")
	_, esJSON, _ := runSite(t, "status", "-src", dir, "-json", "-lang", "es")
	if enJSON != esJSON {
		t.Error("status -json -lang es differs from status -json")
	}

	code, stdout, stderr := runSite(t, "stamp", "-src", dir, "-lang", "es", "-new", filepath.Join(dir, "content", "en", "faq.md"), "es")
	if code != 0 || !strings.Contains(stdout, "site: se creó content/es/faq.md a partir de content/en/faq.md\nsite: traduzca su título") {
		t.Errorf("stamp -new -lang es: exit %d\n%s%s", code, stdout, stderr)
	}
	withEnv(t, map[string]string{"LANG": "es_CO.UTF-8"}, func() {
		code, stdout, stderr := runSite(t, "stamp", "-src", dir, filepath.Join(dir, "content", "es", "faq.md"))
		if code != 0 || stdout != "site: content/es/faq.md queda marcado como traducción de content/en/faq.md en su versión actual\n" {
			t.Errorf("stamp in Spanish: exit %d\n%s%s", code, stdout, stderr)
		}
	})

	code, stdout, stderr = runSite(t, "po", "export", "-src", dir, "-n", "-lang", "es", "es")
	if code != 0 || !strings.Contains(stdout, "site: locales/po/pages/es/faq.po: archivo PO nuevo, ") ||
		!strings.Contains(stdout, "site: se escribiría locales/po/pages/es/faq.po\n") {
		t.Errorf("po export -n -lang es: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = runSite(t, "po", "export", "-src", dir, "-n", "es")
	if code != 0 || !strings.Contains(stdout, "site: locales/po/pages/es/faq.po: new PO file, ") ||
		!strings.Contains(stdout, "site: would write locales/po/pages/es/faq.po\n") {
		t.Errorf("po export -n: exit %d\n%s%s", code, stdout, stderr)
	}

	// Errors: Spanish words, the same file:line.
	if err := os.WriteFile(filepath.Join(dir, "content", "en", "chart.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		en   string
		es   string
	}{
		{[]string{"stamp", "-src", dir, filepath.Join(dir, "content", "en", "faq.md")},
			"site: error: content/en/faq.md is an original, not a translation; stamp its translations, like content/es/faq.md\n",
			"site: error: content/en/faq.md es un original, no una traducción; marque sus traducciones, como content/es/faq.md\n"},
		{[]string{"stamp", "-src", dir, "-new", filepath.Join(dir, "content", "en", "faq.md"), "es"},
			"site: error: content/es/faq.md already exists; edit it, and run \"site stamp content/es/faq.md\" when it is up to date\n",
			"site: error: content/es/faq.md ya existe; edítelo y ejecute \"site stamp content/es/faq.md\" cuando esté al día\n"},
		{[]string{"stamp", "-src", dir, filepath.Join(dir, "content", "en", "chart.svg")},
			"site: error: content/en/chart.svg is an original, not a variant; a variant is the image at the same path in another language's folder\n",
			"site: error: content/en/chart.svg es un original, no una versión traducida; la versión de una imagen en otro idioma es la que está en la misma ruta dentro de la carpeta de ese idioma\n"},
		{[]string{"stamp", "-src", dir, "content/es/notes.txt"},
			"site: error: content/es/notes.txt: not a page or image of the project; name a file like content/es/report.md or content/es/chart.png\n",
			"site: error: content/es/notes.txt: no es una página ni una imagen del proyecto; indique un archivo como content/es/report.md o content/es/chart.png\n"},
		{[]string{"po", "export", "-src", dir, "fr"},
			"site: error: language \"fr\": name one of the site's translated languages (es)\nsite: error: nothing was written\n",
			"site: error: idioma \"fr\": indique uno de los idiomas a los que se traduce el sitio (es)\nsite: error: no se escribió nada\n"},
	} {
		_, _, en := runSite(t, c.args...)
		n := 1 // -lang goes after the command's name, and po's verb
		if c.args[0] == "po" {
			n = 2
		}
		_, _, es := runSite(t, append(append(slices.Clone(c.args[:n]), "-lang", "es"), c.args[n:]...)...)
		if en != c.en {
			t.Errorf("%v:\n%s\nwant\n%s", c.args, en, c.en)
		}
		if es != c.es {
			t.Errorf("%v -lang es:\n%s\nwant\n%s", c.args, es, c.es)
		}
	}

	// A PO file with an entry of no block, and a translation that drops a
	// link: each error keeps its file:line in Spanish.
	if code, _, stderr := runSite(t, "po", "export", "-src", dir, "es"); code != 0 {
		t.Fatalf("po export: exit %d\n%s", code, stderr)
	}
	poFile := filepath.Join(dir, "locales", "po", "pages", "es", "faq.po")
	data, err := os.ReadFile(poFile)
	if err != nil {
		t.Fatal(err)
	}
	bad := string(data) + "\nmsgctxt \"nope#zzz\"\nmsgid \"x\"\nmsgstr \"y\"\n"
	if err := os.WriteFile(poFile, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, en := runSite(t, "po", "import", "-src", dir, "es")
	_, _, es := runSite(t, "po", "import", "-src", dir, "-lang", "es", "es")
	wantEN := "site: error: locales/po/pages/es/faq.po:"
	if !strings.Contains(en, wantEN) || !strings.Contains(en, `: msgctxt "nope#zzz" is of page "nope", but this is the PO file of page "faq"`) {
		t.Fatalf("po import of a stray entry:\n%s", en)
	}
	if !strings.Contains(es, `: msgctxt "nope#zzz" es de la página "nope", pero este es el archivo PO de la página "faq"`) || !strings.Contains(es, "site: 1 problema; corríjalo y vuelva a ejecutar el comando\nsite: no se escribió nada\n") {
		t.Errorf("po import -lang es of a stray entry:\n%s", es)
	}
	if enLoc, esLoc := locationOf(en, "msgctxt"), locationOf(es, "msgctxt"); enLoc == "" || enLoc != esLoc {
		t.Errorf("the file:line differs: %q in English, %q in Spanish", enLoc, esLoc)
	}
}

// locationOf is what comes before word on the first line that has it.
func locationOf(out, word string) string {
	for _, line := range strings.Split(out, "\n") {
		if before, _, ok := strings.Cut(line, word); ok {
			return before
		}
	}
	return ""
}

// TestHelpLanguage checks that status, stamp and po explain themselves
// and their flags in Spanish too.
func TestHelpLanguage(t *testing.T) {
	code, _, stderr := runSite(t, "status", "-lang", "es", "-h")
	if code != 0 || !strings.HasPrefix(stderr, "Uso: site status [opciones]\n") ||
		!strings.Contains(stderr, "  -src carpeta\n    \tcarpeta del proyecto (predeterminado: \".\")\n") ||
		!strings.Contains(stderr, "  -strict\n    \ttermina con estado 1 si algo falta o está desactualizado\n") {
		t.Errorf("status -lang es -h: exit %d\n%s", code, stderr)
	}
	withEnv(t, map[string]string{"LANG": "es_MX.UTF-8"}, func() {
		code, _, stderr := runSite(t, "po", "-h")
		if code != 0 || !strings.HasPrefix(stderr, "Uso: site po export [opciones] [IDIOMA ...]\n") ||
			!strings.Contains(stderr, "  locales/po/pages/<idioma>/<página>.po    su traducción") ||
			!strings.Contains(stderr, "  -n\tsolo dice qué cambiaría; no escribe nada\n") {
			t.Errorf("po -h with LANG=es_MX.UTF-8: exit %d\n%s", code, stderr)
		}
		code, _, stderr = runSite(t, "stamp", "-lang", "en", "-h")
		if code != 0 || !strings.HasPrefix(stderr, "Usage: site stamp [flags] content/es/page.md ...\n") ||
			!strings.Contains(stderr, "  -src folder\n    \tproject folder (default \".\")\n") {
			t.Errorf("stamp -lang en -h: exit %d\n%s", code, stderr)
		}
	})
}
