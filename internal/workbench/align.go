package workbench

import (
	"io/fs"
	"strings"

	"cecot/internal/status"
	"cecot/internal/translate"
	"cecot/internal/translation"
)

// align returns the blocks of page key in language l beside the
// original's, from internal/translate's alignment, which "site status"
// counts with: the report's own when it has the page.
func align(fsys fs.FS, l *status.Language, key string) ([]Block, error) {
	pa := l.Aligned(key)
	if pa == nil {
		var err error
		if pa, err = translate.AlignPage(fsys, l.Lang, key); err != nil {
			return nil, err
		}
	}
	return blocksOf(pa), nil
}

// blocksOf is a page's alignment as the view's rows.
func blocksOf(pa *translation.Page) []Block {
	blocks := make([]Block, 0, len(pa.Units))
	for _, r := range pa.Units {
		b := Block{
			Kind: r.Kind, Name: r.Anchor, Anchor: r.Anchor,
			Fragment: r.ID, TargetFragment: r.TranslationID,
			Original: r.Original, Previous: r.Previous, HasPrevious: r.HasPrevious,
			Translation: r.Translation, State: r.State,
			Source: Pos{File: pa.Original, Line: r.OriginalLine},
			Target: Pos{File: pa.Translation, Line: r.TranslationLine},
		}
		field, isField := strings.CutPrefix(r.Anchor, "meta.")
		switch {
		case isField:
			b.Name = field // a front-matter field, even of a kind added since
		case r.Kind == translation.KindParagraph, r.Kind == translation.KindHeading:
		default:
			b.Name = ""
		}
		if b.TargetFragment == "" && b.Kind != translation.KindHeading {
			b.TargetFragment = b.Fragment
		}
		blocks = append(blocks, b)
	}
	return blocks
}
