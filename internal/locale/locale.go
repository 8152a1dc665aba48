// Package locale looks up a site's interface strings, kept in go-i18n
// TOML files in locales/ (one per language, with CLDR plural forms), and
// formats dates in each language.
package locale

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"cecot/internal/bounded"
	"cecot/internal/diag"
	"cecot/internal/invisible"
	"cecot/internal/plural"
)

// Dir is the folder of the message files.
const Dir = "locales"

// ParagraphLabel is the message that gives each numbered paragraph's
// link its name for screen readers, "Paragraph {{.Number}}". The renderer
// uses it for every numbered page; no layout names it.
const ParagraphLabel = "paragraph_label"

// UntranslatedBlock is the notice before a block of a translation that
// shows the original's text because the translation lacks it. The
// renderer uses it; no layout names it.
const UntranslatedBlock = "untranslated_block"

// Locales are the interface strings of every language of a site.
type Locales struct {
	bundle   *i18n.Bundle
	def      string
	messages map[string]map[string]*i18n.Message // lang → id → message
	lines    map[string]map[string]int           // lang → id → line
	dropped  []*diag.Error                       // translations that leave out a placeholder
}

// File returns the message file of lang: "locales/es.toml".
func File(lang string) string { return path.Join(Dir, lang+".toml") }

// Load reads the message file of each language. A message missing in a
// language falls back to the default language, with a warning.
func Load(fsys fs.FS, langs []string, def string) (*Locales, []*diag.Error, error) {
	l := &Locales{
		bundle:   i18n.NewBundle(language.Make(def)),
		def:      def,
		messages: map[string]map[string]*i18n.Message{},
		lines:    map[string]map[string]int{},
	}
	var errs diag.List
	for _, lang := range langs {
		errs.Add(l.loadFile(fsys, lang, lang == def))
	}
	if err := errs.Err(); err != nil {
		return nil, nil, err
	}
	if err := l.checkPromises(langs); err != nil {
		return nil, nil, err
	}
	return l, append(l.missing(langs), l.dropped...), nil
}

// syntaxProblem is a TOML syntax error in an interface strings' file:
// the parser's words and how to write a message, in English as always;
// the catalogue says the commonest ones as what to do.
func syntaxProblem(parser string) *diag.Message {
	parser = strings.TrimSuffix(parser, ".")
	english := parser + "; write each message as id = \"text in quotes\", or as a [id] table of plural forms"
	m := diag.TOMLFileProblem(parser)
	if m.ID == "toml_other" {
		return diag.Say("strings_syntax", english, "Parser", parser)
	}
	m.English = english
	return m
}

func (l *Locales) loadFile(fsys fs.FS, lang string, required bool) error {
	name := File(lang)
	l.messages[lang] = map[string]*i18n.Message{}
	data, err := bounded.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) && !required {
		return nil
	}
	if _, serr := fs.Lstat(fsys, name); errors.Is(serr, fs.ErrNotExist) {
		return diag.At(name, 0, "strings_missing", "missing; the default language's interface strings must be there, one message per line: skip_to_content = \"Skip to content\"")
	}
	if err != nil {
		return diag.CannotRead(name, err)
	}
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			if say, ok := invisible.FromTOML(perr.Message); ok {
				return &diag.Error{Path: name, Line: perr.Position.Line, Err: say}
			}
			return &diag.Error{Path: name, Line: perr.Position.Line, Err: syntaxProblem(perr.Message)}
		}
		return &diag.Error{Path: name, Err: err}
	}
	lines := messageLines(data)
	if err := checkValues(name, raw, lines); err != nil {
		return err
	}
	tag, err := language.Parse(lang)
	if err != nil {
		return diag.Errorf(name, 0, "language %q: %v", lang, err)
	}
	// go-i18n would decode the file again: hand it the table decoded
	// above (a tenth of a small site's build went to decoding TOML).
	msgs, err := i18n.ParseMessageBytes(data, func(_ []byte, v any) error {
		*v.(*any) = raw
		return nil
	})
	if err != nil {
		return &diag.Error{Path: name, Err: err}
	}
	l.lines[lang] = lines
	forms := plural.Forms(lang)
	var errs diag.List
	for _, m := range msgs {
		if err := checkPlural(m, lang, forms); err != nil {
			errs.Add(&diag.Error{Path: name, Line: l.lines[lang][m.ID], Err: err.Message()})
			continue
		}
		l.messages[lang][m.ID] = m
	}
	if err := errs.Err(); err != nil {
		return err
	}
	return l.bundle.AddMessages(tag, msgs...)
}

