// Package synth generates synthetic bilingual sites for tests and benchmarks.
//
// For N pages per language a site is a complete project for our
// generator: site.toml; layouts/, locales/ and assets/ (the files under
// theme/, equivalent to the Hugo project under hugo/ that WriteHugo
// writes, so that both generators do the same work); and, under
// content/en/ and the same paths under content/es/ (translations pair by
// path), Markdown with TOML front matter that Hugo accepts too:
//
//	content/en/_index.md                            home
//	content/en/<section>/_index.md                  one per section
//	content/en/<section>/part-NN/_index.md          one per leaf section
//	content/en/<section>/part-NN/page-NNNNN.md      the N pages
//
// Page i (0-based, file page-<i+1>) goes to section i mod Sections and, in
// it, to part-NN by blocks of Chapter pages; its weight is its position in
// the part. Every page has TOML front matter between +++ lines (title,
// date, description, weight) and a Markdown body of about 600 words of
// paragraphs with emphasis, three ## headings, a five-item list, a GFM
// table with right-aligned columns, two footnotes and a relative link to
// another page in pretty-URL form. A Spanish page is a word-by-word
// rendering of its English page: same structure, same link target, numbers
// with a decimal comma. Sections, parts and the home page have a title,
// description, weight and a short paragraph.
//
// The output depends only on the Options: the same Options give the same
// bytes in the same order. A page's text depends only on Seed and its
// index, except for its link target, which depends on N.
package synth

import (
	"embed"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing/fstest"
	"time"
)

// Defaults used for zero Options fields.
const (
	// DefaultSections is the number of top-level sections.
	DefaultSections = 10
	// DefaultChapter is the maximum number of pages in a leaf section.
	DefaultChapter = 50
)

// Options describe a synthetic site. The zero value of a field selects its
// default; negative values are invalid.
type Options struct {
	// N is the number of pages per language, not counting home, section
	// and part pages.
	N int
	// Sections is the number of top-level sections (default 10). With
	// fewer than Sections pages only the first N sections exist.
	Sections int
	// Chapter is the maximum number of pages in a leaf section, a part-NN
	// directory (default 50).
	Chapter int
	// Seed selects the random text.
	Seed uint64
}

// theme holds the layouts, interface strings and stylesheet of every
// synthetic site.
//
//go:embed theme
var theme embed.FS

// Generate produces the site described by opts and passes every file to
// write, in a fixed order: site.toml first, then the theme files in
// lexical order (layouts/, locales/, assets/ under theme/), then each
// content file in English and then in Spanish. Paths are slash-separated and relative to
// the site root, e.g. "content/en/findings/part-01/page-00001.md". write
// may keep data; Generate does not reuse it. Generate stops at the first
// error from write and returns it; it also fails for invalid opts.
func Generate(opts Options, write func(path string, data []byte) error) error {
	l, err := newLayout(opts)
	if err != nil {
		return err
	}
	if err := write("site.toml", siteConfig()); err != nil {
		return err
	}
	if err := writeTheme(write); err != nil {
		return err
	}
	g := generator{l: l, write: write}
	return g.site()
}

// MapFS returns the site described by opts as an in-memory file system,
// for tests. It panics if opts are invalid.
func MapFS(opts Options) fstest.MapFS {
	fsys := fstest.MapFS{}
	err := Generate(opts, func(path string, data []byte) error {
		fsys[path] = &fstest.MapFile{Data: data, Mode: 0o644}
		return nil
	})
	if err != nil {
		panic(err)
	}
	return fsys
}

// WriteDir writes the site described by opts into dir, creating
// directories as needed and overwriting existing files.
func WriteDir(dir string, opts Options) error {
	made := map[string]bool{}
	return Generate(opts, func(path string, data []byte) error {
		name := filepath.Join(dir, filepath.FromSlash(path))
		if d := filepath.Dir(name); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		return os.WriteFile(name, data, 0o644)
	})
}

// writeTheme passes every file under theme/ to write, without the
// theme/ prefix.
func writeTheme(write func(path string, data []byte) error) error {
	return fs.WalkDir(theme, "theme", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := theme.ReadFile(p)
		if err != nil {
			return err
		}
		return write(strings.TrimPrefix(p, "theme/"), data)
	})
}

// siteConfig is the content of site.toml, the configuration of our engine.
func siteConfig() []byte {
	return []byte(`title = "Annual Report"
baseURL = "https://example.org/"
defaultLanguage = "en"
[languages.en]
name = "English"
title = "Annual Report"
[languages.es]
name = "Español"
title = "Informe anual"
# Hugo's site draws no images: like for like.
[share]
images = false
`)
}

// generator writes the content files of one site.
type generator struct {
	l     layout
	write func(path string, data []byte) error
}

