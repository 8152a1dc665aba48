package status

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"cecot/internal/images/imagestest"
)

// TestImageVariants checks that status lists a Spanish chart whose
// original changed after it was made, with the command that marks it up
// to date, and that the report is not clean until then.
func TestImageVariants(t *testing.T) {
	fsys := fixture()
	fsys["content/en/chart.png"] = &fstest.MapFile{Data: imagestest.Chart(60, 40, "NEW")}
	fsys["content/es/chart.png"] = &fstest.MapFile{Data: imagestest.Chart(60, 40, "NUEVO")}
	// Recorded from an older original.
	fsys["content/es/images.toml"] = &fstest.MapFile{Data: []byte("\"chart.png\" = \"000000000000\"\n")}
	r, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	es := r.Languages[0]
	if len(es.Images) != 1 || !es.Images[0].Stale || es.Images[0].File != "content/es/chart.png" {
		t.Fatalf("images %+v", es.Images)
	}
	if r.Clean() {
		t.Error("the report is clean with an image out of date")
	}
	var b bytes.Buffer
	if err := english.WriteText(&b, r); err != nil {
		t.Fatal(err)
	}
	want := "  content/es/chart.png  (original: content/en/chart.png)\n      the original changed after this variant was made\n      when it matches the original again: go run ./cmd/site stamp content/es/chart.png\n"
	if !strings.Contains(b.String(), want) {
		t.Errorf("status text:\n%s\nwant it to contain\n%s", b.String(), want)
	}
}
