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
// in doubt is not saved. (A page's file is read twice, the second time
// for its body alone, which content.ReadBody checks against the first:
// that read is not recorded; see recordFS.reread.)

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"cecot/internal/cachefile"
	"cecot/internal/config"
	"cecot/internal/images"
	"cecot/internal/programid"
)

// ManifestDir is the folder, in the project, of the manifest of the
// up-to-date check.
const ManifestDir = ".cache/build"

// ManifestName is the manifest's file in ManifestDir.
const ManifestName = "manifest"

// manifestFormat starts every manifest; its number is the format's version.
const manifestFormat = "cecot build manifest 3\n"

// UpToDate is the up-to-date check of builds of one project into one
// output folder. Check says whether the last build's output still
// stands; a Build given it (Options.Record) records what it reads and
// writes, and Save keeps that as the next check's manifest.
type UpToDate struct {
	file string // the manifest
	key  sum    // of format, program, output folder, options, caller's params

	mu     sync.Mutex
	inputs map[inputKey]sum
	// outputs are the files written, in the order written: a list, not
	// a map by name, which took twice the memory for each file of the
	// site to the end of the build (Save makes the map).
	outputs []namedOutput
	open    map[*recordFile]bool // files opened and not yet closed
	doubt   bool                 // a read failed or disagreed: save nothing
}

// sum is a SHA-256.
type sum [sha256.Size]byte

// The kinds of read recorded.
const (
	readFile    byte = 'f' // a file's bytes
	readDir     byte = 'd' // a folder's listing
	readStat    byte = 's' // a stat: kind of file and size
	readMissing byte = 'm' // a path not found; its sum is zero
)

// inputKey is one read of the project: its kind and the path read
// (slash-separated, in the project).
type inputKey struct {
	kind byte
	path string
}

// input is one read and the hash of what it found.
type input struct {
	inputKey
	sum sum
}

// outputFile is one file written into the output folder.
type outputFile struct {
	size int64
	sum  sum
}

// namedOutput is an outputFile and its name in the output folder.
type namedOutput struct {
	name string
	outputFile
}

// manifest is what Save writes: the key, what the build read and wrote,
// its stats, and the caller's words: the warnings it printed and what
// to say when the output is found up to date.
type manifest struct {
	key      sum
	inputs   []input
	outputs  map[string]outputFile
	pages    map[string]int
	files    int
	bytes    int64
	warnings []string
	summary  string
}

// NewUpToDate returns the check of builds of the project in folder src
// into folder out with opts. params are whatever else of the caller
// shapes the output or what it prints (its message language...): a
// manifest made under other params never says "up to date".
func NewUpToDate(src, out string, opts Options, params ...string) *UpToDate {
	u := &UpToDate{inputs: map[inputKey]sum{}, open: map[*recordFile]bool{}}
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
	u.file = filepath.Join(src, filepath.FromSlash(ManifestDir), ManifestName)
	return u
}

// programID identifies the running program; tests replace it.
var programID = programid.ID

// hashStrings is the SHA-256 of strs, each preceded by its length.
func hashStrings(strs []string) sum {
	h := sha256.New()
	for _, s := range strs {
		h.Write([]byte(strconv.Itoa(len(s)) + ":" + s))
	}
	var out sum
	h.Sum(out[:0])
	return out
}

// UpToDateResult is what Check found: the stats of the build whose
// output still stands, and what the caller saved with it to say.
type UpToDateResult struct {
	Stats
	Warnings []string // the warnings the build printed
	Summary  string   // what to say of an output found up to date
}

// Check reports whether the output folder is what a build of the
// project in src would make now: the manifest's key is this check's,
// every read it records finds the same, and the output folder holds
// exactly the files recorded. It writes nothing. Any doubt is false.
func (u *UpToDate) Check(src, out string) (*UpToDateResult, bool) {
	if u.doubt || checkOut(src, out) != nil {
		return nil, false // the build says why
	}
	// An output folder that is missing or was not finished, as after
	// "rm -rf public", is known at once, without reading the project.
	if data, err := os.ReadFile(filepath.Join(out, Marker)); err != nil || string(data) != markerText {
		return nil, false
	}
	data, err := os.ReadFile(u.file)
	if err != nil {
		return nil, false
	}
	m, err := decodeManifest(data)
	if err != nil || m.key != u.key {
		return nil, false
	}
	root, err := os.OpenRoot(src)
	if err != nil {
		return nil, false
	}
	defer root.Close()
	// The output folder is hashed while the inputs are read again: the
	// check is mostly system calls and hashing, and a second core halves
	// its wait.
	sameOut := make(chan bool, 1)
	go func() { sameOut <- sameOutput(out, m.outputs) }()
	// Files are read as a build reads them (see dirRoots): through
	// their folder, opened once, not through every folder of their path.
	dirs := newDirRoots(root)
	defer dirs.Close()
	var fsys fs.FS = dirs
	sameIn := true
	for _, in := range m.inputs {
		if sum, kind, ok := observe(fsys, in.kind, in.path); !ok || kind != in.kind || sum != in.sum {
			sameIn = false
			break
		}
	}
	if !<-sameOut || !sameIn {
		return nil, false
	}
	st := Stats{Pages: m.pages, Files: m.files, Bytes: m.bytes}
	return &UpToDateResult{Stats: st, Warnings: m.warnings, Summary: m.summary}, true
}

