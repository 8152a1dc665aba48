package main

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestBuildSpeaksSpanish checks that build speaks the environment's
// language, or -lang's: a broken front matter is reported in Spanish
// with its file and line, the note and the count too, and public/ is
// left as it was.
func TestBuildSpeaksSpanish(t *testing.T) {
	dir := copyProject(t)
	out := filepath.Join(dir, "public")
	if code, _, stderr := runSite(t, "build", "-src", dir, "-out", out); code != 0 {
		t.Fatalf("good build: exit %d\n%s", code, stderr)
	}
	before := readTree(t, out)
	page := filepath.Join(dir, "content", "es", "about.md")
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	// The title loses its closing quote; the error is on line 2.
	broken := strings.Replace(string(data), "\"\n", "\n", 1)
	if err := os.WriteFile(page, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		env  map[string]string
		args []string
		want []string
	}{
		{"LANG", map[string]string{"LANG": "es_MX.UTF-8"}, nil, []string{
			"site: error: content/es/about.md:2: metadatos: un texto entre comillas debe terminar en la misma línea en que empieza; agregue las comillas que lo cierran\n",
			"site: 1 problema; corríjalo y vuelva a ejecutar el comando\n",
			"site: la construcción del sitio falló; " + out + " no cambió\n",
		}},
		{"-lang es", map[string]string{"LANG": "en_US.UTF-8"}, []string{"-lang", "es"}, []string{
			"site: error: content/es/about.md:2: metadatos: un texto entre comillas",
		}},
		{"LANG=C", map[string]string{"LANG": "C"}, nil, []string{
			"site: error: content/es/about.md:2: front matter: text in quotes must end on the line it starts; add the closing quote\n",
			"site: 1 problem; fix it and run the command again\n",
			"site: build failed; " + out + " was not changed\n",
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			withEnv(t, c.env, func() {
				args := append([]string{"build", "-src", dir, "-out", out}, c.args...)
				code, _, stderr := runSite(t, args...)
				if code != 1 {
					t.Errorf("exit %d, want 1", code)
				}
				for _, w := range c.want {
					if !strings.Contains(stderr, w) {
						t.Errorf("stderr lacks %q:\n%s", w, stderr)
					}
				}
			})
		})
	}
	if after := readTree(t, out); len(after) != len(before) {
		t.Errorf("the failed builds changed public/: %d files, then %d", len(before), len(after))
	}
}

// TestCheckSpeaksSpanish checks that the operating system's errors are
// put in words, with the folder they are about, and warnings in Spanish.
func TestCheckSpeaksSpanish(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nowhere")
	withEnv(t, map[string]string{"LC_ALL": "es_AR.UTF-8"}, func() {
		code, _, stderr := runSite(t, "check", "-src", missing)
		want := "site: error: carpeta del proyecto " + missing + ": no existe ese archivo ni esa carpeta; ejecute el comando en la carpeta que contiene site.toml, o indíquela con -src\n"
		if code != 1 || stderr != want {
			t.Errorf("check -src %s: exit %d\n%s\nwant exit 1\n%s", missing, code, stderr, want)
		}
	})
}

// TestCheckSpeaksSpanishLinks checks that a broken link is reported in
// Spanish, at its file and line.
func TestCheckSpeaksSpanishLinks(t *testing.T) {
	dir := copyProject(t)
	page := filepath.Join(dir, "content", "es", "about.md")
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	// In the last paragraph, so that the page keeps its blocks.
	data = append(bytes.TrimRight(data, "\n"), " Vea [la otra página](/ninguna-parte/).\n"...)
	if err := os.WriteFile(page, data, 0o644); err != nil {
		t.Fatal(err)
	}
	line := strings.Count(string(data), "\n")
	withEnv(t, map[string]string{"LANG": "es_MX.UTF-8"}, func() {
		code, _, stderr := runSite(t, "check", "-src", dir)
		for _, want := range []string{
			fmt.Sprintf("site: error: content/es/about.md:%d: a href=", line),
			": no existe esa página ni ese archivo en el sitio construido (/ninguna-parte/) (en /es/acerca-de/)\n",
			"site: error: content/es/about.md: tiene 3 enlaces, pero su original content/en/about.md tiene 2; traduzca todo, sin agregar ni quitar nada\n",
		} {
			if code != 1 || !strings.Contains(stderr, want) {
				t.Errorf("exit %d, want 1; stderr lacks %q:\n%s", code, want, stderr)
			}
		}
	})
}

