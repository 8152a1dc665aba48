package metadata

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
)

// UprightQuality is the JPEG quality at which Clean encodes again a
// photograph it had to turn: high, because the photograph was encoded
// once already and is published at its own size.
const UprightQuality = 92

// Clean returns an image file as it may be published: stripped (see
// Strip) and, when it is a JPEG whose Exif says to turn it, turned. A
// browser turns a JPEG as its Exif orientation says; once the Exif is
// gone, only the pixels can stand the right way, so such a file is
// decoded, turned and encoded again (at UprightQuality, with its ICC
// profile). Turning a JPEG without decoding it is possible only for
// images whose sides are whole blocks, so this is the one case where
// cleaning is not lossless.
func Clean(data []byte) ([]byte, error) {
	o := Orientation(data)
	if o == 1 {
		return Strip(data)
	}
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("JPEG: %v; export the image again", err)
	}
	b := img.Bounds()
	rgba := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(rgba, rgba.Bounds(), img, b.Min, draw.Src)
	return EncodeJPEG(Orient(rgba, o), UprightQuality, data)
}

// EncodeJPEG encodes img as a JPEG of quality q carrying the ICC profile
// of the JPEG file source, if it has one: the pixels of a decoded JPEG
// are in its profile's colours, and without the profile a browser would
// show them in sRGB's.
func EncodeJPEG(img image.Image, q int, source []byte) ([]byte, error) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
		return nil, fmt.Errorf("encoding as JPEG: %v", err)
	}
	profile := ICCSegments(source)
	if len(profile) == 0 {
		return buf.Bytes(), nil
	}
	encoded := buf.Bytes()
	out := make([]byte, 0, len(encoded)+len(profile))
	out = append(out, encoded[:len(jpegSOI)]...)
	out = append(out, profile...)
	return append(out, encoded[len(jpegSOI):]...), nil
}

// ICCSegments returns the APP2 ICC_PROFILE segments of a JPEG file, with
// their markers and lengths, in order; nil when it has none or is not a
// JPEG.
func ICCSegments(data []byte) []byte {
	if !bytes.HasPrefix(data, jpegSOI) {
		return nil
	}
	var out []byte
	p := len(jpegSOI)
	for {
		marker, at, ok := nextMarker(data, p)
		if !ok || marker == markerSOS || marker == markerEOI || at+4 > len(data) {
			return out
		}
		if marker >= markerRST0 && marker <= markerRST7 || marker == markerSOI {
			p = at + 2
			continue
		}
		n := int(data[at+2])<<8 | int(data[at+3])
		if n < 2 || at+2+n > len(data) {
			return out
		}
		if body := data[at+4 : at+2+n]; marker == markerAPP2 && bytes.HasPrefix(body, iccID) {
			out = append(out, data[at:at+2+n]...)
		}
		p = at + 2 + n
	}
}
