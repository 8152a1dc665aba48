package images

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
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

// Chart returns a w × h PNG of a bar chart, its bars in the shade that
// tone (0-255) gives, so that two charts (one per language) differ.
func Chart(w, h int, tone uint8) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.NRGBA{255, 255, 255, 255}
			bar := x * 5 / w
			top := h - (bar+1)*h/6
			if x%(w/5) > w/20 && y > top {
				c = color.NRGBA{20, 54, tone, 255}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func clamp(v float64) uint8 { return uint8(max(0, min(255, v))) }
