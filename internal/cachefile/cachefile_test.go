package cachefile

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "ab", "abcdef.png")
	if err := Write(dir, name, []byte("data")); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(name); err != nil || string(data) != "data" {
		t.Errorf("read back %q, %v", data, err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, tmpPrefix+"*"))
	if len(left) != 0 {
		t.Errorf("Write left %v", left)
	}
}

// Temporary files a killed build left (empty, or half written) are
// removed once they are older than any write takes; a fresh one, which
// a running build may be writing, and the cache's entries stay.
func TestSweep(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * StaleAge)
	files := map[string]time.Time{
		".tmp-123": old, ".tmp-456": old, ".tmp-fresh": time.Now(), "entry.png": old,
	}
	for name, when := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, when, when); err != nil {
			t.Fatal(err)
		}
	}
	if n := Sweep(dir); n != 2 {
		t.Errorf("Sweep removed %d files, want 2", n)
	}
	for name, want := range map[string]bool{".tmp-123": false, ".tmp-456": false, ".tmp-fresh": true, "entry.png": true} {
		if _, err := os.Stat(filepath.Join(dir, name)); (err == nil) != want {
			t.Errorf("%s exists: %v, want %v", name, err == nil, want)
		}
	}
	if n := Sweep(filepath.Join(dir, "missing")); n != 0 {
		t.Errorf("Sweep of a missing folder = %d", n)
	}
}
