package build

import (
	"bytes"
	"compress/gzip"
	"io"
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
