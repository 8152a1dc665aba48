package images

import (
	"bytes"
	"image"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"cecot/internal/cachefile"
	"cecot/internal/images/imagestest"
	"cecot/internal/metadata"
)

// secrets are strings that internal/metadata/testdata/make.sh wrote into
// its fixtures' metadata.
var secrets = []string{"SECRET", "Exif\x00\x00", "http://ns.adobe.com/xap", "Photoshop 3.0"}

func metadataFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "metadata", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// withMetadataOf returns the JPEG jpg with the metadata segments of the
// fixture photo.jpg (Exif with GPS, XMP, IPTC, a comment, a profile).
func withMetadataOf(t *testing.T, jpg []byte) []byte {
	photo := metadataFixture(t, "photo.jpg")
	dqt := bytes.Index(photo, []byte{0xff, 0xdb})
	out := append([]byte{0xff, 0xd8}, photo[2:dqt]...)
	return append(out, jpg[2:]...)
}

// Every file a build publishes from a photograph, at any width and in
// the single-file edition too, is free of its metadata; a photograph on
// its side is published standing; an image site.toml keeps is published
// as it is.
func TestPublishedImagesHaveNoMetadata(t *testing.T) {
	sources := map[string][]byte{
		"content/en/small.jpg":  metadataFixture(t, "photo.jpg"), // shown as it is
		"content/en/turned.jpg": metadataFixture(t, "turned.jpg"),
		"content/en/chart.png":  metadataFixture(t, "photo.png"),
		"content/en/photo.webp": metadataFixture(t, "photo.webp"),
		"content/en/anim.gif":   metadataFixture(t, "photo.gif"),
		// Resized to 480 and 960, and published at its own 1000 px.
		"content/en/wide.jpg": withMetadataOf(t, imagestest.Photo(1000, 700)),
		"content/en/kept.jpg": metadataFixture(t, "photo.jpg"),
	}
	fsys := fstest.MapFS{}
	for name, data := range sources {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	set, warns, err := Load(fsys, Options{Languages: []string{"en"}, Default: "en", KeepMetadata: map[string]bool{"content/en/kept.jpg": true}})
	if err != nil || len(warns) > 0 {
		t.Fatalf("Load: %v %v", err, warns)
	}
	kept := set.Lookup("content/en/kept.jpg")
	for _, f := range set.Files() {
		if f.Name == kept.Out {
			if !bytes.Equal(f.Data, sources["content/en/kept.jpg"]) {
				t.Errorf("%s: kept in site.toml, but not published as it is", f.Name)
			}
			continue
		}
		for _, s := range secrets {
			if bytes.Contains(f.Data, []byte(s)) {
				t.Errorf("%s holds %q", f.Name, s)
			}
		}
	}
	for name := range sources {
		img := set.Lookup(name)
		if img.Inline == nil || name == "content/en/kept.jpg" {
			continue
		}
		for _, s := range secrets {
			if bytes.Contains(img.Inline.Data, []byte(s)) {
				t.Errorf("%s: the single-file edition's copy holds %q", name, s)
			}
		}
	}
	if wide := set.Lookup("content/en/wide.jpg"); len(wide.Sizes) != 3 || wide.Sizes[2].Width != 1000 {
		t.Errorf("wide.jpg sizes %+v, want 480, 960 and its own 1000", wide.Sizes)
	}
	turned := set.Lookup("content/en/turned.jpg")
	var published []byte
	for _, f := range set.Files() {
		if f.Name == turned.Out {
			published = f.Data
		}
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(published))
	if err != nil || cfg.Width != 32 || cfg.Height != 48 || metadata.Orientation(published) != 1 {
		t.Errorf("turned.jpg published as %d × %d, orientation %d (err %v); want 32 × 48 standing, orientation 1",
			cfg.Width, cfg.Height, metadata.Orientation(published), err)
	}
}

// An empty temporary file that a build killed while writing an entry
// left in .cache/images/ is removed by the next build's cache.
func TestNewCacheRemovesKilledWrites(t *testing.T) {
	dir := t.TempDir()
	tmp := filepath.Join(dir, ".tmp-2041")
	if err := os.WriteFile(tmp, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	when := time.Now().Add(-2 * cachefile.StaleAge)
	if err := os.Chtimes(tmp, when, when); err != nil {
		t.Fatal(err)
	}
	c := NewCache(dir)
	if _, err := os.Stat(tmp); err == nil {
		t.Error("the killed build's temporary file is still there")
	}
	c.put(key("source", "kind"), ".ok", []byte("x"))
	if data, ok := c.get(key("source", "kind"), ".ok"); !ok || string(data) != "x" {
		t.Errorf("an entry written is read back as %q, %v", data, ok)
	}
}

// A photograph on its side that is published at its own width is
// decoded once: process makes the upright file that clean then finds in
// the cache, the same bytes as metadata.Clean makes.
func TestTurnedPhotoDecodedOnce(t *testing.T) {
	data := withOrientation(imagestest.Photo(700, 1000), 6) // shown 1000 × 700
	info, _, err := inspect("p.jpg", data)
	if err != nil {
		t.Fatal(err)
	}
	c := NewCache(t.TempDir())
	if _, err := c.process(data, info); err != nil {
		t.Fatal(err)
	}
	encoded := c.Encoded()
	cleaned, err := c.clean(data, info, false)
	if err != nil {
		t.Fatal(err)
	}
	if c.Decoded() != 1 || c.Encoded() != encoded {
		t.Errorf("decoded %d times, and clean encoded %d files; want once, and none", c.Decoded(), c.Encoded()-encoded)
	}
	want, err := metadata.Clean(data)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(cleaned, want) {
		t.Error("the upright file differs from what metadata.Clean makes")
	}
}

// Every resized copy of a photograph with a colour profile carries the
// same profile, as WebP and in the original's format, so that a
// wide-gamut photograph keeps its colours; one without gets none.
func TestSizesKeepColourProfile(t *testing.T) {
	withProfile, err := metadata.EmbedICC(imagestest.Chart(1000, 600, "P3"), []byte("a Display P3 profile, in short"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"photo.jpg", withMetadataOf(t, imagestest.Photo(1000, 700))},
		{"chart.png", withProfile},
		{"plain.jpg", imagestest.Photo(1000, 700)},
	}
	for _, tt := range tests {
		want, ok := metadata.ICC(tt.data)
		if ok != (tt.name != "plain.jpg") {
			t.Fatalf("%s: has a profile: %v", tt.name, ok)
		}
		info, _, err := inspect(tt.name, tt.data)
		if err != nil {
			t.Fatal(err)
		}
		sizes, err := NewCache(t.TempDir()).process(tt.data, info)
		if err != nil || len(sizes) != 3 {
			t.Fatalf("%s: %d sizes, %v", tt.name, len(sizes), err)
		}
		for _, s := range sizes[:2] {
			for _, file := range [][]byte{s.WebP, s.Fallback} {
				got, _ := metadata.ICC(file)
				if !bytes.Equal(got, want) {
					t.Errorf("%s at %d px: profile %q, want %q", tt.name, s.Width, got, want)
				}
				if _, _, err := image.Decode(bytes.NewReader(file)); err != nil {
					t.Errorf("%s at %d px does not decode: %v", tt.name, s.Width, err)
				}
			}
		}
	}
}
