package translate

import (
	"cecot/internal/diag"
	"cecot/internal/promise"
	"cecot/internal/translation"
	"cecot/internal/words"
)

// Broken finds the translated units of la's pages that break a promise
// of their original (package promise): a footnote mark, a link, an
// image or a piece of code lost or added, a heading or list made, raw
// HTML or an invisible character. Each is located at the unit's line of
// the translation's Markdown, so that a translator on the Markdown route
// hears of it where import would have refused it. Units whose original
// changed since are left to the out-of-date report: their differences
// may be the original's.
func Broken(la *translation.Language, unsafeHTML bool) []*diag.Error {
	var out []*diag.Error
	for _, pa := range la.Pages {
		for _, u := range pa.Units {
			if u.State != translation.Translated || u.Translation == "" || u.Original == "" || u.Translation == u.Original {
				continue
			}
			for _, p := range promise.Markdown(unitOfKind(u.Kind), u.Original, u.Translation, promise.Options{UnsafeHTML: unsafeHTML}) {
				out = append(out, words.At(pa.Translation, u.TranslationLine, "promise_at", "Anchor", u.Anchor, "What", p))
			}
		}
	}
	return out
}

// unitOfKind says what shape a unit of kind k has to keep.
func unitOfKind(k translation.Kind) promise.Unit {
	switch {
	case k.Field():
		return promise.Field
	case k == translation.KindAlt:
		return promise.Alt
	case k == translation.KindImageTitle:
		return promise.Caption
	case k == translation.KindCell:
		return promise.Cell
	case k == translation.KindHeading:
		return promise.Heading
	}
	return promise.Block
}
