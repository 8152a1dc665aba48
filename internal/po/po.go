// Package po reads and writes GNU gettext PO files: the format that Poedit,
// Weblate, Crowdin and gettext's own tools (msgfmt, msgmerge) read. It
// knows entries with context (msgctxt), plural entries (msgid_plural and
// msgstr[n]), comments of every kind, flags such as fuzzy, the previous
// text of a fuzzy entry (#| msgid) and obsolete entries (#~).
//
// Read reports each problem at the line of the file where it is, so that a
// translator can find it in any editor. File.Bytes is deterministic: the same
// File always gives the same bytes, and bytes it made read back
// to the same File. Lines are not wrapped (gettext's --no-wrap), so a
// change to one message changes only that message's lines in a diff.
//
// The format is small and the libraries for it neither keep line numbers
// nor write previous msgids and obsolete entries, so it is written here,
// and FuzzRead guards the reader.
package po

import (
	"fmt"
	"strings"
)

// File is a PO file: a header and entries, in order.
type File struct {
	// Head holds the header entry's comments and flags (a fresh
	// template's header is fuzzy); its strings are not used.
	Head Entry
	// Header is the header's fields in order ("Language", "es").
	Header  []Field
	Entries []*Entry
}

// Field is one "Name: value" line of a PO header.
type Field struct{ Name, Value string }

// Entry is one message.
type Entry struct {
	Comments  []string // translator comments ("# "), without the "# "
	Extracted []string // extracted comments ("#. ")
	Refs      []string // references ("#: file:line"), one each
	Flags     []string // flags ("#, fuzzy, c-format"), one each

	// The text this entry was translated from, kept when it went fuzzy
	// ("#| msgid"); empty when unknown.
	PrevContext  *string
	PrevID       *string
	PrevIDPlural *string

	Context  *string // msgctxt, nil when there is none
	ID       string  // msgid
	IDPlural *string // msgid_plural, nil for a simple message
	// Str is the translation: one string for a simple message, one per
	// plural form (msgstr[0], msgstr[1], ...) for a plural one.
	Str []string

	Obsolete bool // written "#~": no longer in the source

	Line    int // line of the entry's first keyword (msgctxt or msgid)
	StrLine int // line of its (first) msgstr
}

// Ctx returns the entry's context, or "" without one.
func (e *Entry) Ctx() string {
	if e.Context == nil {
		return ""
	}
	return *e.Context
}

// Plural reports whether e is a plural message.
func (e *Entry) Plural() bool { return e.IDPlural != nil }

// Fuzzy reports whether e is flagged fuzzy: its translation was made for
// an earlier text and awaits review.
func (e *Entry) Fuzzy() bool { return e.HasFlag("fuzzy") }

// HasFlag reports whether e has flag f.
func (e *Entry) HasFlag(f string) bool {
	for _, g := range e.Flags {
		if g == f {
			return true
		}
	}
	return false
}

// SetFuzzy adds or removes the fuzzy flag. Fuzzy comes first, as
// msgmerge writes it.
func (e *Entry) SetFuzzy(on bool) {
	var flags []string
	for _, f := range e.Flags {
		if f != "fuzzy" {
			flags = append(flags, f)
		}
	}
	if on {
		flags = append([]string{"fuzzy"}, flags...)
	}
	e.Flags = flags
}

// Translated reports whether every form of e's translation is given.
func (e *Entry) Translated() bool {
	if len(e.Str) == 0 {
		return false
	}
	for _, s := range e.Str {
		if s == "" {
			return false
		}
	}
	return true
}

// Get returns the header field name ("Language"), or "".
func (f *File) Get(name string) string {
	for _, h := range f.Header {
		if strings.EqualFold(h.Name, name) {
			return h.Value
		}
	}
	return ""
}

// Set sets header field name, adding it at the end if it is new.
func (f *File) Set(name, value string) {
	for i, h := range f.Header {
		if strings.EqualFold(h.Name, name) {
			f.Header[i].Value = value
			return
		}
	}
	f.Header = append(f.Header, Field{name, value})
}

// Str returns a pointer to a copy of s, for the optional fields.
func Str(s string) *string { return &s }

// Key identifies an entry within a file: its context and msgid, as
// gettext does.
func (e *Entry) Key() string { return e.Ctx() + "\x04" + e.ID }

// headerText is the header fields as the header entry's msgstr.
func (f *File) headerText() string {
	var b strings.Builder
	for _, h := range f.Header {
		fmt.Fprintf(&b, "%s: %s\n", h.Name, h.Value)
	}
	return b.String()
}
