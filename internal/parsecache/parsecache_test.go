package parsecache

import (
	"crypto/sha256"
	"fmt"
	"hash/crc32"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func key(s string) Key { return NewKey(sha256.Sum256([]byte(s)), "test") }

func all(string) bool { return true }

// A saved entry is found by a store opened later (the next command)
// under its key only: other bytes, or the same bytes parsed another way,
// are a miss.
func TestGetAfterSave(t *testing.T) {
	dir := t.TempDir()
	s := Open(dir)
	if _, ok := s.Get("content/en/a.md", key("v1")); ok {
		t.Fatal("empty cache: hit")
	}
	s.Put("content/en/a.md", key("v1"), []byte("blocks of v1"))
	s.Put("locales/po/es/a.po", key("po"), []byte("messages"))
	if err := s.Save(all); err != nil {
		t.Fatal(err)
	}
	next := Open(dir)
	tests := []struct {
		name string
		key  Key
		want string
		hit  bool
	}{
		{"content/en/a.md", key("v1"), "blocks of v1", true},
		{"content/en/a.md", key("v2"), "", false},
		{"content/en/a.md", NewKey(sha256.Sum256([]byte("v1")), "other"), "", false},
		{"locales/po/es/a.po", key("po"), "messages", true},
		{"content/en/b.md", key("v1"), "", false},
	}
	for _, tt := range tests {
		got, ok := next.Get(tt.name, tt.key)
		if ok != tt.hit || got != tt.want {
			t.Errorf("Get(%s) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.hit)
		}
	}
}

// A file changed and changed back within one process (a workbench's
// edit undone) keeps the entry of what it holds.
func TestPutBackToSaved(t *testing.T) {
	dir := t.TempDir()
	s := Open(dir)
	s.Put("a.md", key("v1"), []byte("one"))
	_ = s.Save(all)
	s = Open(dir)
	s.Put("a.md", key("v2"), []byte("two"))
	s.Put("a.md", key("v1"), []byte("one"))
	_ = s.Save(all)
	if got, ok := Open(dir).Get("a.md", key("v1")); !ok || got != "one" {
		t.Errorf("Get = %q, %v", got, ok)
	}
}

// A changed file replaces its entry: one entry per file, the newest.
func TestPutReplaces(t *testing.T) {
	dir := t.TempDir()
	s := Open(dir)
	s.Put("a.md", key("v1"), []byte("one"))
	_ = s.Save(all)
	s = Open(dir)
	s.Put("a.md", key("v2"), []byte("two"))
	_ = s.Save(all)
	s = Open(dir)
	if _, ok := s.Get("a.md", key("v1")); ok {
		t.Error("the old version's entry is still there")
	}
	if got, ok := s.Get("a.md", key("v2")); !ok || got != "two" {
		t.Errorf("Get = %q, %v", got, ok)
	}
}

// Saving drops the entries of files that exist no more, and keeps those
// of files this process did not look at that still exist.
func TestSavePrunes(t *testing.T) {
	dir := t.TempDir()
	s := Open(dir)
	for _, n := range []string{"kept.md", "gone.md", "used.md"} {
		s.Put(n, key(n), []byte(n))
	}
	_ = s.Save(all)
	s = Open(dir)
	s.Get("used.md", key("used.md"))
	var asked []string
	var mu sync.Mutex
	err := s.Save(func(name string) bool {
		mu.Lock()
		asked = append(asked, name)
		mu.Unlock()
		return name != "gone.md"
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range asked {
		if n == "used.md" {
			t.Error("asked whether a file looked up exists")
		}
	}
	s = Open(dir)
	for n, want := range map[string]bool{"kept.md": true, "gone.md": false, "used.md": true} {
		if _, ok := s.Get(n, key(n)); ok != want {
			t.Errorf("%s kept: %v, want %v", n, ok, want)
		}
	}
}

// A shard file damaged in any way (cut short anywhere, a byte changed
// anywhere, written by another program, not a shard at all) is ignored:
// every Get misses, nothing panics, and the next Save writes it anew.
func TestCorruptShardIgnored(t *testing.T) {
	dir := t.TempDir()
	s := Open(dir)
	s.Put("a.md", key("a"), []byte("the blocks of a"))
	s.Put("b.md", key("b"), []byte("the blocks of b"))
	_ = s.Save(all)
	files := []string{s.path(int(crc32.Checksum([]byte("a.md"), castagnoli()) % shards))}
	good, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	var damaged [][]byte
	for n := range len(good) {
		damaged = append(damaged, good[:n])
		flipped := []byte(string(good))
		flipped[n] ^= 0x10
		damaged = append(damaged, flipped)
	}
	other := []byte(string(good))
	copy(other[len(magic):], "another program's identity......")
	damaged = append(damaged, other, []byte("not a cache at all"))
	for i, data := range damaged {
		if err := os.WriteFile(files[0], data, 0o644); err != nil {
			t.Fatal(err)
		}
		s := Open(dir)
		for _, n := range []string{"a.md", "b.md"} {
			if got, ok := s.Get(n, key(strings.TrimSuffix(n, ".md"))); ok && got != "the blocks of "+strings.TrimSuffix(n, ".md") {
				t.Fatalf("damage %d: Get(%s) = %q", i, n, got)
			}
		}
		s.Put("a.md", key("a"), []byte("the blocks of a"))
		if err := s.Save(all); err != nil {
			t.Fatal(err)
		}
		if got, ok := Open(dir).Get("a.md", key("a")); !ok || got != "the blocks of a" {
			t.Fatalf("damage %d: not written anew: %q, %v", i, got, ok)
		}
	}
}

// Two processes saving the same shards at once leave each shard whole:
// one process's or the other's, never a mix, never a torn file. A
// reader meanwhile finds whole shards or none.
func TestConcurrentProcesses(t *testing.T) {
	if os.Getenv("PARSECACHE_WRITER") != "" {
		return
	}
	dir := t.TempDir()
	const rounds = 30
	var cmds []*exec.Cmd
	for w := range 2 {
		cmd := exec.Command(os.Args[0], "-test.run", "^TestHelperWriter$")
		cmd.Env = append(os.Environ(), "PARSECACHE_WRITER="+strconv.Itoa(w), "PARSECACHE_DIR="+dir, "PARSECACHE_ROUNDS="+strconv.Itoa(rounds))
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	done := make(chan struct{})
	go func() {
		for _, c := range cmds {
			if err := c.Wait(); err != nil {
				t.Errorf("writer: %v", err)
			}
		}
		close(done)
	}()
	// The writers run the test binary, whose identity is this one's.
	program, err := programID()
	if err != nil {
		t.Fatal(err)
	}
	check := func() {
		files, _ := filepath.Glob(filepath.Join(dir, "[0-9]*"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				continue // renamed away between Glob and read
			}
			entries, err := decodeShard(data, program)
			if err != nil {
				t.Fatalf("%s: torn shard: %v", f, err)
			}
			writers := map[string]bool{}
			for name, e := range entries {
				w, _, _ := strings.Cut(e.value, ":")
				writers[w] = true
				if !strings.HasSuffix(e.value, ":"+name) {
					t.Fatalf("%s: entry %s holds %q", f, name, e.value)
				}
			}
			if len(writers) > 1 {
				t.Fatalf("%s mixes writers %v", f, writers)
			}
		}
	}
	for {
		select {
		case <-done:
			check()
			return
		default:
			check()
			time.Sleep(time.Millisecond)
		}
	}
}

// TestHelperWriter is one of TestConcurrentProcesses's writers: it
// saves the same names, each round under new keys, with values naming
// it.
func TestHelperWriter(t *testing.T) {
	w := os.Getenv("PARSECACHE_WRITER")
	if w == "" {
		t.Skip("run by TestConcurrentProcesses")
	}
	rounds, _ := strconv.Atoi(os.Getenv("PARSECACHE_ROUNDS"))
	for r := range rounds {
		s := Open(os.Getenv("PARSECACHE_DIR"))
		for i := range 200 {
			name := fmt.Sprintf("content/en/page-%03d.md", i)
			s.Put(name, key(w+strconv.Itoa(r)+name), []byte(w+":"+name))
		}
		if err := s.Save(all); err != nil {
			t.Fatal(err)
		}
	}
}

// The goroutines of one command share a store.
func TestConcurrentUse(t *testing.T) {
	dir := t.TempDir()
	s := Open(dir)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 100 {
				name := fmt.Sprintf("p%d-%d", g, i)
				s.Put(name, key(name), []byte(name))
				if got, ok := s.Get(name, key(name)); !ok || got != name {
					t.Errorf("Get(%s) = %q, %v", name, got, ok)
				}
			}
		})
	}
	wg.Go(func() { _ = s.Save(all) })
	wg.Wait()
	if err := s.Save(all); err != nil {
		t.Fatal(err)
	}
	next := Open(dir)
	for g := range 8 {
		for i := range 100 {
			name := fmt.Sprintf("p%d-%d", g, i)
			if got, ok := next.Get(name, key(name)); !ok || got != name {
				t.Fatalf("after save: Get(%s) = %q, %v", name, got, ok)
			}
		}
	}
}

// Nothing is written when nothing changed: a second command on an
// unchanged project writes no file.
func TestSaveUnchangedWritesNothing(t *testing.T) {
	dir := t.TempDir()
	s := Open(dir)
	s.Put("a.md", key("a"), []byte("a"))
	_ = s.Save(all)
	file, _ := filepath.Glob(filepath.Join(dir, "[0-9]*"))
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(file[0], old, old); err != nil {
		t.Fatal(err)
	}
	s = Open(dir)
	s.Get("a.md", key("a"))
	s.Put("a.md", key("a"), []byte("a"))
	_ = s.Save(all)
	info, err := os.Stat(file[0])
	if err != nil {
		t.Fatal(err)
	}
	if !info.ModTime().Equal(old) {
		t.Error("the shard was written again")
	}
}

// Every prefix of an encoded value fails to decode; the whole decodes
// to what was written.
func TestCodec(t *testing.T) {
	ctx, empty := "ctx", ""
	var e Encoder
	e.Len(3)
	e.Int(-5)
	e.Int(1 << 40)
	e.String("text")
	e.Bool(true)
	e.Strings([]string{"a", "", "b"})
	e.OptString(nil)
	e.OptString(&ctx)
	e.OptString(&empty)
	data := string(e.Bytes())
	read := func(d *Decoder) []any {
		return []any{d.Len(), d.Int(), d.Int(), d.String(), d.Bool(), d.Strings(), d.OptString(), d.OptString(), d.OptString()}
	}
	d := NewDecoder(data)
	got := read(d)
	if err := d.Err(); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("%v", []any{3, -5, 1 << 40, "text", true, []string{"a", "", "b"}, (*string)(nil)})
	if s := fmt.Sprintf("%v", got[:7]); s != want {
		t.Errorf("got %s, want %s", s, want)
	}
	if p := got[7].(*string); p == nil || *p != "ctx" {
		t.Errorf("OptString = %v", p)
	}
	if p := got[8].(*string); p == nil || *p != "" {
		t.Errorf("empty OptString = %v, want a pointer to \"\"", p)
	}
	for n := range len(data) {
		d := NewDecoder(data[:n])
		read(d)
		if d.Err() == nil {
			t.Errorf("prefix of %d bytes decoded", n)
		}
	}
	d = NewDecoder(data + "x")
	read(d)
	if d.Err() == nil {
		t.Error("a byte left over is not an error")
	}
}
