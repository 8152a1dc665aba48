// Package share draws the images that messaging apps and social sites
// show beside a shared link: one PNG of 1200×630 pixels per page and
// language, in the site's colours, with the page's title wrapped and
// sized to fit, the site's name and one short line from the page.
//
// The text is set in the Go fonts (golang.org/x/image/font/gofont, BSD
// licensed, embedded in the binary, with the whole Latin range that
// Spanish needs: á é í ó ú ü ñ ¿ ¡ « », and Greek and Cyrillic). A card
// with characters they lack is not drawn (Card.Missing says which), rather
// than drawn with empty boxes. Drawing is deterministic, so a
// card's bytes depend only on its inputs: Key hashes them, names the
// published file and keys the cache of drawn images (see Cache).
package share

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
)

// The size of every card, as Open Graph and large Twitter cards want it.
const (
	Width     = 1200
	Height    = 630
	MediaType = "image/png"
)

// design versions the layout below: change it whenever a change to this
// package changes what a card looks like, so that cached images of the
// old design are not served for the new one.
const design = "6"

// Card is what one share image shows.
type Card struct {
	Site   string // the site's name in the page's language
	Title  string // the page's title; a line break in it is kept
	Line   string // one short line from the page: its summary or description
	Colors Colors
}

// Key returns a hash of everything that decides the card's pixels: its
// text, its colours, the design and the version of the font and drawing
// code. Two cards with the same key are byte-identical.
func (c Card) Key() string {
	h := sha256.New()
	for _, s := range []string{design, xImageVersion(), c.Site, c.Title, c.Line, c.Colors.String()} {
		fmt.Fprintf(h, "%d:%s\n", len(s), s)
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// xImageVersion is the version of golang.org/x/image that the binary was
// built with, which draws the glyphs: a new version may draw them a
// little differently.
var xImageVersion = sync.OnceValue(func() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, m := range info.Deps {
		if m.Path == "golang.org/x/image" {
			if m.Replace != nil {
				m = m.Replace
			}
			return m.Version
		}
	}
	return ""
})

// Draw draws the card as a PNG.
func (c Card) Draw() ([]byte, error) {
	px := pixelPool.Get().(*pixels)
	img, err := c.paint(px)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression, BufferPool: encoders}
	// The *image.Paletted itself, not the canvas around it: the encoder
	// copies the rows of that type, and asks any other for each pixel's
	// index through an interface. The bytes are the same.
	if err := enc.Encode(&buf, img.Paletted); err != nil {
		return nil, fmt.Errorf("share image %q: %w", c.Title, err)
	}
	pixelPool.Put(px) // only after a whole card: then the mask is clear
	return buf.Bytes(), nil
}

// encoders keeps the PNG encoder's buffers and compressor between cards:
// a new compressor's tables were several per cent of drawing one. The
// bytes written do not depend on them.
var encoders = &encoderPool{}

type encoderPool struct{ pool sync.Pool }

func (p *encoderPool) Get() *png.EncoderBuffer {
	b, _ := p.pool.Get().(*png.EncoderBuffer)
	return b
}

func (p *encoderPool) Put(b *png.EncoderBuffer) { p.pool.Put(b) }

// pixels are the two pixel buffers of drawing a card: the canvas and the
// coverage mask of its texts, 756,000 bytes each. They are kept between
// cards: new ones came zeroed from the system page by page and were most
// of what drawing a card allocates, so that a build drawing every card
// collected garbage for them.
type pixels struct {
	canvas, mask []uint8
}

var pixelPool = sync.Pool{New: func() any {
	return &pixels{canvas: make([]uint8, Width*Height), mask: make([]uint8, Width*Height)}
}}

// levels is how many shades of each colour over the background the
// anti-aliased text is drawn in. Sixteen look smooth at these sizes and
// keep the palette, and so the file, small.
const levels = 15

// canvas is a paletted image: the background, then levels shades of
// each ink over it, from faint to full.
type canvas struct {
	*image.Paletted
	inks int
}

// newCanvas returns a canvas of the background colour bg on pix, which
// must hold Width×Height pixels.
func newCanvas(pix []uint8, bg color.RGBA, inks ...color.RGBA) *canvas {
	pal := color.Palette{bg}
	for _, ink := range inks {
		for k := 1; k <= levels; k++ {
			pal = append(pal, blend(bg, ink, k, levels))
		}
	}
	clear(pix) // the background is the palette's first colour
	img := &image.Paletted{Pix: pix, Stride: Width, Rect: image.Rect(0, 0, Width, Height), Palette: pal}
	return &canvas{Paletted: img, inks: len(inks)}
}

