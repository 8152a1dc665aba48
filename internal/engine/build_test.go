package engine

import (
	"bytes"
	"context"
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden with the build of testdata/site")

const (
	fixture = "testdata/site"
	golden  = "testdata/golden"
)

// readTree returns every file under dir by slash-separated path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		files[p] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// diffTrees reports every file that is missing, extra or different.
func diffTrees(t *testing.T, what string, want, got map[string][]byte) {
	t.Helper()
	for name, data := range want {
		g, ok := got[name]
		switch {
		case !ok:
			t.Errorf("%s: %s is missing", what, name)
		case !bytes.Equal(g, data):
			t.Errorf("%s: %s differs:\n got %.600s\nwant %.600s", what, name, g, data)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: %s is extra", what, name)
		}
	}
}

// copyFixture copies the fixture site into a fresh folder, so that a test
// may change it.
func copyFixture(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dir, os.DirFS(fixture)); err != nil {
		t.Fatal(err)
	}
	return dir
}

func build(t *testing.T, src, out string, opts Options) *Result {
	t.Helper()
	res, err := Build(context.Background(), src, out, opts)
	if err != nil {
		t.Fatalf("build %s: %v", src, err)
	}
	return res
}

// TestGolden builds the fixture site and compares every file with the
// golden tree; go test -update rewrites it. Two builds into two folders
// must give the same bytes, so the golden tree is stable.
func TestGolden(t *testing.T) {
	outA := filepath.Join(t.TempDir(), "public")
	res := build(t, fixture, outA, Options{})
	outB := filepath.Join(t.TempDir(), "public")
	build(t, fixture, outB, Options{})
	a, b := readTree(t, outA), readTree(t, outB)
	diffTrees(t, "second build", a, b)

	if *update {
		if err := os.RemoveAll(golden); err != nil {
			t.Fatal(err)
		}
		if err := os.CopyFS(golden, os.DirFS(outA)); err != nil {
			t.Fatal(err)
		}
	}
	diffTrees(t, "golden (if the change is meant, run go test ./internal/engine -update and review the diff)", readTree(t, golden), a)

	if res.Pages["en"] != 6 || res.Pages["es"] != 6 {
		t.Errorf("pages per language %v, want en 6 and es 6 (with the Spanish stand-in, without the draft)", res.Pages)
	}
	if res.Files != len(a)-1 { // the marker is not counted
		t.Errorf("Result.Files = %d, the folder has %d files besides the marker", res.Files, len(a)-1)
	}
	var total int64
	for name, data := range a {
		if name != Marker {
			total += int64(len(data))
		}
	}
	if res.Bytes != total {
		t.Errorf("Result.Bytes = %d, the files hold %d", res.Bytes, total)
	}
	var warns []string
	for _, w := range res.Warnings {
		warns = append(warns, w.Error())
	}
	if want := "locales/es.toml: MISSING_TRANSLATION|es|single_file"; len(warns) != 1 || !strings.HasPrefix(warns[0], want) {
		t.Errorf("warnings %q, want one: %s", warns, want)
	}
}

// TestDrafts builds the fixture with drafts: the draft appears in both
// languages, as itself and as a Spanish stand-in.
func TestDrafts(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res := build(t, fixture, out, Options{Drafts: true})
	files := readTree(t, out)
	for _, name := range []string{"en/news/draft/index.html", "es/noticias/draft/index.html"} {
		if _, ok := files[name]; !ok {
			t.Errorf("with drafts, no %s", name)
		}
	}
	if res.Pages["en"] != 7 {
		t.Errorf("pages %v, want 7 in English", res.Pages)
	}
}

// TestBaseURLOverride builds with -baseurl: permalinks follow it and
// relative links do not change.
func TestBaseURLOverride(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, fixture, out, Options{BaseURL: "https://mirror.example.net"})
	page := string(readTree(t, out)["es/informe/index.html"])
	if !strings.Contains(page, "href=https://mirror.example.net/es/informe/") {
		t.Errorf("canonical link does not follow -baseurl:\n%s", page)
	}
	if !strings.Contains(page, "href=../noticias/primera/#p1") {
		t.Errorf("relative link changed:\n%s", page)
	}
}

var sriRE = regexp.MustCompile(`href=([^ >]+) integrity=(sha384-[A-Za-z0-9+/=]+)`)

