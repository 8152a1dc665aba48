package po

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"cecot/internal/diag"
)

// Read parses a PO file. name is the file's path, for errors, which are
// *diag.Error values naming the line: a syntax error, text that is not
// UTF-8, a charset other than UTF-8, a plural entry without msgstr[n] (or
// the other way round), and the same msgctxt and msgid twice.
func Read(name string, data []byte) (*File, error) {
	r := &reader{name: name}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	// The lines as strings.Split(text, "\n") has them, without the
	// slice of them all: n is the number of the last.
	text, n := string(data), 0
	for more := true; more; {
		var line string
		line, text, more = strings.Cut(text, "\n")
		n++
		if !utf8.ValidString(line) {
			return nil, r.errorf(n, "not_utf8", "this line is not valid UTF-8 text; save the file as UTF-8")
		}
		if err := r.line(n, strings.TrimSuffix(line, "\r")); err != nil {
			return nil, err
		}
	}
	if err := r.flush(n); err != nil {
		return nil, err
	}
	return r.file()
}

// reader is Read's state: the entry being read and where its strings go.
type reader struct {
	name    string
	entries []*Entry
	cur     *Entry
	// started is set once the current entry has a keyword; a comment
	// after that starts a new entry.
	started bool
	// target is the string that continuation lines ("...") extend.
	target  *string
	lastKey string
	strIdx  []int // the [n] of each msgstr[n] read, in order
	plainS  bool  // a msgstr without [n] was read
}

func (r *reader) errorf(line int, kind, format string, args ...any) error {
	return failAt(r.name, line, kind, format, args...)
}

// wrap locates err, a SyntaxError of a string, at line.
func (r *reader) wrap(line int, err error) error {
	return &diag.Error{Path: r.name, Line: line, Err: err}
}

// failAt is a SyntaxError located in file name at line.
func failAt(name string, line int, kind, format string, args ...any) error {
	return &diag.Error{Path: name, Line: line, Err: syntaxError(kind, format, args...)}
}

// SyntaxError is a problem with the text of a PO file. Kind names it
// ("no_closing_quote") and Args are the values its words name, in order,
// so that a tool can say it in its user's language; Error says it in
// English.
type SyntaxError struct {
	Kind   string
	Args   []any
	format string
}

func syntaxError(kind, format string, args ...any) *SyntaxError {
	return &SyntaxError{Kind: kind, Args: args, format: format}
}

func (e *SyntaxError) Error() string { return fmt.Sprintf(e.format, e.Args...) }

func (r *reader) entry() *Entry {
	if r.cur == nil {
		r.cur = &Entry{}
	}
	return r.cur
}

func (r *reader) line(n int, line string) error {
	trimmed := strings.TrimSpace(line)
	if trimmed == "" {
		return r.flush(n)
	}
	obsolete := false
	if rest, ok := strings.CutPrefix(trimmed, "#~"); ok {
		obsolete = true
		trimmed = strings.TrimSpace(rest)
		if strings.HasPrefix(trimmed, "|") {
			trimmed = "#" + trimmed // "#~| msgid" is a previous msgid
		}
		if trimmed == "" {
			return nil
		}
	}
	if strings.HasPrefix(trimmed, "#") {
		if r.started && strings.HasPrefix(trimmed, "#|") {
			return r.errorf(n, "prev_after_msgid", "a #| line after the msgid; #| lines come before the entry's msgctxt and msgid")
		}
		if r.started {
			if err := r.flush(n); err != nil {
				return err
			}
		}
		return r.comment(n, trimmed, obsolete)
	}
	e := r.entry()
	if r.started && e.Obsolete != obsolete {
		return r.errorf(n, "partly_obsolete", "an entry is partly obsolete: write #~ before every line of an obsolete entry, or before none")
	}
	e.Obsolete = obsolete
	if strings.HasPrefix(trimmed, `"`) {
		if r.target == nil {
			return r.errorf(n, "no_keyword", "a string with no keyword before it; start the entry with msgid \"...\"")
		}
		s, err := unquote(trimmed)
		if err != nil {
			return r.wrap(n, err)
		}
		*r.target += s
		return nil
	}
	return r.keyword(n, trimmed)
}

func (r *reader) comment(n int, line string, obsolete bool) error {
	e := r.entry()
	if obsolete {
		e.Obsolete = true
	}
	kind, text := line[:min(2, len(line))], ""
	if len(line) > 2 {
		text = strings.TrimPrefix(line[2:], " ")
	}
	switch kind {
	case "#.":
		e.Extracted = append(e.Extracted, text)
	case "#:":
		e.Refs = append(e.Refs, strings.Fields(text)...)
	case "#,":
		for _, f := range strings.Split(text, ",") {
			if f = strings.TrimSpace(f); f != "" {
				e.Flags = append(e.Flags, f)
			}
		}
	case "#|":
		return r.previous(n, strings.TrimSpace(text))
	default:
		e.Comments = append(e.Comments, strings.TrimPrefix(strings.TrimPrefix(line, "#"), " "))
	}
	r.target = nil
	return nil
}

