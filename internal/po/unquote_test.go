package po

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// unquoteCopying is unquote as it was before its fast path: every
// string copied through a strings.Builder, as the reference it must agree
// with.
func unquoteCopying(s string) (string, error) {
	if len(s) < 2 || s[0] != '"' {
		return "", syntaxError("not_quoted", "expected a string in double quotes, got %q", s)
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

// FuzzUnquote fails if unquote, which returns a string with no escape
// without copying it, gives another string or error than unquoteCopying.
func FuzzUnquote(f *testing.F) {
	for _, s := range []string{`""`, `"a"`, `"a\nb"`, `"a" x`, `"a"  `, `"a`, `"a\"`, `"\x41\101"`, `"é"`, "\"\xff\"", `"a\\"`, `"\q"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, gotErr := unquote(s)
		want, wantErr := unquoteCopying(s)
		if got != want || fmt.Sprintf("%#v", gotErr) != fmt.Sprintf("%#v", wantErr) {
			t.Errorf("unquote(%q) = %q, %v; before its fast path %q, %v", s, got, gotErr, want, wantErr)
		}
	})
}
