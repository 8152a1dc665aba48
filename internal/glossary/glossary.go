// Package glossary is the site's agreed bilingual terms,
// locales/glossary.toml: reading it, finding the translations that do not
// use its terms, and writing it as TBX for translators' tools.
package glossary

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"cecot/internal/diag"
)

// File is where the glossary is kept.
const File = "locales/glossary.toml"

// Term is one entry: the same idea in each language, by language code.
type Term struct {
	Forms map[string]string `json:"forms"` // "en" → "enforced disappearance"
	Note  string            `json:"note,omitempty"`
	Line  int               `json:"line"` // where the entry starts in File
}

// Glossary is the list of agreed terms.
type Glossary struct {
	Terms []Term
}

// Load reads File from fsys. A site without a glossary has an empty one.
func Load(fsys fs.FS) (*Glossary, error) {
	data, err := fs.ReadFile(fsys, File)
	if errors.Is(err, fs.ErrNotExist) {
		return &Glossary{}, nil
	}
	if err != nil {
		return nil, diag.Errorf(File, 0, "cannot read: %v", err)
	}
	return parse(data)
}

// parse reads a glossary file's text.
func parse(data []byte) (*Glossary, error) {
	var raw struct {
		Term []map[string]string `toml:"term"`
	}
	if _, err := toml.Decode(string(data), &raw); err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, diag.Errorf(File, perr.Position.Line, "%s", perr.Message)
		}
		return nil, diag.Errorf(File, 0, "%v; each entry is [[term]] with lines like en = \"...\" and es = \"...\"", err)
	}
	starts := termLines(data)
	g := &Glossary{}
	for i, m := range raw.Term {
		t := Term{Forms: map[string]string{}, Note: m["note"]}
		if i < len(starts) {
			t.Line = starts[i]
		}
		for k, v := range m {
			if k != "note" && strings.TrimSpace(v) != "" {
				t.Forms[k] = strings.TrimSpace(v)
			}
		}
		g.Terms = append(g.Terms, t)
	}
	return g, nil
}

func termLines(data []byte) []int {
	var lines []int
	for i, l := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(l) == "[[term]]" {
			lines = append(lines, i+1)
		}
	}
	return lines
}

// Miss is a glossary term that a source page uses and its translation
// does not.
type Miss struct {
	Source      string `json:"source"`      // the source file
	Line        int    `json:"line"`        // the line of the source where the term is first used
	Translation string `json:"translation"` // the translation's file
	Term        Term   `json:"term"`
	From        string `json:"from"` // the source's language
	To          string `json:"to"`   // the translation's language
}

// Error describes the miss as "source:line: uses ...", with the
// glossary line that agrees the term.
func (m Miss) Error() string {
	return fmt.Sprintf("%s:%d: uses %q, but %s never says %q, the agreed %s term (%s:%d)",
		m.Source, m.Line, m.Term.Forms[m.From], m.Translation, m.Term.Forms[m.To], m.To, File, m.Term.Line)
}

// Check returns the terms that src, the Markdown of a page in language
// from, uses while tr, its translation into language to, lacks. Matching
// ignores case. In the source only whole words count, so "release" is not
// found in "released"; in the translation a word that starts with the
// term counts too, so that "pandillas" and "torturar" follow the agreed
// "pandilla" and "tortura".
func (g *Glossary) Check(from, srcFile string, src []byte, to, trFile string, tr []byte) []Miss {
	if !g.agrees(from, to) {
		// Masking and lowering both texts is most of the work: none
		// of it when no term has forms in both languages.
		return nil
	}
	var misses []Miss
	srcLower := strings.ToLower(maskLinks(string(src)))
	trLower := strings.ToLower(maskLinks(string(tr)))
	for _, t := range g.Terms {
		a, b := t.Forms[from], t.Forms[to]
		if a == "" || b == "" {
			continue
		}
		at := find(srcLower, strings.ToLower(a), true)
		if at < 0 || find(trLower, strings.ToLower(b), false) >= 0 {
			continue
		}
		line := strings.Count(srcLower[:at], "\n") + 1
		misses = append(misses, Miss{Source: srcFile, Line: line, Translation: trFile, Term: t, From: from, To: to})
	}
	return misses
}

// SameIn returns the terms that languages a and b write alike
// ("CECOT"), in a's form; none for a nil glossary.
func (g *Glossary) SameIn(a, b string) []string {
	if g == nil {
		return nil
	}
	var out []string
	for _, t := range g.Terms {
		x, y := t.Forms[a], t.Forms[b]
		if x != "" && strings.EqualFold(x, y) {
			out = append(out, x)
		}
	}
	return out
}

// agrees reports whether a term has a form in both languages.
func (g *Glossary) agrees(from, to string) bool {
	for _, t := range g.Terms {
		if t.Forms[from] != "" && t.Forms[to] != "" {
			return true
		}
	}
	return false
}

// linkTargets find where a link leads rather than what it says: an
// inline link's or image's target ("](report.md)", up to a title),
// an autolink, a reference definition's target, and a bare URL.
// They are compiled when first used, not at every start of the program.
var linkTargets = sync.OnceValue(func() []*regexp.Regexp {
	return []*regexp.Regexp{
		regexp.MustCompile(`\]\(([^)\s]*)`),
		regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>`),
		regexp.MustCompile(`(?m)^[ \t]*\[[^\]]+\]:[ \t]*(\S+)`),
		regexp.MustCompile(`(?:https?|mailto|tel):[^\s)>\]]+`),
	}
})

// maskLinks blanks the link targets of Markdown text, keeping every
// other byte where it was (so lines count the same): a term in a file
// name or an address ("/migrants/", "human-rights.md") is not a use of
// the term, and a translation keeps the original's targets anyway.
func maskLinks(s string) string {
	b := []byte(s)
	for _, re := range linkTargets() {
		for _, m := range re.FindAllSubmatchIndex(b, -1) {
			from, to := m[0], m[1]
			if len(m) > 2 && m[2] >= 0 {
				from, to = m[2], m[3]
			}
			for i := from; i < to; i++ {
				if b[i] != '\n' {
					b[i] = ' '
				}
			}
		}
	}
	return string(b)
}

// find returns the offset of the first match of term in s that starts a
// word, and ends one if whole is set; or -1.
func find(s, term string, whole bool) int {
	for off := 0; off < len(s); {
		i := strings.Index(s[off:], term)
		if i < 0 {
			return -1
		}
		start, end := off+i, off+i+len(term)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if !isWord(before) && (!whole || !isWord(after)) {
			return start
		}
		off = start + 1
	}
	return -1
}

func isWord(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
