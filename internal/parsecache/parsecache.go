// Package parsecache keeps, in the project's .cache/parse/, what the
// translators' tools parsed from the project's files (a page's blocks, a
// PO file's messages), so that a command after the first, or a
// workbench started again, decodes them instead of parsing every file
// again.
//
// An entry is found by the file's name and used only when its key, the
// hash of the file's bytes and of how it was parsed, is the caller's:
// the file is read every time and an entry of other bytes is never used.
// The entries live in shards, files named by a hash of the files' names,
// each written whole through a temporary file and a rename
// (cachefile.Write), so that two processes saving at once leave one
// complete shard or the other. A shard starts with the identity of the
// program that wrote it (programid.ID: its Go build ID, which hashes the
// executable): a program reads only what the same program wrote, so a
// new program never reads an old format or a parse its old code made. A shard that is truncated,
// corrupt or of another program is ignored, and an entry whose checksum
// fails is a miss: the caller parses the file again, and the next save
// writes the shard anew. Saving keeps an entry only while its file
// exists, so the cache is bounded by the project: one entry per file and
// kind of parse.
package parsecache

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"unsafe"

	"cecot/internal/cachefile"
	"cecot/internal/programid"
)

// DirName is the cache's folder in the project, beside the images' and
// share images' caches, ignored by git and never published.
const DirName = ".cache/parse"

// Key identifies what an entry was made from: the hash of a file's bytes
// and of how it was parsed.
type Key [sha256.Size]byte

// shards is how many files the entries are spread over: a workbench that
// parses one edited page rewrites one shard, not the whole cache.
const shards = 64

// magic starts every shard; its number is the format's version.
const magic = "cecot parse cache 1\n"

// castagnoli is made when the cache is first used: making it computes the
// checksum's tables, a fifth of a millisecond at the start of every
// command, most of which never open the cache.
var castagnoli = sync.OnceValue(func() *crc32.Table { return crc32.MakeTable(crc32.Castagnoli) })

// Store is the cache of one project. Its methods are safe for
// concurrent use. A Store whose program cannot be identified (its
// executable unreadable) keeps nothing.
type Store struct {
	dir     string
	program [sha256.Size]byte
	off     bool
	shards  [shards]shard
	saveMu  sync.Mutex // one Save at a time
}

// shard is one file of the cache: the entries it held when read, and
// what this process used and made since.
type shard struct {
	once sync.Once
	mu   sync.Mutex
	old  map[string]entry // as read from the file
	used map[string]bool  // names looked up, or found to exist, by this process
	put  map[string]entry // made since the last save
}

type entry struct {
	key   Key
	value string
}

// Open returns the store in the folder dir (the project's DirName). It
// reads nothing until asked for an entry, and never fails: a cache that
// cannot be read or written only makes the tools parse again.
func Open(dir string) *Store {
	s := &Store{dir: dir}
	id, err := programID()
	if err != nil {
		s.off = true
	}
	s.program = id
	return s
}

// NewKey returns the key of a file whose bytes' SHA-256 is sum, parsed
// with the given parameters (the kind of parse, a page's language...).
func NewKey(sum [sha256.Size]byte, params ...string) Key {
	h := sha256.New()
	h.Write(sum[:])
	for _, p := range params {
		h.Write([]byte(strconv.Itoa(len(p)) + ":" + p))
	}
	var k Key
	h.Sum(k[:0])
	return k
}

// Get returns the entry kept for name under key, or false. The string
// shares memory with the shard it was read from: callers may keep
// substrings of it.
func (s *Store) Get(name string, key Key) (string, bool) {
	if s == nil || s.off {
		return "", false
	}
	sh := s.shard(name)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	sh.used[name] = true
	if e, ok := sh.put[name]; ok && e.key == key {
		return e.value, true
	}
	e, ok := sh.old[name]
	if !ok || e.key != key {
		return "", false
	}
	return e.value, true
}

// Put keeps value as name's entry under key, replacing any other, to be
// written by the next Save.
func (s *Store) Put(name string, key Key, value []byte) {
	if s == nil || s.off {
		return
	}
	sh := s.shard(name)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	sh.used[name] = true
	if e, ok := sh.old[name]; ok && e.key == key {
		// Back to what the file holds (a workbench's page edited and
		// the edit undone): no other version is to be written.
		delete(sh.put, name)
		return
	}
	sh.put[name] = entry{key, string(value)}
}

