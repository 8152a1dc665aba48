package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixture is a small, valid two-language project. Each bad-input case
// changes a few of its files.
var fixture = map[string]string{
	"site.toml": "title = \"Test\"\n\n[languages.en]\nname = \"English\"\nweight = 1\n\n[languages.es]\nname = \"Español\"\nweight = 2\n",
	"layouts/base.html": `{{define "base"}}<!doctype html>
<html lang="{{.Lang}}">
<title>{{.Title}}</title>
<main>{{block "main" .}}{{end}}</main>
</html>{{end}}
`,
	"layouts/home.html":    "{{template \"base\" .}}\n{{define \"main\"}}<h1>{{.Title}}</h1>\n{{.Content}}\n{{end}}\n",
	"layouts/page.html":    "{{template \"base\" .}}\n{{define \"main\"}}<h1>{{.Title}}</h1>\n<p>{{T \"home\"}}</p>\n{{.Content}}\n{{end}}\n",
	"locales/en.toml":      "home = \"Home\"\n\n[pages]\none = \"{{.Count}} page\"\nother = \"{{.Count}} pages\"\n",
	"locales/es.toml":      "home = \"Inicio\"\n\n[pages]\none = \"{{.Count}} página\"\nmany = \"{{.Count}} de páginas\"\nother = \"{{.Count}} páginas\"\n",
	"assets/site.css":      "body { margin: 0 }\n",
	"content/en/_index.md": "+++\ntitle = \"Home\"\n+++\nWelcome.\n",
	"content/es/_index.md": "+++\ntitle = \"Inicio\"\n+++\nBienvenida.\n",
	"content/en/report.md": "+++\ntitle = \"Report\"\n+++\n\nText.\n",
	"content/es/report.md": "+++\ntitle = \"Informe\"\nslug = \"informe\"\n+++\n\nTexto.\n",
}

