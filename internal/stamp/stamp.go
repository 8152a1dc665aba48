// Package stamp is the translated_from value: making it from an
// original's body, reading it, and telling what changed in the original
// since. A stamp records which version of a default-language page a
// translation was made from, so that translators learn which "##"
// sections to review without looking at the project's history.
//
// A stamp is the translated_from value in a translation's front matter:
//
//	translated_from = "9c1e2f3a4b5d _:1a2b3c key-facts:4d5e6f read-more:a0b1c2"
//
// The first word is the hash of the source's whole Markdown body
// (content.SourceHash); each following word is a section's heading ID
// and a short hash of that section's text. "_" is the text before the
// first section heading.
package stamp

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"cecot/internal/content"
	"cecot/internal/markdown"
)

// Field is the front-matter field that holds a stamp.
const Field = "translated_from"

// outliner finds a body's "##" headings and their IDs as the build does.
var outliner = markdown.New(markdown.Options{UnsafeHTML: true})

// Intro is the ID of the text before a page's first "##" heading.
const Intro = "_"

// Section is a part of a page that starts with a level-2 heading.
type Section struct {
	ID    string `json:"id"`    // the heading's ID, or Intro
	Title string `json:"title"` // the heading's text, or "" for the intro
	Line  int    `json:"line"`  // the file line of the heading, or of the page's first text
	Hash  string `json:"hash"`  // a short hash of the section's text
}

// Sections splits body, the Markdown of a page whose front matter lines
// are blank, into its sections, named by the IDs that the built page
// gives their headings: ids is the page's markdown.Page, of which the
// heading IDs depend on Numbered and Reserved (markdown.ReservedIDs). A
// section starts at a level-2 heading at the top level of the page, as
// goldmark parses it, so that headings in code blocks or block quotes do
// not count. An intro is returned only when there is text before the
// first heading.
func Sections(body []byte, ids markdown.Page) []Section {
	starts := map[int]Section{} // by 0-based line
	if heads, err := outliner.Outline(body, ids); err == nil {
		for _, h := range heads {
			if h.Level == 2 && h.Line > 0 {
				starts[h.Line-1] = Section{ID: h.ID, Title: h.Text, Line: h.Line}
			}
		}
	}
	var (
		secs []Section
		cur  = Section{ID: Intro}
		text bytes.Buffer
	)
	flush := func() {
		t := bytes.TrimSpace(text.Bytes())
		if cur.ID != Intro || len(t) > 0 {
			cur.Hash = hash(t, 3)
			secs = append(secs, cur)
		}
		text.Reset()
	}
	for i, line := range strings.Split(string(body), "\n") {
		if s, ok := starts[i]; ok {
			flush()
			cur = s
		}
		if cur.Line == 0 && strings.TrimSpace(line) != "" {
			cur.Line = i + 1
		}
		text.WriteString(strings.TrimRight(line, " \t"))
		text.WriteByte('\n')
	}
	flush()
	return secs
}

// HeadingIDs returns what gives the headings of page p their IDs besides
// their text, as the build renders it: whether p is numbered, and
// reserved, the IDs its layouts use (markdown.ReservedIDs).
func HeadingIDs(p *content.Page, reserved []string) markdown.Page {
	return markdown.Page{File: p.File, Numbered: p.Numbered, Reserved: reserved}
}

func hash(b []byte, n int) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:n])
}

// Make returns the stamp of a source page whose Markdown body is
// body; ids gives its headings their IDs (see Sections).
func Make(body []byte, ids markdown.Page) string {
	var b strings.Builder
	b.WriteString(content.SourceHash(body))
	for _, s := range Sections(body, ids) {
		fmt.Fprintf(&b, " %s:%s", s.ID, s.Hash)
	}
	return b.String()
}

// Stamp is a parsed translated_from value.
type Stamp struct {
	Hash string // of the whole source body
	// Sections are the source's section hashes by ID; nil for a stamp
	// that records only the whole page.
	Sections map[string]string
	// Order is the section IDs in the order they were recorded.
	Order []string
}

// Parse reads a translated_from value. A value of only a page hash is
// valid: it tells whether the source changed, but not where.
func Parse(s string) (Stamp, error) {
	hash, sections := split(s)
	if hash == "" {
		return Stamp{}, errors.New("empty")
	}
	st := Stamp{Hash: hash}
	if !isHex(st.Hash) {
		return Stamp{}, fmt.Errorf("%q is not a page hash", st.Hash)
	}
	for _, w := range sections {
		id, h, ok := strings.Cut(w, ":")
		if !ok || id == "" || !isHex(h) {
			return Stamp{}, fmt.Errorf("%q is not a section and its hash, like intro:1a2b3c", w)
		}
		if st.Sections == nil {
			st.Sections = map[string]string{}
		}
		st.Sections[id] = h
		st.Order = append(st.Order, id)
	}
	return st, nil
}

// split cuts a stamp into its words: the hash of the original's body
// and its sections' words. The one place a stamp's words are read.
func split(s string) (hash string, sections []string) {
	words := strings.Fields(s)
	if len(words) == 0 {
		return "", nil
	}
	return words[0], words[1:]
}

// From reports whether tr, a translation, records src as it is now:
// whether the first word of tr's stamp, the hash of the original's body
// it was made from, is src's hash. It reads no more of the stamp, so
// the build can tell a stale translation from a stamp whose sections
// it does not need.
func From(tr, src *content.Page) bool {
	hash, _ := split(tr.TranslatedFrom)
	return hash != "" && hash == src.BodyHash
}

func isHex(s string) bool {
	_, err := hex.DecodeString(s)
	return err == nil && s != ""
}

// Change is how a section of the source differs from the stamp.
type Change struct {
	Section
	What string `json:"what"` // "changed", "added" or "removed"
}

// String describes the change for a translator: which section, where,
// and what happened to it.
func (c Change) String() string {
	name := c.Title
	switch {
	case c.ID == Intro:
		name = "the text before the first heading"
	case name == "":
		name = "#" + c.ID
	default:
		name = fmt.Sprintf("%q", name)
	}
	if c.Line > 0 {
		return fmt.Sprintf("%s (line %d) %s", name, c.Line, c.What)
	}
	return fmt.Sprintf("%s %s", name, c.What)
}

// Diff compares a stamp with the source body now. It reports whether the
// source changed, and which sections did when the stamp records them.
func Diff(st Stamp, body []byte, ids markdown.Page) (changed bool, changes []Change) {
	if st.Hash == content.SourceHash(body) {
		return false, nil
	}
	if st.Sections == nil {
		return true, nil
	}
	now := Sections(body, ids)
	seen := map[string]bool{}
	for _, s := range now {
		seen[s.ID] = true
		old, ok := st.Sections[s.ID]
		switch {
		case !ok:
			changes = append(changes, Change{s, "added"})
		case old != s.Hash:
			changes = append(changes, Change{s, "changed"})
		}
	}
	for _, id := range st.Order {
		if !seen[id] {
			changes = append(changes, Change{Section{ID: id}, "removed"})
		}
	}
	return true, changes
}
