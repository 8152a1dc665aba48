package engine

import (
	"context"
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
	err := f.w.WriteFile(name, data)
	if err != nil && diskFull(err) {
		f.mu.Lock()
		if f.err == nil {
			f.err = fmt.Errorf("output: the disk is full (%v, writing %s); free some space and build again", diag.PathCause(err), name)
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
