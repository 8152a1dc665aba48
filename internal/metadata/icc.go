package metadata

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"sort"
)

// maxICC bounds the colour profiles read and written: a JPEG holds at
// most 255 APP2 segments of iccChunk bytes, and real profiles are a few
// kilobytes. It also stops a small zlib stream in a PNG from expanding
// into gigabytes.
const maxICC = 255 * iccChunk

// iccChunk is the most profile bytes one JPEG APP2 segment holds: 65535
// less the length field (2), "ICC_PROFILE\0" (12) and the segment's
// number and count (2).
const iccChunk = 65535 - 2 - 12 - 2

// ICC returns the ICC colour profile of a JPEG, PNG or WebP file, and
// whether it has one. A JPEG's profile may span several APP2 segments,
// which are joined in the order their numbers say; a PNG's is inflated.
// A profile that cannot be read whole counts as none.
func ICC(data []byte) ([]byte, bool) {
	var profile []byte
	switch {
	case bytes.HasPrefix(data, jpegSOI):
		profile = jpegICC(data)
	case bytes.HasPrefix(data, pngSignature):
		profile = pngICC(data)
	case isWebP(data):
		profile = webpICC(data)
	}
	return profile, len(profile) > 0
}

func isWebP(data []byte) bool {
	return len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP"
}

func jpegICC(data []byte) []byte {
	type part struct {
		seq  byte
		body []byte
	}
	var parts []part
	segs := ICCSegments(data)
	for p := 0; p+4 <= len(segs); {
		n := int(binary.BigEndian.Uint16(segs[p+2:]))
		body := segs[p+4 : p+2+n]
		p += 2 + n
		if len(body) < len(iccID)+2 {
			return nil
		}
		parts = append(parts, part{body[len(iccID)], body[len(iccID)+2:]})
	}
	sort.SliceStable(parts, func(i, j int) bool { return parts[i].seq < parts[j].seq })
	var out []byte
	for _, p := range parts {
		out = append(out, p.body...)
	}
	return out
}

func pngICC(data []byte) []byte {
	for p := len(pngSignature); p+12 <= len(data); {
		n := binary.BigEndian.Uint32(data[p:])
		if n > uint32(len(data)-p-12) {
			return nil
		}
		body := data[p+8 : p+8+int(n)]
		switch string(data[p+4 : p+8]) {
		case "iCCP":
			name := bytes.IndexByte(body, 0)
			if name < 0 || name+2 > len(body) || body[name+1] != 0 {
				return nil
			}
			r, err := zlib.NewReader(bytes.NewReader(body[name+2:]))
			if err != nil {
				return nil
			}
			profile, err := io.ReadAll(io.LimitReader(r, maxICC+1))
			if err != nil || len(profile) > maxICC {
				return nil
			}
			return profile
		case "IDAT", "IEND":
			return nil // iCCP must come before the image data
		}
		p += 12 + int(n)
	}
	return nil
}

func webpICC(data []byte) []byte {
	for p := 12; p+8 <= len(data); {
		n := binary.LittleEndian.Uint32(data[p+4:])
		if uint64(n) > uint64(len(data)-p-8) {
			return nil
		}
		if string(data[p:p+4]) == "ICCP" {
			return bytes.Clone(data[p+8 : p+8+int(n)])
		}
		p += 8 + int(n) + int(n&1)
	}
	return nil
}

// EmbedICC returns data, a JPEG, PNG or WebP file as an encoder wrote
// it, carrying profile: pixels decoded from a file with a profile are in
// that profile's colours, and a copy encoded from them without it would
// be shown in sRGB's, so a wide-gamut photograph would lose its colours.
// An empty profile returns data unchanged; so does a format without
// profiles. The output depends on nothing but the inputs.
func EmbedICC(data, profile []byte) ([]byte, error) {
	if len(profile) == 0 {
		return data, nil
	}
	if len(profile) > maxICC {
		return nil, errors.New("ICC profile: too large to embed")
	}
	switch {
	case bytes.HasPrefix(data, jpegSOI):
		return embedJPEG(data, profile), nil
	case bytes.HasPrefix(data, pngSignature):
		return embedPNG(data, profile)
	case isWebP(data):
		return embedWebP(data, profile)
	}
	return data, nil
}

// embedJPEG puts the profile in APP2 segments right after the SOI, as
// ICC.1 Annex B says: numbered from 1, each with the count.
func embedJPEG(data, profile []byte) []byte {
	count := (len(profile) + iccChunk - 1) / iccChunk
	out := make([]byte, 0, len(data)+len(profile)+count*18)
	out = append(out, jpegSOI...)
	for i := range count {
		chunk := profile[i*iccChunk : min((i+1)*iccChunk, len(profile))]
		body := append(append(bytes.Clone(iccID), byte(i+1), byte(count)), chunk...)
		out = appendSegment(out, markerAPP2, body)
	}
	return append(out, data[len(jpegSOI):]...)
}

