package translate

import (
	"crypto/sha256"
	"io/fs"
	"strings"
	"sync"

	"cecot/internal/po"
)

// Cached returns fsys with a cache of the pages it has parsed into
// blocks and of the PO files it has read: status, export, import and
// the workbench read a file each time, as it is on disk, but parse it
// again only when its bytes changed. A command that reads every page twice (status works out an
// export too) parses each once, and the workbench's requests after the
// first parse only what was edited. It keeps one version of each file,
// so its memory is bounded by the project's size.
func Cached(fsys fs.FS) fs.FS {
	if _, ok := fsys.(*parseCache); ok {
		return fsys
	}
	return &parseCache{FS: fsys, pages: map[string]cachedPage{}, pos: map[string]cachedPO{}}
}

type parseCache struct {
	fs.FS
	mu    sync.Mutex
	pages map[string]cachedPage // by file
	pos   map[string]cachedPO   // by file
}

type cachedPO struct {
	key [sha256.Size]byte // of the file's bytes
	f   *po.File
}

type cachedPage struct {
	key [sha256.Size]byte // of the file's bytes and how it was parsed
	pf  *pageFile
}

// ReadFile and ReadDir let fs.ReadFile and fs.WalkDir use the wrapped
// file system's own.
func (c *parseCache) ReadFile(name string) ([]byte, error) { return fs.ReadFile(c.FS, name) }

func (c *parseCache) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(c.FS, name) }

func (c *parseCache) Stat(name string) (fs.FileInfo, error) { return fs.Stat(c.FS, name) }

// parsed returns the page file's blocks from the cache, or parses data
// and keeps it. A pageFile is never changed once made.
func (c *parseCache) parsed(file, lang, key string, data []byte, reserved []string) (*pageFile, error) {
	h := sha256.New()
	h.Write(data)
	h.Write([]byte("\x00" + lang + "\x00" + key + "\x00" + strings.Join(reserved, " ")))
	var k [sha256.Size]byte
	copy(k[:], h.Sum(nil))
	c.mu.Lock()
	e, ok := c.pages[file]
	c.mu.Unlock()
	if ok && e.key == k {
		return e.pf, nil
	}
	pf, err := readPageFile(file, lang, key, data, reserved)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.pages[file] = cachedPage{k, pf}
	c.mu.Unlock()
	return pf, nil
}

// parsedPO returns the PO file from the cache, or reads data and keeps
// it. Nothing changes a po.File once read: export and import make new
// entries and copy what they keep.
func (c *parseCache) parsedPO(name string, data []byte) (*po.File, error) {
	return c.parsedPOSum(name, sha256.Sum256(data), data)
}

// parsedPOSum is parsedPO for data whose hash k the caller has.
func (c *parseCache) parsedPOSum(name string, k [sha256.Size]byte, data []byte) (*po.File, error) {
	c.mu.Lock()
	e, ok := c.pos[name]
	c.mu.Unlock()
	if ok && e.key == k {
		return e.f, nil
	}
	f, err := po.Read(name, data)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.pos[name] = cachedPO{k, f}
	c.mu.Unlock()
	return f, nil
}
