package translate

import (
	"crypto/sha256"
	"io/fs"
	"strings"
	"sync"

	"cecot/internal/content"
	"cecot/internal/parsecache"
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
	c, ok := fsys.(*parseCache)
	if ok && c.pages != nil {
		return fsys
	}
	mem := &parseCache{FS: fsys, pages: map[string]cachedPage{}, pos: map[string]cachedPO{}}
	if ok { // on disk only (CachedOnDisk): the same store, kept in memory too
		mem.FS, mem.store = c.FS, c.store
	}
	return mem
}

// parseCache keeps parsed files in memory (Cached: pages and pos not
// nil), on disk (CachedOnDisk: store not nil), or both.
type parseCache struct {
	fs.FS
	mu    sync.Mutex
	pages map[string]cachedPage // by file
	pos   map[string]cachedPO   // by file
	store *parsecache.Store
}

type cachedPO struct {
	key parsecache.Key // of the file's bytes
	f   *po.File
}

type cachedPage struct {
	key parsecache.Key // of the file's bytes and how it was parsed
	pf  *pageFile
}

// ReadFile and ReadDir let fs.ReadFile and fs.WalkDir use the wrapped
// file system's own.
func (c *parseCache) ReadFile(name string) ([]byte, error) { return fs.ReadFile(c.FS, name) }

func (c *parseCache) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(c.FS, name) }

func (c *parseCache) Stat(name string) (fs.FileInfo, error) { return fs.Stat(c.FS, name) }

// parsed returns the page file's blocks from the cache, or parses data
// and keeps it. A pageFile is never changed once made. loaded, when not
// nil, is the page as content.Load parsed it (see readLoaded).
func (c *parseCache) parsed(file, lang, key string, data []byte, reserved []string, loaded *content.Page) (*pageFile, error) {
	k := pageKey(data, lang, key, reserved)
	if c.pages != nil {
		c.mu.Lock()
		e, ok := c.pages[file]
		c.mu.Unlock()
		if ok && e.key == k {
			return e.pf, nil
		}
	}
	pf, err := c.parsedOnDisk(file, lang, key, data, reserved, loaded, k)
	if err != nil {
		return nil, err
	}
	if c.pages != nil {
		c.mu.Lock()
		c.pages[file] = cachedPage{k, pf}
		c.mu.Unlock()
	}
	return pf, nil
}

// parsedOnDisk reads the page's front matter and takes its blocks from
// the store when it holds them under k, else parses the page and gives
// the store its blocks. An entry that does not decode is parsed again.
func (c *parseCache) parsedOnDisk(file, lang, key string, data []byte, reserved []string, loaded *content.Page, k parsecache.Key) (*pageFile, error) {
	if v, ok := c.store.Get(file, k); ok {
		if blocks, err := decodeBlocks(v); err == nil {
			pf, err := frontOf(file, lang, key, data, reserved, loaded)
			if err != nil {
				return nil, err
			}
			pf.blocks = blocks
			return pf, nil
		}
	}
	pf, err := frontOf(file, lang, key, data, reserved, loaded)
	if err != nil {
		return nil, err
	}
	pf.findBlocks(key)
	c.store.Put(file, k, encodeBlocks(pf.blocks))
	return pf, nil
}

// parsedPO returns the PO file from the cache, or reads data and keeps
// it. Nothing changes a po.File once read: export and import make new
// entries and copy what they keep.
func (c *parseCache) parsedPO(name string, data []byte) (*po.File, error) {
	return c.parsedPOSum(name, sha256.Sum256(data), data)
}

// parsedPOSum is parsedPO for data whose hash sum the caller has.
func (c *parseCache) parsedPOSum(name string, sum [sha256.Size]byte, data []byte) (*po.File, error) {
	k := poKey(sum)
	if c.pos != nil {
		c.mu.Lock()
		e, ok := c.pos[name]
		c.mu.Unlock()
		if ok && e.key == k {
			return e.f, nil
		}
	}
	f, err := c.parsedPOOnDisk(name, data, k)
	if err != nil {
		return nil, err
	}
	if c.pos != nil {
		c.mu.Lock()
		c.pos[name] = cachedPO{k, f}
		c.mu.Unlock()
	}
	return f, nil
}

// parsedPOOnDisk is po.Read, or the store's entry for the same bytes.
func (c *parseCache) parsedPOOnDisk(name string, data []byte, k parsecache.Key) (*po.File, error) {
	if v, ok := c.store.Get(name, k); ok {
		if f, err := decodePO(v); err == nil {
			return f, nil
		}
	}
	f, err := po.Read(name, data)
	if err != nil {
		return nil, err
	}
	c.store.Put(name, k, encodePO(f))
	return f, nil
}

// pageKey is the key of a page's entry: its bytes and what its blocks
// depend on besides (see readPageFile).
func pageKey(data []byte, lang, key string, reserved []string) parsecache.Key {
	return parsecache.NewKey(sha256.Sum256(data), "page", lang, key, strings.Join(reserved, " "))
}

// poKey is the key of the entry of a PO file whose bytes' hash is sum.
func poKey(sum [sha256.Size]byte) parsecache.Key { return parsecache.NewKey(sum, "po") }
