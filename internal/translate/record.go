package translate

import (
	"cecot/internal/markdown"
	"cecot/internal/translation"
)

// pairByRecord pairs the original's blocks with the translation's by
// what the translation records of its original (translation.Record), as
// the build shows them: the top-level blocks of both are matched by
// content (translation.Match), and within two matched blocks their
// units (the items of a list, the cells of a table) go in order. A
// block is changed when its top-level block's original changed since.
// It returns nil when the translation records nothing, or a record that
// no longer describes it; pairBlocks then pairs by kind and order.
func pairByRecord(orig, tr *pageFile) ([]pair, func(block) bool) {
	if tr == nil || tr.page.BlocksFrom == "" {
		return nil, nil
	}
	rec, err := translation.ParseRecord(tr.page.BlocksFrom)
	if err != nil {
		return nil, nil
	}
	ob, tb := markdown.Blocks(orig.page.Body), markdown.Blocks(tr.page.Body)
	if len(tb) != len(rec) {
		return nil, nil
	}
	matched := translation.Match(rec, translation.Items(orig.page.Body, ob))
	oUnits, oFields := unitsByBlock(orig, ob)
	tUnits, tFields := unitsByBlock(tr, tb)
	var out []pair
	for _, p := range pairBlocks(blocksAt(orig.blocks, oFields), blocksAt(tr.blocks, tFields)) {
		out = append(out, pair{indexAt(oFields, p.o), indexAt(tFields, p.t)})
	}
	changedUnit := map[int]bool{}
	taken := make([]bool, len(tb))
	for i, m := range matched {
		if m.Old < 0 {
			for _, o := range oUnits[i] {
				out = append(out, pair{o, -1})
			}
			continue
		}
		taken[m.Old] = true
		for _, p := range pairBlocks(blocksAt(orig.blocks, oUnits[i]), blocksAt(tr.blocks, tUnits[m.Old])) {
			o, t := indexAt(oUnits[i], p.o), indexAt(tUnits[m.Old], p.t)
			out = append(out, pair{o, t})
			if o >= 0 && !m.Exact {
				changedUnit[o] = true
			}
		}
	}
	for j, done := range taken {
		if !done {
			for _, t := range tUnits[j] {
				out = append(out, pair{-1, t})
			}
		}
	}
	changed := func(b block) bool {
		for i := range orig.blocks {
			if orig.blocks[i].Anchor == b.Anchor && orig.blocks[i].Line == b.Line {
				return changedUnit[i]
			}
		}
		return false
	}
	return out, changed
}

// unitsByBlock returns, for each top-level block of a page's body, the
// indexes of its units in pf.blocks, and the indexes of the front
// matter's fields.
func unitsByBlock(pf *pageFile, blocks []markdown.Block) (byBlock [][]int, fields []int) {
	byBlock = make([][]int, len(blocks))
	delta := len(pf.src) - len(pf.page.Body) // body offset + delta = file offset
	for i, b := range pf.blocks {
		if b.frontKey != "" {
			fields = append(fields, i)
			continue
		}
		off := b.start - delta
		for j, tb := range blocks {
			if off >= tb.Start && off < tb.End {
				byBlock[j] = append(byBlock[j], i)
				break
			}
		}
	}
	return byBlock, fields
}

func blocksAt(bs []block, idx []int) []block {
	out := make([]block, len(idx))
	for i, j := range idx {
		out[i] = bs[j]
	}
	return out
}

// indexAt returns idx[i], or -1 for i < 0.
func indexAt(idx []int, i int) int {
	if i < 0 {
		return -1
	}
	return idx[i]
}
