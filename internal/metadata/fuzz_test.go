package metadata

import (
	"bytes"
	"image"
	"testing"
)

// fuzzStrip checks a stripper on any input: it never panics, what it
// returns decodes to the same pixels as the input whenever the input
// decodes, stripping again changes nothing, and an input that decodes is
// never refused.
func fuzzStrip(f *testing.F, strip func([]byte) ([]byte, error), seeds ...string) {
	for _, s := range seeds {
		f.Add(readFixture(f, s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		out, err := strip(in)
		var before image.Image
		if cfg, cerr := decodeConfig(in); cerr == nil && cfg.Width*cfg.Height <= 1<<14 {
			if img, derr := decode(in); derr == nil {
				before = img
			}
		}
		if err != nil {
			if before != nil {
				t.Fatalf("refused an image that decodes: %v", err)
			}
			return
		}
		again, err := strip(out)
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("stripping twice changes the output (err %v)", err)
		}
		if before == nil {
			return
		}
		after, err := decode(out)
		if err != nil {
			t.Fatalf("the input decodes and the output does not: %v", err)
		}
		if d := samePixels(before, after); d != "" {
			t.Fatalf("pixels differ at %s", d)
		}
	})
}

func FuzzJPEG(f *testing.F) { fuzzStrip(f, JPEG, "photo.jpg", "turned.jpg") }
func FuzzPNG(f *testing.F)  { fuzzStrip(f, PNG, "photo.png") }
func FuzzWebP(f *testing.F) { fuzzStrip(f, WebP, "photo.webp", "alpha.webp") }
func FuzzGIF(f *testing.F)  { fuzzStrip(f, GIF, "photo.gif") }