// checkValues accepts messages as text, or as tables of text whose keys
// go-i18n knows; go-i18n's own errors ("unsupported file format int64")
// would not tell a translator which line to fix.
func checkValues(name string, raw map[string]any, lines map[string]int) error {
	var errs diag.List
	for _, id := range slices.Sorted(maps.Keys(raw)) {
		switch v := raw[id].(type) {
		case string:
			if err := invisible.Check(v, false); err != nil {
				errs.Add(diag.At(name, lines[id], "strings_invisible", fmt.Sprintf("message %q %v", id, err), "ID", fmt.Sprintf("%q", id), "Err", err))
			}
		case map[string]any:
			for _, k := range slices.Sorted(maps.Keys(v)) {
				if !slices.Contains(tableKeys, k) {
					errs.Add(diag.At(name, lines[id], "strings_unknown_key", fmt.Sprintf("message %q: unknown key %q; a message table has the plural forms %s, and description", id, k, strings.Join(plural.Order, ", ")),
						"ID", fmt.Sprintf("%q", id), "Key", fmt.Sprintf("%q", k), "Forms", strings.Join(plural.Order, ", ")))
				} else if s, ok := v[k].(string); !ok {
					errs.Add(diag.At(name, lines[id], "strings_form_quotes", fmt.Sprintf("message %q: %s: want text in quotes", id, k), "ID", fmt.Sprintf("%q", id), "Form", k))
				} else if err := invisible.Check(s, false); err != nil {
					errs.Add(diag.At(name, lines[id], "strings_form_invisible", fmt.Sprintf("message %q: %s %v", id, k, err), "ID", fmt.Sprintf("%q", id), "Form", k, "Err", err))
				}
			}
		default:
			errs.Add(diag.At(name, lines[id], "strings_quotes", fmt.Sprintf("message %q: want text in quotes, like %s = \"...\"", id, id), "ID", fmt.Sprintf("%q", id), "Key", id))
		}
	}
	return errs.Err()
}

// tableKeys are the keys a message table may have.
var tableKeys = append(slices.Clone(plural.Order), "description", "hash", "id", "leftDelim", "rightDelim")

// checkPlural accepts a simple message, or a plural one with exactly the
// forms its language uses.
func checkPlural(m *i18n.Message, lang string, forms []string) *PluralError {
	given := map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many, "other": m.Other}
	var have []string
	for _, f := range plural.Order {
		if given[f] != "" {
			have = append(have, f)
		}
	}
	if len(have) == 0 {
		return &PluralError{Kind: "empty", ID: m.ID, Lang: lang, Forms: forms}
	}
	if len(have) == 1 && have[0] == "other" {
		return nil
	}
	for _, f := range have {
		if !slices.Contains(forms, f) {
			return &PluralError{Kind: "extra", ID: m.ID, Form: f, Lang: lang, Forms: forms}
		}
	}
	for _, f := range forms {
		if given[f] == "" {
			return &PluralError{Kind: "missing", ID: m.ID, Form: f, Lang: lang, Forms: forms}
		}
	}
	return nil
}

// PluralError is a message whose plural forms do not fit its language:
// it has no text ("empty"), a form the language does not use ("extra"),
// or lacks one it needs ("missing"). The translator tools say it in
// their own language from these fields.
type PluralError struct {
	Kind  string
	ID    string   // the message
	Form  string   // the form extra or missing
	Lang  string   // the message's language
	Forms []string // the forms the language uses
}

func (e *PluralError) Error() string {
	forms := strings.Join(e.Forms, ", ")
	switch e.Kind {
	case "empty":
		return "no text; write it as id = \"text\", or with plural forms"
	case "extra":
		return fmt.Sprintf("plural form %q is not used in language %q, which has %s; remove it", e.Form, e.Lang, forms)
	}
	return fmt.Sprintf("plural form %q is missing; language %q needs %s", e.Form, e.Lang, forms)
}

// Message is the error as the catalogue's message plural_<kind>, which
// names the message: `message "pages": plural form "many" is missing;
// ...`. It unwraps to e.
func (e *PluralError) Message() *diag.Message {
	return diag.Say("plural_"+e.Kind, fmt.Sprintf("message %q: %v", e.ID, e), "ID", fmt.Sprintf("%q", e.ID),
		"Form", fmt.Sprintf("%q", e.Form), "Lang", fmt.Sprintf("%q", e.Lang), "Forms", strings.Join(e.Forms, ", "), "Err", e)
}

// messageLines finds the line where each message starts: "[id]" or
// "id = ...".
func messageLines(data []byte) map[string]int {
	lines := map[string]int{}
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		var id string
		if end := strings.LastIndex(line, "]"); strings.HasPrefix(line, "[") && end > 0 {
			// "[id]", maybe followed by a comment such as "# same"
			id = strings.Trim(line[:end+1], "[] \"")
		} else if k, _, ok := strings.Cut(line, "="); ok && !strings.HasPrefix(line, "#") {
			id = strings.Trim(strings.TrimSpace(k), "\"")
			if _, inTable := lines[id]; inTable || plural.IsForm(id) || id == "description" || id == "hash" {
				continue
			}
		}
		if id != "" {
			if _, seen := lines[id]; !seen {
				lines[id] = i + 1
			}
		}
	}
	return lines
}

