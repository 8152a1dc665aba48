package engine

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"cecot/internal/diag"
)

// TestOutputCollisions checks that a page whose slug or file name would
// take the name of a file the build writes itself, or make no path at
// all, is refused at the line that chose the name, before anything is
// written.
func TestOutputCollisions(t *testing.T) {
	for _, tc := range []struct {
		name, file, text, want string
	}{
		{
			"slug of the home page's file", "content/es/extra.md", "+++\ntitle = \"Extra\"\nslug = \"index.html\"\n+++\n",
			`content/es/extra.md:3: front matter: slug "index.html" makes es/index.html/index.html, but the build writes the file es/index.html itself (the page of content/es/_index.md); choose another slug`,
		},
		{
			"slug of the feed", "content/en/extra.md", "+++\ntitle = \"Extra\"\nweight = 2\nslug = \"feed.xml\"\n+++\n",
			`content/en/extra.md:4: front matter: slug "feed.xml" makes en/feed.xml/index.html, but the build writes the file en/feed.xml itself (one of the site's own files); choose another slug`,
		},
		{
			"slug of the 404 page", "content/en/extra.md", "+++\ntitle = \"Extra\"\nslug = \"404.html\"\n+++\n",
			`content/en/extra.md:3: front matter: slug "404.html" makes en/404.html/index.html, but the build writes the file en/404.html itself (the page of content/en/404.md); choose another slug`,
		},
		{
			"file name of a single-file edition", "content/en/report.html.md", "+++\ntitle = \"Extra\"\n+++\n",
			`content/en/report.html.md:1: the file's name makes en/report.html/index.html, but the build writes the file en/report.html itself (the single-file edition of content/en/report.md); rename the file, or give the page a slug`,
		},
		{
			"a folder named like a page's file", "content/en/index.html/x.md", "+++\ntitle = \"Extra\"\n+++\n",
			`content/en/index.html/x.md:1: the file's name makes en/index.html/x/index.html, but the build writes the file en/index.html itself (the page of content/en/_index.md); rename the file, or give the page a slug`,
		},
		{
			"a file name with a space, whose slug the translation lacks", "content/en/my report.md", "+++\ntitle = \"Extra\"\nslug = \"my-report\"\n+++\n",
			`content/en/my report.md:1: URL /es/my report/, which the page has in language "es" until it is translated: segment "my report": ' ' is not allowed in a URL`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := copyFixture(t)
			out := filepath.Join(t.TempDir(), "public")
			build(t, dir, out, Options{})
			before := snapshot(t, out)
			p := filepath.Join(dir, filepath.FromSlash(tc.file))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Build(context.Background(), dir, out, Options{})
			var list diag.List
			if !errors.As(err, &list) || len(list) != 1 || !strings.HasPrefix(list[0].Error(), tc.want) {
				t.Fatalf("build: %v\nwant one error: %s", err, tc.want)
			}
			if after := snapshot(t, out); after != before {
				t.Error("the failed build changed the output")
			}

			// Watch mode refuses the page as it is added.
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			e := NewIncremental(os.DirFS(dir), Options{})
			e.Rebuild(context.Background(), nil)
			if err := e.Err(); err != nil {
				t.Fatalf("watch mode before the change: %v", err)
			}
			if err := os.WriteFile(p, []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			e.Rebuild(context.Background(), []string{tc.file})
			if err := e.Err(); err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("watch mode: %v\nwant: %s", err, tc.want)
			}
		})
	}
}

// TestWatchRefusesFrontMatter checks that watch mode refuses a page whose
// front matter names a layout or share image that cannot be used, at its
// line, as a build does, and keeps the last good version until it is
// fixed.
func TestWatchRefusesFrontMatter(t *testing.T) {
	dir := copyFixture(t)
	e := NewIncremental(os.DirFS(dir), Options{})
	e.Rebuild(context.Background(), nil)
	if err := e.Err(); err != nil {
		t.Fatalf("before the change: %v", err)
	}
	const file = "content/en/news/first.md"
	p := filepath.Join(dir, filepath.FromSlash(file))
	good, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ line, want string }{
		{`layout = "../../x"`, file + `:2: front matter: layout "../../x": a layout is named by its file in layouts/ without .html`},
		{`share_image = "../../etc/passwd"`, file + `:2: front matter: share_image "../../etc/passwd": name a file in assets/`},
	} {
		bad := strings.Replace(string(good), "+++\n", "+++\n"+tc.line+"\n", 1)
		if err := os.WriteFile(p, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		e.Rebuild(context.Background(), []string{file})
		if err := e.Err(); err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: %v\nwant: %s", tc.line, err, tc.want)
		}
		if err := os.WriteFile(p, good, 0o644); err != nil {
			t.Fatal(err)
		}
		e.Rebuild(context.Background(), []string{file})
		if err := e.Err(); err != nil {
			t.Errorf("after the fix: %v", err)
		}
	}
}

// TestWatchWarnsOfUndrawableShareImage checks that watch mode warns, as a
// build does, of a title that the share images' fonts cannot draw.
func TestWatchWarnsOfUndrawableShareImage(t *testing.T) {
	dir := copyFixture(t)
	replaceInFile(t, filepath.Join(dir, "site.toml"), "[share]\nimages = false", "[share]\nimages = true")
	e := NewIncremental(os.DirFS(dir), Options{})
	e.Rebuild(context.Background(), nil)
	const file = "content/en/news/first.md"
	p := filepath.Join(dir, filepath.FromSlash(file))
	good, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(good), `title = "First item"`, `title = "关于 CECOT"`, 1)
	if err := os.WriteFile(p, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	e.Rebuild(context.Background(), []string{file})
	if err := e.Err(); err != nil {
		t.Fatalf("a title in Chinese is no error: %v", err)
	}
	var got []string
	for _, w := range e.Warnings() {
		got = append(got, w.Error())
	}
	want := file + ":2: share image: the title has characters that the share images' fonts cannot draw (关 于)"
	if !slices.ContainsFunc(got, func(w string) bool { return strings.HasPrefix(w, want) }) {
		t.Errorf("warnings %q, want one starting %q", got, want)
	}
}

// TestWatchSkipsPOFiles: a change to files no build reads (the PO files
// in locales/po/, which the translation desk keeps in step as it saves)
// makes no rebuild, full or partial; a change to a language's strings
// still makes one.
func TestWatchSkipsPOFiles(t *testing.T) {
	dir := copyFixture(t)
	e := NewIncremental(os.DirFS(dir), Options{})
	e.Rebuild(context.Background(), nil)
	if err := e.Err(); err != nil {
		t.Fatal(err)
	}
	ch := e.Rebuild(context.Background(), []string{"locales/po/pages/es/guide.po", "locales/po/strings/es.po"})
	if ch.Full || ch.Rendered > 0 || len(ch.Files)+len(ch.Removed) > 0 {
		t.Errorf("a PO file's change rebuilt: full %v, %d rendered, %d files", ch.Full, ch.Rendered, len(ch.Files))
	}
	if ch := e.Rebuild(context.Background(), []string{"locales/po/strings/es.po", "locales/en.toml"}); !ch.Full {
		t.Error("a change to locales/en.toml with a PO file's made no full rebuild")
	}
}
