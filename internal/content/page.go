// Package content loads a site's Markdown pages from content/<lang>/,
// parses their front matter, gives each its URL and pairs it with its
// translations.
package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"path"
	"unicode"
	"unicode/utf8"
)

// Kind is what a page is, which decides its default layout.
type Kind int

// The kinds of page.
const (
	KindPage     Kind = iota // a regular page: content/en/report.md
	KindHome                 // a language's home: content/en/_index.md
	KindSection              // a folder's list page: content/en/news/_index.md
	KindNotFound             // the language's 404 page: content/en/404.md
)

// String returns the kind's name, which is also its layout's name:
// "page", "home", "section" or "404".
func (k Kind) String() string {
	return [...]string{"page", "home", "section", "404"}[k]
}

// Page is one Markdown file of one language.
type Page struct {
	FrontMatter

	Lang string // language code, the name of its folder
	// Key identifies the page across languages: its path within the
	// language folder without ".md" ("report", "news/_index").
	Key  string
	File string // path in the project: "content/es/report.md"
	Kind Kind   // decides the default layout
	// Body is the Markdown after the front matter, with the front
	// matter's lines left empty so that line numbers match File.
	Body []byte
	// Words is the number of words of the body, as strings.Fields counts
	// them.
	Words int
	// URL is the page's path from the site root: "/es/informe/".
	URL string
	// Out is the file the page is written to: "es/informe/index.html".
	Out string
	// Parent is the key of the section that lists the page ("" for a home).
	Parent string
	// Untranslated is set on a stand-in for a page missing in this
	// language: its Body is the default language's.
	Untranslated bool
	// BodyHash is SourceHash(Body): the hash of the page's Markdown
	// that translations record as TranslatedFrom when they are brought
	// up to date.
	BodyHash string
}

// Dir is the folder of the page's key: "" for top-level pages.
func (p *Page) Dir() string {
	d := path.Dir(p.Key)
	if d == "." {
		return ""
	}
	return d
}

// NameLine returns the line of the page's file that chose the last
// segment of its URL: its slug's, or 1 when the file's name chose it (a
// stand-in always takes its original's file name).
func (p *Page) NameLine() int {
	if p.Slug != "" && !p.Untranslated {
		if l := p.Line("slug"); l > 0 {
			return l
		}
	}
	return 1
}

// Dated reports whether the page has a date.
func (p *Page) Dated() bool { return !p.Date.IsZero() }

// SourceHash returns the hash recorded in translations of a page whose
// Markdown body is body: short, stable and independent of line endings.
func SourceHash(body []byte) string {
	b := bytes.TrimSpace(body)
	if bytes.Contains(b, []byte("\r\n")) {
		b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:6])
}

// CountWords counts the words of text as strings.Fields splits them,
// without making the strings. It runs over every page's body on every
// build: ASCII bytes go through a table, with no branch on whether a
// word starts, as words start and end too irregularly to predict.
func CountWords(text []byte) int {
	words, space := 0, uint8(1) // space: 1 when the last character was white space
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			s := asciiSpace[c]
			words += int(space &^ s)
			space = s
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		s := uint8(0)
		if unicode.IsSpace(r) {
			s = 1
		}
		words += int(space &^ s)
		space = s
		i += size
	}
	return words
}

// asciiSpace is 1 for the ASCII characters that unicode.IsSpace calls
// white space.
var asciiSpace = [utf8.RuneSelf]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}