// TestBuildSpeaksSpanishWarnings checks a warning, the count line and an
// interface string's error in Spanish.
func TestBuildSpeaksSpanishWarnings(t *testing.T) {
	dir := t.TempDir()
	writeProject(t, dir, fixture)
	writeProject(t, dir, map[string]string{"content/es/report.md": page(`titel = "Informe"`, `title = "Informe"`, `slug = "informe"`)})
	out := filepath.Join(dir, "public")
	withEnv(t, map[string]string{"LANG": "es_MX.UTF-8"}, func() {
		code, stdout, stderr := runSite(t, "build", "-src", dir, "-out", out)
		want := "site: aviso: content/es/report.md:2: metadatos: clave desconocida \"titel\" (¿quiso decir \"title\"?)\n"
		if code != 0 || stderr != want || !strings.HasPrefix(stdout, "site: sitio construido: 4 páginas (en 2, es 2), ") {
			t.Errorf("exit %d, want 0\nstdout %q\nstderr %q\nwant   %q", code, stdout, stderr, want)
		}
		writeProject(t, dir, map[string]string{"locales/es.toml": "home = 3\n"})
		code, _, stderr = runSite(t, "build", "-src", dir, "-out", out)
		want = "site: error: locales/es.toml:1: mensaje \"home\": el texto debe ir entre comillas, como home = \"...\"\n"
		if code != 1 || !strings.Contains(stderr, want) {
			t.Errorf("exit %d, want 1\nstderr %q\nwant   %q...", code, stderr, want)
		}
	})
}

// TestBuildSpeaksSpanishContent checks the content tree's errors in
// Spanish, at their file and line: a slug, a URL, a file outside a
// language folder.
func TestBuildSpeaksSpanishContent(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		links map[string]string // name: target
		want  string
	}{
		{"slug with a slash", map[string]string{"content/es/report.md": page(`title = "Informe"`, `slug = "informe/final"`)}, nil,
			"site: error: content/es/report.md:3: metadatos: slug \"informe/final\": un slug es un solo segmento de la URL: sin barras, barras invertidas ni \"..\"; escríbalo como \"informe\"\n"},
		{"slug with a capital", map[string]string{"content/es/report.md": page(`title = "Informe"`, `slug = "Informe"`)}, nil,
			"site: error: content/es/report.md:3: metadatos: slug \"Informe\": use solo letras minúsculas, cifras y guiones, como \"informe-final\"\n"},
		{"file name with an accent", map[string]string{"content/en/acción.md": page(`title = "Action"`)}, nil,
			"site: error: content/en/acción.md:1: URL /en/acción/: segmento \"acción\": 'ó' no se permite en una URL; use letras minúsculas sin tildes, cifras y guiones, como \"informe-final\"; cambie el nombre del archivo o ponga un slug\n"},
		{"outside a language folder", map[string]string{"content/stray.md": page(`title = "Stray"`)}, nil,
			"site: error: content/stray.md: archivo Markdown fuera de la carpeta de un idioma; muévalo a content/en/\n"},
		{"language folder not in site.toml", map[string]string{"content/fr/report.md": page(`title = "Rapport"`)}, nil,
			": carpeta del idioma \"fr\", que site.toml no nombra; agregue [languages.fr] a site.toml o mueva la carpeta\n"},
		{"site.toml: unknown key", map[string]string{"site.toml": "titel = \"Test\"\n" + fixture["site.toml"]}, nil,
			"site: error: site.toml:1: clave desconocida \"titel\" (¿quiso decir \"title\"?)\n"},
		{"site.toml: baseURL", map[string]string{"site.toml": "baseURL = \"example.org\"\n" + fixture["site.toml"]}, nil,
			"site: error: site.toml:1: baseURL: \"example.org\" no es una URL http(s) absoluta como \"https://example.org/\"\n"},
		{"symbolic link to nothing", nil, map[string]string{"content/en/gone.md": "nowhere.md"},
			"site: error: content/en/gone.md: enlace simbólico a un archivo que no existe; corrija el enlace o quítelo\n"},
		{"slug of a file the build writes", map[string]string{"content/es/report.md": page(`title = "Informe"`, `slug = "index.html"`)}, nil,
			"site: error: content/es/report.md:3: metadatos: el slug \"index.html\" crea es/index.html/index.html, pero la construcción escribe el archivo es/index.html por su cuenta (la página de content/es/_index.md); elija otro slug\n"},
		{"invisible character", map[string]string{"content/es/report.md": page(`title = "Informe\u001b"`)}, nil,
			"site: error: content/es/report.md:2: metadatos: title contiene el carácter invisible U+001B (ESC, el inicio de los códigos de color de la terminal), que una página no debe publicar; bórrelo (el texto copiado de una terminal o de otro programa puede traer uno)\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeProject(t, dir, fixture)
			writeProject(t, dir, c.files)
			for name, target := range c.links {
				if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
					t.Skip(err)
				}
			}
			withEnv(t, map[string]string{"LANG": "es_MX.UTF-8"}, func() {
				code, _, stderr := runSite(t, "build", "-src", dir, "-out", filepath.Join(dir, "public"))
				if code != 1 || !strings.Contains(stderr, c.want) {
					t.Errorf("exit %d, want 1\nstderr %q\nwant   %q", code, stderr, c.want)
				}
			})
		})
	}
}

