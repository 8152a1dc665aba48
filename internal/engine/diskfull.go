package engine

import (
	"context"
	"crypto/sha256"
	"fmt"
	"sync"

	"cecot/internal/diag"
)

// fullDiskWriter stops a build at the first file that does not fit on
// the disk: every later file would fail the same way, each with its own
// error, and rendering them only wastes time.
type fullDiskWriter struct {
	w    Writer
	stop context.CancelFunc // stops handing out outputs to render

	mu  sync.Mutex
	err error // the first disk-full error, or nil
}

func (f *fullDiskWriter) WriteFile(name string, data []byte) error {
	if err := f.full(); err != nil {
		return err
	}
	return f.check(name, f.w.WriteFile(name, data))
}

// linker is the FileLinker that f writes to, or nil if it is none.
func (f *fullDiskWriter) linker() FileLinker {
	l, _ := f.w.(FileLinker)
	return l
}

// LinkFile links src into the site through f's writer, which must be a
// FileLinker (see linker).
func (f *fullDiskWriter) LinkFile(name, src string, sum *[sha256.Size]byte) (int64, error) {
	if err := f.full(); err != nil {
		return 0, err
	}
	size, err := f.linker().LinkFile(name, src, sum)
	return size, f.check(name, err)
}

// check returns err, and when it says the disk is full, stops the build
// and keeps it as the one error to report.
func (f *fullDiskWriter) check(name string, err error) error {
	if err != nil && diskFull(err) {
		f.mu.Lock()
		if f.err == nil {
			cause := diag.PathCause(err)
			f.err = diag.Say("out_disk_full", fmt.Sprintf("output: the disk is full (%v, writing %s); free some space and build again", cause, name), "Err", cause, "File", name)
		}
		f.mu.Unlock()
		f.stop()
		return f.full()
	}
	return err
}

// full returns the one error that a full disk gave, or nil.
func (f *fullDiskWriter) full() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err
}
