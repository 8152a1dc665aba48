package engine

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestDirWriterStaysInside checks the last guard against a page that
// would be written outside the output folder, whatever its URL says.
func TestDirWriterStaysInside(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "out")
	w := newDirWriter(root)
	for _, name := range []string{"../x.html", "en/../../x.html", "/x.html", `en\..\..\x.html`, "..", "", "."} {
		if err := w.WriteFile(name, []byte("x")); err == nil {
			t.Errorf("WriteFile(%q) was allowed", name)
		}
	}
	if err := w.WriteFile("en/report/index.html", []byte("ok")); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(base)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "out" {
		t.Errorf("the writer touched %v beside its folder", entries)
	}
}

func TestStageRemovesAbandonedStagingFolders(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	mk := func(name string, marked bool, age time.Duration) string {
		dir := filepath.Join(parent, name)
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if marked {
			m := filepath.Join(dir, Marker)
			if err := os.WriteFile(m, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			when := time.Now().Add(-age)
			if err := os.Chtimes(m, when, when); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	killed := mk(".public.new-111", true, time.Hour)
	running := mk(".public.new-222", true, time.Second)
	foreign := mk(".public.new-333", false, 0)
	other := mk(".other.new-444", true, time.Hour)

	dir, err := stage(out)
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	for _, c := range []struct {
		dir  string
		kept bool
	}{{killed, false}, {running, true}, {foreign, true}, {other, true}} {
		_, err := os.Stat(c.dir)
		if kept := err == nil; kept != c.kept {
			t.Errorf("%s: kept = %v, want %v", filepath.Base(c.dir), kept, c.kept)
		}
	}
}
