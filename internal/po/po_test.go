package po

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"cecot/internal/browsertest"
)

func TestReadWriteSample(t *testing.T) {
	data, err := os.ReadFile("testdata/sample.po")
	if err != nil {
		t.Fatal(err)
	}
	f, err := Read("sample.po", data)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Get("Language"); got != "es" {
		t.Errorf("Language = %q", got)
	}
	if len(f.Entries) != 5 {
		t.Fatalf("%d entries, want 5", len(f.Entries))
	}
	fz := f.Entries[1]
	if !fz.Fuzzy() || fz.PrevID == nil || *fz.PrevID != "In February 2025, the governments finalized an agreement." || fz.Line != 21 || fz.StrLine != 23 {
		t.Errorf("fuzzy entry read as %+v", fz)
	}
	if got := f.Entries[2].ID; got != "Two lines,\nwith a \"quote\", a tab\there and a backslash \\." {
		t.Errorf("multi-line msgid %q", got)
	}
	pl := f.Entries[3]
	if !pl.Plural() || len(pl.Str) != 3 || pl.Str[1] != "{{.Count}} de minutos de lectura" {
		t.Errorf("plural entry %+v", pl)
	}
	ob := f.Entries[4]
	if !ob.Obsolete || ob.Ctx() != "submission#p9" || *ob.PrevID != "Old text" || ob.Str[0] != "Texto quitado" {
		t.Errorf("obsolete entry %+v", ob)
	}
	if out := f.Bytes(); !bytes.Equal(out, data) {
		t.Errorf("written differently from the file:\n%s", out)
	}
}

// TestGettextAgrees checks that GNU gettext reads the sample as valid and
// writes it, without wrapping, byte for byte as File.Bytes does.
func TestGettextAgrees(t *testing.T) {
	if _, err := exec.LookPath("msgcat"); err != nil {
		browsertest.Missing(t, "GNU gettext", "apt-get install gettext")
	}
	out, err := exec.Command("msgfmt", "--check", "-o", os.DevNull, "testdata/sample.po").CombinedOutput()
	if err != nil {
		t.Fatalf("msgfmt --check: %v\n%s", err, out)
	}
	cat, err := exec.Command("msgcat", "--no-wrap", "testdata/sample.po").Output()
	if err != nil {
		t.Fatalf("msgcat: %v", err)
	}
	f, err := Read("sample.po", cat)
	if err != nil {
		t.Fatal(err)
	}
	if out := f.Bytes(); !bytes.Equal(out, cat) {
		t.Errorf("msgcat --no-wrap wrote\n%s\nBytes writes\n%s", cat, out)
	}
}

func TestReadErrors(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"no quotes", "msgid hello\nmsgstr \"\"\n", "x.po:1: msgid: expected a string in double quotes"},
		{"unclosed", "msgid \"hello\nmsgstr \"\"\n", "x.po:1: msgid: the string has no closing quote"},
		{"no msgstr", "msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"\"\n", "x.po:1: the entry has no msgstr"},
		{"unknown keyword", "msgid \"a\"\nmsgstring \"\"\n", "x.po:2: unknown keyword \"msgstring\""},
		{"no blank line", "msgid \"a\"\nmsgstr \"\"\nmsgid \"b\"\nmsgstr \"\"\n", "x.po:3: msgid follows a msgstr with no blank line"},
		{"stray string", "\"a\"\n", "x.po:1: a string with no keyword"},
		{"bad escape", "msgid \"a\\q\"\nmsgstr \"\"\n", "x.po:1: msgid: unknown escape \\q"},
		{"invalid utf-8", "msgid \"a\"\nmsgstr \"\xff\"\n", "x.po:2: this line is not valid UTF-8"},
		{"escaped invalid utf-8", "msgid \"a\"\nmsgstr \"\\377\"\n", "x.po:2: msgstr: an escape makes text that is not valid UTF-8"},
		{"duplicate", "msgctxt \"c\"\nmsgid \"a\"\nmsgstr \"\"\n\nmsgctxt \"c\"\nmsgid \"a\"\nmsgstr \"x\"\n", "x.po:5: the same msgctxt and msgid as the entry at line 1"},
		{"plural without forms", "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr \"\"\n", "x.po:1: a plural entry (msgid_plural) needs msgstr[0]"},
		{"forms without plural", "msgid \"a\"\nmsgstr[0] \"\"\n", "x.po:1: msgstr[n] in an entry without msgid_plural"},
		{"forms out of order", "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[1] \"\"\n", "x.po:3: msgstr[1] out of order; expected msgstr[0]"},
		{"charset", "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n", "x.po:2: charset \"ISO-8859-1\""},
		{"partly obsolete", "#~ msgid \"a\"\nmsgstr \"\"\n", "x.po:2: an entry is partly obsolete"},
		{"empty msgid", "msgid \"\"\nmsgstr \"\"\n\nmsgid \"\"\nmsgstr \"x\"\n", "x.po:4: an empty msgid is only for the header"},
		{"previous after msgid", "msgid \"a\"\n#| msgid \"b\"\nmsgstr \"\"\n", "x.po:2: a #| line after the msgid"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read("x.po", []byte(c.in))
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error %v, want %q...", err, c.want)
			}
		})
	}
}

func TestWriteSplitsLines(t *testing.T) {
	f := &File{Header: []Field{{"Language", "es"}}, Entries: []*Entry{
		{Context: Str("k"), ID: "one\ntwo", Str: []string{"uno\n"}, Flags: []string{"fuzzy"}, PrevID: Str("uno")},
	}}
	want := "msgid \"\"\nmsgstr \"Language: es\\n\"\n\n#, fuzzy\n#| msgid \"uno\"\nmsgctxt \"k\"\nmsgid \"\"\n\"one\\n\"\n\"two\"\nmsgstr \"uno\\n\"\n"
	if got := string(f.Bytes()); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	g, err := Read("x.po", f.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !sameFile(f, g) {
		t.Errorf("read back as %+v", g.Entries[0])
	}
}

// sameFile compares two files but for the line numbers reading records.
func sameFile(a, b *File) bool {
	strip := func(f *File) *File {
		c := *f
		c.Entries = nil
		for _, e := range f.Entries {
			e2 := *e
			e2.Line, e2.StrLine = 0, 0
			c.Entries = append(c.Entries, &e2)
		}
		return &c
	}
	return reflect.DeepEqual(strip(a), strip(b))
}

func FuzzRead(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.po")
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("#~ msgid \"a\"\n#~ msgstr \"b\"\n"))
	f.Add([]byte("msgid \"a\\x41\\101\"\nmsgstr \"\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Read("f.po", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.po:") {
				t.Fatalf("error without the file's name: %v", err)
			}
			return
		}
		out := file.Bytes()
		again, err := Read("f.po", out)
		if err != nil {
			t.Fatalf("Bytes made a file Read refuses: %v\n%s", err, out)
		}
		if !sameFile(file, again) {
			t.Fatalf("read back differently:\n%s", out)
		}
		if !bytes.Equal(again.Bytes(), out) {
			t.Fatalf("Bytes is not stable:\n%s", out)
		}
	})
}