// previous reads a "#| msgid ..." line or its continuation.
func (r *reader) previous(n int, text string) error {
	e := r.entry()
	if strings.HasPrefix(text, `"`) {
		if r.target == nil || r.lastKey[0] != '|' {
			return r.errorf(n, "prev_no_msgid", "a #| string with no #| msgid before it")
		}
		s, err := unquote(text)
		if err != nil {
			return r.wrap(n, err)
		}
		*r.target += s
		return nil
	}
	key, val, _ := strings.Cut(text, " ")
	s, err := unquote(strings.TrimSpace(val))
	if err != nil {
		return r.errorf(n, "in_prev", "#| %s: %v", key, err)
	}
	switch key {
	case "msgctxt":
		e.PrevContext = &s
		r.target = e.PrevContext
	case "msgid":
		e.PrevID = &s
		r.target = e.PrevID
	case "msgid_plural":
		e.PrevIDPlural = &s
		r.target = e.PrevIDPlural
	default:
		return r.errorf(n, "unknown_prev", "unknown #| line %q; it may hold msgctxt, msgid or msgid_plural", key)
	}
	r.lastKey = "|" + key
	return nil
}

func (r *reader) keyword(n int, line string) error {
	e := r.entry()
	key, val, _ := strings.Cut(line, " ")
	if i := strings.IndexAny(key, "\t"); i >= 0 {
		key, val = key[:i], key[i:]+" "+val
	}
	s, err := unquote(strings.TrimSpace(val))
	if err != nil {
		return r.errorf(n, "in_keyword", "%s: %v", key, err)
	}
	rank := keywordRank(baseOf(key))
	if rank == 0 {
		return r.errorf(n, "unknown_keyword", "unknown keyword %q; an entry has msgctxt, msgid, msgid_plural and msgstr lines", key)
	}
	if last := keywordRank(strings.TrimPrefix(baseOf(r.lastKey), "|")); r.started && r.lastKey[0] != '|' && (rank < last || rank == last && rank != 4) {
		if rank <= 2 && last == 4 {
			return r.errorf(n, "no_blank_line", "%s follows a msgstr with no blank line between; separate entries with a blank line", key)
		}
		return r.errorf(n, "out_of_place", "%s is out of place; an entry is msgctxt (optional), msgid, msgid_plural (plural only), then msgstr", key)
	}
	if !r.started || r.lastKey[0] == '|' {
		if rank > 2 {
			return r.errorf(n, "before_msgid", "%s before any msgid; start the entry with msgid \"...\"", key)
		}
		e.Line = n
	}
	r.started = true
	r.lastKey = key
	switch {
	case key == "msgctxt":
		e.Context = &s
		r.target = e.Context
	case key == "msgid":
		e.ID = s
		r.target = &e.ID
	case key == "msgid_plural":
		e.IDPlural = &s
		r.target = e.IDPlural
	case key == "msgstr":
		if r.plainS || len(r.strIdx) > 0 {
			return r.errorf(n, "second_msgstr", "a second msgstr; an entry has one")
		}
		r.plainS = true
		e.StrLine = n
		e.Str = []string{s}
		r.target = &e.Str[0]
	default:
		idx, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(key, "msgstr["), "]"))
		if err != nil || !strings.HasSuffix(key, "]") || idx < 0 {
			return r.errorf(n, "bad_index", "%q is not msgstr[0], msgstr[1], ...", key)
		}
		if r.plainS {
			return r.errorf(n, "index_after_plain", "%s after a plain msgstr; an entry has either msgstr or msgstr[0], msgstr[1], ...", key)
		}
		if idx != len(r.strIdx) {
			return r.errorf(n, "index_order", "%s out of order; expected msgstr[%d]", key, len(r.strIdx))
		}
		if len(r.strIdx) == 0 {
			e.StrLine = n
		}
		r.strIdx = append(r.strIdx, idx)
		e.Str = append(e.Str, s)
		r.target = &e.Str[len(e.Str)-1]
	}
	return nil
}

// keywordRank is where a keyword comes in an entry, from 1 (msgctxt) to
// 4 (msgstr), or 0 for an unknown one.
func keywordRank(key string) int {
	switch key {
	case "msgctxt":
		return 1
	case "msgid":
		return 2
	case "msgid_plural":
		return 3
	case "msgstr":
		return 4
	}
	return 0
}

func baseOf(key string) string {
	if strings.HasPrefix(key, "msgstr[") {
		return "msgstr"
	}
	return key
}

// flush ends the entry being read at line n, checking that it is whole.
func (r *reader) flush(n int) error {
	e := r.cur
	defer func() {
		r.cur, r.started, r.target, r.lastKey, r.strIdx, r.plainS = nil, false, nil, "", nil, false
	}()
	if e == nil {
		return nil
	}
	if !r.started {
		if e.PrevID != nil || len(e.Flags) > 0 || len(e.Refs) > 0 {
			return r.errorf(n, "dangling_comments", "comments with no entry after them; add the msgid and msgstr lines, or delete the comments")
		}
		return nil // comments alone, as at the end of a file
	}
	line := e.Line
	if len(e.Str) == 0 {
		return r.errorf(line, "no_msgstr", "the entry has no msgstr; add msgstr \"\" after its msgid")
	}
	if e.IDPlural != nil && r.plainS {
		return r.errorf(line, "plural_needs_index", "a plural entry (msgid_plural) needs msgstr[0], msgstr[1], ... instead of msgstr")
	}
	if e.IDPlural == nil && !r.plainS {
		return r.errorf(line, "index_without_plural", "msgstr[n] in an entry without msgid_plural; use msgstr \"...\"")
	}
	r.entries = append(r.entries, e)
	return nil
}

