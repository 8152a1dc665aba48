package share

import (
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
