package words

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Catalog is a tool's own messages, one TOML file per language in a
// folder of an embedded file system: the one place the tools use
// go-i18n (the site's interface strings are locale's).
type Catalog struct{ bundle *i18n.Bundle }

// NewCatalog reads dir/<lang>.toml from files for each of langs. The
// files are embedded, so an error is a bug: each tool's messages test
// keeps them valid.
func NewCatalog(files fs.FS, dir string, langs ...string) *Catalog {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	for _, l := range langs {
		if _, err := b.LoadMessageFileFS(files, path.Join(dir, l+".toml")); err != nil {
			panic(err)
		}
	}
	return &Catalog{bundle: b}
}

// Speaker says a Catalog's messages in one language.
type Speaker struct {
	lang string
	loc  *i18n.Localizer
}

// In returns the Speaker of lang; a message lang lacks is looked up in
// each of fallbacks in turn.
func (c *Catalog) In(lang string, fallbacks ...string) Speaker {
	return Speaker{lang: lang, loc: i18n.NewLocalizer(c.bundle, append([]string{lang}, fallbacks...)...)}
}

// Lang is the speaker's language.
func (s Speaker) Lang() string { return s.lang }

// T returns message id with its template filled from pairs of names and
// values: T("stamped", "File", f, "Original", o).
func (s Speaker) T(id string, pairs ...any) string {
	return s.say(id, nil, data(pairs))
}

// N returns the plural message id for count, which its template names
// {{.Count}}.
func (s Speaker) N(id string, count int, pairs ...any) string {
	return s.say(id, &count, data(pairs))
}

// Has reports whether the speaker has message id.
func (s Speaker) Has(id string) bool {
	_, ok := s.Lookup(id)
	return ok
}

// Lookup returns message id, which takes no values, and whether the
// speaker has it.
func (s Speaker) Lookup(id string) (string, bool) {
	m, err := s.loc.Localize(&i18n.LocalizeConfig{MessageID: id})
	return m, err == nil
}

// say returns message id with its template filled from d, in the plural
// form for count when count is set (d's Count is then count).
func (s Speaker) say(id string, count *int, d map[string]any) string {
	c := &i18n.LocalizeConfig{MessageID: id, TemplateData: d}
	if count != nil {
		c.PluralCount = *count
		d["Count"] = *count
	}
	m, err := s.loc.Localize(c)
	if err != nil {
		// A message missing from the files is a bug that the tool's
		// messages test catches; show its ID rather than nothing.
		return strings.ToUpper(id)
	}
	return m
}

func data(pairs []any) map[string]any {
	d := map[string]any{}
	for i := 0; i+1 < len(pairs); i += 2 {
		d[fmt.Sprint(pairs[i])] = pairs[i+1]
	}
	return d
}
