package workbench

import (
	"embed"
	"fmt"
	"path"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
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

var bundle = loadBundle()

func loadBundle() *i18n.Bundle {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	for _, l := range uiLangs {
		if _, err := b.LoadMessageFileFS(messageFiles, path.Join("messages", l.Code+".toml")); err != nil {
			panic(err) // embedded; TestMessages keeps them valid
		}
	}
	return b
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

// words looks up the workbench's messages in one language.
type words struct {
	lang string
	loc  *i18n.Localizer
}

func newWords(lang string) words {
	return words{lang: lang, loc: i18n.NewLocalizer(bundle, lang, defaultUI)}
}

// T returns message id with its template filled from pairs of names and
// values: T("pages_caption", "Lang", "español").
func (w words) T(id string, pairs ...any) string {
	data := map[string]any{}
	for i := 0; i+1 < len(pairs); i += 2 {
		data[fmt.Sprint(pairs[i])] = pairs[i+1]
	}
	return w.localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
}

// N returns the plural message id for count.
func (w words) N(id string, count int, pairs ...any) string {
	data := map[string]any{"Count": count}
	for i := 0; i+1 < len(pairs); i += 2 {
		data[fmt.Sprint(pairs[i])] = pairs[i+1]
	}
	return w.localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: data})
}

func (w words) localize(c *i18n.LocalizeConfig) string {
	s, err := w.loc.Localize(c)
	if err != nil {
		// A message missing from the files is a bug that TestMessages
		// catches; show its ID rather than nothing.
		return strings.ToUpper(c.MessageID)
	}
	return s
}

// has reports whether the workbench has message id.
func (w words) has(id string) bool {
	_, err := w.loc.Localize(&i18n.LocalizeConfig{MessageID: id})
	return err == nil
}

// langName is the name of a site language in the workbench's language:
// "inglés", or the site's own name for a language it has no word for.
func (w words) langName(code, fallback string) string {
	s, err := w.loc.Localize(&i18n.LocalizeConfig{MessageID: "lang_" + code})
	if err != nil {
		return fallback
	}
	return s
}
