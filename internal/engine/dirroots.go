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
// guarantee below it. ReadFile reads through the folder's Root too (the
// up-to-date check reads every file a build read). Everything else
// (ReadDir, Stat, Lstat, ReadLink), and any open or read that fails,
// goes to the project's Root as before, so errors read the same.
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
	return inFolder(d, name, func(r *os.Root, file string) (fs.File, error) {
		f, err := r.Open(file)
		if err != nil {
			return nil, err
		}
		return f, nil
	}, d.base.Open)
}

// ReadFile reads the file name, through its folder's Root.
func (d *dirRoots) ReadFile(name string) ([]byte, error) {
	return inFolder(d, name, (*os.Root).ReadFile, d.base.ReadFile)
}

// inFolder does op on the file name in the Root of its folder, or, for
// a file of the project's own folder, a name that is not valid or when
// that fails, does base on name, through the project's Root.
func inFolder[T any](d *dirRoots, name string, op func(r *os.Root, file string) (T, error), base func(name string) (T, error)) (T, error) {
	dir, file := path.Split(name)
	if dir != "" && fs.ValidPath(name) {
		if r := d.dir(dir[:len(dir)-1]); r != nil {
			if v, err := op(r, file); err == nil {
				return v, nil
			}
		}
	}
	return base(name)
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
func (d *dirRoots) Stat(name string) (fs.FileInfo, error)      { return d.base.Stat(name) }
func (d *dirRoots) ReadLink(name string) (string, error)       { return d.base.ReadLink(name) }
func (d *dirRoots) Lstat(name string) (fs.FileInfo, error)     { return d.base.Lstat(name) }
