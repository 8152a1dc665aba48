package translation

// Kind is what a translatable unit of a page is.
type Kind string

// The kinds of unit. The first five are front-matter fields.
const (
	KindTitle       Kind = "title"       // front matter: title
	KindDescription Kind = "description" // front matter: description
	KindSummary     Kind = "summary"     // front matter: params.summary
	KindMenu        Kind = "menu"        // front matter: params.menu
	KindAddressee   Kind = "addressee"   // front matter: params.cite.addressee
	KindHeading     Kind = "heading"
	KindParagraph   Kind = "paragraph" // a top-level paragraph (#pN on a numbered page)
	KindItem        Kind = "item"      // a list item's text
	KindQuote       Kind = "quote"     // a paragraph in a blockquote
	KindCell        Kind = "cell"      // a table cell
	KindFootnote    Kind = "footnote"  // a footnote's text
	KindAlt         Kind = "alt"       // an image's alt text, where the image stands alone
	KindImageTitle  Kind = "image-title"
	// KindString is an interface string of locales/<lang>.toml, which
	// the strings' PO file and the workbench show beside the pages'
	// units.
	KindString Kind = "string"
)

// Field reports whether k is a front-matter field (title, description,
// summary, menu, addressee) rather than a block of the Markdown.
func (k Kind) Field() bool {
	switch k {
	case KindTitle, KindDescription, KindSummary, KindMenu, KindAddressee:
		return true
	}
	return false
}

// State is where the translation of one unit stands.
type State string

// The states of a unit's translation.
const (
	// Translated: translated from the original as it is now.
	Translated State = "translated"
	// Changed: the original changed since it was translated; Previous
	// says what it was, when it is known.
	Changed State = "changed"
	// Fuzzy: a translator marked the translation as needing work (a
	// fuzzy PO entry). It is not published as finished.
	Fuzzy State = "fuzzy"
	// Missing: not translated; readers see the original's text.
	Missing State = "missing"
	// Identical: the translation is the original's text, and nothing
	// says it is meant to be the same. It counts as untranslated.
	Identical State = "identical"
	// Obsolete: a translation, or a PO entry, of a unit that the
	// original no longer has.
	Obsolete State = "obsolete"
)

// Done reports whether s needs nothing from a translator.
func (s State) Done() bool { return s == Translated }

// Counts are how many units are in each state.
type Counts struct {
	Translated int `json:"translated"`
	Changed    int `json:"changed"`
	Fuzzy      int `json:"fuzzy,omitempty"`
	Missing    int `json:"missing"`
	Identical  int `json:"identical,omitempty"`
	Obsolete   int `json:"obsolete"`
}

// Add counts one more unit in state s.
func (c *Counts) Add(s State) {
	switch s {
	case Translated:
		c.Translated++
	case Changed:
		c.Changed++
	case Fuzzy:
		c.Fuzzy++
	case Missing:
		c.Missing++
	case Identical:
		c.Identical++
	case Obsolete:
		c.Obsolete++
	}
}

// Plus returns the sum of c and d.
func (c Counts) Plus(d Counts) Counts {
	return Counts{c.Translated + d.Translated, c.Changed + d.Changed, c.Fuzzy + d.Fuzzy,
		c.Missing + d.Missing, c.Identical + d.Identical, c.Obsolete + d.Obsolete}
}

// Total is the number of units the original has: all but the obsolete.
func (c Counts) Total() int { return c.Translated + c.Changed + c.Fuzzy + c.Missing + c.Identical }

// Pending is the number of units that need a translator.
func (c Counts) Pending() int { return c.Total() - c.Translated }

// Unit is one translatable unit of a page beside its translation.
type Unit struct {
	Kind Kind `json:"kind"`
	// Anchor names the unit within its page: "meta.title", a heading's
	// ID, "p7", "key-facts.item2". It tells a translator where the unit
	// is; it is not its identity, which is its text (see Sig).
	Anchor string `json:"anchor"`
	// Context is the unit's msgctxt in PO files.
	Context string `json:"context"`
	// ID and TranslationID are the ids to link to in the built
	// original and translation ("" for front matter); a heading's
	// differ, as they come from its text.
	ID            string `json:"id,omitempty"`
	TranslationID string `json:"translation_id,omitempty"`

	Original     string `json:"original"`      // the original's text now ("" when obsolete)
	OriginalLine int    `json:"original_line"` // its line in the original's file (0 when obsolete)
	// Previous is the original's text when the unit was translated,
	// when it is known and differs from Original: from the PO file's
	// "#| msgid" or msgid. HasPrevious tells an empty one from none.
	Previous    string `json:"previous,omitempty"`
	HasPrevious bool   `json:"has_previous,omitempty"`

	Translation     string `json:"translation"`      // the translation's text, "" when missing
	TranslationLine int    `json:"translation_line"` // its line in the translation's file, 0 when missing

	State State `json:"state"`
	// POLine is the line of the unit's entry in the language's PO
	// file (Page.PO), 0 when it has none.
	POLine int `json:"po_line,omitempty"`
}

// Page is a page's units beside their translation in one language.
type Page struct {
	Key  string `json:"key"`
	Lang string `json:"lang"`
	// Original and Translation are the files: "content/en/report.md",
	// "content/es/report.md" (where it would be, when it does not exist).
	Original    string `json:"original"`
	Translation string `json:"translation"`
	Exists      bool   `json:"exists"`          // the translation's file exists
	Draft       bool   `json:"draft,omitempty"` // it is marked draft, so not yet published
	// PO is the language's PO file of the page when it exists
	// ("locales/po/pages/es/report.po"), else "".
	PO     string `json:"po,omitempty"`
	Units  []Unit `json:"units"`
	Counts Counts `json:"counts"`
}

// UpToDate reports whether every unit of the original is translated
// from its current text.
func (p *Page) UpToDate() bool { return p.Counts.Pending() == 0 }

// Language is every published page of the default language beside its
// translation in one language.
type Language struct {
	Lang   string  `json:"lang"`
	Pages  []*Page `json:"pages"`
	Totals Counts  `json:"totals"` // of Pages' units
}

// Page returns the page whose key is key, or nil.
func (l *Language) Page(key string) *Page {
	for _, p := range l.Pages {
		if p.Key == key {
			return p
		}
	}
	return nil
}
