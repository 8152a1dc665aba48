package engine

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"cecot/internal/assets"
	"cecot/internal/config"
	"cecot/internal/content"
	"cecot/internal/diag"
	"cecot/internal/locale"
	"cecot/internal/markdown"
)

// Writer receives the files of a built site. WriteFile may be called from
// many goroutines at once. Like io.Writer's Write, it must not keep data
// after it returns: Render makes the next file in the same memory.
type Writer interface {
	WriteFile(name string, data []byte) error
}

// MarkdownWriter is a Writer that also receives each page's converted
// Markdown, as Render converts it: its counts, which checks compare
// between translations, without converting every page a second time.
// WriteMarkdown may be called from many goroutines at once, and must not
// keep md's HTML (render.PassOptions.Converted).
type MarkdownWriter interface {
	Writer
	WriteMarkdown(p *content.Page, md *markdown.Result)
}

// A FileLinker is a Writer that can also put into the site a file that
// is already on disk, like a share image from the cache, without reading
// it: by a hard link where the system allows, else by copying it. The
// file must not change afterwards (the caches replace an entry by
// renaming a new file over it, which leaves a link alone). sum, when not
// nil, is the SHA-256 of src's bytes as the caller knows them, so that a
// writer that records what it wrote need not read src to hash it.
// LinkFile returns the file's size and may be called from many
// goroutines at once.
type FileLinker interface {
	Writer
	LinkFile(name, src string, sum *[sha256.Size]byte) (size int64, err error)
}

// Marker is the file that marks a folder as written by this generator.
// Only such a folder is ever replaced, so that a mistaken -out cannot
// wipe anyone's work.
const Marker = ".site-build"

const markerText = "Written by cmd/site. The whole folder is replaced on every build.\n"

// dirWriter writes files under a folder, creating subfolders as needed.
type dirWriter struct {
	root string
	mu   sync.Mutex
	dirs map[string]bool
}

func newDirWriter(root string) *dirWriter { return &dirWriter{root: root, dirs: map[string]bool{}} }

func (w *dirWriter) WriteFile(name string, data []byte) error {
	p, err := w.path(name)
	if err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// LinkFile puts the file src into the site as name: a hard link when src
// is on the same file system and has the mode the site's files have,
// else a copy.
func (w *dirWriter) LinkFile(name, src string, _ *[sha256.Size]byte) (int64, error) {
	p, err := w.path(name)
	if err != nil {
		return 0, err
	}
	info, err := os.Stat(src)
	if err != nil {
		return 0, err
	}
	if info.Mode().Perm() == 0o644 && os.Link(src, p) == nil {
		return info.Size(), nil
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return 0, err
	}
	return int64(len(data)), os.WriteFile(p, data, 0o644)
}

// path is where the file called name goes, with its folder made.
func (w *dirWriter) path(name string) (string, error) {
	if !filepath.IsLocal(filepath.FromSlash(name)) || strings.Contains(name, "\\") || path.Clean(name) == "." {
		q := fmt.Sprintf("%q", name)
		return "", diag.Say("out_refuse", "refusing to write "+q+": not a path inside the output folder", "Name", q)
	}
	p := filepath.Join(w.root, filepath.FromSlash(name))
	return p, w.mkdir(path.Dir(name), filepath.Dir(p))
}

// mkdir makes folder dir of the site (slash-separated, "." for the
// root), at disk, and the folders it is in, each once: one mkdir call
// for each folder of the site, and a second only where the folder it
// is in was missing too. (os.MkdirAll stats the folder and its parent
// first: two more calls for each.) The folders made are known by their
// names in the site, parts of the names of the files, which the build
// holds anyway: known by their paths on disk, they were a string more
// for each page, kept to the end of the build.
func (w *dirWriter) mkdir(dir, disk string) error {
	w.mu.Lock()
	done := w.dirs[dir]
	w.mu.Unlock()
	if done {
		return nil
	}
	var err error
	if dir == "." {
		err = os.MkdirAll(disk, 0o755) // the root: stage made it, else its parents too
	} else if err = os.Mkdir(disk, 0o755); errors.Is(err, fs.ErrNotExist) {
		if err = w.mkdir(path.Dir(dir), filepath.Dir(disk)); err == nil {
			err = os.Mkdir(disk, 0o755)
		}
	}
	if err != nil {
		// It may be there already: a folder that another file's
		// writer made first.
		if info, serr := os.Lstat(disk); serr != nil || !info.IsDir() {
			return err
		}
	}
	w.mu.Lock()
	w.dirs[dir] = true
	w.mu.Unlock()
	return nil
}

// checkOut refuses an output folder that a build must not replace: the
// project itself or a folder around it, a source folder, or a folder of
// files this generator did not write.
func checkOut(src, out string) error {
	absSrc, err := realPath(src)
	if err != nil {
		return err
	}
	absOut, err := realPath(out)
	if err != nil {
		return err
	}
	if rel, err := filepath.Rel(absOut, absSrc); err == nil && (rel == "." || filepath.IsLocal(rel)) {
		like := filepath.Join(src, "public")
		return diag.Say("out_holds_project", fmt.Sprintf("output folder %s holds the project; choose a folder of its own, like %s", out, like), "Out", out, "Like", like)
	}
	if rel, err := filepath.Rel(absSrc, absOut); err == nil && filepath.IsLocal(rel) {
		first := strings.Split(filepath.ToSlash(rel), "/")[0]
		switch first {
		case config.ContentDir, config.LayoutsDir, locale.Dir, assets.Dir, "cmd", "internal", ".git":
			like := filepath.Join(src, "public")
			return diag.Say("out_inside_project", fmt.Sprintf("output folder %s is inside the project's %s/ folder; choose another, like %s", out, first, like), "Out", out, "Folder", first+"/", "Like", like)
		}
	}
	info, err := os.Lstat(filepath.Clean(out)) // a link as -out is refused, not followed
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if info.Mode()&os.ModeSymlink != 0 || !info.IsDir() {
		return diag.Say("out_not_folder", fmt.Sprintf("output %s exists and is not a folder; remove it or choose another -out", out), "Out", out)
	}
	entries, err := os.ReadDir(absOut)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(absOut, Marker)); err != nil {
		return diag.Say("out_other_files", fmt.Sprintf("output folder %s has files that this generator did not write, and a build replaces the whole folder; choose an empty or new folder, or empty it yourself", out), "Out", out)
	}
	return nil
}

