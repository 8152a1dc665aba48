package content

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"cecot/internal/bounded"
)

// site builds a MapFS from file names and contents.
func site(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

var bilingual = Options{Languages: []string{"en", "es"}, Default: "en"}

func load(t *testing.T, files map[string]string, opts Options) (*Tree, []*Warning) {
	t.Helper()
	s, warns, err := Load(site(files), opts)
	if err != nil {
		t.Fatal(err)
	}
	return s, warns
}

func TestLoadPages(t *testing.T) {
	s, _ := load(t, map[string]string{
		"content/en/_index.md":        "+++\ntitle = \"Home\"\n+++\n",
		"content/en/report.md":        "+++\ntitle = \"Report\"\n+++\nText.\n",
		"content/en/404.md":           "+++\ntitle = \"Not found\"\n+++\n",
		"content/en/news/_index.md":   "+++\ntitle = \"News\"\n+++\n",
		"content/en/news/first.md":    "+++\ntitle = \"First\"\n+++\n",
		"content/en/news/second.md":   "+++\ntitle = \"Second\"\n+++\n",
		"content/es/_index.md":        "+++\ntitle = \"Inicio\"\n+++\n",
		"content/es/report.md":        "+++\ntitle = \"Informe\"\nslug = \"informe\"\n+++\nTexto.\n",
		"content/es/404.md":           "+++\ntitle = \"No encontrada\"\n+++\n",
		"content/es/news/_index.md":   "+++\ntitle = \"Noticias\"\nslug = \"noticias\"\n+++\n",
		"content/es/news/first.md":    "+++\ntitle = \"Primera\"\nslug = \"primera\"\n+++\n",
		"content/es/news/notes.txt":   "not Markdown, ignored",
		"content/es/.hidden/draft.md": "ignored: a dot folder",
	}, bilingual)
	type want struct {
		lang, key   string
		kind        Kind
		url, out    string
		parent      string
		standIn     bool
		title, file string
	}
	wants := []want{
		{"en", "404", KindNotFound, "/en/404.html", "en/404.html", "_index", false, "Not found", "content/en/404.md"},
		{"en", "_index", KindHome, "/en/", "en/index.html", "", false, "Home", "content/en/_index.md"},
		{"en", "news/_index", KindSection, "/en/news/", "en/news/index.html", "_index", false, "News", "content/en/news/_index.md"},
		{"en", "news/first", KindPage, "/en/news/first/", "en/news/first/index.html", "news/_index", false, "First", "content/en/news/first.md"},
		{"en", "news/second", KindPage, "/en/news/second/", "en/news/second/index.html", "news/_index", false, "Second", "content/en/news/second.md"},
		{"en", "report", KindPage, "/en/report/", "en/report/index.html", "_index", false, "Report", "content/en/report.md"},
		{"es", "404", KindNotFound, "/es/404.html", "es/404.html", "_index", false, "No encontrada", "content/es/404.md"},
		{"es", "_index", KindHome, "/es/", "es/index.html", "", false, "Inicio", "content/es/_index.md"},
		{"es", "news/_index", KindSection, "/es/noticias/", "es/noticias/index.html", "_index", false, "Noticias", "content/es/news/_index.md"},
		{"es", "news/first", KindPage, "/es/noticias/primera/", "es/noticias/primera/index.html", "news/_index", false, "Primera", "content/es/news/first.md"},
		// A stand-in: the English page at a Spanish address, under the
		// section's Spanish slug, without the English slug.
		{"es", "news/second", KindPage, "/es/noticias/second/", "es/noticias/second/index.html", "news/_index", true, "Second", "content/en/news/second.md"},
		{"es", "report", KindPage, "/es/informe/", "es/informe/index.html", "_index", false, "Informe", "content/es/report.md"},
	}
	if len(s.Pages) != len(wants) {
		for _, p := range s.Pages {
			t.Logf("%s %s", p.Lang, p.Key)
		}
		t.Fatalf("%d pages, want %d", len(s.Pages), len(wants))
	}
	for i, w := range wants {
		p := s.Pages[i]
		got := want{p.Lang, p.Key, p.Kind, p.URL, p.Out, p.Parent, p.Untranslated, p.Title, p.File}
		if got != w {
			t.Errorf("page %d:\n got %+v\nwant %+v", i, got, w)
		}
		if s.Page(p.Lang, p.Key) != p {
			t.Errorf("Page(%s, %s) does not return it", p.Lang, p.Key)
		}
	}

	report := s.Page("en", "report")
	ts := s.Translations(report)
	if len(ts) != 1 || ts[0] != s.Page("es", "report") {
		t.Errorf("Translations(en/report) = %v, want es/report", ts)
	}
	standIn := s.Page("es", "news/second")
	if ts := s.Translations(standIn); len(ts) != 1 || ts[0] != s.Page("en", "news/second") {
		t.Errorf("Translations of a stand-in = %v, want the original", ts)
	}
	if string(standIn.Body) != string(s.Page("en", "news/second").Body) {
		t.Errorf("stand-in body %q, want the original's", standIn.Body)
	}
	if s.Page("es", "missing") != nil || s.Page("fr", "report") != nil {
		t.Error("Page returns a page that does not exist")
	}
}

func TestChildren(t *testing.T) {
	s, _ := load(t, map[string]string{
		"content/en/_index.md":      "+++\ntitle = \"Home\"\n+++\n",
		"content/en/c.md":           "+++\ntitle = \"C\"\nweight = 2\n+++\n",
		"content/en/b.md":           "+++\ntitle = \"B\"\n+++\n",
		"content/en/a.md":           "+++\ntitle = \"A\"\n+++\n",
		"content/en/d.md":           "+++\ntitle = \"D\"\nweight = 1\n+++\n",
		"content/en/e.md":           "+++\ntitle = \"E\"\nweight = 2\n+++\n",
		"content/en/404.md":         "+++\ntitle = \"Not found\"\n+++\n",
		"content/en/news/_index.md": "+++\ntitle = \"News\"\nweight = 3\n+++\n",
		"content/en/news/x.md":      "+++\ntitle = \"X\"\n+++\n",
	}, Options{Languages: []string{"en"}, Default: "en"})
	var keys []string
	for _, c := range s.Children(s.Page("en", "_index")) {
		keys = append(keys, c.Key)
	}
	// By weight, then key; pages without a weight last; no 404 page and
	// no grandchildren.
	if got, want := strings.Join(keys, " "), "d c e news/_index a b"; got != want {
		t.Errorf("home's children: %s, want %s", got, want)
	}
	if kids := s.Children(s.Page("en", "news/_index")); len(kids) != 1 || kids[0].Key != "news/x" {
		t.Errorf("news children: %v", kids)
	}
	if kids := s.Children(s.Page("en", "a")); len(kids) != 0 {
		t.Errorf("a page has children: %v", kids)
	}
}

func TestDrafts(t *testing.T) {
	files := map[string]string{
		"content/en/_index.md": "+++\ntitle = \"Home\"\n+++\n",
		"content/en/wip.md":    "+++\ntitle = \"Work in progress\"\ndraft = true\n+++\n",
		"content/es/_index.md": "+++\ntitle = \"Inicio\"\n+++\n",
	}
	for _, drafts := range []bool{false, true} {
		opts := bilingual
		opts.Drafts = drafts
		s, _ := load(t, files, opts)
		for _, lang := range []string{"en", "es"} {
			if got := s.Page(lang, "wip") != nil; got != drafts {
				t.Errorf("drafts=%v: %s/wip present=%v", drafts, lang, got)
			}
		}
		if n := len(s.Pages); n != 2+2*b2i(drafts) {
			t.Errorf("drafts=%v: %d pages", drafts, n)
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			"duplicate URL from a slug",
			map[string]string{
				"content/en/_index.md": "",
				"content/en/a.md":      "+++\ntitle = \"A\"\nslug = \"b\"\n+++\n",
				"content/en/b.md":      "+++\ntitle = \"B\"\n+++\n",
			},
			[]string{"content/en/a.md:3: has the same URL /en/b/ as content/en/b.md; give one of them another slug"},
		},
		{
			"duplicate URL from a section slug",
			map[string]string{
				"content/en/_index.md":      "",
				"content/en/news/_index.md": "+++\ntitle = \"News\"\nslug = \"blog\"\n+++\n",
				"content/en/news/post.md":   "+++\ntitle = \"Post\"\n+++\n",
				"content/en/blog/_index.md": "+++\ntitle = \"Blog\"\n+++\n",
				"content/en/blog/post.md":   "+++\ntitle = \"Post\"\n+++\n",
			},
			[]string{
				"content/en/news/_index.md:3: has the same URL /en/blog/ as content/en/blog/_index.md",
				"content/en/news/post.md:1: has the same URL /en/blog/post/ as content/en/blog/post.md",
			},
		},
		{
			"bad slug",
			map[string]string{
				"content/en/_index.md": "",
				"content/en/a.md":      "+++\ntitle = \"A\"\n\nslug = \"Über/uns\"\n+++\n",
			},
			[]string{`content/en/a.md:4: front matter: slug "Über/uns": a slug is one URL segment`},
		},
		{
			"file name not fit for a URL",
			map[string]string{"content/en/_index.md": "", "content/en/Mi Página.md": "+++\ntitle = \"A\"\n+++\n"},
			[]string{`content/en/Mi Página.md:1: URL /en/Mi Página/: segment "Mi Página": use lower-case letters`},
		},
		{
			"unknown language folder and stray file",
			map[string]string{"content/en/_index.md": "", "content/fr/_index.md": "", "content/x.md": ""},
			[]string{
				`content/fr: folder for language "fr", which site.toml does not name`,
				"content/x.md: Markdown file outside a language folder; move it into content/en/",
			},
		},
		{
			"a page too large to read",
			map[string]string{"content/en/_index.md": "", "content/en/big.md": strings.Repeat("a", bounded.Text+1)},
			[]string{"content/en/big.md: it is larger than 32 MB, the most this site reads of a file of its kind; split a long page"},
		},
		{
			"no content",
			map[string]string{"content/en/notes.txt": ""},
			[]string{"content: no Markdown files; add content/en/_index.md for the home page"},
		},
		{
			"every broken file at once",
			map[string]string{
				"content/en/_index.md": "",
				"content/en/a.md":      "+++\ntitle = \"A\"\nweight = \"first\"\n+++\n",
				"content/es/a.md":      "---\ntitle: A\ndate: someday\n---\n",
				"content/es/b.md":      "+++\ntitle = \"B\"\n",
				"content/es/c.md":      "\xff\xfe",
			},
			[]string{
				`content/en/a.md:3: front matter: weight: want a whole number, got "first"`,
				`content/es/a.md:3: front matter: date: want a date like 2025-06-01, or a month in quotes like "2025-06", got "someday"`,
				"content/es/b.md:1: front matter: no closing +++ line",
				"content/es/c.md:1: not valid UTF-8 text",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Load(site(tc.files), bilingual)
			if err == nil {
				t.Fatal("no error")
			}
			msgs := strings.Split(err.Error(), "\n")
			if len(msgs) != len(tc.want) {
				t.Errorf("%d problems, want %d:\n%v", len(msgs), len(tc.want), err)
			}
			for i, want := range tc.want {
				if i < len(msgs) && !strings.HasPrefix(msgs[i], want) {
					t.Errorf("problem %d:\n got %s\nwant %s...", i+1, msgs[i], want)
				}
			}
		})
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		check     func(t *testing.T, p *Page)
		warnings  []string
	}{
		{
			name: "toml keeps line numbers",
			src:  "+++\ntitle = \"T\"\ndate = 2025-06-01\nweight = 3\nnumbered = true\nstandalone = true\n[params]\nsummary = \"S\"\n+++\nline 10\n",
			check: func(t *testing.T, p *Page) {
				if p.Title != "T" || p.Weight != 3 || !p.Numbered || !p.Standalone || p.Params["summary"] != "S" {
					t.Errorf("front matter %+v", p.FrontMatter)
				}
				if p.Date.Format("2006-01-02") != "2025-06-01" || !p.Dated() {
					t.Errorf("date %v", p.Date)
				}
				if lines := strings.Split(string(p.Body), "\n"); len(lines) < 10 || lines[9] != "line 10" {
					t.Errorf("body %q: line 10 is not line 10", p.Body)
				}
			},
		},
		{
			name: "yaml, with a datetime kept as its calendar date",
			src:  "---\ntitle: T\ndate: 2025-06-01T23:30:00-05:00\ndraft: true\n---\nline 6\n",
			check: func(t *testing.T, p *Page) {
				if p.Title != "T" || !p.Draft || p.Date.Format("2006-01-02") != "2025-06-01" {
					t.Errorf("front matter %+v", p.FrontMatter)
				}
				if lines := strings.Split(string(p.Body), "\n"); lines[5] != "line 6" {
					t.Errorf("body %q", p.Body)
				}
			},
		},
		{
			name: "byte order mark and CRLF",
			src:  "\xef\xbb\xbf+++\r\ntitle = \"T\"\r\n+++\r\nText\r\n",
			check: func(t *testing.T, p *Page) {
				if p.Title != "T" || string(p.Body) != "\n\n\nText\n" {
					t.Errorf("title %q, body %q", p.Title, p.Body)
				}
			},
		},
		{
			name:     "unknown keys warn with a suggestion",
			src:      "+++\ntitle = \"T\"\ntitel = \"T\"\ncolour = \"red\"\n+++\n",
			warnings: []string{`content/en/x.md:4: front matter: unknown key "colour"; put your own values under [params]`, `content/en/x.md:3: front matter: unknown key "titel" (did you mean "title"?)`},
		},
		{
			name:     "no title",
			src:      "Just text.\n",
			warnings: []string{`content/en/x.md:1: no title; add title = "..." to the front matter`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, warns, err := Parse(ID{Lang: "en", Key: "x"}, []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if tc.check != nil {
				tc.check(t, p)
			}
			var got []string
			for _, w := range warns {
				got = append(got, w.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tc.warnings, "\n") {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.warnings, "\n"))
			}
		})
	}
}

func TestSourceHash(t *testing.T) {
	a := SourceHash([]byte("\n\nSome text.\n"))
	if b := SourceHash([]byte("Some text.\r\n")); a != b {
		t.Errorf("hash depends on blank lines or line endings: %s %s", a, b)
	}
	if c := SourceHash([]byte("Some text!")); a == c {
		t.Error("hash does not change with the text")
	}
	if len(a) != 12 {
		t.Errorf("hash %q: want 12 hex digits", a)
	}
}

// ByWeight lists pages lightest first, pages without a weight last, and
// pages of the same weight by key.
func TestByWeight(t *testing.T) {
	pages := []*Page{
		{Key: "c"}, {Key: "b", FrontMatter: FrontMatter{Weight: 2}},
		{Key: "a"}, {Key: "d", FrontMatter: FrontMatter{Weight: -1}},
		{Key: "e", FrontMatter: FrontMatter{Weight: 2}},
	}
	slices.SortStableFunc(pages, ByWeight)
	var got []string
	for _, p := range pages {
		got = append(got, p.Key)
	}
	if want := []string{"d", "b", "e", "a", "c"}; !slices.Equal(got, want) {
		t.Errorf("order %q, want %q", got, want)
	}
}

// A page's reading time is its words at 200 a minute, at least one,
// counted from its body when the loader did not count them.
func TestReadingTime(t *testing.T) {
	for _, tc := range []struct {
		p    Page
		want int
	}{
		{Page{}, 1},
		{Page{Words: 200}, 1},
		{Page{Words: 201}, 2},
		{Page{Body: []byte(strings.Repeat("word ", 401))}, 3},
	} {
		if got := tc.p.ReadingTime(); got != tc.want {
			t.Errorf("%d words, body of %d bytes: %d minutes, want %d", tc.p.Words, len(tc.p.Body), got, tc.want)
		}
	}
}
