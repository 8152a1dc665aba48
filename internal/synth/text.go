package synth

import (
	"math/rand/v2"
	"strconv"
	"time"
)

// text builds the English and Spanish versions of one file side by side
// from a single random source, so both have the same structure.
type text struct {
	src rand.PCG
	b   [2][]byte
	n   int // body words written (English count)
}

// newText returns a text seeded with (seed, stream) whose buffers have
// room for size bytes.
func newText(seed, stream uint64, size int) *text {
	t := &text{b: [2][]byte{make([]byte, 0, size), make([]byte, 0, size)}}
	t.src.Seed(seed, stream)
	return t
}

// intn returns a number in [0, n). The modulo bias is negligible for the
// small n used here.
func (t *text) intn(n int) int { return int(t.src.Uint64() % uint64(n)) }

// same appends s to both languages.
func (t *text) same(s string) {
	t.b[en] = append(t.b[en], s...)
	t.b[es] = append(t.b[es], s...)
}

// tr appends each language's side of p.
func (t *text) tr(p pair) {
	t.b[en] = append(t.b[en], p[en]...)
	t.b[es] = append(t.b[es], p[es]...)
}

// wrap appends each side of p between mark and mark (emphasis).
func (t *text) wrap(mark string, p pair) {
	for lang := range t.b {
		t.b[lang] = append(t.b[lang], mark...)
		t.b[lang] = append(t.b[lang], p[lang]...)
		t.b[lang] = append(t.b[lang], mark...)
	}
}

// sentence appends one sentence of lo..hi words ending with a period. With
// emph, about 6% of the words (never the first) are *emphasized* and 3%
// are **strong**.
func (t *text) sentence(lo, hi int, emph bool) {
	k := lo + t.intn(hi-lo+1)
	t.tr(capWords[t.intn(len(capWords))])
	for w := 1; w < k; w++ {
		t.same(" ")
		// One draw picks the word (low bits) and its emphasis (high bits).
		x := t.src.Uint64()
		p := words[x%uint64(len(words))]
		if !emph {
			t.tr(p)
			continue
		}
		switch e := (x >> 32) % 100; {
		case e < 6:
			t.wrap("*", p)
		case e < 9:
			t.wrap("**", p)
		default:
			t.tr(p)
		}
	}
	t.same(".")
	t.n += k
}

// paragraphs appends paragraphs of 3..6 sentences until at least budget
// words were written. end, if not nil, is called at the end of paragraph p
// (0-based), before its blank line.
func (t *text) paragraphs(budget int, end func(p int)) {
	start := t.n
	for p := 0; t.n-start < budget; p++ {
		ns := 3 + t.intn(4)
		for s := 0; s < ns; s++ {
			if s > 0 {
				t.same(" ")
			}
			t.sentence(8, 18, true)
		}
		if end != nil {
			end(p)
		}
		t.same("\n\n")
	}
}

// list appends a five-item bullet list.
func (t *text) list() {
	for k := 0; k < 5; k++ {
		t.same("- ")
		t.sentence(4, 9, true)
		t.same("\n")
	}
	t.same("\n")
}

// table appends a four-row GFM table with right-aligned number columns;
// the change column uses a decimal point in English and a comma in Spanish.
func (t *text) table() {
	t.tr(tableHeader)
	t.same(tableAlign)
	off := t.intn(len(regionNames))
	for row := 0; row < 4; row++ {
		a := 100 + t.intn(9000)
		b := a + t.intn(a/2+1) - a/4
		t.same("| ")
		t.tr(regionNames[(off+row)%len(regionNames)])
		t.same(" | " + strconv.Itoa(a) + " | " + strconv.Itoa(b) + " | ")
		change := percentTenths(b-a, a)
		t.b[en] = appendTenths(t.b[en], change, '.')
		t.b[es] = appendTenths(t.b[es], change, ',')
		t.same(" |\n")
	}
	t.same("\n")
}

// percentTenths is 100*d/base in tenths of a percent, rounded half away
// from zero.
func percentTenths(d, base int) int {
	if d < 0 {
		return -percentTenths(-d, base)
	}
	return (d*1000 + base/2) / base
}

// appendTenths appends v/10 with one decimal after sep, e.g. -0.5.
func appendTenths(b []byte, v int, sep byte) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	b = strconv.AppendInt(b, int64(v/10), 10)
	b = append(b, sep)
	return append(b, byte('0'+v%10))
}

// frontMatter appends TOML front matter between +++ lines: the titles, a
// date, a description sentence (the same words in both languages) and the
// weight.
func (t *text) frontMatter(titles pair, date time.Time, weight int) {
	t.same("+++\ntitle = ")
	for lang := range t.b {
		t.b[lang] = appendTOMLString(t.b[lang], titles[lang])
	}
	t.same("\ndate = ")
	for lang := range t.b {
		t.b[lang] = date.AppendFormat(t.b[lang], time.RFC3339)
	}
	// Vocabulary words need no escaping inside a TOML basic string.
	t.same("\ndescription = \"")
	t.sentence(10, 16, false)
	t.same("\"\nweight = " + strconv.Itoa(weight) + "\n+++\n\n")
}

// appendTOMLString appends s as a TOML basic string.
func appendTOMLString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}
