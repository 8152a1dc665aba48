package metadata

import (
	"bytes"
	"encoding/binary"
)

// JPEG markers this file names (ITU T.81, table B.1; JFIF; Exif).
const (
	markerSOI   = 0xd8
	markerEOI   = 0xd9
	markerSOS   = 0xda
	markerRST0  = 0xd0
	markerRST7  = 0xd7
	markerAPP0  = 0xe0
	markerAPP1  = 0xe1
	markerAPP2  = 0xe2
	markerAPP14 = 0xee
	markerAPP15 = 0xef
	markerCOM   = 0xfe
)

var (
	jpegSOI    = []byte{0xff, markerSOI}
	jfifID     = []byte("JFIF\x00")
	adobeID    = []byte("Adobe")
	iccID      = []byte("ICC_PROFILE\x00")
	exifHeader = []byte("Exif\x00\x00")
)

// Lengths of the fixed parts of the headers that are kept, up to and
// not including JFIF's thumbnail, and Adobe's whole record.
const (
	jfifFixed = 14 // "JFIF\0", version, units, densities, thumbnail size
	adobeLen  = 12 // "Adobe", version, two flag words, colour transform
)

// JPEG strips a JPEG file of everything but its image: Exif (APP1, with
// its GPS position, camera, names and thumbnail), XMP (APP1), IPTC and
// Photoshop records (APP13), the other application segments (APP3 to
// APP15, and APP2's multi-picture index, whose pictures follow the end of
// the image and are dropped with anything else there), comments (COM),
// and JFIF's thumbnail. Kept are the segments that decode the picture,
// the JFIF header, the Adobe colour-transform record and the ICC profile
// (APP2 ICC_PROFILE). Bytes between segments, which decoders skip, are
// dropped too.
func JPEG(data []byte) ([]byte, error) {
	if !bytes.HasPrefix(data, jpegSOI) {
		return nil, formatErr("JPEG", 0, "no start-of-image marker")
	}
	out := make([]byte, 0, len(data))
	out = append(out, jpegSOI...)
	p := len(jpegSOI)
	for {
		marker, at, ok := nextMarker(data, p)
		if !ok {
			// No end-of-image marker: what decoders make of a
			// truncated file is left to them.
			return out, nil
		}
		p = at + 2
		switch {
		case marker == markerEOI:
			return append(out, 0xff, markerEOI), nil
		case marker >= markerRST0 && marker <= markerRST7, marker == markerSOI:
			continue // markers without a length, stray outside a scan
		}
		if p+2 > len(data) {
			return nil, formatErr("JPEG", at, "segment %#x has no length", marker)
		}
		n := int(binary.BigEndian.Uint16(data[p:]))
		if n < 2 || p+n > len(data) {
			return nil, formatErr("JPEG", at, "segment %#x says it is %d bytes long, and %d remain", marker, n, len(data)-p)
		}
		body := data[p+2 : p+n]
		end := p + n
		if marker == markerSOS {
			// The scan's coded data runs to the next marker other
			// than a restart; it is copied with its header.
			end = scanEnd(data, end)
			out = append(out, data[at:end]...)
			p = end
			continue
		}
		if kept := keptSegment(marker, body); kept != nil {
			out = appendSegment(out, marker, kept)
		}
		p = end
	}
}

// keptSegment returns what to keep of a segment's body (after its length),
// or nil to drop the segment.
func keptSegment(marker byte, body []byte) []byte {
	switch {
	case marker == markerAPP0:
		if bytes.HasPrefix(body, jfifID) && len(body) >= jfifFixed {
			kept := bytes.Clone(body[:jfifFixed])
			kept[12], kept[13] = 0, 0 // no thumbnail
			return kept
		}
		return nil // JFXX thumbnails, AVI1 and the like
	case marker == markerAPP2:
		if bytes.HasPrefix(body, iccID) {
			return body
		}
		return nil // the multi-picture index (MPF), FlashPix
	case marker == markerAPP14:
		if bytes.HasPrefix(body, adobeID) && len(body) >= adobeLen {
			return body[:adobeLen]
		}
		return nil
	case marker >= markerAPP0 && marker <= markerAPP15, marker == markerCOM:
		return nil // Exif, XMP, IPTC, Photoshop, comments, vendors' notes
	}
	return body
}

func appendSegment(out []byte, marker byte, body []byte) []byte {
	out = append(out, 0xff, marker)
	out = binary.BigEndian.AppendUint16(out, uint16(len(body)+2))
	return append(out, body...)
}

// nextMarker finds the next marker at or after p, as decoders do: bytes
// that are not a marker are skipped, and so are fill bytes (0xff) before
// one. It returns the marker and the offset of its last 0xff.
func nextMarker(data []byte, p int) (marker byte, at int, ok bool) {
	for p+1 < len(data) {
		if data[p] != 0xff {
			p++
			continue
		}
		switch m := data[p+1]; m {
		case 0xff:
			p++ // a fill byte
		case 0x00:
			p += 2 // a stuffed 0xff, out of place
		default:
			return m, p, true
		}
	}
	return 0, 0, false
}

// scanEnd returns the offset of the marker that ends the entropy-coded
// data starting at p, or len(data). Inside it, 0xff is followed by 0x00
// (a stuffed byte), by a restart marker, or by more 0xff before a marker.
func scanEnd(data []byte, p int) int {
	for p+1 < len(data) {
		if data[p] != 0xff {
			p++
			continue
		}
		m := data[p+1]
		switch {
		case m == 0x00, m >= markerRST0 && m <= markerRST7:
			p += 2
		case m == 0xff:
			p++
		default:
			return p
		}
	}
	return len(data)
}
