package engine

// The up-to-date check: a build that would write the same output folder
// again is skipped, as make, ninja or Bazel skip a target whose inputs
// did not change. A successful build records, in the project's
// .cache/build/, a manifest: every read it made of the project (files
// read, folders listed, paths found missing or stat'ed) with what it
// found, the options and program that built, and every file it wrote
// with its SHA-256. The next build redoes those reads: when each finds
// what the manifest says, and the output folder holds exactly the files
// recorded, byte for byte, the build would make the same folder, and it
// is not made again.
//
// Why this is safe: the build is deterministic, a function of what it
// reads through the project's file system, its options and its code.
// The same program, given the same answers to the same reads, makes the
// same reads after them and the same files. Content is compared by hash,
// never by size or time, so an edit that keeps both is seen. Anything in
// doubt (a manifest unreadable, of another format or program; a read
// that failed other than "not found"; a file that changed while the
// build read it twice) means a full build, never an error, and a record
// in doubt is not saved.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"cecot/internal/cachefile"
	"cecot/internal/images"
	"cecot/internal/programid"
)

// ManifestDir is the folder, in the project, of the manifest of the
// up-to-date check.
const ManifestDir = ".cache/build"

// manifestFormat starts every manifest; its number is the format's version.
const manifestFormat = "cecot build manifest 1"

// UpToDate is the up-to-date check of builds of one project into one
// output folder. Check says whether the last build's output still
// stands; a Build given it (Options.Record) records what it reads and
// writes, and Save keeps that as the next check's manifest.
type UpToDate struct {
	file string // the manifest
	key  string // format, program, output folder, options, caller's params

	mu      sync.Mutex
	inputs  map[string]input // by kind and path
	outputs map[string]outputFile
	open    map[*recordFile]bool // files opened and not yet closed
	doubt   bool                 // a read failed or disagreed: save nothing
}

// input is one read of the project and what it found.
type input struct {
	Kind string // "file" (its bytes), "dir" (its listing), "stat", "missing"
	Path string // slash-separated, in the project
	Sum  string // hex SHA-256 of what was found; "" for "missing"
}

// outputFile is one file written into the output folder.
type outputFile struct {
	Size int64
	Sum  string // hex SHA-256
}

// manifest is what Save writes: the key, what the build read and wrote,
// its stats and the caller's notes (the warnings it printed).
type manifest struct {
	Key     string
	Inputs  []input
	Outputs map[string]outputFile
	Pages   map[string]int
	Files   int
	Bytes   int64
	Notes   []string
}

// NewUpToDate returns the check of builds of the project in folder src
// into folder out with opts. params are whatever else of the caller
// shapes the output or what it prints (its message language...): a
// manifest made under other params never says "up to date".
func NewUpToDate(src, out string, opts Options, params ...string) *UpToDate {
	u := &UpToDate{
		inputs: map[string]input{}, outputs: map[string]outputFile{}, open: map[*recordFile]bool{},
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		u.doubt = true
	}
	prog, err := programID()
	if err != nil {
		u.doubt = true
	}
	// Encoded images depend on the WebP encoder (the built-in one, or
	// the system's library in a build from a checkout).
	encoder := "builtin"
	if images.SystemWebP() {
		encoder = "system"
	}
	fields := append([]string{
		manifestFormat, hex.EncodeToString(prog[:]), absOut, encoder,
		"baseurl=" + opts.BaseURL,
		"drafts=" + strconv.FormatBool(opts.Drafts),
		"compress=" + strconv.FormatBool(opts.Compress),
	}, params...)
	u.key = hashStrings(fields)
	// One manifest a project, of the last build into any folder: a
	// build into a new folder each time (cmd/sitebench) leaves no trail
	// of manifests, and alternating folders only builds again.
	u.file = filepath.Join(src, filepath.FromSlash(ManifestDir), "manifest.json")
	return u
}

// programID identifies the running program; tests replace it.
var programID = programid.ID