// TestBuildSpeaksSpanishOutput checks the output folder's errors and
// images.keep_metadata's in Spanish.
func TestBuildSpeaksSpanishOutput(t *testing.T) {
	dir := t.TempDir()
	writeProject(t, dir, fixture)
	out := filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	withEnv(t, map[string]string{"LANG": "es_MX.UTF-8"}, func() {
		code, _, stderr := runSite(t, "build", "-src", dir, "-out", out)
		want := "site: error: la carpeta de salida " + out + " tiene archivos que este generador no escribió, y una construcción reemplaza toda la carpeta; elija una carpeta vacía o nueva, o vacíela usted\n"
		if code != 1 || !strings.Contains(stderr, want) {
			t.Errorf("exit %d, want 1\nstderr %q\nwant   %q", code, stderr, want)
		}
		writeProject(t, dir, map[string]string{"site.toml": fixture["site.toml"] + "\n[images]\nkeep_metadata = [\"content/en/witness.jpg\"]\n"})
		code, _, stderr = runSite(t, "build", "-src", dir, "-out", filepath.Join(dir, "public"))
		want = "site: error: site.toml:12: images.keep_metadata: no hay ninguna imagen \"content/en/witness.jpg\"; indique un archivo de content/ o de assets/ desde la carpeta del proyecto, como \"content/en/scan.jpg\"\n"
		if code != 1 || !strings.Contains(stderr, want) {
			t.Errorf("exit %d, want 1\nstderr %q\nwant   %q", code, stderr, want)
		}
	})
}

// buildInSpanish builds the fixture project with files added, with LANG
// set to Spanish, and returns the exit code and what went to stderr.
func buildInSpanish(t *testing.T, files map[string]string, args ...string) (int, string) {
	t.Helper()
	dir := t.TempDir()
	writeProject(t, dir, fixture)
	writeProject(t, dir, files)
	var code int
	var stderr string
	withEnv(t, map[string]string{"LANG": "es_MX.UTF-8"}, func() {
		code, _, stderr = runSite(t, append([]string{"build", "-src", dir, "-out", filepath.Join(dir, "public")}, args...)...)
	})
	return code, stderr
}

