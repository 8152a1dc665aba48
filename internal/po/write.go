package po

import (
	"bytes"
	"fmt"
	"strings"
)

// Bytes returns f in the form gettext's tools write with --no-wrap: the
// header, then each entry, a blank line apart, strings with newlines
// inside split after each newline.
func (f *File) Bytes() []byte {
	var b bytes.Buffer
	b.Grow(f.sizeHint())
	h := f.Head
	h.Context, h.ID, h.IDPlural, h.Str, h.Obsolete = nil, "", nil, []string{f.headerText()}, false
	writeEntry(&b, &h)
	for _, e := range f.Entries {
		b.WriteByte('\n')
		writeEntry(&b, e)
	}
	return b.Bytes()
}

// sizeHint is about the size of f written out, so that its buffer
// grows once: a status writes every PO file of the project to compare
// it with the file on disk.
func (f *File) sizeHint() int {
	n := 256 * (len(f.Header) + 1)
	for _, e := range f.Entries {
		n += 64 + len(e.ID)
		for _, s := range e.Str {
			n += len(s)
		}
		for _, c := range e.Comments {
			n += len(c) + 3
		}
		for _, c := range e.Extracted {
			n += len(c) + 4
		}
		for _, c := range e.Refs {
			n += len(c) + 4
		}
		if e.Context != nil {
			n += len(*e.Context) + 10
		}
		if e.PrevID != nil {
			n += len(*e.PrevID) + 12
		}
	}
	return n + n/8 // quotes and escapes
}

func writeEntry(b *bytes.Buffer, e *Entry) {
	for _, c := range e.Comments {
		if c == "" {
			b.WriteString("#\n")
		} else {
			b.WriteString("# ")
			b.WriteString(c)
			b.WriteString("\n")
		}
	}
	for _, c := range e.Extracted {
		b.WriteString("#. ")
		b.WriteString(c)
		b.WriteString("\n")
	}
	for _, r := range e.Refs {
		b.WriteString("#: ")
		b.WriteString(r)
		b.WriteString("\n")
	}
	if len(e.Flags) > 0 {
		b.WriteString("#, ")
		b.WriteString(strings.Join(e.Flags, ", "))
		b.WriteString("\n")
	}
	prefix := ""
	if e.Obsolete {
		prefix = "#~ "
	}
	prev := "#| "
	if e.Obsolete {
		prev = "#~| "
	}
	if e.PrevContext != nil {
		writeString(b, prev, "msgctxt", *e.PrevContext)
	}
	if e.PrevID != nil {
		writeString(b, prev, "msgid", *e.PrevID)
	}
	if e.PrevIDPlural != nil {
		writeString(b, prev, "msgid_plural", *e.PrevIDPlural)
	}
	if e.Context != nil {
		writeString(b, prefix, "msgctxt", *e.Context)
	}
	writeString(b, prefix, "msgid", e.ID)
	if e.IDPlural != nil {
		writeString(b, prefix, "msgid_plural", *e.IDPlural)
		for i, s := range e.Str {
			writeString(b, prefix, fmt.Sprintf("msgstr[%d]", i), s)
		}
		return
	}
	s := ""
	if len(e.Str) > 0 {
		s = e.Str[0]
	}
	writeString(b, prefix, "msgstr", s)
}

// writeString writes keyword "s", splitting s after each newline that is
// not its last character, as gettext does.
func writeString(b *bytes.Buffer, prefix, keyword, s string) {
	i := strings.IndexByte(s, '\n')
	if i < 0 || i == len(s)-1 {
		b.WriteString(prefix)
		b.WriteString(keyword)
		b.WriteString(" ")
		writeQuoted(b, s)
		b.WriteString("\n")
		return
	}
	b.WriteString(prefix)
	b.WriteString(keyword)
	b.WriteString(" \"\"\n")
	for s != "" {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line = s[:i+1]
		}
		b.WriteString(prefix)
		writeQuoted(b, line)
		b.WriteString("\n")
		s = s[len(line):]
	}
}

var escaper = strings.NewReplacer(
	`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`, "\r", `\r`,
	"\a", `\a`, "\b", `\b`, "\f", `\f`, "\v", `\v`,
)

// writeQuoted writes s in double quotes, escaped, straight into b:
// most of writing a PO file, which a status does for every page.
func writeQuoted(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	_, _ = escaper.WriteString(b, s)
	b.WriteByte('"')
}
