// Command mkimages writes the plain images that make.sh then fills with
// metadata: a small picture in each format, and a stand-in ICC profile.
//
//	go run ./mkimages DIR
package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/color/palette"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"

	"github.com/gen2brain/webp"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./mkimages DIR")
		os.Exit(2)
	}
	if err := write(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "mkimages:", err)
		os.Exit(1)
	}
}

// picture is 48 × 32 pixels with a red top-left quarter, so that a test
// can tell which way up it stands, and a gradient elsewhere.
func picture() *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, 48, 32))
	for y := range 32 {
		for x := range 48 {
			c := color.NRGBA{uint8(x * 5), uint8(y * 7), 160, uint8(255 - x)}
			if x < 24 && y < 16 {
				c = color.NRGBA{230, 20, 20, 255}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

func write(dir string) error {
	img := picture()
	var jpg, pngb, lossy, lossless, gifb bytes.Buffer
	if err := jpeg.Encode(&jpg, img, &jpeg.Options{Quality: 90}); err != nil {
		return err
	}
	if err := png.Encode(&pngb, img); err != nil {
		return err
	}
	if err := webp.Encode(&lossy, img, webp.Options{Quality: 80}); err != nil {
		return err
	}
	if err := webp.Encode(&lossless, img, webp.Options{Lossless: true}); err != nil {
		return err
	}
	pal := image.NewPaletted(img.Bounds(), palette.Plan9)
	for y := range 32 {
		for x := range 48 {
			pal.Set(x, y, img.At(x, y))
		}
	}
	if err := gif.Encode(&gifb, pal, nil); err != nil {
		return err
	}
	files := map[string][]byte{
		"plain.jpg": jpg.Bytes(), "plain.png": pngb.Bytes(), "plain-lossy.webp": lossy.Bytes(),
		"plain-alpha.webp": lossless.Bytes(), "plain.gif": gifb.Bytes(), "profile.icc": iccProfile(),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// iccProfile is a well-formed ICC header with no tags and a marker
// string: enough for tests to see whether a profile survived.
func iccProfile() []byte {
	p := make([]byte, 132)
	copy(p[4:], "none")
	p[8] = 2 // version 2.1
	p[9] = 0x10
	copy(p[12:], "mntr")
	copy(p[16:], "RGB ")
	copy(p[20:], "XYZ ")
	copy(p[36:], "acsp")
	copy(p[100:], "KEEP-THIS-PROFILE")
	binary.BigEndian.PutUint32(p[0:], uint32(len(p)))
	return p
}