// TestBuildSpeaksSpanishSyntax checks YAML front matter's syntax errors,
// and site.toml's and locales' TOML ones, in Spanish at their line.
func TestBuildSpeaksSpanishSyntax(t *testing.T) {
	yaml := func(lines ...string) string { return "---\n" + strings.Join(lines, "\n") + "\n---\n\nTexto.\n" }
	for _, c := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"YAML colon", map[string]string{"content/es/report.md": yaml("title: Informe", "description: Informe: resumen")},
			"site: error: content/es/report.md:3: metadatos: hay dos puntos (:) donde no van; si un valor tiene dos puntos, escríbalo entre comillas, como title: \"Informe: resumen\", y empiece cada clave al principio de la línea; revise el YAML en esta línea y las cercanas: comillas, dos puntos y sangría\n"},
		{"YAML key twice", map[string]string{"content/es/report.md": yaml("title: Informe", "title: Otro")},
			"site: error: content/es/report.md:3: metadatos: la clave \"title\" ya aparece en la línea 2; deje solo una; revise el YAML"},
		{"YAML tab", map[string]string{"content/es/report.md": yaml("title: Informe", "\tdescription: x")},
			"site: error: content/es/report.md:3: metadatos: hay un tabulador en la sangría; use espacios; revise el YAML"},
		{"YAML list", map[string]string{"content/es/report.md": yaml("- Informe")},
			"site: error: content/es/report.md:2: metadatos: los metadatos deben ser líneas de clave: valor; revise el YAML"},
		{"YAML parser's own words", map[string]string{"content/es/report.md": yaml("title: *informe")},
			"site: error: content/es/report.md:1: metadatos: el lector de YAML dice: unknown anchor 'informe' referenced; revise el YAML"},
		{"site.toml: open quotes", map[string]string{"site.toml": "title = \"Test\n" + fixture["site.toml"]},
			"site: error: site.toml:1: un texto entre comillas debe terminar en la misma línea en que empieza; agregue las comillas que lo cierran\n"},
		{"site.toml: table name", map[string]string{"site.toml": fixture["site.toml"] + "\n[languages.fr\n"},
			"site: error: site.toml:12: el nombre de una tabla debe terminar con ], como [languages.es]\n"},
		{"site.toml: wrong kind", map[string]string{"site.toml": "[markdown]\nunsafe = \"yes\"\n" + fixture["site.toml"]},
			"site: error: site.toml:2: markdown.unsafe: se esperaba true (sí) o false (no), pero el valor es de otro tipo\n"},
		{"locales: open quotes", map[string]string{"locales/es.toml": "home = \"Inicio\n"},
			"site: error: locales/es.toml:1: un texto entre comillas debe terminar en la misma línea en que empieza; agregue las comillas que lo cierran\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if code, stderr := buildInSpanish(t, c.files); code != 1 || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, want 1\nstderr %q\nwant   %q", code, stderr, c.want)
			}
		})
	}
}

// TestBuildSpeaksSpanishLayouts checks a broken layout, a layout or
// share image a page names, and an interface string's plural forms and
// placeholders in Spanish at their line.
func TestBuildSpeaksSpanishLayouts(t *testing.T) {
	const pageLayout = "{{template \"base\" .}}\n{{define \"main\"}}"
	for _, c := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"syntax", map[string]string{"layouts/page.html": pageLayout + "\n{{if}}\n{{end}}\n"},
			"site: error: layouts/page.html:3: falta el valor de if; las acciones se escriben {{...}}, y cada if, range, with, define y block termina con {{end}}\n"},
		{"no such field", map[string]string{"layouts/base.html": "{{define \"base\"}}<!doctype html>\n<title>{{.Titel}}</title>\n{{end}}\n"},
			"site: error: layouts/base.html:2: {{.Titel}}: una página no tiene ningún campo ni método Titel; revise cómo está escrito, comparándolo con PageView en internal/render/view.go (al construir content/en/_index.md y otras 3 páginas)\n"},
		{"no such asset", map[string]string{"layouts/page.html": pageLayout + "\n<link rel=stylesheet href=\"{{(.Asset \"css/missing.css\").URL}}\">\n{{end}}\n"},
			"site: error: layouts/page.html:3: {{.Asset}}: no existe el recurso \"css/missing.css\" en assets/; agregue assets/css/missing.css o corrija el nombre (al construir content/en/report.md y otra página)\n"},
		{"no such message", map[string]string{"layouts/page.html": pageLayout + "<p>{{T \"nohay\"}}</p>{{end}}\n"},
			"site: error: layouts/page.html:2: {{T \"nohay\"}}: T: no existe el mensaje \"nohay\" en locales/en.toml; agréguelo ahí (al construir content/en/report.md y otra página)\n"},
		{"T with too many arguments", map[string]string{"layouts/page.html": pageLayout + "<p>{{T \"home\" 1 2}}</p>{{end}}\n"},
			"site: error: layouts/page.html:2: {{T \"home\" 1 2}}: T \"home\": demasiados argumentos (al construir content/en/report.md y otra página)\n"},
		{"no such template", map[string]string{"layouts/page.html": pageLayout + "<p>{{template \"nada\" .}}</p>{{end}}\n"},
			"site: error: layouts/page.html:2: no existe la plantilla \"nada\"; defínala con {{define \"nada\"}} o corrija el nombre (al construir content/en/report.md y otra página)\n"},
		{"layout a page names", map[string]string{"content/es/report.md": page(`title = "Informe"`, `layout = "wide"`)},
			"site: error: content/es/report.md:3: metadatos: layout \"wide\": no existe layouts/wide.html; use una de las plantillas (home, page), o agregue el archivo\n"},
		{"share image a page names", map[string]string{"content/es/report.md": page(`title = "Informe"`, `share_image = "x.png"`)},
			"site: error: content/es/report.md:3: metadatos: share_image \"x.png\": no existe el archivo assets/x.png; guarde la imagen en assets/, o corrija el nombre\n"},
		{"plural form missing", map[string]string{"locales/es.toml": "home = \"Inicio\"\n\n[pages]\none = \"{{.Count}} página\"\nother = \"{{.Count}} páginas\"\n"},
			"site: error: locales/es.toml:3: mensaje \"pages\": falta la forma de plural \"many\"; el idioma \"es\" necesita one, many, other\n"},
		{"unknown placeholder", map[string]string{"locales/es.toml": "home = \"Inicio\"\n\n[pages]\none = \"{{.Count}} página\"\nmany = \"{{.Count}} de páginas\"\nother = \"{{.Cuenta}} páginas\"\n"},
			"site: error: locales/es.toml:3: mensaje \"pages\": forma de plural \"other\": marcador desconocido {{.Cuenta}}; este texto solo puede usar {{.Count}}, escritos como en el original\n"},
		{"unclosed placeholder", map[string]string{"locales/es.toml": "home = \"Inicio\"\n\n[pages]\none = \"{{.Count}} página\"\nmany = \"{{.Count}} de páginas\"\nother = \"{{.Count páginas\"\n"},
			"site: error: locales/es.toml:3: mensaje \"pages\": forma de plural \"other\": marcador mal escrito: hay un {{ sin su }}; escriba los marcadores como en el original, por ejemplo {{.Count}}\n"},
		{"unknown key in a message table", map[string]string{"locales/es.toml": "home = \"Inicio\"\n\n[pages]\none = \"{{.Count}} página\"\nmany = \"{{.Count}} de páginas\"\nother = \"{{.Count}} páginas\"\notro = \"x\"\n"},
			"site: error: locales/es.toml:3: mensaje \"pages\": clave desconocida \"otro\"; una tabla de mensaje tiene las formas de plural zero, one, two, few, many, other, y description\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if code, stderr := buildInSpanish(t, c.files); code != 1 || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, want 1\nstderr %q\nwant   %q", code, stderr, c.want)
			}
		})
	}
}

