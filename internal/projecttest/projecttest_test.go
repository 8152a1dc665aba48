package projecttest

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// A copy has every source, with the same bytes, and only what was asked.
func TestCopy(t *testing.T) {
	dir := Copy(t)
	for _, name := range Sources {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("the copy has no %s: %v", name, err)
		}
	}
	want, err := os.ReadFile(filepath.Join(Root(t), "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(filepath.Join(dir, "site.toml")); err != nil || !bytes.Equal(got, want) {
		t.Errorf("site.toml copied as %q, %v", got, err)
	}
	some := Copy(t, "layouts")
	if _, err := os.Stat(filepath.Join(some, "content")); !os.IsNotExist(err) {
		t.Errorf("Copy(t, \"layouts\") copied content too: %v", err)
	}
}
