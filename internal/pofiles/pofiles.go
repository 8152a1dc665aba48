// Package pofiles is where the project keeps its PO files: each page's
// template and translations, and the interface strings' (see Dir). It
// names places only; reading and writing PO files is package po's, what
// goes in them package translate's.
package pofiles

import (
	"path"
	"strings"

	"cecot/internal/locale"
)

// Dir is the folder of the PO files: templates of every translatable
// text of the default language, and one PO file per translated language.
//
//	locales/po/pages/<key>.pot          a page's template ("submission.pot")
//	locales/po/pages/<lang>/<key>.po    its translation into lang
//	locales/po/strings/strings.pot      the interface strings' template
//	locales/po/strings/<lang>.po        their translation into lang
const Dir = locale.Dir + "/po"

// Template is the template of a page: "locales/po/pages/submission.pot".
func Template(key string) string { return path.Join(Dir, "pages", key+".pot") }

// Page is a page's PO file in lang: "locales/po/pages/es/submission.po".
func Page(lang, key string) string { return path.Join(Dir, "pages", lang, key+".po") }

// StringsTemplate is the interface strings' template.
func StringsTemplate() string { return path.Join(Dir, "strings", "strings.pot") }

// Strings is the interface strings' PO file in lang.
func Strings(lang string) string { return path.Join(Dir, "strings", lang+".po") }

// GlossaryTBX is where "site po export" writes the glossary for
// translators' tools: locales/po/glossary.tbx.
func GlossaryTBX() string { return path.Join(Dir, "glossary.tbx") }

// Place is where a file stands in the layout of Dir.
type Place struct {
	Strings bool   // the interface strings' file (else a page's)
	Lang    string // the language it translates into; "" for a template
	Key     string // the page's key; "" for the interface strings
}

// Of returns the place of the PO file or template p (a project path) in
// the layout of Dir, and false when the layout has no place for it.
// Anything in a language's folder of page PO files is that language's.
func Of(p string) (Place, bool) {
	rel, ok := strings.CutPrefix(p, Dir+"/")
	if !ok {
		return Place{}, false
	}
	kind, rest, _ := strings.Cut(rel, "/")
	switch {
	case kind == "strings" && rest == path.Base(StringsTemplate()):
		return Place{Strings: true}, true
	case kind == "strings" && path.Ext(rest) == ".po" && !strings.Contains(rest, "/"):
		return Place{Strings: true, Lang: strings.TrimSuffix(rest, ".po")}, true
	case kind == "pages" && path.Ext(rest) == ".pot":
		return Place{Key: strings.TrimSuffix(rest, ".pot")}, true
	case kind == "pages" && strings.Contains(rest, "/"):
		lang, file, _ := strings.Cut(rest, "/")
		return Place{Lang: lang, Key: strings.TrimSuffix(file, ".po")}, true
	}
	return Place{}, false
}
