package imagestamp

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cecot/internal/images/imagestest"
)

func TestVariants(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/en/chart.png", imagestest.Chart(100, 60, "A"))
	write("content/es/chart.png", imagestest.Chart(100, 60, "B"))
	write("content/en/maps/map.svg", []byte(`<svg viewBox="0 0 1 1"/>`))
	write("content/es/maps/map.svg", []byte(`<svg viewBox="0 0 1 1"/>`))
	write("content/es/only-es.png", imagestest.Chart(10, 10, "C"))
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	state := func() string {
		t.Helper()
		vs, err := Variants(root.FS(), "es", "en")
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, v := range vs {
			fmt.Fprintf(&b, "%s<-%s stale=%v %s\n", v.File, v.Original, v.Stale, v.Reason)
		}
		return b.String()
	}
	want := "content/es/chart.png<-content/en/chart.png stale=true no one recorded which version of the original it was made from\n" +
		"content/es/maps/map.svg<-content/en/maps/map.svg stale=true no one recorded which version of the original it was made from\n"
	if got := state(); got != want {
		t.Errorf("before stamping:\n%s\nwant\n%s", got, want)
	}
	for _, p := range []string{"content/es/chart.png", "content/es/maps/map.svg"} {
		if orig, err := Stamp(root, "en", p); err != nil || orig != strings.Replace(p, "/es/", "/en/", 1) {
			t.Fatalf("Stamp(%s) = %s, %v", p, orig, err)
		}
	}
	want = "content/es/chart.png<-content/en/chart.png stale=false \ncontent/es/maps/map.svg<-content/en/maps/map.svg stale=false \n"
	if got := state(); got != want {
		t.Errorf("after stamping:\n%s\nwant\n%s", got, want)
	}
	write("content/en/chart.png", imagestest.Chart(100, 60, "A2"))
	want = "content/es/chart.png<-content/en/chart.png stale=true the original changed after this variant was made\ncontent/es/maps/map.svg<-content/en/maps/map.svg stale=false \n"
	if got := state(); got != want {
		t.Errorf("after the original changed:\n%s\nwant\n%s", got, want)
	}
	for _, p := range []string{"content/en/chart.png", "content/es/only-es.png", "content/es/notes.md"} {
		if _, err := Stamp(root, "en", p); err == nil {
			t.Errorf("Stamp(%s) succeeded", p)
		}
	}
}
