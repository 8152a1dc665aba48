package programid

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The build ID read from the test binary's first bytes is the one the Go
// toolchain reports for it.
func TestBuildIDOfThisBinary(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "tool", "buildid", exe).Output()
	if err != nil {
		t.Skipf("go tool buildid: %v", err)
	}
	want := strings.TrimSpace(string(out))
	f, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	if got := BuildID(f[:min(len(f), headSize)]); got != want {
		t.Fatalf("BuildID = %q, want %q", got, want)
	}
	a, err := ID()
	if err != nil {
		t.Fatal(err)
	}
	if a != sum("go build id", want) {
		t.Fatal("ID is not the build ID's")
	}
}

func TestIdentify(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	note := func(id string) []byte {
		var b bytes.Buffer
		b.WriteString("\x7fELF some header")
		b.Write([]byte{4, 0, 0, 0, byte(len(id)), 0, 0, 0})
		b.Write(elfNoteType)
		b.WriteString(id)
		b.WriteString("rest of the program")
		return b.Bytes()
	}
	noID := bytes.Repeat([]byte("code"), headSize) // longer than the head
	changed := bytes.Clone(noID)
	changed[len(changed)-1] = 'X' // past the head: only a whole hash sees it
	tests := []struct {
		name   string
		a, b   []byte
		relA   string
		relB   string
		differ bool
	}{
		{"same ELF build ID", note("aa/bb/cc/dd"), append(note("aa/bb/cc/dd"), "other bytes"...), "", "", false},
		{"other ELF build ID", note("aa/bb/cc/dd"), note("aa/bb/cc/de"), "", "", true},
		{"text build ID", []byte("xx\xff Go build ID: \"p/q\"\n \xff"), []byte("yy\xff Go build ID: \"p/r\"\n \xff"), "", "", true},
		{"build ID wins over release", note("aa/bb"), note("aa/bb"), "1.0 abc", "1.1 abd", false},
		{"no build ID: same release", noID, changed, "1.0 abc", "1.0 abc", false},
		{"no build ID: other release", noID, noID, "1.0 abc", "1.0 abd", true},
		{"no build ID nor release: whole file hashed", noID, changed, "", "", true},
		{"no build ID nor release: same bytes", noID, bytes.Clone(noID), "", "", false},
		{"empty ELF build ID (-buildid=)", note(""), note(""), "1.0 abc", "1.0 abd", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := identify(write("a", tt.a), tt.relA)
			if err != nil {
				t.Fatal(err)
			}
			b, err := identify(write("b", tt.b), tt.relB)
			if err != nil {
				t.Fatal(err)
			}
			if (a != b) != tt.differ {
				t.Fatalf("identities differ: %v, want %v", a != b, tt.differ)
			}
		})
	}
}
