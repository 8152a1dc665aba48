package locale

import (
	"bytes"
	"fmt"
	"strings"

	"cecot/internal/tomlline"
)

// Editor changes messages of a strings file (locales/<lang>.toml) line
// by line, so that every other line, comments included, stays as it
// was. Src is the file's text, changed by Set; Changed says whether it
// was.
type Editor struct {
	Src     []byte
	Changed bool
}

func (ed *Editor) lines() []string { return strings.SplitAfter(string(ed.Src), "\n") }

// Set sets message id to forms: a simple message's "other" form as a
// top-level key, a plural one's forms (in order) in its table, adding
// what the file lacks.
func (ed *Editor) Set(id string, plural bool, order []string, forms map[string]string) error {
	lines := ed.lines()
	table := -1
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if !plural && table < 0 && strings.HasPrefix(t, "[") {
			break
		}
		if strings.HasPrefix(t, "[") {
			if strings.Trim(strings.SplitN(t, "#", 2)[0], "[] \"") == id {
				table = i
			} else if table >= 0 {
				break
			}
			continue
		}
		if !plural && tomlline.IsKey(t, id) {
			lines[i] = assign(l, id, forms["other"])
			ed.Src, ed.Changed = []byte(strings.Join(lines, "")), true
			return nil
		}
	}
	if !plural {
		// A new top-level key goes before the first table.
		at := len(lines)
		for i, l := range lines {
			if strings.HasPrefix(strings.TrimSpace(l), "[") {
				at = i
				break
			}
		}
		line := fmt.Sprintf("%s = %s\n", id, tomlline.Quote(forms["other"]))
		lines = append(lines[:at], append([]string{line}, lines[at:]...)...)
		ed.Src, ed.Changed = []byte(strings.Join(lines, "")), true
		return nil
	}
	if table < 0 {
		var b bytes.Buffer
		b.Write(ed.Src)
		if len(ed.Src) > 0 && !bytes.HasSuffix(ed.Src, []byte("\n")) {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "\n[%s]\n", id)
		for _, f := range order {
			fmt.Fprintf(&b, "%s = %s\n", f, tomlline.Quote(forms[f]))
		}
		ed.Src, ed.Changed = b.Bytes(), true
		return nil
	}
	end := table + 1
	done := map[string]bool{}
	for ; end < len(lines); end++ {
		t := strings.TrimSpace(lines[end])
		if strings.HasPrefix(t, "[") {
			break
		}
		for _, f := range order {
			if tomlline.IsKey(t, f) {
				lines[end] = assign(lines[end], f, forms[f])
				done[f] = true
			}
		}
	}
	for end > table+1 && strings.TrimSpace(lines[end-1]) == "" {
		end--
	}
	var add []string
	for _, f := range order {
		if !done[f] {
			add = append(add, fmt.Sprintf("%s = %s\n", f, tomlline.Quote(forms[f])))
		}
	}
	lines = append(lines[:end], append(add, lines[end:]...)...)
	ed.Src, ed.Changed = []byte(strings.Join(lines, "")), true
	return nil
}

// assign rewrites the line "key = ..." with a new value, keeping its
// indentation, its line ending and a "# same" mark.
func assign(line, key, value string) string {
	end := ""
	if strings.HasSuffix(line, "\n") {
		end = "\n"
	}
	out := tomlline.Assign(strings.TrimSuffix(line, "\n"), key, " = ", value)
	if strings.HasSuffix(strings.TrimSpace(line), SameMark) {
		out += " " + SameMark
	}
	return out + end
}
