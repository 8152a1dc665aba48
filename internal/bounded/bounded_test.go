package bounded

import (
	"bytes"
	"errors"
	"io/fs"
	"testing"
	"testing/fstest"

	"cecot/internal/diag"
)

func TestReadInto(t *testing.T) {
	fsys := fstest.MapFS{
		"at.md":    {Data: []byte("12345678")},
		"over.md":  {Data: []byte("123456789")},
		"empty.md": {Data: nil},
		// A file whose size the system does not give: only the limit
		// on the read refuses it.
		"pipe.md": {Data: []byte("123456789"), Mode: fs.ModeNamedPipe},
		"pipe-at": {Data: []byte("12345678"), Mode: fs.ModeNamedPipe},
	}
	for _, tt := range []struct {
		name    string
		tooMuch bool
	}{
		{"at.md", false},
		{"over.md", true},
		{"empty.md", false},
		{"pipe.md", true},
		{"pipe-at", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			buf.WriteString("kept")
			err := readInto(&buf, fsys, tt.name, 8)
			if tt.tooMuch {
				var m *diag.Message
				if !errors.As(err, &m) || m.ID != "read_too_large" || m.Data["MB"] != "0" {
					t.Fatalf("err = %v, want read_too_large", err)
				}
				if buf.String() != "kept" {
					t.Errorf("buffer after a refused read: %q", buf.String())
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if want := "kept" + string(fsys[tt.name].Data); buf.String() != want {
				t.Errorf("read %q, want %q", buf.String(), want)
			}
		})
	}
}

// TestTooLargeSaid checks what a contributor reads of a page too large,
// through diag.CannotRead as the build says it.
func TestTooLargeSaid(t *testing.T) {
	fsys := fstest.MapFS{"content/en/big.md": {Data: make([]byte, Text+1)}}
	_, err := ReadFile(fsys, "content/en/big.md")
	got := diag.CannotRead("content/en/big.md", err).Error()
	want := "content/en/big.md: it is larger than 32 MB, the most this site reads of a file of its kind; split a long page into several pages, or make a large image smaller"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if _, err := ReadFile(fstest.MapFS{"a/photo.jpg": {Data: make([]byte, Text+1)}}, "a/photo.jpg"); err != nil {
		t.Errorf("a photograph of 32 MB: %v", err)
	}
}

func TestLimit(t *testing.T) {
	for name, want := range map[string]int64{
		"content/es/informe.md": Text, "assets/map.SVG": Text, "locales/es.toml": Text,
		"content/en/photo.jpg": Image, "assets/chart.png": Image, "assets/font.woff2": Image,
	} {
		if got := Limit(name); got != want {
			t.Errorf("Limit(%q) = %d, want %d", name, got, want)
		}
	}
}
