package share

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"cecot/internal/cachefile"
)

// An empty temporary file that a build killed while writing a card left
// in .cache/share/ is removed by the next build's cache.
func TestNewCacheRemovesKilledWrites(t *testing.T) {
	dir := t.TempDir()
	tmp := filepath.Join(dir, ".tmp-2041")
	if err := os.WriteFile(tmp, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	when := time.Now().Add(-2 * cachefile.StaleAge)
	if err := os.Chtimes(tmp, when, when); err != nil {
		t.Fatal(err)
	}
	NewCache(dir)
	if _, err := os.Stat(tmp); err == nil {
		t.Error("the killed build's temporary file is still there")
	}
}
