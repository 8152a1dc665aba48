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
	blocks := make([]Block, 0, len(pa.Units))
	for _, r := range pa.Units {
		b := Block{
			Kind: kindOf(r.Kind), Name: r.Anchor, Anchor: r.Anchor,
			Fragment: r.ID, TargetFragment: r.TranslationID,
			Original: r.Original, Previous: r.Previous, HasPrevious: r.HasPrevious,
			Translation: r.Translation, State: State(r.State),
			Source: Pos{File: pa.Original, Line: r.OriginalLine},
			Target: Pos{File: pa.Translation, Line: r.TranslationLine},
		}
		switch r.State {
		case translation.Identical:
			b.State = Missing // the original's words, left in place
		case translation.Fuzzy:
			b.State = Changed
		}
		if field, ok := strings.CutPrefix(r.Anchor, "meta."); ok {
			b.Kind = Field // a front-matter field, even of a kind added since
			b.Name = field
		}
		switch b.Kind {
		case Field:
		case Paragraph, Heading:
		default:
			b.Name = ""
		}
		if b.TargetFragment == "" && b.Kind != Heading {
			b.TargetFragment = b.Fragment
		}
		blocks = append(blocks, b)
	}
	return blocks, nil
}

// kindOf maps internal/translate's kinds of block to the workbench's.
func kindOf(k translation.Kind) Kind {
	switch k {
	case translation.KindTitle, translation.KindDescription, translation.KindSummary, translation.KindMenu, translation.KindAddressee:
		return Field
	case translation.KindHeading:
		return Heading
	case translation.KindParagraph:
		return Paragraph
	case translation.KindItem:
		return Item
	case translation.KindQuote:
		return Quote
	case translation.KindCell:
		return Cell
	case translation.KindFootnote:
		return Footnote
	case translation.KindAlt:
		return Alt
	case translation.KindImageTitle:
		return ImageTitle
	}
	return Kind(strings.ToLower(string(k)))
}