// missing warns about messages of the default language that another
// language lacks.
func (l *Locales) missing(langs []string) []*diag.Error {
	var warns []*diag.Error
	for _, lang := range langs {
		if lang == l.def {
			continue
		}
		for _, id := range l.IDs(l.def) {
			if _, ok := l.messages[lang][id]; !ok {
				// The tag first, in every language, for tools that read the log.
				tag, at := "MISSING_TRANSLATION|"+lang+"|"+id, fmt.Sprintf("%s:%d", File(l.def), l.Line(l.def, id))
				warns = append(warns, diag.At(File(lang), 0, "strings_missing_translation", fmt.Sprintf("%s: no message %q; the %s text at %s is used until it is translated here", tag, id, l.def, at),
					"Tag", tag, "ID", fmt.Sprintf("%q", id), "Default", l.def, "At", at))
			}
		}
	}
	return warns
}

// IDs returns the message IDs of lang, sorted.
func (l *Locales) IDs(lang string) []string {
	return slices.Sorted(maps.Keys(l.messages[lang]))
}

// Message returns the message id of lang, or nil.
func (l *Locales) Message(lang, id string) *i18n.Message { return l.messages[lang][id] }

// Line returns the line of lang's file where message id starts, or 0.
func (l *Locales) Line(lang, id string) int { return l.lines[lang][id] }

// Translator returns the string lookup for lang.
func (l *Locales) Translator(lang string) *Translator {
	return &Translator{lang: lang, locales: l, loc: i18n.NewLocalizer(l.bundle, lang, l.def)}
}

// Translator looks up the interface strings of one language.
type Translator struct {
	lang    string
	locales *Locales
	loc     *i18n.Localizer
	// said keeps the messages looked up without data or with a count
	// (a messageKey → string): layouts ask for the same few on every
	// page, and go-i18n works each one out again every time.
	said sync.Map
}

// messageKey is a message looked up with no argument (counted false) or
// with the count n.
type messageKey struct {
	id      string
	n       int
	counted bool
}

// T returns message id. An optional argument is either a count, which
// chooses the plural form and is available as {{.Count}}, or a map of
// template data.
func (t *Translator) T(id string, args ...any) (string, error) {
	key, keep := messageKey{id: id}, len(args) == 0
	if len(args) == 1 {
		key.n, key.counted = args[0].(int)
		keep = key.counted
	}
	if keep {
		if s, ok := t.said.Load(key); ok {
			return s.(string), nil
		}
	}
	s, err := t.localize(id, args)
	if keep && err == nil {
		t.said.Store(key, s)
	}
	return s, err
}

// localize is T, without the messages kept.
func (t *Translator) localize(id string, args []any) (string, error) {
	cfg := &i18n.LocalizeConfig{MessageID: id}
	switch len(args) {
	case 0:
	case 1:
		switch a := args[0].(type) {
		case int:
			cfg.PluralCount = a
			cfg.TemplateData = map[string]any{"Count": a}
		case map[string]any:
			cfg.TemplateData = a
			if n, ok := a["Count"]; ok {
				cfg.PluralCount = n
			}
		default:
			q, got := fmt.Sprintf("%q", id), fmt.Sprintf("%T", a)
			return "", diag.Say("t_bad_argument", "T "+q+": want a count or a map of data, got "+got, "ID", q, "Got", got)
		}
	default:
		q := fmt.Sprintf("%q", id)
		return "", diag.Say("t_too_many", "T "+q+": too many arguments", "ID", q)
	}
	s, err := t.loc.Localize(cfg)
	if err != nil {
		var nf *i18n.MessageNotFoundErr
		if errors.As(err, &nf) && t.locales.Message(t.lang, id) == nil && t.locales.Message(t.locales.def, id) != nil {
			// go-i18n fell back to the default language, as it
			// should, and says so with an error; Load has warned.
			return s, nil
		}
		if errors.As(err, &nf) || t.locales.Message(t.locales.def, id) == nil {
			return "", diag.Say("t_no_message", fmt.Sprintf("T: no message %q in %s; add it there", id, File(t.locales.def)), "ID", fmt.Sprintf("%q", id), "File", File(t.locales.def))
		}
		return "", fmt.Errorf("T %q: %v", id, err)
	}
	return s, nil
}

// Date formats d in the translator's language. style is "long" ("1 June
// 2025") or "month" ("June 2025"); the patterns and month names are the
// messages date_long, date_month and month_1 ... month_12.
func (t *Translator) Date(d time.Time, style string) (string, error) {
	if style != "long" && style != "month" {
		q := fmt.Sprintf("%q", style)
		return "", diag.Say("date_style", "date: style "+q+": want \"long\" or \"month\"", "Style", q)
	}
	month, err := t.T(fmt.Sprintf("month_%d", d.Month()))
	if err != nil {
		return "", err
	}
	return t.T("date_"+style, map[string]any{"Day": d.Day(), "Month": month, "Year": d.Year()})
}
