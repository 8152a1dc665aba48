package share

import (
	"image"
	"image/draw"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The two fonts of a card, parsed once. A parsed font is read-only and
// safe to share; the faces made from it are not, so every card makes its
// own.
var (
	bold    = sync.OnceValue(func() *opentype.Font { return mustParse(gobold.TTF) })
	regular = sync.OnceValue(func() *opentype.Font { return mustParse(goregular.TTF) })
)

func mustParse(ttf []byte) *opentype.Font {
	f, err := opentype.Parse(ttf)
	if err != nil {
		panic("share: embedded Go font: " + err.Error()) // the font is part of the binary
	}
	return f
}

// text sets strings in one font at one size.
type text struct {
	face font.Face
	size int
	// The face's glyph advances and kerning pairs, looked up once each:
	// setting a card measures the same few characters thousands of
	// times (the title at each size, every way of balancing its lines),
	// and the font's tables were a fifth of drawing it.
	advances map[rune]fixed.Int26_6
	kerns    map[[2]rune]fixed.Int26_6
}

func newText(f func() *opentype.Font, size int) *text {
	face, err := opentype.NewFace(f(), &opentype.FaceOptions{Size: float64(size), DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic("share: font face: " + err.Error()) // only for a bad size, which the constants rule out
	}
	return &text{face: face, size: size, advances: map[rune]fixed.Int26_6{}, kerns: map[[2]rune]fixed.Int26_6{}}
}

// width measures s, with kerning.
func (t *text) width(s string) int { return t.advance(s).Ceil() }

// advance is font.MeasureString(t.face, s), from the looked-up advances
// and kerning: the same sum of the same values.
func (t *text) advance(s string) fixed.Int26_6 {
	var adv fixed.Int26_6
	prev := rune(-1)
	for _, c := range s {
		if prev >= 0 {
			adv += t.kern(prev, c)
		}
		adv += t.glyphAdvance(c)
		prev = c
	}
	return adv
}

func (t *text) glyphAdvance(c rune) fixed.Int26_6 {
	a, ok := t.advances[c]
	if !ok {
		a, _ = t.face.GlyphAdvance(c)
		t.advances[c] = a
	}
	return a
}

func (t *text) kern(a, b rune) fixed.Int26_6 {
	k, ok := t.kerns[[2]rune{a, b}]
	if !ok {
		k = t.face.Kern(a, b)
		t.kerns[[2]rune{a, b}] = k
	}
	return k
}

// spans measures runs of words joined by single spaces: span(i, j) is
// t.width(strings.Join(words[i:j], " ")), summed from each word's
// advance and the advance and kerning of each space between two words.
func (t *text) spans(words []string) func(i, j int) int {
	adv := make([]fixed.Int26_6, len(words))
	gap := make([]fixed.Int26_6, len(words)) // after word i, before word i+1
	for i, w := range words {
		adv[i] = t.advance(w)
		if i+1 < len(words) {
			last, _ := utf8.DecodeLastRuneInString(w)
			next, _ := utf8.DecodeRuneInString(words[i+1])
			gap[i] = t.kern(last, ' ') + t.glyphAdvance(' ') + t.kern(' ', next)
		}
	}
	return func(i, j int) int {
		var w fixed.Int26_6
		for m := i; m < j; m++ {
			w += adv[m]
			if m+1 < j {
				w += gap[m]
			}
		}
		return w.Ceil()
	}
}

// wrap breaks s into lines no wider than width, at spaces and where s
// has line breaks. It reports false when a single word is wider than
// that.
func (t *text) wrap(s string, width int) ([]string, bool) {
	if strings.Contains(s, "\n") {
		var lines []string
		for _, para := range strings.Split(s, "\n") {
			l, ok := t.wrap(para, width)
			if !ok {
				return nil, false
			}
			lines = append(lines, l...)
		}
		return lines, true
	}
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if t.width(w) > width {
			return nil, false
		}
		if line != "" && t.width(line+" "+w) <= width {
			line += " " + w
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		line = w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines, true
}

// balance breaks s into as many lines as wrap did, but evenly: of all
// the ways to break it into that many lines that fit width, the one whose
// lines differ least in length (the least sum of squared shortfalls),
// rather than greedy lines and one word on the last, as CSS's
// text-wrap: balance does.
func (t *text) balance(s string, width int, lines []string) []string {
	words := strings.Fields(s)
	n, k := len(lines), len(words)
	if n < 2 || k > 60 || strings.Contains(s, "\n") {
		return lines // text broken by hand is set as broken
	}
	const inf = int64(1) << 62
	// best[l][j]: the least cost of setting words[:j] in l lines.
	best := make([][]int64, n+1)
	from := make([][]int, n+1)
	for l := range best {
		best[l] = make([]int64, k+1)
		from[l] = make([]int, k+1)
		for j := range best[l] {
			best[l][j] = inf
		}
	}
	best[0][0] = 0
	span := t.spans(words)
	for l := 1; l <= n; l++ {
		for j := l; j <= k; j++ {
			for i := l - 1; i < j; i++ {
				if best[l-1][i] == inf {
					continue
				}
				w := span(i, j)
				if w > width {
					continue
				}
				short := int64(width - w)
				if c := best[l-1][i] + short*short; c < best[l][j] {
					best[l][j], from[l][j] = c, i
				}
			}
		}
	}
	if best[n][k] == inf {
		return lines
	}
	out := make([]string, n)
	for l, j := n, k; l > 0; l-- {
		i := from[l][j]
		out[l-1] = strings.Join(words[i:j], " ")
		j = i
	}
	return out
}

// breakWords wraps s at spaces and, where one word is wider than width,
// inside that word, with a hyphen at the end of the broken part: for a
// long word at the smallest size.
func (t *text) breakWords(s string, width int) []string {
	if strings.Contains(s, "\n") {
		var lines []string
		for _, para := range strings.Split(s, "\n") {
			lines = append(lines, t.breakWords(para, width)...)
		}
		return lines
	}
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && t.width(line+" "+w) <= width {
			line += " " + w
			continue
		}
		if line != "" {
			lines = append(lines, line)
			line = ""
		}
		for t.width(w) > width {
			n := 1
			for n < len(w) {
				_, size := utf8.DecodeRuneInString(w[n:])
				if t.width(w[:n+size]+"-") > width {
					break
				}
				n += size
			}
			lines = append(lines, w[:n]+"-")
			w = w[n:]
		}
		line = w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// ellipsis ends a text that was cut short.
const ellipsis = "…"

// truncate shortens s to fit width if it does not (see cut).
func (t *text) truncate(s string, width int) string {
	if t.width(s) <= width {
		return s
	}
	return t.cut(s, width)
}

// cut ends s with an ellipsis, after the last whole word that fits width
// with it, or inside a word that is too long alone: for a text that goes
// on beyond what is shown.
func (t *text) cut(s string, width int) string {
	words := strings.Fields(s)
	for n := len(words); n > 0; n-- {
		if cut := strings.Join(words[:n], " ") + ellipsis; t.width(cut) <= width {
			// Not "… secreto de…": a text cut after a short word
			// like "de", "a la" or "of the" reads as broken.
			for n > 1 && utf8.RuneCountInString(strings.TrimRight(words[n-1], ",;:")) <= 3 {
				n--
			}
			return strings.TrimRight(strings.Join(words[:n], " "), ",;:") + ellipsis
		}
	}
	cut := s
	for cut != "" && t.width(cut+ellipsis) > width {
		_, size := utf8.DecodeLastRuneInString(cut)
		cut = cut[:len(cut)-size]
	}
	return cut + ellipsis
}

// wrapAtMost wraps s into at most n lines; the last ends with an
// ellipsis if the text goes on.
func (t *text) wrapAtMost(s string, width, n int) []string {
	lines := t.breakWords(s, width)
	if len(lines) <= n {
		if l, ok := t.wrap(s, width); ok && len(l) == len(lines) {
			return t.balance(s, width, l)
		}
		return lines
	}
	return append(lines[:n-1], t.cut(lines[n-1], width))
}

// fitted is a title set at the largest size at which it fits its box.
type fitted struct {
	text   *text
	lines  []string
	ascent int // from the box's top to the first baseline
	lead   int // from baseline to baseline
}

// fitTitle sets s at the largest size, from maxTitle down, at which its
// lines fit a box of width × height without breaking a word; at the
// smallest size, what does not fit is cut.
func fitTitle(s string, width, height int) fitted {
	for size := maxTitle; size >= minTitle; size -= stepTitle {
		t := newText(bold, size)
		lines, ok := t.wrap(s, width)
		f := newFitted(t, lines)
		if ok && f.height() <= height {
			f.lines = t.balance(s, width, lines)
			return f
		}
	}
	// A word too long for the box at any size: break it, at the largest
	// size at which the broken lines fit.
	for size := maxTitle; size > minTitle; size -= stepTitle {
		t := newText(bold, size)
		if f := newFitted(t, t.breakWords(s, width)); f.height() <= height {
			return f
		}
	}
	t := newText(bold, minTitle)
	f := newFitted(t, t.breakWords(s, width))
	if max := (height-f.ascent)/f.lead + 1; len(f.lines) > max {
		f.lines = append(f.lines[:max-1], t.cut(f.lines[max-1], width))
	}
	return f
}

func newFitted(t *text, lines []string) fitted {
	// Cap height (the top of "H") rather than the font's ascent, which
	// leaves room for accents: the box's top is where capitals start.
	b, _, _ := t.face.GlyphBounds('H')
	return fitted{text: t, lines: lines, ascent: (-b.Min.Y).Ceil(), lead: t.size * 115 / 100}
}

// height is the height of the lines from the box's top to the lowest
// descender.
func (f fitted) height() int {
	if len(f.lines) == 0 {
		return 0
	}
	return f.ascent + (len(f.lines)-1)*f.lead + f.text.face.Metrics().Descent.Ceil()
}

// draw draws lines as a coverage mask, the first baseline at (x, y) and
// each next one lead lower. The mask is the canvas's size; touched is
// the part of it the glyphs were drawn in. mask must be clear: the
// canvas's stamp clears it again.
func (t *text) draw(mask *image.Alpha, lines []string, x, y, lead int) coverage {
	var touched image.Rectangle
	for i, l := range lines {
		// font.Drawer.DrawString, keeping the rectangles it draws in.
		dot := fixed.P(x, y+i*lead)
		prev := rune(-1)
		for _, c := range l {
			if prev >= 0 {
				dot.X += t.face.Kern(prev, c)
			}
			dr, glyph, gp, advance, _ := t.face.Glyph(dot, c)
			if !dr.Empty() {
				over(mask, dr, glyph, gp)
				touched = touched.Union(dr)
			}
			dot.X += advance
			prev = c
		}
	}
	return coverage{mask, touched}
}

// over draws an opaque colour through glyph at gp into the rectangle r
// of mask, as draw.DrawMask(mask, r, image.Opaque, image.Point{}, glyph,
// gp, draw.Over) does, with the same arithmetic on the same 16-bit
// values, but on the pixels themselves: the standard library has no
// fast path for an Alpha destination and went through RGBA64At and
// SetRGBA64 for every pixel, a tenth of drawing a card.
func over(mask *image.Alpha, r image.Rectangle, glyph image.Image, gp image.Point) {
	g, ok := glyph.(*image.Alpha)
	if !ok {
		draw.DrawMask(mask, r, image.Opaque, image.Point{}, glyph, gp, draw.Over)
		return
	}
	// Clip as DrawMask does: to the destination, and to the glyph's
	// mask placed at r.Min.
	clipped := r.Intersect(mask.Bounds()).Intersect(g.Bounds().Add(r.Min.Sub(gp)))
	gp = gp.Add(clipped.Min.Sub(r.Min))
	const m = 0xffff
	for y := 0; y < clipped.Dy(); y++ {
		dst := mask.Pix[mask.PixOffset(clipped.Min.X, clipped.Min.Y+y):][:clipped.Dx()]
		src := g.Pix[g.PixOffset(gp.X, gp.Y+y):][:clipped.Dx()]
		for x, a := range src {
			if a == 0 {
				continue
			}
			ma := uint32(a) * 0x101
			da := uint32(dst[x]) * 0x101
			dst[x] = uint8(uint16((da*(m-ma)+m*ma)/m) >> 8)
		}
	}
}

// coverage is a mask of drawn text, and the part of it drawn in:
// everything outside touched is zero, so that stamping the mask need
// not read all of it.
type coverage struct {
	mask    *image.Alpha
	touched image.Rectangle
}
