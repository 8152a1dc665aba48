package content

import (
	"bytes"
	"strings"
	"testing"
)

// TestNoBodies loads a site without its bodies and reads each one again:
// the same bytes as a load that keeps them, for files with front matter,
// without it, with a byte order mark and Windows line ends, and for a
// stand-in, which reads its original's file. A file changed since the
// load is an error. ReadBodyIn reads the same bytes into one buffer,
// page after page, and ReadBody's copy stays when the buffer it read
// into is then overwritten.
func TestNoBodies(t *testing.T) {
	files := map[string]string{
		"content/en/_index.md":  "+++\ntitle = \"Home\"\n+++\n\nHello *world*.\n",
		"content/en/plain.md":   "No front matter at all.\n",
		"content/en/windows.md": "\xef\xbb\xbf+++\r\ntitle = \"W\"\r\n+++\r\n\r\nLine one.\r\nLine two.\r\n",
		"content/es/_index.md":  "+++\ntitle = \"Inicio\"\n+++\n\nHola.\n",
	}
	fsys := site(files)
	full, _ := load(t, files, bilingual)
	opts := bilingual
	opts.NoBodies = true
	lazy, _, err := Load(fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(lazy.Pages) != len(full.Pages) || len(lazy.Pages) != 6 {
		t.Fatalf("%d pages without bodies, %d with; want 6", len(lazy.Pages), len(full.Pages))
	}
	var buf bytes.Buffer
	for i, p := range lazy.Pages {
		want := full.Pages[i]
		if p.Body != nil {
			t.Errorf("%s: body kept", p.ID())
		}
		if p.Words != want.Words || p.Words != CountWords(want.Body) {
			t.Errorf("%s: %d words, want %d", p.ID(), p.Words, want.Words)
		}
		if p.BodyHash != want.BodyHash || p.BodyHash != SourceHash(want.Body) {
			t.Errorf("%s: body hash %s, want %s", p.ID(), p.BodyHash, want.BodyHash)
		}
		got, err := ReadBody(fsys, p)
		if err != nil {
			t.Fatalf("%s: %v", p.ID(), err)
		}
		in, err := ReadBodyIn(&buf, fsys, p)
		if err != nil {
			t.Fatalf("%s: %v", p.ID(), err)
		}
		if !bytes.Equal(in, want.Body) {
			t.Errorf("%s: ReadBodyIn gives %q, want %q", p.ID(), in, want.Body)
		}
		// The buffer ReadBody read into, overwritten.
		pooled := readBuffers.Get().(*bytes.Buffer)
		b := pooled.Bytes()[:pooled.Cap()]
		for i := range b {
			b[i] = '#'
		}
		readBuffers.Put(pooled)
		if !bytes.Equal(got, want.Body) {
			t.Errorf("%s: ReadBody gives %q, want %q", p.ID(), got, want.Body)
		}
	}
	fsys["content/en/plain.md"].Data = []byte("Edited after the load.\n")
	p := lazy.Page("en", "plain")
	if _, err := ReadBody(fsys, p); err == nil || !strings.Contains(err.Error(), "content/en/plain.md: changed while the site was being built") {
		t.Errorf("a file changed since the load: %v", err)
	}
}
