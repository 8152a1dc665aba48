// Package cachefile writes the entries of the build's caches
// (.cache/images/, .cache/share/) so that no reader ever sees half a
// file, and removes the temporary files that a build killed in the middle
// of a write leaves behind.
//
// An entry is written to a temporary file in the cache's folder and
// renamed into place. A build killed between the two leaves the
// temporary file; the next cache opened on the folder removes those
// older than StaleAge. A write takes milliseconds, so a file that old
// belongs to no running build; and were one removed all the same, that
// build would only fail to store its entry and make it again next time.
package cachefile

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// tmpPrefix starts the names of temporary files, which the caches'
// readers never look up.
const tmpPrefix = ".tmp-"

// StaleAge is how old a temporary file must be for Sweep to remove it.
const StaleAge = time.Minute

// Write stores data as the file name, a path in the cache folder dir,
// through a temporary file in dir, creating name's folder as needed.
func Write(dir, name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, tmpPrefix+"*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		// Readable as the files a build writes are, so that a build may
		// link an entry into the site (CreateTemp makes it 0600).
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		_ = os.Remove(f.Name())
	}
	return err
}

// Sweep removes the temporary files older than StaleAge in the cache
// folder dir and returns how many it removed. A folder that does not
// exist has none.
func Sweep(dir string) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	removed := 0
	for _, e := range entries {
		if e.IsDir() || !strings.HasPrefix(e.Name(), tmpPrefix) {
			continue
		}
		info, err := e.Info()
		if err != nil || time.Since(info.ModTime()) < StaleAge {
			continue
		}
		if os.Remove(filepath.Join(dir, e.Name())) == nil {
			removed++
		}
	}
	return removed
}
