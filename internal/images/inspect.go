// Package images publishes the pictures of a site's pages: image files
// beside a page's Markdown under content/ (with per-language variants at
// the same path in another language's folder) and images in assets/. It
// checks each file is what its name says and is safe to decode, reads its
// width and height (an SVG's from its viewBox), resizes photographs and
// charts wider than the text column to a few widths, encodes each width
// as WebP beside the original format, and caches what it encoded by
// content hash, so that a rebuild never encodes an unchanged image again.
package images

import (
	"bytes"
	"fmt"
	"image"
	_ "image/gif" // registers GIF for DecodeConfig
	_ "image/jpeg"
	_ "image/png"
	"path"
	"strings"

	_ "github.com/gen2brain/webp" // registers WebP for DecodeConfig

	"cecot/internal/assets"
	"cecot/internal/diag"
	"cecot/internal/metadata"
	"cecot/internal/svg"
)

// Format is an image file format.
type Format string

// The formats a page may show.
const (
	JPEG Format = "jpeg"
	PNG  Format = "png"
	GIF  Format = "gif"
	WebP Format = "webp"
	SVG  Format = "svg"
)

// name is how the format is called in messages.
func (f Format) name() string {
	if f == SVG {
		return "SVG"
	}
	return strings.ToUpper(string(f))
}

// a is the format's name with its article: "a PNG", "an SVG".
func (f Format) a() string {
	if f == SVG {
		return "an SVG"
	}
	return "a " + f.name()
}

// ext is the usual file extension of the format.
func (f Format) ext() string {
	if f == JPEG {
		return ".jpg"
	}
	return "." + string(f)
}

// MediaType is the format's MIME type, from the site's one table.
func (f Format) MediaType() string { return assets.MediaType("." + string(f)) }

// byExt maps a file extension to the format it claims.
var byExt = map[string]Format{
	".jpg": JPEG, ".jpeg": JPEG, ".png": PNG, ".gif": GIF, ".webp": WebP, ".svg": SVG,
}

// MaxPixels is the most pixels an image may have. Decoding needs four
// bytes a pixel, so a small file that claims a huge size (a
// "decompression bomb") could otherwise exhaust memory; it is refused
// from its header, before anything is decoded. 36 million pixels is a
// 6000 × 6000 photograph, larger than any page needs.
const MaxPixels = 36_000_000

// Info is what the header of an image file says.
type Info struct {
	Format        Format
	Width, Height int
}

// inspect reads the header of the image file called name: it checks that
// the contents are the format the name claims, and that the image is not
// too large to decode. An SVG is read whole and must pass svg.Clean. It
// returns the file to publish too: an SVG as svg.Clean rebuilt it,
// another image as it is.
func inspect(name string, data []byte) (Info, []byte, error) {
	claimed, ok := byExt[strings.ToLower(path.Ext(name))]
	if !ok {
		return Info{}, nil, diag.Say("image_ext", "not an image file this site publishes; use .jpg, .png, .gif, .webp or .svg")
	}
	actual := sniff(data)
	if actual == "" {
		return Info{}, nil, diag.Say("image_unknown", fmt.Sprintf("is not %s image (nor any image format this site knows); export it again as %s", claimed.a(), claimed.name()), "Format", claimed.name())
	}
	if actual != claimed {
		base := strings.TrimSuffix(path.Base(name), path.Ext(name))
		return Info{}, nil, diag.Say("image_misnamed", fmt.Sprintf("is named as %s image but is %s image; rename it to %s%s", claimed.a(), actual.a(), base, actual.ext()),
			"Claimed", claimed.name(), "Actual", actual.name(), "Name", base+actual.ext())
	}
	if actual == SVG {
		pic, err := svg.Clean(data)
		if err != nil {
			return Info{}, nil, err
		}
		w, h, err := pic.Size()
		if err != nil {
			return Info{}, nil, err
		}
		return Info{Format: SVG, Width: w, Height: h}, pic.Data, nil
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		// The decoder's words ("png: invalid format: invalid checksum")
		// stay as they are: they name what is broken inside the file.
		return Info{}, nil, diag.Say("image_unreadable", fmt.Sprintf("cannot read this %s image: %v; export it again", actual.name(), err), "Format", actual.name(), "Detail", err.Error())
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return Info{}, nil, diag.Say("image_no_size", fmt.Sprintf("says it is %d × %d pixels; export it again", cfg.Width, cfg.Height), "Width", cfg.Width, "Height", cfg.Height)
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return Info{}, nil, diag.Say("image_huge", fmt.Sprintf("is %d × %d pixels, more than the %d million this site decodes safely; make it smaller (a page needs at most 1440 pixels across)", cfg.Width, cfg.Height, MaxPixels/1_000_000),
			"Width", cfg.Width, "Height", cfg.Height, "Million", MaxPixels/1_000_000)
	}
	info := Info{Format: actual, Width: cfg.Width, Height: cfg.Height}
	if actual == JPEG && metadata.Turned(metadata.Orientation(data)) {
		// Shown turned a quarter: the size a reader sees.
		info.Width, info.Height = info.Height, info.Width
	}
	return info, data, nil
}

// sniff tells a file's format from its first bytes, or "".
func sniff(data []byte) Format {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return PNG
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return JPEG
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return GIF
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return WebP
	case looksLikeXML(data):
		return SVG
	}
	return ""
}

// looksLikeXML reports whether data starts as an SVG document does: with
// "<" after an optional byte order mark and spaces, and an <svg element
// near the start (after any XML declaration, comments and doctype).
func looksLikeXML(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.TrimLeft(data, " \t\r\n")
	return bytes.HasPrefix(data, []byte("<")) && bytes.Contains(data[:min(len(data), 4096)], []byte("<svg"))
}