// file checks the entries as a whole and separates the header.
func (r *reader) file() (*File, error) {
	f := &File{}
	seen := map[string]int{}
	for i, e := range r.entries {
		if i == 0 && e.Context == nil && e.ID == "" && !e.Obsolete {
			if err := f.setHeader(r.name, e); err != nil {
				return nil, err
			}
			continue
		}
		if e.ID == "" && !e.Obsolete {
			return nil, r.errorf(e.Line, "empty_msgid", "an empty msgid is only for the header, the first entry")
		}
		if !e.Obsolete {
			key := e.Key()
			if prev, dup := seen[key]; dup {
				return nil, r.errorf(e.Line, "duplicate", "the same msgctxt and msgid as the entry at line %d; keep one of them", prev)
			}
			seen[key] = e.Line
		}
		f.Entries = append(f.Entries, e)
	}
	return f, nil
}

func (f *File) setHeader(name string, e *Entry) error {
	f.Head = Entry{Comments: e.Comments, Extracted: e.Extracted, Refs: e.Refs, Flags: e.Flags,
		PrevContext: e.PrevContext, PrevID: e.PrevID, PrevIDPlural: e.PrevIDPlural}
	for i, line := range strings.Split(e.Str[0], "\n") {
		if line == "" {
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			return failAt(name, e.StrLine+i, "header_line", "header line %q is not \"Name: value\"", line)
		}
		f.Header = append(f.Header, Field{strings.TrimSpace(k), strings.TrimSpace(v)})
	}
	if ct := f.Get("Content-Type"); ct != "" {
		_, cs, _ := strings.Cut(ct, "charset=")
		if cs = strings.TrimSpace(cs); cs != "" && !strings.EqualFold(cs, "UTF-8") && !strings.EqualFold(cs, "CHARSET") {
			return failAt(name, e.StrLine, "charset", "charset %q: only UTF-8 PO files are read; save the file as UTF-8 and set charset=UTF-8", cs)
		}
	}
	return nil
}

// unquote reads a C-style quoted string as gettext writes them.
func unquote(s string) (string, error) {
	if len(s) < 2 || s[0] != '"' {
		return "", syntaxError("not_quoted", "expected a string in double quotes, got %q", s)
	}
	// Most strings have no escape: their text is s's, with no copy.
	if end := strings.IndexAny(s[1:], "\"\\") + 1; end > 0 && s[end] == '"' {
		if rest := strings.TrimSpace(s[end+1:]); rest != "" {
			return "", syntaxError("text_after_quote", "text after the closing quote: %q", rest)
		}
		if !utf8.ValidString(s[1:end]) {
			return "", syntaxError("invalid_utf8_escape", "an escape makes text that is not valid UTF-8")
		}
		return s[1:end], nil
	}
	var b strings.Builder
	i := 1
	for ; i < len(s); i++ {
		c := s[i]
		if c == '"' {
			break
		}
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(s) {
			return "", syntaxError("lone_backslash", "the string ends with a lone backslash; write \\\\ for a backslash")
		}
		switch c := s[i]; c {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case '\\', '"', '\'', '?':
			b.WriteByte(c)
		case 'x':
			j := i + 1
			for j < len(s) && j < i+3 && isHex(s[j]) {
				j++
			}
			if j == i+1 {
				return "", syntaxError("hex_no_digits", "\\x with no hex digits after it")
			}
			v, _ := strconv.ParseUint(s[i+1:j], 16, 8)
			b.WriteByte(byte(v))
			i = j - 1
		case '0', '1', '2', '3', '4', '5', '6', '7':
			j := i
			for j < len(s) && j < i+3 && s[j] >= '0' && s[j] <= '7' {
				j++
			}
			v, _ := strconv.ParseUint(s[i:j], 8, 16)
			if v > 255 {
				return "", syntaxError("octal_too_big", "octal escape \\%s is more than a byte", s[i:j])
			}
			b.WriteByte(byte(v))
			i = j - 1
		default:
			return "", syntaxError("unknown_escape", "unknown escape \\%c; write \\\\ for a backslash", c)
		}
	}
	if i >= len(s) {
		return "", syntaxError("no_closing_quote", "the string has no closing quote")
	}
	if rest := strings.TrimSpace(s[i+1:]); rest != "" {
		return "", syntaxError("text_after_quote", "text after the closing quote: %q", rest)
	}
	if !utf8.ValidString(b.String()) {
		return "", syntaxError("invalid_utf8_escape", "an escape makes text that is not valid UTF-8")
	}
	return b.String(), nil
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
