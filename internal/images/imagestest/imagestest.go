// Package imagestest makes the images that tests, benchmarks and the
// fixture site of internal/images use, from formulas, so that the
// repository holds no large binary files.
package imagestest

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"os"
	"path/filepath"

	"golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
)

// Photo returns a w × h JPEG made from a formula: smooth light and shade
// with fine detail, like a photograph, and the same bytes every time, so
// that tests and benchmarks need no binary files in the repository.
func Photo(w, h int) []byte {
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	for y := range h {
		for x := range w {
			fx, fy := float64(x)/float64(w), float64(y)/float64(h)
			// A sky fading into ground, a sun, and texture.
			l := 200 - 120*fy + 40*math.Exp(-((fx-0.7)*(fx-0.7)+(fy-0.25)*(fy-0.25))*40)
			l += 12 * math.Sin(float64(x)*0.31) * math.Cos(float64(y)*0.27)
			img.Y[img.YOffset(x, y)] = clamp(l)
			ci := img.COffset(x, y)
			img.Cb[ci] = clamp(140 - 40*fy)
			img.Cr[ci] = clamp(118 + 30*fy)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// Chart returns a w × h PNG of a bar chart with a title in large letters,
// so that a chart in each language (one title each) can be told apart.
func Chart(w, h int, title string) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	bars := image.NewUniform(color.NRGBA{20, 54, 93, 255})
	for i := range 5 {
		x0 := w/10 + i*w*17/100
		top := h - (i+2)*h/9
		draw.Draw(img, image.Rect(x0, top, x0+w/10, h-h/20), bars, image.Point{}, draw.Src)
	}
	// The title, drawn in the 7 × 13 bitmap font and enlarged.
	d := &font.Drawer{Src: image.NewUniform(color.Black), Face: basicfont.Face7x13}
	small := image.NewNRGBA(image.Rect(0, 0, d.MeasureString(title).Ceil()+2, 16))
	draw.Draw(small, small.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	d.Dst, d.Dot = small, fixed.P(1, 12)
	d.DrawString(title)
	scale := max(1, min(w*9/10/small.Bounds().Dx(), h/8/16))
	dst := image.Rect(w/20, h/30, w/20+small.Bounds().Dx()*scale, h/30+16*scale)
	draw.NearestNeighbor.Scale(img, dst, small, small.Bounds(), draw.Src, nil)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func clamp(v float64) uint8 { return uint8(max(0, min(255, v))) }

// Fixture writes the fixture site of internal/images to dst: the pages
// in internal/images/testdata/site, the layouts, interface strings and
// assets of the project at root, and its images: a 2400 × 1600
// photograph and a chart in English and in Spanish.
func Fixture(dst, root string) error {
	src := filepath.Join(root, "internal", "images", "testdata", "site")
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		return err
	}
	// Not locales/po/: the real site's PO files name its own pages.
	if err := copyFiles(filepath.Join(dst, "locales"), filepath.Join(root, "locales")); err != nil {
		return err
	}
	for _, dir := range []string{"layouts", "assets"} {
		if err := os.CopyFS(filepath.Join(dst, dir), os.DirFS(filepath.Join(root, dir))); err != nil {
			return err
		}
	}
	files := map[string][]byte{
		"content/en/figures/photo.jpg": Photo(2400, 1600),
		"content/en/chart.png":         Chart(1200, 800, "ARRESTS BY MONTH"),
		"content/es/chart.png":         Chart(1200, 800, "DETENCIONES POR MES"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dst, filepath.FromSlash(name)), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// copyFiles copies the files of the folder src, without its subfolders,
// into dst.
func copyFiles(dst, src string) error {
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