// TestBuildSpeaksSpanishImages checks an image's problems in Spanish: a
// broken or misnamed image, one that is not there, a refused SVG, at
// the image file's line and at the page's.
func TestBuildSpeaksSpanishImages(t *testing.T) {
	good := pngFile(t)
	md := func(img string) string { return page(`title = "Informe"`) + "\n![un mapa](" + img + ")\n" }
	const svgOpen = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">\n"
	for _, c := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"broken", map[string]string{"content/es/report.md": md("mapa.png"), "content/es/mapa.png": good[:40]}, []string{
			"site: aviso: content/es/mapa.png: no se puede decodificar como imagen PNG (el decodificador dice: unexpected EOF); expórtela de nuevo\n",
			"site: error: content/es/report.md:7: imagen \"mapa.png\": content/es/mapa.png: no se puede decodificar como imagen PNG (el decodificador dice: unexpected EOF); expórtela de nuevo\n",
		}},
		{"misnamed", map[string]string{"content/es/report.md": md("mapa.jpg"), "content/es/mapa.jpg": good}, []string{
			"site: error: content/es/report.md:7: imagen \"mapa.jpg\": content/es/mapa.jpg: tiene nombre de imagen JPEG, pero es una imagen PNG; cámbiele el nombre a mapa.png\n",
		}},
		{"not there", map[string]string{"content/es/report.md": md("nada.png")}, []string{
			"site: error: content/es/report.md:7: imagen \"nada.png\": no existe el archivo content/es/nada.png; revise el nombre, y guarde la imagen junto a la página o en assets/\n",
		}},
		{"SVG with a script", map[string]string{"content/es/report.md": md("mapa.svg"), "content/es/mapa.svg": svgOpen + "<script>alert(1)</script></svg>"}, []string{
			"site: aviso: content/es/mapa.svg:2: no se puede publicar: tiene <script>: un script ejecuta código en el navegador del lector; quítelo y exporte el dibujo de nuevo\n",
			"site: error: content/es/report.md:7: imagen \"mapa.svg\": content/es/mapa.svg: no se puede publicar: en la línea 2, tiene <script>: un script ejecuta código en el navegador del lector; quítelo y exporte el dibujo de nuevo\n",
		}},
		{"SVG style", map[string]string{"content/es/report.md": md("mapa.svg"), "content/es/mapa.svg": svgOpen + "<rect style=\"fill:url(https://x.org/a.png)\"/></svg>"}, []string{
			"site: aviso: content/es/mapa.svg:2: no se puede publicar: tiene style=\"fill:url(https://x.org/a.png)\" en <rect>: url() solo puede nombrar una parte del propio dibujo, como url(#id); quite la referencia al otro archivo\n",
		}},
		{"asset SVG", map[string]string{"assets/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" onload=\"x()\"></svg>"}, []string{
			"site: error: assets/logo.svg:1: tiene el manejador de eventos onload= en <svg>: ejecuta código en el navegador del lector; quítelo\n",
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, stderr := buildInSpanish(t, c.files)
			for _, w := range c.want {
				if code != 1 || !strings.Contains(stderr, w) {
					t.Errorf("exit %d, want 1\nstderr %q\nwant   %q", code, stderr, w)
				}
			}
		})
	}
}

