// Package promise checks that a translation keeps what its original
// promises the reader: for a unit of a page's Markdown, the same block
// structure, links and their targets, images, footnote references, inline
// code and hard line breaks, and nothing executable; for an interface
// string, valid template syntax and the placeholders ({{.Number}}) that
// the code fills in.
//
// It is the one place these promises are checked: import refuses a PO
// entry that breaks one at the entry's line, the build refuses an
// interface string at its locales/ line, and check, status and the
// workbench report them at the Markdown line. It knows nothing of files
// or languages: callers say where, and say a Problem in the
// translator's language from its Kind and fields.
package promise

import (
	"fmt"
)

// Kind names a broken promise. Callers translate a Problem by its Kind
// ("promise_" + Kind is the message ID in the translator tools'
// catalogue).
type Kind string

// The promises.
const (
	Blank        Kind = "blank"         // nothing but spaces, where the original has text
	Invisible    Kind = "invisible"     // a character a page must not publish (a control character): Got names it
	Structure    Kind = "structure"     // the unit became another block, or several: Detail names it
	RawHTML      Kind = "raw_html"      // raw HTML where the site allows none: Got is a sample
	UnsafeLink   Kind = "unsafe_link"   // a link or image whose scheme can run script: Got
	LinkMissing  Kind = "link_missing"  // a link target of the original is not in the translation: Want
	LinkExtra    Kind = "link_extra"    // a link target the original does not have: Got
	ImageMissing Kind = "image_missing" // an image of the original is missing: Want
	ImageExtra   Kind = "image_extra"   // an image the original does not have: Got
	NoteMissing  Kind = "note_missing"  // a footnote reference of the original is missing: Want ("[^1]")
	NoteExtra    Kind = "note_extra"    // a footnote reference the original does not have: Got
	CodeMissing  Kind = "code_missing"  // inline code of the original is missing or changed: Want
	CodeExtra    Kind = "code_extra"    // inline code the original does not have: Got
	Breaks       Kind = "breaks"        // a different number of hard line breaks: Want and Got are counts
	Emphasis     Kind = "emphasis"      // a * or _ left open
	OneLine      Kind = "one_line"      // a line break in a one-line field
	AltBrackets  Kind = "alt_brackets"  // [ or ] in an image's alt text
	TitleQuote   Kind = "title_quote"   // " in an image's caption
	TableBar     Kind = "table_bar"     // an unescaped | in a table cell
	Backslash    Kind = "backslash"     // a \ at the end of an image's alt text or caption, which escapes the mark that closes it
	Syntax       Kind = "syntax"        // an interface string's template does not parse: Detail
	Unknown      Kind = "unknown"       // a placeholder the code does not fill in: Got ("{{.Numero}}"), Want lists the known
	Dropped      Kind = "dropped"       // a placeholder of the original is missing: Want
	Fails        Kind = "fails"         // the template parses but fails when filled in: Detail
)

// Problem is one broken promise.
type Problem struct {
	Kind Kind
	// Want is what the original has, Got what the translation has
	// instead, each quoted as written ("[^1]", "{{.Number}}", a link
	// target), or "" where the Kind does not use it.
	Want, Got string
	// Detail is a parser's message (Syntax, Fails) or the block the
	// translation became (Structure: "heading", "list", "paragraph").
	Detail string
	// Form is the plural form of an interface string ("one", "other")
	// that has the problem, or "".
	Form string
}

// Error says the problem in English, for logs and -json output.
func (p *Problem) Error() string {
	var s string
	switch p.Kind {
	case Invisible:
		s = fmt.Sprintf("the translation holds the invisible character %s, which a page must not publish; delete it (text copied from a terminal or another program can bring one in)", p.Got)
	case Blank:
		s = "the translation is blank; write the text, or leave msgstr empty (\"\") while it is not translated"
	case Structure:
		s = fmt.Sprintf("the translation makes %s; keep it one block, with no blank line and no line starting with #, -, > or a number and a dot", structureWords[p.Detail])
	case RawHTML:
		s = fmt.Sprintf("raw HTML (%s) is not allowed on this site; use Markdown instead", p.Got)
	case UnsafeLink:
		s = fmt.Sprintf("link target %q: only http, https, mailto and tel links, and links to pages, are allowed", p.Got)
	case LinkMissing:
		s = fmt.Sprintf("the original links to %q and the translation does not; keep every link, with the original's target", p.Want)
	case LinkExtra:
		s = fmt.Sprintf("the translation links to %q, which the original does not; link only where the original does, to the same target", p.Got)
	case ImageMissing:
		s = fmt.Sprintf("the original shows the image %q and the translation does not; keep it as ![description](%s)", p.Want, p.Want)
	case ImageExtra:
		s = fmt.Sprintf("the translation shows the image %q, which the original does not; remove it", p.Got)
	case NoteMissing:
		s = fmt.Sprintf("the original has the footnote reference %s and the translation does not; keep it, next to the words it belongs to", p.Want)
	case NoteExtra:
		s = fmt.Sprintf("the translation has the footnote reference %s, which the original does not; remove it, or use the original's", p.Got)
	case CodeMissing:
		s = fmt.Sprintf("the original has the code `%s` and the translation does not have it unchanged; code between backticks is not translated", p.Want)
	case CodeExtra:
		s = fmt.Sprintf("the translation has the code `%s`, which the original does not; code between backticks is copied as it is", p.Got)
	case Breaks:
		s = fmt.Sprintf("the original has %s hard line break(s) (a line ending in two spaces or \\), the translation %s; keep them where the lines break", p.Want, p.Got)
	case Emphasis:
		s = "unbalanced emphasis: a * or _ that does not close; write *words* or **words**, with the marks on both sides"
	case OneLine:
		s = "this text is one line; remove the line breaks"
	case AltBrackets:
		s = "an image description cannot contain [ or ]"
	case TitleQuote:
		s = "an image caption cannot contain \"; use “ and ” instead"
	case Backslash:
		s = "a \\ at the end would hide the mark that closes this text; remove it, or write \\\\ for a backslash"
	case TableBar:
		s = "a | would split the table cell; write \\| for a bar in the text"
	case Syntax:
		s = fmt.Sprintf("placeholder syntax: %s; write placeholders as in the original, like {{.Count}}", p.Detail)
	case Unknown:
		s = fmt.Sprintf("unknown placeholder %s; this text can use only %s, spelled as in the original", p.Got, p.Want)
	case Dropped:
		s = fmt.Sprintf("the placeholder %s of the original is missing; keep it, it is replaced by a value when the page is built", p.Want)
	case Fails:
		s = fmt.Sprintf("the text fails when its placeholders are filled in: %s; write placeholders as in the original", p.Detail)
	default:
		s = string(p.Kind)
	}
	if p.Form != "" {
		s = fmt.Sprintf("plural form %q: %s", p.Form, s)
	}
	return s
}

// structureWords name what a unit became, for Error.
var structureWords = map[string]string{
	"paragraph":  "a second paragraph (a blank line)",
	"heading":    "a new heading",
	"list":       "a list",
	"quote":      "a quotation (a line starting with >)",
	"code":       "a code block",
	"rule":       "a horizontal rule",
	"table":      "a table",
	"footnote":   "a footnote definition (a line starting with [^...]:)",
	"definition": "a link definition (a line starting with [...]:)",
	"html":       "a block of raw HTML",
	"block":      "a new block",
}

// Problems is the list of problems a check finds, in order. Callers go
// through them one by one (each Problem is an error).
type Problems []*Problem
