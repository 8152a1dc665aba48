package metadata

import (
	"encoding/binary"
)

// webpKept are the chunks a WebP file keeps: its header (VP8X), colour
// profile, animation, alpha and image data. Dropped are EXIF, XMP and
// every chunk not listed.
var webpKept = map[string]bool{
	"VP8X": true, "ICCP": true, "ANIM": true, "ANMF": true,
	"ALPH": true, "VP8 ": true, "VP8L": true,
}

// VP8X flags of the chunks this package drops (WebP container
// specification, "Extended File Format").
const (
	vp8xEXIF = 0x08
	vp8xXMP  = 0x04
)

// WebP strips a WebP file of its EXIF and XMP chunks, of chunks the
// format does not define and of bytes after the RIFF container, and
// clears the header's flags that announced the metadata, so that the
// file stays valid.
func WebP(data []byte) ([]byte, error) {
	if len(data) < 12 || string(data[:4]) != "RIFF" || string(data[8:12]) != "WEBP" {
		return nil, formatErr("WebP", 0, "no RIFF WEBP header")
	}
	// What follows the container is not the image. A container that
	// says it is longer than the file ends with the file, as Go's
	// decoder reads it; the size written is the true one.
	if size := binary.LittleEndian.Uint32(data[4:]); size >= 4 && size < uint32(len(data)-8) {
		data = data[:8+size]
	}
	out := make([]byte, 12, len(data))
	copy(out, data[:12])
	p := 12
	for p < len(data) {
		if len(data)-p < 8 {
			break // a few stray bytes, which decoders ignore
		}
		n := binary.LittleEndian.Uint32(data[p+4:])
		padded := uint64(n) + uint64(n&1)
		id := string(data[p : p+4])
		if uint64(n) > uint64(len(data)-p-8) {
			if !webpKept[id] {
				break // a chunk decoders skip, cut short: dropped
			}
			return nil, formatErr("WebP", p, "a chunk says it is %d bytes long, and %d remain", n, len(data)-p-8)
		}
		end := p + 8 + int(min(padded, uint64(len(data)-p-8))) // a last odd chunk may lack its padding
		if webpKept[id] {
			start := len(out)
			out = append(out, data[p:end]...)
			if id == "VP8X" && n >= 1 {
				out[start+8] &^= vp8xEXIF | vp8xXMP
			}
		}
		p = end
	}
	binary.LittleEndian.PutUint32(out[4:], uint32(len(out)-8))
	return out, nil
}
