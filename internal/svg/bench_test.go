package svg

import (
	"os"
	"testing"
)

// BenchmarkClean cleans the tiger (68 kB, 240 paths as Inkscape saved
// them): the cost per SVG a build adds.
func BenchmarkClean(b *testing.B) {
	data, err := os.ReadFile("testdata/real/tiger.svg")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Clean(data); err != nil {
			b.Fatal(err)
		}
	}
}
