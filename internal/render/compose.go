package render

import (
	"errors"
	"fmt"

	"cecot/internal/content"
	"cecot/internal/diag"
	"cecot/internal/locale"
	"cecot/internal/markdown"
	"cecot/internal/stamp"
	"cecot/internal/translation"
)

// composes reports whether translation t is shown block by block beside
// src, its original (composeTranslation): when t is translated and says
// which original block each of its blocks translates, by a record of
// them (blocks_from) or by a stamp of src as it is now. The original's
// render asks it too (Pass.composedFrom), so that both agree.
func composes(t, src *content.Page) bool {
	return !t.Untranslated && (t.BlocksFrom != "" || stamp.From(t, src))
}

// composeTranslation returns the body to convert for page p, whose
// Markdown is body. A translation that records which original block
// each of its blocks translates (translation.Record) is shown block by
// block beside its original as it is now: a block the translation lacks
// shows the original's text, in the original's language and with a
// notice, so that the translation's paragraph #pN is never the
// translation of another paragraph (translation.Compose). A translation
// stamped from the original as it is now, with every block, is in step
// with it already.
func (j *job) composeTranslation(p *content.Page, body []byte) ([]byte, *markdown.Untranslated, *relocator, error) {
	r := j.pass.r
	def := r.cfg.DefaultLanguage
	if p.Lang == def {
		return body, nil, nil, nil
	}
	src := j.pass.content.Page(def, p.Key)
	if src == nil || !composes(p, src) {
		return body, nil, nil, nil
	}
	var rec translation.Record
	if p.BlocksFrom != "" {
		var err error
		if rec, err = translation.ParseRecord(p.BlocksFrom); err != nil {
			return nil, nil, nil, diag.At(p.File, 0, "fm_blocks_from", fmt.Sprintf("front matter: %v; run \"site stamp\" on the page to record it again", err), "Err", err)
		}
	}
	j.read(src)
	orig, err := content.ReadBody(r.fsys, src)
	if err != nil {
		return nil, nil, nil, err
	}
	var c *translation.Composed
	if p.BlocksFrom == "" {
		// A translation that records nothing but is stamped from the
		// original as it is now (made by "site stamp -new") is paired
		// block for block, so that a block still in the original's
		// words is marked as such (issue 19).
		if c = translation.ComposePositional(orig, body); c == nil {
			return body, nil, nil, nil
		}
	} else if c, err = translation.Compose(orig, body, rec); err != nil {
		return nil, nil, nil, diag.At(p.File, 0, "compose_blocks", fmt.Sprintf("%v; put them back as the original has them, or run \"site stamp\" on the page once they match", err), "Err", err)
	}
	at := &relocator{composed: c, file: p.File, original: src.File}
	if c.Headings > 0 {
		// Body's top-level blocks are the original's, in its order.
		if ids, ok := j.pass.headingIDs.Load(src); ok {
			// The original's own conversion found them.
			at.aliases = ids.([]string)
		} else {
			heads, err := r.md.Outline(orig, markdown.Page{File: src.File, Numbered: src.Numbered, Reserved: r.tmpl.ids})
			if err != nil {
				return nil, nil, nil, err
			}
			at.aliases = make([]string, len(heads))
			for i, h := range heads {
				at.aliases[i] = h.ID
			}
		}
	}
	if len(c.Untranslated) == 0 && len(c.UntranslatedItems) == 0 {
		if stamp.From(p, src) {
			// In step: the record is the original's blocks as
			// they are.
			return body, nil, &relocator{aliases: at.aliases}, nil
		}
		return c.Body, nil, at, nil
	}
	// A page stamped from the original as it is now can still lack
	// blocks: a translator emptied their msgstr (issue 19, case 10).
	note, err := r.translators[p.Lang].T(locale.UntranslatedBlock)
	if err != nil {
		// A site whose strings lack the message still says it.
		note = "This part has not been translated yet. It is shown in its original language."
	}
	return c.Body, &markdown.Untranslated{Lines: c.Untranslated, Items: c.UntranslatedItems, Lang: def, Note: note, PageLang: p.Lang}, at, nil
}

// relocator moves the problems found in a composed body (see
// composeTranslation) to the lines they come from: the translation's
// own, or, in a block shown from the original, the original's.
type relocator struct {
	composed       *translation.Composed
	file, original string
	// aliases are the original's heading IDs, which the translation's
	// headings answer to too (markdown.Page.HeadingAliases).
	aliases []string
}

// headingAliases are at's aliases; none for a nil relocator.
func (at *relocator) headingAliases() []string {
	if at == nil {
		return nil
	}
	return at.aliases
}

// relocate moves e, if it is located in the composed body. A nil
// relocator moves nothing: the body was the translation's own.
func (at *relocator) relocate(e *diag.Error) {
	if at == nil || at.composed == nil || e.Path != at.file || e.Line == 0 {
		return
	}
	original, line := at.composed.Source(e.Line)
	if original {
		e.Path = at.original
	}
	e.Line = line
}

// relocateAll relocates every located problem of err, a diag.List or a
// single *diag.Error.
func (at *relocator) relocateAll(err error) {
	if at == nil {
		return
	}
	var list diag.List
	if errors.As(err, &list) {
		for _, err := range list {
			at.relocateAll(err)
		}
		return
	}
	var e *diag.Error
	if errors.As(err, &e) {
		at.relocate(e)
	}
}
