package locale

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"cecot/internal/plural"
)

const enTOML = `skip = "Skip to content"
only_en = "Only in English"
date_long = "{{.Month}} {{.Day}}, {{.Year}}"
date_month = "{{.Month}} {{.Year}}"
month_6 = "June"

[reading_time]
description = "Minutes to read a page."
one = "{{.Count}} minute"
other = "{{.Count}} minutes"
`

const esTOML = `skip = "Ir al contenido"
date_long = "{{.Day}} de {{.Month}} de {{.Year}}"
date_month = "{{.Month}} de {{.Year}}"
month_6 = "junio"

[reading_time]
one = "{{.Count}} minuto"
many = "{{.Count}} de minutos"
other = "{{.Count}} minutos"
`

func load(t *testing.T, files map[string]string) (*Locales, []string) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	l, warns, err := Load(fsys, []string{"en", "es"}, "en")
	if err != nil {
		t.Fatal(err)
	}
	var ws []string
	for _, w := range warns {
		ws = append(ws, w.Error())
	}
	return l, ws
}

func TestFallback(t *testing.T) {
	l, warns := load(t, map[string]string{"locales/en.toml": enTOML, "locales/es.toml": esTOML})
	want := `locales/es.toml: MISSING_TRANSLATION|es|only_en: no message "only_en"; the en text at locales/en.toml:2 is used until it is translated here`
	if len(warns) != 1 || warns[0] != want {
		t.Errorf("warnings %q, want one MISSING_TRANSLATION for es only_en", warns)
	}
	es := l.Translator("es")
	for id, want := range map[string]string{"skip": "Ir al contenido", "only_en": "Only in English"} {
		if got, err := es.T(id); err != nil || got != want {
			t.Errorf("es T(%q) = %q, %v; want %q", id, got, err, want)
		}
	}
	if _, err := es.T("nowhere"); err == nil || !strings.Contains(err.Error(), `no message "nowhere" in locales/en.toml`) {
		t.Errorf("unknown id: %v", err)
	}
}

func TestMissingFile(t *testing.T) {
	_, warns := load(t, map[string]string{"locales/en.toml": enTOML})
	if len(warns) != 6 {
		t.Errorf("without es.toml: %d warnings, want one per message:\n%s", len(warns), strings.Join(warns, "\n"))
	}
	_, _, err := Load(fstest.MapFS{}, []string{"en"}, "en")
	if err == nil || !strings.HasPrefix(err.Error(), "locales/en.toml: ") {
		t.Errorf("no default language file: %v", err)
	}
}

func TestPlurals(t *testing.T) {
	l, _ := load(t, map[string]string{"locales/en.toml": enTOML, "locales/es.toml": esTOML})
	for _, tc := range []struct {
		lang  string
		count int
		want  string
	}{
		{"en", 1, "1 minute"},
		{"en", 2, "2 minutes"},
		{"en", 1000000, "1000000 minutes"},
		{"es", 1, "1 minuto"},
		{"es", 2, "2 minutos"},
		{"es", 0, "0 minutos"},
		{"es", 1000000, "1000000 de minutos"},
	} {
		got, err := l.Translator(tc.lang).T("reading_time", tc.count)
		if err != nil || got != tc.want {
			t.Errorf("%s %d: %q, %v; want %q", tc.lang, tc.count, got, err, tc.want)
		}
	}
	if got := strings.Join(plural.Forms("es"), " "); got != "one many other" {
		t.Errorf("Spanish plural forms: %s", got)
	}
	if got := strings.Join(plural.Forms("en"), " "); got != "one other" {
		t.Errorf("English plural forms: %s", got)
	}
}

