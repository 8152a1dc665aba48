package share

import (
	"slices"
	"sync"
	"unicode"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
)

// Missing returns the characters of the card's text that its fonts
// cannot draw, in the order they first appear, at most max of them; nil
// when the card can be drawn. The Go fonts have the Latin, Greek and
// Cyrillic alphabets; Arabic, Hebrew, the CJK scripts and emoji would be
// drawn as empty boxes, so a card that needs them is not drawn at all
// (render leaves the page without a drawn image and the build warns).
// Fonts for those scripts are not embedded: Arabic needs shaping, which
// the rasterizer (golang.org/x/image/font) does not do, Hebrew and
// Arabic need right-to-left ordering, a CJK font is 10 to 20 MB, and
// colour emoji fonts are not drawn by it at all.
func (c Card) Missing() []rune {
	const max = 5
	buf := glyphBufs.Get().(*sfnt.Buffer)
	defer glyphBufs.Put(buf)
	var missing []rune
	check := func(f *opentype.Font, s string) {
		for _, r := range s {
			if len(missing) == max {
				return
			}
			if unicode.IsSpace(r) || slices.Contains(missing, r) {
				continue
			}
			if i, err := f.GlyphIndex(buf, r); err != nil || i == 0 {
				missing = append(missing, r)
			}
		}
	}
	check(bold(), c.Site)
	check(bold(), c.Title)
	check(regular(), c.Line)
	return missing
}

// glyphBufs are the fonts' look-up buffers that Missing uses: a build
// asks it about every page's card, and a new sfnt.Buffer each time was
// 1.7 kB a page.
var glyphBufs = sync.Pool{New: func() any { return new(sfnt.Buffer) }}
