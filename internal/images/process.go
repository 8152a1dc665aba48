package images

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"

	"github.com/gen2brain/webp"
	"golang.org/x/image/draw"

	"cecot/internal/cachefile"
	"cecot/internal/diag"
	"cecot/internal/metadata"
)

// Column is the width in CSS pixels of the text column that pages show
// images in: assets/css/site.css's --measure of 42rem less 1rem of
// padding on each side. Wider JPEG and PNG images are resized.
const Column = 640

// Widths are the widths that wide images are resized to, for screens
// from phones to desktops at one, two and three device pixels a CSS
// pixel. None is wider than the original.
var Widths = []int{480, 960, 1440}

// Sizes tells browsers how wide the text column is at each screen width,
// so that they pick the smallest width that fills it (see Column).
const Sizes = "(min-width: 42rem) 40rem, calc(100vw - 2rem)"

// Encoding settings. They are part of every cache key, so changing them
// encodes every image again.
const (
	jpegQuality     = 80
	webpQuality     = 80 // photographs
	webpQualityPNG  = 90 // charts and drawings keep their lettering sharp
	webpMethod      = 4
	encodingVersion = "4" // 4: sizes carry the source's ICC profile
)

// Size is one width of a resized image.
type Size struct {
	Width, Height int
	WebP          []byte // the image as WebP
	Fallback      []byte // in the original's format, for browsers without WebP
}

// widthsFor returns the widths to make of an image w pixels wide, or
// nil when it fits the column as it is.
func widthsFor(w int) []int {
	if w <= Column {
		return nil
	}
	var ws []int
	for _, x := range Widths {
		if x < w {
			ws = append(ws, x)
		}
	}
	if w <= Widths[len(Widths)-1] {
		ws = append(ws, w) // the original's own width is the largest
	}
	return ws
}

// CacheDir is where cmd/site keeps encoded images, in the project folder:
// beside the share images' .cache/share/, ignored by git, never published.
const CacheDir = ".cache/images"

// Cache keeps encoded images by the hash of their source and settings, in
// a folder outside the published site, so that a build encodes only
// images it has not seen. Deleting the folder is always safe: it is
// filled again by the next build. A Cache with no folder encodes every
// time. A Cache is safe for concurrent use.
type Cache struct {
	dir     string
	encoded atomic.Int64
	decoded atomic.Int64
	// pixels admits decodes, so that peak memory does not grow with
	// the number of cores (see budget.go).
	pixels *budget
}

// NewCache returns a cache in the folder dir, created when first needed;
// "" keeps nothing. It removes the temporary files that a build killed
// while writing an entry left in dir (see package cachefile).
func NewCache(dir string) *Cache {
	if dir != "" {
		cachefile.Sweep(dir)
	}
	return &Cache{dir: dir, pixels: newBudget(MaxPixels)}
}

// admit waits until an image of info's size may be decoded; the caller
// calls the function it returns when it no longer holds the decoded
// pixels.
func (c *Cache) admit(info Info) (done func()) {
	n := c.pixels.acquire(int64(info.Width) * int64(info.Height))
	return func() { c.pixels.release(n) }
}

// Encoded is how many images the cache had to encode (each width and
// format counts once).
func (c *Cache) Encoded() int64 { return c.encoded.Load() }

// Decoded is how many source images were decoded in full.
func (c *Cache) Decoded() int64 { return c.decoded.Load() }

// SystemWebP reports whether WebP files are encoded by the system's
// libwebp rather than the copy built into the program. The WebP library
// loads the system's when it finds its development files (libwebp.so,
// Homebrew's libwebp.dylib), and another version of libwebp encodes
// other bytes; the release binaries are built with the tag nodynamic,
// so that every machine encodes with the built-in copy and the same
// site gives the same public/ everywhere. "site version" says which.
func SystemWebP() bool { return webp.Dynamic() == nil }

// encoder names the WebP encoder in cache keys, so that a cache filled
// by one encoder is never served by a program using the other.
var encoder = map[bool]string{false: "builtin", true: "system"}[SystemWebP()]

// key names a cache entry: what was made (kind) of which source.
func key(srcHash, kind string) string {
	sum := sha256.Sum256([]byte(encodingVersion + "\x00" + encoder + "\x00" + srcHash + "\x00" + kind))
	return hex.EncodeToString(sum[:20])
}

func (c *Cache) file(k, ext string) string {
	return filepath.Join(c.dir, k[:2], k+ext)
}

func (c *Cache) get(k, ext string) ([]byte, bool) {
	if c == nil || c.dir == "" {
		return nil, false
	}
	data, err := os.ReadFile(c.file(k, ext))
	return data, err == nil
}

