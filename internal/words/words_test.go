package words

import (
	"errors"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"

	"cecot/internal/locale"
	"cecot/internal/po"
)

// TestToolMessages checks the tools' catalogue: every message is in
// every language and no language has one more, each with the plural
// forms its language needs, and each says something.
func TestToolMessages(t *testing.T) {
	read := func(lang string) ([]byte, map[string]any) {
		data, err := fs.ReadFile(messageFiles, "messages/"+lang+".toml")
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := toml.Unmarshal(data, &m); err != nil {
			t.Fatalf("messages/%s.toml: %v", lang, err)
		}
		return data, m
	}
	_, en := read("en")
	if len(en) == 0 {
		t.Fatal("messages/en.toml has no messages")
	}
	for _, lang := range ToolLangs {
		data, m := read(lang)
		t.Run(lang, func(t *testing.T) {
			for _, id := range slices.Sorted(maps.Keys(en)) {
				if _, ok := m[id]; !ok {
					t.Errorf("messages/%s.toml lacks %q", lang, id)
				}
			}
			for _, id := range slices.Sorted(maps.Keys(m)) {
				if _, ok := en[id]; !ok {
					t.Errorf("messages/%s.toml has %q, which en.toml lacks", lang, id)
				}
			}
			// The same check as the site's own interface strings get:
			// plural forms that the language has, and no other.
			fi, err := locale.Inspect(fstest.MapFS{locale.File(lang): {Data: data}}, lang)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range fi.Problems {
				t.Errorf("messages/%s.toml:%d: %v", lang, p.Line, p.Err)
			}
			pr := NewPrinter(lang)
			for _, id := range slices.Sorted(maps.Keys(en)) {
				if s := pr.N(id, 2); s == "" || s == strings.ToUpper(id) {
					t.Errorf("%s: %q says %q", lang, id, s)
				}
			}
		})
	}
}

func TestLangFromEnv(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want string
	}{
		{nil, "en"},
		{map[string]string{"LANG": "es_MX.UTF-8"}, "es"},
		{map[string]string{"LANG": "es_AR"}, "es"},
		{map[string]string{"LANG": "es"}, "es"},
		{map[string]string{"LANG": "es-419"}, "es"},
		{map[string]string{"LANG": "es_ES.UTF-8@euro"}, "es"},
		{map[string]string{"LANG": "C.UTF-8"}, "en"},
		{map[string]string{"LANG": "POSIX"}, "en"},
		{map[string]string{"LANG": "pt_BR.UTF-8"}, "en"},
		{map[string]string{"LANG": "en_US.UTF-8"}, "en"},
		{map[string]string{"LANG": "estonian"}, "en"},
		// LC_ALL wins over LC_MESSAGES, which wins over LANG.
		{map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "es_CO.UTF-8"}, "es"},
		{map[string]string{"LANG": "es_CO.UTF-8", "LC_MESSAGES": "C"}, "en"},
		{map[string]string{"LANG": "es_CO.UTF-8", "LC_MESSAGES": "es_CO.UTF-8", "LC_ALL": "C"}, "en"},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_ALL": "es_PE.UTF-8"}, "es"},
		// An empty variable is not set.
		{map[string]string{"LC_ALL": "", "LANG": "es_CL.UTF-8"}, "es"},
	} {
		got := LangFromEnv(func(k string) string { return c.env[k] })
		if got != c.want {
			t.Errorf("%v: %s, want %s", c.env, got, c.want)
		}
	}
}

// TestSystemErrorsInSpanish: the operating system's errors that
// translators meet are said in their language, with the file (issue 19,
// case 13).
func TestSystemErrorsInSpanish(t *testing.T) {
	es := NewPrinter("es")
	for _, c := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "content/es/x.md", Err: syscall.ENOENT}, "no se puede abrir content/es/x.md: no existe ese archivo ni esa carpeta"},
		{&fs.PathError{Op: "openat", Path: "locales/po/es.po", Err: syscall.EACCES}, "no se puede abrir locales/po/es.po: permiso denegado; pida acceso"},
		{&fs.PathError{Op: "write", Path: "content/es/x.md", Err: syscall.ENOSPC}, "no se puede escribir content/es/x.md: el disco está lleno"},
		{At("content/en/x.md", 0, "cannot_read_original", "Err", syscall.ENOENT), "content/en/x.md: no se puede leer el original: no existe ese archivo ni esa carpeta"},
	} {
		if got := es.Error(c.err); !strings.HasPrefix(got, c.want) {
			t.Errorf("%v:\n got %q\nwant %q...", c.err, got, c.want)
		}
	}
	// Other errors stay as they are.
	if got := es.Error(errors.New("something else")); got != "something else" {
		t.Errorf("got %q", got)
	}
	if got := english.Error(&fs.PathError{Op: "open", Path: "x", Err: syscall.ENOENT}); got != "cannot open x: there is no such file or folder" {
		t.Errorf("English: %q", got)
	}
}

// TestPOSyntaxInSpanish: every problem the PO reader finds in a file's
// text is said in Spanish too, at the same line, and in English exactly
// as the reader words it.
func TestPOSyntaxInSpanish(t *testing.T) {
	for _, c := range []struct{ file, es string }{
		{"msgid \"a\"\nmsgstr \"b\n", `x.po:2: msgstr: al texto le falta la comilla de cierre`},
		{"msgid \"a\"\nmsgstr \"b\\q\"\n", `x.po:2: msgstr: escape desconocido \q; escriba \\ para poner una barra invertida`},
		{"msgid \"a\"\nmsgstr \"b\"\nmsgstr \"c\"\n", `x.po:3: un segundo msgstr; una entrada tiene uno solo`},
		{"msgid \"a\"\nmsgstr \"b\" x\n", `x.po:2: msgstr: hay texto después de la comilla de cierre: "x"`},
		{"msgid \"a\"\nmsgstring \"b\"\n", `x.po:2: palabra clave desconocida "msgstring"; una entrada tiene líneas msgctxt, msgid, msgid_plural y msgstr`},
		{"msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"\n", `x.po:4: el mismo msgctxt y msgid que la entrada de la línea 1; conserve una de las dos`},
		{"msgid \"a\"\n", `x.po:1: la entrada no tiene msgstr; agregue msgstr "" después de su msgid`},
	} {
		_, err := po.Read("x.po", []byte(c.file))
		if err == nil {
			t.Fatalf("%q read", c.file)
		}
		if got := NewPrinter("es").Error(err); got != c.es {
			t.Errorf("%q:\n got %s\nwant %s", c.file, got, c.es)
		}
		if got := english.Error(err); got != err.Error() {
			t.Errorf("English %q, want %q", got, err.Error())
		}
	}
}
