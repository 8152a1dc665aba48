// Package invisible finds the characters that a contributor cannot see
// and a page must never publish: control characters, noncharacters and,
// in titles, the bidirectional controls that reorder what a reader sees.
//
// A front matter value, an interface string or a name in site.toml that
// holds one is an error at its line rather than a character removed with
// a warning: removing it would publish something other than what the
// file says, and a bidirectional override that turns "fdp.exe" into
// "exe.pdf" is written on purpose, to deceive; the person who wrote the
// file fixes it once.
package invisible

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"cecot/internal/diag"
)

// Find returns the first character of s that must not be published, and
// reports whether there is one: a C0 control other than tab and line
// feed, DEL, a C1 control, U+FFFE or U+FFFF, and, when title is set, a
// bidirectional embedding, override or isolate (U+202A–U+202E,
// U+2066–U+2069). The marks U+200E and U+200F, which right-to-left text
// legitimately needs, are allowed.
func Find(s string, title bool) (rune, bool) {
	for _, r := range s {
		if forbidden(r, title) {
			return r, true
		}
	}
	return 0, false
}

func forbidden(r rune, title bool) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20, r >= 0x7f && r <= 0x9f, r == 0xfffe, r == 0xffff:
		return true
	case r == utf8.RuneError:
		return false // invalid UTF-8 is refused before this
	}
	return title && isBidiControl(r)
}

func isBidiControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// names are the usual names of the characters people meet most.
var names = map[rune]string{
	0x00: "NUL", 0x07: "BEL, the bell", 0x08: "backspace", 0x0b: "vertical tab", 0x0c: "form feed",
	0x0d: "carriage return", 0x1b: "ESC, the start of terminal colour codes", 0x7f: "DEL",
	0x85: "next line", 0xfffe: "a noncharacter", 0xffff: "a noncharacter",
	0x202a: "left-to-right embedding", 0x202b: "right-to-left embedding", 0x202c: "pop directional formatting",
	0x202d: "left-to-right override", 0x202e: "right-to-left override",
	0x2066: "left-to-right isolate", 0x2067: "right-to-left isolate", 0x2068: "first strong isolate", 0x2069: "pop directional isolate",
}

// Describe names r for a message: "U+001B (ESC, the start of terminal
// colour codes)".
func Describe(r rune) string { return describe(r).Error() }

// describe is Describe as a message a catalogue can say in the reader's
// language: the code, and the name as a message of its own.
func describe(r rune) *diag.Message {
	code := fmt.Sprintf("U+%04X", r)
	var name *diag.Message
	if n, ok := names[r]; ok {
		name = diag.Say(fmt.Sprintf("char_%04x", r), n)
	} else if isBidiControl(r) {
		name = diag.Say("char_bidi", "a bidirectional control")
	} else {
		name = diag.Say("char_control", "a control character")
	}
	return diag.Say("char_described", code+" ("+name.English+")", "Code", code, "Name", name)
}

// Check returns an error that says which invisible character s holds and
// what to do, or nil; title as for Find.
func Check(s string, title bool) error {
	r, ok := Find(s, title)
	if !ok {
		return nil
	}
	char := describe(r)
	if isBidiControl(r) {
		return diag.Say("invisible_reorders", fmt.Sprintf("holds the invisible character %s, which reorders the text that readers see; delete it (right-to-left text needs no such character in a title)", char), "Char", char)
	}
	return diag.Say("invisible_forbidden", fmt.Sprintf("holds the invisible character %s, which a page must not publish; delete it (text copied from a terminal or another program can bring one in)", char), "Char", char)
}

// FromTOML rewords the TOML parser's message about a raw control
// character in a file ("TOML files cannot contain control characters:
// '0x1b'") as Check words it, for the line that holds it; ok is false for
// any other message.
func FromTOML(msg string) (*diag.Message, bool) {
	rest, ok := strings.CutPrefix(msg, "TOML files cannot contain control characters: '0x")
	if !ok {
		return nil, false
	}
	n, err := strconv.ParseUint(strings.TrimSuffix(rest, "'"), 16, 32)
	if err != nil {
		return nil, false
	}
	if err := Check(string(rune(n)), true); err != nil {
		return diag.Say("invisible_line", "the line "+err.Error(), "Err", err), true
	}
	return nil, false
}

// Index returns the byte offset in text of the first character that
// must not be published (Find with title unset), and that character, or
// -1. It looks at bytes first, as the text of every page goes through
// it: only a byte that can start such a character is decoded.
func Index(text []byte) (int, rune) {
	for i, b := range text {
		switch {
		case b < 0x20 || b == 0x7f:
			if b != '\t' && b != '\n' {
				return i, rune(b)
			}
		case b == 0xc2 || b == 0xef: // C1 controls; U+FFFE and U+FFFF
			if r, _ := utf8.DecodeRune(text[i:]); forbidden(r, false) {
				return i, r
			}
		}
	}
	return -1, 0
}
