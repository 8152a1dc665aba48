package check

import (
	"io/fs"

	"cecot/internal/config"
	"cecot/internal/diag"
	"cecot/internal/translate"
)

// Translations finds, in each translation of the project in fsys, the
// blocks that break a promise of their original (a footnote mark, a
// link, an image or a piece of code lost or added, a new heading or
// list, raw HTML), each at its line of the translation's Markdown, as
// "site status" reports them and "site po import" refuses them.
func Translations(fsys fs.FS, cfg *config.Config) ([]*diag.Error, error) {
	var out []*diag.Error
	for _, lang := range cfg.Codes() {
		if lang == cfg.DefaultLanguage {
			continue
		}
		la, err := translate.Align(fsys, lang)
		if err != nil {
			return nil, err
		}
		out = append(out, translate.Broken(la, cfg.UnsafeHTML)...)
	}
	return out, nil
}