// blend mixes k/n of ink into bg.
func blend(bg, ink color.RGBA, k, n int) color.RGBA {
	mix := func(a, b uint8) uint8 { return uint8((int(a)*(n-k) + int(b)*k + n/2) / n) }
	return color.RGBA{mix(bg.R, ink.R), mix(bg.G, ink.G), mix(bg.B, ink.B), 255}
}

// stamp sets every pixel that cov's mask covers to the shade of ink i
// that matches the mask's coverage there, and clears the mask, so that
// one mask serves all the texts of a card.
func (c *canvas) stamp(cov coverage, ink int) {
	// Row by row on the pixels themselves: SetColorIndex per pixel
	// checked bounds and computed offsets for the 756,000 pixels of each
	// of a card's three masks, a fifth of drawing a card.
	mask := cov.mask
	r := cov.touched.Intersect(mask.Bounds()).Intersect(c.Rect)
	first := 1 + ink*levels - 1 // the shade of coverage k is first + k
	for y := r.Min.Y; y < r.Max.Y; y++ {
		src := mask.Pix[mask.PixOffset(r.Min.X, y):][:r.Dx()]
		dst := c.Pix[c.PixOffset(r.Min.X, y):][:r.Dx()]
		for x, a := range src {
			if k := (int(a)*levels + 127) / 255; k != 0 {
				dst[x] = uint8(first + k)
			}
			src[x] = 0 // the mask is clear for the next text
		}
	}
}

// fill sets a rectangle to ink i at full strength.
func (c *canvas) fill(r image.Rectangle, ink int) {
	r = r.Intersect(c.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := c.Pix[c.PixOffset(r.Min.X, y):][:r.Dx()]
		for x := range row {
			row[x] = uint8(1 + ink*levels + levels - 1)
		}
	}
}

// The inks of a card, by their index in the canvas.
const (
	inkTitle = iota
	inkText
	inkRule
)

// The layout, in pixels.
const (
	margin    = 80 // left and right
	ruleH     = 14 // the coloured band along the top edge
	siteBase  = 112
	siteSize  = 36
	titleTop  = 158 // top of the title's box
	titleBot  = 470 // bottom of the title's box
	lineSize  = 30
	lineLead  = 40 // distance between the short line's baselines
	lineBase  = 560
	lineGap   = 40 // at least, between the title and the short line
	maxLine   = 3  // lines of the short line
	maxTitle  = 84 // largest title size
	minTitle  = 40 // smallest title size
	stepTitle = 2
)

// paint draws the card on px's buffers. It leaves px.mask clear, as
// the next card needs it.
func (c Card) paint(px *pixels) (*canvas, error) {
	col := c.Colors.withDefaults()
	cv := newCanvas(px.canvas, col.Background, col.Title, col.Text, col.Rule)
	cv.fill(image.Rect(0, 0, Width, ruleH), inkRule)
	width := Width - 2*margin

	site := newText(bold, siteSize)
	siteLine := site.truncate(oneLine(c.Site), width)
	// Every stamp clears what the text before it drew, so the mask
	// is as clear after the card as before.
	mask := &image.Alpha{Pix: px.mask, Stride: Width, Rect: cv.Rect}
	cv.stamp(site.draw(mask, []string{siteLine}, margin, siteBase, 0), inkText)

	// The short line sits at the bottom, its last line on lineBase; the
	// title has the room between the site's name and it.
	line := newText(regular, lineSize)
	lines := line.wrapAtMost(oneLine(c.Line), width, maxLine)
	first := lineBase - (len(lines)-1)*lineLead
	cv.stamp(line.draw(mask, lines, margin, first, lineLead), inkText)

	bottom := min(titleBot, first-lineSize-lineGap)
	title := fitTitle(oneLine(c.Title), width, bottom-titleTop)
	cv.stamp(title.text.draw(mask, title.lines, margin, titleTop+title.ascent, title.lead), inkTitle)
	return cv, nil
}

// apostrophe is a typewriter apostrophe after a letter ("site's"), which
// the card sets as the typographer's (’), as the pages' Markdown does.
// It is compiled when first used, not at every start of the program.
var apostrophe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(\pL)'`) })

// oneLine collapses runs of white space within each line of s, and keeps
// the line breaks between lines that have text: a card's text breaks
// where the caller breaks it, and elsewhere where it must.
func oneLine(s string) string {
	s = apostrophe().ReplaceAllString(s, "$1’")
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}
