package workbench_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cecot/internal/engine"
	"cecot/internal/workbench"
)

// TestNotBuilt checks that "site build" never publishes the workbench:
// no file under _status/, and no page that links to it or carries its
// words.
func TestNotBuilt(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := engine.Build(context.Background(), repo, out, engine.Options{}); err != nil {
		t.Fatal(err)
	}
	n := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		rel, _ := filepath.Rel(out, p)
		if strings.HasPrefix(filepath.ToSlash(rel), strings.Trim(workbench.Path, "/")) {
			t.Errorf("the build wrote %s", rel)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, s := range []string{workbench.Path, "workbench.css", "Translation workbench", "Mesa de traducción", "/_site/"} {
			if strings.Contains(string(data), s) {
				t.Errorf("%s contains %q", rel, s)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("the build wrote nothing")
	}
}
