package engine

import (
	"bytes"
	"encoding/base64"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// dataURL matches an image a single-file edition carries inside itself.
var dataURL = regexp.MustCompile(`data:image/[a-z+]+;base64,([A-Za-z0-9+/=]+)`)

// A photograph a contributor adds, with its GPS position, photographer
// and camera in Exif, XMP and IPTC, reaches no published file: not the
// image, nor the copy inside the page's single-file edition, nor an
// image of assets/.
func TestBuiltSiteHasNoImageMetadata(t *testing.T) {
	src := copyFixture(t)
	put := func(name, fixture string) {
		data, err := os.ReadFile(filepath.Join("..", "metadata", "testdata", fixture))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	put("content/en/witness.jpg", "photo.jpg")
	put("content/en/chart.png", "photo.png")
	put("assets/img/logo.webp", "photo.webp")
	appendFile(t, filepath.Join(src, "content/en/report.md"),
		"\n![A street](witness.jpg)\n\n![A chart](chart.png)\n\n![A logo](/assets/img/logo.webp)\n")
	out := filepath.Join(t.TempDir(), "public")
	build(t, src, out, Options{})

	secrets := [][]byte{[]byte("SECRET"), []byte("Exif\x00\x00"), []byte("http://ns.adobe.com/xap"), []byte("Photoshop 3.0")}
	inlined := 0
	for name, data := range readTree(t, out) {
		for _, s := range secrets {
			if bytes.Contains(data, s) {
				t.Errorf("%s holds %q", name, s)
			}
		}
		for _, m := range dataURL.FindAllSubmatch(data, -1) {
			img, err := base64.StdEncoding.DecodeString(string(m[1]))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			inlined++
			for _, s := range secrets {
				if bytes.Contains(img, s) {
					t.Errorf("%s: an image inside the page holds %q", name, s)
				}
			}
		}
	}
	if inlined == 0 {
		t.Error("no single-file edition carries an image: the test checks nothing there")
	}
}

// A name in [images] keep_metadata that is no photograph of the site is
// an error at its line, so that a misspelt name does not leave the
// maintainer believing a setting applies.
func TestKeepMetadataNamesRealImages(t *testing.T) {
	src := copyFixture(t)
	appendFile(t, filepath.Join(src, "site.toml"), "\n[images]\nkeep_metadata = [\"content/en/nope.jpg\"]\n")
	data, err := os.ReadFile(filepath.Join(src, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	line := bytes.Count(data, []byte("\n")) // the last line
	_, err = Build(t.Context(), src, filepath.Join(t.TempDir(), "public"), Options{})
	want := "site.toml:" + strconv.Itoa(line) + `: images.keep_metadata: no image "content/en/nope.jpg"`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Build = %v, want an error with %q", err, want)
	}
}
