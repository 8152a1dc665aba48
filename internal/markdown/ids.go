package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ids makes heading IDs that are readable in any Latin-script language:
// "¿Qué soluciones existen?" becomes "que-soluciones-existen". IDs are
// unique within a page: a repeated heading gets "-1", "-2", ..., and so
// does one whose ID the layout uses. On a numbered page, IDs like "p3" are
// left to the paragraphs.
type ids struct {
	used     map[string]bool
	numbered bool
}

func newIDs(numbered bool, reserved []string) *ids {
	s := &ids{used: map[string]bool{}, numbered: numbered}
	for _, id := range reserved {
		s.used[id] = true
	}
	return s
}

// generate returns a new ID for a heading whose plain text is text.
func (s *ids) generate(text string) string {
	base := Slugify(text)
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; s.used[id] || (s.numbered && isParagraphID(id)); i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return id
}

// Slugify returns s in lower case without accents, with every run of
// other characters than letters and digits turned into one hyphen.
// Apostrophes are dropped, so "Don't" reads "dont", not "don-t".
func Slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// a combining accent, dropped: "é" is "e" followed by one
		case r == '\'' || r == '’':
			// an apostrophe, dropped within a word
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		default:
			hyphen = true
		}
	}
	return b.String()
}

func isParagraphID(id string) bool {
	_, ok := ParagraphNumber(id)
	return ok
}
