package share

import (
	"bytes"
	"io"
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
	if c.Dir == "" {
		return c.draw(card, "")
	}
	file := c.file(card)
	if data, err := os.ReadFile(file); err == nil && bytes.HasPrefix(data, pngSignature) {
		return data, nil
	}
	return c.draw(card, file)
}

// File returns the file in the folder that holds the PNG of card c,
// drawn and kept first if the folder has none, so that a build can link
// it into the site rather than read and write it again. Without a
// folder, or when keeping the card failed, file is "" and data is the
// PNG.
func (c *Cache) File(card Card) (file string, data []byte, err error) {
	if c.Dir == "" {
		data, err := c.draw(card, "")
		return "", data, err
	}
	file = c.file(card)
	if isPNG(file) {
		return file, nil, nil
	}
	data, err = c.draw(card, file)
	if err != nil {
		return "", nil, err
	}
	if isPNG(file) {
		return file, nil, nil
	}
	return "", data, nil
}

// file is where the folder keeps card's PNG.
func (c *Cache) file(card Card) string { return filepath.Join(c.Dir, card.Key()+".png") }

// isPNG reports whether file exists and starts as a PNG does.
func isPNG(file string) bool {
	f, err := os.Open(file)
	if err != nil {
		return false
	}
	defer f.Close()
	var head [8]byte
	_, err = io.ReadFull(f, head[:])
	return err == nil && bytes.Equal(head[:], pngSignature)
}

// draw draws card and keeps it as file, unless file is "".
func (c *Cache) draw(card Card, file string) ([]byte, error) {
	data, err := card.Draw()
	if err != nil {
		return nil, err
	}
	c.drawn.Add(1)
	if file != "" {
		_ = cachefile.Write(c.Dir, file, data)
	}
	return data, nil
}

// Drawn is how many cards the cache has drawn rather than found.
func (c *Cache) Drawn() int64 { return c.drawn.Load() }
