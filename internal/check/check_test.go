package check

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"cecot/internal/config"
	"cecot/internal/content"
	"cecot/internal/engine"
	"cecot/internal/images/imagestest"
	"cecot/internal/stamp"
	"cecot/internal/words"
)

// page is a minimal HTML page of the fixture, as minified output would
// be: no quotes where none are needed.
func page(lang, title, head, body string) string {
	return `<!doctype html><html lang=` + lang + `><title>` + title + `</title><meta name=description content="About it.">` + head + `<main id=main>` + body + `</main>`
}

func alt(lang, href string) string {
	return `<link rel=alternate hreflang=` + lang + ` href=` + href + `>`
}

func TestHTMLChecks(t *testing.T) {
	const base = "https://example.org/site/"
	enHead := alt("en", base+"en/") + alt("es", base+"es/") + alt("x-default", base)
	good := map[string]string{
		"en/index.html":        page("en", "Home", enHead, `<a href=report/#facts>Facts</a> <a href=#main>Skip</a>`),
		"en/report/x.png":      "PNG",
		"es/index.html":        page("es", "Inicio", alt("es", base+"es/")+alt("en", base+"en/"), `<a href=../en/>English</a>`),
		"en/report/index.html": page("en", "Report", "", `<h2 id=facts>Facts</h2><a href=../../assets/site.css>css</a><a href=/site/en/>home</a><img src=x.png alt="" role=presentation>`),
		"assets/site.css":      "body{}",
		"index.html":           page("en", "Root", "", `<a href=en/>en</a>`),
	}
	for _, c := range []struct {
		name    string
		file    string
		content string
		want    string // "" for no problem
	}{
		{"good site", "", "", ""},
		{"broken link", "en/index.html", page("en", "Home", enHead, `<a href=reprot/>Report</a>`),
			`content/en/_index.md: a href="reprot/": no such page or file in the built site (/en/reprot/) (in /en/)`},
		{"broken anchor", "en/index.html", page("en", "Home", enHead, `<a href=report/#fatcs>Facts</a>`),
			`content/en/_index.md:3: a href="report/#fatcs": no heading or element with id "fatcs" on /en/report/ (in /en/)`},
		{"broken anchor on the page itself", "en/index.html", page("en", "Home", enHead, `<a href=#nowhere>x</a>`),
			`content/en/_index.md: a href="#nowhere": no heading or element with id "nowhere" on this page (in /en/)`},
		{"hreflang not returned", "es/index.html", page("es", "Inicio", alt("es", base+"es/"), ""),
			`content/en/_index.md: hreflang "es" alternate https://example.org/site/es/ does not link back: its "en" alternate is "", not "https://example.org/site/en/" (in /en/)`},
		{"hreflang to a page in another language", "en/index.html", page("en", "Home", alt("en", base+"en/")+alt("es", base+"en/report/"), ""),
			`content/en/_index.md: hreflang "es" alternate https://example.org/site/en/report/ does not link back: its "en" alternate is "", not "https://example.org/site/en/" (in /en/)` + "\n" +
				`content/en/_index.md: hreflang "es" alternate https://example.org/site/en/report/ is a page in "en" (in /en/)` + "\n" +
				`content/es/_index.md: hreflang "en" alternate https://example.org/site/en/ does not link back: its "es" alternate is "https://example.org/site/en/report/", not "https://example.org/site/es/" (in /es/)`},
		{"no title", "en/report/index.html", page("en", " ", "", `<h2 id=facts>F</h2>`),
			`content/en/report.md:1: page has no title; add title = "..." to the front matter (in /en/report/)`},
		{"no description", "index.html", `<html lang=en><title>Root</title><a href=en/>en</a>`,
			`layouts/root.html:1: page has no description; add description = "..." to the front matter: one or two sentences that search engines and shared links show (in /)`},
		{"image without alt", "en/report/index.html", page("en", "Report", "", `<h2 id=facts>F</h2><img src=x.png>`),
			`content/en/report.md: image x.png has no alt text; describe it in the brackets: ![what it shows](x.png) (in /en/report/)`},
		{"image with empty alt, as Markdown writes it", "en/report/index.html", page("en", "Report", "", `<h2 id=facts>F</h2><img src=x.png alt="">`),
			`content/en/report.md: image x.png has no alt text; describe it in the brackets: ![what it shows](x.png) (in /en/report/)`},
		{"empty link", "en/report/index.html", page("en", "Report", "", `<h2 id=facts>F</h2><a href=../> </a>`),
			`content/en/report.md: link to "../" has no text; write the link text in the brackets: [text](../) (in /en/report/)`},
		{"link with an image's alt is not empty", "en/report/index.html", page("en", "Report", "", `<h2 id=facts>F</h2><a href=../><img src=../../assets/site.css alt="Home"></a>`), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := map[string][]byte{}
			for k, v := range good {
				files[k] = []byte(v)
			}
			if c.file != "" {
				files[c.file] = []byte(c.content)
			}
			res := files2(t, base, files)
			got := res.Errors.Error()
			if res.Errors == nil {
				got = ""
			}
			if got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

// files2 checks files as the output of a two-language site at base.
func files2(t *testing.T, base string, out map[string][]byte) *Result {
	t.Helper()
	cfg := &config.Config{DefaultLanguage: "en"}
	if err := cfg.SetBaseURL(base); err != nil {
		t.Fatal(err)
	}
	body := []byte("\n\n[Facts](report.md#facts)\n")
	srcs := map[string]source{
		"index.html":           {file: "layouts/root.html"},
		"en/index.html":        {file: "content/en/_index.md", page: &content.Page{File: "content/en/_index.md", Body: body}},
		"es/index.html":        {file: "content/es/_index.md", page: &content.Page{File: "content/es/_index.md"}},
		"en/report/index.html": {file: "content/en/report.md", page: &content.Page{File: "content/en/report.md"}},
	}
	return files(&engine.Site{Config: cfg}, out, srcs)
}

// projectFS is the real project's layouts, locales and assets, with
// content given by the test.
func projectFS(t *testing.T, pages map[string]string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	root := os.DirFS("../..")
	for _, dir := range []string{"layouts", "locales", "assets"} {
		err := fs.WalkDir(root, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(root, p)
			fsys[p] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	fsys["site.toml"] = &fstest.MapFile{Data: []byte("baseURL = \"https://example.org/\"\ndefaultLanguage = \"en\"\n[languages.en]\nname = \"English\"\ntitle = \"Site\"\nweight = 1\n[languages.es]\nname = \"Español\"\ntitle = \"Sitio\"\nweight = 2\n")}
	for name, text := range pages {
		fsys[path.Join("content", name)] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

func siteCheck(t *testing.T, fsys fs.FS) *Result {
	t.Helper()
	s, err := engine.Load(fsys, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Site(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func pageFile(title, extra, body string) string {
	return "+++\ntitle = \"" + title + "\"\ndescription = \"A page.\"\n" + extra + "+++\n" + body
}

func TestSiteStructure(t *testing.T) {
	report := "\n1. One.[^1]\n\n## Facts\n\nA [link](_index.md).\n\nTwo.\n\n[^1]: Note.\n"
	pages := map[string]string{
		"en/_index.md": pageFile("Home", "", "\nSee the [report](report.md#p1).\n"),
		"es/_index.md": pageFile("Inicio", "", "\nVea el [informe](report.md#datos).\n"),
		"en/report.md": pageFile("Report", "numbered = true\n", report),
		"es/report.md": pageFile("Informe", "numbered = true\nslug = \"informe\"\n", "\n1. Uno.[^1]\n\n## Datos\n\nUn [enlace](_index.md).\n\nDos.\n\n[^1]: Nota.\n"),
		"en/about.md":  pageFile("About", "", "\nAbout [us](report.md#p2) and [the facts](report.md#facts).\n"),
		"en/404.md":    pageFile("Not found", "", "\nGone.\n"),
		"es/404.md":    pageFile("No encontrada", "", "\nNo está.\n"),
	}
	t.Run("translated, missing with fallback, anchors across languages", func(t *testing.T) {
		res := siteCheck(t, projectFS(t, pages))
		if res.Errors != nil {
			t.Errorf("problems in a good site:\n%v", res.Errors)
		}
		if res.Links == 0 || res.Pages < 6 {
			t.Errorf("checked %d pages, %d links", res.Pages, res.Links)
		}
	})
	t.Run("structure mismatch", func(t *testing.T) {
		bad := map[string]string{}
		for k, v := range pages {
			bad[k] = v
		}
		bad["es/report.md"] = pageFile("Informe", "numbered = true\nslug = \"informe\"\n", "\n1. Uno.\n\nUn enlace.\n\n## Datos\n\nDos.\n\nTres.\n")
		res := siteCheck(t, projectFS(t, bad))
		got := res.Errors.Error()
		for _, want := range []string{
			"content/es/report.md: has 0 links, but its original content/en/report.md has 1;",
			"content/es/report.md: has 0 footnotes, but its original content/en/report.md has 1;",
			"content/es/report.md: has 3 numbered paragraphs, but its original content/en/report.md has 2;",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("missing %q in\n%s", want, got)
			}
		}
	})
	t.Run("image or caption left out", func(t *testing.T) {
		bad := map[string]string{}
		for k, v := range pages {
			bad[k] = v
		}
		bad["en/chart.png"] = string(imagestest.Chart(100, 60, "x"))
		bad["en/about.md"] = pageFile("About", "", "\n![A chart](chart.png \"Arrests by month\")\n\n![A chart](chart.png)\n")
		bad["es/about.md"] = pageFile("Acerca", "", "\n![Un gráfico](chart.png)\n")
		res := siteCheck(t, projectFS(t, bad))
		got := res.Errors.Error()
		for _, want := range []string{
			"content/es/about.md: has 1 images, but its original content/en/about.md has 2;",
			"content/es/about.md: has 0 image captions, but its original content/en/about.md has 1;",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("missing %q in\n%s", want, got)
			}
		}
	})
	t.Run("broken anchor in Markdown", func(t *testing.T) {
		bad := map[string]string{}
		for k, v := range pages {
			bad[k] = v
		}
		bad["es/_index.md"] = pageFile("Inicio", "", "\nVea el [informe](report.md#hechos).\n")
		res := siteCheck(t, projectFS(t, bad))
		want := `content/es/_index.md:6: a href="informe/#hechos": no heading or element with id "hechos" on /es/informe/ (in /es/)`
		if res.Errors.Error() != want {
			t.Errorf("got\n%v\nwant\n%s", res.Errors, want)
		}
	})
}

// TestDroppedPlaceholder: an interface string that leaves out a
// placeholder of its original only warns in a build, so that an edit of
// the English never stops the Spanish site, but a check refuses it at
// its line of locales/es.toml (issue 19, case 4).
func TestDroppedPlaceholder(t *testing.T) {
	fsys := projectFS(t, map[string]string{
		"en/_index.md": pageFile("Home", "", "\nHello.\n"),
		"es/_index.md": pageFile("Inicio", "", "\nHola.\n"),
	})
	es := string(fsys["locales/es.toml"].Data)
	bad := strings.Replace(es, `paragraph_label = "Párrafo {{.Number}}"`, `paragraph_label = "Párrafo"`, 1)
	if bad == es {
		t.Fatal("no paragraph_label in locales/es.toml")
	}
	fsys["locales/es.toml"] = &fstest.MapFile{Data: []byte(bad)}
	line := strings.Count(bad[:strings.Index(bad, "paragraph_label")], "\n") + 1
	res := siteCheck(t, fsys)
	want := fmt.Sprintf(`locales/es.toml:%d: message "paragraph_label": the placeholder {{.Number}} of the original is missing`, line)
	if got := fmt.Sprint(res.Errors); !strings.Contains(got, want) {
		t.Errorf("check found:\n%s\nwant %s", got, want)
	}
}

// TestTranslationsBreakingPromises: a translated paragraph that drops
// its footnote mark is reported at its line of the Spanish Markdown
// (issue 19, case 2, on the Markdown route).
func TestTranslationsBreakingPromises(t *testing.T) {
	en := pageFile("Report", "", "\nOne.[^1]\n\nTwo `code`.\n\n[^1]: Note.\n")
	p, _, err := content.Parse(content.ID{Lang: "en", Key: "report"}, []byte(en))
	if err != nil {
		t.Fatal(err)
	}
	// Stamped as translated from the English as it is.
	stamp := "translated_from = \"" + stamp.Make(p.Body, stamp.HeadingIDs(p, nil)) + "\"\n"
	fsys := projectFS(t, map[string]string{
		"en/report.md": en,
		"es/report.md": pageFile("Informe", stamp, "\nUno.\n\nDos `código`.\n\n[^1]: Nota.\n"),
	})
	s, err := engine.Load(fsys, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := Translations(fsys, s.Config)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range got {
		lines = append(lines, e.Error())
	}
	want := []string{
		"content/es/report.md:7: p1: the original has the footnote reference [^1] and the translation does not; keep it, next to the words it belongs to",
		"content/es/report.md:9: p2: the original has the code `code` and the translation does not have it unchanged; code between backticks is not translated",
		"content/es/report.md:9: p2: the translation has the code `código`, which the original does not; code between backticks is copied as it is",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// TestHTMLChecksSpanish checks that hreflang problems and links without
// an address are said in Spanish, at their page.
func TestHTMLChecksSpanish(t *testing.T) {
	const base = "https://example.org/site/"
	files := map[string][]byte{
		"en/index.html":        []byte(page("en", "Home", alt("en", base+"en/")+alt("es", base+"en/report/"), `<a>sin dirección</a>`)),
		"es/index.html":        []byte(page("es", "Inicio", alt("en", base+"en/"), "")),
		"en/report/index.html": []byte(page("en", "Report", alt("en", base+"en/report/"), `<h2 id=facts>F</h2>`)),
	}
	want := `content/en/_index.md: enlaces sin dirección: 1 (en /en/)` + "\n" +
		`content/en/_index.md: la versión alternativa hreflang "es", https://example.org/site/en/report/, no enlaza de vuelta: su alternativa "en" es "https://example.org/site/en/report/", no "https://example.org/site/en/" (en /en/)` + "\n" +
		`content/en/_index.md: la versión alternativa hreflang "es", https://example.org/site/en/report/, es una página en "en" (en /en/)` + "\n" +
		`content/es/_index.md: la versión alternativa hreflang "en", https://example.org/site/en/, no enlaza de vuelta: su alternativa "es" es "https://example.org/site/en/report/", no "" (en /es/)` + "\n" +
		`content/es/_index.md: las versiones alternativas (hreflang) no incluyen la propia página (es) (en /es/)`
	if got := words.NewPrinter("es").Error(files2(t, base, files).Errors); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
