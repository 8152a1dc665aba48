package words

import (
	"io/fs"
	"os"
	"reflect"
	"testing"

	"github.com/BurntSushi/toml"
)

// catalogFiles are every tool's catalogue files: this package's and the
// workbench's (read through the same function).
func catalogFiles(t *testing.T) map[string][]byte {
	files := map[string][]byte{}
	for _, dir := range []string{"messages", "../workbench/messages"} {
		matches, err := fs.Glob(osDir(dir), "*.toml")
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range matches {
			data, err := fs.ReadFile(osDir(dir), m)
			if err != nil {
				t.Fatal(err)
			}
			files[dir+"/"+m] = data
		}
	}
	if len(files) < 4 {
		t.Fatalf("found %d catalogue files, want at least 4", len(files))
	}
	return files
}

// TestReadCatalogAsTOML: readCatalog reads each catalogue as the TOML
// library does, and does not leave it to the library.
func TestReadCatalogAsTOML(t *testing.T) {
	for name, data := range catalogFiles(t) {
		var want any
		if err := toml.Unmarshal(data, &want); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, err := readCatalog(data)
		if err != nil {
			t.Errorf("%s: readCatalog: %v; it must read the catalogues itself (extend it, or write the file as the others are)", name, err)
			continue
		}
		if !reflect.DeepEqual(any(got), want) {
			for k, v := range want.(map[string]any) {
				if !reflect.DeepEqual(got[k], v) {
					t.Errorf("%s: %s = %q, TOML reads %q", name, k, got[k], v)
				}
			}
			t.Errorf("%s: readCatalog differs from the TOML library", name)
		}
	}
}

// TestReadCatalogSubset: what the subset reads, it reads as TOML does;
// what it does not, it leaves to the library (errUnread).
func TestReadCatalogSubset(t *testing.T) {
	read := []string{
		"a = \"x\"\n",
		"# c\n\na = \"x\" # c\nb = \"y\"",
		"a = \"q\\\"q \\\\ \\n \\t \\u00e9 \\U0001F600\"\n",
		"a = { one = \"1\", other = \"n\" }\n",
		"a = {}\n",
		"a = \"\"\"\nline one\nline two \\\n   joined\n\"\"\"\nb = \"y\"\n",
		"a = \"\"\"x \"quoted\" \"\" y\"\"\"\n",
		"a = \"tab\there\"\n",
		"a = \"x\"\n[t]\none = \"1\"\nother = \"n\"\n\n[u] # c\nother = \"m\"\n",
	}
	for _, s := range read {
		var want any
		if err := toml.Unmarshal([]byte(s), &want); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		got, err := readCatalog([]byte(s))
		if err != nil {
			t.Errorf("%q: %v", s, err)
		} else if !reflect.DeepEqual(any(got), want) {
			t.Errorf("%q: got %#v, TOML reads %#v", s, got, want)
		}
	}
	unread := []string{
		"[[t]]\na = \"x\"\n", "[t.u]\n", "a = \"x\"\n[a]\n", "[t]\n[t]\n", "a.b = \"x\"\n", "\"a\" = \"x\"\n", "a = 'x'\n", "a = 1\n",
		"a = \"x\"\na = \"y\"\n", "a = \"x\" y\n", "a = { one = \"1\", }\n", "a = \"x\n", "a = \"\\q\"\n",
		"a = \"\"\"x\"\"\"\"\n", "a = \"\"\"x\n", "a = { one = 1 }\n",
	}
	for _, s := range unread {
		if got, err := readCatalog([]byte(s)); err == nil {
			t.Errorf("%q: read as %#v, want errUnread", s, got)
		}
	}
}

func osDir(dir string) fs.FS { return os.DirFS(dir) }

// BenchmarkFirstMessage measures what saying one message costs a
// process that has said none: reading the catalogue of its language.
func BenchmarkFirstMessage(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		c := NewCatalog(messageFiles, "messages", ToolLangs...)
		if c.In("en").T("lang_en") == "" {
			b.Fatal("no message")
		}
	}
}