func TestPluralErrors(t *testing.T) {
	for _, tc := range []struct{ name, es, want string }{
		{
			"missing many",
			"skip = \"x\"\n\n[reading_time]\none = \"{{.Count}} minuto\"\nother = \"{{.Count}} minutos\"\n",
			`locales/es.toml:3: message "reading_time": plural form "many" is missing; language "es" needs one, many, other`,
		},
		{
			"form the language lacks",
			"[reading_time]\none = \"a\"\nfew = \"b\"\nmany = \"c\"\nother = \"d\"\n",
			`locales/es.toml:1: message "reading_time": plural form "few" is not used in language "es"`,
		},
		{
			"no text",
			"skip = \"x\"\n[reading_time]\ndescription = \"only a description\"\n",
			`locales/es.toml:2: message "reading_time": no text`,
		},
		{
			"syntax error",
			"skip = \"x\"\nbroken = \n",
			"locales/es.toml:2: ",
		},
		{
			"escaped control character",
			"skip = \"x\"\nhome = \"Inicio\\u001b[31m\"\n",
			`locales/es.toml:2: message "home" holds the invisible character U+001B (ESC, the start of terminal colour codes), which a page must not publish; delete it`,
		},
		{
			"C1 control in a plural form",
			"skip = \"x\"\n[reading_time]\none = \"{{.Count}} minuto\"\nmany = \"{{.Count}} de minutos\"\nother = \"{{.Count}} minutos\\u009b\"\n",
			`locales/es.toml:2: message "reading_time": other holds the invisible character U+009B (a control character)`,
		},
		{
			"raw control character",
			"skip = \"x\"\nhome = \"Inicio\a\"\n",
			`locales/es.toml:2: the line holds the invisible character U+0007 (BEL, the bell), which a page must not publish; delete it`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"locales/en.toml": {Data: []byte(enTOML)},
				"locales/es.toml": {Data: []byte(tc.es)},
			}
			_, _, err := Load(fsys, []string{"en", "es"}, "en")
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("got %v\nwant %s...", err, tc.want)
			}
		})
	}
}

func TestDate(t *testing.T) {
	l, _ := load(t, map[string]string{"locales/en.toml": enTOML, "locales/es.toml": esTOML})
	d := time.Date(2025, time.June, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ lang, style, want string }{
		{"en", "month", "June 2025"},
		{"es", "month", "junio de 2025"},
		{"en", "long", "June 1, 2025"},
		{"es", "long", "1 de junio de 2025"},
	} {
		got, err := l.Translator(tc.lang).Date(d, tc.style)
		if err != nil || got != tc.want {
			t.Errorf("%s %s: %q, %v; want %q", tc.lang, tc.style, got, err, tc.want)
		}
	}
	if _, err := l.Translator("en").Date(d, "short"); err == nil {
		t.Error("unknown date style accepted")
	}
}

// TestProjectLocales loads the project's own message files. A message
// missing in Spanish is only a warning, as in a build.
func TestProjectLocales(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, lang := range []string{"en", "es"} {
		data, err := readProjectFile(File(lang))
		if err != nil {
			t.Fatal(err)
		}
		fsys[File(lang)] = &fstest.MapFile{Data: data}
	}
	_, warns, err := Load(fsys, []string{"en", "es"}, "en")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range warns {
		t.Logf("warning: %v", w)
	}
}

func readProjectFile(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(name)))
}

// TestKeptMessages asks one translator the same messages again, in
// another order: what T keeps must be what it said the first time, per
// count, and a missing message must fail every time.
func TestKeptMessages(t *testing.T) {
	l, _ := load(t, map[string]string{"locales/en.toml": enTOML, "locales/es.toml": esTOML})
	es := l.Translator("es")
	asks := []struct {
		id   string
		args []any
		want string
	}{
		{"skip", nil, "Ir al contenido"},
		{"reading_time", []any{1}, "1 minuto"},
		{"reading_time", []any{2}, "2 minutos"},
		{"reading_time", []any{1000000}, "1000000 de minutos"},
		{"only_en", nil, "Only in English"},
		{"reading_time", []any{map[string]any{"Count": 2}}, "2 minutos"},
	}
	for round := range 3 {
		for i := range asks {
			a := asks[(i*(round+1))%len(asks)]
			if got, err := es.T(a.id, a.args...); err != nil || got != a.want {
				t.Errorf("round %d: T(%q, %v) = %q, %v; want %q", round, a.id, a.args, got, err, a.want)
			}
		}
		if _, err := es.T("nowhere"); err == nil {
			t.Errorf("round %d: an unknown message did not fail", round)
		}
		if _, err := es.T("nowhere", 3); err == nil {
			t.Errorf("round %d: an unknown counted message did not fail", round)
		}
	}
}