// TestIntegrity checks that every integrity attribute in the built site
// matches the bytes of the file it names, as a browser would.
func TestIntegrity(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, fixture, out, Options{})
	files := readTree(t, out)
	checked := 0
	for name, data := range files {
		if path.Ext(name) != ".html" {
			continue
		}
		for _, m := range sriRE.FindAllStringSubmatch(string(data), -1) {
			target := path.Join(path.Dir(name), m[1])
			if base, ok := strings.CutPrefix(m[1], "/fixture/"); ok {
				target = base // 404 pages link from the base path
			}
			served, ok := files[target]
			if !ok {
				t.Errorf("%s: links to %s, which is not in the site", name, target)
				continue
			}
			sum := sha512.Sum384(served)
			if got := "sha384-" + base64.StdEncoding.EncodeToString(sum[:]); got != m[2] {
				t.Errorf("%s: integrity of %s is %s, its bytes hash to %s", name, target, m[2], got)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no integrity attributes found")
	}
}

// TestFingerprint changes the stylesheet: its published name must change,
// and pages must link to the new name.
func TestFingerprint(t *testing.T) {
	src := copyFixture(t)
	out := filepath.Join(t.TempDir(), "public")
	build(t, src, out, Options{})
	before := stylesheets(readTree(t, out))
	css := filepath.Join(src, "assets", "css", "site.css")
	appendFile(t, css, "main { color: #222; }\n")
	build(t, src, out, Options{})
	files := readTree(t, out)
	after := stylesheets(files)
	if len(before) != 1 || len(after) != 1 || before[0] == after[0] {
		t.Fatalf("stylesheet %v became %v, want one with a new name", before, after)
	}
	if page := string(files["en/index.html"]); !strings.Contains(page, path.Base(after[0])) {
		t.Errorf("en/index.html does not link to %s", after[0])
	}
	// An unchanged stylesheet keeps its name.
	build(t, src, out, Options{})
	if again := stylesheets(readTree(t, out)); again[0] != after[0] {
		t.Errorf("an unchanged stylesheet was renamed %s", again[0])
	}
}

func stylesheets(files map[string][]byte) []string {
	var css []string
	for name := range files {
		if strings.HasPrefix(name, "assets/css/") {
			css = append(css, name)
		}
	}
	return css
}

func appendFile(t *testing.T, name, text string) {
	t.Helper()
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestAtomicSwap checks that a failing build leaves the previous output
// exactly as it was, that a successful one replaces it, and that neither
// leaves a staging folder behind.
func TestAtomicSwap(t *testing.T) {
	src := copyFixture(t)
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	build(t, src, out, Options{})
	before := readTree(t, out)

	for _, tc := range []struct {
		name, file, text, want string
	}{
		{"front matter", "content/es/news/first.md", "+++\nweight = \"uno\"\n+++\n", "content/es/news/first.md:2: front matter: weight"},
		{"layout", "layouts/page.html", "{{.NoSuchField}}", "layouts/page.html:"},
		{"link", "content/en/news/first.md", "[gone](gone.md)\n", `content/en/news/first.md:16: link "gone.md": no page content/en/news/gone.md`},
		{"image", "content/es/news/first.md", "![mapa](/assets/mapa.png)\n", `content/es/news/first.md:9: image "/assets/mapa.png": no file assets/mapa.png; check the name`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(src, filepath.FromSlash(tc.file))
			orig, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			defer os.WriteFile(file, orig, 0o644)
			broken := tc.text
			if strings.HasSuffix(tc.file, ".html") || !strings.HasPrefix(tc.text, "+++") {
				broken = string(orig) + tc.text
			}
			if err := os.WriteFile(file, []byte(broken), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err = Build(context.Background(), src, out, Options{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error with %q", err, tc.want)
			}
			diffTrees(t, "after a failed build", before, readTree(t, out))
			assertOnly(t, parent, "public")
		})
	}

	appendFile(t, filepath.Join(src, "content", "en", "news", "first.md"), "\nA new paragraph.\n")
	if err := os.Remove(filepath.Join(src, "content", "en", "news", "second.md")); err != nil {
		t.Fatal(err)
	}
	build(t, src, out, Options{})
	after := readTree(t, out)
	if !bytes.Contains(after["en/news/first/index.html"], []byte("A new paragraph.")) {
		t.Error("the new build did not replace the old one")
	}
	if _, ok := after["en/news/second/index.html"]; ok {
		t.Error("a removed page's file survived the new build")
	}
	assertOnly(t, parent, "public")
}

// assertOnly checks that dir holds only the named entries: no staging
// or old folders.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("%s holds %v, want only %v", dir, got, names)
	}
}

// TestCancel stops a build: the output stays as it was.
func TestCancel(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	build(t, fixture, out, Options{})
	before := readTree(t, out)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, fixture, out, Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled build: %v", err)
	}
	diffTrees(t, "after a cancelled build", before, readTree(t, out))
	assertOnly(t, parent, "public")
}

