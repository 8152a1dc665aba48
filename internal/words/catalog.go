package words

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Catalog is a tool's own messages, one TOML file per language in a
// folder of an embedded file system: the one place the tools use
// go-i18n (the site's interface strings are locale's).
type Catalog struct {
	files fs.FS
	dir   string
	// files of each language, read when a message of a language that
	// needs it is first said: catalogs are package variables, and
	// reading them when the program starts cost every "site build"
	// several milliseconds and megabytes. A build says one message
	// ("built ...") in one language, so it reads that language's file
	// and English's, not every file (51 kB of TOML each, about a tenth
	// of a small site's build).
	messages map[string]func() *i18n.MessageFile

	mu      sync.Mutex
	bundles map[string]*i18n.Bundle // by the languages they hold, joined
}

// NewCatalog reads dir/<lang>.toml from files for each of langs, when
// the first message that needs it is said. The files are embedded, so
// an error is a bug: each tool's messages test keeps them valid.
func NewCatalog(files fs.FS, dir string, langs ...string) *Catalog {
	c := &Catalog{files: files, dir: dir, messages: map[string]func() *i18n.MessageFile{}, bundles: map[string]*i18n.Bundle{}}
	unmarshal := map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal}
	for _, l := range langs {
		name := path.Join(dir, l+".toml")
		c.messages[l] = sync.OnceValue(func() *i18n.MessageFile {
			data, err := fs.ReadFile(files, name)
			if err != nil {
				panic(err)
			}
			mf, err := i18n.ParseMessageFileBytes(data, name, unmarshal)
			if err != nil {
				panic(err)
			}
			return mf
		})
	}
	return c
}

// bundle returns a bundle of the messages of langs and of English, the
// language go-i18n falls back to last, as far as the catalog has them.
//
// English's messages are left out when langs[0] has a file: go-i18n then
// says langs[0]'s messages (its tag is among the bundle's, which always
// hold English's tag, and matches exactly), and one that langs[0] lacks
// comes back from English with an error, which Speaker reports as
// missing either way; so reading en.toml too, in every command that
// speaks Spanish, changed nothing that was said.
func (c *Catalog) bundle(langs []string) *i18n.Bundle {
	var have []string
	all := slices.Clone(langs)
	if len(langs) == 0 || c.messages[langs[0]] == nil {
		all = append(all, "en")
	}
	for _, l := range all {
		if c.messages[l] != nil && !slices.Contains(have, l) {
			have = append(have, l)
		}
	}
	key := strings.Join(have, ",")
	c.mu.Lock()
	defer c.mu.Unlock()
	if b := c.bundles[key]; b != nil {
		return b
	}
	b := i18n.NewBundle(language.English)
	for _, l := range have {
		mf := c.messages[l]()
		if err := b.AddMessages(mf.Tag, mf.Messages...); err != nil {
			panic(err)
		}
	}
	c.bundles[key] = b
	return b
}

// Speaker says a Catalog's messages in one language.
type Speaker struct {
	lang string
	loc  func() *i18n.Localizer // made when first used, as the bundle
}

// In returns the Speaker of lang; a message lang lacks is looked up in
// each of fallbacks in turn.
func (c *Catalog) In(lang string, fallbacks ...string) Speaker {
	langs := append([]string{lang}, fallbacks...)
	return Speaker{lang: lang, loc: sync.OnceValue(func() *i18n.Localizer {
		return i18n.NewLocalizer(c.bundle(langs), langs...)
	})}
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
	m, err := s.loc().Localize(&i18n.LocalizeConfig{MessageID: id})
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
	m, err := s.loc().Localize(c)
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