// hashStrings is the hex SHA-256 of strs, each preceded by its length.
func hashStrings(strs []string) string {
	h := sha256.New()
	for _, s := range strs {
		h.Write([]byte(strconv.Itoa(len(s)) + ":" + s))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// UpToDateResult is what Check found: the stats of the build whose
// output still stands, and the caller's notes saved with it.
type UpToDateResult struct {
	Stats
	Notes []string
}

// Check reports whether the output folder is what a build of the
// project in src would make now: the manifest's key is this check's,
// every read it records finds the same, and the output folder holds
// exactly the files recorded. It writes nothing. Any doubt is false.
func (u *UpToDate) Check(src, out string) (*UpToDateResult, bool) {
	if u.doubt || checkOut(src, out) != nil {
		return nil, false // the build says why
	}
	data, err := os.ReadFile(u.file)
	if err != nil {
		return nil, false
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil || m.Key != u.key || m.Outputs == nil {
		return nil, false
	}
	root, err := os.OpenRoot(src)
	if err != nil {
		return nil, false
	}
	defer root.Close()
	fsys := root.FS()
	for _, in := range m.Inputs {
		if sum, kind, ok := observe(fsys, in.Kind, in.Path); !ok || kind != in.Kind || sum != in.Sum {
			return nil, false
		}
	}
	if !sameOutput(out, m.Outputs) {
		return nil, false
	}
	st := Stats{Pages: m.Pages, Files: m.Files, Bytes: m.Bytes}
	return &UpToDateResult{Stats: st, Notes: m.Notes}, true
}

// observe redoes a read of kind of the path name in fsys and returns
// the hash of what it finds and the kind of what it found ("missing"
// when a file or folder looked for is not there).
func observe(fsys fs.FS, kind, name string) (sum, found string, ok bool) {
	switch kind {
	case "file":
		data, err := fs.ReadFile(fsys, name)
		return sumOrMissing(kind, hashBytes(data), err)
	case "dir":
		entries, err := fs.ReadDir(fsys, name)
		return sumOrMissing(kind, hashListing(entries), err)
	case "stat", "missing":
		info, err := fs.Stat(fsys, name)
		if err != nil {
			return sumOrMissing("stat", "", err)
		}
		return hashInfo(info), "stat", true
	}
	return "", "", false
}

// sumOrMissing is observe's answer for a read of kind that gave sum and
// err: a path not found is "missing", another error is doubt.
func sumOrMissing(kind, sum string, err error) (string, string, bool) {
	if errors.Is(err, fs.ErrNotExist) {
		return "", "missing", true
	}
	if err != nil {
		return "", "", false
	}
	return sum, kind, true
}

func hashBytes(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// hashListing hashes a folder's entries: their names and types, which is
// what a listing tells its reader (the files' bytes are inputs of their
// own when read).
func hashListing(entries []fs.DirEntry) string {
	h := sha256.New()
	for _, e := range entries {
		h.Write([]byte(e.Name() + "\x00" + strconv.FormatUint(uint64(e.Type()), 10) + "\n"))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// hashInfo hashes what the build may use of a stat: the kind of file
// and its size (never its time, which no output depends on).
func hashInfo(info fs.FileInfo) string {
	return hashStrings([]string{strconv.FormatUint(uint64(info.Mode().Type()), 10), strconv.FormatInt(info.Size(), 10)})
}

// sameOutput reports whether folder out holds exactly the files want
// (and the marker of a folder this generator wrote), with their bytes,
// and no other file or folder.
func sameOutput(out string, want map[string]outputFile) bool {
	dirs := map[string]bool{".": true}
	for name := range want {
		for d := path.Dir(name); d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	if data, err := os.ReadFile(filepath.Join(out, Marker)); err != nil || string(data) != markerText {
		return false
	}
	seen := 0
	var walk func(dir string) bool
	walk = func(dir string) bool {
		if !dirs[dir] {
			return false
		}
		entries, err := os.ReadDir(filepath.Join(out, filepath.FromSlash(dir)))
		if err != nil {
			return false
		}
		for _, e := range entries {
			name := path.Join(dir, e.Name())
			switch {
			case e.IsDir():
				if !walk(name) {
					return false
				}
			case !e.Type().IsRegular():
				return false
			case name == Marker:
			default:
				w, ok := want[name]
				if !ok {
					return false
				}
				data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
				if err != nil || int64(len(data)) != w.Size || hashBytes(data) != w.Sum {
					return false
				}
				seen++
			}
		}
		return true
	}
	return walk(".") && seen == len(want)
}

// Save writes the manifest of the build that res describes, which read
// and wrote through this UpToDate (Options.Record), with the caller's
// notes (the warnings it printed). It does nothing when the record is in
// doubt. A manifest that cannot be written costs the next build time,
// never this one its result, so Save reports no error.
func (u *UpToDate) Save(res *Result, notes []string) {
	u.mu.Lock()
	for f := range u.open {
		u.finish(f)
	}
	doubt := u.doubt
	m := manifest{Key: u.key, Outputs: u.outputs, Notes: notes}
	for _, in := range u.inputs {
		m.Inputs = append(m.Inputs, in)
	}
	u.mu.Unlock()
	if doubt || res == nil {
		return
	}
	// In a fixed order, so that the same build writes the same manifest.
	slices.SortFunc(m.Inputs, func(a, b input) int {
		return strings.Compare(a.Kind+"\x00"+a.Path, b.Kind+"\x00"+b.Path)
	})
	m.Pages, m.Files, m.Bytes = res.Pages, res.Files, res.Bytes
	data, err := json.Marshal(m)
	if err != nil {
		return
	}
	dir := filepath.Dir(u.file)
	cachefile.Sweep(dir)
	_ = cachefile.Write(dir, u.file, data)
}

// record keeps what a read of kind of name found, and doubts the record
// when the same read found something else before.
func (u *UpToDate) record(kind, name, sum string) {
	k := kind + "\x00" + name
	u.mu.Lock()
	defer u.mu.Unlock()
	if old, ok := u.inputs[k]; ok && old.Sum != sum {
		u.doubt = true // the file changed while the build read it
	}
	u.inputs[k] = input{Kind: kind, Path: name, Sum: sum}
}

// recordErr keeps a read that failed: "missing" when nothing is there,
// else doubt.
func (u *UpToDate) recordErr(name string, err error) {
	if errors.Is(err, fs.ErrNotExist) {
		u.record("missing", name, "")
		return
	}
	u.mu.Lock()
	u.doubt = true
	u.mu.Unlock()
}

// FS returns fsys, the project, with every read recorded.
func (u *UpToDate) FS(fsys fs.FS) fs.FS { return &recordFS{fsys: fsys, u: u} }

// recordFS is a project's file system whose reads an UpToDate records.
type recordFS struct {
	fsys fs.FS
	u    *UpToDate
}

func (r *recordFS) ReadFile(name string) ([]byte, error) {
	data, err := fs.ReadFile(r.fsys, name)
	if err != nil {
		r.u.recordErr(name, err)
		return nil, err
	}
	r.u.record("file", name, hashBytes(data))
	return data, nil
}

func (r *recordFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(r.fsys, name)
	if err != nil {
		r.u.recordErr(name, err)
		return nil, err
	}
	r.u.record("dir", name, hashListing(entries))
	return entries, nil
}

func (r *recordFS) Stat(name string) (fs.FileInfo, error) {
	info, err := fs.Stat(r.fsys, name)
	if err != nil {
		r.u.recordErr(name, err)
		return nil, err
	}
	r.u.record("stat", name, hashInfo(info))
	return info, nil
}

// Open records a stat of what it opens, and then what is read of it:
// a file's bytes or a folder's listing, whole when closed (see finish).
func (r *recordFS) Open(name string) (fs.File, error) {
	f, err := r.fsys.Open(name)
	if err != nil {
		r.u.recordErr(name, err)
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		r.u.recordErr(name, err)
		return nil, err
	}
	r.u.record("stat", name, hashInfo(info))
	rf := &recordFile{f: f, name: name, u: r.u, dir: info.IsDir(), h: sha256.New()}
	r.u.mu.Lock()
	r.u.open[rf] = true
	r.u.mu.Unlock()
	if rf.dir {
		return &recordDir{rf}, nil
	}
	return rf, nil
}

// recordFile is a file opened through a recordFS: it hashes what is read
// of it. Only Read, Stat and Close are offered, so that what the build
// reads is what is hashed.
type recordFile struct {
	f       fs.File
	name    string
	u       *UpToDate
	dir     bool
	h       io.Writer // hash.Hash of a file's bytes
	entries []fs.DirEntry
	eof     bool
	done    bool
}

func (f *recordFile) Stat() (fs.FileInfo, error) { return f.f.Stat() }

func (f *recordFile) Read(p []byte) (int, error) {
	n, err := f.f.Read(p)
	f.h.Write(p[:n])
	if err == io.EOF {
		f.eof = true
	}
	return n, err
}

// Close records what was read, with the rest of it read first.
func (f *recordFile) Close() error {
	f.u.mu.Lock()
	f.u.finish(f)
	f.u.mu.Unlock()
	return f.f.Close()
}

// finish reads what the build left unread of f, through the same open
// file, and records its whole bytes or listing. u.mu is held.
func (u *UpToDate) finish(f *recordFile) {
	if f.done {
		return
	}
	f.done = true
	delete(u.open, f)
	var sum string
	if f.dir {
		rd, ok := f.f.(fs.ReadDirFile)
		if !ok {
			u.doubt = true
			return
		}
		for !f.eof {
			more, err := rd.ReadDir(64)
			f.entries = append(f.entries, more...)
			if err == io.EOF || (err == nil && len(more) == 0) {
				break
			}
			if err != nil {
				u.doubt = true
				return
			}
		}
		// A listing is compared as fs.ReadDir gives it: sorted.
		slices.SortFunc(f.entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
		sum = hashListing(f.entries)
	} else {
		if !f.eof {
			if _, err := io.Copy(f.h, f.f); err != nil {
				u.doubt = true
				return
			}
		}
		sum = hex.EncodeToString(f.h.(interface{ Sum([]byte) []byte }).Sum(nil))
	}
	kind := map[bool]string{false: "file", true: "dir"}[f.dir]
	k := kind + "\x00" + f.name
	if old, ok := u.inputs[k]; ok && old.Sum != sum {
		u.doubt = true
	}
	u.inputs[k] = input{Kind: kind, Path: f.name, Sum: sum}
}

// recordDir is a folder opened through a recordFS.
type recordDir struct{ *recordFile }

func (d *recordDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rd, ok := d.f.(fs.ReadDirFile)
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: d.name, Err: errors.New("not a folder")}
	}
	entries, err := rd.ReadDir(n)
	d.entries = append(d.entries, entries...)
	if err == io.EOF || (n <= 0 && err == nil) {
		d.eof = true
	}
	return entries, err
}

// recordWriter is the Writer of a build that an UpToDate records: every
// file written or linked, with its hash.
type recordWriter struct {
	w    FileLinker
	root string // the folder w writes into
	u    *UpToDate
}

func (w *recordWriter) WriteFile(name string, data []byte) error {
	if err := w.w.WriteFile(name, data); err != nil {
		return err
	}
	w.u.output(name, data)
	return nil
}

func (w *recordWriter) LinkFile(name, src string) (int64, error) {
	size, err := w.w.LinkFile(name, src)
	if err != nil {
		return size, err
	}
	// What the site holds now, whatever became of src since.
	data, err := os.ReadFile(filepath.Join(w.root, filepath.FromSlash(name)))
	if err != nil {
		w.u.mu.Lock()
		w.u.doubt = true
		w.u.mu.Unlock()
		return size, nil
	}
	w.u.output(name, data)
	return size, nil
}

func (u *UpToDate) output(name string, data []byte) {
	f := outputFile{Size: int64(len(data)), Sum: hashBytes(data)}
	u.mu.Lock()
	u.outputs[name] = f
	u.mu.Unlock()
}
