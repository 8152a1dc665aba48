package engine

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

func TestCompressRoundTrip(t *testing.T) {
	data := []byte(strings.Repeat("<p>Enviados al CECOT. Sent to CECOT.</p>", 200))
	decoders := map[string]func(io.Reader) (io.Reader, error){
		".gz": func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
		".br": func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
	}
	for _, enc := range encodings {
		t.Run(enc.ext, func(t *testing.T) {
			z1, err := enc.compress(data)
			if err != nil {
				t.Fatal(err)
			}
			z2, _ := enc.compress(data)
			if !bytes.Equal(z1, z2) {
				t.Error("two compressions of the same bytes differ")
			}
			if len(z1) >= len(data)/4 {
				t.Errorf("%d bytes compressed to %d: not at its best", len(data), len(z1))
			}
			r, err := decoders[enc.ext](bytes.NewReader(z1))
			if err != nil {
				t.Fatal(err)
			}
			back, err := io.ReadAll(r)
			if err != nil || !bytes.Equal(back, data) {
				t.Errorf("round trip: %v, equal %v", err, bytes.Equal(back, data))
			}
		})
	}
}

func TestGzipHeaderHasNoNameOrTime(t *testing.T) {
	z, err := gzipBytes([]byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	if r.Name != "" || !r.ModTime.IsZero() {
		t.Errorf("header name %q, time %v; want neither", r.Name, r.ModTime)
	}
}

func TestCompressible(t *testing.T) {
	for name, want := range map[string]bool{
		"en/index.html": true, "assets/css/site.1.css": true, "robots.txt": true, "sitemap.xml": true,
		"assets/favicon.1.svg": true, "_headers": false, "_redirects": false, "a.png": false, "x.html.gz": false,
	} {
		if got := compressible(name); got != want {
			t.Errorf("compressible(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestCompressedBuild builds the real site with Compress: every sibling
// decompresses to its file and is smaller, and every text file of more
// than 1 kB has its siblings. (TestCompressRoundTrip checks that the
// same bytes always compress alike.)
func TestCompressedBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("Brotli at its best quality takes a few seconds")
	}
	out := buildProject(t, Options{BaseURL: "https://example.org/cecot-report/", Compress: true}, nil)
	files := publicFiles(t, out)
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	siblings := 0
	for _, f := range files {
		data := read(f)
		ext := path.Ext(f)
		if ext != ".gz" && ext != ".br" {
			for _, sib := range []string{".gz", ".br"} {
				if compressible(f) && len(data) > 1024 && !slices.Contains(files, f+sib) {
					t.Errorf("%s (%d bytes) has no %s", f, len(data), sib)
				}
			}
			continue
		}
		siblings++
		orig := read(strings.TrimSuffix(f, ext))
		var r io.Reader = brotli.NewReader(bytes.NewReader(data))
		if ext == ".gz" {
			zr, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			r = zr
		}
		back, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(back, orig) {
			t.Errorf("%s does not decompress to its file (%v)", f, err)
		}
		if len(data) >= len(orig) {
			t.Errorf("%s is %d bytes, its file %d", f, len(data), len(orig))
		}
	}
	if siblings < 20 {
		t.Errorf("only %d compressed files", siblings)
	}
}
