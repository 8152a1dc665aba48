package translate

import (
	"path"

	"cecot/internal/locale"
)

// PODir is the folder of the PO files: templates of every translatable
// text of the default language, and one PO file per translated language.
//
//	locales/po/pages/<key>.pot          a page's template ("submission.pot")
//	locales/po/pages/<lang>/<key>.po    its translation into lang
//	locales/po/strings/strings.pot      the interface strings' template
//	locales/po/strings/<lang>.po        their translation into lang
const PODir = locale.Dir + "/po"

// POTPath is the template of a page: "locales/po/pages/submission.pot".
func POTPath(key string) string { return path.Join(PODir, "pages", key+".pot") }

// POPath is a page's PO file in lang: "locales/po/pages/es/submission.po".
func POPath(lang, key string) string { return path.Join(PODir, "pages", lang, key+".po") }

// StringsPOT is the interface strings' template.
func StringsPOT() string { return path.Join(PODir, "strings", "strings.pot") }

// StringsPO is the interface strings' PO file in lang.
func StringsPO(lang string) string { return path.Join(PODir, "strings", lang+".po") }

// GlossaryTBX is where "site po export" writes the glossary for
// translators' tools: locales/po/glossary.tbx.
func GlossaryTBX() string { return path.Join(PODir, "glossary.tbx") }
