package svg

import (
	"strings"

	"cecot/internal/diag"
)

// The allow-list: what a published SVG may contain. It is the static
// graphics of SVG 1.1 (https://www.w3.org/TR/SVG11/, chapters 5 to 15:
// structure, styling, coordinates, paths, shapes, text, painting,
// gradients and patterns, clipping and masking, filters) with the few
// SVG 2 properties that drawing programs write today (paint-order,
// vector-effect, mix-blend-mode...). It was checked against DOMPurify's
// SVG lists (src/tags.ts svg and svgFilters, src/attrs.ts svg and xml, in
// github.com/cure53/DOMPurify as of August 2026), with these differences:
//
//   - no animation (animate, animateColor, animateMotion,
//     animateTransform, set, discard, mpath, and their attributes begin,
//     dur, values on them, attributeName, to, from, by...): a page shows
//     a still picture, and animation can change an href after the checks;
//   - no SVG fonts (font, glyph, altGlyph, hkern, vkern, tref): no
//     browser a reader has draws them;
//   - use is allowed, which DOMPurify forbids by default, because it is
//     how drawing programs repeat a shape; its href, like every href here,
//     must be a fragment of the same file (#id);
//   - attribute names keep their SVG case (viewBox, not viewbox): SVG
//     files are XML, where case matters, and a browser ignores viewbox.

// elements are the SVG elements kept, by local name in the SVG namespace.
var elements = set(
	// Structure and document (SVG 1.1 chapter 5).
	"svg", "g", "defs", "desc", "title", "symbol", "use", "switch", "a", "view",
	// Styling (chapter 6).
	"style",
	// Paths and basic shapes (chapters 8, 9).
	"path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
	// Text (chapter 10).
	"text", "tspan", "textPath",
	// Painting: markers (chapter 11); gradients and patterns (chapter 13).
	"marker", "linearGradient", "radialGradient", "stop", "pattern",
	// Clipping and masking (chapter 14).
	"clipPath", "mask",
	// Embedded raster images (chapter 5.7): kept, but an image's href
	// must be a fragment like any other, so only a local one survives.
	"image",
	// Filter effects (chapter 15).
	"filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite",
	"feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap", "feDistantLight",
	"feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
	"feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology",
	"feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile",
	"feTurbulence",
)

const (
	scripts   = "a script runs code in the reader's browser"
	animation = "animation can change a link after it was checked, and this site publishes still pictures"
)

// refused are the elements whose presence refuses the whole file, by
// lower-case local name in any namespace: they run code, embed another
// kind of document, or change the picture after it was checked. Other
// unknown elements (a drawing program's own, <metadata>) are dropped
// with their content, as a browser ignores them.
var refused = map[string]string{
	"script":           scripts,
	"handler":          scripts,
	"listener":         scripts,
	"foreignobject":    "it puts a web page (HTML) inside the picture",
	"iframe":           "it puts another web page inside the picture",
	"object":           "it puts another document inside the picture",
	"embed":            "it puts another document inside the picture",
	"animate":          animation,
	"animatecolor":     animation,
	"animatemotion":    animation,
	"animatetransform": animation,
	"set":              animation,
	"discard":          animation,
}

