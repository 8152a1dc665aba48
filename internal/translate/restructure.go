package translate

import (
	"bytes"
	"sort"
	"strings"

	"cecot/internal/markdown"
	"cecot/internal/stamp"
	"cecot/internal/translation"
)

// Import follows the original's structure: when the original's blocks
// were inserted, deleted or moved since the translation was made, or a
// PO file translates a block the translation does not have, import
// rebuilds the translation's body in the original's order. Each block of
// the original gets the translation's block paired with it by content
// (translation.Match on the translation's record), or, when the PO file
// translates every message of it, the original's block with those
// translations put in; the others are left out, and the build shows the
// original's text for them, marked. A translator working only in PO
// files never has to touch the Markdown.

// layout is how the translation's top-level blocks stand against the
// original's.
type layout struct {
	ob, tb  []markdown.Block
	rec     translation.Record
	matched []translation.Pair // for each original block, the translation's
}

// layout returns the pairing of the translation's blocks with the
// original's, or nil when it cannot be known: a translation that records
// nothing, or a record that does not describe it, is paired block for
// block only when it has the original's kinds of block in order.
func (s *pageSync) layout() *layout {
	l := &layout{ob: markdown.Blocks(s.orig.page.Body)}
	if s.tr == nil {
		l.matched = make([]translation.Pair, len(l.ob))
		for i := range l.matched {
			l.matched[i].Old = -1
		}
		return l
	}
	l.tb = markdown.Blocks(s.tr.page.Body)
	if rec, err := translation.ParseRecord(s.tr.page.BlocksFrom); err == nil && len(rec) == len(l.tb) && len(rec) > 0 {
		l.rec = rec
		l.matched = translation.Match(rec, translation.Items(s.orig.page.Body, l.ob))
		return l
	}
	if len(l.tb) != len(l.ob) {
		return nil
	}
	current := stamp.From(s.tr.page, s.orig.page)
	items := translation.Items(s.orig.page.Body, l.ob)
	for i := range l.ob {
		if l.ob[i].Kind != l.tb[i].Kind {
			return nil
		}
		l.matched = append(l.matched, translation.Pair{Old: i, Exact: current})
		l.rec = append(l.rec, items[i])
	}
	return l
}

// canRestructure reports whether import can put blocks in place.
func (s *pageSync) canRestructure() bool { return s.layout() != nil }

// needsRestructure reports whether the translation's blocks are not the
// original's, one for one in order.
func (s *pageSync) needsRestructure() bool {
	if s.tr == nil {
		return false
	}
	l := s.layout()
	if l == nil {
		return false
	}
	if len(l.tb) != len(l.ob) {
		return true
	}
	for i, m := range l.matched {
		if m.Old != i {
			return true
		}
	}
	return false
}

// hasPlaceless reports whether an edit is of an original's block, not of
// the translation's: a block the translation lacks.
func hasPlaceless(edits []edit) bool {
	for _, e := range edits {
		if !e.inTranslation {
			return true
		}
	}
	return false
}

// restructured is a translation rebuilt in the original's order.
type restructured struct {
	src      []byte
	record   translation.Record
	complete bool // every block of the original is there, from its current text
}