// TestOutputGuard points the output at folders a build must never
// replace, and at ones it may use.
func TestOutputGuard(t *testing.T) {
	src := copyFixture(t)
	base := t.TempDir()
	mk := func(name string, files ...string) string {
		dir := filepath.Join(base, name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if err := os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	file := filepath.Join(base, "file.txt")
	if err := os.WriteFile(file, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(base, "link")
	if err := os.Symlink(mk("target", Marker), link); err != nil {
		t.Fatal(err)
	}
	alias := filepath.Join(base, "alias") // another way into the project
	if err := os.Symlink(src, alias); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, out, want string // want "" means accepted
	}{
		{"project folder", src, "holds the project"},
		{"project folder through a link", alias, "holds the project"},
		{"project folder with a trailing slash", alias + "/", "holds the project"},
		{"a new folder in layouts through a link", filepath.Join(alias, "layouts", "new"), "inside the project's layouts/ folder"},
		{"the parent through ..", filepath.Join(src, "content", "..", ".."), "holds the project"},
		{"its parent", filepath.Dir(src), "holds the project"},
		{"content folder", filepath.Join(src, "content"), "inside the project's content/ folder"},
		{"a folder inside layouts", filepath.Join(src, "layouts", "out"), "inside the project's layouts/ folder"},
		{"foreign folder", mk("thesis", "chapter1.txt"), "has files that this generator did not write"},
		{"a file", file, "is not a folder"},
		{"a symlink", link, "is not a folder"},
		{"new folder", filepath.Join(base, "new", "public"), ""},
		{"empty folder", mk("empty"), ""},
		{"folder with the marker", mk("old", Marker, "index.html"), ""},
		{"public inside the project", filepath.Join(src, "public"), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := snapshot(t, tc.out)
			_, err := Build(context.Background(), src, tc.out, Options{})
			if tc.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if _, err := os.Stat(filepath.Join(tc.out, "en", "index.html")); err != nil {
					t.Errorf("accepted, but not built: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want a refusal that says %q", err, tc.want)
			}
			if after := snapshot(t, tc.out); after != before {
				t.Errorf("a refused build changed %s", tc.out)
			}
		})
	}
}

// snapshot describes what is at p, for checking that it did not change.
func snapshot(t *testing.T, p string) string {
	t.Helper()
	info, err := os.Lstat(p)
	if err != nil {
		return "nothing"
	}
	if !info.IsDir() {
		data, _ := os.ReadFile(p)
		return info.Mode().String() + string(data)
	}
	var b strings.Builder
	_ = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
		if err == nil {
			b.WriteString(q + "\n")
		}
		return nil
	})
	return b.String()
}

// TestAllProblemsAtOnce breaks two pages and a layout at once: one build
// reports them all, sorted, together with the warnings found on the way.
func TestAllProblemsAtOnce(t *testing.T) {
	src := copyFixture(t)
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(src, filepath.FromSlash(name)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/es/news/first.md", "+++\ntitle = \"Primera\"\ncolour = \"red\"\ndate = \"someday\"\n+++\n")
	write("content/en/news/first.md", "+++\ntitle = \"First\n+++\n")
	write("layouts/section.html", "{{template \"base\" .}}\n{{define \"main\"}}\n{{range .Pages}}\n{{end}}\n")
	res, err := Build(context.Background(), src, filepath.Join(t.TempDir(), "public"), Options{})
	if err == nil {
		t.Fatal("no error")
	}
	got := strings.Split(err.Error(), "\n")
	want := []string{
		"content/en/news/first.md:2: front matter:",
		"content/es/news/first.md:4: front matter: date:",
		"layouts/section.html:",
	}
	if len(got) != len(want) {
		t.Fatalf("%d problems, want %d:\n%v", len(got), len(want), err)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d: %s\nwant %s...", i+1, got[i], want[i])
		}
	}
	if res == nil {
		t.Fatal("no result, so no warnings")
	}
	var warns []string
	for _, w := range res.Warnings {
		warns = append(warns, w.Error())
	}
	if !strings.Contains(strings.Join(warns, "\n"), `content/es/news/first.md:3: front matter: unknown key "colour"`) {
		t.Errorf("the warning is not reported with the errors: %q", warns)
	}
}

// TestPublish swaps a staged folder in, by exchange where the system has
// it and by renames otherwise; either way out ends up with the new files
// and the old ones are handed back for deletion.
func TestPublish(t *testing.T) {
	for name, swap := range map[string]func(staged, out string) (string, error){
		"publish":       publish,
		"swapByRenames": swapByRenames,
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "public")
			staged := filepath.Join(dir, ".public.new-1")
			for folder, text := range map[string]string{out: "old", staged: "new"} {
				if err := os.MkdirAll(folder, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(folder, "index.html"), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			old, err := swap(staged, out)
			if err != nil {
				t.Fatal(err)
			}
			if got := readTree(t, out)["index.html"]; string(got) != "new" {
				t.Errorf("out holds %q, want the new build", got)
			}
			if got := readTree(t, old)["index.html"]; string(got) != "old" {
				t.Errorf("the folder handed back holds %q, want the old build", got)
			}
		})
	}
}

// TestMissingParts removes a part of the project: the error must say that
// it is missing, not something about links.
func TestMissingParts(t *testing.T) {
	for _, tc := range []struct{ remove, want string }{
		{"content", "content: missing; create content/en/_index.md for the home page"},
		{"layouts", "layouts: missing; a site needs at least layouts/base.html and layouts/page.html"},
		{"locales", "locales/en.toml: missing; the default language's interface strings must be there"},
		{"site.toml", "site.toml: missing; create it"},
	} {
		t.Run(tc.remove, func(t *testing.T) {
			src := copyFixture(t)
			if err := os.RemoveAll(filepath.Join(src, tc.remove)); err != nil {
				t.Fatal(err)
			}
			_, err := Build(context.Background(), src, filepath.Join(t.TempDir(), "public"), Options{})
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("got %v\nwant %s...", err, tc.want)
			}
		})
	}
}
