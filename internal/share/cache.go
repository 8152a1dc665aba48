package share

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
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

// Entry is a card's PNG as File finds it.
type Entry struct {
	// File is the folder's file that holds the PNG, or "" when there is
	// no folder or keeping the card failed; then Data is the PNG.
	File string
	Data []byte
	// Sum, when not nil, is the SHA-256 of File's bytes, kept beside it
	// (see sumExt), so that a build recording what it linked need not
	// read the file again to hash it.
	Sum *[sha256.Size]byte
}

// File returns the entry in the folder that holds the PNG of card c,
// drawn and kept first if the folder has none, so that a build can link
// it into the site rather than read and write it again.
func (c *Cache) File(card Card) (Entry, error) {
	if c.Dir == "" {
		data, err := c.draw(card, "")
		return Entry{Data: data}, err
	}
	file := c.file(card)
	// A PNG that its sum file describes was one when it was hashed: a
	// read and a stat find it, without opening it.
	if sum := readSum(file); sum != nil {
		return Entry{File: file, Sum: sum}, nil
	}
	if info, ok := pngInfo(file); ok {
		return Entry{File: file, Sum: c.sum(file, info)}, nil
	}
	data, err := c.draw(card, file)
	if err != nil {
		return Entry{}, err
	}
	if _, ok := pngInfo(file); ok {
		return Entry{File: file, Sum: readSum(file)}, nil
	}
	return Entry{Data: data}, nil
}

// file is where the folder keeps card's PNG.
func (c *Cache) file(card Card) string { return filepath.Join(c.Dir, card.Key()+".png") }

// pngInfo reports whether file exists and starts as a PNG does, with
// what the system says of it.
func pngInfo(file string) (os.FileInfo, bool) {
	f, err := os.Open(file)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	var head [8]byte
	if _, err = io.ReadFull(f, head[:]); err != nil || !bytes.Equal(head[:], pngSignature) {
		return nil, false
	}
	info, err := f.Stat()
	return info, err == nil
}

// A card's file has beside it a sum file: the PNG's size and
// modification time as the draw that wrote it found them, then its
// SHA-256. The sum is believed only while the PNG's size and time are
// those: a PNG changed since, as by editing public/'s copy (a hard link
// to it), is hashed again (see Cache.sum). An edit that keeps both size
// and time is not seen here (nor, then, whether the PNG still starts as
// one); the up-to-date check hashes every file of the output folder,
// so that such a sum never passes an output as up to date: every build
// is then a full one, until the card's files leave the cache (see
// engine.recordWriter).
const sumExt = ".sum"

// sumFile is the sum file of the card's file file.
func sumFile(file string) string { return file + sumExt }

// sumSize is the length of a sum file.
const sumSize = 8 + 8 + sha256.Size

// encodeSum is the sum file of data, kept as a file that info describes.
func encodeSum(info os.FileInfo, data []byte) []byte {
	b := binary.BigEndian.AppendUint64(make([]byte, 0, sumSize), uint64(info.Size()))
	b = binary.BigEndian.AppendUint64(b, uint64(info.ModTime().UnixNano()))
	sum := sha256.Sum256(data)
	return append(b, sum[:]...)
}

// sum returns the SHA-256 of file, which info describes and which has
// no sum file that describes it (a cache filled before sum files were
// kept, or a PNG changed since), and keeps it in a new sum file. nil
// when file cannot be read as info describes it.
func (c *Cache) sum(file string, info os.FileInfo) *[sha256.Size]byte {
	data, err := os.ReadFile(file)
	if err != nil || int64(len(data)) != info.Size() {
		return nil
	}
	b := encodeSum(info, data)
	_ = cachefile.Write(c.Dir, sumFile(file), b)
	return (*[sha256.Size]byte)(b[16:])
}

// readSum returns the SHA-256 that the sum file of file keeps, when it
// describes file as the system does now; else nil. (One read: a sum
// file longer than sumSize, or read short, is not believed.)
func readSum(file string) *[sha256.Size]byte {
	f, err := os.Open(sumFile(file))
	if err != nil {
		return nil
	}
	var b [sumSize + 1]byte
	n, _ := f.Read(b[:])
	f.Close()
	if n != sumSize {
		return nil
	}
	info, err := os.Stat(file)
	if err != nil || !info.Mode().IsRegular() ||
		binary.BigEndian.Uint64(b[:]) != uint64(info.Size()) ||
		binary.BigEndian.Uint64(b[8:]) != uint64(info.ModTime().UnixNano()) {
		return nil
	}
	sum := [sha256.Size]byte(b[16:sumSize])
	return &sum
}

// draw draws card and keeps it as file, unless file is "".
func (c *Cache) draw(card Card, file string) ([]byte, error) {
	data, err := card.Draw()
	if err != nil {
		return nil, err
	}
	c.drawn.Add(1)
	if file != "" && cachefile.Write(c.Dir, file, data) == nil {
		if info, err := os.Stat(file); err == nil && info.Size() == int64(len(data)) {
			_ = cachefile.Write(c.Dir, sumFile(file), encodeSum(info, data))
		}
	}
	return data, nil
}

// Drawn is how many cards the cache has drawn rather than found.
func (c *Cache) Drawn() int64 { return c.drawn.Load() }