// put stores an entry, through a temporary file (see package
// cachefile), so that two builds at once, or a build killed halfway,
// never leave a partial entry; a cache that cannot be written only costs
// time.
func (c *Cache) put(k, ext string, data []byte) {
	if c == nil || c.dir == "" {
		return
	}
	_ = cachefile.Write(c.dir, c.file(k, ext), data)
}

// sourceHash identifies a source file's contents.
func sourceHash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// metadataError says why an image's metadata could not be removed.
// Where the file's structure is broken, the catalogue says so with the
// format and the byte; the reason itself stays in English: it names
// the file's inner parts (a segment, a chunk), which have no other
// words.
func metadataError(err error) error {
	english := "cannot remove its metadata: " + err.Error()
	var fe *metadata.FormatError
	if errors.As(err, &fe) {
		return diag.Say("image_metadata_format", english, "Format", fe.Format, "Offset", fe.Offset, "Reason", fe.Reason)
	}
	return diag.Say("image_metadata", english, "Err", err)
}

// clean returns a raster image's file as it is published without being
// resized: without its metadata (see package metadata), unless keep says
// to publish it as it is. A JPEG that metadata.Clean must turn upright,
// and so encode again, is cached; process, which decodes it anyway, puts
// it there, so that it is decoded once. Stripping alone is a copy.
func (c *Cache) clean(data []byte, info Info, keep bool) ([]byte, error) {
	if info.Format == SVG || keep {
		return data, nil
	}
	if metadata.Orientation(data) == 1 {
		out, err := metadata.Strip(data)
		if err != nil {
			return nil, metadataError(err)
		}
		return out, nil
	}
	k := key(sourceHash(data), "upright")
	if out, ok := c.get(k, info.Format.ext()); ok {
		return out, nil
	}
	c.encoded.Add(1)
	defer c.admit(info)()
	out, err := metadata.Clean(data)
	if err != nil {
		return nil, metadataError(err)
	}
	c.put(k, info.Format.ext(), out)
	return out, nil
}

// process checks that a raster image decodes and, when it is a JPEG or
// PNG wider than the column, makes its sizes. Results come from the cache
// when it has them; then the image is not even decoded, because it
// decoded when they were made. A size of the original's own width is the
// source file itself: the caller replaces it with its cleaned copy.
func (c *Cache) process(data []byte, info Info) ([]Size, error) {
	if info.Format == SVG {
		return nil, nil
	}
	h := sourceHash(data)
	var ws []int
	if info.Format == JPEG || info.Format == PNG {
		ws = widthsFor(info.Width)
	}
	sizes := make([]Size, len(ws))
	complete := true
	for i, w := range ws {
		sizes[i] = Size{Width: w, Height: heightAt(info, w)}
		var ok bool
		if sizes[i].WebP, ok = c.get(key(h, "webp-"+strconv.Itoa(w)), ".webp"); !ok {
			complete = false
		}
		if w == info.Width {
			sizes[i].Fallback = data
		} else if sizes[i].Fallback, ok = c.get(key(h, "fallback-"+strconv.Itoa(w)), info.Format.ext()); !ok {
			complete = false
		}
	}
	okKey := key(h, "decodes")
	if _, ok := c.get(okKey, ".ok"); ok && complete {
		return sizes, nil
	}
	// Decoded once for every width, within the pixel budget until the
	// last width is encoded.
	defer c.admit(info)()
	img, err := c.decode(data, info)
	if err != nil {
		return nil, err
	}
	c.put(okKey, ".ok", nil)
	o := 1
	if info.Format == JPEG {
		o = metadata.Orientation(data)
	}
	if len(ws) == 0 && o == 1 {
		return nil, nil
	}
	src := metadata.Orient(toRGBA(img), o)
	if o != 1 {
		// The file turned upright, which clean publishes in place of
		// the original: made here, from the pixels decoded for the
		// widths, it is the same as metadata.Clean would make.
		c.encoded.Add(1)
		upright, err := metadata.EncodeJPEG(src, metadata.UprightQuality, data)
		if err != nil {
			return nil, err
		}
		c.put(key(h, "upright"), JPEG.ext(), upright)
	}
	if len(ws) == 0 {
		return nil, nil
	}
	// The decoded pixels are in the source's colour profile: each size
	// carries it, or browsers would show a wide-gamut photograph's
	// colours as sRGB's, dull and shifted.
	profile, _ := metadata.ICC(data)
	halves := []*image.RGBA{src}
	for i, w := range ws {
		s := &sizes[i]
		if s.WebP != nil && s.Fallback != nil {
			continue
		}
		scaled := src
		if w != info.Width {
			from := halvedFor(&halves, w)
			scaled = image.NewRGBA(image.Rect(0, 0, w, s.Height))
			// Catmull-Rom: sharp, without the ringing of Lanczos, and
			// the best kernel x/image/draw has for photographs.
			draw.CatmullRom.Scale(scaled, scaled.Bounds(), from, from.Bounds(), draw.Src, nil)
		}
		if s.WebP == nil {
			if s.WebP, err = c.encode(scaled, WebP, info.Format, profile); err != nil {
				return nil, err
			}
			c.put(key(h, "webp-"+strconv.Itoa(w)), ".webp", s.WebP)
		}
		if s.Fallback == nil {
			if s.Fallback, err = c.encode(scaled, info.Format, info.Format, profile); err != nil {
				return nil, err
			}
			c.put(key(h, "fallback-"+strconv.Itoa(w)), info.Format.ext(), s.Fallback)
		}
	}
	return sizes, nil
}

