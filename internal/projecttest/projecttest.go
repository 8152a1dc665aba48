// Package projecttest copies the real project's sources into temporary
// folders, for tests that edit them or build them where nothing else
// writes. It is for tests only.
package projecttest

import (
	"os"
	"path/filepath"
	"testing"

	"cecot/internal/assets"
	"cecot/internal/config"
	"cecot/internal/locale"
)

// Sources are what a fresh clone of the project has to build the site:
// the folders and site.toml.
var Sources = []string{config.ContentDir, config.LayoutsDir, locale.Dir, assets.Dir, config.File}

// Root returns the project's folder: the nearest folder above the
// working directory (a package's, in tests) that holds go.mod.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("projecttest: no go.mod above the working directory")
		}
		dir = up
	}
}

// Copy copies the named sources of the project (folders or files, as in
// Sources; all of Sources when none are named) into a new temporary
// folder and returns it.
func Copy(t testing.TB, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	CopyTo(t, dir, names...)
	return dir
}

// CopyTo is Copy into dir, which it creates if need be.
func CopyTo(t testing.TB, dir string, names ...string) {
	t.Helper()
	if len(names) == 0 {
		names = Sources
	}
	root := Root(t)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		src, dst := filepath.Join(root, name), filepath.Join(dir, name)
		info, err := os.Stat(src)
		if err != nil {
			t.Fatal(err)
		}
		if info.IsDir() {
			err = os.CopyFS(dst, os.DirFS(src))
		} else {
			var data []byte
			if data, err = os.ReadFile(src); err == nil {
				err = os.WriteFile(dst, data, 0o644)
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}
