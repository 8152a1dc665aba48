package metadata

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	xwebp "golang.org/x/image/webp"
)

// secrets are what testdata/make.sh wrote into every fixture: none may
// survive stripping.
var secrets = []string{
	"SECRET", // every text field the fixtures carry starts with it
	"Exif\x00\x00", "http://ns.adobe.com/xap", "<x:xmpmeta", "Photoshop 3.0",
	"GPS", "13,41", "13 deg",
}

// decode decodes an image file of any of the four formats.
func decode(data []byte) (image.Image, error) {
	switch {
	case bytes.HasPrefix(data, jpegSOI):
		return jpeg.Decode(bytes.NewReader(data))
	case bytes.HasPrefix(data, pngSignature):
		return png.Decode(bytes.NewReader(data))
	case bytes.HasPrefix(data, []byte("RIFF")):
		return xwebp.Decode(bytes.NewReader(data))
	case bytes.HasPrefix(data, []byte("GIF8")):
		return gif.Decode(bytes.NewReader(data))
	}
	return nil, errors.New("unknown format")
}

// decodeConfig reads the size of an image file, to skip fuzz inputs too
// large to decode quickly.
func decodeConfig(data []byte) (image.Config, error) {
	switch {
	case bytes.HasPrefix(data, jpegSOI):
		return jpeg.DecodeConfig(bytes.NewReader(data))
	case bytes.HasPrefix(data, pngSignature):
		return png.DecodeConfig(bytes.NewReader(data))
	case bytes.HasPrefix(data, []byte("RIFF")):
		return xwebp.DecodeConfig(bytes.NewReader(data))
	case bytes.HasPrefix(data, []byte("GIF8")):
		return gif.DecodeConfig(bytes.NewReader(data))
	}
	return image.Config{}, errors.New("unknown format")
}

// samePixels reports where two images differ, or "".
func samePixels(a, b image.Image) string {
	if a.Bounds() != b.Bounds() {
		return "bounds " + a.Bounds().String() + " and " + b.Bounds().String()
	}
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				return image.Pt(x, y).String()
			}
		}
	}
	return ""
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestStripFixtures(t *testing.T) {
	for _, tc := range []struct {
		file    string
		profile bool // the fixture has an ICC profile, which stays
	}{
		{"photo.jpg", true},
		{"turned.jpg", false},
		{"photo.png", true},
		{"photo.webp", true},
		{"alpha.webp", false},
		{"photo.gif", false},
	} {
		t.Run(tc.file, func(t *testing.T) {
			in := readFixture(t, tc.file)
			if !bytes.Contains(in, []byte("SECRET")) {
				t.Fatal("the fixture has no metadata to strip; run testdata/make.sh")
			}
			out, err := Strip(in)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range secrets {
				if i := bytes.Index(out, []byte(s)); i >= 0 {
					t.Errorf("stripped file still holds %q at byte %d", s, i)
				}
			}
			if got := hasProfile(t, out); got != tc.profile {
				t.Errorf("stripped file has an ICC profile: %v, want %v", got, tc.profile)
			}
			a, err := decode(in)
			if err != nil {
				t.Fatal(err)
			}
			b, err := decode(out)
			if err != nil {
				t.Fatalf("stripped file does not decode: %v", err)
			}
			if d := samePixels(a, b); d != "" {
				t.Errorf("pixels differ at %s", d)
			}
			again, err := Strip(out)
			if err != nil || !bytes.Equal(again, out) {
				t.Errorf("stripping twice changes the file (err %v)", err)
			}
		})
	}
}

// hasProfile reports whether an image file carries an ICC profile where
// its format keeps one.
func hasProfile(t *testing.T, data []byte) bool {
	switch {
	case bytes.HasPrefix(data, jpegSOI):
		return bytes.Contains(ICCSegments(data), []byte("KEEP-THIS-PROFILE"))
	case bytes.HasPrefix(data, pngSignature):
		return bytes.Contains(data, []byte("iCCP"))
	case bytes.HasPrefix(data, []byte("RIFF")):
		has := bytes.Contains(data, []byte("ICCP")) && bytes.Contains(data, []byte("KEEP-THIS-PROFILE"))
		if flags := data[20]; bytes.Equal(data[12:16], []byte("VP8X")) && (flags&0x20 != 0) != has {
			t.Errorf("VP8X says ICC %v, file has one: %v", flags&0x20 != 0, has)
		}
		return has
	}
	return bytes.Contains(data, []byte("ICCRGBG1012"))
}

// The WebP header must stop announcing the chunks that are gone, and the
// RIFF size must be the new one, or strict readers refuse the file.
func TestWebPHeaderAfterStripping(t *testing.T) {
	for _, name := range []string{"photo.webp", "alpha.webp"} {
		in := readFixture(t, name)
		if in[20]&(vp8xEXIF|vp8xXMP) == 0 {
			t.Fatalf("%s: the fixture announces no metadata", name)
		}
		out, err := WebP(in)
		if err != nil {
			t.Fatal(err)
		}
		if out[20]&(vp8xEXIF|vp8xXMP) != 0 {
			t.Errorf("%s: VP8X flags %#x still announce EXIF or XMP", name, out[20])
		}
		if keep := byte(0x20 | 0x10 | 0x02); out[20]&keep != in[20]&keep {
			t.Errorf("%s: VP8X flags %#x, want the ICC, alpha and animation flags of %#x", name, out[20], in[20])
		}
		if size := binary.LittleEndian.Uint32(out[4:]); int(size) != len(out)-8 {
			t.Errorf("%s: RIFF size %d, file has %d bytes after the header", name, size, len(out)-8)
		}
	}
}

