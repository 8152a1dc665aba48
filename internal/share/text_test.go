package share

import (
	"bytes"
	"image"
	"image/draw"
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/image/font"
)

// TestMeasuresAsFontDoes: the looked-up advances and the word spans
// balance uses measure what font.MeasureString measures, for the golden
// cards' texts and for text with kerning pairs and Spanish letters.
func TestMeasuresAsFontDoes(t *testing.T) {
	texts := []string{"AV To Wa “¿Dónde están?” — LT, Ty; «Ñandú» y’all 1.200,5 €"}
	for _, c := range cards {
		texts = append(texts, c.Site, c.Title, c.Line)
	}
	for _, f := range []*text{newText(bold, 84), newText(bold, 40), newText(regular, 30)} {
		for _, s := range texts {
			if got, want := f.advance(s), font.MeasureString(f.face, s); got != want {
				t.Errorf("advance(%q) = %v, font.MeasureString %v", s, got, want)
			}
			words := strings.Fields(s)
			span := f.spans(words)
			for i := range words {
				for j := i + 1; j <= len(words); j++ {
					if got, want := span(i, j), font.MeasureString(f.face, strings.Join(words[i:j], " ")).Ceil(); got != want {
						t.Errorf("span of %q = %d, font.MeasureString %d", strings.Join(words[i:j], " "), got, want)
					}
				}
			}
		}
	}
}

// TestOverAsDrawMask: over writes what draw.DrawMask writes, for masks
// placed partly outside the destination and over earlier coverage.
func TestOverAsDrawMask(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	random := func(r image.Rectangle) *image.Alpha {
		a := image.NewAlpha(r)
		for i := range a.Pix {
			if rnd.IntN(3) > 0 {
				a.Pix[i] = uint8(rnd.IntN(256))
			}
		}
		return a
	}
	for i := 0; i < 200; i++ {
		dst := random(image.Rect(0, 0, 40, 30))
		want := image.NewAlpha(dst.Rect)
		copy(want.Pix, dst.Pix)
		g := random(image.Rect(rnd.IntN(5), rnd.IntN(5), 5+rnd.IntN(20), 5+rnd.IntN(20)))
		r := image.Rect(0, 0, g.Rect.Dx(), g.Rect.Dy()).Add(image.Pt(rnd.IntN(60)-10, rnd.IntN(50)-10))
		draw.DrawMask(want, r, image.Opaque, image.Point{}, g, g.Rect.Min, draw.Over)
		over(dst, r, g, g.Rect.Min)
		if !bytes.Equal(dst.Pix, want.Pix) {
			t.Fatalf("case %d: over differs from draw.DrawMask", i)
		}
	}
}