// Save writes the shards that changed: those with new entries, and
// those holding an entry of a file that exists no more. exists is asked
// only about the entries this process never looked up, once each;
// the others are kept. Two processes saving at once each write whole shards, and the
// last rename wins. An error leaves the cache as it was, or a shard
// missing, which is only a cost.
func (s *Store) Save(exists func(name string) bool) error {
	if s == nil || s.off {
		return nil
	}
	s.saveMu.Lock()
	defer s.saveMu.Unlock()
	var errs []error
	swept := false
	for i := range s.shards {
		// Every shard, so that those this process never used lose
		// the entries of files deleted since.
		data, ok := s.shardAt(i).snapshot(s.program, exists)
		if !ok {
			continue
		}
		if !swept {
			cachefile.Sweep(s.dir)
			swept = true
		}
		if err := os.MkdirAll(s.dir, 0o755); err != nil {
			return err
		}
		if err := cachefile.Write(s.dir, s.path(i), data); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// snapshot returns the shard's new contents when they differ from its
// file's, and makes them what the shard holds as read.
func (sh *shard) snapshot(program [sha256.Size]byte, exists func(string) bool) ([]byte, bool) {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	changed := len(sh.put) > 0
	var gone []string
	for name := range sh.old {
		if sh.used[name] {
			continue
		}
		// Asked once a process: a file found is counted as used.
		if exists(name) {
			sh.used[name] = true
		} else {
			gone = append(gone, name)
		}
	}
	if !changed && len(gone) == 0 {
		return nil, false
	}
	next := make(map[string]entry, len(sh.old)+len(sh.put))
	maps.Copy(next, sh.old)
	for _, name := range gone {
		delete(next, name)
	}
	maps.Copy(next, sh.put)
	sh.old, sh.put = next, map[string]entry{}
	return encodeShard(next, program), true
}

// shard returns the shard of name's entry.
func (s *Store) shard(name string) *shard {
	return s.shardAt(int(crc32.Checksum([]byte(name), castagnoli()) % shards))
}

// shardAt returns shard i, read from its file on first use.
func (s *Store) shardAt(i int) *shard {
	sh := &s.shards[i]
	sh.once.Do(func() {
		sh.old = readShard(s.path(i), s.program)
		sh.used, sh.put = map[string]bool{}, map[string]entry{}
	})
	return sh
}

func (s *Store) path(i int) string {
	return filepath.Join(s.dir, strconv.Itoa(i))
}

// A shard's file is magic, the program's identity, then its entries in
// the order of their names, each: the name, the key, the value (each
// string a uvarint length and its bytes), and a CRC-32C of all three.

func encodeShard(entries map[string]entry, program [sha256.Size]byte) []byte {
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range entries {
			if !yield(n) {
				return
			}
		}
	})
	size := len(magic) + sha256.Size
	for _, n := range names {
		size += len(n) + len(entries[n].value) + sha256.Size + 24
	}
	e := Encoder{buf: make([]byte, 0, size)}
	e.buf = append(e.buf, magic...)
	e.buf = append(e.buf, program[:]...)
	e.Len(len(names))
	for _, n := range names {
		start := len(e.buf)
		en := entries[n]
		e.String(n)
		e.buf = append(e.buf, en.key[:]...)
		e.String(en.value)
		e.buf = binary.LittleEndian.AppendUint32(e.buf, crc32.Checksum(e.buf[start:], castagnoli()))
	}
	return e.buf
}

// readShard returns the entries of the shard file, or none when it is
// missing, truncated, corrupt or written by another program.
func readShard(file string, program [sha256.Size]byte) map[string]entry {
	data, err := os.ReadFile(file)
	if err != nil {
		return map[string]entry{}
	}
	entries, err := decodeShard(data, program)
	if err != nil {
		return map[string]entry{}
	}
	return entries
}

var errCorrupt = errors.New("corrupt cache entry")

func decodeShard(data []byte, program [sha256.Size]byte) (map[string]entry, error) {
	if len(data) == 0 {
		return nil, errCorrupt
	}
	// The entries' strings share the file's memory, which nothing
	// writes once read: decoding a page's blocks makes no copy of their
	// text.
	d := NewDecoder(unsafe.String(&data[0], len(data)))
	if d.Fixed(len(magic)) != magic || d.Fixed(sha256.Size) != string(program[:]) {
		return nil, errCorrupt
	}
	n := d.Len()
	entries := make(map[string]entry, min(n, len(data)/8))
	for range n {
		start := d.pos
		name := d.String()
		key := d.Fixed(sha256.Size)
		value := d.String()
		end := d.pos
		sum := d.Fixed(4)
		if d.err != nil {
			return nil, d.err
		}
		if binary.LittleEndian.Uint32([]byte(sum)) != crc32.Checksum(data[start:end], castagnoli()) {
			return nil, errCorrupt
		}
		var k Key
		copy(k[:], key)
		entries[name] = entry{k, value}
	}
	if d.pos != len(data) {
		return nil, errCorrupt
	}
	return entries, nil
}

// programID is the identity of the running program (programid.ID),
// made this cache's own by its format's magic: the shards a program of
// other code wrote are never read.
var programID = sync.OnceValues(func() ([sha256.Size]byte, error) {
	id, err := programid.ID()
	if err != nil {
		return id, err
	}
	return sha256.Sum256(append([]byte(magic), id[:]...)), nil
})