// TestBuildSpeaksSpanishStage checks that an output folder that cannot
// be made is said in Spanish, with the system's reason put in words.
func TestBuildSpeaksSpanishStage(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("needs /proc, where no folder can be made")
	}
	code, stderr := buildInSpanish(t, nil, "-out", "/proc/nowhere/public")
	want := "site: error: carpeta de salida: no se puede crear la carpeta /proc/nowhere: no existe ese archivo ni esa carpeta\n"
	if code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, want 1\nstderr %q\nwant   %q", code, stderr, want)
	}
}

// TestHelpSpeaksSpanish checks build's, check's and serve's help in
// Spanish, from the environment or -lang, and in English otherwise.
func TestHelpSpeaksSpanish(t *testing.T) {
	for _, c := range []struct {
		env  string
		args []string
		want []string
	}{
		{"es_MX.UTF-8", []string{"build", "-h"}, []string{
			"Uso: site build [opciones]\n\nBuild construye todo el sitio en la carpeta de salida.",
			"\nOpciones:\n",
			"  -out carpeta\n    \tcarpeta de salida (predeterminada: public/ en la carpeta del proyecto); solo se reemplaza una carpeta que site haya construido antes\n",
			"  -src carpeta\n    \tcarpeta del proyecto, que contiene site.toml, content/, layouts/, locales/ y assets/ (predeterminado: \".\")\n",
		}},
		{"C", []string{"check", "-lang", "es", "-h"}, []string{
			"Uso: site check [opciones]\n\nCheck construye el sitio en memoria y lo revisa:",
			"  -drafts\n    \tincluye las páginas marcadas draft = true (borradores)\n",
		}},
		{"es_AR.UTF-8", []string{"serve", "-h"}, []string{
			"Uso: site serve [opciones]\n",
			"  -addr dirección\n    \tdirección en la que se sirve; déjela en 127.0.0.1 salvo que otras personas deban ver la vista previa (predeterminado: \"127.0.0.1:1313\")\n",
			"como vscode://file/{file}:{line} ({file} es la ruta absoluta,",
		}},
		// -lang after -h: the flag package shows the help when it
		// reads -h, before it reads -lang.
		{"C", []string{"build", "-h", "-lang", "es"}, []string{
			"Uso: site build [opciones]\n\nBuild construye todo el sitio en la carpeta de salida.",
		}},
		{"C", []string{"status", "-h", "-src", ".", "--lang=es"}, []string{"Uso: site status [opciones]"}},
		{"C", []string{"po", "-h", "-lang", "es"}, []string{"Uso: site po"}},
		{"C", []string{"stamp", "-h", "-lang", "es"}, []string{"Uso: site stamp"}},
		{"es_MX.UTF-8", []string{"build", "-h", "-lang", "en"}, []string{"Usage: site build [flags]"}},
		{"C", []string{"build", "-h"}, []string{
			"Usage: site build [flags]\n\nBuild builds the whole site into the output folder.",
			"  -out folder\n    \toutput folder (default: public/ in the project folder); only a folder that site built before is replaced\n",
		}},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			withEnv(t, map[string]string{"LANG": c.env}, func() {
				code, _, stderr := runSite(t, c.args...)
				for _, w := range c.want {
					if code != 0 || !strings.Contains(stderr, w) {
						t.Errorf("exit %d, want 0; stderr lacks %q:\n%s", code, w, stderr)
					}
				}
			})
		})
	}
}