// realPath returns the absolute path of p with symbolic links resolved,
// so that an -out reached through a link into the project is seen for
// what it is. Only the part of p that exists can be resolved; the rest is
// joined on as written.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var missing []string
	for dir := abs; ; dir = filepath.Dir(dir) {
		real, err := filepath.EvalSymlinks(dir)
		if err == nil {
			return filepath.Join(append([]string{real}, missing...)...), nil
		}
		if !errors.Is(err, os.ErrNotExist) || dir == filepath.Dir(dir) {
			return "", err
		}
		missing = append([]string{filepath.Base(dir)}, missing...)
	}
}

// stage makes a fresh folder beside out to build into.
func stage(out string) (string, error) {
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", err
	}
	prefix := "." + filepath.Base(out) + ".new-"
	removeAbandoned(parent, prefix)
	dir, err := os.MkdirTemp(parent, prefix)
	if err != nil {
		return "", err
	}
	// MkdirTemp makes the folder private (0700), and it becomes out: a
	// web server running as another user could not read the site, nor
	// could a copy made with rsync -a or scp -p.
	if err := os.Chmod(dir, 0o755); err != nil {
		_ = os.RemoveAll(dir)
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, Marker), stagingMarker(), 0o644); err != nil {
		_ = os.RemoveAll(dir)
		return "", err
	}
	return dir, nil
}

// abandonedAge is how old a staging folder must be before a later build
// takes it for the remains of a killed build, when its marker cannot say
// whether the build that made it still runs (see abandoned). Builds take
// seconds, so this never touches a build still running beside this one.
const abandonedAge = 10 * time.Minute

// removeAbandoned deletes staging folders and old sites left beside out
// by builds that were killed before they could clean up. Only folders
// that this generator marked as its own are removed.
func removeAbandoned(parent, prefix string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		dir := filepath.Join(parent, e.Name())
		marker := filepath.Join(dir, Marker)
		info, err := os.Stat(marker)
		if err != nil {
			continue
		}
		data, err := os.ReadFile(marker)
		if err != nil || !abandoned(data, info.ModTime()) {
			continue
		}
		_ = os.RemoveAll(dir)
	}
}

// publish puts the finished staging folder in the place of out. Where the
// system can, the two folders are swapped in one step, so out is never
// missing or half-written. It returns the folder that now holds what out
// held before, for the caller to delete, or "" when out did not exist.
func publish(staged, out string) (old string, err error) {
	// The published marker does not name the process that built it.
	if err := os.WriteFile(filepath.Join(staged, Marker), []byte(markerText), 0o644); err != nil {
		return "", err
	}
	if _, err := os.Lstat(out); errors.Is(err, os.ErrNotExist) {
		return "", os.Rename(staged, out)
	}
	// Once swapped, out's old contents wait beside it for deletion:
	// their marker names this process first, so that if it is killed
	// before it deletes them, the next build does at once.
	outMarker := filepath.Join(out, Marker)
	if err := os.WriteFile(outMarker, oldSiteMarker(), 0o644); err != nil {
		return "", err
	}
	if err := exchange(staged, out); err == nil {
		return staged, nil
	}
	old, err = swapByRenames(staged, out)
	if err != nil {
		_ = os.WriteFile(outMarker, []byte(markerText), 0o644)
	}
	return old, err
}

// swapByRenames moves out aside and staged into its place: for systems
// without an atomic exchange, where out is missing for a moment.
func swapByRenames(staged, out string) (old string, err error) {
	old = staged + ".old"
	if err := os.Rename(out, old); err != nil {
		return "", err
	}
	if err := os.Rename(staged, out); err != nil {
		_ = os.Rename(old, out)
		return "", err
	}
	return old, nil
}
