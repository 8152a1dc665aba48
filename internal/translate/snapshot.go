package translate

import (
	"crypto/sha256"
	"io/fs"
	"strings"
	"sync"

	"cecot/internal/po"
)

// snapshot is one load of the project (loadProject): each page and PO
// file it asks for is read and parsed once, however many times the
// load needs it. Status aligns every page, then works out the
// templates and the export, which read the same originals, translations
// and PO files again; a snapshot answers those from what the first
// reading found. A load is short and writes nothing, so what it read
// is what the files hold; the next load reads them again (through
// Cached, if the caller keeps one, which parses only what changed).
type snapshot struct {
	fs.FS
	mu    sync.Mutex
	pages map[string]*pageFile  // by file, language, key and reserved IDs
	pos   map[string]snapPO     // by file
	recs  map[string]syncRecord // the sync records, by language
}

// snapPO is a PO file as the load read it: absent, or the hash of its
// bytes and what they say. The hash, not the bytes, is kept for
// Plan.put's comparison: a project's PO files are the largest thing a
// status holds (60 MB on the synthetic site of 2,000 pages a
// language), and a hash of the new contents costs less than keeping
// them all.
type snapPO struct {
	f      *po.File
	sum    [sha256.Size]byte
	absent bool
}

func newSnapshot(fsys fs.FS) fs.FS {
	if _, ok := fsys.(*snapshot); ok {
		return fsys
	}
	return &snapshot{FS: fsys, pages: map[string]*pageFile{}, pos: map[string]snapPO{}, recs: map[string]syncRecord{}}
}

// ReadFile, ReadDir and Stat let fs.ReadFile, fs.WalkDir and fs.Stat use
// the wrapped file system's own.
func (s *snapshot) ReadFile(name string) ([]byte, error) { return fs.ReadFile(s.FS, name) }

func (s *snapshot) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(s.FS, name) }

func (s *snapshot) Stat(name string) (fs.FileInfo, error) { return fs.Stat(s.FS, name) }

// page is readPage, once per load. A pageFile is never changed once
// made.
func (s *snapshot) page(file, lang, key string, reserved []string) (*pageFile, error) {
	k := file + "\x00" + lang + "\x00" + key + "\x00" + strings.Join(reserved, " ")
	s.mu.Lock()
	pf, ok := s.pages[k]
	s.mu.Unlock()
	if ok {
		return pf, nil
	}
	pf, err := readPage(s.FS, file, lang, key, reserved)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.pages[k] = pf
	s.mu.Unlock()
	return pf, nil
}

// po is ReadPO, once per load: nil when there is no such file.
func (s *snapshot) po(name string) (*po.File, error) {
	s.mu.Lock()
	e, ok := s.pos[name]
	s.mu.Unlock()
	if ok {
		return e.f, nil
	}
	f, sum, err := readPOSum(s.FS, name)
	if err != nil {
		return nil, err
	}
	e = snapPO{f: f, absent: sum == nil}
	if sum != nil {
		e.sum = *sum
	}
	s.mu.Lock()
	s.pos[name] = e
	s.mu.Unlock()
	return e.f, nil
}

// poSum returns the hash of PO file name's bytes as the load read it,
// and whether it read it and found it.
func (s *snapshot) poSum(name string) ([sha256.Size]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.pos[name]
	if !ok || e.absent {
		return [sha256.Size]byte{}, false
	}
	return e.sum, true
}

// sync is readSync, once per load: every caller gets the same record,
// which nothing changes.
func (s *snapshot) sync(lang string) (syncRecord, error) {
	s.mu.Lock()
	rec, ok := s.recs[lang]
	s.mu.Unlock()
	if ok {
		return rec, nil
	}
	rec, err := readSync(s.FS, lang)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.recs[lang] = rec
	s.mu.Unlock()
	return rec, nil
}