// restructure rebuilds the translation (or, for a new one, makes it)
// in the original's block order with edits applied; see above.
func (s *pageSync) restructure(edits []edit) *restructured {
	l := s.layout()
	origItems := translation.Items(s.orig.page.Body, l.ob)
	oUnits, _ := unitsByBlock(s.orig, l.ob)
	bySlot := map[int]slot{}
	for _, sl := range s.slots() {
		bySlot[sl.b.start] = sl
	}
	var trEdits, origEdits, removals []edit
	for _, e := range edits {
		if e.remove {
			removals = append(removals, e)
		} else if e.inTranslation {
			trEdits = append(trEdits, e)
		} else {
			origEdits = append(origEdits, e)
		}
	}
	fresh := func(i int) bool { // every message of original block i is translated from its text
		if s.unitOnly {
			// The desk's save starts the block from the original:
			// the units it does not translate keep the original's
			// words, untranslated until saved (see planMissingUnit).
			for _, u := range oUnits[i] {
				if hasEditAt(origEdits, s.orig.blocks[u].start) {
					return true
				}
			}
			return false
		}
		for _, u := range oUnits[i] {
			sl, ok := bySlot[s.orig.blocks[u].start]
			if !ok || sl.e == nil || !sl.e.Translated() || sl.e.Fuzzy() || sl.e.ID != sl.b.Text {
				return false
			}
		}
		return true
	}
	target := s.orig
	if s.tr != nil {
		target = s.tr
	}
	tdelta := len(target.src) - len(target.page.Body)
	odelta := len(s.orig.src) - len(s.orig.page.Body)
	var out restructured
	out.complete = true
	first := len(target.src)
	if s.tr != nil && len(l.tb) > 0 {
		first = l.tb[0].Start + tdelta
	} else if s.tr == nil && len(l.ob) > 0 {
		first = l.ob[0].Start + odelta
	}
	src := append([]byte(nil), target.src[:first]...)
	// The original's own messages, translated, for blocks the
	// translation lacks.
	for i := range l.ob {
		if s.unitOnly {
			break
		}
		for _, u := range oUnits[i] {
			sl, ok := bySlot[s.orig.blocks[u].start]
			if ok && sl.e != nil && sl.e.Translated() && !sl.e.Fuzzy() && !hasEditAt(origEdits, sl.b.start) {
				origEdits = append(origEdits, edit{b: sl.b, text: first0(sl.e.Str)})
			}
		}
	}
	for i, m := range l.matched {
		var piece []byte
		switch {
		case m.Old >= 0 && hasEditIn(removals, l.tb[m.Old].Start+tdelta, l.tb[m.Old].End+tdelta):
			// Its msgstr was emptied: untranslated now, the build
			// shows the original's text, marked.
			out.complete = false
			continue
		case m.Old >= 0:
			tb := l.tb[m.Old]
			piece = applyEdits(s.tr.src, tb.Start+tdelta, tb.End+tdelta, trEdits)
			sig := l.rec[m.Old]
			if m.Exact || fresh(i) {
				sig = origItems[i]
			} else {
				out.complete = false
			}
			out.record = append(out.record, sig)
		case fresh(i):
			ob := l.ob[i]
			piece = applyEdits(s.orig.src, ob.Start+odelta, ob.End+odelta, origEdits)
			out.record = append(out.record, origItems[i])
		default:
			out.complete = false
			continue
		}
		piece = bytes.TrimRight(piece, "\n")
		if len(out.record) > 1 {
			src = append(src, '\n', '\n')
		}
		src = append(src, piece...)
	}
	src = append(src, '\n')
	out.src = src
	return &out
}

// hasRemoval reports whether an edit takes a block out.
func hasRemoval(edits []edit) bool {
	for _, e := range edits {
		if e.remove {
			return true
		}
	}
	return false
}

// hasEditIn reports whether an edit is of a block within [from, to).
func hasEditIn(edits []edit, from, to int) bool {
	for _, e := range edits {
		if e.b.start >= from && e.b.start < to {
			return true
		}
	}
	return false
}

func hasEditAt(edits []edit, start int) bool {
	for _, e := range edits {
		if e.b.start == start {
			return true
		}
	}
	return false
}

func first0(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// applyEdits returns src[from:to] with the edits of blocks in that range
// applied, each block's continuation lines keeping their indentation or
// quote markers.
func applyEdits(src []byte, from, to int, edits []edit) []byte {
	var in []edit
	for _, e := range edits {
		if e.b.frontKey == "" && !e.remove && e.b.start >= from && e.b.end <= to {
			in = append(in, e)
		}
	}
	sort.Slice(in, func(i, j int) bool { return in[i].b.start > in[j].b.start })
	out := append([]byte(nil), src[from:to]...)
	for _, e := range in {
		text := strings.ReplaceAll(e.text, "\n", "\n"+e.b.cont)
		s, t := e.b.start-from, e.b.end-from
		out = append(out[:s:s], append([]byte(text), out[t:]...)...)
	}
	return out
}
