package engine

import (
	"context"
	"crypto/sha256"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// buildRecorded builds the project in src into out, recording for the
// up-to-date check, and saves the manifest.
func buildRecorded(t *testing.T, src, out string, opts Options) {
	t.Helper()
	u := NewUpToDate(src, out, opts)
	opts.Record = u
	res, err := Build(context.Background(), src, out, opts)
	if err != nil {
		t.Fatal(err)
	}
	u.Save(res, []string{"a note"})
}

// Another program (another build ID) never takes the output of this one
// for up to date, nor do other options; the same program and options do,
// and give back the stats and notes saved.
func TestUpToDateProgramAndOptions(t *testing.T) {
	src := t.TempDir()
	if err := os.CopyFS(src, os.DirFS(fixture)); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(src, "public")
	buildRecorded(t, src, out, Options{})
	r, ok := NewUpToDate(src, out, Options{}).Check(src, out)
	if !ok {
		t.Fatal("not up to date after a build")
	}
	if len(r.Notes) != 1 || r.Notes[0] != "a note" || r.Files == 0 || r.Pages["en"] == 0 {
		t.Errorf("result %+v", r)
	}
	for name, opts := range map[string]Options{
		"drafts": {Drafts: true}, "compress": {Compress: true}, "baseurl": {BaseURL: "https://example.org/x/"},
	} {
		if _, ok := NewUpToDate(src, out, opts).Check(src, out); ok {
			t.Errorf("%s: up to date", name)
		}
	}
	if _, ok := NewUpToDate(src, out, Options{}, "lang=es").Check(src, out); ok {
		t.Error("other params: up to date")
	}
	if _, ok := NewUpToDate(src, filepath.Join(src, "other"), Options{}).Check(src, filepath.Join(src, "other")); ok {
		t.Error("another output folder: up to date")
	}
	defer func(old func() ([sha256.Size]byte, error)) { programID = old }(programID)
	programID = func() ([sha256.Size]byte, error) { return sha256.Sum256([]byte("another program")), nil }
	if _, ok := NewUpToDate(src, out, Options{}).Check(src, out); ok {
		t.Error("another program: up to date")
	}
	programID = func() ([sha256.Size]byte, error) { return [sha256.Size]byte{}, io.ErrUnexpectedEOF }
	if _, ok := NewUpToDate(src, out, Options{}).Check(src, out); ok {
		t.Error("a program that cannot say what it is: up to date")
	}
}

// What a build reads through the recording file system is recorded
// whole, however it reads: a file read in part is hashed to its end; a
// folder listed in part, listed to its end; a path not found, as
// missing. A file that changes between two reads puts the record in
// doubt.
func TestRecordFS(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt":     {Data: []byte("hello, world")},
		"dir/b.txt": {Data: []byte("b")},
		"dir/c.txt": {Data: []byte("c")},
	}
	u := &UpToDate{inputs: map[string]input{}, outputs: map[string]outputFile{}, open: map[*recordFile]bool{}}
	r := u.FS(fsys)
	f, err := r.Open("a.txt")
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 5)
	if _, err := io.ReadFull(f.(io.Reader), buf); err != nil {
		t.Fatal(err)
	}
	f.Close()
	d, err := r.Open("dir")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.(fs.ReadDirFile).ReadDir(1); err != nil {
		t.Fatal(err)
	}
	// Not closed: Save's finish lists it to its end.
	if _, err := fs.ReadFile(r, "missing.txt"); err == nil {
		t.Fatal("read a missing file")
	}
	u.mu.Lock()
	u.finish(d.(*recordDir).recordFile)
	u.mu.Unlock()
	entries, _ := fs.ReadDir(fsys, "dir")
	want := map[string]string{
		"file\x00a.txt":          hashBytes([]byte("hello, world")),
		"dir\x00dir":             hashListing(entries),
		"missing\x00missing.txt": "",
	}
	for k, sum := range want {
		if got, ok := u.inputs[k]; !ok || got.Sum != sum {
			t.Errorf("%q: recorded %+v, want sum %q", k, got, sum)
		}
	}
	if u.doubt {
		t.Fatal("in doubt")
	}
	for k, in := range u.inputs {
		sum, kind, ok := observe(fsys, in.Kind, in.Path)
		if !ok || kind != in.Kind || sum != in.Sum {
			t.Errorf("%q: observed again %q %q %v, recorded %+v", k, kind, sum, ok, in)
		}
	}
	fsys["a.txt"] = &fstest.MapFile{Data: []byte("changed")}
	if _, err := fs.ReadFile(r, "a.txt"); err != nil {
		t.Fatal(err)
	}
	if !u.doubt {
		t.Error("a file that changed between two reads: not in doubt")
	}
}