// halvedFor returns the smallest image of halves, each half the size of
// the one before it, that is at least w pixels wide, halving the last
// one while it is twice that. Catmull-Rom from a 6000-pixel photograph to
// 1440 needs a buffer of 1440 × 4000 × 32 bytes (184 MB) and reads every
// source pixel for each width; from the 1500-pixel half of a half, which
// averaging makes in one pass, the buffer is a sixteenth and the work
// too, and the picture is the same to the eye: a box average over whole
// pixels, as libvips's shrink does before its own kernel.
func halvedFor(halves *[]*image.RGBA, w int) *image.RGBA {
	for last := (*halves)[len(*halves)-1]; last.Bounds().Dx()/2 >= w && last.Bounds().Dy()/2 >= 1; last = (*halves)[len(*halves)-1] {
		*halves = append(*halves, halve(last))
	}
	for i := len(*halves) - 1; i > 0; i-- {
		if (*halves)[i].Bounds().Dx() >= w {
			return (*halves)[i]
		}
	}
	return (*halves)[0]
}

// halve returns img at half its width and height, each pixel the mean of
// four (an odd last row or column is left out).
func halve(img *image.RGBA) *image.RGBA {
	w, h := img.Bounds().Dx()/2, img.Bounds().Dy()/2
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		top := img.Pix[img.PixOffset(img.Rect.Min.X, img.Rect.Min.Y+2*y):]
		bottom := img.Pix[img.PixOffset(img.Rect.Min.X, img.Rect.Min.Y+2*y+1):]
		row := dst.Pix[y*dst.Stride : y*dst.Stride+4*w]
		for x := range w {
			for c := range 4 {
				i := 8*x + c
				sum := int(top[i]) + int(top[i+4]) + int(bottom[i]) + int(bottom[i+4])
				row[4*x+c] = uint8((sum + 2) >> 2)
			}
		}
	}
	return dst
}

// heightAt is the height of the image scaled to width w.
func heightAt(info Info, w int) int {
	return max(1, int(math.Round(float64(info.Height)*float64(w)/float64(info.Width))))
}

// decode decodes the whole image, which proves that it is not truncated
// or corrupt beyond its header.
func (c *Cache) decode(data []byte, info Info) (image.Image, error) {
	c.decoded.Add(1)
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		// The decoder's words stay as they are, as in inspect.
		return nil, diag.Say("image_undecodable", fmt.Sprintf("does not decode as a %s image: %v; export it again", info.Format.name(), err), "Format", info.Format.name(), "Detail", err.Error())
	}
	w, h := info.Width, info.Height
	if info.Format == JPEG && metadata.Turned(metadata.Orientation(data)) {
		w, h = h, w // inspect gave the size as shown
	}
	if b := img.Bounds(); b.Dx() != w || b.Dy() != h {
		return nil, diag.Say("image_size_mismatch", "decodes to another size than its header says; export it again")
	}
	return img, nil
}

// toRGBA converts an image to RGBA once, so that every width scales from
// the fast path of x/image/draw.
func toRGBA(img image.Image) *image.RGBA {
	if r, ok := img.(*image.RGBA); ok && r.Bounds().Min == (image.Point{}) {
		return r
	}
	b := img.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Bounds(), img, b.Min, draw.Src)
	return dst
}

// encode encodes img as format, carrying the ICC profile if there is
// one; orig is the source's format, which picks the WebP quality.
func (c *Cache) encode(img image.Image, format, orig Format, profile []byte) ([]byte, error) {
	c.encoded.Add(1)
	var buf bytes.Buffer
	var err error
	switch format {
	case WebP:
		q := webpQuality
		if orig == PNG {
			q = webpQualityPNG
		}
		err = webp.Encode(&buf, img, webp.Options{Quality: q, Method: webpMethod})
	case JPEG:
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: jpegQuality})
	case PNG:
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		err = enc.Encode(&buf, img)
	default:
		err = fmt.Errorf("cannot encode %s", format.name())
	}
	if err != nil {
		return nil, fmt.Errorf("encoding as %s: %v", format.name(), err)
	}
	out, err := metadata.EmbedICC(buf.Bytes(), profile)
	if err != nil {
		return nil, fmt.Errorf("encoding as %s: %v", format.name(), err)
	}
	return out, nil
}
