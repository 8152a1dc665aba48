package main

import (
	"io/fs"
	"os"
	"path/filepath"

	"cecot/internal/parsecache"
	"cecot/internal/translate"
)

// parseCache opens the parse cache of the project in src
// (.cache/parse/): status, po export and import, check and the workbench
// decode there what an earlier run parsed from the same bytes.
func parseCache(src string) *parsecache.Store {
	return parsecache.Open(filepath.Join(src, parsecache.DirName))
}

// cachedProject returns the project opened as root, read through its
// parse cache, and a function that saves what the cache learnt. A cache
// that cannot be written costs the next run time, never this one its
// result, so the save's error is not reported.
func cachedProject(src string, root *os.Root) (fs.FS, func()) {
	fsys := translate.CachedOnDisk(root.FS(), parseCache(src))
	return fsys, func() { _ = translate.SaveCache(fsys) }
}
