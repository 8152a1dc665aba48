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
	h := f.Head
	h.Context, h.ID, h.IDPlural, h.Str, h.Obsolete = nil, "", nil, []string{f.headerText()}, false
	writeEntry(&b, &h)
	for _, e := range f.Entries {
		b.WriteByte('\n')
		writeEntry(&b, e)
	}
	return b.Bytes()
}

func writeEntry(b *bytes.Buffer, e *Entry) {
	for _, c := range e.Comments {
		if c == "" {
			b.WriteString("#\n")
		} else {
			fmt.Fprintf(b, "# %s\n", c)
		}
	}
	for _, c := range e.Extracted {
		fmt.Fprintf(b, "#. %s\n", c)
	}
	for _, r := range e.Refs {
		fmt.Fprintf(b, "#: %s\n", r)
	}
	if len(e.Flags) > 0 {
		fmt.Fprintf(b, "#, %s\n", strings.Join(e.Flags, ", "))
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
		fmt.Fprintf(b, "%s%s %s\n", prefix, keyword, quote(s))
		return
	}
	fmt.Fprintf(b, "%s%s \"\"\n", prefix, keyword)
	for s != "" {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line = s[:i+1]
		}
		fmt.Fprintf(b, "%s%s\n", prefix, quote(line))
		s = s[len(line):]
	}
}

var escaper = strings.NewReplacer(
	`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`, "\r", `\r`,
	"\a", `\a`, "\b", `\b`, "\f", `\f`, "\v", `\v`,
)

func quote(s string) string { return `"` + escaper.Replace(s) + `"` }