// observe redoes a read of kind of the path name in fsys and returns
// the hash of what it finds and the kind of what it found (readMissing
// when a file or folder looked for is not there).
func observe(fsys fs.FS, kind byte, name string) (sum, byte, bool) {
	switch kind {
	case readFile:
		f, err := fsys.Open(name)
		if err != nil {
			return sumOrMissing(kind, sum{}, err)
		}
		defer f.Close()
		got, err := hashFrom(f)
		return sumOrMissing(kind, got.sum, err)
	case readDir:
		entries, err := fs.ReadDir(fsys, name)
		return sumOrMissing(kind, hashListing(entries), err)
	case readStat, readMissing:
		info, err := fs.Stat(fsys, name)
		if err != nil {
			return sumOrMissing(readStat, sum{}, err)
		}
		return hashInfo(info), readStat, true
	}
	return sum{}, 0, false
}

// sumOrMissing is observe's answer for a read of kind that gave s and
// err: a path not found is readMissing, another error is doubt.
func sumOrMissing(kind byte, s sum, err error) (sum, byte, bool) {
	if errors.Is(err, fs.ErrNotExist) {
		return sum{}, readMissing, true
	}
	if err != nil {
		return sum{}, 0, false
	}
	return s, kind, true
}

// hashListing hashes a folder's entries: their names and types, which is
// what a listing tells its reader (the files' bytes are inputs of their
// own when read).
func hashListing(entries []fs.DirEntry) sum {
	h := sha256.New()
	for _, e := range entries {
		h.Write([]byte(e.Name() + "\x00" + strconv.FormatUint(uint64(e.Type()), 10) + "\n"))
	}
	var out sum
	h.Sum(out[:0])
	return out
}

// hashInfo hashes what the build may use of a stat: the kind of file
// and its size (never its time, which no output depends on).
func hashInfo(info fs.FileInfo) sum {
	return hashStrings([]string{strconv.FormatUint(uint64(info.Mode().Type()), 10), strconv.FormatInt(info.Size(), 10)})
}

