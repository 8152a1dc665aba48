package svg

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzClean: whatever the input, what Clean publishes parses as SVG,
// holds nothing on the deny side, and is published unchanged when
// cleaned again; Size never panics and stays within its limits.
func FuzzClean(f *testing.F) {
	for _, dir := range []string{"testdata/hostile", "testdata/real"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.svg"))
		for _, name := range files {
			if data, err := os.ReadFile(name); err == nil && len(data) < 8<<10 {
				f.Add(data)
			}
		}
	}
	f.Add([]byte(open + `<a xlink:href="#x" xmlns:xlink="http://www.w3.org/1999/xlink"><rect style="fill:url(#g)"/></a><style>a{fill:url( "#y" )}</style></svg>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Clean(data)
		if err != nil {
			return
		}
		if err := checkSafe(p.Data); err != nil {
			t.Fatalf("Clean(%q) published %q, which %v", data, p.Data, err)
		}
		again, err := Clean(p.Data)
		if err != nil {
			t.Fatalf("Clean(%q) published %q, which Clean refuses: %v", data, p.Data, err)
		}
		if !bytes.Equal(again.Data, p.Data) {
			t.Fatalf("Clean(%q) = %q, but cleaning that gives %q", data, p.Data, again.Data)
		}
		if w, h, err := p.Size(); err == nil && (w < 1 || h < 1 || w > MaxSize || h > MaxSize) {
			t.Fatalf("Size() = %d × %d for %q", w, h, data)
		}
	})
}
