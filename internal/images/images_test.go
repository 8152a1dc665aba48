package images

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"math"
	"strings"
	"testing"
	"testing/fstest"

	"cecot/internal/assets"
	"cecot/internal/images/imagestest"
)

// pngHeader returns the first bytes of a PNG that claims to be w × h.
func pngHeader(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 6 // 8 bits, RGBA
	binary.Write(&b, binary.BigEndian, uint32(13))
	chunk := append([]byte("IHDR"), ihdr...)
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

func TestInspect(t *testing.T) {
	photo := imagestest.Photo(64, 48)
	chart := imagestest.Chart(50, 40, "x")
	tests := []struct {
		name string
		data []byte
		want Info
		err  string
	}{
		{"photo.jpg", photo, Info{JPEG, 64, 48}, ""},
		{"photo.JPEG", photo, Info{JPEG, 64, 48}, ""},
		{"chart.png", chart, Info{PNG, 50, 40}, ""},
		{"map.svg", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 450"><title>x</title></svg>`), Info{SVG, 800, 450}, ""},
		{"px.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="120px" height="60" viewBox="0 0 12 6"/>`), Info{SVG, 120, 60}, ""},
		{"pct.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0,0,30.4,20"/>`), Info{SVG, 30, 20}, ""},
		{"nosize.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), Info{}, "has no viewBox"},
		{"broken.svg", []byte(`<svg viewBox="0 0 1 1"><g></svg>`), Info{}, "not a well-formed SVG"},
		{"html.svg", []byte(`<html></html>`), Info{}, "is not an SVG image (nor any image format this site knows)"},
		{"html.jpg", []byte(`<html><svg></svg></html>`), Info{}, "is named as a JPEG image but is an SVG image"},
		{"html2.svg", []byte(`<html><svg></svg></html>`), Info{}, "first element is not <svg>"},
		{"page.jpg", []byte(`<!doctype html><title>Not found</title>`), Info{}, "is not a JPEG image (nor any image format"},
		{"lying.png", photo, Info{}, "is named as a PNG image but is a JPEG image; rename it to lying.jpg"},
		{"text.jpg", []byte("hello"), Info{}, "is not a JPEG image"},
		{"bomb.png", pngHeader(100_000, 100_000), Info{}, "100000 × 100000 pixels, more than the 36 million"},
		{"doc.pdf", []byte("%PDF"), Info{}, "not an image file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := inspect(tt.name, tt.data)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("inspect = %v, %v; want error containing %q", got, err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("inspect = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}

func TestWidthsFor(t *testing.T) {
	tests := []struct {
		w    int
		want []int
	}{
		{400, nil}, {640, nil}, {700, []int{480, 700}}, {1440, []int{480, 960, 1440}}, {2400, []int{480, 960, 1440}},
	}
	for _, tt := range tests {
		got := widthsFor(tt.w)
		if len(got) != len(tt.want) {
			t.Errorf("widthsFor(%d) = %v, want %v", tt.w, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("widthsFor(%d) = %v, want %v", tt.w, got, tt.want)
			}
		}
	}
}

// TestCache checks that sizes are deterministic, that a second run with
// the same cache folder encodes and decodes nothing, and that a cache
// deleted between runs only costs time.
func TestCache(t *testing.T) {
	photo := imagestest.Photo(1000, 600)
	info, _, err := inspect("p.jpg", photo)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	first := NewCache(dir)
	a, err := first.process(photo, info)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != 3 || a[0].Width != 480 || a[0].Height != 288 || a[2].Width != 1000 {
		t.Fatalf("sizes %+v", a)
	}
	if first.Encoded() != 5 { // three WebP, two JPEG (the original is the third)
		t.Errorf("first run encoded %d files, want 5", first.Encoded())
	}
	second := NewCache(dir)
	b, err := second.process(photo, info)
	if err != nil {
		t.Fatal(err)
	}
	if second.Encoded() != 0 || second.Decoded() != 0 {
		t.Errorf("second run encoded %d and decoded %d images, want 0", second.Encoded(), second.Decoded())
	}
	fresh := NewCache(t.TempDir())
	c, err := fresh.process(photo, info)
	if err != nil {
		t.Fatal(err)
	}
	for i := range a {
		if !bytes.Equal(a[i].WebP, b[i].WebP) || !bytes.Equal(a[i].WebP, c[i].WebP) || !bytes.Equal(a[i].Fallback, c[i].Fallback) {
			t.Errorf("width %d differs between runs", a[i].Width)
		}
		if !bytes.HasPrefix(a[i].WebP, []byte("RIFF")) {
			t.Errorf("width %d is not WebP", a[i].Width)
		}
	}
}

func TestTruncated(t *testing.T) {
	chart := imagestest.Chart(300, 200, "Arrests")
	cut := chart[:len(chart)/2]
	info, _, err := inspect("c.png", cut)
	if err != nil {
		t.Fatalf("the header alone should pass: %v", err)
	}
	if _, err := NewCache("").process(cut, info); err == nil || !strings.Contains(err.Error(), "does not decode") {
		t.Fatalf("process(truncated) = %v", err)
	}
}

func TestResolve(t *testing.T) {
	fsys := fstest.MapFS{
		"content/en/chart.png":       {Data: imagestest.Chart(300, 200, "Arrests")},
		"content/es/chart.png":       {Data: imagestest.Chart(300, 200, "Detenciones")},
		"content/en/about/photo.jpg": {Data: imagestest.Photo(200, 100)},
		"content/en/broken.png":      {Data: []byte("\x89PNG\r\n\x1a\nnot really")},
		"content/es/bad/x.png":       {Data: imagestest.Photo(10, 10)},
		"content/en/bad/x.png":       {Data: imagestest.Chart(10, 10, "x")},
	}
	s, warns, err := Load(fsys, Options{Languages: []string{"en", "es"}, Default: "en", Cache: NewCache("")})
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 2 {
		t.Errorf("warnings %v, want the two broken files", warns)
	}
	tests := []struct {
		file, lang, dest string
		want, err        string
	}{
		{"content/en/about.md", "en", "chart.png", "content/en/chart.png", ""},
		{"content/es/about.md", "es", "chart.png", "content/es/chart.png", ""},
		{"content/en/about.md", "es", "chart.png", "content/es/chart.png", ""}, // a stand-in shows the variant
		{"content/es/about.md", "es", "about/photo.jpg", "content/en/about/photo.jpg", ""},
		{"content/en/about.md", "en", "about/photo.jpg#x", "content/en/about/photo.jpg", ""},
		{"content/en/about.md", "en", "missing.png", "", "no file content/en/missing.png"},
		{"content/en/about.md", "en", "../../site.png", "", "outside content/ and assets/"},
		{"content/en/about.md", "en", "/etc/x.png", "", "must be in assets/"},
		{"content/en/about.md", "en", "/assets/../x.png", "", "must be in assets/"},
		{"content/en/about.md", "en", "broken.png", "", "content/en/broken.png cannot read this PNG image"},
		{"content/es/about.md", "es", "bad/x.png", "", "content/es/bad/x.png is named as a PNG image but is a JPEG"},
		{"content/en/about.md", "en", "notes.txt", "", "not an image file"},
	}
	for _, tt := range tests {
		img, err := s.Resolve(tt.file, tt.lang, tt.dest)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Resolve(%s, %s, %s) = %v; want error %q", tt.file, tt.lang, tt.dest, err, tt.err)
			}
			continue
		}
		if err != nil || img.Source != tt.want {
			t.Errorf("Resolve(%s, %s, %s) = %v, %v; want %s", tt.file, tt.lang, tt.dest, img, err, tt.want)
		}
	}
	var names []string
	for _, f := range s.Files() {
		names = append(names, f.Name)
	}
	want := "[assets/en/about/photo.9f303e3db2.jpg assets/en/bad/x.c28138da12.png assets/en/chart.ab284a9095.png assets/es/chart.1c35912389.png]"
	if got := fmt.Sprint(names); got != want {
		t.Errorf("published %s, want %s", got, want)
	}
}

// withOrientation returns a JPEG with an Exif segment that records
// orientation o, as a phone writes it.
func withOrientation(jpg []byte, o uint16) []byte {
	tiff := []byte("MM\x00\x2a\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00")
	binary.BigEndian.PutUint16(tiff[18:], o)
	seg := append([]byte("Exif\x00\x00"), tiff...)
	app1 := []byte{0xff, 0xe1, 0, 0}
	binary.BigEndian.PutUint16(app1[2:], uint16(len(seg)+2))
	out := append([]byte{0xff, 0xd8}, app1...)
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}

// TestOrientation checks that a phone photograph saved on its side is
// measured and resized standing as it is shown.
func TestOrientation(t *testing.T) {
	for _, o := range []uint16{1, 3, 6, 8} {
		data := withOrientation(imagestest.Photo(1000, 700), o)
		info, _, err := inspect("p.jpg", data)
		if err != nil {
			t.Fatal(err)
		}
		w, h := 1000, 700
		if o >= 5 {
			w, h = 700, 1000
		}
		if info.Width != w || info.Height != h {
			t.Errorf("orientation %d: inspect = %d × %d, want %d × %d", o, info.Width, info.Height, w, h)
		}
		sizes, err := NewCache("").process(data, info)
		if err != nil {
			t.Fatal(err)
		}
		img, _, err := image.Decode(bytes.NewReader(sizes[0].Fallback))
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != 480 || b.Dy() != int(math.Round(480*float64(h)/float64(w))) {
			t.Errorf("orientation %d: the 480 px copy is %d × %d", o, b.Dx(), b.Dy())
		}
	}
}

// TestIsImage: the images this package publishes are the ones
// assets.IsImage names, so imagestamp and the build agree.
func TestIsImage(t *testing.T) {
	for _, ext := range []string{".jpg", ".JPEG", ".png", ".gif", ".webp", ".svg", ".avif", ".ico", ".bmp", ".md", ""} {
		_, ok := byExt[strings.ToLower(ext)]
		if got := assets.IsImage("x" + ext); got != ok {
			t.Errorf("%q: assets.IsImage %v, images publishes %v", ext, got, ok)
		}
	}
}