// writeProject writes files under dir; a file whose content is "" is
// removed instead.
func writeProject(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if data == "" {
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// page returns a Markdown file with TOML front matter lines fm.
func page(fm ...string) string {
	return "+++\n" + strings.Join(fm, "\n") + "\n+++\n\nText.\n"
}

// symlink returns a setup that links name to target.
func symlink(target, name string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		_ = os.Remove(p)
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
}

const failed = "site: build failed; DIR/public was not changed\n"

// TestBadInput is the catalogue of mistakes a contributor can make. Each
// case changes the fixture after a good build, then builds again through
// the command: it must exit 1 with exactly the messages given, each naming
// the file (and line) and how to fix it, and leave public/ as it was; or,
// where the input is odd but fine (code 0), build with the warnings given.
func TestBadInput(t *testing.T) {
	for _, tc := range []struct {
		name   string
		files  map[string]string
		setup  func(t *testing.T, dir string)
		code   int
		stderr string // exact; DIR is the project folder
	}{
		{
			name:  "unterminated TOML front matter",
			files: map[string]string{"content/en/report.md": "+++\ntitle = \"Report\"\n\nText.\n"},
			code:  1,
			stderr: "site: error: content/en/report.md:1: front matter: no closing +++ line; end the front matter with a line that holds only +++\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "unterminated YAML front matter",
			files: map[string]string{"content/en/report.md": "---\ntitle: Report\n\nText.\n"},
			code:  1,
			stderr: "site: error: content/en/report.md:1: front matter: no closing --- line; end the front matter with a line that holds only ---\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "TOML string without closing quote",
			files: map[string]string{"content/en/report.md": page(`title = "Report`, "weight = 2")},
			code:  1,
			stderr: "site: error: content/en/report.md:2: front matter: text in quotes must end on the line it starts; add the closing quote\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "TOML key without value",
			files: map[string]string{"content/en/report.md": page(`title = "Report"`, "weight =")},
			code:  1,
			stderr: "site: error: content/en/report.md:3: front matter: no value after =; write key = \"text\", a number, true or false, or a date\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "TOML text without quotes",
			files: map[string]string{"content/en/report.md": page("title = Report")},
			code:  1,
			stderr: "site: error: content/en/report.md:2: front matter: text must be in quotes, like title = \"Report\"\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "TOML key set twice",
			files: map[string]string{"content/en/report.md": page(`title = "Report"`, `title = "Other"`)},
			code:  1,
			stderr: "site: error: content/en/report.md:3: front matter: key \"title\" is set twice; keep one of them\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "malformed YAML",
			files: map[string]string{"content/en/report.md": "---\ntitle: Report\n  weight: 2\n---\n"},
			code:  1,
			stderr: "site: error: content/en/report.md:3: front matter: mapping values are not allowed in this context; check the YAML around this line: quotes, colons and indentation\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "YAML list instead of keys",
			files: map[string]string{"content/en/report.md": "---\n- title\n- Report\n---\n"},
			code:  1,
			stderr: "site: error: content/en/report.md:2: front matter: front matter must be lines of key: value; check the YAML around this line: quotes, colons and indentation\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "date of the wrong type",
			files: map[string]string{"content/en/report.md": page(`title = "Report"`, `date = "yesterday"`)},
			code:  1,
			stderr: "site: error: content/en/report.md:3: front matter: date: want a date like 2025-06-01, or a month in quotes like \"2025-06\", got \"yesterday\"\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "a month written without quotes",
			files: map[string]string{"content/en/report.md": page(`title = "Report"`, `date = 2025-06`)},
			code:  1,
			stderr: "site: error: content/en/report.md:3: front matter: not a date; write a day like 2025-06-01, or a month in quotes like \"2025-06\"\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "lastmod that is not a date",
			files: map[string]string{"content/es/report.md": page(`title = "Informe"`, `slug = "informe"`, `lastmod = "junio de 2025"`)},
			code:  1,
			stderr: "site: error: content/es/report.md:4: front matter: lastmod: want a date like 2025-06-01, or a month in quotes like \"2025-06\", got \"junio de 2025\"\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "numbered page without the paragraph links' name",
			files: map[string]string{"content/en/report.md": page(`title = "Report"`, `numbered = true`), "content/es/report.md": page(`title = "Informe"`, `slug = "informe"`, `numbered = true`)},
			code:  1,
			stderr: "site: error: locales/en.toml: no message paragraph_label, which names each numbered paragraph's link for screen readers; add a line like paragraph_label = \"Paragraph {{.Number}}\"\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "YAML weight of the wrong type",
			files: map[string]string{"content/en/report.md": "---\ntitle: Report\nweight: heavy\n---\n"},
			code:  1,
			stderr: "site: error: content/en/report.md:3: front matter: weight: want a whole number, got \"heavy\"\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "unknown front matter keys",
			files: map[string]string{"content/en/report.md": page(`title = "Report"`, `titel = "x"`, `colour = "red"`)},
			code:  0,
			stderr: "site: warning: content/en/report.md:3: front matter: unknown key \"titel\" (did you mean \"title\"?)\n" +
				"site: warning: content/en/report.md:4: front matter: unknown key \"colour\"; put your own values under [params]\n",
		},
		{
			name:  "two pages with one URL",
			files: map[string]string{"content/en/report2.md": page(`title = "Report 2"`, `slug = "report"`)},
			code:  1,
			stderr: "site: error: content/en/report2.md:3: has the same URL /en/report/ as content/en/report.md; give one of them another slug\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "slug with ..",
			files: map[string]string{"content/en/report.md": page(`title = "Report"`, `slug = ".."`)},
			code:  1,
			stderr: "site: error: content/en/report.md:3: front matter: slug \"..\": a slug is one URL segment: no slashes, backslashes or \"..\"; write it like \"informe\"\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "slug with a slash",
			files: map[string]string{"content/es/report.md": page(`title = "Informe"`, `slug = "informe/final"`)},
			code:  1,
			stderr: "site: error: content/es/report.md:3: front matter: slug \"informe/final\": a slug is one URL segment: no slashes, backslashes or \"..\"; write it like \"informe\"\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "slug with a backslash",
			files: map[string]string{"content/en/report.md": page(`title = "Report"`, `slug = '..\x'`)},
			code:  1,
			stderr: "site: error: content/en/report.md:3: front matter: slug \"..\\\\x\": a slug is one URL segment: no slashes, backslashes or \"..\"; write it like \"informe\"\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "slug that is an absolute path",
			files: map[string]string{"content/en/report.md": page(`title = "Report"`, `slug = "/etc/passwd"`)},
			code:  1,
			stderr: "site: error: content/en/report.md:3: front matter: slug \"/etc/passwd\": a slug is one URL segment: no slashes, backslashes or \"..\"; write it like \"informe\"\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "Markdown outside a language folder",
			files: map[string]string{"content/notes.md": page(`title = "Notes"`)},
			code:  1,
			stderr: "site: error: content/notes.md: Markdown file outside a language folder; move it into content/en/\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "language folder site.toml does not name",
			files: map[string]string{"content/fr/report.md": page(`title = "Rapport"`)},
			code:  1,
			stderr: "site: error: content/fr: folder for language \"fr\", which site.toml does not name; add [languages.fr] to site.toml or move the folder\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "invalid locale TOML",
			files: map[string]string{"locales/es.toml": "home = \"Inicio\n"},
			code:  1,
			stderr: "site: error: locales/es.toml:1: strings cannot contain newlines; write each message as id = \"text in quotes\", or as a [id] table of plural forms\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "locale message that is not text",
			files: map[string]string{"locales/es.toml": "home = \"Inicio\"\npages = 3\n"},
			code:  1,
			stderr: "site: error: locales/es.toml:2: message \"pages\": want text in quotes, like pages = \"...\"\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "plural form the language does not have",
			files: map[string]string{"locales/en.toml": "home = \"Home\"\n\n[pages]\none = \"{{.Count}} page\"\nmany = \"{{.Count}} pages\"\nother = \"{{.Count}} pages\"\n"},
			code:  1,
			stderr: "site: error: locales/en.toml:3: message \"pages\": plural form \"many\" is not used in language \"en\", which has one, other; remove it\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "plural form the language needs",
			files: map[string]string{"locales/es.toml": "home = \"Inicio\"\n\n[pages]\none = \"{{.Count}} página\"\nother = \"{{.Count}} páginas\"\n"},
			code:  1,
			stderr: "site: error: locales/es.toml:3: message \"pages\": plural form \"many\" is missing; language \"es\" needs one, many, other\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "unclosed placeholder in an interface string",
			files: map[string]string{"locales/es.toml": "home = \"Inicio\"\n\n[pages]\none = \"{{.Count}} página\"\nmany = \"{{.Count}} de páginas\"\nother = \"{{.Count páginas\"\n"},
			code:  1,
			stderr: "site: error: locales/es.toml:3: message \"pages\": plural form \"other\": placeholder syntax: unclosed action: a {{ without its }}; write placeholders as in the original, like {{.Count}}\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "misspelt placeholder in an interface string",
			files: map[string]string{"locales/es.toml": "home = \"Inicio\"\n\n[pages]\none = \"{{.Count}} página\"\nmany = \"{{.Count}} de páginas\"\nother = \"{{.Cuenta}} páginas\"\n"},
			code:  1,
			stderr: "site: error: locales/es.toml:3: message \"pages\": plural form \"other\": unknown placeholder {{.Cuenta}}; this text can use only {{.Count}}, spelled as in the original\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "template parse error",
			files: map[string]string{"layouts/page.html": "{{template \"base\" .}}\n{{define \"main\"}}\n{{if}}\n{{end}}\n"},
			code:  1,
			stderr: "site: error: layouts/page.html:3: missing value for if; actions are written {{...}}, and each if, range, with, define and block ends with {{end}}\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "template execution error",
			files: map[string]string{"layouts/base.html": "{{define \"base\"}}<!doctype html>\n<title>{{.Titel}}</title>\n{{end}}\n"},
			code:  1,
			stderr: "site: error: layouts/base.html:2: {{.Titel}}: a page has no field or method Titel; check the spelling against PageView in internal/render/view.go (rendering content/en/_index.md and 3 other pages)\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "missing layout",
			files: map[string]string{"content/en/report.md": page(`title = "Report"`, `layout = "wide"`)},
			code:  1,
			stderr: "site: error: content/en/report.md:3: front matter: layout \"wide\": there is no layouts/wide.html; use one of the layouts (home, page), or add the file\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "template that references a missing asset",
			files: map[string]string{"layouts/page.html": "{{template \"base\" .}}\n{{define \"main\"}}\n<link rel=stylesheet href=\"{{(.Asset \"css/missing.css\").URL}}\">\n{{end}}\n"},
			code:  1,
			stderr: "site: error: layouts/page.html:3: {{.Asset}}: no asset \"css/missing.css\" in assets/; add assets/css/missing.css or fix the name (rendering content/en/report.md and 1 other page)\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "invalid UTF-8",
			files: map[string]string{"content/en/report.md": "+++\ntitle = \"Report\"\n+++\n\nabc\xff\n"},
			code:  1,
			stderr: "site: error: content/en/report.md:5: not valid UTF-8 text; save the file with UTF-8 encoding\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:   "byte-order mark and CRLF line endings",
			files:  map[string]string{"content/en/report.md": "\xef\xbb\xbf+++\r\ntitle = \"Report\"\r\ntitel = \"x\"\r\n+++\r\n\r\nText.\r\n"},
			code:   0,
			stderr: "site: warning: content/en/report.md:3: front matter: unknown key \"titel\" (did you mean \"title\"?)\n",
		},
		{
			name:   "empty Markdown file",
			files:  map[string]string{"content/en/report.md": "\n"},
			code:   0,
			stderr: "site: warning: content/en/report.md: empty file; it makes a page without title or text; write them, or delete the file\n",
		},
		{
			name:  "symbolic link loop",
			setup: symlink("loop.md", "content/en/loop.md"),
			code:  1,
			stderr: "site: error: content/en/loop.md: symbolic links that lead in a circle; replace the link with the file itself\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "symbolic link out of the project",
			setup: symlink("../../../outside.md", "content/en/outside.md"),
			code:  1,
			stderr: "site: error: content/en/outside.md: symbolic link to a file outside the project, which the build does not read; copy the file into the project instead\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "layout linked to a file out of the project",
			setup: symlink("/etc/hostname", "layouts/page.html"),
			code:  1,
			stderr: "site: error: layouts/page.html: symbolic link to a file outside the project, which the build does not read; copy the file into the project instead\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "symbolic link to nothing",
			setup: symlink("nothing.md", "content/en/gone.md"),
			code:  1,
			stderr: "site: error: content/en/gone.md: symbolic link to a file that does not exist; fix the link or remove it\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "symbolic link to a folder",
			setup: symlink("../es", "content/en/es"),
			code:  1,
			stderr: "site: error: content/en/es: symbolic link to a folder; folders are not followed, so copy or move the folder here instead\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		// Issue 21, hostile and careless inputs (remote images, outputs
		// that collide, control characters, refusals at the content's
		// line, stray PO files): one block, to ease merges.
		{
			name:  "image of another site",
			files: map[string]string{"content/en/report.md": page(`title = "Report"`) + "\n![a tracking pixel](https://evil.example/t.png)\n"},
			code:  1,
			stderr: "site: error: content/en/report.md:7: image \"https://evil.example/t.png\" is on another site, which would learn who reads the page; download the file, save it beside the page as content/en/t.png and write its file name: ![what it shows](t.png)\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "control characters in a title",
			files: map[string]string{"content/en/report.md": page(`title = "\u001b[31mReport\u0007"`)},
			code:  1,
			stderr: "site: error: content/en/report.md:2: front matter: title holds the invisible character U+001B (ESC, the start of terminal colour codes), which a page must not publish; delete it (text copied from a terminal or another program can bring one in)\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "right-to-left override in a title",
			files: map[string]string{"content/es/report.md": page("title = \"Informe \u202efdp.exe\"", `slug = "informe"`)},
			code:  1,
			stderr: "site: error: content/es/report.md:2: front matter: title holds the invisible character U+202E (right-to-left override), which reorders the text that readers see; delete it (right-to-left text needs no such character in a title)\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "control character in an interface string",
			files: map[string]string{"locales/es.toml": "home = \"Inicio\\u009b\"\n\n[pages]\none = \"{{.Count}} página\"\nmany = \"{{.Count}} de páginas\"\nother = \"{{.Count}} páginas\"\n"},
			code:  1,
			stderr: "site: error: locales/es.toml:1: message \"home\" holds the invisible character U+009B (a control character), which a page must not publish; delete it (text copied from a terminal or another program can bring one in)\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "layout outside layouts/",
			files: map[string]string{"content/en/report.md": page(`title = "Report"`, `layout = "../../x"`)},
			code:  1,
			stderr: "site: error: content/en/report.md:3: front matter: layout \"../../x\": a layout is named by its file in layouts/ without .html, like \"page\" for layouts/page.html; the layouts are: home, page\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "layout written with .html",
			files: map[string]string{"content/es/report.md": page(`title = "Informe"`, `slug = "informe"`, `layout = "page.html"`)},
			code:  1,
			stderr: "site: error: content/es/report.md:4: front matter: layout \"page.html\": write the layout's name without .html: layout = \"page\"\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "share image outside assets/",
			files: map[string]string{"content/en/report.md": page(`title = "Report"`, `share_image = "../../etc/passwd"`)},
			code:  1,
			stderr: "site: error: content/en/report.md:3: front matter: share_image \"../../etc/passwd\": name a file in assets/, like \"img/share.png\" for assets/img/share.png\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "share image that does not exist",
			files: map[string]string{"content/es/report.md": page(`title = "Informe"`, `slug = "informe"`, `share_image = "/assets/img/compartir.png"`)},
			code:  1,
			stderr: "site: error: content/es/report.md:4: front matter: share_image \"/assets/img/compartir.png\": there is no file assets/img/compartir.png; save the image in assets/, or fix the name\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "share image that is not an image",
			files: map[string]string{"content/en/report.md": page(`title = "Report"`, `share_image = "site.css"`)},
			code:  1,
			stderr: "site: error: content/en/report.md:3: front matter: share_image \"site.css\": assets/site.css is not a PNG, JPEG, GIF or WebP image, which link previews show; save it in one of those formats\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "image linked to a file out of the project",
			files: map[string]string{"content/en/report.md": page(`title = "Report"`) + "\n![a map](map.png)\n"},
			setup: symlink("/etc/hostname", "content/en/map.png"),
			code:  1,
			stderr: "site: warning: content/en/map.png: cannot be read: symbolic link to a file outside the project, which the build does not read; copy the file into the project instead\n" +
				"site: error: content/en/report.md:7: image \"map.png\": content/en/map.png cannot be read: symbolic link to a file outside the project, which the build does not read; copy the file into the project instead\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "slug of a file the build writes",
			files: map[string]string{"content/es/report.md": page(`title = "Informe"`, `slug = "index.html"`)},
			code:  1,
			stderr: "site: error: content/es/report.md:3: front matter: slug \"index.html\" makes es/index.html/index.html, but the build writes the file es/index.html itself (the page of content/es/_index.md); choose another slug\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "file name with a space",
			files: map[string]string{"content/en/my report.md": page(`title = "My report"`)},
			code:  1,
			stderr: "site: error: content/en/my report.md:1: URL /en/my report/: segment \"my report\": ' ' is not allowed in a URL; use lower-case letters without accents, digits and hyphens, like \"informe-final\"; rename the file or set a slug\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "file name with a space that only the translation's stand-in uses",
			files: map[string]string{"content/en/my report.md": page(`title = "My report"`, `slug = "my-report"`)},
			code:  1,
			stderr: "site: error: content/en/my report.md:1: URL /es/my report/, which the page has in language \"es\" until it is translated: segment \"my report\": ' ' is not allowed in a URL; use lower-case letters without accents, digits and hyphens, like \"informe-final\"; rename the file\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name: "SVG with a script",
			files: map[string]string{
				"content/en/report.md": page(`title = "Report"`) + "\n![a chart](chart.svg)\n",
				"content/en/chart.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n<script>fetch('/_status/')</script>\n</svg>\n",
			},
			code: 1,
			stderr: "site: warning: content/en/chart.svg:2: cannot be published: has <script>: a script runs code in the reader's browser; remove it and export the picture again\n" +
				"site: error: content/en/report.md:7: image \"chart.svg\": content/en/chart.svg cannot be published: line 2 has <script>: a script runs code in the reader's browser; remove it and export the picture again\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name: "SVG that links out",
			files: map[string]string{
				"content/es/report.md": page(`title = "Informe"`, `slug = "informe"`) + "\n![un mapa](mapa.svg)\n",
				"content/es/mapa.svg":  "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n<rect width=\"10\" height=\"10\"/>\n<image href=\"https://evil.example/t.png\"/>\n</svg>\n",
			},
			code: 1,
			stderr: "site: warning: content/es/mapa.svg:3: cannot be published: has <image> refer to \"https://evil.example/t.png\", outside the picture; a published picture may only refer to its own parts (\"#id\"): remove the reference, or put what it shows in the picture itself\n" +
				"site: error: content/es/report.md:8: image \"mapa.svg\": content/es/mapa.svg cannot be published: line 3 has <image> refer to \"https://evil.example/t.png\", outside the picture; a published picture may only refer to its own parts (\"#id\"): remove the reference, or put what it shows in the picture itself\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "SVG in assets/ with an event handler",
			files: map[string]string{"assets/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" onload=\"alert(1)\"/>\n"},
			code:  1,
			stderr: "site: error: assets/logo.svg:1: has the event handler onload= on <svg>: it runs code in the reader's browser; remove it\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name: "SVG of a huge size",
			files: map[string]string{
				"content/en/report.md": page(`title = "Report"`) + "\n![a chart](chart.svg)\n",
				"content/en/chart.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1e300 1e300\"/>\n",
			},
			code: 1,
			stderr: "site: warning: content/en/chart.svg:1: cannot be published: has viewBox=\"0 0 1e300 1e300\", a size of 1e+300 × 1e+300 pixels; a picture must be between 1 and 100,000 pixels wide and high: give the <svg> element a width and height in pixels, or export it again at a size between those\n" +
				"site: error: content/en/report.md:7: image \"chart.svg\": content/en/chart.svg cannot be published: line 1 has viewBox=\"0 0 1e300 1e300\", a size of 1e+300 × 1e+300 pixels; a picture must be between 1 and 100,000 pixels wide and high: give the <svg> element a width and height in pixels, or export it again at a size between those\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name: "SVG of a size under a pixel",
			files: map[string]string{
				"content/en/report.md": page(`title = "Report"`) + "\n![a chart](chart.svg)\n",
				"content/en/chart.svg": "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"\n     viewBox=\"0 0 0.1 0.1\"/>\n",
			},
			code: 1,
			stderr: "site: warning: content/en/chart.svg:2: cannot be published: has viewBox=\"0 0 0.1 0.1\", a size of 0.1 × 0.1 pixels; a picture must be between 1 and 100,000 pixels wide and high: give the <svg> element a width and height in pixels, or export it again at a size between those\n" +
				"site: error: content/en/report.md:7: image \"chart.svg\": content/en/chart.svg cannot be published: line 2 has viewBox=\"0 0 0.1 0.1\", a size of 0.1 × 0.1 pixels; a picture must be between 1 and 100,000 pixels wide and high: give the <svg> element a width and height in pixels, or export it again at a size between those\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name:  "PO files for a language the site lacks, and in no place",
			files: map[string]string{"locales/po/pages/fr/report.po": "msgid \"\"\nmsgstr \"\"\n", "locales/po/report.po": "msgid \"\"\nmsgstr \"\"\n"},
			code:  0,
			stderr: "site: warning: locales/po/pages/fr/: PO files for language fr, which site.toml does not name, so nothing reads them; add [languages.fr] to site.toml, or move or delete them\n" +
				"site: warning: locales/po/report.po: a PO file where nothing reads it; a page's translation goes in locales/po/pages/<lang>/, the interface strings' in locales/po/strings/<lang>.po\n",
		},
		{
			name:   "title the share images' fonts cannot draw",
			files:  map[string]string{"content/en/report.md": page(`title = "تقرير 🙂"`)},
			code:   0,
			stderr: "site: warning: content/en/report.md:2: share image: the title has characters that the share images' fonts cannot draw (ت ق ر ي 🙂), so link previews show the page without an image; to have one, set share_image to an image of your own in assets/\n",
		},
		{
			name:  "keep_metadata names no image of the site",
			files: map[string]string{"site.toml": fixture["site.toml"] + "\n[images]\nkeep_metadata = [\"content/en/witness.jpg\"]\n"},
			code:  1,
			stderr: "site: error: site.toml:12: images.keep_metadata: no image \"content/en/witness.jpg\"; name a file of content/ or assets/ from the project's folder, like \"content/en/scan.jpg\"\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		{
			name: "keep_metadata names an SVG",
			files: map[string]string{
				"site.toml":       fixture["site.toml"] + "\n[images]\nkeep_metadata = [\"assets/logo.svg\"]\n",
				"assets/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"/>\n",
			},
			code: 1,
			stderr: "site: error: site.toml:12: images.keep_metadata: \"assets/logo.svg\" is an SVG, which has no metadata to keep; remove it from the list\n" +
				"site: 1 problem; fix it and run the command again\n" + failed,
		},
		// End of issue 21's block.
		{
			name: "every problem at once, sorted by file, with the warnings",
			files: map[string]string{
				"locales/es.toml":      "home = 1\n",
				"content/es/report.md": page(`title = "Informe"`, `date = "ayer"`),
				"content/en/report.md": page(`title = "Report"`, `titel = "x"`),
				"layouts/page.html":    "{{template \"base\" .}}\n{{define \"main\"}}{{end}\n",
			},
			code: 1,
			stderr: "site: warning: content/en/report.md:3: front matter: unknown key \"titel\" (did you mean \"title\"?)\n" +
				"site: error: content/es/report.md:3: front matter: date: want a date like 2025-06-01, or a month in quotes like \"2025-06\", got \"ayer\"\n" +
				"site: error: layouts/page.html:2: bad character U+007D '}'; actions are written {{...}}, and each if, range, with, define and block ends with {{end}}\n" +
				"site: error: locales/es.toml:1: message \"home\": want text in quotes, like home = \"...\"\n" +
				"site: 3 problems; fix them and run the command again\n" + failed,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "project")
			writeProject(t, dir, fixture)
			if code, _, stderr := runSite(t, "build", "-src", dir); code != 0 || stderr != "" {
				t.Fatalf("fixture: exit %d\n%s", code, stderr)
			}
			before := readTree(t, filepath.Join(dir, "public"))
			writeProject(t, dir, tc.files)
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			code, stdout, stderr := runSite(t, "build", "-src", dir)
			stderr = strings.ReplaceAll(stderr, dir, "DIR")
			if code != tc.code {
				t.Errorf("exit %d, want %d", code, tc.code)
			}
			if stderr != tc.stderr {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr, tc.stderr)
			}
			if tc.code != 0 {
				if stdout != "" {
					t.Errorf("a failed build printed %q", stdout)
				}
				assertSameTree(t, before, readTree(t, filepath.Join(dir, "public")))
				assertNoStaging(t, dir)
			}
		})
	}
}

// TestLargeMarkdown builds a 20 MB page: it must work, and in a time
// that keeps the test suite usable (the benchmarks measure speed).
func TestLargeMarkdown(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("builds a 20 MB page; the plain test run does it")
	}
	var b strings.Builder
	b.WriteString("+++\ntitle = \"Long report\"\n+++\n\n")
	para := "The submission describes transfers, detention and the lack of any hearing, with a [link](report.md) and *emphasis*.\n\n"
	for i := 0; b.Len() < 20<<20; i++ {
		if i%500 == 0 {
			fmt.Fprintf(&b, "## Part %d\n\n", i/500+1)
		}
		b.WriteString(para)
	}
	dir := filepath.Join(t.TempDir(), "project")
	writeProject(t, dir, fixture)
	writeProject(t, dir, map[string]string{
		"content/en/long.md": b.String(),
		// A translation, so that Spanish does not show the long page too.
		"content/es/long.md": page(`title = "Informe largo"`),
	})
	code, _, stderr := runSite(t, "build", "-src", dir)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	page, err := os.ReadFile(filepath.Join(dir, "public", "en", "long", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(page), `<p>`); n < 150000 {
		t.Errorf("the page has %d paragraphs, want them all", n)
	}
}
