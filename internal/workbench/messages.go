package workbench

import (
	"embed"

	"cecot/internal/words"
)

//go:embed messages/*.toml
var messageFiles embed.FS

// uiLangs are the languages the workbench speaks, in the order its
// language switcher lists them, each in its own name.
var uiLangs = []struct{ Code, Name string }{
	{"en", "English"},
	{"es", "Español"},
}

// defaultUI is the language the workbench falls back to.
const defaultUI = "en"

var catalog = words.NewCatalog(messageFiles, "messages", uiCodes()...)

func uiCodes() []string {
	codes := make([]string, len(uiLangs))
	for i, l := range uiLangs {
		codes[i] = l.Code
	}
	return codes
}

// speaks reports whether the workbench has its own words in lang.
func speaks(lang string) bool {
	for _, l := range uiLangs {
		if l.Code == lang {
			return true
		}
	}
	return false
}

// speech says the workbench's messages in one language.
type speech struct{ words.Speaker }

func newSpeech(lang string) speech { return speech{catalog.In(lang, defaultUI)} }

// langName is the name of a site language in the workbench's language:
// "inglés", or the site's own name for a language it has no word for.
func (s speech) langName(code, fallback string) string {
	if name, ok := s.Lookup("lang_" + code); ok {
		return name
	}
	return fallback
}
