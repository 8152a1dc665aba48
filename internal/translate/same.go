package translate

import (
	"strings"
	"unicode"

	"cecot/internal/glossary"
	"cecot/internal/po"
)

// SameFlag is the PO flag that marks a translation as meant to read
// exactly as its original: a name, an acronym, a quotation kept in its
// language. It is Weblate's own flag for silencing its "unchanged
// translation" check, so Weblate keeps it and acts on it too.
const SameFlag = "ignore-same"

// sameness says which units may read in a translation exactly as in the
// original and still count as translated. Any other unit whose
// translation is its original's text counts as untranslated, as gettext
// counts an msgstr equal to its msgid in a team's statistics: it is
// most often English left in place (a page made with "stamp -new", a
// block copied to be translated later).
type sameness struct {
	// terms are the glossary's terms that read the same in both
	// languages ("CECOT"), lower-cased: a unit made of them and
	// nothing else is meant to be the same.
	terms map[string]bool
}

// newSameness reads the terms of gl that are the same in languages a
// and b.
func newSameness(gl *glossary.Glossary, a, b string) *sameness {
	s := &sameness{terms: map[string]bool{}}
	if gl == nil {
		return s
	}
	for _, t := range gl.Terms {
		x, y := t.Forms[a], t.Forms[b]
		if x != "" && strings.EqualFold(x, y) {
			s.terms[strings.ToLower(x)] = true
		}
	}
	return s
}

// meant reports whether text, as a translation that reads exactly as
// its original, is meant to: its PO entry e (nil if none) carries
// SameFlag, it has no letters (a number, a date, a symbol), or it is a
// glossary term that both languages write alike, or several with
// nothing but punctuation between them ("Global Strategic Litigation
// Council (GSLC)").
func (s *sameness) meant(text string, e *po.Entry) bool {
	if e != nil && e.HasFlag(SameFlag) {
		return true
	}
	if !strings.ContainsFunc(text, unicode.IsLetter) {
		return true
	}
	if s == nil {
		return false
	}
	rest := strings.ToLower(text)
	for t := range s.terms {
		rest = strings.ReplaceAll(rest, t, " ")
	}
	return !strings.ContainsFunc(rest, unicode.IsLetter)
}