// site writes the home page, then each section followed by its parts, each
// part followed by its pages.
func (g *generator) site() error {
	if err := g.emit("_index.md", g.home()); err != nil {
		return err
	}
	for s := 0; s < g.l.usedSections(); s++ {
		if err := g.section(s); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) section(s int) error {
	slug := g.l.sectionSlug(s)
	if err := g.emit(slug+"/_index.md", g.sectionIndex(s)); err != nil {
		return err
	}
	for part := 1; part <= g.l.parts(s); part++ {
		if err := g.part(s, part); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) part(s, part int) error {
	if err := g.emit(g.l.partDir(s, part)+"/_index.md", g.partIndex(s, part)); err != nil {
		return err
	}
	first := (part - 1) * g.l.chapter
	last := min(part*g.l.chapter, g.l.sectionPages(s))
	for k := first; k < last; k++ {
		i := g.l.page(s, k)
		if err := g.emit(g.l.pageDir(i)+".md", g.page(i)); err != nil {
			return err
		}
	}
	return nil
}

// emit writes both languages' versions of the file at rel, a path below
// content/<lang>/.
func (g *generator) emit(rel string, data [2][]byte) error {
	for lang, code := range langs {
		if err := g.write("content/"+code+"/"+rel, data[lang]); err != nil {
			return err
		}
	}
	return nil
}

// baseDate is the date of page 0, before its random minutes.
var baseDate = time.Date(2024, 1, 1, 8, 0, 0, 0, time.UTC)

// page renders page i in both languages.
func (g *generator) page(i int) [2][]byte {
	l := g.l
	t := newText(l.seed, uint64(i), 8192)
	_, _, weight := l.place(i)
	date := baseDate.Add(time.Duration(i*7919%(700*24))*time.Hour +
		time.Duration(t.intn(60))*time.Minute)
	t.frontMatter(pair{l.title(i, en), l.title(i, es)}, date, weight)

	h := headingSets[t.intn(len(headingSets))]
	target := l.linkTarget(i)
	link := l.relLink(target)

	// Introduction: a link to another page and the first footnote.
	t.paragraphs(60, func(p int) {
		if p > 0 {
			return
		}
		t.tr(seeAlso)
		for lang := range t.b {
			t.b[lang] = append(t.b[lang], '[')
			t.b[lang] = append(t.b[lang], l.title(target, lang)...)
			t.b[lang] = append(t.b[lang], "]("...)
			t.b[lang] = append(t.b[lang], link...)
			t.b[lang] = append(t.b[lang], ").[^1]"...)
		}
	})
	t.heading(h[0])
	t.paragraphs(140, nil)
	t.list()
	t.heading(h[1])
	t.paragraphs(140, nil)
	t.table()
	t.heading(h[2])
	t.paragraphs(140, func(p int) {
		if p == 0 {
			t.same("[^2]")
		}
	})
	t.same("[^1]: ")
	t.sentence(6, 12, false)
	t.same("\n[^2]: ")
	t.tr(sourceWord)
	t.sentence(5, 10, false)
	t.same("\n")
	return t.b
}

// heading appends a level-2 heading.
func (t *text) heading(h pair) {
	t.same("## ")
	t.tr(h)
	t.same("\n\n")
}

func (g *generator) home() [2][]byte {
	n, s := g.l.n, g.l.usedSections()
	return indexPage(siteTitle,
		pair{"Synthetic bilingual report for tests and benchmarks.",
			"Informe bilingüe sintético para pruebas y mediciones."},
		1,
		pair{"This report has " + count(n, "page", "pages") + " in " + count(s, "section", "sections") + ".",
			"Este informe tiene " + count(n, "página", "páginas") + " en " + count(s, "sección", "secciones") + "."})
}

func (g *generator) sectionIndex(s int) [2][]byte {
	title := pair{g.l.sectionTitle(s, en), g.l.sectionTitle(s, es)}
	n, p := g.l.sectionPages(s), g.l.parts(s)
	return indexPage(title,
		pair{"The " + title[en] + " section of the report.",
			"La sección " + title[es] + " del informe."},
		s+1,
		pair{"This section has " + count(n, "page", "pages") + " in " + count(p, "part", "parts") + ".",
			"Esta sección tiene " + count(n, "página", "páginas") + " en " + count(p, "parte", "partes") + "."})
}

func (g *generator) partIndex(s, part int) [2][]byte {
	var title, desc pair
	num := strconv.Itoa(part)
	for lang := range langs {
		sec := g.l.sectionTitle(s, lang)
		title[lang] = sec + ": " + partWord[lang] + " " + num
		desc[lang] = capitalize(partWord[lang]) + " " + num + " · " + sec + "."
	}
	first := (part - 1) * g.l.chapter
	n := min(part*g.l.chapter, g.l.sectionPages(s)) - first
	return indexPage(title, desc, part,
		pair{"This part has " + count(n, "page", "pages") + ".",
			"Esta parte tiene " + count(n, "página", "páginas") + "."})
}

// count is n followed by the singular or plural noun.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// indexPage renders a list page: front matter and one paragraph.
func indexPage(title, desc pair, weight int, para pair) [2][]byte {
	var out [2][]byte
	for lang := range out {
		b := make([]byte, 0, 256)
		b = append(b, "+++\ntitle = "...)
		b = appendTOMLString(b, title[lang])
		b = append(b, "\ndescription = "...)
		b = appendTOMLString(b, desc[lang])
		b = append(b, "\nweight = "...)
		b = strconv.AppendInt(b, int64(weight), 10)
		b = append(b, "\n+++\n\n"...)
		b = append(b, para[lang]...)
		out[lang] = append(b, '\n')
	}
	return out
}
