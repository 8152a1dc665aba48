package share

import (
	"crypto/sha256"
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

// File gives the SHA-256 of the PNG it finds, from the sum file the draw
// kept beside it, while the PNG keeps the size and time it had then:
// a PNG changed since, or without its sum file, is hashed again, and
// its sum file written anew.
func TestFileSum(t *testing.T) {
	card := Card{Site: "Site", Title: "Title", Line: "Line."}
	for _, c := range []struct {
		name   string
		change func(t *testing.T, file string)
	}{
		{"as drawn", func(*testing.T, string) {}},
		{"changed", func(t *testing.T, file string) {
			data, _ := os.ReadFile(file)
			data[len(data)-1] ^= 0xff // the same size
			later := time.Now().Add(time.Hour)
			if os.WriteFile(file, data, 0o644) != nil || os.Chtimes(file, later, later) != nil {
				t.Fatal("cannot write", file)
			}
		}},
		{"without its sum file", func(t *testing.T, file string) {
			if err := os.Remove(sumFile(file)); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		c := c
		t.Run(c.name, func(t *testing.T) {
			cache := NewCache(t.TempDir())
			drawn, err := cache.File(card)
			if err != nil || drawn.File == "" || drawn.Sum == nil {
				t.Fatalf("drawn: %+v, %v", drawn, err)
			}
			c.change(t, drawn.File)
			found, err := cache.File(card)
			if err != nil || found.File != drawn.File || cache.Drawn() != 1 {
				t.Fatalf("found: %+v, %v, drawn %d", found, err, cache.Drawn())
			}
			data, _ := os.ReadFile(found.File)
			if found.Sum == nil || *found.Sum != sha256.Sum256(data) {
				t.Fatal("no sum, or not the PNG's")
			}
			if kept := readSum(found.File); kept == nil || *kept != *found.Sum {
				t.Error("the sum file does not keep the PNG's sum")
			}
		})
	}
}
