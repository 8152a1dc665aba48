package metadata

import (
	"bytes"
	"encoding/binary"
)

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// pngKept are the ancillary chunks a PNG keeps: those that change how its
// pixels look (colour profile and space, gamma, transparency, background,
// significant bits) or move (APNG's animation). Critical chunks (IHDR,
// PLTE, IDAT, IEND: a capital first letter) are always kept. Dropped are
// text (tEXt, zTXt, iTXt: authors, comments, XMP), Exif (eXIf), the
// modification time (tIME), and every chunk not listed, such as
// applications' private ones and C2PA content credentials (caBX).
var pngKept = map[string]bool{
	"iCCP": true, "sRGB": true, "gAMA": true, "cHRM": true, "cICP": true,
	"mDCV": true, "cLLI": true, "sBIT": true, "tRNS": true, "bKGD": true,
	"pHYs": true, "acTL": true, "fcTL": true, "fdAT": true,
}

// PNG strips a PNG file of every ancillary chunk not in pngKept, and of
// anything after its IEND chunk. Chunks kept are copied with their CRC.
func PNG(data []byte) ([]byte, error) {
	if !bytes.HasPrefix(data, pngSignature) {
		return nil, formatErr("PNG", 0, "no PNG signature")
	}
	out := make([]byte, 0, len(data))
	out = append(out, pngSignature...)
	p := len(pngSignature)
	for p < len(data) {
		if len(data)-p < 12 {
			return nil, formatErr("PNG", p, "a chunk is cut short")
		}
		n := binary.BigEndian.Uint32(data[p:])
		if n > uint32(len(data)-p-12) {
			return nil, formatErr("PNG", p, "a chunk says it is %d bytes long, and %d remain", n, len(data)-p-12)
		}
		end := p + 12 + int(n)
		typ := string(data[p+4 : p+8])
		critical := typ[0]&0x20 == 0
		if critical || pngKept[typ] {
			out = append(out, data[p:end]...)
		}
		if typ == "IEND" {
			return out, nil
		}
		p = end
	}
	return out, nil // no IEND: left to decoders, as the file was
}
