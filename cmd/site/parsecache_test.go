package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cecot/internal/parsecache"
)

// Status and po export read through the parse cache say, byte for byte,
// what they say with no cache, whatever changed in the project or
// happened to the cache since the run that filled it; and a change to
// the project changes what they say (no stale entry is used).
func TestParseCacheSameOutput(t *testing.T) {
	tests := []struct {
		name    string
		change  func(t *testing.T, dir string)
		changes bool // what status says
	}{
		{"nothing changed", func(*testing.T, string) {}, false},
		{"an English word changed, same size and time", func(t *testing.T, dir string) {
			// What a cache keyed by size and time would miss: the
			// file's size and modification time are as before.
			sameSizeEdit(t, filepath.Join(dir, "content/en/submission.md"), "secret agreement.", "hidden agreement.")
		}, true},
		{"a msgstr edited", func(t *testing.T, dir string) {
			editFile(t, filepath.Join(dir, "locales/po/pages/es/submission.po"),
				`msgstr "Resumen del informe"`, `msgstr "Resumen del informe (revisado)"`)
		}, true},
		{"a translation deleted", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, "content/es/about.md")); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"the cache cut short", func(t *testing.T, dir string) {
			damageCache(t, dir, func(b []byte) []byte { return b[:len(b)/2] })
		}, false},
		{"a byte of the cache changed", func(t *testing.T, dir string) {
			damageCache(t, dir, func(b []byte) []byte { b[len(b)-3] ^= 1; return b })
		}, false},
		{"the cache replaced by garbage", func(t *testing.T, dir string) {
			damageCache(t, dir, func([]byte) []byte { return []byte("garbage") })
		}, false},
		{"the cache deleted", func(t *testing.T, dir string) {
			if err := os.RemoveAll(filepath.Join(dir, ".cache")); err != nil {
				t.Fatal(err)
			}
		}, false},
	}
	commands := [][]string{{"status"}, {"status", "-json"}, {"po", "export", "-n"}, {"check"}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyProject(t)
			before := map[string]string{}
			for _, c := range commands {
				before[strings.Join(c, " ")] = runOK(t, dir, c...)
			}
			if _, err := os.Stat(filepath.Join(dir, parsecache.DirName)); err != nil {
				t.Fatalf("no cache written: %v", err)
			}
			tt.change(t, dir)
			for _, c := range commands {
				name := strings.Join(c, " ")
				cached := runOK(t, dir, c...)
				if err := os.RemoveAll(filepath.Join(dir, ".cache")); err != nil {
					t.Fatal(err)
				}
				fresh := runOK(t, dir, c...)
				if cached != fresh {
					t.Errorf("%s through the cache:\n%s\nwithout:\n%s", name, cached, fresh)
				}
				if c[0] == "status" && (cached != before[name]) != tt.changes {
					t.Errorf("%s changed: %v, want %v", name, cached != before[name], tt.changes)
				}
			}
		})
	}
}

// runOK runs site with args on the project in dir and returns what it
// printed; a status that fails only for being out of date is fine.
func runOK(t *testing.T, dir string, args ...string) string {
	t.Helper()
	code, stdout, stderr := runSite(t, append(args, "-src", dir)...)
	if code != 0 {
		t.Fatalf("site %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
	}
	return stdout + stderr
}

// sameSizeEdit replaces old with new, of the same length, in file and
// gives the file back its modification time.
func sameSizeEdit(t *testing.T, file, old, new string) {
	t.Helper()
	if len(old) != len(new) {
		t.Fatal("not the same size")
	}
	info, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	editFile(t, file, old, new)
	if err := os.Chtimes(file, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.Stat(file); after.Size() != info.Size() || !after.ModTime().Equal(info.ModTime()) {
		t.Fatal("size or time changed")
	}
}

// damageCache rewrites every file of the project's parse cache with
// damage, keeping its modification time.
func damageCache(t *testing.T, dir string, damage func([]byte) []byte) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, parsecache.DirName, "*"))
	if len(files) == 0 {
		t.Fatal("no cache files")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, damage(data), 0o644); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-time.Hour)
		_ = os.Chtimes(f, old, old)
	}
}
