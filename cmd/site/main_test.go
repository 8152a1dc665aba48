package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"cecot/internal/projecttest"
)

// runSite runs the command with args and returns its exit code and output.
func runSite(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestHelp(t *testing.T) {
	code, stdout, _ := runSite(t, "help")
	if code != 0 {
		t.Fatalf("site help: exit %d, want 0", code)
	}
	for _, c := range commands() {
		if !strings.Contains(stdout, c.name) || !strings.Contains(stdout, c.summary) {
			t.Errorf("site help does not list command %q with its summary:\n%s", c.name, stdout)
		}
	}
	for _, args := range [][]string{{"build", "-h"}, {"help", "build"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, _, stderr := runSite(t, args...)
			if code != 0 {
				t.Fatalf("exit %d, want 0", code)
			}
			for _, flag := range []string{"-src", "-out", "-baseurl", "-drafts", "-compress"} {
				if !regexp.MustCompile(`(?m)^\s+` + flag + `\b.*\n\s+\S`).MatchString(stderr) {
					t.Errorf("help does not explain %s:\n%s", flag, stderr)
				}
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"biuld"}, `unknown command "biuld"`},
		{[]string{"build", "-nosuchflag"}, "flag provided but not defined"},
		{[]string{"build", "extra"}, "Usage: site build"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, _, stderr := runSite(t, tc.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("stderr does not say %q:\n%s", tc.want, stderr)
			}
		})
	}
}

// copyProject copies the real project's sources into a fresh folder, as a
// fresh clone would have them.
func copyProject(t *testing.T) string { return projecttest.Copy(t) }

// readTree returns every file under dir by slash-separated path, but
// for the caches in .cache/: every command may fill the parse cache,
// even one that fails or only says what it would write (-n), as it
// holds no work of anyone's, only what the tools worked out.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && p == ".cache" {
			return fs.SkipDir
		}
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(dir, p))
		files[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

var summaryRE = regexp.MustCompile(`^site: built (\d+) pages \(en (\d+), es (\d+)\), (\d+) files, [\d.]+ (B|kB|MB), in \d+ ms into (.+)\n$`)

// TestBuildProject builds the real project from a copy, as on a fresh
// clone, and checks the summary line and that both languages are there.
func TestBuildProject(t *testing.T) {
	src := copyProject(t)
	code, stdout, stderr := runSite(t, "build", "-src", src)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	m := summaryRE.FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("summary line %q does not match %s", stdout, summaryRE)
	}
	if m[2] == "0" || m[3] == "0" {
		t.Errorf("summary %q: want English and Spanish pages", stdout)
	}
	out := filepath.Join(src, "public")
	if m[6] != out {
		t.Errorf("summary names output %q, want %q", m[6], out)
	}
	files := readTree(t, out)
	for _, name := range []string{"index.html", "en/index.html", "es/index.html", "en/404.html", "es/404.html"} {
		if _, ok := files[name]; !ok {
			t.Errorf("no %s in the built site", name)
		}
	}
	if got, want := m[4], len(files)-1; got != strconv.Itoa(want) { // the marker is not counted
		t.Errorf("summary says %s files, the folder has %d besides the marker", got, want)
	}
	if !strings.Contains(files["es/index.html"], `<html lang=es`) {
		t.Errorf("es/index.html does not declare lang=es")
	}
}

// TestBuildFailureKeepsOutput breaks the front matter of two pages: the
// build must fail naming both files and lines, and leave public/ as the
// last good build made it.
func TestBuildFailureKeepsOutput(t *testing.T) {
	src := copyProject(t)
	if code, _, stderr := runSite(t, "build", "-src", src); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	out := filepath.Join(src, "public")
	before := readTree(t, out)

	breakFile(t, filepath.Join(src, "content", "es", "about.md"), "+++\n", "+++\ntitle = \"sin cerrar\n")
	breakFile(t, filepath.Join(src, "content", "en", "about.md"), "+++\n", "+++\nstandalone = \"yes\"\n")
	code, stdout, stderr := runSite(t, "build", "-src", src)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if stdout != "" {
		t.Errorf("a failed build printed a summary: %q", stdout)
	}
	for _, want := range []string{
		"site: error: content/en/about.md:2: front matter: standalone: want true or false",
		"site: error: content/es/about.md:2: front matter:",
		"site: 2 problems",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not say %q:\n%s", want, stderr)
		}
	}
	if i, j := strings.Index(stderr, "content/en/"), strings.Index(stderr, "content/es/"); i > j {
		t.Errorf("problems are not sorted by file:\n%s", stderr)
	}
	assertSameTree(t, before, readTree(t, out))
	assertNoStaging(t, src)
}

// breakFile replaces the first old in file with new.
func breakFile(t *testing.T, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s has no %q", file, old)
	}
	data = bytes.Replace(data, []byte(old), []byte(new), 1)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func assertSameTree(t *testing.T, want, got map[string]string) {
	t.Helper()
	for name, data := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s is gone", name)
		} else if g != data {
			t.Errorf("%s changed", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s appeared", name)
		}
	}
}

// assertNoStaging checks that no staging folder was left beside public/.
func assertNoStaging(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public") {
			t.Errorf("staging folder %s left behind", e.Name())
		}
	}
}

// TestBuildRefusesForeignOut points -out at a folder of someone's files:
// the build must refuse, explain, and leave the files alone.
func TestBuildRefusesForeignOut(t *testing.T) {
	src := copyProject(t)
	out := t.TempDir()
	if err := os.WriteFile(filepath.Join(out, "thesis.txt"), []byte("years of work"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runSite(t, "build", "-src", src, "-out", out)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if stdout != "" {
		t.Errorf("a refused build printed a summary: %q", stdout)
	}
	if !strings.Contains(stderr, "site: error: output folder "+out+" has files that this generator did not write") {
		t.Errorf("stderr does not explain the refusal:\n%s", stderr)
	}
	assertSameTree(t, map[string]string{"thesis.txt": "years of work"}, readTree(t, out))
}

// TestBuildReproducible builds the project twice into two folders and
// compares every file byte for byte.
func TestBuildReproducible(t *testing.T) {
	src := copyProject(t)
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	for _, out := range []string{a, b} {
		if code, _, stderr := runSite(t, "build", "-src", src, "-out", out); code != 0 {
			t.Fatalf("build into %s: exit %d\n%s", out, code, stderr)
		}
	}
	assertSameTree(t, readTree(t, a), readTree(t, b))
}

// TestBuildFixture builds the build package's fixture site through the
// command, end to end, and compares the result with its golden tree.
func TestBuildFixture(t *testing.T) {
	// A copy: a build writes its manifest into the project's .cache/.
	src := t.TempDir()
	if err := os.CopyFS(src, os.DirFS(filepath.Join("..", "..", "internal", "engine", "testdata", "site"))); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runSite(t, "build", "-src", src, "-out", out)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	m := summaryRE.FindStringSubmatch(stdout)
	if m == nil || m[1] != "12" || m[2] != "6" || m[3] != "6" || m[6] != out {
		t.Errorf("summary %q, want 12 pages (en 6, es 6) into %s", stdout, out)
	}
	if want := "site: warning: locales/es.toml: MISSING_TRANSLATION|es|single_file: "; !strings.HasPrefix(stderr, want) || strings.Count(stderr, "\n") != 1 {
		t.Errorf("stderr %q, want one warning starting %q", stderr, want)
	}
	golden := readTree(t, filepath.Join("..", "..", "internal", "engine", "testdata", "golden"))
	assertSameTree(t, golden, readTree(t, out))
}
