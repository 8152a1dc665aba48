package translate

import (
	"io/fs"
	"reflect"
	"testing"
	"testing/fstest"

	"cecot/internal/content"
)

// TestReadLoadedMatchesAParse checks that a page's blocks found from
// content.Load's parse are those a parse of the file finds, and that a
// file changed since the load is parsed again, not taken for what was
// loaded.
func TestReadLoadedMatchesAParse(t *testing.T) {
	const file = "content/en/report.md"
	loaded := "+++\ntitle = \"Report\"\ndescription = \"What we found.\"\n+++\n\nFirst paragraph.\n\n## Findings\n\nSecond paragraph.[^1]\n\n[^1]: A note.\n"
	p, _, err := content.Parse(content.ID{Lang: "en", Key: "report"}, []byte(loaded))
	if err != nil {
		t.Fatal(err)
	}
	for name, now := range map[string]string{
		"unchanged":     loaded,
		"body edited":   "+++\ntitle = \"Report\"\ndescription = \"What we found.\"\n+++\n\nFirst paragraph.\n\nAn inserted one.\n\n## Findings\n\nSecond paragraph.[^1]\n\n[^1]: A note.\n",
		"title edited":  "+++\ntitle = \"The report\"\ndescription = \"What we found.\"\n+++\n\nFirst paragraph.\n\n## Findings\n\nSecond paragraph.[^1]\n\n[^1]: A note.\n",
		"lines shifted": "\n" + loaded,
	} {
		want, err := readPageFile(file, "en", "report", []byte(now), nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// Read directly, and through a parse cache (the workbench's,
		// and on disk the commands').
		files := fstest.MapFS{file: {Data: []byte(now)}}
		for _, fsys := range []fs.FS{files, Cached(files)} {
			got, err := readLoaded(fsys, p, "report", nil)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !reflect.DeepEqual(got.blocks, want.blocks) || string(got.src) != string(want.src) || got.format != want.format ||
				got.page.Title != want.page.Title || string(got.page.Body) != string(want.page.Body) {
				t.Errorf("%s (%T): blocks from the load\n%+v\nwant those of a parse\n%+v", name, fsys, got.blocks, want.blocks)
			}
		}
	}
}