// A JFIF thumbnail is a small copy of the picture, perhaps before it was
// cropped: it goes, and the header stays.
func TestJPEGDropsJFIFThumbnail(t *testing.T) {
	in := readFixture(t, "photo.jpg")
	thumb := append([]byte("JFIF\x00\x01\x02\x00\x00\x01\x00\x01\x01\x01"), "THUMB"[:3]...)
	seg := appendSegment(nil, markerAPP0, thumb)
	withThumb := append(append(bytes.Clone(in[:2]), seg...), in[2:]...)
	out, err := JPEG(withThumb)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("THU")) {
		t.Error("the thumbnail survived")
	}
	if !bytes.Contains(out, []byte("JFIF\x00\x01\x02\x00\x00\x01\x00\x01\x00\x00")) {
		t.Error("the JFIF header was lost")
	}
}

// Whatever follows an image's end (a phone's second picture, a zip file)
// is not published.
func TestTrailingDataDropped(t *testing.T) {
	for _, name := range []string{"photo.jpg", "photo.png", "photo.webp", "photo.gif"} {
		in := append(bytes.Clone(readFixture(t, name)), "TRAILING-SECRET"...)
		out, err := Strip(in)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if bytes.Contains(out, []byte("TRAILING")) {
			t.Errorf("%s: data after the image survived", name)
		}
	}
}

func TestMalformedFilesAreErrors(t *testing.T) {
	jpg := readFixture(t, "photo.jpg")
	png := readFixture(t, "photo.png")
	webp := readFixture(t, "photo.webp")
	gif := readFixture(t, "photo.gif")
	long := func(b []byte, at int, v uint32, le bool) []byte {
		b = bytes.Clone(b)
		if le {
			binary.LittleEndian.PutUint32(b[at:], v)
		} else {
			binary.BigEndian.PutUint32(b[at:], v)
		}
		return b
	}
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"jpeg segment past the end", append(bytes.Clone(jpg[:2]), 0xff, 0xe1, 0xff, 0xff, 0x00), "JPEG: segment 0xe1 says it is 65535 bytes long"},
		{"jpeg short length", append(bytes.Clone(jpg[:2]), 0xff, 0xe1, 0x00, 0x01), "JPEG: segment 0xe1 says it is 1 bytes long"},
		{"jpeg no length", append(bytes.Clone(jpg[:2]), 0xff, 0xe1), "JPEG: segment 0xe1 has no length"},
		{"png chunk past the end", long(png, 8, 0xfffffff0, false), "PNG: a chunk says it is"},
		{"png cut short", png[:12], "PNG: a chunk is cut short"},
		{"webp chunk past the end", long(webp, 16, 1<<30, true), "WebP: a chunk says"},
		{"gif blocks cut short", gif[:len(gif)/2], "GIF: "},
		{"gif unknown block", append(bytes.Clone(gif[:13+3*256]), 0x99), "GIF: unknown block 0x99"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Strip(tc.data)
			var fe *FormatError
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Strip = %v, want a FormatError with %q", err, tc.want)
			}
		})
	}
}

// Other files, such as SVG, pass through untouched: they are not this
// package's to judge.
func TestStripLeavesOtherFormats(t *testing.T) {
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)
	out, err := Strip(svg)
	if err != nil || !bytes.Equal(out, svg) {
		t.Errorf("Strip(svg) = %q, %v", out, err)
	}
}

// A photograph a phone saved on its side is published standing up, with
// no Exif left to say how to turn it, and with its colour profile.
func TestCleanTurnsJPEGUpright(t *testing.T) {
	in := readFixture(t, "turned.jpg")
	if Orientation(in) != 6 {
		t.Fatalf("fixture orientation %d, want 6", Orientation(in))
	}
	withProfile := readFixture(t, "photo.jpg")
	// Give the turned fixture photo.jpg's profile.
	in = append(append(bytes.Clone(in[:2]), ICCSegments(withProfile)...), in[2:]...)
	out, err := Clean(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range secrets {
		if bytes.Contains(out, []byte(s)) {
			t.Errorf("cleaned file still holds %q", s)
		}
	}
	if Orientation(out) != 1 {
		t.Errorf("cleaned file says orientation %d", Orientation(out))
	}
	if !bytes.Contains(ICCSegments(out), []byte("KEEP-THIS-PROFILE")) {
		t.Error("the ICC profile was lost")
	}
	img, err := jpeg.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	// 48 × 32 with a red top-left quarter, turned right: 32 × 48 with
	// red at the top right.
	if b := img.Bounds(); b.Dx() != 32 || b.Dy() != 48 {
		t.Fatalf("cleaned image is %v, want 32 × 48", b)
	}
	red := func(x, y int) bool {
		r, g, b, _ := img.At(x, y).RGBA()
		return r>>8 > 180 && g>>8 < 80 && b>>8 < 80
	}
	if !red(28, 4) || red(4, 4) || red(28, 44) {
		t.Error("the red quarter is not at the top right: the picture was not turned right")
	}
}

// An image that needs no turning is stripped, not encoded again.
func TestCleanIsLosslessWithoutOrientation(t *testing.T) {
	in := readFixture(t, "photo.jpg")
	stripped, err := Strip(in)
	if err != nil {
		t.Fatal(err)
	}
	cleaned, err := Clean(in)
	if err != nil || !bytes.Equal(cleaned, stripped) {
		t.Errorf("Clean differs from Strip (err %v)", err)
	}
}