// embedPNG puts an iCCP chunk right after IHDR, which the PNG
// specification requires to come first, and before PLTE and IDAT.
func embedPNG(data, profile []byte) ([]byte, error) {
	ihdr := len(pngSignature)
	if len(data) < ihdr+12 || string(data[ihdr+4:ihdr+8]) != "IHDR" {
		return nil, formatErr("PNG", ihdr, "no IHDR chunk first")
	}
	end := ihdr + 12 + int(binary.BigEndian.Uint32(data[ihdr:]))
	if end > len(data) {
		return nil, formatErr("PNG", ihdr, "the IHDR chunk is cut short")
	}
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	w.Write(profile)
	if err := w.Close(); err != nil {
		return nil, err
	}
	body := append([]byte("ICC profile\x00\x00"), z.Bytes()...)
	out := make([]byte, 0, len(data)+len(body)+12)
	out = append(out, data[:end]...)
	out = appendPNGChunk(out, "iCCP", body)
	return append(out, data[end:]...), nil
}

func appendPNGChunk(out []byte, typ string, body []byte) []byte {
	out = binary.BigEndian.AppendUint32(out, uint32(len(body)))
	start := len(out)
	out = append(out, typ...)
	out = append(out, body...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[start:]))
}

// WebP VP8X flags (WebP container specification, "Extended File Format").
const (
	vp8xICC   = 0x20
	vp8xAlpha = 0x10
)

// embedWebP puts an ICCP chunk after the VP8X header, making a simple
// file (one VP8 or VP8L chunk) an extended one: a VP8X header names the
// canvas size and announces the profile, and alpha when the image has it.
func embedWebP(data, profile []byte) ([]byte, error) {
	if len(data) < 20 {
		return nil, formatErr("WebP", 12, "no chunk after the header")
	}
	id := string(data[12:16])
	var head []byte // the VP8X chunk, flags set
	rest := data[12:]
	switch id {
	case "VP8X":
		if len(data) < 30 {
			return nil, formatErr("WebP", 12, "the VP8X chunk is cut short")
		}
		if webpICC(data) != nil {
			return data, nil // the encoder wrote a profile of its own
		}
		head = bytes.Clone(data[12:30])
		head[8] |= vp8xICC
		rest = data[30:]
	case "VP8 ", "VP8L":
		w, h, alpha, err := webpSize(data)
		if err != nil {
			return nil, err
		}
		flags := byte(vp8xICC)
		if alpha {
			flags |= vp8xAlpha
		}
		head = append([]byte("VP8X"), 10, 0, 0, 0, flags, 0, 0, 0)
		head = appendUint24(head, w-1)
		head = appendUint24(head, h-1)
	default:
		return nil, formatErr("WebP", 12, "unknown first chunk %q", id)
	}
	out := make([]byte, 12, len(data)+len(head)+len(profile)+9)
	copy(out, "RIFF\x00\x00\x00\x00WEBP")
	out = append(out, head...)
	out = append(out, "ICCP"...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(profile)))
	out = append(out, profile...)
	if len(profile)&1 == 1 {
		out = append(out, 0)
	}
	out = append(out, rest...)
	binary.LittleEndian.PutUint32(out[4:], uint32(len(out)-8))
	return out, nil
}

func appendUint24(b []byte, v int) []byte {
	return append(b, byte(v), byte(v>>8), byte(v>>16))
}

// webpSize reads the size of a simple WebP file's image from its VP8
// frame header or VP8L header, and whether a VP8L image says it uses
// alpha (a lossy simple file has none).
func webpSize(data []byte) (w, h int, alpha bool, err error) {
	body := data[20:]
	switch string(data[12:16]) {
	case "VP8 ":
		if len(body) < 10 || !bytes.Equal(body[3:6], []byte{0x9d, 0x01, 0x2a}) {
			return 0, 0, false, formatErr("WebP", 20, "no VP8 frame header")
		}
		w = int(binary.LittleEndian.Uint16(body[6:]) & 0x3fff)
		h = int(binary.LittleEndian.Uint16(body[8:]) & 0x3fff)
		return w, h, false, nil
	default: // VP8L
		if len(body) < 5 || body[0] != 0x2f {
			return 0, 0, false, formatErr("WebP", 20, "no VP8L header")
		}
		bits := binary.LittleEndian.Uint32(body[1:])
		w = int(bits&0x3fff) + 1
		h = int(bits>>14&0x3fff) + 1
		return w, h, bits>>28&1 == 1, nil
	}
}
