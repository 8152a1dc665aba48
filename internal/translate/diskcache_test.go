package translate

import (
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"cecot/internal/markdown"
	"cecot/internal/parsecache"
	"cecot/internal/po"
	"cecot/internal/projecttest"
)

// fill sets every field of the struct v points to, exported or not, to
// a value of its own (the n-th), so that a codec that leaves a field out
// gives back a different struct.
func fill(t *testing.T, v reflect.Value, n *int) {
	t.Helper()
	for i := range v.NumField() {
		f := v.Field(i)
		f = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
		*n++
		s := "v" + strings.Repeat("x", *n)
		switch f.Kind() {
		case reflect.String:
			f.SetString(s)
		case reflect.Int:
			f.SetInt(int64(*n) * -37)
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Slice:
			if f.Type().Elem().Kind() != reflect.String {
				t.Fatalf("field %s: fill knows no %s", v.Type().Field(i).Name, f.Type())
			}
			f.Set(reflect.ValueOf([]string{s, "", s + "y"}))
		case reflect.Pointer:
			if f.Type().Elem().Kind() != reflect.String {
				t.Fatalf("field %s: fill knows no %s", v.Type().Field(i).Name, f.Type())
			}
			f.Set(reflect.ValueOf(&s))
		default:
			t.Fatalf("field %s: fill knows no %s", v.Type().Field(i).Name, f.Type())
		}
	}
}

// Every field of a block comes back from the cache: a field added to
// block and not to the codec fails here.
func TestBlockCodecEveryField(t *testing.T) {
	var blocks []block
	n := 0
	for range 3 {
		var b block
		fill(t, reflect.ValueOf(&b).Elem(), &n)
		blocks = append(blocks, b)
	}
	got, err := decodeBlocks(string(encodeBlocks(blocks)))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, blocks) {
		t.Errorf("decoded\n%#v\nwant\n%#v", got, blocks)
	}
}

// Every field of a PO file comes back from the cache, an empty msgctxt
// ("") apart from none (nil) included.
func TestPOCodecEveryField(t *testing.T) {
	n := 0
	f := &po.File{Header: []po.Field{{Name: "Language", Value: "es"}, {Name: "Plural-Forms"}}}
	fill(t, reflect.ValueOf(&f.Head).Elem(), &n)
	for range 3 {
		e := &po.Entry{}
		fill(t, reflect.ValueOf(e).Elem(), &n)
		f.Entries = append(f.Entries, e)
	}
	empty := ""
	f.Entries = append(f.Entries, &po.Entry{Context: &empty, ID: "no context is not an empty one", Str: []string{""}})
	got, err := decodePO(string(encodePO(f)))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, f) {
		t.Errorf("decoded\n%#v\nwant\n%#v", got, f)
	}
}

// A value cut short anywhere does not decode: the page or PO file is
// parsed again.
func TestCodecTruncated(t *testing.T) {
	var b block
	n := 0
	fill(t, reflect.ValueOf(&b).Elem(), &n)
	blocks := string(encodeBlocks([]block{b, b}))
	f := &po.File{Entries: []*po.Entry{{ID: "a", Str: []string{"b"}}}}
	pofile := string(encodePO(f))
	for i := range len(blocks) {
		if _, err := decodeBlocks(blocks[:i]); err == nil {
			t.Errorf("blocks cut at %d decoded", i)
		}
	}
	for i := range len(pofile) {
		if _, err := decodePO(pofile[:i]); err == nil {
			t.Errorf("PO file cut at %d decoded", i)
		}
	}
}

// The real project's pages and PO files read through the cache on disk,
// by a first command (which parses them) and by a second (which decodes
// what the first saved), are what parsing them gives.
func TestCachedOnDiskSameAsParsed(t *testing.T) {
	root := projecttest.Root(t)
	fsys := os.DirFS(root)
	reserved := markdown.ReservedIDs(fsys, "layouts")
	var pages, pos []string
	for _, dir := range []string{"content", "locales/po"} {
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				return err
			case strings.HasSuffix(p, ".md"):
				pages = append(pages, p)
			case strings.HasSuffix(p, ".po") || strings.HasSuffix(p, ".pot"):
				pos = append(pos, p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(pages) < 4 || len(pos) < 4 {
		t.Fatalf("found %d pages and %d PO files", len(pages), len(pos))
	}
	dir := filepath.Join(t.TempDir(), parsecache.DirName)
	for _, run := range []string{"first", "second"} {
		cached := CachedOnDisk(fsys, parsecache.Open(dir))
		for _, p := range pages {
			lang, key := pageIdentity(p)
			want, err := readPage(fsys, p, lang, key, reserved)
			if err != nil {
				t.Fatal(err)
			}
			got, err := readPage(cached, p, lang, key, reserved)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s run: %s differs from its parse", run, p)
			}
		}
		for _, p := range pos {
			want, err := ReadPO(fsys, p)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ReadPO(cached, p)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s run: %s differs from its parse", run, p)
			}
		}
		if err := SaveCache(cached); err != nil {
			t.Fatal(err)
		}
	}
	// What the second run read, it decoded: every file has its entry.
	store := parsecache.Open(dir)
	for _, p := range pages {
		data, _ := fs.ReadFile(fsys, p)
		lang, key := pageIdentity(p)
		if _, ok := store.Get(p, pageKey(data, lang, key, reserved)); !ok {
			t.Errorf("%s: no entry", p)
		}
	}
	for _, p := range pos {
		data, _ := fs.ReadFile(fsys, p)
		if _, ok := store.Get(p, poKey(sha256.Sum256(data))); !ok {
			t.Errorf("%s: no entry", p)
		}
	}
}

// pageIdentity returns the language and key of content/<lang>/<key>.md.
func pageIdentity(p string) (lang, key string) {
	rest := strings.TrimPrefix(p, "content/")
	lang, key, _ = strings.Cut(rest, "/")
	return lang, strings.TrimSuffix(key, ".md")
}
