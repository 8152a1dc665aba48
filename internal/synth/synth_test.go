package synth

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// collect runs Generate and returns the files in the order they were written.
func collect(t *testing.T, opts Options) (paths []string, data map[string][]byte) {
	t.Helper()
	data = map[string][]byte{}
	err := Generate(opts, func(p string, d []byte) error {
		if _, dup := data[p]; dup {
			t.Errorf("%s written twice", p)
		}
		paths = append(paths, p)
		data[p] = d
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return paths, data
}

func TestDeterministic(t *testing.T) {
	for _, opts := range []Options{
		{N: 1},
		{N: 57, Seed: 7},
		{N: 130, Sections: 3, Chapter: 4, Seed: 20261126},
	} {
		t.Run(optName(opts), func(t *testing.T) {
			p1, d1 := collect(t, opts)
			p2, d2 := collect(t, opts)
			if !slices.Equal(p1, p2) {
				t.Fatal("write order differs between runs")
			}
			for _, p := range p1 {
				if !bytes.Equal(d1[p], d2[p]) {
					t.Fatalf("%s differs between runs", p)
				}
			}
		})
	}
}

func TestSeedChangesText(t *testing.T) {
	a := MapFS(Options{N: 5, Seed: 1})
	b := MapFS(Options{N: 5, Seed: 2})
	const p = "content/en/findings/part-01/page-00001.md"
	if bytes.Equal(a[p].Data, b[p].Data) {
		t.Errorf("%s is the same for seeds 1 and 2", p)
	}
}

// TestPageIndependentOfN checks that a page's text depends on N only
// through its link.
func TestPageIndependentOfN(t *testing.T) {
	const p = "content/es/methods/part-01/page-00002.md"
	link := regexp.MustCompile(`\[[^\]]*\]\([^)]*\)`)
	a := link.ReplaceAll(MapFS(Options{N: 20})[p].Data, nil)
	b := link.ReplaceAll(MapFS(Options{N: 40})[p].Data, nil)
	if !bytes.Equal(a, b) {
		t.Errorf("%s: text depends on N", p)
	}
}

func TestCounts(t *testing.T) {
	tests := []struct {
		opts                  Options
		sections, parts, nums int // per language
	}{
		{Options{N: 0}, 0, 0, 0},
		{Options{N: 1}, 1, 1, 1},
		{Options{N: 7}, 7, 7, 7},
		{Options{N: 10}, 10, 10, 10},
		{Options{N: 501}, 10, 11, 501},
		{Options{N: 1000}, 10, 20, 1000},
		{Options{N: 23, Sections: 3, Chapter: 2}, 3, 4 + 4 + 4, 23},
		{Options{N: 25, Sections: 12, Chapter: 1}, 12, 25, 25},
	}
	for _, tt := range tests {
		t.Run(optName(tt.opts), func(t *testing.T) {
			paths, _ := collect(t, tt.opts)
			for _, lang := range langs {
				var homes, sections, parts, pages int
				for _, p := range paths {
					rel, ok := strings.CutPrefix(p, "content/"+lang+"/")
					if !ok {
						continue
					}
					switch k := kindOf(rel); k {
					case "home":
						homes++
					case "section":
						sections++
					case "part":
						parts++
					case "page":
						pages++
					default:
						t.Errorf("unexpected file %s", p)
					}
				}
				if homes != 1 || sections != tt.sections || parts != tt.parts || pages != tt.nums {
					t.Errorf("%s: home/sections/parts/pages = %d/%d/%d/%d, want 1/%d/%d/%d",
						lang, homes, sections, parts, pages, tt.sections, tt.parts, tt.nums)
				}
			}
			want := 1 + len(themeFiles(t)) + 2*(1+tt.sections+tt.parts+tt.nums)
			if len(paths) != want {
				t.Errorf("%d files, want %d", len(paths), want)
			}
		})
	}
}

var (
	partRE = regexp.MustCompile(`^[a-z-]+[0-9]*/part-[0-9]{2,}/_index\.md$`)
	pageRE = regexp.MustCompile(`^[a-z-]+[0-9]*/part-[0-9]{2,}/page-[0-9]{5,}\.md$`)
	sectRE = regexp.MustCompile(`^[a-z-]+[0-9]*/_index\.md$`)
)

// kindOf classifies a path below content/<lang>/.
func kindOf(rel string) string {
	switch {
	case rel == "_index.md":
		return "home"
	case sectRE.MatchString(rel):
		return "section"
	case partRE.MatchString(rel):
		return "part"
	case pageRE.MatchString(rel):
		return "page"
	}
	return "?"
}

func TestLayoutPaths(t *testing.T) {
	fsys := MapFS(Options{N: 5000})
	for _, p := range []string{
		"site.toml",
		"content/en/_index.md",
		"content/es/_index.md",
		"content/en/findings/_index.md",
		"content/en/findings/part-01/_index.md",
		"content/en/findings/part-01/page-00001.md",
		"content/es/policy/part-01/page-00004.md",
		"content/en/findings/part-10/page-04991.md",
		"content/es/appendix/part-10/page-05000.md",
	} {
		if fsys[p] == nil {
			t.Errorf("missing %s", p)
		}
	}
	if fsys["content/en/findings/part-11/_index.md"] != nil {
		t.Error("part-11 exists for N=5000")
	}
	if want := 1 + len(themeFiles(t)) + 2*5111; len(fsys) != want {
		t.Errorf("%d files, want %d", len(fsys), want)
	}
}

// themeFiles lists the project files that are neither site.toml nor
// content.
func themeFiles(t *testing.T) []string {
	t.Helper()
	paths, _ := collect(t, Options{N: 0})
	var files []string
	for _, p := range paths {
		if p != "site.toml" && !strings.HasPrefix(p, "content/") {
			files = append(files, p)
		}
	}
	return files
}

func TestTheme(t *testing.T) {
	got := themeFiles(t)
	want := []string{
		"assets/css/main.css",
		"layouts/base.html",
		"layouts/home.html",
		"layouts/page.html",
		"layouts/partials/alternates.html",
		"layouts/partials/languages.html",
		"layouts/partials/list.html",
		"layouts/partials/section-nav.html",
		"layouts/root.html",
		"layouts/section.html",
		"locales/en.toml",
		"locales/es.toml",
	}
	if !slices.Equal(got, want) {
		t.Errorf("theme files\n%q\nwant\n%q", got, want)
	}
	paths, _ := collect(t, Options{N: 3})
	if paths[0] != "site.toml" || !slices.Equal(paths[1:1+len(want)], want) {
		t.Errorf("write order starts %q, want site.toml, then the theme", paths[:1+len(want)])
	}
}

func TestSiteConfig(t *testing.T) {
	got := string(MapFS(Options{N: 1})["site.toml"].Data)
	for _, want := range []string{
		`title = "Annual Report"`, `baseURL = "https://example.org/"`, `defaultLanguage = "en"`,
		"[languages.en]", `name = "English"`, "[languages.es]", `name = "Español"`, `title = "Informe anual"`,
	} {
		if !strings.Contains(got, want+"\n") {
			t.Errorf("site.toml lacks %q:\n%s", want, got)
		}
	}
}

// frontMatter splits a file into its front matter keys and its body.
func frontMatter(t *testing.T, name string, data []byte) (map[string]string, string) {
	t.Helper()
	s := string(data)
	rest, ok := strings.CutPrefix(s, "+++\n")
	fm, body, ok2 := strings.Cut(rest, "\n+++\n")
	if !ok || !ok2 {
		t.Fatalf("%s: no +++ front matter", name)
	}
	keys := map[string]string{}
	for _, line := range strings.Split(fm, "\n") {
		k, v, ok := strings.Cut(line, " = ")
		if !ok {
			t.Fatalf("%s: bad front matter line %q", name, line)
		}
		keys[k] = v
	}
	return keys, body
}

// checkKeys checks the front matter values' TOML types.
func checkKeys(t *testing.T, name string, keys map[string]string, want ...string) {
	t.Helper()
	if len(keys) != len(want) {
		t.Errorf("%s: front matter keys %v, want %v", name, keys, want)
	}
	for _, k := range want {
		v, ok := keys[k]
		switch {
		case !ok:
			t.Errorf("%s: no %s", name, k)
		case k == "date":
			if _, err := time.Parse(time.RFC3339, v); err != nil {
				t.Errorf("%s: date: %v", name, err)
			}
		case k == "weight":
			if w, err := strconv.Atoi(v); err != nil || w < 1 {
				t.Errorf("%s: weight %q", name, v)
			}
		default:
			if u, err := strconv.Unquote(v); err != nil || u == "" || len(v) < 3 {
				t.Errorf("%s: %s is not a non-empty string: %s", name, k, v)
			}
		}
	}
}

var (
	headingRE  = regexp.MustCompile(`(?m)^## \S.*$`)
	itemRE     = regexp.MustCompile(`(?m)^- \S.*$`)
	emphRE     = regexp.MustCompile(`(^|[^*])\*[^* ][^*]*\*($|[^*])`)
	strongRE   = regexp.MustCompile(`\*\*[^* ][^*]*\*\*`)
	linkRE     = regexp.MustCompile(`\]\((\.\./[^)]*)\)`)
	tableRowRE = regexp.MustCompile(`(?m)^\| .* \| (\d+) \| (\d+) \| (-?\d+[.,]\d) \|$`)
	wordRE     = regexp.MustCompile(`[\p{L}]+`)
)

// pageFeatures is what checkPage finds in a page, for en/es comparison.
type pageFeatures struct {
	keys     map[string]string
	headings int
	link     string
	numbers  [][2]string // the integer table cells
	changes  []string    // the change column
	words    int
}

func checkPage(t *testing.T, name string, data []byte) pageFeatures {
	t.Helper()
	keys, body := frontMatter(t, name, data)
	checkKeys(t, name, keys, "title", "date", "description", "weight")
	f := pageFeatures{keys: keys, headings: len(headingRE.FindAllString(body, -1))}
	if f.headings != 3 {
		t.Errorf("%s: %d headings, want 3", name, f.headings)
	}
	if n := len(itemRE.FindAllString(body, -1)); n != 5 {
		t.Errorf("%s: %d list items, want 5", name, n)
	}
	if !emphRE.MatchString(body) || !strongRE.MatchString(body) {
		t.Errorf("%s: no *emphasis* or **strong**", name)
	}
	if !strings.Contains(body, "\n| --- | ---: | ---: | ---: |\n") {
		t.Errorf("%s: no right-aligned table", name)
	}
	for _, m := range tableRowRE.FindAllStringSubmatch(body, -1) {
		f.numbers = append(f.numbers, [2]string{m[1], m[2]})
		f.changes = append(f.changes, m[3])
	}
	if len(f.numbers) != 4 {
		t.Errorf("%s: %d table rows, want 4", name, len(f.numbers))
	}
	// Each footnote: one reference and one definition.
	for fn, want := range map[string]int{"[^1]": 2, "[^2]": 2, "\n[^1]: ": 1, "\n[^2]: ": 1} {
		if got := strings.Count(body, fn); got != want {
			t.Errorf("%s: %q appears %d times, want %d", name, fn, got, want)
		}
	}
	links := linkRE.FindAllStringSubmatch(body, -1)
	if len(links) != 1 {
		t.Fatalf("%s: %d relative links, want 1", name, len(links))
	}
	f.link = links[0][1]
	f.words = len(wordRE.FindAllString(body, -1))
	if f.words < 550 || f.words > 1100 {
		t.Errorf("%s: %d words, want about 600-800", name, f.words)
	}
	return f
}

func TestPages(t *testing.T) {
	tests := []Options{
		{N: 1},
		{N: 2},
		{N: 60, Seed: 99},
		{N: 130, Sections: 12, Chapter: 3, Seed: 5},
	}
	for _, opts := range tests {
		t.Run(optName(opts), func(t *testing.T) {
			fsys := MapFS(opts)
			for _, name := range slices.Sorted(maps.Keys(fsys)) {
				if rel, ok := strings.CutPrefix(name, "content/en/"); ok {
					checkPair(t, fsys, rel, opts.N)
				}
				if rel, ok := strings.CutPrefix(name, "content/es/"); ok && fsys["content/en/"+rel] == nil {
					t.Errorf("%s has no English original", name)
				}
			}
		})
	}
}

// checkPair checks content/en/rel and content/es/rel and compares them.
func checkPair(t *testing.T, fsys fstest.MapFS, rel string, n int) {
	t.Helper()
	enName, esName := "content/en/"+rel, "content/es/"+rel
	if fsys[esName] == nil {
		t.Errorf("%s has no translation", enName)
		return
	}
	enData, esData := fsys[enName].Data, fsys[esName].Data
	if kindOf(rel) != "page" {
		for _, name := range []string{enName, esName} {
			keys, body := frontMatter(t, name, fsys[name].Data)
			checkKeys(t, name, keys, "title", "description", "weight")
			if len(strings.TrimSpace(body)) < 10 {
				t.Errorf("%s: no paragraph", name)
			}
		}
		return
	}
	ef, sf := checkPage(t, enName, enData), checkPage(t, esName, esData)
	if ef.keys["date"] != sf.keys["date"] || ef.keys["weight"] != sf.keys["weight"] {
		t.Errorf("%s: date or weight differ between languages", rel)
	}
	if ef.keys["title"] == sf.keys["title"] || bytes.Equal(enData, esData) {
		t.Errorf("%s: Spanish page is not translated", rel)
	}
	if ef.headings != sf.headings || ef.link != sf.link || !slices.Equal(ef.numbers, sf.numbers) {
		t.Errorf("%s: structure differs between languages", rel)
	}
	for k, c := range ef.changes {
		if !strings.Contains(c, ".") || strings.ReplaceAll(c, ".", ",") != sf.changes[k] {
			t.Errorf("%s: change %q (en) vs %q (es)", rel, c, sf.changes[k])
		}
	}
	if d := ef.words - sf.words; d < -ef.words/4 || d > ef.words/4 {
		t.Errorf("%s: %d English words, %d Spanish", rel, ef.words, sf.words)
	}
	checkLink(t, fsys, rel, ef.link, n)
}

// checkLink resolves link against the pretty URL of the page at rel and
// checks that it names another existing page (the same page if n == 1).
func checkLink(t *testing.T, fsys fstest.MapFS, rel, link string, n int) {
	t.Helper()
	self := strings.TrimSuffix(rel, ".md")
	if !strings.HasSuffix(link, "/") {
		t.Errorf("%s: link %s is not a pretty URL", rel, link)
	}
	target := path.Join("/en", self, link)
	tr, ok := strings.CutPrefix(target, "/en/")
	if !ok || fsys["content/en/"+tr+".md"] == nil || kindOf(tr+".md") != "page" {
		t.Errorf("%s: link %s points to %s, not a page", rel, link, target)
	}
	if (tr == self) != (n == 1) {
		t.Errorf("%s: link %s points to the page itself", rel, link)
	}
}

func TestCrossSectionLinks(t *testing.T) {
	fsys := MapFS(Options{N: 100})
	other := 0
	for _, name := range slices.Sorted(maps.Keys(fsys)) {
		rel, ok := strings.CutPrefix(name, "content/en/")
		if !ok || kindOf(rel) != "page" {
			continue
		}
		m := linkRE.FindSubmatch(fsys[name].Data)
		if m == nil {
			t.Fatalf("%s: no link", name)
		}
		if !strings.HasPrefix(path.Join("/en", rel, string(m[1])), "/en/"+strings.Split(rel, "/")[0]+"/") {
			other++
		}
	}
	if other < 90 {
		t.Errorf("%d of 100 links go to another section, want most", other)
	}
}

func TestMapFSIsValidFS(t *testing.T) {
	fsys := MapFS(Options{N: 12, Sections: 4, Chapter: 2})
	if err := fstest.TestFS(fsys, "site.toml", "content/es/data/part-02/page-00011.md"); err != nil {
		t.Fatal(err)
	}
}

func TestWriteDir(t *testing.T) {
	opts := Options{N: 25, Sections: 4, Chapter: 3, Seed: 3}
	dir := t.TempDir()
	if err := WriteDir(dir, opts); err != nil {
		t.Fatal(err)
	}
	want := MapFS(opts)
	got := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if f := want[filepath.ToSlash(rel)]; f == nil || !bytes.Equal(f.Data, data) {
			t.Errorf("%s differs from MapFS", rel)
		}
		got++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got != len(want) {
		t.Errorf("%d files on disk, want %d", got, len(want))
	}
}

func TestErrors(t *testing.T) {
	for _, opts := range []Options{{N: -1}, {N: 1, Sections: -1}, {N: 1, Chapter: -2}} {
		t.Run(optName(opts), func(t *testing.T) {
			if err := Generate(opts, func(string, []byte) error { return nil }); err == nil {
				t.Error("no error")
			}
		})
	}
	t.Run("sink", func(t *testing.T) {
		stop := errors.New("stop")
		calls := 0
		err := Generate(Options{N: 50}, func(string, []byte) error {
			calls++
			if calls == 3 {
				return stop
			}
			return nil
		})
		if err != stop || calls != 3 {
			t.Errorf("err %v after %d calls, want stop after 3", err, calls)
		}
	})
}

func TestTenths(t *testing.T) {
	tests := []struct {
		d, base int
		want    string
	}{
		{0, 100, "0.0"}, {1, 3, "33.3"}, {2, 3, "66.7"}, {-1, 200, "-0.5"},
		{-2, 3, "-66.7"}, {50, 100, "50.0"}, {-1, 10000, "0.0"},
	}
	for _, tt := range tests {
		got := string(appendTenths(nil, percentTenths(tt.d, tt.base), '.'))
		if got != tt.want {
			t.Errorf("%d/%d: %s, want %s", tt.d, tt.base, got, tt.want)
		}
	}
}

func optName(o Options) string {
	return "N=" + strconv.Itoa(o.N) + ",S=" + strconv.Itoa(o.Sections) + ",C=" + strconv.Itoa(o.Chapter)
}

func BenchmarkGenerate5000(b *testing.B) {
	var n int64
	for b.Loop() {
		n = 0
		err := Generate(Options{N: 5000, Seed: 20261126}, func(_ string, d []byte) error {
			n += int64(len(d))
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(n)
}

func BenchmarkMapFS5000(b *testing.B) {
	for b.Loop() {
		MapFS(Options{N: 5000})
	}
}
