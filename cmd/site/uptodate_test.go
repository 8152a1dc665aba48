package main

import (
	"cecot/internal/cputime"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cecot/internal/engine"
	"cecot/internal/projecttest"
)

// A build whose inputs, flags and output folder are as the last build
// left them does not build again; every other change builds, and what
// the build leaves is what a full build makes. Whether a build happened
// is seen in the output folder, which a build replaces whole (a new
// folder in its place), never in a timing.
func TestBuildUpToDate(t *testing.T) {
	remove := func(name string) func(*testing.T, string) {
		return func(t *testing.T, dir string) {
			if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
				t.Fatal(err)
			}
		}
	}
	write := func(name, data string) func(*testing.T, string) {
		return func(t *testing.T, dir string) {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	edit := func(name, old, new string) func(*testing.T, string) {
		return func(t *testing.T, dir string) { editFile(t, filepath.Join(dir, filepath.FromSlash(name)), old, new) }
	}
	nothing := func(*testing.T, string) {}
	tests := []struct {
		name    string
		change  func(t *testing.T, dir string)
		flags   []string
		rebuilt bool
	}{
		{"nothing changed", nothing, nil, false},
		{"nothing changed, -force", nothing, []string{"-force"}, true},
		{"a page edited, same size and time", func(t *testing.T, dir string) {
			sameSizeEdit(t, filepath.Join(dir, "content/en/submission.md"), "secret agreement.", "hidden agreement.")
		}, nil, true},
		{"a page added", write("content/en/new.md", "+++\ntitle = \"New\"\n+++\nText.\n"), nil, true},
		{"a page deleted", remove("content/es/about.md"), nil, true},
		{"a page renamed", func(t *testing.T, dir string) {
			if err := os.Rename(filepath.Join(dir, "content/es/about.md"), filepath.Join(dir, "content/es/acerca.md")); err != nil {
				t.Fatal(err)
			}
		}, nil, true},
		{"a layout edited", edit("layouts/base.html", "</body>", "<!-- x --></body>"), nil, true},
		{"interface strings edited", edit("locales/es.toml", "=", " = "), nil, true},
		{"an asset edited", func(t *testing.T, dir string) {
			files, _ := filepath.Glob(filepath.Join(dir, "assets/css/*.css"))
			if len(files) == 0 {
				t.Fatal("no stylesheet")
			}
			data, _ := os.ReadFile(files[0])
			if err := os.WriteFile(files[0], append(data, "\nbody{margin:1px}\n"...), 0o644); err != nil {
				t.Fatal(err)
			}
		}, nil, true},
		{"site.toml edited", edit("site.toml", "title", "title"+strings.Repeat(" ", 1)), nil, true},
		// A build reads neither the PO files' contents (po import
		// writes them into content/) nor the glossary: changing them
		// changes nothing it makes or says, as the full build below
		// shows.
		{"a PO file edited", edit("locales/po/pages/es/submission.po", `msgstr "Resumen del informe"`, `msgstr "Resumen del informe (revisado)"`), nil, false},
		{"the glossary edited", edit("locales/glossary.toml", "=", " = "), nil, false},
		{"a stray PO file added", write("locales/po/pages/fr/about.po", "msgid \"\"\nmsgstr \"\"\n"), nil, true},
		{"-drafts", nothing, []string{"-drafts"}, true},
		{"-compress", nothing, []string{"-compress"}, true},
		{"-baseurl", nothing, []string{"-baseurl", "https://example.org/other/"}, true},
		{"messages in Spanish", nothing, []string{"-lang", "es"}, true},
		{"an output file edited", edit("public/index.html", "<", "< "), nil, true},
		{"an output file deleted", remove("public/robots.txt"), nil, true},
		{"an output file added", write("public/extra.txt", "x"), nil, true},
		{"the output folder deleted", remove("public"), nil, true},
		{"the output folder's marker edited", edit("public/"+engine.Marker, ".", "!"), nil, true},
		{"an output folder added", func(t *testing.T, dir string) {
			if err := os.Mkdir(filepath.Join(dir, "public", "empty"), 0o755); err != nil {
				t.Fatal(err)
			}
		}, nil, true},
		{"the manifest damaged", func(t *testing.T, dir string) {
			if err := os.WriteFile(filepath.Join(dir, engine.ManifestDir, engine.ManifestName), []byte("{garbage"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, nil, true},
		{"the manifest deleted", remove(engine.ManifestDir), nil, true},
		{"the caches deleted", remove(".cache"), nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyProject(t)
			public := filepath.Join(dir, "public")
			buildOK(t, dir)
			if _, stderr, rebuilt := buildOK(t, dir); rebuilt {
				t.Fatalf("an unchanged project was built again\n%s", stderr)
			}
			tt.change(t, dir)
			stdout, stderr, rebuilt := buildOK(t, dir, tt.flags...)
			if rebuilt != tt.rebuilt {
				t.Fatalf("built again: %v, want %v\n%s%s", rebuilt, tt.rebuilt, stdout, stderr)
			}
			// What the build left is what a full build makes.
			fresh := filepath.Join(t.TempDir(), "fresh")
			stdoutF, stderrF, _ := buildOK(t, dir, append([]string{"-force", "-out", fresh}, tt.flags...)...)
			if stderr != stderrF {
				t.Errorf("warnings:\n%s\nfull build's:\n%s", stderr, stderrF)
			}
			if strings.Contains(stdoutF, "up to date") {
				t.Fatalf("-force: %s", stdoutF)
			}
			got, want := readTree(t, public), readTree(t, fresh)
			for name := range want {
				if got[name] != want[name] {
					t.Errorf("%s differs from a full build's", name)
				}
			}
			for name := range got {
				if _, ok := want[name]; !ok {
					t.Errorf("%s: not in a full build", name)
				}
			}
			// Built again into public/, then found up to date, saying
			// the same warnings.
			buildOK(t, dir, tt.flags...)
			_, again, rebuilt := buildOK(t, dir, withoutForce(tt.flags)...)
			if rebuilt {
				t.Fatalf("built again after a build with the same flags")
			}
			if again != stderr {
				t.Errorf("warnings when up to date:\n%s\nwhen built:\n%s", again, stderr)
			}
		})
	}
}

// buildOK runs site build on the project in dir and reports whether it
// replaced the output folder.
func buildOK(t *testing.T, dir string, flags ...string) (stdout, stderr string, rebuilt bool) {
	t.Helper()
	out := filepath.Join(dir, "public")
	for i, f := range flags {
		if f == "-out" {
			out = flags[i+1]
		}
	}
	before, _ := os.Stat(out)
	code, stdout, stderr := runSite(t, append([]string{"build", "-src", dir}, flags...)...)
	if code != 0 {
		t.Fatalf("site build %v: exit %d\n%s", flags, code, stderr)
	}
	after, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	rebuilt = before == nil || !os.SameFile(before, after)
	if up := strings.Contains(stdout, "up to date") || strings.Contains(stdout, "al día"); up == rebuilt {
		t.Fatalf("site build %v rebuilt %v, but said:\n%s", flags, rebuilt, stdout)
	}
	return stdout, stderr, rebuilt
}

func withoutForce(flags []string) []string {
	var out []string
	for _, f := range flags {
		if f != "-force" {
			out = append(out, f)
		}
	}
	return out
}

// BenchmarkBuildUpToDate times "site build" on a copy of the real
// project in-process (without the process's start): up to date (the
// manifest checked, nothing built), and -force (a full build with
// warm caches, recording the next check's manifest).
func BenchmarkBuildUpToDate(b *testing.B) {
	dir := projecttest.Copy(b)
	var out, errOut strings.Builder
	if code := run([]string{"build", "-src", dir}, &out, &errOut); code != 0 {
		b.Fatal(errOut.String())
	}
	for _, bc := range []struct {
		name  string
		flags []string
		want  string
	}{{"up-to-date", nil, "up to date"}, {"force", []string{"-force"}, "built"}} {
		b.Run(bc.name, func(b *testing.B) {
			defer reportCPU(b, cputime.Used())
			for b.Loop() {
				out.Reset()
				if code := run(append([]string{"build", "-src", dir}, bc.flags...), &out, &errOut); code != 0 || !strings.Contains(out.String(), bc.want) {
					b.Fatalf("%s%s", out.String(), errOut.String())
				}
			}
		})
	}
}
