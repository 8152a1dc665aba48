package engine

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"testing/fstest"

	"cecot/internal/share"
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
	u.Save(res, []string{"a warning"}, "up to date")
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
	if len(r.Warnings) != 1 || r.Warnings[0] != "a warning" || r.Summary != "up to date" || r.Files == 0 || r.Pages["en"] == 0 {
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
	u := &UpToDate{inputs: map[inputKey]sum{}, open: map[*recordFile]bool{}}
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
	want := map[inputKey]sum{
		{readFile, "a.txt"}:          sha256.Sum256([]byte("hello, world")),
		{readDir, "dir"}:             hashListing(entries),
		{readMissing, "missing.txt"}: {},
	}
	for k, s := range want {
		if got, ok := u.inputs[k]; !ok || got != s {
			t.Errorf("%+v: recorded %x (%v), want %x", k, got, ok, s)
		}
	}
	if u.doubt {
		t.Fatal("in doubt")
	}
	for k, s := range u.inputs {
		got, kind, ok := observe(fsys, k.kind, k.path)
		if !ok || kind != k.kind || got != s {
			t.Errorf("%+v: observed again %c %x %v, recorded %x", k, kind, got, ok, s)
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

// TestRecordFSPageReadAgain: a page's file opened again, as
// content.ReadBody does for its body, is not recorded again: the record
// keeps what the first read found, so that the next check sees a change
// made in between and builds again. Another file opened twice that
// changed in between still puts the record in doubt.
func TestRecordFSPageReadAgain(t *testing.T) {
	page, other := "content/en/page.md", "layouts/page.md"
	first := []byte("+++\ntitle = \"A\"\n+++\nText.\n")
	fsys := fstest.MapFS{page: {Data: first}, other: {Data: first}}
	u := &UpToDate{inputs: map[inputKey]sum{}, open: map[*recordFile]bool{}}
	r := u.FS(fsys)
	readAll := func(name string) {
		t.Helper()
		f, err := r.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.ReadAll(f.(io.Reader)); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	readAll(page)
	readAll(other)
	changed := []byte("+++\ntitle = \"B\"\n+++\nText.\n")
	fsys[page] = &fstest.MapFile{Data: changed}
	readAll(page)
	if u.doubt {
		t.Fatal("a page read again: in doubt")
	}
	if got := u.inputs[inputKey{readFile, page}]; got != sha256.Sum256(first) {
		t.Errorf("recorded %x for the page, want the first read's %x", got, sha256.Sum256(first))
	}
	if got, _, _ := observe(fsys, readFile, page); got == u.inputs[inputKey{readFile, page}] {
		t.Error("the check would not see the change")
	}
	fsys[other] = &fstest.MapFile{Data: changed}
	readAll(other)
	if !u.doubt {
		t.Error("another file that changed between two opens: not in doubt")
	}
}

// BenchmarkBuildRecord is BenchmarkBuild with and without the record of
// the up-to-date check (hashing every read and written file, and saving
// the manifest), which cmd/site's every full build pays.
func BenchmarkBuildRecord(b *testing.B) {
	for _, n := range benchSizes {
		for _, record := range []bool{false, true} {
			b.Run(fmt.Sprintf("pages=%d/record=%v", 2*n, record), func(b *testing.B) {
				benchBuilds(b, n, func(src, out string) error {
					var opts Options
					if record {
						opts.Record = NewUpToDate(src, out, opts)
					}
					res, err := Build(context.Background(), src, out, opts)
					if err == nil && record {
						opts.Record.Save(res, nil, "")
					}
					return err
				})
			})
		}
	}
}

// A manifest reads back as written; cut short, or with any byte
// changed, it is refused, never misread.
func TestManifestEncoding(t *testing.T) {
	m := manifest{
		key:     sha256.Sum256([]byte("key")),
		inputs:  []input{{inputKey{readFile, "content/en/a.md"}, sha256.Sum256([]byte("a"))}, {inputKey{readMissing, "x"}, sum{}}},
		outputs: map[string]outputFile{"index.html": {12, sha256.Sum256([]byte("i"))}, "en/index.html": {0, sum{}}},
		pages:   map[string]int{"en": 5, "es": 4},
		files:   31, bytes: 1 << 20,
		warnings: []string{"site: warning: one", ""}, summary: "site: public is up to date",
	}
	data := m.encode()
	got, err := decodeManifest(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*got, m) {
		t.Fatalf("read back %+v, want %+v", *got, m)
	}
	if !bytes.Equal(got.encode(), data) {
		t.Error("encoded again: other bytes")
	}
	for i := range data {
		if _, err := decodeManifest(data[:i]); err == nil {
			t.Fatalf("cut to %d bytes: read", i)
		}
		bad := bytes.Clone(data)
		bad[i] ^= 0x20
		if _, err := decodeManifest(bad); err == nil {
			t.Fatalf("byte %d changed: read", i)
		}
	}
}

// A share image changed after the build that linked it, in the cache
// (public/'s copy is a hard link to it) or through public/'s copy, is
// never taken for up to date, even by an edit that keeps the file's
// size and time, which the cache's sum of it cannot see: the check
// hashes the output folder. The build that follows links the changed
// image and records it, not the sum the cache kept of the image it
// drew, so that the next check finds the output up to date again, as a
// build from scratch makes it.
func TestUpToDateShareImageEdited(t *testing.T) {
	src := copyProject(t, nil)
	out := filepath.Join(filepath.Dir(src), "public")
	cache := filepath.Join(src, filepath.FromSlash(share.DirName))
	opts := Options{BaseURL: "https://example.org/", Shares: share.NewCache(cache)}
	buildRecorded(t, src, out, opts)
	upToDate := func() bool {
		_, ok := NewUpToDate(src, out, opts).Check(src, out)
		return ok
	}
	fresh := func() map[string][]byte {
		dir := filepath.Join(t.TempDir(), "fresh")
		if _, err := Build(context.Background(), src, dir, opts); err != nil {
			t.Fatal(err)
		}
		return readTree(t, dir)
	}
	pngs, _ := filepath.Glob(filepath.Join(out, "assets", "share", "*", "*.png"))
	if len(pngs) < 3 {
		t.Fatalf("%d share images", len(pngs))
	}
	for i, c := range []struct {
		name     string
		edit     func(png string) string // the file to change
		keepTime bool
	}{
		{"in the cache", func(png string) string { return cacheFileOf(t, cache, png) }, false},
		{"through public/", func(png string) string { return png }, false},
		{"keeping its size and time", func(png string) string { return cacheFileOf(t, cache, png) }, true},
	} {
		buildRecorded(t, src, out, opts) // the cache's images, with their sums
		if !upToDate() {
			t.Fatalf("%s: not up to date after a build", c.name)
		}
		editInPlace(t, c.edit(pngs[i]), c.keepTime)
		if upToDate() {
			t.Errorf("%s: up to date with a share image changed", c.name)
		}
		buildRecorded(t, src, out, opts)
		got := readTree(t, out)
		if want := fresh(); !reflect.DeepEqual(got, want) {
			diffTrees(t, c.name, want, got)
		}
		if ok := upToDate(); ok == c.keepTime {
			t.Errorf("%s: up to date %v after the build that followed", c.name, ok)
		}
	}
}

// cacheFileOf is the file in the cache folder that the site's file png
// is a hard link to.
func cacheFileOf(t *testing.T, cache, png string) string {
	t.Helper()
	want, err := os.Stat(png)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(cache, "*.png"))
	for _, f := range files {
		if info, err := os.Stat(f); err == nil && os.SameFile(info, want) {
			return f
		}
	}
	t.Fatalf("%s is no link into the cache", png)
	return ""
}

// editInPlace changes the last byte of file where it lies, so that its
// hard links change with it, and when keepTime, sets its time back.
func editInPlace(t *testing.T, file string, keepTime bool) {
	t.Helper()
	before, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(file, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	last := make([]byte, 1)
	if _, err := f.ReadAt(last, before.Size()-1); err != nil {
		t.Fatal(err)
	}
	last[0] ^= 0xff
	if _, err := f.WriteAt(last, before.Size()-1); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if keepTime {
		if err := os.Chtimes(file, before.ModTime(), before.ModTime()); err != nil {
			t.Fatal(err)
		}
	}
}
