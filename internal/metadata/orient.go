package metadata

import (
	"bytes"
	"encoding/binary"
	"image"
)

// Orientation reads the Exif orientation of a JPEG (1 to 8; 1 when it has
// none, or data is not a JPEG). Phones save photographs as the sensor saw
// them and record in this tag how to turn them; browsers turn them when
// they show the file, but Go's decoder does not, so resized copies would
// lie on their side, and a stripped file would too.
func Orientation(data []byte) int {
	if !bytes.HasPrefix(data, []byte{0xff, 0xd8}) {
		return 1
	}
	p := 2
	for p+4 <= len(data) && data[p] == 0xff {
		marker := data[p+1]
		size := int(binary.BigEndian.Uint16(data[p+2:]))
		if marker == markerSOS || size < 2 || p+2+size > len(data) { // start of scan: no more headers
			return 1
		}
		seg := data[p+4 : p+2+size]
		if marker == markerAPP1 && bytes.HasPrefix(seg, exifHeader) {
			return exifOrientation(seg[6:])
		}
		p += 2 + size
	}
	return 1
}

// exifOrientation reads tag 0x0112 of the first image file directory of
// a TIFF structure.
func exifOrientation(tiff []byte) int {
	if len(tiff) < 8 {
		return 1
	}
	var order binary.ByteOrder
	switch string(tiff[:2]) {
	case "II":
		order = binary.LittleEndian
	case "MM":
		order = binary.BigEndian
	default:
		return 1
	}
	ifd := int(order.Uint32(tiff[4:]))
	if ifd < 8 || ifd+2 > len(tiff) {
		return 1
	}
	n := int(order.Uint16(tiff[ifd:]))
	for i := range n {
		e := ifd + 2 + 12*i
		if e+12 > len(tiff) {
			return 1
		}
		if order.Uint16(tiff[e:]) == 0x0112 && order.Uint16(tiff[e+2:]) == 3 { // SHORT
			if v := int(order.Uint16(tiff[e+8:])); v >= 1 && v <= 8 {
				return v
			}
			return 1
		}
	}
	return 1
}

// Turned reports whether orientation o swaps width and height.
func Turned(o int) bool { return o >= 5 }

// Orient turns img as Exif orientation o says, so that it stands as the
// photographer saw it.
func Orient(img *image.RGBA, o int) *image.RGBA {
	if o <= 1 || o > 8 {
		return img
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if Turned(o) {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := range h {
		for x := range w {
			var dx, dy int
			switch o {
			case 2: // mirrored
				dx, dy = w-1-x, y
			case 3: // upside down
				dx, dy = w-1-x, h-1-y
			case 4: // upside down, mirrored
				dx, dy = x, h-1-y
			case 5: // mirrored, turned left
				dx, dy = y, x
			case 6: // turned right
				dx, dy = h-1-y, x
			case 7: // mirrored, turned right
				dx, dy = h-1-y, w-1-x
			case 8: // turned left
				dx, dy = y, w-1-x
			}
			si := img.PixOffset(b.Min.X+x, b.Min.Y+y)
			di := dst.PixOffset(dx, dy)
			copy(dst.Pix[di:di+4], img.Pix[si:si+4])
		}
	}
	return dst
}
