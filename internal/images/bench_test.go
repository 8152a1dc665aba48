package images

import (
	"testing"

	"cecot/internal/images/imagestest"
)

// BenchmarkEncode measures what a build pays the first time it sees an
// image: decode, resize to each width and encode each as WebP and in the
// original format, with nothing cached. The WebAssembly encoder is
// compiled once per process, before the timer starts.
func BenchmarkEncode(b *testing.B) {
	for _, bc := range []struct {
		name, file string
		data       []byte
	}{
		{"photo-2400x1600", "photo.jpg", imagestest.Photo(2400, 1600)},
		{"chart-1200x800", "chart.png", imagestest.Chart(1200, 800, "ARRESTS BY MONTH")},
	} {
		b.Run(bc.name, func(b *testing.B) {
			info, _, err := inspect(bc.file, bc.data)
			if err != nil {
				b.Fatal(err)
			}
			warmUp(b)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := NewCache("").process(bc.data, info); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCached measures a rebuild's cost for the same photograph: its
// header is read, and every width comes from the cache folder.
func BenchmarkCached(b *testing.B) {
	data := imagestest.Photo(2400, 1600)
	info, _, err := inspect("photo.jpg", data)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if _, err := NewCache(dir).process(data, info); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		c := NewCache(dir)
		if _, _, err := inspect("photo.jpg", data); err != nil {
			b.Fatal(err)
		}
		if _, err := c.process(data, info); err != nil || c.Encoded() != 0 {
			b.Fatal(err, c.Encoded())
		}
	}
}

// warmUp encodes a tiny image, so that compiling the WebAssembly
// encoder is not counted in the first run.
func warmUp(b *testing.B) {
	b.Helper()
	small := imagestest.Chart(700, 10, "X")
	info, _, err := inspect("x.png", small)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := NewCache("").process(small, info); err != nil {
		b.Fatal(err)
	}
}
