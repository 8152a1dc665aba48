package content

import (
	"reflect"
	"testing"
)

// Every field of Page and of its FrontMatter is in MetaKey, but the body
// and what is derived from it alone (other pages show only the reading
// time) and what the front matter's hash covers.
func TestMetaKeyCoversPage(t *testing.T) {
	notRead := map[string]bool{"FrontMatter": true, "Body": true, "Words": true, "BodyHash": true}
	hashed := map[string]bool{"Params": true, "lines": true, "hash": true}
	key := reflect.TypeFor[MetaKey]()
	for _, typ := range []reflect.Type{reflect.TypeFor[Page](), reflect.TypeFor[FrontMatter]()} {
		for f := range typ.Fields() {
			if notRead[f.Name] || hashed[f.Name] {
				continue
			}
			if _, ok := key.FieldByName(f.Name); !ok {
				t.Errorf("%s.%s is not in MetaKey: add it, so that watch mode renders again the pages that show it", typ.Name(), f.Name)
			}
		}
	}
}

// Two versions of a page have the same key when only the body changed
// (and not its reading time), and another key when anything other pages
// read changed, Params included.
func TestMetaKey(t *testing.T) {
	id := ID{Lang: "en", Key: "report"}
	base := "+++\ntitle = \"Report\"\nweight = 2\n[params]\nsummary = \"Short.\"\n+++\n\nSome text.\n"
	key := func(src string) MetaKey {
		t.Helper()
		p, _, err := Parse(id, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return p.MetaKey()
	}
	want := key(base)
	for _, tc := range []struct {
		what, src string
		same      bool
	}{
		{"same file", base, true},
		{"other text", "+++\ntitle = \"Report\"\nweight = 2\n[params]\nsummary = \"Short.\"\n+++\n\nOther words here.\n", true},
		{"title", "+++\ntitle = \"Reports\"\nweight = 2\n[params]\nsummary = \"Short.\"\n+++\n\nSome text.\n", false},
		{"weight", "+++\ntitle = \"Report\"\nweight = 3\n[params]\nsummary = \"Short.\"\n+++\n\nSome text.\n", false},
		{"a param", "+++\ntitle = \"Report\"\nweight = 2\n[params]\nsummary = \"Longer.\"\n+++\n\nSome text.\n", false},
		{"a date", "+++\ntitle = \"Report\"\nweight = 2\ndate = 2025-06-01\n[params]\nsummary = \"Short.\"\n+++\n\nSome text.\n", false},
	} {
		if got := key(tc.src) == want; got != tc.same {
			t.Errorf("%s: same key %v, want %v", tc.what, got, tc.same)
		}
	}
}
