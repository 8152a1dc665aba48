// Package metadata removes from image files what they say about
// themselves beyond their pixels: where and when a photograph was taken,
// by whom, with which camera, and any comment or thumbnail (Exif, XMP,
// IPTC and Photoshop records, JPEG comments, PNG text and eXIf chunks,
// WebP EXIF and XMP chunks, GIF comments and application data other than
// looping and colour profiles). On a site that publishes testimony, a
// photograph's GPS position or its photographer's name is exactly what
// must never leak.
//
// Stripping is lossless: whole segments and chunks are dropped and the
// rest is copied byte for byte, so the file decodes to the same pixels.
// Kept are what a decoder needs to show those pixels as they were meant
// to look: the colour profile (JPEG APP2 ICC_PROFILE, PNG iCCP, WebP
// ICCP, GIF ICCRGBG1), transparency, gamma and colour-space chunks, the
// JFIF and Adobe headers (without JFIF's thumbnail) and animation. The
// lists are allow-lists: a segment or chunk not named here is dropped.
//
// One piece of Exif changes what a reader sees: a JPEG's orientation,
// which tells browsers to turn a photograph from a phone. Clean keeps
// such an image upright by turning its pixels and encoding it again
// (the only case that is not lossless); Orientation and Orient let a
// caller that resizes do the same. A resized copy is encoded from
// decoded pixels, which are in the source's colour profile: ICC reads
// that profile and EmbedICC puts it into the copy.
//
// The parsers read files a contributor gave, so they trust no length:
// every size is checked against what remains, and a malformed file is an
// error (a *FormatError saying where), never a panic.
package metadata

import (
	"bytes"
	"fmt"
)

// FormatError says why a file could not be stripped: its format and the
// byte offset where it stops making sense. Callers add the file's name.
type FormatError struct {
	Format string // "JPEG", "PNG", "WebP", "GIF"
	Offset int
	Reason string
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("%s: %s at byte %d; export the image again", e.Format, e.Reason, e.Offset)
}

func formatErr(format string, offset int, reason string, args ...any) error {
	return &FormatError{Format: format, Offset: offset, Reason: fmt.Sprintf(reason, args...)}
}

// Strip returns data, an image file, without its metadata, losslessly.
// The format is told from the first bytes; data that is none of JPEG,
// PNG, WebP or GIF (an SVG, say) is returned as it is. The result never
// shares memory with data.
func Strip(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, jpegSOI):
		return JPEG(data)
	case bytes.HasPrefix(data, pngSignature):
		return PNG(data)
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return WebP(data)
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return GIF(data)
	}
	return bytes.Clone(data), nil
}
