package share

import (
	"bytes"
	"os"
	"path/filepath"
	"sync/atomic"

	"cecot/internal/cachefile"
)

// Cache keeps drawn cards in a folder, by their Key, so that a build
// draws only the cards whose inputs changed since the last. The folder
// is the project's .cache/share/: outside public/, which every build
// replaces, and safe to delete at any time. A Cache without a folder
// draws every card. It is safe for concurrent use.
type Cache struct {
	Dir   string       // "" for no folder
	drawn atomic.Int64 // cards drawn, not found
}

// DirName is the cache's folder in a project.
const DirName = ".cache/share"

// NewCache returns a cache that keeps cards in dir; "" keeps none. It
// removes the temporary files that a build killed while writing a card
// left in dir (see package cachefile).
func NewCache(dir string) *Cache {
	if dir != "" {
		cachefile.Sweep(dir)
	}
	return &Cache{Dir: dir}
}

// pngSignature starts every PNG file: a cached file without it is not
// used.
var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// Image returns the PNG of card c: from the folder when it holds one,
// otherwise drawn, and then kept in the folder. Failing to write the
// folder is not an error: the card is drawn again next time.
func (c *Cache) Image(card Card) ([]byte, error) {
	key := card.Key()
	file := filepath.Join(c.Dir, key+".png")
	if c.Dir != "" {
		if data, err := os.ReadFile(file); err == nil && bytes.HasPrefix(data, pngSignature) {
			return data, nil
		}
	}
	data, err := card.Draw()
	if err != nil {
		return nil, err
	}
	c.drawn.Add(1)
	if c.Dir != "" {
		_ = cachefile.Write(c.Dir, file, data)
	}
	return data, nil
}

// Drawn is how many cards the cache has drawn rather than found.
func (c *Cache) Drawn() int64 { return c.drawn.Load() }
