package assets

import (
	"bytes"
	"crypto/sha512"
	"encoding/base64"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// squeeze is a Minifier that removes spaces from CSS, so that tests can
// tell minified data from the source.
type squeeze struct{}

func (squeeze) Minify(mediaType string, data []byte) ([]byte, error) {
	if mediaType != "text/css" {
		return data, nil
	}
	return bytes.ReplaceAll(data, []byte(" "), nil), nil
}

func loadSet(t *testing.T, css string) *Set {
	t.Helper()
	s, err := Load(fstest.MapFS{
		"assets/css/site.css":    {Data: []byte(css)},
		"assets/favicon.svg":     {Data: []byte("<svg/>")},
		"assets/img/photo.jpg":   {Data: []byte{0xff, 0xd8, 0xff}},
		"assets/.DS_Store":       {Data: []byte("junk")},
		"assets/.drafts/old.css": {Data: []byte("a{}")},
	}, squeeze{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var fingerprinted = regexp.MustCompile(`^assets/css/site\.[0-9a-f]{10}\.css$`)

func TestLoad(t *testing.T) {
	s := loadSet(t, "body { margin: 0 }")
	var names []string
	for _, a := range s.All() {
		names = append(names, a.Name)
	}
	if got := strings.Join(names, " "); got != "css/site.css favicon.svg img/photo.jpg" {
		t.Errorf("assets %s, want the three without dot files, by name", got)
	}
	css, err := s.Lookup("css/site.css")
	if err != nil {
		t.Fatal(err)
	}
	if !fingerprinted.MatchString(css.Out) {
		t.Errorf("published as %s, want a content hash in the name", css.Out)
	}
	if string(css.Data) != "body{margin:0}" || css.MediaType != "text/css" {
		t.Errorf("data %q, type %q: want minified CSS", css.Data, css.MediaType)
	}
	sum := sha512.Sum384(css.Data)
	if want := "sha384-" + base64.StdEncoding.EncodeToString(sum[:]); css.Integrity != want {
		t.Errorf("integrity %s, want %s, the hash of the published bytes", css.Integrity, want)
	}
	if photo, _ := s.Lookup("/img/photo.jpg"); photo == nil || photo.MediaType != "image/jpeg" {
		t.Errorf("photo: %+v", photo)
	}
	if _, err := s.Lookup("css/missing.css"); err == nil || !strings.Contains(err.Error(), `no asset "css/missing.css" in assets/`) {
		t.Errorf("missing asset: %v", err)
	}
}

func TestFingerprintFollowsContent(t *testing.T) {
	a, _ := loadSet(t, "body { margin: 0 }").Lookup("css/site.css")
	same, _ := loadSet(t, "body { margin: 0 }").Lookup("css/site.css")
	spaced, _ := loadSet(t, "body {  margin: 0 }").Lookup("css/site.css")
	changed, _ := loadSet(t, "body { margin: 1px }").Lookup("css/site.css")
	if a.Out != same.Out {
		t.Errorf("the same file got two names: %s, %s", a.Out, same.Out)
	}
	// The name follows the published bytes: a change the minifier removes
	// keeps the name, so caches stay warm.
	if a.Out != spaced.Out {
		t.Errorf("a change that minifies away renamed the file: %s, %s", a.Out, spaced.Out)
	}
	if a.Out == changed.Out || a.Integrity == changed.Integrity {
		t.Errorf("changed content kept name %s or integrity", a.Out)
	}
}

func TestNoAssets(t *testing.T) {
	s, err := Load(fstest.MapFS{"content/en/_index.md": {}}, squeeze{}, nil)
	if err != nil || len(s.All()) != 0 {
		t.Errorf("a site without assets/: %v, %v", s, err)
	}
}

// MediaType knows every extension the site publishes, whatever case the
// file name has, and nothing else: no system table is consulted.
func TestMediaType(t *testing.T) {
	for name, want := range map[string]string{
		"css/site.css":      "text/css",
		"favicon.SVG":       "image/svg+xml",
		"es/index.html":     "text/html",
		"sitemap.xml":       "application/xml",
		"en/photo.JPEG":     "image/jpeg",
		"notes.unknownext":  "",
		"no-extension":      "",
		"fonts/inter.woff2": "font/woff2",
	} {
		if got := MediaType(name); got != want {
			t.Errorf("MediaType(%q) = %q, want %q", name, got, want)
		}
	}
}

// A photograph in assets/ is published without the metadata its camera
// or editor wrote, unless site.toml keeps it; its fingerprint is of the
// published bytes.
func TestLoadStripsImageMetadata(t *testing.T) {
	photo, err := os.ReadFile("../metadata/testdata/photo.jpg")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"assets/img/photo.jpg": {Data: photo}, "assets/img/kept.jpg": {Data: photo}}
	s, err := Load(fsys, squeeze{}, map[string]bool{"assets/img/kept.jpg": true})
	if err != nil {
		t.Fatal(err)
	}
	stripped, _ := s.Lookup("img/photo.jpg")
	kept, _ := s.Lookup("img/kept.jpg")
	for _, secret := range []string{"SECRET-ARTIST", "SECRET-CREATOR", "SECRET-COMMENT", "Exif"} {
		if bytes.Contains(stripped.Data, []byte(secret)) {
			t.Errorf("published photo.jpg holds %q", secret)
		}
		if !bytes.Contains(kept.Data, []byte(secret)) {
			t.Errorf("kept.jpg lost %q, though site.toml keeps its metadata", secret)
		}
	}
	if stripped.Out == kept.Out[:len("assets/img/")]+"photo"+kept.Out[len("assets/img/kept"):] {
		t.Error("the stripped and the kept file have the same fingerprint")
	}
}
