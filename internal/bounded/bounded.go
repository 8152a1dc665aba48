// Package bounded reads the files that contributors give the project (its
// pages, images and interface strings) whole, but no larger than the most
// a file of their kind may be: one huge file, or one that never ends,
// must not take all of a build's memory. A file too large is an error
// that says so, and how to fix it, in the contributor's language
// (diag.CannotRead gives it the file's name).
package bounded

import (
	"bytes"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"cecot/internal/diag"
)

// The most a file of each kind may be. A page of the report is tens of
// kilobytes and a photograph a few megabytes: the limits are far above
// what the site needs (a page of 20 MB builds: cmd/site's
// TestLargeMarkdown), and far below what would exhaust a small machine.
const (
	Text  = 32 << 20 // a Markdown page, an SVG drawing, a file of interface strings
	Image = 64 << 20 // a photograph or raster image, a font
)

// tooLarge is the error of the file name, larger than max bytes.
func tooLarge(name string, max int64) error {
	mb := strconv.FormatInt(max>>20, 10)
	return &fs.PathError{Op: "read", Path: name, Err: diag.Say("read_too_large",
		"it is larger than "+mb+" MB, the most this site reads of a file of its kind; split a long page into several pages, or make a large image smaller",
		"MB", mb)}
}

// Limit is the most that the file name may be, by its kind: Text for
// text (Markdown, SVG, TOML), Image for anything else.
func Limit(name string) int64 {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".svg", ".toml":
		return Text
	}
	return Image
}

// ReadFile reads the file name of fsys whole, as fs.ReadFile does, or
// returns an error when it has more than Limit(name) bytes.
func ReadFile(fsys fs.FS, name string) ([]byte, error) {
	var buf bytes.Buffer
	if err := readInto(&buf, fsys, name, Limit(name)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ReadInto is ReadFile into buf, after what buf holds, so that a caller
// reading many files can read them into the same memory.
func ReadInto(buf *bytes.Buffer, fsys fs.FS, name string) error {
	return readInto(buf, fsys, name, Limit(name))
}

func readInto(buf *bytes.Buffer, fsys fs.FS, name string, max int64) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	// The size the system gives, when it gives one, refuses a large
	// file before reading it, and makes room for the whole file at
	// once; the limit on the read holds when the size is not known or
	// the file grows.
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		if info.Size() > max {
			return tooLarge(name, max)
		}
		buf.Grow(int(info.Size()) + bytes.MinRead)
	}
	start := buf.Len()
	if _, err := buf.ReadFrom(io.LimitReader(f, max+1)); err != nil {
		return err
	}
	if int64(buf.Len()-start) > max {
		buf.Truncate(start)
		return tooLarge(name, max)
	}
	return nil
}
