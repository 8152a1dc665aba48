package metadata

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"

	"github.com/gen2brain/webp"
	xwebp "golang.org/x/image/webp"
)

func TestICCReadsFixtures(t *testing.T) {
	for _, name := range []string{"photo.jpg", "photo.png", "photo.webp"} {
		profile, ok := ICC(readFixture(t, name))
		if !ok || !bytes.Contains(profile, []byte("KEEP-THIS-PROFILE")) {
			t.Errorf("%s: ICC = %d bytes, %v; want the fixture's profile", name, len(profile), ok)
		}
	}
	if _, ok := ICC(readFixture(t, "alpha.webp")); ok {
		t.Error("alpha.webp: found a profile it does not have")
	}
}

// testProfile is a stand-in for an ICC profile of n bytes: the
// containers do not read what is inside.
func testProfile(n int) []byte {
	p := make([]byte, n)
	for i := range p {
		p[i] = byte(i*7 + i/251)
	}
	return p
}

func testImage(alpha bool) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, 37, 21))
	for y := range 21 {
		for x := range 37 {
			a := uint8(255)
			if alpha && x > 30 {
				a = uint8(40 * (y % 4))
			}
			img.SetNRGBA(x, y, color.NRGBA{uint8(x * 6), uint8(y * 11), uint8(x ^ y), a})
		}
	}
	return img
}

func encodeTest(t *testing.T, format string, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	var err error
	switch format {
	case "jpeg":
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80})
	case "png":
		err = png.Encode(&buf, img)
	case "webp-lossy":
		err = webp.Encode(&buf, img, webp.Options{Quality: 80})
	case "webp-lossless":
		err = webp.Encode(&buf, img, webp.Options{Lossless: true})
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestEmbedICCRoundTrip(t *testing.T) {
	tests := []struct {
		format    string
		alpha     bool
		wantChunk string // WebP: the first chunk of the encoder's file
	}{
		{format: "jpeg"},
		{format: "png"},
		{format: "png", alpha: true},
		{format: "webp-lossy", wantChunk: "VP8 "},
		{format: "webp-lossy", alpha: true, wantChunk: "VP8X"},
		{format: "webp-lossless", wantChunk: "VP8L"},
		{format: "webp-lossless", alpha: true, wantChunk: "VP8L"},
	}
	// 3 bytes, odd (WebP padding), and three JPEG segments' worth.
	sizes := []int{3, 4099, 2*iccChunk + 1000}
	for _, tt := range tests {
		for _, n := range sizes {
			img := testImage(tt.alpha)
			plain := encodeTest(t, tt.format, img)
			if tt.wantChunk != "" && string(plain[12:16]) != tt.wantChunk {
				t.Fatalf("%s alpha=%v: encoder wrote %q first, the test expects %q", tt.format, tt.alpha, plain[12:16], tt.wantChunk)
			}
			profile := testProfile(n)
			out, err := EmbedICC(plain, profile)
			if err != nil {
				t.Fatalf("%s alpha=%v %d: %v", tt.format, tt.alpha, n, err)
			}
			name := tt.format
			if tt.alpha {
				name += "+alpha"
			}
			checkEmbedded(t, name, plain, out, profile)
			again, _ := EmbedICC(plain, profile)
			if !bytes.Equal(out, again) {
				t.Errorf("%s %d: two embeddings differ", name, n)
			}
		}
	}
}

func checkEmbedded(t *testing.T, name string, plain, out, profile []byte) {
	t.Helper()
	want, err := decode(plain)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decode(out)
	if err != nil {
		t.Fatalf("%s with %d-byte profile does not decode: %v", name, len(profile), err)
	}
	if d := samePixels(want, got); d != "" {
		t.Errorf("%s with %d-byte profile: pixels differ at %s", name, len(profile), d)
	}
	if p, ok := ICC(out); !ok || !bytes.Equal(p, profile) {
		t.Errorf("%s: ICC gives %d bytes, %v; want the %d embedded", name, len(p), ok, len(profile))
	}
	stripped, err := Strip(out)
	if err != nil {
		t.Fatalf("%s: strip: %v", name, err)
	}
	if p, _ := ICC(stripped); !bytes.Equal(p, profile) {
		t.Errorf("%s: stripping lost the profile (%d bytes left of %d)", name, len(p), len(profile))
	}
	if isWebP(out) {
		checkVP8X(t, name, out, got)
	}
}

// checkVP8X checks what strict readers check: the RIFF size, the
// header's flags and canvas.
func checkVP8X(t *testing.T, name string, out []byte, img image.Image) {
	t.Helper()
	if size := binary.LittleEndian.Uint32(out[4:]); int(size) != len(out)-8 {
		t.Errorf("%s: RIFF size %d, file %d", name, size, len(out)-8)
	}
	if string(out[12:16]) != "VP8X" || string(out[30:34]) != "ICCP" {
		t.Fatalf("%s: chunks start %q, %q; want VP8X, ICCP", name, out[12:16], out[30:34])
	}
	flags := out[20]
	if flags&vp8xICC == 0 {
		t.Errorf("%s: VP8X flags %#x lack ICC", name, flags)
	}
	hasAlpha := bytes.Contains(out, []byte("ALPH")) || !opaque(img)
	if (flags&vp8xAlpha != 0) != hasAlpha {
		t.Errorf("%s: VP8X alpha flag %v, image has alpha: %v", name, flags&vp8xAlpha != 0, hasAlpha)
	}
	w := int(out[24]) | int(out[25])<<8 | int(out[26])<<16
	h := int(out[27]) | int(out[28])<<8 | int(out[29])<<16
	if b := img.Bounds(); w+1 != b.Dx() || h+1 != b.Dy() {
		t.Errorf("%s: canvas %dx%d, image %v", name, w+1, h+1, b)
	}
	if cfg, err := xwebp.DecodeConfig(bytes.NewReader(out)); err != nil || cfg.Width != w+1 {
		t.Errorf("%s: DecodeConfig %v, %v", name, cfg, err)
	}
}

func opaque(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	return true
}

func TestEmbedICCLeavesFilesWithoutProfile(t *testing.T) {
	plain := encodeTest(t, "png", testImage(false))
	for _, profile := range [][]byte{nil, {}} {
		out, err := EmbedICC(plain, profile)
		if err != nil || !bytes.Equal(out, plain) {
			t.Errorf("empty profile changed the file (err %v)", err)
		}
	}
	gif := []byte("GIF89a...")
	if out, err := EmbedICC(gif, testProfile(10)); err != nil || !bytes.Equal(out, gif) {
		t.Errorf("GIF changed (err %v)", err)
	}
	if _, err := EmbedICC(plain, testProfile(maxICC+1)); err == nil {
		t.Error("an oversized profile was embedded")
	}
}
