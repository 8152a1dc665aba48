package engine

import (
	"io/fs"
	"os"
	"path"
	"sync"
)

// dirRoots is a project folder as an fs.FS, like os.Root's FS, but for
// opening files: it opens each folder that it opens files in once, as an
// os.Root of its own, and opens the files there. os.Root opens every
// folder of a path on every open, so that no symbolic link leads out of
// it: a page in content/en/findings/part-02/ took five openat and four
// close calls, and a build opens each page twice (when it loads the site
// and when it renders the page). A folder's own Root keeps the same
// guarantee below it. Everything else (ReadDir, Stat, Lstat, ReadLink,
// ReadFile), and any open that fails, goes to the project's Root as
// before, so errors read the same.
type dirRoots struct {
	root *os.Root
	base interface {
		fs.ReadDirFS
		fs.ReadFileFS
		fs.StatFS
		fs.ReadLinkFS
	}
	mu   sync.Mutex
	dirs map[string]*os.Root // by folder, from the project's
}

func newDirRoots(root *os.Root) *dirRoots {
	return &dirRoots{root: root, base: root.FS().(interface {
		fs.ReadDirFS
		fs.ReadFileFS
		fs.StatFS
		fs.ReadLinkFS
	}), dirs: map[string]*os.Root{}}
}

// Open opens the file name, through its folder's Root.
func (d *dirRoots) Open(name string) (fs.File, error) {
	dir, file := path.Split(name)
	if dir == "" || !fs.ValidPath(name) {
		return d.base.Open(name)
	}
	r := d.dir(dir[:len(dir)-1])
	if r == nil {
		return d.base.Open(name)
	}
	f, err := r.Open(file)
	if err != nil {
		return d.base.Open(name)
	}
	return f, nil
}

// dir returns the Root of folder dir, opening it the first time; nil
// when it cannot be opened.
func (d *dirRoots) dir(dir string) *os.Root {
	d.mu.Lock()
	defer d.mu.Unlock()
	if r, ok := d.dirs[dir]; ok {
		return r
	}
	r, err := d.root.OpenRoot(dir)
	if err != nil {
		return nil
	}
	d.dirs[dir] = r
	return r
}

// Close closes the folders' Roots (not the project's).
func (d *dirRoots) Close() {
	d.mu.Lock()
	defer d.mu.Unlock()
	for k, r := range d.dirs {
		r.Close()
		delete(d.dirs, k)
	}
}

func (d *dirRoots) ReadDir(name string) ([]fs.DirEntry, error) { return d.base.ReadDir(name) }
func (d *dirRoots) ReadFile(name string) ([]byte, error)       { return d.base.ReadFile(name) }
func (d *dirRoots) Stat(name string) (fs.FileInfo, error)      { return d.base.Stat(name) }
func (d *dirRoots) ReadLink(name string) (string, error)       { return d.base.ReadLink(name) }
func (d *dirRoots) Lstat(name string) (fs.FileInfo, error)     { return d.base.Lstat(name) }
