package metadata

// GIF block introducers and extension labels (GIF89a specification).
const (
	gifExtension = 0x21
	gifImage     = 0x2c
	gifTrailer   = 0x3b

	gifPlainText      = 0x01
	gifGraphicControl = 0xf9
	gifComment        = 0xfe
	gifApplication    = 0xff
)

// gifApps are the application extensions a GIF keeps: looping and the
// colour profile. XMP ("XMP DataXMP") and every other one are dropped.
var gifApps = map[string]bool{"NETSCAPE2.0": true, "ANIMEXTS1.0": true, "ICCRGBG1012": true}

// GIF strips a GIF file of its comments, of application extensions other
// than gifApps, of extensions the format does not define and of anything
// after its trailer.
func GIF(data []byte) ([]byte, error) {
	const header = 6 + 7 // signature and version, logical screen descriptor
	if len(data) < header {
		return nil, formatErr("GIF", 0, "the header is cut short")
	}
	p := header
	if flags := data[10]; flags&0x80 != 0 {
		p += 3 << (flags&7 + 1) // the global colour table
	}
	if p > len(data) {
		return nil, formatErr("GIF", header, "the colour table is cut short")
	}
	out := make([]byte, 0, len(data))
	out = append(out, data[:p]...)
	for p < len(data) {
		start := p
		switch data[p] {
		case gifTrailer:
			return append(out, gifTrailer), nil
		case gifImage:
			p += 10
			if p > len(data) {
				return nil, formatErr("GIF", start, "an image descriptor is cut short")
			}
			if flags := data[p-1]; flags&0x80 != 0 {
				p += 3 << (flags&7 + 1)
			}
			p++ // the LZW minimum code size
			end, err := subBlocksEnd(data, p)
			if err != nil {
				return nil, err
			}
			out = append(out, data[start:end]...)
			p = end
		case gifExtension:
			if p+2 > len(data) {
				return nil, formatErr("GIF", start, "an extension is cut short")
			}
			label := data[p+1]
			end, err := subBlocksEnd(data, p+2)
			if err != nil {
				return nil, err
			}
			if keptExtension(label, data[p+2:end]) {
				out = append(out, data[start:end]...)
			}
			p = end
		default:
			return nil, formatErr("GIF", p, "unknown block %#x", data[p])
		}
	}
	return out, nil // no trailer: left to decoders, as the file was
}

// keptExtension reports whether a GIF extension stays; blocks are its
// data sub-blocks.
func keptExtension(label byte, blocks []byte) bool {
	switch label {
	case gifGraphicControl, gifPlainText:
		return true
	case gifApplication:
		return len(blocks) >= 12 && blocks[0] == 11 && gifApps[string(blocks[1:12])]
	}
	return false
}

// subBlocksEnd returns the offset after the data sub-blocks that start
// at p, each a length byte and that many bytes, ended by an empty one.
func subBlocksEnd(data []byte, p int) (int, error) {
	for {
		if p >= len(data) {
			return 0, formatErr("GIF", p, "data blocks are cut short")
		}
		n := int(data[p])
		p++
		if n == 0 {
			return p, nil
		}
		p += n
	}
}
