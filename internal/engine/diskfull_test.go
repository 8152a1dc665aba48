package engine

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"cecot/internal/diag"
)

// fullDisk accepts a few files, then fails as a full disk does.
type fullDisk struct {
	room   int32
	writes atomic.Int32
}

func (d *fullDisk) WriteFile(name string, data []byte) error {
	if d.writes.Add(1) > d.room {
		return &fs.PathError{Op: "open", Path: filepath.Join("public", name), Err: syscall.ENOSPC}
	}
	return nil
}

// A full disk is reported once, not once per file, and stops the build
// from rendering the rest.
func TestFullDiskIsReportedOnce(t *testing.T) {
	site, err := Load(os.DirFS(filepath.Join("testdata", "site")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	outs := len(site.outputs())
	d := &fullDisk{room: 3}
	_, err = site.Render(context.Background(), d)
	if err == nil {
		t.Fatal("a full disk gave no error")
	}
	var list diag.List
	if errors.As(err, &list) && len(list) > 1 {
		t.Errorf("%d errors for one full disk:\n%v", len(list), err)
	}
	msg := err.Error()
	if strings.Count(msg, "\n") > 0 || !strings.Contains(msg, "the disk is full") || !strings.Contains(msg, "no space left on device") {
		t.Errorf("error %q, want one line saying that the disk is full", msg)
	}
	// Each worker may have one output under way when the disk fills.
	if n := int(d.writes.Load()); n >= outs && outs > int(d.room)+2*runtime.GOMAXPROCS(0) {
		t.Errorf("%d files tried for %d outputs: the build went on after the disk was full", n, outs)
	}
}
