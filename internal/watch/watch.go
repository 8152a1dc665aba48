// Package watch reports changes to a project's source files in batches:
// a burst of events, such as an editor's save-by-rename or a git checkout
// touching hundreds of files, comes out as one batch. It is the only user
// of fsnotify.
package watch

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Batch is a set of changed paths.
type Batch struct {
	// Paths are slash-separated and relative to the project folder,
	// sorted and without duplicates. A path may name a folder that was
	// created, removed or renamed, standing for everything in it.
	Paths []string
	// First is when the first event of the batch arrived.
	First time.Time
}

// Watcher watches some folders of a project, with everything in them,
// and some files at its top.
type Watcher struct {
	root  string
	trees map[string]bool // top-level folders, watched with all their subfolders
	files map[string]bool // top-level files
	quiet time.Duration
	fw    *fsnotify.Watcher
}

// New starts watching the folders trees and the files files of the
// project folder root; either may not exist yet. A batch is complete when
// no event arrived for the quiet period.
func New(root string, trees, files []string, quiet time.Duration) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{root: root, trees: set(trees), files: set(files), quiet: quiet, fw: fw}
	// The project folder itself is watched so that site.toml, saved by
	// rename, and trees created later are seen.
	if err := fw.Add(root); err != nil {
		fw.Close()
		return nil, err
	}
	for _, t := range trees {
		if _, err := w.addTree(filepath.Join(root, t)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			fw.Close()
			return nil, err
		}
	}
	return w, nil
}

func set(names []string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	return m
}

// Close stops watching.
func (w *Watcher) Close() error { return w.fw.Close() }

// Run sends batches of changes on out until ctx is done. While the
// receiver is busy, new changes join the pending batch. A lost event
// (the system's queue overflowed) is sent as a change of every watched
// tree. Run returns ctx's error, or the watcher's if it fails.
func (w *Watcher) Run(ctx context.Context, out chan<- Batch) error {
	var (
		pending = map[string]bool{}
		first   time.Time
		timer   = time.NewTimer(time.Hour)
		ready   bool
	)
	timer.Stop()
	defer timer.Stop()
	add := func(paths ...string) {
		if len(paths) == 0 {
			return
		}
		if len(pending) == 0 {
			first = time.Now()
		}
		for _, p := range paths {
			pending[p] = true
		}
		ready = false
		timer.Reset(w.quiet)
	}
	for {
		var send chan<- Batch
		if ready && len(pending) > 0 {
			send = out
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case ev, ok := <-w.fw.Events:
			if !ok {
				return errors.New("watcher closed")
			}
			add(w.handle(ev)...)
		case err, ok := <-w.fw.Errors:
			if !ok {
				return errors.New("watcher closed")
			}
			if !errors.Is(err, fsnotify.ErrEventOverflow) {
				return err
			}
			for t := range w.trees {
				add(t)
			}
		case <-timer.C:
			ready = true
		case send <- batch(pending, first):
			pending = map[string]bool{}
			ready = false
		}
	}
}

func batch(pending map[string]bool, first time.Time) Batch {
	b := Batch{Paths: make([]string, 0, len(pending)), First: first}
	for p := range pending {
		b.Paths = append(b.Paths, p)
	}
	sort.Strings(b.Paths)
	return b
}

// handle returns the paths that event ev changed, watching folders that
// were created.
func (w *Watcher) handle(ev fsnotify.Event) []string {
	if ev.Op == fsnotify.Chmod {
		return nil
	}
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil || !filepath.IsLocal(rel) {
		return nil
	}
	rel = filepath.ToSlash(rel)
	top, _, nested := strings.Cut(rel, "/")
	if !(w.trees[top] || (!nested && w.files[top])) || ignored(rel) {
		return nil
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
			// Files may have been put in the folder before it was
			// watched, as when a folder is moved in or copied.
			files, _ := w.addTree(ev.Name)
			return append(files, rel)
		}
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		_ = w.fw.Remove(ev.Name) // in case it was a watched folder
	}
	return []string{rel}
}

// addTree watches dir and its subfolders, and returns the files in them.
func (w *Watcher) addTree(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // gone already; its removal is an event of its own
		}
		rel, _ := filepath.Rel(w.root, p)
		rel = filepath.ToSlash(rel)
		if p != dir && ignored(rel) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return w.fw.Add(p)
		}
		files = append(files, rel)
		return nil
	})
	return files, err
}

// ignored reports whether a path is a hidden file or an editor's
// temporary file, which no build reads.
func ignored(rel string) bool {
	for _, seg := range strings.Split(rel, "/") {
		if strings.HasPrefix(seg, ".") {
			return true
		}
	}
	base := rel[strings.LastIndexByte(rel, '/')+1:]
	switch {
	case strings.HasSuffix(base, "~"), strings.HasPrefix(base, "#"),
		strings.HasSuffix(base, ".swp"), strings.HasSuffix(base, ".swx"),
		base == "4913": // vim's probe for a writable folder
		return true
	}
	return false
}
