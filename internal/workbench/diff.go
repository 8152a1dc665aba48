package workbench

import (
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Op is what a span of a word diff is.
type Op int

// The operations of a diff.
const (
	Equal  Op = iota // in both texts
	Delete           // only in the old text
	Insert           // only in the new text
)

// Span is a run of text of a word diff.
type Span struct {
	Op   Op
	Text string
}

// WordDiff returns the changes that turn old into new, word by word: a
// word is changed as a whole, never a few of its letters, which is how a
// translator reads a change. The spaces and punctuation between words
// are tokens of their own.
func WordDiff(old, new string) []Span {
	vocab := map[string]rune{}
	var words []string
	encode := func(s string) []rune {
		var out []rune
		for _, tok := range tokens(s) {
			r, ok := vocab[tok]
			if !ok {
				r = tokenRune(len(words))
				vocab[tok] = r
				words = append(words, tok)
			}
			out = append(out, r)
		}
		return out
	}
	a, b := encode(old), encode(new)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // exact: the texts are paragraphs, not books
	diffs := dmp.DiffCleanupSemantic(dmp.DiffMainRunes(a, b, false))
	var spans []Span
	for _, d := range diffs {
		op := Equal
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = Delete
		case diffmatchpatch.DiffInsert:
			op = Insert
		}
		var text []byte
		for _, r := range d.Text {
			text = append(text, words[tokenIndex(r)]...)
		}
		if n := len(spans); n > 0 && spans[n-1].Op == op {
			spans[n-1].Text += string(text)
			continue
		}
		spans = append(spans, Span{op, string(text)})
	}
	return spans
}

// tokens splits s into words, runs of spaces, and single other
// characters (punctuation), which together spell s.
func tokens(s string) []string {
	var out []string
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		n := size
		if class := classOf(r); class != other {
			for n < len(s) {
				r2, size2 := utf8.DecodeRuneInString(s[n:])
				if classOf(r2) != class {
					break
				}
				n += size2
			}
		}
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}

type class int

const (
	other class = iota
	word
	space
)

func classOf(r rune) class {
	switch {
	case unicode.IsLetter(r), unicode.IsDigit(r), unicode.Is(unicode.Mn, r), r == '\'' || r == '’':
		return word
	case unicode.IsSpace(r):
		return space
	}
	return other
}

// Tokens are numbered as runes for the character diff, skipping the
// surrogate range, which is not valid in a Go string.
const surrogates = 0xD800

func tokenRune(i int) rune {
	r := rune(i + 1)
	if r >= surrogates {
		r += 0x800
	}
	return r
}

func tokenIndex(r rune) int {
	if r >= surrogates+0x800 {
		r -= 0x800
	}
	return int(r) - 1
}