// attributes are the attributes kept without a namespace, on any kept
// element. Presentation attributes are listed whole (SVG 1.1, chapter
// 6.4), as they apply to every element.
var attributes = set(
	// Core, styling and accessibility.
	"id", "class", "style", "lang", "role", "aria-label", "aria-labelledby",
	"aria-describedby", "aria-hidden", "focusable",
	// Conditional processing (switch).
	"systemLanguage", "requiredFeatures", "requiredExtensions",
	// Geometry.
	"x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr",
	"width", "height", "d", "points", "pathLength", "transform", "transform-origin",
	"viewBox", "preserveAspectRatio", "version", "baseProfile", "zoomAndPan",
	// Text.
	"dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset", "method",
	"spacing", "side",
	// Markers, gradients, patterns, clipping, masking.
	"markerUnits", "markerWidth", "markerHeight", "refX", "refY", "orient",
	"gradientUnits", "gradientTransform", "spreadMethod", "offset",
	"patternUnits", "patternContentUnits", "patternTransform",
	"clipPathUnits", "maskUnits", "maskContentUnits",
	// Filters.
	"filterUnits", "primitiveUnits", "in", "in2", "result", "stdDeviation",
	"mode", "type", "values", "operator", "k1", "k2", "k3", "k4", "order",
	"kernelMatrix", "divisor", "bias", "targetX", "targetY", "edgeMode",
	"kernelUnitLength", "preserveAlpha", "surfaceScale", "diffuseConstant",
	"specularConstant", "specularExponent", "azimuth", "elevation",
	"pointsAtX", "pointsAtY", "pointsAtZ", "limitingConeAngle", "z", "scale",
	"xChannelSelector", "yChannelSelector", "baseFrequency", "numOctaves",
	"seed", "stitchTiles", "radius", "tableValues", "slope", "intercept",
	"amplitude", "exponent",
	// The style element's.
	"media",
	// A fragment of this file (checked by value, see href).
	"href",
	// Presentation attributes (SVG 1.1, 6.4), and SVG 2's that
	// drawing programs write.
	"alignment-baseline", "baseline-shift", "clip", "clip-path", "clip-rule",
	"color", "color-interpolation", "color-interpolation-filters",
	"color-rendering", "cursor", "direction", "display", "dominant-baseline",
	"enable-background", "fill", "fill-opacity", "fill-rule", "filter",
	"flood-color", "flood-opacity", "font", "font-family", "font-size",
	"font-size-adjust", "font-stretch", "font-style", "font-variant",
	"font-weight", "glyph-orientation-horizontal", "glyph-orientation-vertical",
	"image-rendering", "kerning", "letter-spacing", "lighting-color", "marker",
	"marker-end", "marker-mid", "marker-start", "mask", "opacity", "overflow",
	"pointer-events", "shape-rendering", "stop-color", "stop-opacity", "stroke",
	"stroke-dasharray", "stroke-dashoffset", "stroke-linecap",
	"stroke-linejoin", "stroke-miterlimit", "stroke-opacity", "stroke-width",
	"text-anchor", "text-decoration", "text-rendering", "unicode-bidi",
	"visibility", "word-spacing", "writing-mode",
	"paint-order", "vector-effect", "mix-blend-mode", "isolation", "mask-type",
	"text-orientation", "font-kerning", "solid-color", "solid-opacity",
)

// The namespaces a kept name may be in.
const (
	svgNS   = "http://www.w3.org/2000/svg"
	xlinkNS = "http://www.w3.org/1999/xlink"
	xmlNS   = "http://www.w3.org/XML/1998/namespace"
	xhtmlNS = "http://www.w3.org/1999/xhtml"
)

// xlinkAttributes and xmlAttributes are the attributes kept in the
// XLink and XML namespaces, written xlink:name and xml:name.
var (
	xlinkAttributes = set("href", "title")
	xmlAttributes   = set("space", "lang")
)

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// isHandler reports whether an attribute's name is an event handler's
// (onload, onclick, onbegin...), in any case or namespace: such a
// name refuses the file, even where a browser would not run it, because
// nothing but an attack puts one in a picture.
func isHandler(local string) bool {
	return len(local) > 2 && strings.EqualFold(local[:2], "on")
}

// whyIDs are the catalogue's messages for the reasons in refused.
var whyIDs = map[string]string{
	scripts:   "svg_why_script",
	animation: "svg_why_animation",
	"it puts a web page (HTML) inside the picture": "svg_why_html",
	"it puts another web page inside the picture":  "svg_why_page",
	"it puts another document inside the picture":  "svg_why_document",
}

// whySays is a reason of refused as its catalogue message.
func whySays(why string) *diag.Message {
	return say(whyIDs[why], "%s", why)
}