// sameOutput reports whether folder out holds exactly the files want
// (and the marker, which Check read), with their bytes, and no other
// file or folder.
func sameOutput(out string, want map[string]outputFile) bool {
	dirs := map[string]bool{".": true}
	for name := range want {
		for d := path.Dir(name); d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
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
				if got, err := hashFile(filepath.Join(out, filepath.FromSlash(name))); err != nil || got != w {
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
// and wrote through this UpToDate (Options.Record), with the warnings
// the caller printed and the summary it will print when a check finds
// the output up to date: worded now, so that a check needs no message
// catalogue. It does nothing when the record is in doubt. A manifest
// that cannot be written costs the next build time, never this one its
// result, so Save reports no error.
func (u *UpToDate) Save(res *Result, warnings []string, summary string) {
	u.mu.Lock()
	for f := range u.open {
		u.finish(f)
	}
	doubt := u.doubt
	m := manifest{key: u.key, outputs: make(map[string]outputFile, len(u.outputs)), warnings: warnings, summary: summary}
	for _, o := range u.outputs {
		m.outputs[o.name] = o.outputFile // a file written again is as last written
	}
	for k, s := range u.inputs {
		m.inputs = append(m.inputs, input{k, s})
	}
	u.mu.Unlock()
	if doubt || res == nil {
		return
	}
	m.pages, m.files, m.bytes = res.Pages, res.Files, res.Bytes
	dir := filepath.Dir(u.file)
	cachefile.Sweep(dir)
	_ = cachefile.Write(dir, u.file, m.encode())
}

// record keeps what a read of kind of name found, and doubts the record
// when the same read found something else before. u.mu is held.
func (u *UpToDate) recordLocked(kind byte, name string, s sum) {
	k := inputKey{kind, name}
	if old, ok := u.inputs[k]; ok && old != s {
		u.doubt = true // the file changed while the build read it
	}
	u.inputs[k] = s
}

func (u *UpToDate) record(kind byte, name string, s sum) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.recordLocked(kind, name, s)
}

// recordErr keeps a read that failed: readMissing when nothing is
// there, else doubt.
func (u *UpToDate) recordErr(name string, err error) {
	if errors.Is(err, fs.ErrNotExist) {
		u.record(readMissing, name, sum{})
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
	r.u.record(readFile, name, sha256.Sum256(data))
	return data, nil
}

func (r *recordFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(r.fsys, name)
	if err != nil {
		r.u.recordErr(name, err)
		return nil, err
	}
	r.u.record(readDir, name, hashListing(entries))
	return entries, nil
}

func (r *recordFS) Stat(name string) (fs.FileInfo, error) {
	info, err := fs.Stat(r.fsys, name)
	if err != nil {
		r.u.recordErr(name, err)
		return nil, err
	}
	r.u.record(readStat, name, hashInfo(info))
	return info, nil
}

// Open records what is read of what it opens: a file's bytes or a
// folder's listing, whole when closed (see finish); but not a page read
// again (see reread).
func (r *recordFS) Open(name string) (fs.File, error) {
	if r.reread(name) {
		return r.fsys.Open(name)
	}
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
	// No stat is recorded: the bytes or the listing recorded at Close
	// say all a stat would.
	rf := &recordFile{f: f, name: name, u: r.u, dir: info.IsDir(), h: sha256.New()}
	r.u.mu.Lock()
	r.u.open[rf] = true
	r.u.mu.Unlock()
	if rf.dir {
		return &recordDir{rf}, nil
	}
	return rf, nil
}

// reread reports whether name is a page's Markdown file whose bytes
// are recorded already: read a second time, it is a page's body read
// again for its render (a build keeps no bodies: content.Options.NoBodies).
// That read adds nothing to the record, as content.ReadBody refuses a
// body that is not the one the load read: what the build makes still
// comes from the bytes recorded. Hashing and recording it again cost
// ~2.5% of a build's CPU.
func (r *recordFS) reread(name string) bool {
	if path.Ext(name) != ".md" || !strings.HasPrefix(name, config.ContentDir+"/") {
		return false
	}
	r.u.mu.Lock()
	defer r.u.mu.Unlock()
	_, ok := r.u.inputs[inputKey{readFile, name}]
	return ok
}

// recordFile is a file opened through a recordFS: it hashes what is read
// of it. Only Read, Stat and Close are offered, so that what the build
// reads is what is hashed.
type recordFile struct {
	f       fs.File
	name    string
	u       *UpToDate
	dir     bool
	h       hash.Hash // of a file's bytes
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
	var got sum
	kind := readFile
	if f.dir {
		kind = readDir
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
		got = hashListing(f.entries)
	} else {
		if !f.eof {
			if _, err := io.Copy(f.h, f.f); err != nil {
				u.doubt = true
				return
			}
		}
		f.h.Sum(got[:0])
	}
	u.recordLocked(kind, f.name, got)
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

// LinkFile records the sum it is given, when it has one, without reading
// the file: the share cache keeps each image's sum beside it and hashes
// again an image changed since (see share.Entry). A sum that is
// wrong all the same (an edit that kept the file's size and time) never
// passes an output as up to date: the up-to-date check hashes every file
// of the output folder (sameOutput), so the output it finds differs from
// the record, and every build is a full one until the cache entry goes.
func (w *recordWriter) LinkFile(name, src string, sum *[sha256.Size]byte) (int64, error) {
	size, err := w.w.LinkFile(name, src, sum)
	if err != nil {
		return size, err
	}
	var f outputFile
	if sum != nil {
		f = outputFile{size: size, sum: *sum}
	} else {
		// What the site holds now, whatever became of src since.
		f, err = hashFile(filepath.Join(w.root, filepath.FromSlash(name)))
	}
	w.u.mu.Lock()
	defer w.u.mu.Unlock()
	if err != nil {
		w.u.doubt = true
		return size, nil
	}
	w.u.outputs = append(w.u.outputs, namedOutput{name, f})
	return size, nil
}

func (u *UpToDate) output(name string, data []byte) {
	f := outputFile{size: int64(len(data)), sum: sha256.Sum256(data)}
	u.mu.Lock()
	u.outputs = append(u.outputs, namedOutput{name, f})
	u.mu.Unlock()
}

// hashFile returns the size and SHA-256 of the file at path, hashed as
// it is read through a buffer that is used again: reading each file
// whole, the share images linked into a site of 2,000 pages made 37 MB
// of garbage in a build, and the check of a site made as much as the
// site and its pages.
func hashFile(path string) (outputFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return outputFile{}, err
	}
	defer f.Close()
	return hashFrom(f)
}

// hashFrom is hashFile of what r reads.
func hashFrom(r io.Reader) (outputFile, error) {
	h := sha256.New()
	buf := hashBuffers.Get().(*[]byte)
	defer hashBuffers.Put(buf)
	// The struct hides os.File's WriteTo, which would copy through a
	// buffer of its own.
	n, err := io.CopyBuffer(h, struct{ io.Reader }{r}, *buf)
	if err != nil {
		return outputFile{}, err
	}
	var out outputFile
	out.size = n
	h.Sum(out.sum[:0])
	return out, nil
}

// hashBuffers are hashFile's buffers.
var hashBuffers = sync.Pool{New: func() any {
	b := make([]byte, 32<<10)
	return &b
}}

// A manifest's file is manifestFormat, then in order: the key; the
// inputs, each its kind, path and sum; the outputs by name, each its
// name, size and sum; the pages by language; the files and bytes; the
// warnings; the summary; and last a SHA-256 of all before it, so that a file damaged or
// cut short is never taken for a manifest. Strings and counts are
// uvarint-prefixed. Written sorted, the same build writes the same file.

func (m *manifest) encode() []byte {
	slices.SortFunc(m.inputs, func(a, b input) int {
		if a.kind != b.kind {
			return int(a.kind) - int(b.kind)
		}
		return strings.Compare(a.path, b.path)
	})
	b := make([]byte, 0, 64+len(m.inputs)*80+len(m.outputs)*80)
	b = append(b, manifestFormat...)
	b = append(b, m.key[:]...)
	b = binary.AppendUvarint(b, uint64(len(m.inputs)))
	for _, in := range m.inputs {
		b = append(b, in.kind)
		b = appendString(b, in.path)
		b = append(b, in.sum[:]...)
	}
	names := slices.Sorted(maps.Keys(m.outputs))
	b = binary.AppendUvarint(b, uint64(len(names)))
	for _, n := range names {
		o := m.outputs[n]
		b = appendString(b, n)
		b = binary.AppendUvarint(b, uint64(o.size))
		b = append(b, o.sum[:]...)
	}
	langs := slices.Sorted(maps.Keys(m.pages))
	b = binary.AppendUvarint(b, uint64(len(langs)))
	for _, l := range langs {
		b = appendString(b, l)
		b = binary.AppendUvarint(b, uint64(m.pages[l]))
	}
	b = binary.AppendUvarint(b, uint64(m.files))
	b = binary.AppendUvarint(b, uint64(m.bytes))
	b = binary.AppendUvarint(b, uint64(len(m.warnings)))
	for _, w := range m.warnings {
		b = appendString(b, w)
	}
	b = appendString(b, m.summary)
	check := sha256.Sum256(b)
	return append(b, check[:]...)
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

var errManifest = errors.New("not a manifest of this format, or damaged")

func decodeManifest(data []byte) (*manifest, error) {
	if len(data) < len(manifestFormat)+2*sha256.Size || string(data[:len(manifestFormat)]) != manifestFormat {
		return nil, errManifest
	}
	body, check := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if sha256.Sum256(body) != sum(check) {
		return nil, errManifest
	}
	d := decoder{b: body[len(manifestFormat):]}
	m := &manifest{outputs: map[string]outputFile{}, pages: map[string]int{}}
	m.key = d.sum()
	for n := d.count(); n > 0 && d.err == nil; n-- {
		var in input
		in.kind = d.byte()
		in.path = d.string()
		in.sum = d.sum()
		m.inputs = append(m.inputs, in)
	}
	for n := d.count(); n > 0 && d.err == nil; n-- {
		name := d.string()
		size := int64(d.uvarint())
		m.outputs[name] = outputFile{size: size, sum: d.sum()}
	}
	for n := d.count(); n > 0 && d.err == nil; n-- {
		lang := d.string()
		m.pages[lang] = int(d.uvarint())
	}
	m.files = int(d.uvarint())
	m.bytes = int64(d.uvarint())
	for n := d.count(); n > 0 && d.err == nil; n-- {
		m.warnings = append(m.warnings, d.string())
	}
	m.summary = d.string()
	if d.err != nil || len(d.b) != 0 {
		return nil, errManifest
	}
	return m, nil
}

// decoder reads a manifest's fields; its first error sticks.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) take(n int) []byte {
	if d.err != nil || n < 0 || n > len(d.b) {
		d.err = errManifest
		return nil
	}
	out := d.b[:n]
	d.b = d.b[n:]
	return out
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errManifest
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count is a count of items, each at least a byte long.
func (d *decoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.err = errManifest
		return 0
	}
	return int(n)
}

func (d *decoder) string() string { return string(d.take(d.count())) }

func (d *decoder) byte() byte {
	if b := d.take(1); b != nil {
		return b[0]
	}
	return 0
}

func (d *decoder) sum() sum {
	var s sum
	copy(s[:], d.take(sha256.Size))
	return s
}
