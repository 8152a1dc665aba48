package workbench

// The views the workbench's pages show. They hold no state of a
// translation of their own: a Block is a unit of internal/translation's
// model (its Kind and State as the model has them) with where it is in
// its files, and a Page, a Language and an Overview are status's report
// (package status) arranged for the pages, with their addresses in the
// preview.

import (
	"cecot/internal/status"
	"cecot/internal/translation"
)

// Pos is a line of a file of the project.
type Pos struct {
	File string // slash-separated, relative to the project: "content/es/informe.md"
	Line int    // 1-based; 0 when the block has no place in the file yet
}

// Block is one row of the side-by-side view: a unit of the original and
// its translation, as internal/translation's model has it (its Kind and
// State are the model's), with where each is in its file.
type Block struct {
	Kind translation.Kind // or translation.KindString for an interface string
	// Name is the block's stable name in its page: the front-matter
	// field ("title"), the numbered paragraph ("p7") or the heading's ID.
	Name string
	// Anchor names the block in every language, as the PO files' msgctxt
	// does after the page's key: "p7", "key-facts.item2".
	Anchor string
	// Fragment and TargetFragment are the HTML ids in the built
	// original and translation that the row's preview links point to:
	// the block's own, or the nearest one before it; "" for the top of
	// the page. A heading's differ, as they come from its text.
	Fragment, TargetFragment string
	Original                 string // the original's text now
	Previous                 string // the original's text when it was translated, if known
	HasPrevious              bool
	Translation              string // "" when missing
	State                    translation.State
	Source                   Pos // in the original
	Target                   Pos // in the translation; Line 0 when missing
	// Glossary are the agreed terms the original uses here and the
	// translation lacks.
	Glossary []Term
}

// Term is a glossary term, in the original's and the translation's
// language, and where the glossary agrees on it.
type Term struct {
	Original, Translation string
	Note                  string
	Line                  int // of locales/glossary.toml
}

// Progress counts blocks, or interface strings, by state.
type Progress struct {
	Translated, Changed, Missing int
}

// Total is the number of blocks counted.
func (p Progress) Total() int { return p.Translated + p.Changed + p.Missing }

// Add returns the sum of p and q.
func (p Progress) Add(q Progress) Progress {
	return Progress{p.Translated + q.Translated, p.Changed + q.Changed, p.Missing + q.Missing}
}

// Page is one page in one language, beside its original.
type Page struct {
	Lang, Key string
	Title     string // in the translation, or the original's while missing
	// State is the page's state as "site status" gives it: "translated",
	// "stale" or "missing".
	State     string
	Draft     bool
	Source    string // the original's file
	File      string // the translation's file, or where to create it
	SourceURL string // the original's address in the preview, from the server root
	URL       string // the translation's address in the preview
	Progress  Progress
	Blocks    []Block // only when the page is shown on its own
}

// Language is where one language of the site stands.
type Language struct {
	Lang, Name string
	Pages      []*Page
	Strings    Progress // interface strings, locales/<lang>.toml
	// StringsFile is the file of the interface strings.
	StringsFile string
	// Tasks are the other things "site status" asks of the language:
	// PO files out of step, image variants out of date, interface
	// strings with wrong plural forms or unused.
	Tasks []Task
}

// Task is one thing to do that is not a block of a page.
type Task struct {
	Kind   string // "po", "image", "string" or "extra"
	Pos    Pos
	Detail string // what and how, in English, as "site status" says it
	// Say, if set, says Detail in the workbench's language, as "site
	// status -lang" does.
	Say func(*status.Printer) string
}

// Total is the language's progress: its pages' blocks and its interface
// strings.
func (l *Language) Total() Progress {
	t := l.Strings
	for _, p := range l.Pages {
		t = t.Add(p.Progress)
	}
	return t
}

// Overview is the state of every translated language of the site.
type Overview struct {
	Default     string // the original's language
	DefaultName string
	Languages   []*Language
	// Tasks are what "site status" asks of the original's side:
	// interface strings layouts use but lack, or have and never use, and
	// pages with no original.
	Tasks []Task
}

// Language returns the language whose code is lang, or nil.
func (o *Overview) Language(lang string) *Language {
	for _, l := range o.Languages {
		if l.Lang == lang {
			return l
		}
	}
	return nil
}