// pngFile is a small PNG image.
func pngFile(t *testing.T) string {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestBuildSpeaksSpanishMarkdown checks a page's Markdown problems and
// a missing interface string in Spanish: warnings, which do not stop
// the build, and errors.
func TestBuildSpeaksSpanishMarkdown(t *testing.T) {
	body := func(text string) string { return page(`title = "Informe"`) + "\n" + text + "\n" }
	for _, c := range []struct {
		name  string
		files map[string]string
		code  int
		want  string
	}{
		{"missing string", map[string]string{"locales/es.toml": "[pages]\none = \"{{.Count}} página\"\nmany = \"{{.Count}} de páginas\"\nother = \"{{.Count}} páginas\"\n"}, 0,
			"site: aviso: locales/es.toml: MISSING_TRANSLATION|es|home: no existe el mensaje \"home\"; se usa el texto en en de locales/en.toml:1 hasta que se traduzca aquí\n"},
		{"no alt text", map[string]string{"content/es/report.md": body("![](mapa.png)"), "content/es/mapa.png": pngFile(t)}, 0,
			"site: aviso: content/es/report.md:7: la imagen mapa.png no tiene texto alternativo, así que quien no puede verla no sabe nada de ella; describa lo que muestra entre los corchetes: ![lo que muestra](mapa.png)\n"},
		{"link to no page", map[string]string{"content/es/report.md": body("Vea [esto](nada.md).")}, 1,
			"site: error: content/es/report.md:7: enlace \"nada.md\": no existe la página content/es/nada.md\n"},
		{"title the share images' fonts cannot draw", map[string]string{"content/es/report.md": page(`title = "Informe 🙂"`)}, 0,
			"site: aviso: content/es/report.md:2: imagen para compartir: el título tiene caracteres que las fuentes de esas imágenes no pueden dibujar (🙂), así que las vistas previas de enlaces muestran la página sin imagen; para tener una, ponga en share_image una imagen suya de assets/\n"},
		{"image on another site", map[string]string{"content/es/report.md": body("![un mapa](https://example.org/a.png)")}, 1,
			"site: error: content/es/report.md:7: la imagen \"https://example.org/a.png\" está en otro sitio, que sabría quién lee la página; descargue el archivo, guárdelo junto a la página como content/es/a.png y escriba el nombre del archivo: ![lo que muestra](a.png)\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if code, stderr := buildInSpanish(t, c.files); code != c.code || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, want %d\nstderr %q\nwant   %q", code, c.code, stderr, c.want)
			}
		})
	}
}

// TestUsageSpeaksSpanish checks the list of commands, an unknown
// command, an argument a command does not take and an unknown -lang in
// Spanish.
func TestUsageSpeaksSpanish(t *testing.T) {
	withEnv(t, map[string]string{"LANG": "es_MX.UTF-8"}, func() {
		code, stdout, _ := runSite(t, "help")
		for _, want := range []string{"Uso:\n\n\tsite <comando> [opciones]\n\nComandos:\n\n", "\tbuild    construye el sitio en public/\n",
			"\nEjecute \"site help <comando>\" o \"site <comando> -h\" para ver las opciones de un comando.\n"} {
			if code != 0 || !strings.Contains(stdout, want) {
				t.Errorf("help: exit %d; stdout lacks %q:\n%s", code, want, stdout)
			}
		}
		for _, c := range []struct {
			args []string
			want string
		}{
			{[]string{"bild"}, "site: error: comando desconocido \"bild\"\nsite: sugerencia: ejecute \"site help\" para ver la lista de comandos\n"},
			{[]string{"build", "extra"}, "site build no recibe argumentos, solo opciones; recibió \"extra\"\nUso: site build [opciones]\n"},
			{[]string{"serve", "-lang", "fr"}, "site serve: -lang \"fr\": indique en o es\nUso: site serve [opciones]\n"},
		} {
			if code, _, stderr := runSite(t, c.args...); code != 2 || !strings.HasPrefix(stderr, c.want) {
				t.Errorf("%v: exit %d, want 2\nstderr %q\nwant   %q...", c.args, code, stderr, c.want)
			}
		}
	})
}
