package translation

import (
	"slices"
)

// Item is one unit of a version of a page, as Match compares them: what
// it is and what it says.
type Item struct {
	Kind Kind
	Sig  Sig
}

// Pair says which unit of the old version a unit of the new one is:
// Old is its index there, or -1 when it is new; Exact tells an
// unchanged unit from an edited one.
type Pair struct {
	Old   int
	Exact bool
}

// Match pairs the units of the new version of a page with those of the
// old one, by what they say, as msgmerge pairs messages: first units
// whose text is the same (of the same kind; a text that occurs twice is
// paired in order), then, among those left, units similar enough to be
// an edited version (closest first), and last a heading left alone
// between two paired units with one old heading left there too (a
// renamed heading). Each old unit is paired at most once. Position
// plays no part but in the last rule, so inserting, deleting or moving
// units keeps every other pair.
func Match(old, new []Item) []Pair {
	out := make([]Pair, len(new))
	used := make([]bool, len(old))
	for i := range out {
		out[i].Old = -1
	}
	type key struct {
		kind Kind
		hash uint32
	}
	byText := map[key][]int{}
	for j, o := range old {
		k := key{o.Kind, o.Sig.Hash}
		byText[k] = append(byText[k], j)
	}
	for i, n := range new {
		k := key{n.Kind, n.Sig.Hash}
		if js := byText[k]; len(js) > 0 {
			out[i] = Pair{Old: js[0], Exact: true}
			used[js[0]] = true
			byText[k] = js[1:]
		}
	}
	matchSimilar(old, new, out, used)
	matchRenamedHeadings(old, new, out, used)
	return out
}

// matchSimilar pairs units left over by similarity, the closest pairs
// first, ties going to the nearer position.
func matchSimilar(old, new []Item, out []Pair, used []bool) {
	type cand struct{ i, j, d, gap int }
	var cands []cand
	for i, n := range new {
		if out[i].Old >= 0 {
			continue
		}
		for j, o := range old {
			if used[j] || o.Kind != n.Kind || !o.Sig.Similar(n.Sig) {
				continue
			}
			cands = append(cands, cand{i, j, printSlots - o.Sig.Likeness(n.Sig), abs(i - j)})
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if a.d != b.d {
			return a.d - b.d
		}
		if a.gap != b.gap {
			return a.gap - b.gap
		}
		if a.i != b.i {
			return a.i - b.i
		}
		return a.j - b.j
	})
	for _, c := range cands {
		if out[c.i].Old < 0 && !used[c.j] {
			out[c.i] = Pair{Old: c.j}
			used[c.j] = true
		}
	}
}

// matchRenamedHeadings pairs a heading left alone between two paired
// units with the one old heading left between their old partners.
func matchRenamedHeadings(old, new []Item, out []Pair, used []bool) {
	for i, n := range new {
		if out[i].Old >= 0 || n.Kind != KindHeading {
			continue
		}
		lo, hi := i-1, i+1
		for lo >= 0 && out[lo].Old < 0 {
			lo--
		}
		for hi < len(new) && out[hi].Old < 0 {
			hi++
		}
		from, to := 0, len(old)
		if lo >= 0 {
			from = out[lo].Old + 1
		}
		if hi < len(new) {
			to = out[hi].Old
		}
		if from > to {
			continue // the neighbours moved: no gap to speak of
		}
		if countKind(new[lo+1:hi], KindHeading) != 1 {
			continue
		}
		var free []int
		for j := from; j < to; j++ {
			if !used[j] && old[j].Kind == KindHeading {
				free = append(free, j)
			}
		}
		if len(free) == 1 {
			out[i] = Pair{Old: free[0]}
			used[free[0]] = true
		}
	}
}

func countKind(items []Item, k Kind) int {
	n := 0
	for _, it := range items {
		if it.Kind == k {
			n++
		}
	}
	return n
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
