package engine

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestDirRoots: opening and reading through dirRoots gives what opening
// and reading through the project's os.Root give, files and errors
// alike, including for a symbolic link that leads out of the project.
func TestDirRoots(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	for name, text := range map[string]string{
		"site.toml":                   "a",
		"content/en/_index.md":        "b",
		"content/en/news/part/one.md": "c",
		"content/es/_index.md":        "d",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(outside, "secret.md"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(dir, "content", "en", "leak.md")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "content", "out")); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	d := newDirRoots(root)
	defer d.Close()
	read := func(fsys fs.FS, name string) string {
		f, err := fsys.Open(name)
		if err != nil {
			return "error: " + err.Error()
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			entries, err := fs.ReadDir(fsys, name)
			return fmt.Sprint("dir ", len(entries), err)
		}
		b, err := io.ReadAll(f)
		if osf, ok := f.(*os.File); ok {
			return fmt.Sprint(osf.Name(), " ", string(b), err)
		}
		return fmt.Sprint(string(b), err)
	}
	readFile := func(fsys fs.FS, name string) string {
		b, err := fs.ReadFile(fsys, name)
		return fmt.Sprint(string(b), err)
	}
	for range 2 { // the second time, through the folders opened the first
		for _, name := range []string{
			"site.toml", "content/en/_index.md", "content/en/news/part/one.md", "content/es/_index.md",
			"content/en/missing.md", "content/fr/_index.md", "content/en/leak.md", "content/out/secret.md",
			"content/en", "content/en/news", "../x.md", "/etc/passwd", "content//en/_index.md", "content/./en/_index.md",
			"content/en/_index.md/x", ".", "",
		} {
			if got, want := read(d, name), read(root.FS(), name); got != want {
				t.Errorf("%q: %s, through the root %s", name, got, want)
			}
			if got, want := readFile(d, name), readFile(root.FS(), name); got != want {
				t.Errorf("ReadFile(%q): %s, through the root %s", name, got, want)
			}
		}
	}
}
