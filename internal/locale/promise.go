package locale

import (
	"fmt"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"cecot/internal/diag"
	"cecot/internal/plural"
	"cecot/internal/promise"
)

// checkPromises refuses, at its line, a message that would fail or show
// "<no value>" when a page is rendered: a placeholder that does not
// parse ({{.Number), one the original does not have ({{.Numero}}), or a
// template that fails when filled in. Without it the error would surface
// at a layout's line, which a translator cannot fix. A translation that
// leaves out one of the original's placeholders renders, without the
// value: it is kept as a warning (Dropped), so that an edit of the
// default language never stops the build, and "site check" refuses it.
func (l *Locales) checkPromises(langs []string) error {
	var errs diag.List
	for _, lang := range langs {
		for _, id := range l.IDs(lang) {
			m, def := l.messages[lang][id], l.messages[l.def][id]
			if lang == l.def || def == nil {
				errs.Add(l.checkAlone(lang, m))
				continue
			}
			for _, p := range promise.String(Forms(def), Forms(m)) {
				err := messageError(File(lang), l.Line(lang, id), id, p)
				if p.Kind == promise.Dropped {
					l.dropped = append(l.dropped, err)
				} else {
					errs.Add(err)
				}
			}
		}
	}
	return errs.Err()
}

// checkAlone checks a message that has no original to compare with.
func (l *Locales) checkAlone(lang string, m *i18n.Message) error {
	var errs diag.List
	forms := Forms(m)
	for _, f := range plural.Order {
		text, ok := forms[f]
		if !ok {
			continue
		}
		if p := promise.Template(text); p != nil {
			if len(forms) > 1 {
				p.Form = f
			}
			errs.Add(messageError(File(lang), l.Line(lang, m.ID), m.ID, p))
		}
	}
	return errs.Err()
}

// messageError is err about message id, at file and line.
func messageError(file string, line int, id string, err error) *diag.Error {
	q := fmt.Sprintf("%q", id)
	return diag.At(file, line, "strings_message", "message "+q+": "+err.Error(), "ID", q, "Err", err)
}

// Dropped returns the translations that leave out a placeholder of their
// original, located at their lines: the build warns about them, and
// "site check" refuses them.
func (l *Locales) Dropped() []*diag.Error { return l.dropped }

// Forms returns a message's texts by plural form ("other" alone for a
// simple message).
func Forms(m *i18n.Message) map[string]string {
	out := map[string]string{}
	for f, s := range map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many, "other": m.Other} {
		if s != "" {
			out[f] = s
		}
	}
	return out
}
