package translation

import (
	"strings"
	"unicode"
)

// SameFlag is the PO flag that marks a translation as meant to read
// exactly as its original: a name, an acronym, a quotation kept in its
// language. It is Weblate's own flag for silencing its "unchanged
// translation" check, so Weblate keeps it and acts on it too.
const SameFlag = "ignore-same"

// Sameness says which units may read in a translation exactly as in the
// original and still count as translated. Any other unit whose
// translation is its original's text counts as untranslated (Identical),
// as gettext counts an msgstr equal to its msgid in a team's
// statistics: it is most often English left in place (a page made with
// "stamp -new", a block copied to be translated later).
type Sameness struct {
	// terms are the terms that read the same in both languages
	// ("CECOT"), lower-cased: a unit made of them and nothing else is
	// meant to be the same.
	terms map[string]bool
}

// NewSameness knows terms (the glossary's that both languages write
// alike) as meant to be the same.
func NewSameness(terms []string) *Sameness {
	s := &Sameness{terms: map[string]bool{}}
	for _, t := range terms {
		s.terms[strings.ToLower(t)] = true
	}
	return s
}

// Meant reports whether text, as a translation that reads exactly as
// its original, is meant to: its PO entry carries SameFlag (flagged), it
// has no letters (a number, a date, a symbol), or it is a term that
// both languages write alike, or several with nothing but punctuation
// between them ("Global Strategic Litigation Council (GSLC)").
func (s *Sameness) Meant(text string, flagged bool) bool {
	if flagged || !strings.ContainsFunc(text, unicode.IsLetter) {
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
