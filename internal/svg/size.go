package svg

import (
	"encoding/xml"
	"math"
	"strconv"
	"strings"

	"cecot/internal/diag"
)

// MaxSize is the largest width or height of a picture, in CSS pixels;
// the smallest is 1. Past these, a page's layout breaks (a width of 0,
// or one that does not fit an integer).
const MaxSize = 100_000

// size reads a picture's size from its <svg> element: its width and
// height in pixels, or else its viewBox. Every number must be finite
// and the size between 1 and MaxSize pixels; a reason says otherwise.
func size(attrs []xml.Attr) (w, h int, why *diag.Message) {
	var width, height, viewBox *string
	for i, a := range attrs {
		if a.Name.Space != "" {
			continue
		}
		switch a.Name.Local {
		case "width":
			width = &attrs[i].Value
		case "height":
			height = &attrs[i].Value
		case "viewBox":
			viewBox = &attrs[i].Value
		}
	}
	var box []float64
	if viewBox != nil {
		if box = parseViewBox(*viewBox); box == nil {
			return 0, 0, say("svg_viewbox_bad", "has viewBox=%s, which is not four numbers \"X Y WIDTH HEIGHT\" with a WIDTH and HEIGHT above 0; fix it", quote(*viewBox))
		}
	}
	pw, wOK, why := pixelLength("width", width)
	if why != nil {
		return 0, 0, why
	}
	ph, hOK, why := pixelLength("height", height)
	if why != nil {
		return 0, 0, why
	}
	if wOK && hOK {
		return round(pw), round(ph), nil
	}
	if box == nil {
		return 0, 0, say("svg_no_viewbox", "has no viewBox (nor a width and height in pixels), so its proportions are unknown; add viewBox=\"0 0 WIDTH HEIGHT\" to its <svg> element")
	}
	if !inRange(box[2]) || !inRange(box[3]) {
		return 0, 0, say("svg_viewbox_size", "has viewBox=%s, a size of %s × %s pixels; a picture must be between 1 and 100,000 pixels wide and high: give the <svg> element a width and height in pixels, or export it again at a size between those", quote(*viewBox), num(box[2]), num(box[3]))
	}
	return round(box[2]), round(box[3]), nil
}

// pixelLength reads the <svg> element's width or height when it is in
// pixels ("640", "640px"). A length in other units, a percentage or none
// is not a size in pixels (ok is false) and the viewBox gives the size;
// a number of pixels outside 1 to MaxSize is a reason to refuse.
func pixelLength(name string, v *string) (px float64, ok bool, why *diag.Message) {
	if v == nil {
		return 0, false, nil
	}
	s := strings.TrimSuffix(strings.TrimSpace(*v), "px")
	f, isNum := number(s)
	if !isNum {
		return 0, false, nil
	}
	if !inRange(f) {
		return 0, false, say("svg_length", "has %s=%s; a picture must be between 1 and 100,000 pixels wide and high: fix the <svg> element's %s, or remove it and keep the viewBox", name, quote(*v), name)
	}
	return f, true, nil
}

// parseViewBox reads "x y width height", separated by spaces or
// commas, or returns nil if it is not four finite numbers with a
// positive width and height.
func parseViewBox(v string) []float64 {
	f := strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\n' || r == '\r' })
	if len(f) != 4 {
		return nil
	}
	box := make([]float64, 4)
	for i, s := range f {
		n, ok := number(s)
		if !ok {
			return nil
		}
		box[i] = n
	}
	if box[2] <= 0 || box[3] <= 0 {
		return nil
	}
	return box
}

// number reads an SVG number ("12", "-3.5", "1e3"): finite, in decimal.
// strconv alone would also take "NaN", "Inf" and hexadecimal, which no
// browser reads as a number.
func number(s string) (float64, bool) {
	if s == "" || strings.Trim(s, "0123456789+-.eE") != "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return f, true
}

func inRange(f float64) bool { return f >= 1 && f <= MaxSize }

func round(f float64) int { return int(math.Round(f)) }

// num writes a number for a message.
func num(f float64) string { return strconv.FormatFloat(f, 'g', 6, 64) }
