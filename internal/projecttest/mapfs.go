package projecttest

import (
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"
	"testing/fstest"
)

// MapFS reads the folder dir (a fixture site under testdata/) into
// memory, for a test that changes it without touching the disk.
func MapFS(t testing.TB, dir string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path.Join(dir, p))
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// Put writes files, by project path, into fsys, as a command's plan
// (translate.Plan's Files) would write them to disk.
func Put(fsys fstest.MapFS, files map[string][]byte) {
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: data}
	}
}

// Replace replaces the first old in the file name of fsys with new; the
// file must hold old, so that a test whose fixture changed fails here
// rather than testing nothing.
func Replace(t testing.TB, fsys fstest.MapFS, name, old, new string) {
	t.Helper()
	data := string(fsys[name].Data)
	if !strings.Contains(data, old) {
		t.Fatalf("%s does not hold %q", name, old)
	}
	fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(data, old, new, 1))}
}
