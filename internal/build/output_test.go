package build

import (
	"os"
	"path/filepath"
	"testing"
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
