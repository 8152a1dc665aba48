package markdown

import (
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"sync"
)

// literalID matches an id attribute with a fixed value in a layout; it is
// compiled when first used, not at every start of the program.
var literalID = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\bid="([A-Za-z][A-Za-z0-9_-]*)"`) })

// AddLiteralIDs adds to ids the IDs that a layout's text writes
// literally ("main", "toc-title"): the IDs a page's headings must not
// take (Page.Reserved).
func AddLiteralIDs(layout []byte, ids map[string]bool) {
	for _, m := range literalID().FindAllSubmatch(layout, -1) {
		ids[string(m[1])] = true
	}
}

// ReservedIDs returns, sorted, the IDs that the layouts (.html files)
// under the folder dir of fsys write literally: the IDs a page's
// headings must not take. Tools that name a page's headings without
// rendering it pass them as Page.Reserved to name them as the built page
// does. Layouts that cannot be read give none; the build reports them.
func ReservedIDs(fsys fs.FS, dir string) []string {
	ids := map[string]bool{}
	_ = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".html" {
			return nil
		}
		if data, err := fs.ReadFile(fsys, p); err == nil {
			AddLiteralIDs(data, ids)
		}
		return nil
	})
	return slices.Sorted(maps.Keys(ids))
}
