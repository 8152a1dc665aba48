package images

import (
	"errors"

	"cecot/internal/diag"
	"cecot/internal/svg"
)

// located is why an image cannot be published, at the image file's own
// line where the problem has one (an SVG refused at its line 12).
func located(img *Image) *diag.Error {
	var refusal *svg.Error
	if errors.As(img.Err, &refusal) {
		return diag.At(img.Source, refusal.Line, "svg_refused", "cannot be published: "+refusal.Reason, "Reason", refusal.Reasoned())
	}
	return &diag.Error{Path: img.Source, Err: img.Err}
}
