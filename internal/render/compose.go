package render

import (
	"cecot/internal/content"
	"cecot/internal/diag"
	"cecot/internal/locale"
	"cecot/internal/markdown"
	"cecot/internal/translation"
)

// composeTranslation returns the body to convert for page p, whose
// Markdown is body. A translation that records which original block
// each of its blocks translates (translation.Record) is shown block by
// block beside its original as it is now: a block the translation lacks
// shows the original's text, in the original's language and with a
// notice, so that the translation's paragraph #pN is never the
// translation of another paragraph (translation.Compose). A translation
// stamped from the original as it is now is in step with it already.
func (r *Renderer) composeTranslation(p *content.Page, body []byte) ([]byte, *markdown.Untranslated, error) {
	def := r.Config.DefaultLanguage
	if p.Untranslated || p.Lang == def || p.BlocksFrom == "" {
		return body, nil, nil
	}
	src := r.Content.Page(def, p.Key)
	if src == nil {
		return body, nil, nil
	}
	rec, err := translation.ParseRecord(p.BlocksFrom)
	if err != nil {
		return nil, nil, diag.Errorf(p.File, 0, "front matter: %v; run \"site stamp\" on the page to record it again", err)
	}
	r.read(src)
	orig, err := content.ReadBody(r.fsys, src)
	if err != nil {
		return nil, nil, err
	}
	if p.StampedFrom(src) {
		// In step: the record is the original's blocks as they are.
		// Only a hand edit of the translation's blocks can have broken
		// it, which Compose finds.
		if _, err := translation.Compose(orig, body, rec); err != nil {
			return nil, nil, diag.Errorf(p.File, 0, "%v; put them back as the original has them, or run \"site stamp\" on the page once they match", err)
		}
		return body, nil, nil
	}
	c, err := translation.Compose(orig, body, rec)
	if err != nil {
		return nil, nil, diag.Errorf(p.File, 0, "%v; put them back as the original has them, or run \"site stamp\" on the page once they match", err)
	}
	if len(c.Untranslated) == 0 {
		return c.Body, nil, nil
	}
	note, err := r.translators[p.Lang].T(locale.UntranslatedBlock)
	if err != nil {
		// A site whose strings lack the message still says it.
		note = "This part has not been translated yet. It is shown in its original language."
	}
	return c.Body, &markdown.Untranslated{Lines: c.Untranslated, Lang: def, Note: note}, nil
}
